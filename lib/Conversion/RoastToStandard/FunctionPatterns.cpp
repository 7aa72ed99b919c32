//===- FunctionPatterns.cpp - roast.func/call/return to the func dialect --===//

#include "Roast/Conversion/RoastToStandard/RoastToStandard.h"

#include "PatternBase.h"
#include "Roast/Dialect/Roast/IR/RoastOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Func/Transforms/FuncConversions.h"

using namespace mlir;
using namespace roast;

namespace {

struct FuncOpLowering : public OpConversionPattern<roast::FuncOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(roast::FuncOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    const TypeConverter &converter = *getTypeConverter();
    FunctionType type = op.getFunctionType();
    TypeConverter::SignatureConversion signature(type.getNumInputs());
    if (failed(converter.convertSignatureArgs(type.getInputs(), signature)))
      return rewriter.notifyMatchFailure(op, "unsupported argument type");
    SmallVector<Type> results;
    if (failed(converter.convertTypes(type.getResults(), results)))
      return rewriter.notifyMatchFailure(op, "unsupported result type");

    auto newType =
        rewriter.getFunctionType(signature.getConvertedTypes(), results);
    auto func =
        func::FuncOp::create(rewriter, op.getLoc(), op.getName(), newType);
    // Keep the symbol's visibility (public = external linkage, which
    // roast_module_init needs); a body-less declaration must be private.
    if (op.isExternal())
      func.setPrivate();
    else if (auto visibility = op.getSymVisibilityAttr())
      func.setSymVisibilityAttr(visibility);
    if (ArrayAttr argAttrs = op.getArgAttrsAttr())
      func.setArgAttrsAttr(argAttrs);
    if (ArrayAttr resAttrs = op.getResAttrsAttr())
      func.setResAttrsAttr(resAttrs);

    rewriter.inlineRegionBefore(op.getBody(), func.getBody(), func.end());
    if (failed(rewriter.convertRegionTypes(&func.getBody(), converter,
                                           &signature)))
      return failure();
    rewriter.eraseOp(op);
    return success();
  }
};

/// A call, then a test of whether the callee raised: if so, the call site
/// joins the traceback and the exception unwinds (checked returns,
/// docs/rationale/exceptions.md).
struct CallOpLowering : public RuntimeOpConversionPattern<roast::CallOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(roast::CallOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    SmallVector<Type> results;
    if (failed(getTypeConverter()->convertTypes(op.getResultTypes(), results)))
      return failure();
    auto call = func::CallOp::create(rewriter, op.getLoc(),
                                     op.getCalleeAttr(), results,
                                     adaptor.getOperands());
    abi.unwindIfRaised(rewriter, op, /*pushFrame=*/true);
    rewriter.replaceOp(op, call.getResults());
    return success();
  }
};

struct ReturnOpLowering : public OpConversionPattern<roast::ReturnOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(roast::ReturnOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<func::ReturnOp>(op, adaptor.getOperands());
    return success();
  }
};

/// Canonicalization folds diamonds of roast values into selects, so selects
/// can carry roast types too.
struct SelectOpTypeConversion : public OpConversionPattern<arith::SelectOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(arith::SelectOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<arith::SelectOp>(op, adaptor.getCondition(),
                                                 adaptor.getTrueValue(),
                                                 adaptor.getFalseValue());
    return success();
  }
};

} // namespace

void roast::populateRoastFunctionPatterns(const TypeConverter &converter,
                                          RuntimeABI &abi,
                                          RewritePatternSet &patterns) {
  patterns.add<FuncOpLowering, ReturnOpLowering, SelectOpTypeConversion>(
      converter, patterns.getContext());
  patterns.add<CallOpLowering>(converter, patterns.getContext(), abi);
  // Block arguments of roast types (mem2reg's phis) flow through cf
  // branches.
  populateBranchOpInterfaceTypeConversionPattern(patterns, converter);
}
