//===- FilePatterns.cpp - Text file ops to runtime calls ------------------===//
//
// Every file op is one call into the runtime's File.c: open and the
// methods may raise (the call carries the source location and is followed
// by the exception test); close and the standard streams cannot.
//
//===----------------------------------------------------------------------===//

#include "PatternBase.h"

#include "Roast/Conversion/RoastToStandard/RoastToStandard.h"
#include "Roast/Dialect/Roast/IR/RoastOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"

using namespace mlir;
using namespace roast;

namespace {

struct FileOpenOpLowering : public RuntimeOpConversionPattern<FileOpenOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(FileOpenOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, abi.callAt(rewriter, op, RuntimeFunction::FileOpen,
                                      adaptor.getOperands()));
    return success();
  }
};

struct FileMethodOpLowering : public RuntimeOpConversionPattern<FileMethodOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(FileMethodOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    RuntimeFunction fn;
    switch (op.getMethod()) {
    case FileMethod::read:
      fn = RuntimeFunction::FileRead;
      break;
    case FileMethod::readline:
      fn = RuntimeFunction::FileReadline;
      break;
    case FileMethod::readlines:
      fn = RuntimeFunction::FileReadlines;
      break;
    case FileMethod::write:
      fn = RuntimeFunction::FileWrite;
      break;
    }
    rewriter.replaceOp(op, abi.callAt(rewriter, op, fn, adaptor.getOperands()));
    return success();
  }
};

struct FileCloseOpLowering : public RuntimeOpConversionPattern<FileCloseOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(FileCloseOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    abi.call(rewriter, op.getLoc(), RuntimeFunction::FileClose,
             adaptor.getFile());
    rewriter.eraseOp(op);
    return success();
  }
};

struct StdStreamOpLowering : public RuntimeOpConversionPattern<StdStreamOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(StdStreamOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value which = arith::ConstantIntOp::create(
        rewriter, op.getLoc(), int64_t(op.getStream()), 32);
    rewriter.replaceOp(op, abi.call(rewriter, op.getLoc(),
                                    RuntimeFunction::StdStream, which));
    return success();
  }
};

} // namespace

void roast::populateRoastFilePatterns(const TypeConverter &converter,
                                      RuntimeABI &abi,
                                      RewritePatternSet &patterns) {
  patterns.add<FileOpenOpLowering, FileMethodOpLowering, FileCloseOpLowering,
               StdStreamOpLowering>(converter, patterns.getContext(), abi);
}
