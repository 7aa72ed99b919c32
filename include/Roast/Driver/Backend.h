//===- Backend.h - From roast IR to a native executable ---------*- C++ -*-===//
//
// The back half of roastc: lower roast IR to the llvm dialect, translate to
// LLVM IR, optimise with LLVM's standard pipelines, emit code for the host
// and link it with the runtime. Each step is its own function so that
// roastc's --emit options can stop after any of them.
//
//===----------------------------------------------------------------------===//

#ifndef ROAST_DRIVER_BACKEND_H
#define ROAST_DRIVER_BACKEND_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Support/LLVM.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/CodeGen.h"
#include "llvm/Support/Error.h"
#include "llvm/Target/TargetOptions.h"
#include "llvm/TargetParser/Triple.h"

#include <memory>
#include <string>

namespace llvm {
class LLVMContext;
class Module;
class raw_pwrite_stream;
} // namespace llvm

namespace roast {

struct BackendOptions {
  /// LLVM optimisation level, 0..3, as clang's -O0..-O3.
  unsigned optLevel = 2;
  /// CPU to generate code for. Empty means what clang uses without -march
  /// (x86-64 on x86-64 hosts, else "generic"); "native" means the host CPU
  /// and all of its features, like -march=native.
  std::string cpu;
  /// Inline small functions (roast-inline); off with roastc --no-inline.
  bool inlineCalls = true;
  /// Unchecked copies of counted loops over lists (roast-loop-versioning);
  /// off with roastc --no-loop-versioning.
  bool versionLoops = true;
  /// roast-escape-analysis and roast-rc-elision (the benchmark harness
  /// measures with and without them).
  bool analyzeEscapes = true;
  bool elideRefCounts = true;
};

/// Runs the roast-optimize and roast-lower-to-llvm pipelines on `module`
/// (roast dialect in, llvm dialect out). Errors are reported through the
/// context's diagnostic handler.
mlir::LogicalResult lowerToLLVMDialect(mlir::ModuleOp module,
                                       const BackendOptions &options);

/// Translates an llvm-dialect module to LLVM IR for the host and runs LLVM's
/// new-PM O0..O3 pipeline on it, with the host's data layout, triple and
/// target attributes set as clang would. Returns null after reporting an
/// error through the context's diagnostic handler.
std::unique_ptr<llvm::Module>
translateAndOptimize(mlir::ModuleOp module, llvm::LLVMContext &llvmContext,
                     const BackendOptions &options);

/// Emits `module` as host assembly or a relocatable (PIC) object file.
llvm::Error emitNative(llvm::Module &module, llvm::raw_pwrite_stream &out,
                       bool assembly, const BackendOptions &options);

/// Links `objects` with the runtime library into an executable, through the
/// system C compiler driver (clang-22 if present, else cc):
/// `<cc> objects... runtimeLibrary -lpthread -lm -o output`.
llvm::Error linkExecutable(llvm::ArrayRef<std::string> objects,
                           llvm::StringRef runtimeLibrary,
                           llvm::StringRef output);

/// The runtime library to link with: $ROAST_RUNTIME_LIB if set, else
/// ../lib/libRoastRuntime.a relative to the directory of the running
/// executable (the install and build-tree layout). Empty if neither exists.
std::string findRuntimeLibrary(const char *argv0);

/// The code generator's level for LLVM optimisation level 0..3.
llvm::CodeGenOptLevel getCodeGenOptLevel(unsigned optLevel);

/// The code generator's options for `triple`, the same for `build` and
/// `run`.
llvm::TargetOptions getTargetOptions(const llvm::Triple &triple);

} // namespace roast

#endif // ROAST_DRIVER_BACKEND_H
