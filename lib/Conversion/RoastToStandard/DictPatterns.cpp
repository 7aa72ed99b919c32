//===- DictPatterns.cpp - dict ops to runtime calls on 8-byte slots -------===//
//
// A dict is the runtime's insertion-ordered hash table of key and value
// slots (Slots.h); len() reads its length inline (ListPatterns.cpp).
//
//===----------------------------------------------------------------------===//

#include "Optionals.h"
#include "PatternBase.h"
#include "Slots.h"

#include "Roast/Conversion/RoastToStandard/RoastToStandard.h"
#include "Roast/Dialect/Roast/IR/RoastOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"

#include <type_traits>

using namespace mlir;
using namespace roast;

namespace {

DictType dictOf(Value dict) { return cast<DictType>(dict.getType()); }

struct DictNewLowering : public RuntimeOpConversionPattern<DictNewOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(DictNewOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    DictType type = op.getType();
    rewriter.replaceOp(
        op, abi.call(rewriter, loc, RuntimeFunction::DictNew,
                     {elemKindConstant(rewriter, loc, type.getKeyType()),
                      elemKindConstant(rewriter, loc, type.getValueType())}));
    return success();
  }
};

struct DictGetLowering : public RuntimeOpConversionPattern<DictGetOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(DictGetOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    SlotEncoder slots(rewriter, op.getLoc(), abi);
    Value key = slots.encode(adaptor.getKey(), dictOf(op.getDict()).getKeyType());
    Value slot =
        abi.callAt(rewriter, op, RuntimeFunction::DictGet, {adaptor.getDict(), key});
    slots.finish();
    rewriter.replaceOp(op,
                       decodeSlot(rewriter, op.getLoc(), *getTypeConverter(),
                                  abi, slot, op.getType()));
    return success();
  }
};

/// d.get(k, default) and d.get(k): the runtime looks the key up into a
/// stack slot; the value is decoded only when found (decoding a tuple reads
/// its box), and wrapped as an optional for d.get(k).
template <typename OpTy>
struct DictLookupLowering : public RuntimeOpConversionPattern<OpTy> {
  using RuntimeOpConversionPattern<OpTy>::RuntimeOpConversionPattern;
  using RuntimeOpConversionPattern<OpTy>::abi;
  static constexpr bool isGet = std::is_same_v<OpTy, DictLookupOp>;

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    const TypeConverter &converter = *this->getTypeConverter();
    Type i64 = rewriter.getI64Type();
    Value out = createEntryAlloca(rewriter, op, i64, /*alignment=*/8);
    DictType dict = dictOf(op.getDict());
    SlotEncoder slots(rewriter, loc, abi);
    Value key = slots.encode(adaptor.getKey(), dict.getKeyType());
    Value found = abi.call(rewriter, loc, RuntimeFunction::DictLookup,
                           {adaptor.getDict(), key, out});
    slots.finish();

    Block *head = rewriter.getInsertionBlock();
    Block *done = rewriter.splitBlock(head, rewriter.getInsertionPoint());
    Type lowered = converter.convertType(op.getType());
    Value result = done->addArgument(lowered, loc);
    Block *hit = rewriter.createBlock(done);
    Value slot = LLVM::LoadOp::create(rewriter, loc, i64, out, /*alignment=*/8);
    Value value =
        decodeSlot(rewriter, loc, converter, abi, slot, dict.getValueType());
    Value missing;
    if constexpr (isGet) {
      auto optional = cast<OptionalType>(op.getType());
      value = lowerOptionalWrap(rewriter, loc, lowered, value, optional);
      rewriter.setInsertionPointToEnd(head);
      missing = lowerOptionalNone(rewriter, loc, lowered);
      rewriter.setInsertionPointToEnd(hit);
    } else {
      missing = adaptor.getDefaultValue();
    }
    cf::BranchOp::create(rewriter, loc, done, value);
    rewriter.setInsertionPointToEnd(head);
    cf::CondBranchOp::create(rewriter, loc, found, hit, ValueRange(), done,
                             ValueRange(missing));
    rewriter.setInsertionPointToStart(done);
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct DictSetLowering : public RuntimeOpConversionPattern<DictSetOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(DictSetOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    DictType type = dictOf(op.getDict());
    SlotEncoder slots(rewriter, op.getLoc(), abi);
    Value key = slots.encode(adaptor.getKey(), type.getKeyType());
    Value value = slots.encode(adaptor.getValue(), type.getValueType());
    abi.call(rewriter, op.getLoc(), RuntimeFunction::DictSet,
             {adaptor.getDict(), key, value});
    slots.finish();
    rewriter.eraseOp(op);
    return success();
  }
};

struct DictContainsLowering
    : public RuntimeOpConversionPattern<DictContainsOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(DictContainsOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    SlotEncoder slots(rewriter, loc, abi);
    Value key =
        slots.encode(adaptor.getKey(), dictOf(op.getDict()).getKeyType());
    Value noOut = LLVM::ZeroOp::create(rewriter, loc,
                                       LLVM::LLVMPointerType::get(getContext()));
    Value found = abi.call(rewriter, loc, RuntimeFunction::DictLookup,
                           {adaptor.getDict(), key, noOut});
    slots.finish();
    rewriter.replaceOp(op, found);
    return success();
  }
};

struct DictMethodLowering : public RuntimeOpConversionPattern<DictMethodOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(DictMethodOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    ValueRange args = adaptor.getOperands();
    Value dict = args[0];
    DictType type = dictOf(op.getOperands()[0]);
    SlotEncoder slots(rewriter, loc, abi);
    auto key = [&] { return slots.encode(args[1], type.getKeyType()); };
    auto value = [&] { return slots.encode(args[2], type.getValueType()); };
    const TypeConverter &converter = *getTypeConverter();
    Value result;
    switch (op.getMethod()) {
    case DictMethod::pop:
    case DictMethod::pop_default: {
      Value slot =
          op.getMethod() == DictMethod::pop
              ? abi.callAt(rewriter, op, RuntimeFunction::DictPop, {dict, key()})
              : abi.call(rewriter, loc, RuntimeFunction::DictPopDefault,
                         {dict, key(), value()});
      slots.finish();
      result = decodeOwnedSlot(rewriter, loc, converter, abi, slot,
                               type.getValueType());
      break;
    }
    case DictMethod::setdefault: {
      Value slot = abi.call(rewriter, loc, RuntimeFunction::DictSetDefault,
                            {dict, key(), value()});
      // The dict holds the value now, including a tuple boxed for the call.
      slots.finish();
      result =
          decodeSlot(rewriter, loc, converter, abi, slot, type.getValueType());
      break;
    }
    case DictMethod::del:
      abi.callAt(rewriter, op, RuntimeFunction::DictDel, {dict, key()});
      break;
    case DictMethod::update:
      abi.call(rewriter, loc, RuntimeFunction::DictUpdate, {dict, args[1]});
      break;
    case DictMethod::clear:
      abi.call(rewriter, loc, RuntimeFunction::DictClear, dict);
      break;
    case DictMethod::copy:
      result = abi.call(rewriter, loc, RuntimeFunction::DictCopy, dict);
      break;
    case DictMethod::keys:
      result = abi.call(rewriter, loc, RuntimeFunction::DictKeys, dict);
      break;
    case DictMethod::values:
      result = abi.call(rewriter, loc, RuntimeFunction::DictValues, dict);
      break;
    case DictMethod::items:
      result = abi.call(rewriter, loc, RuntimeFunction::DictItems, dict);
      break;
    }
    slots.finish();
    replaceOrErase(rewriter, op, result);
    return success();
  }
};

/// Dicts compare for equality only (Sema rejects orderings).
struct DictCmpLowering : public RuntimeOpConversionPattern<CmpOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(CmpOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (!isa<DictType>(op.getLhs().getType()))
      return rewriter.notifyMatchFailure(op, "not a dict comparison");
    CmpPredicate pred = op.getPredicate();
    if (pred != CmpPredicate::eq && pred != CmpPredicate::ne)
      return rewriter.notifyMatchFailure(op, "dicts have no order");
    rewriter.replaceOp(op, lowerObjectEquality(rewriter, op.getLoc(), abi, pred,
                                               RuntimeFunction::DictEq,
                                               adaptor.getLhs(),
                                               adaptor.getRhs()));
    return success();
  }
};

} // namespace

void roast::populateRoastDictPatterns(const TypeConverter &converter,
                                      RuntimeABI &abi,
                                      RewritePatternSet &patterns) {
  patterns
      .add<DictNewLowering, DictGetLowering, DictLookupLowering<DictGetOrOp>,
           DictLookupLowering<DictLookupOp>, DictSetLowering,
           DictContainsLowering, DictMethodLowering, DictCmpLowering>(
          converter, patterns.getContext(), abi);
}
