//===- SetPatterns.cpp - set ops to runtime calls on 8-byte slots ---------===//
//
// A set is the dict's hash table without values (Slots.h); len() reads its
// length inline (ListPatterns.cpp).
//
//===----------------------------------------------------------------------===//

#include "PatternBase.h"
#include "Slots.h"

#include "Roast/Conversion/RoastToStandard/RoastToStandard.h"
#include "Roast/Dialect/Roast/IR/RoastOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"

using namespace mlir;
using namespace roast;

namespace {

struct SetNewLowering : public RuntimeOpConversionPattern<SetNewOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(SetNewOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value kind = elemKindConstant(rewriter, loc, op.getType().getElementType());
    rewriter.replaceOp(
        op, adaptor.getList()
                ? abi.call(rewriter, loc, RuntimeFunction::SetFromList,
                           {adaptor.getList(), kind})
                : abi.call(rewriter, loc, RuntimeFunction::SetNew, kind));
    return success();
  }
};

struct SetContainsLowering : public RuntimeOpConversionPattern<SetContainsOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(SetContainsOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    SlotEncoder slots(rewriter, op.getLoc(), abi);
    Value item = slots.encode(adaptor.getValue(), op.getValue().getType());
    Value found = abi.call(rewriter, op.getLoc(), RuntimeFunction::SetContains,
                           {adaptor.getSet(), item});
    slots.finish();
    rewriter.replaceOp(op, found);
    return success();
  }
};

/// The runtime function of each method that takes only objects.
std::optional<RuntimeFunction> objectMethod(SetMethod method) {
  switch (method) {
  case SetMethod::clear: return RuntimeFunction::SetClear;
  case SetMethod::copy: return RuntimeFunction::SetCopy;
  case SetMethod::union_: return RuntimeFunction::SetUnion;
  case SetMethod::intersection: return RuntimeFunction::SetIntersection;
  case SetMethod::difference: return RuntimeFunction::SetDifference;
  case SetMethod::symmetric_difference:
    return RuntimeFunction::SetSymmetricDifference;
  case SetMethod::update: return RuntimeFunction::SetUpdate;
  case SetMethod::intersection_update:
    return RuntimeFunction::SetIntersectionUpdate;
  case SetMethod::difference_update:
    return RuntimeFunction::SetDifferenceUpdate;
  case SetMethod::issubset: return RuntimeFunction::SetIsSubset;
  case SetMethod::to_list: return RuntimeFunction::SetToList;
  default: return std::nullopt;
  }
}

struct SetMethodLowering : public RuntimeOpConversionPattern<SetMethodOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(SetMethodOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    ValueRange args = adaptor.getOperands();
    Value set = args[0];
    Type element = cast<SetType>(op.getOperands()[0].getType()).getElementType();
    Value result;
    if (std::optional<RuntimeFunction> fn = objectMethod(op.getMethod())) {
      result = abi.call(rewriter, loc, *fn, args);
    } else if (op.getMethod() == SetMethod::issuperset) {
      result = abi.call(rewriter, loc, RuntimeFunction::SetIsSubset,
                        {args[1], set});
    } else if (op.getMethod() == SetMethod::pop) {
      Value slot = abi.callAt(rewriter, op, RuntimeFunction::SetPop, set);
      result = decodeOwnedSlot(rewriter, loc, *getTypeConverter(), abi, slot,
                               element);
    } else {
      SlotEncoder slots(rewriter, loc, abi);
      Value item = slots.encode(args[1], element);
      if (op.getMethod() == SetMethod::add)
        abi.call(rewriter, loc, RuntimeFunction::SetAdd, {set, item});
      else if (op.getMethod() == SetMethod::discard)
        abi.call(rewriter, loc, RuntimeFunction::SetDiscard, {set, item});
      else
        abi.callAt(rewriter, op, RuntimeFunction::SetRemove, {set, item});
      slots.finish();
    }
    replaceOrErase(rewriter, op, result);
    return success();
  }
};

/// == and != compare contents; <=, <, >=, > are subset tests.
struct SetCmpLowering : public RuntimeOpConversionPattern<CmpOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(CmpOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (!isa<SetType>(op.getLhs().getType()))
      return rewriter.notifyMatchFailure(op, "not a set comparison");
    Location loc = op.getLoc();
    CmpPredicate pred = op.getPredicate();
    Value lhs = adaptor.getLhs(), rhs = adaptor.getRhs();
    if (pred == CmpPredicate::eq || pred == CmpPredicate::ne) {
      rewriter.replaceOp(op, lowerObjectEquality(rewriter, loc, abi, pred,
                                                 RuntimeFunction::SetEq, lhs,
                                                 rhs));
      return success();
    }
    // a >= b is b <= a; the strict forms also need a != b.
    bool flipped = pred == CmpPredicate::ge || pred == CmpPredicate::gt;
    Value subset = abi.call(rewriter, loc, RuntimeFunction::SetIsSubset,
                            {flipped ? rhs : lhs, flipped ? lhs : rhs});
    if (pred == CmpPredicate::lt || pred == CmpPredicate::gt) {
      Value differ = lowerObjectEquality(rewriter, loc, abi, CmpPredicate::ne,
                                         RuntimeFunction::SetEq, lhs, rhs);
      subset = arith::AndIOp::create(rewriter, loc, subset, differ);
    }
    rewriter.replaceOp(op, subset);
    return success();
  }
};

} // namespace

void roast::populateRoastSetPatterns(const TypeConverter &converter,
                                     RuntimeABI &abi,
                                     RewritePatternSet &patterns) {
  patterns.add<SetNewLowering, SetContainsLowering, SetMethodLowering,
               SetCmpLowering>(converter, patterns.getContext(), abi);
}
