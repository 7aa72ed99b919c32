//===- DynamicFolds.h - Dynamic ops on known boxes as typed ops -----------===//
//
// The rewrite patterns of roast-specialize-types (SpecializeTypes.cpp):
// a roast.dyn op whose operands are boxes of known types becomes the typed
// op, its result boxed (docs/rationale/dynamic-values.md).
//
//===----------------------------------------------------------------------===//

#ifndef ROAST_DIALECT_ROAST_TRANSFORMS_DYNAMICFOLDS_H
#define ROAST_DIALECT_ROAST_TRANSFORMS_DYNAMICFOLDS_H

#include "Roast/Dialect/Roast/IR/RoastOps.h"

#include "mlir/IR/PatternMatch.h"

namespace roast {

/// The scalar a value is known to box, if it is a roast.box of one.
mlir::Value boxedScalar(mlir::Value value);

/// The typed value a value is known to box: a scalar, or a reference
/// (str, container, instance) the box holds. Tuples and optionals are
/// not: boxing them makes a new heap object.
mlir::Value boxedValue(mlir::Value value);

/// Sets `builder` where code using `op`'s results goes: right after `op`,
/// or, in a try body where `op` is followed by its roast.check_raised
/// (which must stay next to it), at the start of the normal successor.
void setInsertionPointAfterRaising(mlir::OpBuilder &builder,
                                   mlir::Operation *op);

void populateDynamicFoldPatterns(mlir::RewritePatternSet &patterns);

} // namespace roast

#endif // ROAST_DIALECT_ROAST_TRANSFORMS_DYNAMICFOLDS_H
