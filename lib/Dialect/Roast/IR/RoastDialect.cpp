//===- RoastDialect.cpp - Registration of the roast dialect ---------------===//

#include "Roast/Dialect/Roast/IR/RoastOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
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
/// except `roast.return`, which handleTerminator rewrites.
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

  void handleTerminator(Operation *op, ValueRange valuesToRepl) const final {
    auto returnOp = cast<ReturnOp>(op);
    for (auto [from, to] : llvm::zip(valuesToRepl, returnOp.getOperands()))
      from.replaceAllUsesWith(to);
  }

  void handleTerminator(Operation *op, Block *newDest) const final {
    auto returnOp = cast<ReturnOp>(op);
    OpBuilder builder(op);
    cf::BranchOp::create(builder, op->getLoc(), newDest,
                         returnOp.getOperands());
    op->erase();
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
