//===- OptionalPatterns.cpp - `T | None` values ---------------------------===//

#include "Optionals.h"

#include "Roast/Conversion/RoastToStandard/RoastToStandard.h"

#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"

using namespace mlir;
using namespace roast;

Value roast::lowerOptionalNone(OpBuilder &builder, Location loc, Type lowered) {
  // Null, or {false, zero}: a zero value holds no reference to release.
  return LLVM::ZeroOp::create(builder, loc, lowered);
}

Value roast::lowerOptionalWrap(OpBuilder &builder, Location loc, Type lowered,
                               Value value, OptionalType type) {
  if (isNullableOptional(type))
    return value;
  Value present = LLVM::ConstantOp::create(builder, loc, builder.getI1Type(),
                                           builder.getBoolAttr(true));
  Value result = LLVM::ZeroOp::create(builder, loc, lowered);
  result =
      LLVM::InsertValueOp::create(builder, loc, result, present, int64_t(0));
  return LLVM::InsertValueOp::create(builder, loc, result, value, int64_t(1));
}

Value roast::lowerOptionalIsNone(OpBuilder &builder, Location loc,
                                 Value optional, OptionalType type) {
  if (isNullableOptional(type)) {
    Value null = LLVM::ZeroOp::create(builder, loc, optional.getType());
    return LLVM::ICmpOp::create(builder, loc, LLVM::ICmpPredicate::eq, optional,
                                null);
  }
  Value present =
      LLVM::ExtractValueOp::create(builder, loc, optional, int64_t(0));
  Value one = LLVM::ConstantOp::create(builder, loc, builder.getI1Type(),
                                       builder.getBoolAttr(true));
  return LLVM::XOrOp::create(builder, loc, present, one);
}

Value roast::lowerOptionalUnwrap(OpBuilder &builder, Location loc,
                                 Value optional, OptionalType type) {
  if (isNullableOptional(type))
    return optional;
  return LLVM::ExtractValueOp::create(builder, loc, optional, int64_t(1));
}

Value roast::branchOnOptional(ConversionPatternRewriter &rewriter, Location loc,
                              Value optional, OptionalType type,
                              Type resultType,
                              function_ref<Value(Value)> present,
                              function_ref<Value()> absent) {
  Value isNone = lowerOptionalIsNone(rewriter, loc, optional, type);
  Block *head = rewriter.getInsertionBlock();
  Block *done = rewriter.splitBlock(head, rewriter.getInsertionPoint());
  Value result = resultType ? done->addArgument(resultType, loc) : Value();
  Block *some = rewriter.createBlock(done);
  Value value = present(lowerOptionalUnwrap(rewriter, loc, optional, type));
  cf::BranchOp::create(rewriter, loc, done,
                       result ? ValueRange(value) : ValueRange());
  Block *none = rewriter.createBlock(done);
  value = absent();
  cf::BranchOp::create(rewriter, loc, done,
                       result ? ValueRange(value) : ValueRange());
  rewriter.setInsertionPointToEnd(head);
  cf::CondBranchOp::create(rewriter, loc, isNone, none, some);
  rewriter.setInsertionPointToStart(done);
  return result;
}

namespace {

struct OptionalNoneLowering : public OpConversionPattern<OptionalNoneOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(OptionalNoneOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(
        op, lowerOptionalNone(rewriter, op.getLoc(),
                              getTypeConverter()->convertType(op.getType())));
    return success();
  }
};

struct OptionalWrapLowering : public OpConversionPattern<OptionalWrapOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(OptionalWrapOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(
        op, lowerOptionalWrap(rewriter, op.getLoc(),
                              getTypeConverter()->convertType(op.getType()),
                              adaptor.getValue(),
                              cast<OptionalType>(op.getType())));
    return success();
  }
};

struct OptionalIsNoneLowering : public OpConversionPattern<OptionalIsNoneOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(OptionalIsNoneOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(
        op, lowerOptionalIsNone(rewriter, op.getLoc(), adaptor.getValue(),
                                cast<OptionalType>(op.getValue().getType())));
    return success();
  }
};

struct OptionalUnwrapLowering : public OpConversionPattern<OptionalUnwrapOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(OptionalUnwrapOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(
        op, lowerOptionalUnwrap(rewriter, op.getLoc(), adaptor.getValue(),
                                cast<OptionalType>(op.getValue().getType())));
    return success();
  }
};

} // namespace

void roast::populateRoastOptionalPatterns(const TypeConverter &converter,
                                          RewritePatternSet &patterns) {
  patterns.add<OptionalNoneLowering, OptionalWrapLowering,
               OptionalIsNoneLowering, OptionalUnwrapLowering>(
      converter, patterns.getContext());
}
