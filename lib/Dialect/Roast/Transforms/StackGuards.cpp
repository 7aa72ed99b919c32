//===- StackGuards.cpp - Guard recursive functions against stack overflow -===//
//
// Only functions on a call-graph cycle can recurse without bound, so only
// they pay for the guard.
//
//===----------------------------------------------------------------------===//

#include "Roast/Dialect/Roast/Transforms/Passes.h"

#include "mlir/Analysis/CallGraph.h"
#include "mlir/IR/Builders.h"
#include "llvm/ADT/SCCIterator.h"

namespace roast {
#define GEN_PASS_DEF_ROASTSTACKGUARDS
#include "Roast/Dialect/Roast/Transforms/Passes.h.inc"
} // namespace roast

using namespace mlir;
using namespace roast;

namespace {

/// True if `node` is in a call-graph cycle: an SCC of several nodes, or a
/// single node that calls itself.
static bool isRecursive(const std::vector<CallGraphNode *> &scc) {
  if (scc.size() > 1)
    return true;
  CallGraphNode *node = scc.front();
  return llvm::any_of(*node, [&](const CallGraphNode::Edge &edge) {
    return edge.getTarget() == node;
  });
}

struct StackGuardsPass
    : public roast::impl::RoastStackGuardsBase<StackGuardsPass> {
  void runOnOperation() override {
    const CallGraph &callGraph = getAnalysis<CallGraph>();
    for (auto it = llvm::scc_begin(&callGraph); !it.isAtEnd(); ++it) {
      if (!isRecursive(*it))
        continue;
      for (CallGraphNode *node : *it) {
        if (node->isExternal())
          continue;
        auto func = dyn_cast<FuncOp>(node->getCallableRegion()->getParentOp());
        if (!func || func.isExternal())
          continue;
        Block &entry = func.getBody().front();
        if (!entry.empty() && isa<StackGuardOp>(entry.front()))
          continue;
        OpBuilder builder = OpBuilder::atBlockBegin(&entry);
        StackGuardOp::create(builder, func.getLoc());
        ++numGuards;
      }
    }
    markAllAnalysesPreserved();
  }
};

} // namespace
