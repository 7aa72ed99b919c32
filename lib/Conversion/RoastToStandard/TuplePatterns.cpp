//===- TuplePatterns.cpp - Tuples as llvm structs, tuple_cmp and hash ----===//

#include "PatternBase.h"
#include "Slots.h"

#include "Roast/Conversion/RoastToStandard/RoastToStandard.h"
#include "Roast/Dialect/Roast/IR/RoastOps.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"

using namespace mlir;
using namespace roast;

namespace {

/// A tuple is built field by field into a struct value, which LLVM keeps in
/// registers (SROA) as long as it is not stored.
struct MakeTupleOpLowering : public OpConversionPattern<MakeTupleOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(MakeTupleOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type type = getTypeConverter()->convertType(op.getType());
    if (!type)
      return rewriter.notifyMatchFailure(op, "unsupported element type");
    Location loc = op.getLoc();
    Value tuple = LLVM::PoisonOp::create(rewriter, loc, type);
    for (auto [index, element] : llvm::enumerate(adaptor.getElements()))
      tuple = LLVM::InsertValueOp::create(rewriter, loc, tuple, element,
                                          int64_t(index));
    rewriter.replaceOp(op, tuple);
    return success();
  }
};

struct TupleGetOpLowering : public OpConversionPattern<TupleGetOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(TupleGetOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<LLVM::ExtractValueOp>(op, adaptor.getTuple(),
                                                      op.getIndex());
    return success();
  }
};

/// Both tuples are boxed for the runtime's comparison, then released.
struct TupleCmpOpLowering : public RuntimeOpConversionPattern<TupleCmpOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(TupleCmpOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value lhs = boxTuple(rewriter, loc, abi, adaptor.getLhs(),
                         op.getLhs().getType());
    Value rhs = boxTuple(rewriter, loc, abi, adaptor.getRhs(),
                         op.getRhs().getType());
    // RoastCompareOp in Runtime.h: LT 0, LE 1, EQ 2, NE 3, GT 4, GE 5.
    static constexpr int32_t runtimeOps[] = {2, 3, 0, 1, 4, 5};
    Value runtimeOp = arith::ConstantIntOp::create(
        rewriter, loc, runtimeOps[unsigned(op.getPredicate())], 32);
    Value result = abi.callAt(rewriter, op, RuntimeFunction::TupleRichCompare,
                              {lhs, rhs, runtimeOp});
    abi.call(rewriter, loc, RuntimeFunction::Release, lhs);
    abi.call(rewriter, loc, RuntimeFunction::Release, rhs);
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// hash(x): the value as a slot (a tuple boxed for the call) and its kind.
struct HashOpLowering : public RuntimeOpConversionPattern<HashOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(HashOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Type type = op.getValue().getType();
    SlotEncoder slots(rewriter, loc, abi);
    Value slot = slots.encode(adaptor.getValue(), type);
    Value hash = abi.call(rewriter, loc, RuntimeFunction::SlotHash,
                          {elemKindConstant(rewriter, loc, type), slot});
    slots.finish();
    rewriter.replaceOp(op, hash);
    return success();
  }
};

} // namespace

void roast::populateRoastTuplePatterns(const TypeConverter &converter,
                                       RuntimeABI &abi,
                                       RewritePatternSet &patterns) {
  patterns.add<MakeTupleOpLowering, TupleGetOpLowering>(converter,
                                                        patterns.getContext());
  patterns.add<TupleCmpOpLowering, HashOpLowering>(converter,
                                                   patterns.getContext(), abi);
}
