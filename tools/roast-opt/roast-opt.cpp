//===- roast-opt.cpp - mlir-opt with the roast dialect and passes ---------===//

#include "Roast/Dialect/Roast/Transforms/PassStatistics.h"
#include "Roast/Pipeline/Pipeline.h"

#include "mlir/InitAllDialects.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "llvm/ADT/StringRef.h"

/// Whether the command line turns on `-mlir-pass-statistics` (MLIR parses
/// the flag itself; its last occurrence wins).
static bool passStatisticsRequested(int argc, char **argv) {
  bool requested = false;
  for (int i = 1; i < argc; ++i) {
    llvm::StringRef arg = llvm::StringRef(argv[i]).ltrim('-');
    if (arg == "mlir-pass-statistics")
      requested = true;
    else if (arg.consume_front("mlir-pass-statistics="))
      requested = arg == "true" || arg == "1" || arg == "TRUE" || arg == "True";
  }
  return requested;
}

int main(int argc, char **argv) {
  mlir::registerAllPasses();
  roast::registerRoastPassesAndPipelines();

  mlir::DialectRegistry registry;
  mlir::registerAllDialects(registry);
  roast::registerRoastDialects(registry);
  bool statistics = passStatisticsRequested(argc, argv);
  mlir::LogicalResult result =
      mlir::MlirOptMain(argc, argv, "Roast optimizer driver\n", registry);
  // MLIR printed its report's header (its own counters count nothing in
  // an LLVM without statistics); the Roast passes' counts follow it.
  if (statistics)
    roast::printPassStatistics(llvm::errs());
  return mlir::asMainReturnCode(result);
}
