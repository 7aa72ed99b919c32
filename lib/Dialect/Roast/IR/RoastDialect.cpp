//===- RoastDialect.cpp - Registration of the roast dialect ---------------===//

#include "Roast/Dialect/Roast/IR/RoastOps.h"
#include "Roast/Dialect/Roast/IR/InlinedLocations.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "mlir/Interfaces/CallInterfaces.h"
#include "mlir/Transforms/InliningUtils.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace roast;

#include "Roast/Dialect/Roast/IR/RoastOpsDialect.cpp.inc"
#include "Roast/Dialect/Roast/IR/RoastEnums.cpp.inc"

#define GET_TYPEDEF_CLASSES
#include "Roast/Dialect/Roast/IR/RoastOpsTypes.cpp.inc"

namespace {
/// Every roast op may be inlined: none depends on its enclosing function
/// except `roast.return`, which handleTerminator rewrites, and the raising
/// ops, whose exceptions processInlinedCallBlocks sends where the call's
/// went.
struct RoastInlinerInterface : public DialectInlinerInterface {
  using DialectInlinerInterface::DialectInlinerInterface;

  bool isLegalToInline(Operation *, Operation *, bool) const final {
    return true;
  }
  bool isLegalToInline(Region *, Region *, bool, IRMapping &) const final {
    return true;
  }
  bool isLegalToInline(Operation *, Region *, bool, IRMapping &) const final {
    return true;
  }

  /// A body that ends by raising (no roast.return) keeps its terminator:
  /// the general path leaves it in place and branches to what follows
  /// from returns only.
  bool allowSingleBlockOptimization(
      iterator_range<Region::iterator> inlinedBlocks) const final {
    return llvm::all_of(inlinedBlocks, [](Block &block) {
      return isa<ReturnOp>(block.getTerminator());
    });
  }

  void handleTerminator(Operation *op, ValueRange valuesToRepl) const final {
    auto returnOp = cast<ReturnOp>(op);
    for (auto [from, to] : llvm::zip(valuesToRepl, returnOp.getOperands()))
      from.replaceAllUsesWith(to);
  }

  void handleTerminator(Operation *op, Block *newDest) const final {
    // Raising terminators and checks keep their targets.
    auto returnOp = dyn_cast<ReturnOp>(op);
    if (!returnOp)
      return;
    OpBuilder builder(op);
    cf::BranchOp::create(builder, op->getLoc(), newDest,
                         returnOp.getOperands());
    op->erase();
  }

  void processInlinedCallBlocks(
      Operation *call,
      iterator_range<Region::iterator> inlinedBlocks) const final {
    nameInlinedLocations(call, inlinedBlocks);
    // The blocks after the call start with what followed it: a
    // roast.check_raised when the call's exceptions had a handler.
    Block *rest = &*inlinedBlocks.end();
    if (auto check = dyn_cast<CheckRaisedOp>(&rest->front()))
      routeExceptionsTo(check.getHandler(), check.getLoc(), inlinedBlocks);
  }

private:
  /// Gives each inlined op the location InlinedLocations.h describes, so a
  /// traceback names the function it was written in.
  static void nameInlinedLocations(Operation *call,
                                   iterator_range<Region::iterator> blocks) {
    auto callee = dyn_cast<SymbolRefAttr>(
        cast<CallOpInterface>(call).getCallableForCallee());
    if (!callee)
      return;
    Location callSite = call->getLoc();
    for (Block &block : blocks) {
      block.walk([&](Operation *op) {
        op->setLoc(getInlinedLocation(op->getLoc(), callee.getLeafReference(),
                                      callSite));
      });
    }
  }

  /// Makes every op of the inlined body that may raise out of it go to
  /// `handler`: a roast.check_raised after each such op that had none, and
  /// an unwind successor on each roast.raise/roast.throw that had none.
  static void routeExceptionsTo(Block *handler, Location checkLoc,
                                iterator_range<Region::iterator> blocks) {
    SmallVector<Operation *> raising;
    for (Block &block : blocks) {
      for (Operation &op : block) {
        if (isa<RaiseOp, ThrowOp>(op) && op.getNumSuccessors() == 0)
          raising.push_back(&op);
        else if (!op.hasTrait<OpTrait::IsTerminator>() && mayRaise(&op) &&
                 !isa<CheckRaisedOp>(op.getNextNode()))
          raising.push_back(&op);
      }
    }
    for (Operation *op : raising) {
      OpBuilder builder(op->getContext());
      if (op->hasTrait<OpTrait::IsTerminator>()) {
        builder.setInsertionPoint(op);
        OperationState state(op->getLoc(), op->getName(), op->getOperands(),
                             op->getResultTypes(), op->getAttrs(),
                             BlockRange{handler});
        builder.create(state);
        op->erase();
        continue;
      }
      Block *block = op->getBlock();
      Block *next = block->splitBlock(op->getNextNode());
      builder.setInsertionPointToEnd(block);
      CheckRaisedOp::create(builder, checkLoc, handler, next);
    }
  }
};
} // namespace

void RoastDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "Roast/Dialect/Roast/IR/RoastOps.cpp.inc"
      >();
  addTypes<
#define GET_TYPEDEF_LIST
#include "Roast/Dialect/Roast/IR/RoastOpsTypes.cpp.inc"
      >();
  addInterfaces<RoastInlinerInterface>();
}

Operation *RoastDialect::materializeConstant(OpBuilder &builder,
                                             Attribute value, Type type,
                                             Location loc) {
  if (auto str = dyn_cast<StringAttr>(value); str && isa<StrType>(type))
    return StringOp::create(builder, loc, str);
  if (isa<UnitAttr>(value) && isa<NoneType>(type))
    return NoneOp::create(builder, loc);
  if (isa<UnitAttr>(value) &&
      isa<StrType, ListType, DictType, SetType, ObjectType, FileType>(type))
    return NullOp::create(builder, loc, type);
  return arith::ConstantOp::materialize(builder, value, type, loc);
}

LogicalResult OptionalType::verify(function_ref<InFlightDiagnostic()> emitError,
                                   Type valueType) {
  // `T | None | None` is `T | None`, and `None | None` is None: neither
  // has a type of its own.
  if (isa<OptionalType, roast::NoneType, RefType>(valueType))
    return emitError() << "optional of " << valueType;
  return success();
}
