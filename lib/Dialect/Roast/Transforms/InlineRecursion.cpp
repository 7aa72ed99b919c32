//===- InlineRecursion.cpp - Inline small recursive functions once --------===//
//
// MLIR's inliner never inlines a function into itself. For small recursive
// functions one level of self-inlining removes half the calls (GCC does the
// same at -O2): each self-call gets a copy of the original body, whose
// self-calls remain calls.
//
// Exceptions: an op of an inlined copy that raises leaves the function
// (the lowering pushes the traceback frame of the call it was inlined at,
// from its CallSiteLoc). So neither a call inside a try body (its handler
// must see the callee's exceptions) nor a function with handlers of its
// own (their blocks would be copied into the caller) is inlined.
//
//===----------------------------------------------------------------------===//

#include "Roast/Dialect/Roast/Transforms/PassStatistics.h"
#include "Roast/Dialect/Roast/Transforms/Passes.h"

#include "mlir/IR/IRMapping.h"
#include "mlir/Transforms/Inliner.h"
#include "mlir/Transforms/InliningUtils.h"

namespace roast {
#define GEN_PASS_DEF_ROASTINLINERECURSION
#include "Roast/Dialect/Roast/Transforms/Passes.h.inc"
} // namespace roast

using namespace mlir;
using namespace roast;

namespace {

struct InlineRecursionPass
    : public roast::impl::RoastInlineRecursionBase<InlineRecursionPass> {
  using RoastInlineRecursionBase::RoastInlineRecursionBase;

  PassStatistic numInlined{this, "calls-inlined",
                           "Number of self-calls inlined"};

  void runOnOperation() override {
    InlinerInterface interface(&getContext());
    InlinerConfig config;
    for (FuncOp func : getOperation().getOps<FuncOp>()) {
      if (func.isExternal())
        continue;
      SmallVector<CallOp> selfCalls;
      unsigned size = 0;
      bool handlesExceptions = false;
      func.walk([&](Operation *op) {
        ++size;
        handlesExceptions |= isa<CheckRaisedOp, CatchOp>(op);
        if (auto call = dyn_cast<CallOp>(op);
            call && call.getCallee() == func.getName())
          selfCalls.push_back(call);
      });
      if (selfCalls.empty() || size > maxOps || handlesExceptions)
        continue;
      // Inline from a snapshot of the original body, so that the copies
      // keep calling the function rather than each other.
      OpBuilder builder(func);
      auto original = cast<FuncOp>(builder.clone(*func));
      for (CallOp call : selfCalls) {
        if (failed(inlineCall(interface, config.getCloneCallback(),
                              cast<CallOpInterface>(call.getOperation()),
                              cast<CallableOpInterface>(original.getOperation()),
                              &original.getBody())))
          continue;
        call.erase();
        ++numInlined;
      }
      original.erase();
      // The copies' stack guards are covered by the function's own: the
      // runtime's stack margin is far larger than one merged frame.
      Block *entry = &func.getBody().front();
      func.walk([&](StackGuardOp guard) {
        if (guard->getBlock() != entry)
          guard.erase();
      });
    }
  }
};

} // namespace
