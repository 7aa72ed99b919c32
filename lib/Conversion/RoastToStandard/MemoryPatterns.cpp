//===- MemoryPatterns.cpp - Local slots and module globals to llvm memory -===//

#include "PatternBase.h"

#include "Roast/Conversion/RoastToStandard/RoastToStandard.h"
#include "Roast/Dialect/Roast/IR/RoastOps.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"

using namespace mlir;
using namespace roast;

/// The symbol of the llvm global holding roast.global `name`: the prefix
/// keeps module variables apart from functions and C symbols in the one
/// namespace of the object file, and since `global` is a Python keyword no
/// other Roast symbol starts with it.
static std::string getGlobalSymbol(StringRef name) {
  return ("roast.global." + name).str();
}

namespace {

/// Slots mem2reg left (their address escapes, or their type is not
/// promotable) live in the frame. They go to the entry block so that a slot
/// declared in a loop does not grow the stack on each iteration.
struct AllocaOpLowering : public OpConversionPattern<AllocaOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(AllocaOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type elementType =
        getTypeConverter()->convertType(op.getType().getElementType());
    if (!elementType)
      return rewriter.notifyMatchFailure(op, "unsupported slot type");
    Value alloca = createEntryAlloca(rewriter, op, elementType);
    rewriter.replaceOp(op, alloca);
    return success();
  }
};

struct LoadOpLowering : public OpConversionPattern<LoadOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(LoadOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type type = getTypeConverter()->convertType(op.getType());
    if (!type)
      return failure();
    rewriter.replaceOpWithNewOp<LLVM::LoadOp>(op, type, adaptor.getRef());
    return success();
  }
};

struct StoreOpLowering : public OpConversionPattern<StoreOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(StoreOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<LLVM::StoreOp>(op, adaptor.getValue(),
                                               adaptor.getRef());
    return success();
  }
};

/// Module variables are internal: only this module's code names them.
struct GlobalOpLowering : public OpConversionPattern<GlobalOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(GlobalOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type type = getTypeConverter()->convertType(op.getType());
    if (!type)
      return rewriter.notifyMatchFailure(op, "unsupported global type");
    Location loc = op.getLoc();
    // Scalars take a zero attribute; pointers need an initializer region.
    Attribute zero;
    if (isa<IntegerType, FloatType>(type))
      zero = rewriter.getZeroAttr(type);
    auto global = LLVM::GlobalOp::create(
        rewriter, loc, type, /*isConstant=*/false, LLVM::Linkage::Internal,
        getGlobalSymbol(op.getSymName()), zero);
    if (!zero) {
      OpBuilder::InsertionGuard guard(rewriter);
      rewriter.createBlock(&global.getInitializerRegion());
      LLVM::ReturnOp::create(rewriter, loc,
                             LLVM::ZeroOp::create(rewriter, loc, type));
    }
    rewriter.eraseOp(op);
    return success();
  }
};

static Value getGlobalAddress(OpBuilder &builder, Location loc,
                              FlatSymbolRefAttr global) {
  return LLVM::AddressOfOp::create(
      builder, loc, LLVM::LLVMPointerType::get(builder.getContext()),
      getGlobalSymbol(global.getValue()));
}

struct GlobalLoadOpLowering : public OpConversionPattern<GlobalLoadOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(GlobalLoadOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type type = getTypeConverter()->convertType(op.getType());
    if (!type)
      return failure();
    Value address = getGlobalAddress(rewriter, op.getLoc(), op.getGlobalAttr());
    rewriter.replaceOpWithNewOp<LLVM::LoadOp>(op, type, address);
    return success();
  }
};

struct GlobalStoreOpLowering : public OpConversionPattern<GlobalStoreOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(GlobalStoreOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value address = getGlobalAddress(rewriter, op.getLoc(), op.getGlobalAttr());
    rewriter.replaceOpWithNewOp<LLVM::StoreOp>(op, adaptor.getValue(), address);
    return success();
  }
};

} // namespace

void roast::populateRoastMemoryPatterns(const TypeConverter &converter,
                                        RewritePatternSet &patterns) {
  patterns.add<AllocaOpLowering, LoadOpLowering, StoreOpLowering,
               GlobalOpLowering, GlobalLoadOpLowering, GlobalStoreOpLowering>(
      converter, patterns.getContext());
}
