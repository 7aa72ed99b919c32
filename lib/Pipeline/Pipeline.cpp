//===- Pipeline.cpp - The named Roast pass pipelines ----------------------===//

#include "Roast/Pipeline/Pipeline.h"

#include "Roast/Conversion/Passes.h"
#include "Roast/Dialect/Roast/Transforms/Passes.h"

#include "mlir/Conversion/ArithToLLVM/ArithToLLVM.h"
#include "mlir/Conversion/ControlFlowToLLVM/ControlFlowToLLVM.h"
#include "mlir/Conversion/FuncToLLVM/ConvertFuncToLLVMPass.h"
#include "mlir/Conversion/MathToLLVM/MathToLLVM.h"
#include "mlir/Conversion/MathToLibm/MathToLibm.h"
#include "mlir/Conversion/ReconcileUnrealizedCasts/ReconcileUnrealizedCasts.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;

void roast::buildRoastOptimizationPipeline(
    OpPassManager &pm, const RoastOptimizationOptions &options) {
  pm.addPass(createRoastMonomorphize());
  pm.addPass(createRoastDevirtualize());
  pm.addPass(createRoastStackGuards());
  pm.addPass(createMem2Reg());
  pm.addPass(createRoastSpecializeTypes());
  pm.addPass(createRoastInlineCache());
  if (options.inlineCalls)
    pm.addPass(createRoastInline());
  pm.addPass(createRoastInlineRecursion());
  if (options.analyzeEscapes)
    pm.addPass(createRoastEscapeAnalysis());
  if (options.elideRefCounts)
    pm.addPass(createRoastRefCountElision());
  pm.addPass(createCanonicalizerPass());
  // After a cleanup: canonicalize drops the stack instances that a loop's
  // exception landings still pass to the function's cleanup, which would
  // otherwise keep it from being versioned.
  if (options.versionLoops) {
    pm.addPass(createRoastLoopVersioning());
    pm.addPass(createCanonicalizerPass());
  }
  pm.addPass(createCSEPass());
}

void roast::buildRoastOptimizationPipeline(OpPassManager &pm) {
  buildRoastOptimizationPipeline(pm, RoastOptimizationOptions());
}

void roast::buildRoastToLLVMPipeline(OpPassManager &pm) {
  pm.addPass(createConvertRoastToStandard());
  pm.addPass(createCanonicalizerPass());
  // Intrinsics first (sqrt, fabs, ...); libm calls for what has none.
  pm.addPass(createConvertMathToLLVMPass());
  pm.addPass(createConvertMathToLibmPass());
  pm.addPass(createArithToLLVMConversionPass());
  pm.addPass(createConvertControlFlowToLLVMPass());
  pm.addPass(createConvertFuncToLLVMPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
}

void roast::registerRoastPassesAndPipelines() {
  registerRoastTransformsPasses();
  registerRoastConversionPasses();
  PassPipelineRegistration<RoastOptimizationOptions>(
      "roast-optimize", "Roast-level optimizations on roast IR",
      [](OpPassManager &pm, const RoastOptimizationOptions &options) {
        buildRoastOptimizationPipeline(pm, options);
      });
  PassPipelineRegistration<>("roast-lower-to-llvm",
                             "Lower roast IR to the llvm dialect",
                             buildRoastToLLVMPipeline);
  PassPipelineRegistration<>(
      "roast-pipeline", "What roastc runs: roast-optimize, roast-lower-to-llvm",
      [](OpPassManager &pm) {
        buildRoastOptimizationPipeline(pm);
        buildRoastToLLVMPipeline(pm);
      });
}

void roast::registerRoastDialects(DialectRegistry &registry) {
  registry.insert<RoastDialect, arith::ArithDialect, cf::ControlFlowDialect,
                  func::FuncDialect, math::MathDialect, LLVM::LLVMDialect>();
  registerBuiltinDialectTranslation(registry);
  registerLLVMDialectTranslation(registry);
}
