//===- RoastDynamicOps.cpp - Folders and verifiers of dynamic values ------===//

#include "Roast/Dialect/Roast/IR/RoastOps.h"

#include "mlir/IR/Builders.h"

using namespace mlir;
using namespace roast;

/// Unboxing what was just boxed gives the value back. Only scalars fold:
/// boxing and unboxing an object each make a new reference, which the
/// code around them releases separately.
OpFoldResult UnboxOp::fold(FoldAdaptor) {
  auto box = getValue().getDefiningOp<BoxOp>();
  if (box && box.getValue().getType() == getType() && isScalarType(getType()))
    return box.getValue();
  return {};
}

LogicalResult BoxOp::verify() {
  if (getBorrowed() && !isObjectType(getValue().getType()))
    return emitOpError("only a reference can be boxed borrowed");
  return success();
}

LogicalResult UnboxOp::verify() {
  if (isa<TypeParamType>(getType()))
    return emitOpError("cannot unbox to a type parameter");
  return success();
}
