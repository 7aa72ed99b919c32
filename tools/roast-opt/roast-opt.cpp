//===- roast-opt.cpp - mlir-opt with the roast dialect and passes ---------===//

#include "Roast/Pipeline/Pipeline.h"

#include "mlir/InitAllDialects.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  mlir::registerAllPasses();
  roast::registerRoastPassesAndPipelines();

  mlir::DialectRegistry registry;
  mlir::registerAllDialects(registry);
  roast::registerRoastDialects(registry);
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "Roast optimizer driver\n", registry));
}
