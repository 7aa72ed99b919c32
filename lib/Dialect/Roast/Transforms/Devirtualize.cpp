//===- Devirtualize.cpp - Direct calls where dispatch has one target ------===//

#include "ClassHierarchy.h"

#include "Roast/Dialect/Roast/Transforms/PassStatistics.h"
#include "Roast/Dialect/Roast/Transforms/Passes.h"

#include "mlir/IR/Builders.h"

namespace roast {
#define GEN_PASS_DEF_ROASTDEVIRTUALIZE
#include "Roast/Dialect/Roast/Transforms/Passes.h.inc"
} // namespace roast

using namespace mlir;
using namespace roast;

namespace {

struct DevirtualizePass
    : public roast::impl::RoastDevirtualizeBase<DevirtualizePass> {
  PassStatistic numDevirtualized{this, "calls-devirtualized",
                                 "Number of method calls made direct"};
  PassStatistic numVirtual{this, "calls-left-virtual",
                           "Number of method calls left virtual"};

  void runOnOperation() override {
    ModuleOp module = getOperation();
    ClassHierarchy hierarchy(module);
    SmallVector<MethodCallOp> calls;
    module.walk([&](MethodCallOp call) { calls.push_back(call); });
    for (MethodCallOp call : calls) {
      auto targets = hierarchy.possibleTargets(call);
      if (targets.size() != 1) {
        ++numVirtual;
        continue;
      }
      auto callee = module.lookupSymbol<FuncOp>(targets.front());
      if (!callee)
        continue;
      // The callee takes an instance of the class that defines it: a base
      // of (or the same as) the receiver's class.
      OpBuilder builder(call);
      Value receiver = call.getReceiver();
      Type selfType = callee.getArgumentTypes().front();
      if (receiver.getType() != selfType)
        receiver = UpcastOp::create(builder, call.getLoc(), selfType, receiver);
      SmallVector<Value> operands{receiver};
      llvm::append_range(operands, call.getArgs());
      auto direct = CallOp::create(builder, call.getLoc(), callee, operands);
      call.replaceAllUsesWith(direct.getResults());
      call.erase();
      ++numDevirtualized;
    }
  }
};

} // namespace
