//===- Optionals.h - The lowered form of `T | None` -------------*- C++ -*-===//
//
// An optional of a reference type is a nullable pointer (None is null); any
// other optional is an `{i1 present, T value}` struct whose value is zero
// when None (docs/rationale/optionals.md). These helpers work on lowered
// values, so every pattern that meets an optional shares one format.
//
//===----------------------------------------------------------------------===//

#ifndef LIB_CONVERSION_ROASTTOSTANDARD_OPTIONALS_H
#define LIB_CONVERSION_ROASTTOSTANDARD_OPTIONALS_H

#include "Roast/Dialect/Roast/IR/RoastOps.h"

#include "mlir/Transforms/DialectConversion.h"

namespace roast {

/// Whether optionals of `type` lower to a nullable pointer.
inline bool isNullableOptional(OptionalType type) {
  return isObjectType(type.getValueType());
}

/// None of the lowered optional type `lowered`.
mlir::Value lowerOptionalNone(mlir::OpBuilder &builder, mlir::Location loc,
                              mlir::Type lowered);
/// The lowered `value` (of `type`'s value type) wrapped as `type`.
mlir::Value lowerOptionalWrap(mlir::OpBuilder &builder, mlir::Location loc,
                              mlir::Type lowered, mlir::Value value,
                              OptionalType type);
mlir::Value lowerOptionalIsNone(mlir::OpBuilder &builder, mlir::Location loc,
                                mlir::Value optional, OptionalType type);
mlir::Value lowerOptionalUnwrap(mlir::OpBuilder &builder, mlir::Location loc,
                                mlir::Value optional, OptionalType type);

/// Emits `if optional is not None: present(value) else: absent()` at the
/// rewriter's insertion point and leaves the rewriter after it. With a
/// `resultType`, both arms return a value of it, and the merged value is
/// returned; otherwise they return null.
mlir::Value
branchOnOptional(mlir::ConversionPatternRewriter &rewriter, mlir::Location loc,
                 mlir::Value optional, OptionalType type, mlir::Type resultType,
                 llvm::function_ref<mlir::Value(mlir::Value)> present,
                 llvm::function_ref<mlir::Value()> absent);

} // namespace roast

#endif // LIB_CONVERSION_ROASTTOSTANDARD_OPTIONALS_H
