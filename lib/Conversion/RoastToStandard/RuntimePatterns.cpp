//===- RuntimePatterns.cpp - Strings, None, print and the stack guard -----===//

#include "PatternBase.h"

#include "Roast/Conversion/RoastToStandard/RoastToStandard.h"
#include "Roast/Dialect/Roast/IR/RoastOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"

using namespace mlir;
using namespace roast;

namespace {

/// A literal is an immortal static object, shared by all equal literals.
struct StringOpLowering : public RuntimeOpConversionPattern<StringOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(StringOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(op,
                       abi.getStrObject(rewriter, op.getLoc(), op.getValue()));
    return success();
  }
};

struct NoneOpLowering : public OpConversionPattern<roast::NoneOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(roast::NoneOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<LLVM::ZeroOp>(
        op, getTypeConverter()->convertType(op.getType()));
    return success();
  }
};

/// print(a, b, sep=s, end=e) is one runtime call per value, separator and
/// end, all into the runtime's stdout buffer.
struct PrintOpLowering : public RuntimeOpConversionPattern<PrintOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(PrintOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto emitText = [&](Value str, StringRef defaultText) {
      if (str)
        abi.call(rewriter, loc, RuntimeFunction::PrintStr, str);
      else
        abi.call(rewriter, loc, RuntimeFunction::PrintCStr,
                 abi.getCString(rewriter, loc, defaultText));
    };
    for (auto [index, original, value] :
         llvm::enumerate(op.getValues(), adaptor.getValues())) {
      if (index != 0)
        emitText(adaptor.getSep(), " ");
      // Dispatch on the roast type: str and None are both pointers now.
      Type type = original.getType();
      if (isa<roast::NoneType>(type))
        abi.call(rewriter, loc, RuntimeFunction::PrintNone, {});
      else if (isa<StrType>(type))
        abi.call(rewriter, loc, RuntimeFunction::PrintStr, value);
      else if (isa<FloatType>(type))
        abi.call(rewriter, loc, RuntimeFunction::PrintFloat, value);
      else if (type.isInteger(1))
        abi.call(rewriter, loc, RuntimeFunction::PrintBool, value);
      else if (type.isInteger(64))
        abi.call(rewriter, loc, RuntimeFunction::PrintInt, value);
      else
        return rewriter.notifyMatchFailure(op, "unprintable type");
    }
    emitText(adaptor.getEnd(), "\n");
    rewriter.eraseOp(op);
    return success();
  }
};

/// The stack grows down: below the runtime's limit means the next frames
/// could run off the stack, so raise RecursionError while there is room to.
/// It is on every recursive call, so it stays a load, a compare and a branch
/// predicted not taken. llvm.stacksave reads the stack pointer without
/// forcing a frame pointer, as llvm.frameaddress would.
struct StackGuardOpLowering : public RuntimeOpConversionPattern<StackGuardOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(StackGuardOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto ptr = LLVM::LLVMPointerType::get(rewriter.getContext());
    Value stackPointer = LLVM::StackSaveOp::create(rewriter, loc, ptr);
    Value limit = LLVM::LoadOp::create(
        rewriter, loc, ptr, abi.getStackLimitAddress(rewriter, loc));
    // Unsigned, so the runtime's "no limit" (null) never fires.
    Value exhausted = LLVM::ICmpOp::create(
        rewriter, loc, LLVM::ICmpPredicate::ult, stackPointer, limit);
    abi.branchToColdIf(rewriter, loc, exhausted, [&](OpBuilder &builder) {
      abi.call(builder, loc, RuntimeFunction::RaiseRecursion,
               abi.getSourceLocation(builder, op));
      LLVM::UnreachableOp::create(builder, loc);
    });
    rewriter.eraseOp(op);
    return success();
  }
};

} // namespace

void roast::populateRoastRuntimePatterns(const TypeConverter &converter,
                                         RuntimeABI &abi,
                                         RewritePatternSet &patterns) {
  patterns.add<StringOpLowering, PrintOpLowering, StackGuardOpLowering>(
      converter, patterns.getContext(), abi);
  patterns.add<NoneOpLowering>(converter, patterns.getContext());
}
