//===- StackGuards.cpp - Guard recursive functions against stack overflow -===//
//
// Only functions on a call-graph cycle can recurse without bound, so only
// they pay for the guard.
//
//===----------------------------------------------------------------------===//

#include "ClassHierarchy.h"

#include "Roast/Dialect/Roast/Transforms/PassStatistics.h"
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
  PassStatistic numGuards{this, "guards-inserted",
                          "Number of stack guards inserted"};

  void runOnOperation() override {
    const CallGraph &callGraph = getAnalysis<CallGraph>();
    for (auto it = llvm::scc_begin(&callGraph); !it.isAtEnd(); ++it) {
      if (!isRecursive(*it))
        continue;
      for (CallGraphNode *node : *it) {
        if (node->isExternal())
          continue;
        if (auto func =
                dyn_cast<FuncOp>(node->getCallableRegion()->getParentOp()))
          guard(func);
      }
    }
    guardVirtualCycles();
    markAllAnalysesPreserved();
  }

  void guard(FuncOp func) {
    if (func.isExternal())
      return;
    Block &entry = func.getBody().front();
    if (!entry.empty() && isa<StackGuardOp>(entry.front()))
      return;
    OpBuilder builder = OpBuilder::atBlockBegin(&entry);
    StackGuardOp::create(builder, func.getLoc());
    ++numGuards;
  }

  /// The call graph does not see through method calls: a function making
  /// one, and every method it may reach, could be on a cycle. Guard them
  /// (conservatively) when such a target can reach a method call again.
  void guardVirtualCycles() {
    ModuleOp module = getOperation();
    ClassHierarchy hierarchy(module);
    llvm::SetVector<FuncOp> callers, targets;
    module.walk([&](MethodCallOp call) {
      callers.insert(call->getParentOfType<FuncOp>());
      for (StringAttr target : hierarchy.possibleTargets(call))
        if (auto fn = module.lookupSymbol<FuncOp>(target))
          targets.insert(fn);
    });
    if (callers.empty())
      return;
    for (FuncOp fn : callers)
      guard(fn);
    for (FuncOp fn : targets)
      guard(fn);
  }
};

} // namespace
