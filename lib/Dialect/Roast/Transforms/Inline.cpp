//===- Inline.cpp - Inline small functions into their callers -------------===//
//
// The call graph walk, the per-SCC simplification and the cloning are
// MLIR's (mlir::Inliner); this pass only decides which calls are worth it.
// What inlined code means for exceptions and tracebacks is the roast
// dialect's inliner interface's business (RoastDialect.cpp).
//
//===----------------------------------------------------------------------===//

#include "Roast/Dialect/Roast/Transforms/Passes.h"

#include "mlir/Analysis/CallGraph.h"
#include "mlir/Transforms/Inliner.h"
#include "mlir/Transforms/Passes.h"

namespace roast {
#define GEN_PASS_DEF_ROASTINLINE
#include "Roast/Dialect/Roast/Transforms/Passes.h.inc"
} // namespace roast

using namespace mlir;
using namespace roast;

namespace {

/// Whether a call of `callee` is worth replacing by its body: a small
/// function that cannot recurse (recursive ones start with a stack guard).
static bool isWorthInlining(FuncOp callee, unsigned maxOps) {
  if (!callee || callee.isExternal())
    return false;
  unsigned size = 0;
  WalkResult walk = callee.walk([&](Operation *op) {
    if (isa<StackGuardOp>(op) || ++size > maxOps)
      return WalkResult::interrupt();
    return WalkResult::advance();
  });
  return !walk.wasInterrupted();
}

struct InlinePass : public roast::impl::RoastInlineBase<InlinePass> {
  using RoastInlineBase::RoastInlineBase;

  void runOnOperation() override {
    CallGraph &callGraph = getAnalysis<CallGraph>();
    InlinerConfig config(
        [](OpPassManager &pm) { pm.addPass(createCanonicalizerPass()); },
        /*maxInliningIterations=*/4);
    auto runPipeline = [this](Pass &, OpPassManager &pipeline,
                              Operation *op) {
      return this->runPipeline(pipeline, op);
    };
    auto isProfitable = [this](const Inliner::ResolvedCall &resolved) {
      Region *body = resolved.targetNode->getCallableRegion();
      return isWorthInlining(dyn_cast<FuncOp>(body->getParentOp()), maxOps);
    };
    Inliner inliner(getOperation(), callGraph, *this, getAnalysisManager(),
                    runPipeline, config, isProfitable);
    if (failed(inliner.doInlining()))
      signalPassFailure();
  }
};

} // namespace
