//===- TuplePatterns.cpp - Tuples as llvm structs -------------------------===//

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

} // namespace

void roast::populateRoastTuplePatterns(const TypeConverter &converter,
                                       RewritePatternSet &patterns) {
  patterns.add<MakeTupleOpLowering, TupleGetOpLowering>(converter,
                                                        patterns.getContext());
}
