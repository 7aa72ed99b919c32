//===- Pipeline.h - The named Roast pass pipelines --------------*- C++ -*-===//
//
// The order of passes from CodeGen's roast IR down to the llvm dialect, as
// code: roastc runs these builders and roast-opt registers them so every
// stage can be replayed (`roast-opt --roast-optimize --roast-lower-to-llvm`).
//
//===----------------------------------------------------------------------===//

#ifndef ROAST_PIPELINE_PIPELINE_H
#define ROAST_PIPELINE_PIPELINE_H

namespace mlir {
class DialectRegistry;
class OpPassManager;
} // namespace mlir

namespace roast {

/// Choices of the Roast-level pipeline a driver can make.
struct RoastOptimizationOptions {
  /// Inline small functions into their callers (roast-inline); roastc's
  /// --no-inline turns it off, to read or debug calls as written.
  bool inlineCalls = true;
};

/// Roast-level passes on roast IR: monomorphization, stack guards,
/// mem2reg, type specialization, inline caches, inlining, canonicalize,
/// cse.
void buildRoastOptimizationPipeline(
    mlir::OpPassManager &pm, const RoastOptimizationOptions &options = {});

/// roast -> arith/cf/func/math -> llvm dialect.
void buildRoastToLLVMPipeline(mlir::OpPassManager &pm);

/// Registers every roast pass and the pipelines `roast-optimize`,
/// `roast-lower-to-llvm` and `roast-pipeline` (both, in order).
void registerRoastPassesAndPipelines();

/// The roast dialect, the dialects it lowers to, and their LLVM IR
/// translations.
void registerRoastDialects(mlir::DialectRegistry &registry);

} // namespace roast

#endif // ROAST_PIPELINE_PIPELINE_H
