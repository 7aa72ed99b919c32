//===- ClassPatterns.cpp - Lowering of instances and method calls ---------===//

#include "Roast/Conversion/RoastToStandard/ClassLayouts.h"
#include "Roast/Conversion/RoastToStandard/RoastToStandard.h"
#include "Roast/Runtime/Runtime.h"

#include "PatternBase.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"

using namespace mlir;
using namespace roast;

namespace {

struct NewOpLowering : ClassPattern<NewOp> {
  using ClassPattern::ClassPattern;
  LogicalResult
  matchAndRewrite(NewOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    FlatSymbolRefAttr className = op.getType().getClassName();
    Value descriptor = classes.descriptorAddress(rewriter, loc, className);
    if (!op.getStack()) {
      rewriter.replaceOp(op, abi.call(rewriter, loc, RuntimeFunction::ObjectNew,
                                      {descriptor}));
      return success();
    }
    // A stack instance (roast-escape-analysis): one slot per op in the
    // entry block, which no two of its instances use at once, initialised
    // here as roast_rt_object_new would, but with an immortal count so that
    // a callee's retain or release leaves it alone.
    const ClassLayout &layout = classes.get(className);
    Value object = createEntryAlloca(rewriter, op, layout.instanceType,
                                     /*alignment=*/16);
    Type i32 = rewriter.getI32Type(), i64 = rewriter.getI64Type();
    Value instance = LLVM::ZeroOp::create(rewriter, loc, layout.instanceType);
    auto setHeader = [&](int64_t position, Value value) {
      instance = LLVM::InsertValueOp::create(rewriter, loc, instance, value,
                                             position);
    };
    setHeader(0, LLVM::ConstantOp::create(rewriter, loc, i64,
                                          int64_t(ROAST_REFCOUNT_IMMORTAL)));
    setHeader(1, LLVM::ConstantOp::create(rewriter, loc, i32,
                                          int64_t(ROAST_TYPE_INSTANCE)));
    setHeader(3, descriptor);
    LLVM::StoreOp::create(rewriter, loc, instance, object);
    rewriter.replaceOp(op, object);
    return success();
  }
};

struct GetFieldOpLowering : ClassPattern<GetFieldOp> {
  using ClassPattern::ClassPattern;
  LogicalResult
  matchAndRewrite(GetFieldOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto [address, type] = classes.fieldAddress(
        rewriter, op.getLoc(), op.getObject().getType().getClassName(),
        adaptor.getObject(), op.getField());
    rewriter.replaceOpWithNewOp<LLVM::LoadOp>(op, type, address);
    return success();
  }
};

struct SetFieldOpLowering : ClassPattern<SetFieldOp> {
  using ClassPattern::ClassPattern;
  LogicalResult
  matchAndRewrite(SetFieldOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value address = classes
                        .fieldAddress(rewriter, op.getLoc(),
                                      op.getObject().getType().getClassName(),
                                      adaptor.getObject(), op.getField())
                        .first;
    rewriter.replaceOpWithNewOp<LLVM::StoreOp>(op, adaptor.getValue(),
                                               address);
    return success();
  }
};

/// object->cls->methods[slot](object, args...), then the unwinding check
/// of a call that may raise; `op` is replaced by the call's result.
static LogicalResult callThroughMethodTable(
    Operation *op, Value object, int slot, ValueRange args,
    const TypeConverter &converter, RuntimeABI &abi,
    ConversionPatternRewriter &rewriter) {
  Location loc = op->getLoc();
  auto ptr = LLVM::LLVMPointerType::get(rewriter.getContext());
  // The class descriptor follows the 16-byte object header.
  Value classAddress = LLVM::GEPOp::create(
      rewriter, loc, ptr, rewriter.getI8Type(), object,
      ArrayRef<LLVM::GEPArg>{16});
  Value cls = LLVM::LoadOp::create(rewriter, loc, ptr, classAddress,
                                   /*alignment=*/8, /*isVolatile=*/false,
                                   /*isNonTemporal=*/false,
                                   /*isInvariant=*/true);
  // RoastClass.methods starts at byte 112 (Runtime.h).
  Value entry = LLVM::GEPOp::create(
      rewriter, loc, ptr, rewriter.getI8Type(), cls,
      ArrayRef<LLVM::GEPArg>{static_cast<int32_t>(112 + 8 * slot)});
  Value method = LLVM::LoadOp::create(rewriter, loc, ptr, entry,
                                      /*alignment=*/8, false, false,
                                      /*isInvariant=*/true);
  SmallVector<Type> results;
  if (failed(converter.convertTypes(op->getResultTypes(), results)))
    return failure();
  SmallVector<Value> operands{method, object};
  llvm::append_range(operands, args);
  SmallVector<Type> argTypes;
  for (Value arg : ArrayRef(operands).drop_front())
    argTypes.push_back(arg.getType());
  auto fnType = LLVM::LLVMFunctionType::get(
      results.empty() ? LLVM::LLVMVoidType::get(rewriter.getContext())
                      : results.front(),
      argTypes);
  auto call = LLVM::CallOp::create(rewriter, loc, fnType, operands);
  abi.unwindIfRaised(rewriter, op, /*pushFrame=*/true);
  rewriter.replaceOp(op, call.getResults());
  return success();
}

/// receiver->cls->methods[slot](receiver, args...).
struct MethodCallOpLowering : ClassPattern<MethodCallOp> {
  using ClassPattern::ClassPattern;
  LogicalResult
  matchAndRewrite(MethodCallOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    const ClassLayout &layout =
        classes.get(op.getReceiver().getType().getClassName());
    int slot = ClassOp(layout.op).lookupMethod(op.getMethod());
    return callThroughMethodTable(op, adaptor.getReceiver(), slot,
                                  adaptor.getArgs(), *getTypeConverter(), abi,
                                  rewriter);
  }
};

/// A function value is a closure instance whose slot 0 is its code.
struct CallCallableOpLowering : ClassPattern<CallCallableOp> {
  using ClassPattern::ClassPattern;
  LogicalResult
  matchAndRewrite(CallCallableOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    return callThroughMethodTable(op, adaptor.getCallee(), /*slot=*/0,
                                  adaptor.getArgs(), *getTypeConverter(), abi,
                                  rewriter);
  }
};

struct IsInstanceOpLowering : ClassPattern<IsInstanceOp> {
  using ClassPattern::ClassPattern;
  LogicalResult
  matchAndRewrite(IsInstanceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (!isa<ObjectType>(op.getObject().getType()))
      return rewriter.notifyMatchFailure(op, "a dynamic value");
    Value descriptor =
        classes.descriptorAddress(rewriter, op.getLoc(), op.getTargetAttr());
    rewriter.replaceOp(op, abi.call(rewriter, op.getLoc(),
                                    RuntimeFunction::IsInstance,
                                    {adaptor.getObject(), descriptor}));
    return success();
  }
};

/// Up- and downcasts, and viewing a closure as a function value, change
/// only the static type.
template <typename CastOp>
struct ClassCastLowering : OpConversionPattern<CastOp> {
  using OpConversionPattern<CastOp>::OpConversionPattern;
  LogicalResult
  matchAndRewrite(CastOp op, typename CastOp::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, adaptor.getOperands().front());
    return success();
  }
};

} // namespace

void roast::populateRoastClassPatterns(const TypeConverter &converter,
                                       RuntimeABI &abi, ClassLayouts &classes,
                                       RewritePatternSet &patterns) {
  MLIRContext *context = patterns.getContext();
  patterns.add<NewOpLowering, GetFieldOpLowering, SetFieldOpLowering,
               MethodCallOpLowering, CallCallableOpLowering,
               IsInstanceOpLowering>(converter, context, abi, classes);
  patterns.add<ClassCastLowering<UpcastOp>, ClassCastLowering<DowncastOp>,
               ClassCastLowering<AsCallableOp>>(converter, context);
}
