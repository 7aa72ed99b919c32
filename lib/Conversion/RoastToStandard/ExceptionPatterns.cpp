//===- ExceptionPatterns.cpp - Lowering of the exception edges ------------===//
//
// Raising ops branch to RuntimeABI::getUnwindDestination when they raise,
// so what is left here is plain: roast.check_raised continues normally
// (its op already routed the failure to the handler), roast.catch takes
// the pending exception from the runtime, roast.throw raises an instance.
//
//===----------------------------------------------------------------------===//

#include "Roast/Conversion/RoastToStandard/RoastToStandard.h"

#include "PatternBase.h"

#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"

using namespace mlir;
using namespace roast;

namespace {

struct CheckRaisedOpLowering : public OpConversionPattern<CheckRaisedOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(CheckRaisedOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<cf::BranchOp>(op, op.getNormal());
    return success();
  }
};

struct CatchOpLowering : public RuntimeOpConversionPattern<CatchOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(CatchOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(
        op, abi.call(rewriter, op.getLoc(), RuntimeFunction::Catch, {}));
    return success();
  }
};

struct ThrowOpLowering : public RuntimeOpConversionPattern<ThrowOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(ThrowOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (op.getReraise()) {
      abi.call(rewriter, op.getLoc(), RuntimeFunction::Reraise,
               adaptor.getException());
    } else {
      SmallVector<Value, 4> args{adaptor.getException()};
      llvm::append_range(args, abi.getSourceLocation(rewriter, op));
      abi.call(rewriter, op.getLoc(), RuntimeFunction::RaiseObject, args);
    }
    Block *destination = abi.getUnwindDestination(rewriter, op);
    rewriter.replaceOpWithNewOp<cf::BranchOp>(op, destination);
    return success();
  }
};

} // namespace

void roast::populateRoastExceptionPatterns(const TypeConverter &converter,
                                           RuntimeABI &abi,
                                           RewritePatternSet &patterns) {
  MLIRContext *context = patterns.getContext();
  patterns.add<CheckRaisedOpLowering>(converter, context);
  patterns.add<CatchOpLowering, ThrowOpLowering>(converter, context, abi);
}
