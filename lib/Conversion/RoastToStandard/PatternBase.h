//===- PatternBase.h - Base of patterns that call the runtime --*- C++ -*-===//

#ifndef LIB_CONVERSION_ROASTTOSTANDARD_PATTERNBASE_H
#define LIB_CONVERSION_ROASTTOSTANDARD_PATTERNBASE_H

#include "Roast/Conversion/RoastToStandard/RuntimeABI.h"

#include "mlir/Transforms/DialectConversion.h"

namespace roast {

/// A conversion pattern with access to the module's runtime declarations.
template <typename SourceOp>
class RuntimeOpConversionPattern : public mlir::OpConversionPattern<SourceOp> {
public:
  RuntimeOpConversionPattern(const mlir::TypeConverter &converter,
                             mlir::MLIRContext *context, RuntimeABI &abi)
      : mlir::OpConversionPattern<SourceOp>(converter, context), abi(abi) {}

protected:
  RuntimeABI &abi;
};

} // namespace roast

#endif // LIB_CONVERSION_ROASTTOSTANDARD_PATTERNBASE_H
