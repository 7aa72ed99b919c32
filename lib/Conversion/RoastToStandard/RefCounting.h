//===- RefCounting.h - Inline retain and release for lowerings --*- C++ -*-===//

#ifndef LIB_CONVERSION_ROASTTOSTANDARD_REFCOUNTING_H
#define LIB_CONVERSION_ROASTTOSTANDARD_REFCOUNTING_H

#include "Roast/Conversion/RoastToStandard/RuntimeABI.h"

#include "mlir/Transforms/DialectConversion.h"

namespace roast {

/// The code of `roast.retain` (or, with `release`, `roast.release`) of
/// lowered `value` of roast type `type`, at the rewriter's insertion point,
/// which it leaves after that code: for lowerings that load or store
/// references themselves (inline caches).
void emitRefCount(mlir::ConversionPatternRewriter &rewriter,
                  mlir::Location loc, RuntimeABI &abi, mlir::Value value,
                  mlir::Type type, bool release);

} // namespace roast

#endif // LIB_CONVERSION_ROASTTOSTANDARD_REFCOUNTING_H
