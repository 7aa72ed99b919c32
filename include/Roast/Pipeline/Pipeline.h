//===- Pipeline.h - The named Roast pass pipelines --------------*- C++ -*-===//
//
// The order of passes from CodeGen's roast IR down to the llvm dialect, as
// code: roastc runs these builders and roast-opt registers them so every
// stage can be replayed (`roast-opt --roast-optimize --roast-lower-to-llvm`).
//
//===----------------------------------------------------------------------===//

#ifndef ROAST_PIPELINE_PIPELINE_H
#define ROAST_PIPELINE_PIPELINE_H

#include "mlir/Pass/PassOptions.h"

namespace mlir {
class DialectRegistry;
class OpPassManager;
} // namespace mlir

namespace roast {

/// Choices of the Roast-level pipeline: roast-opt's
/// `--roast-optimize="inline=0 rc-elision=0"`, roastc's --no-inline.
struct RoastOptimizationOptions
    : public mlir::PassPipelineOptions<RoastOptimizationOptions> {
  Option<bool> inlineCalls{
      *this, "inline",
      llvm::cl::desc("Inline small functions into their callers"),
      llvm::cl::init(true)};
  Option<bool> analyzeEscapes{
      *this, "escape-analysis",
      llvm::cl::desc("Put instances that do not escape on the stack "
                     "(roast-escape-analysis)"),
      llvm::cl::init(true)};
  Option<bool> elideRefCounts{
      *this, "rc-elision",
      llvm::cl::desc("Remove retain/release pairs that cancel (tests of "
                     "CodeGen's ownership turn it off)"),
      llvm::cl::init(true)};
  Option<bool> versionLoops{
      *this, "loop-versioning",
      llvm::cl::desc("Give counted loops over lists a copy without index "
                     "checks (roast-loop-versioning)"),
      llvm::cl::init(true)};
};

/// Roast-level passes on roast IR: monomorphization, stack guards,
/// mem2reg, type specialization, inline caches, inlining, escape analysis,
/// refcount elision, loop versioning, canonicalize, cse.
void buildRoastOptimizationPipeline(mlir::OpPassManager &pm,
                                    const RoastOptimizationOptions &options);
void buildRoastOptimizationPipeline(mlir::OpPassManager &pm);

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
