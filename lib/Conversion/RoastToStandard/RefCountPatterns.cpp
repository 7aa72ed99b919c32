//===- RefCountPatterns.cpp - Inline retain and release -------------------===//
//
// roast.retain and roast.release become inline code: skip None (null) and
// immortal objects (constants in read-only memory: never write to them),
// otherwise adjust the count; a release that reaches zero calls
// roast_rt_dealloc. Tuples apply this to each reference they hold.
//
//===----------------------------------------------------------------------===//

#include "Optionals.h"
#include "PatternBase.h"
#include "RefCounting.h"

#include "Roast/Conversion/RoastToStandard/RoastToStandard.h"
#include "Roast/Dialect/Roast/IR/RoastOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"

#include <type_traits>

using namespace mlir;
using namespace roast;

namespace {

/// ROAST_REFCOUNT_IMMORTAL in Runtime.h.
constexpr int64_t kImmortalRefCount = int64_t(1) << 62;

/// The references inside `value` of roast type `type`: the value itself for
/// a str, the references of each element for a tuple.
void collectReferences(OpBuilder &builder, Location loc, Value value,
                       Type type, SmallVectorImpl<Value> &refs) {
  if (isObjectType(type)) {
    refs.push_back(value);
    return;
  }
  if (isa<ValueType>(type)) {
    // A dynamic value holds an object when its top 16 bits are 0xFFFC
    // (docs/rationale/dynamic-values.md); anything else counts as null.
    Type i64 = builder.getI64Type();
    Value tag = arith::ShRUIOp::create(
        builder, loc, value, arith::ConstantIntOp::create(builder, loc, i64, 48));
    Value isObject = arith::CmpIOp::create(
        builder, loc, arith::CmpIPredicate::eq, tag,
        arith::ConstantIntOp::create(builder, loc, i64, 0xFFFC));
    Value address = arith::AndIOp::create(
        builder, loc, value,
        arith::ConstantIntOp::create(builder, loc, i64,
                                     (int64_t(1) << 48) - 1));
    auto ptr = LLVM::LLVMPointerType::get(builder.getContext());
    Value object = LLVM::IntToPtrOp::create(builder, loc, ptr, address);
    refs.push_back(arith::SelectOp::create(
        builder, loc, isObject, object, LLVM::ZeroOp::create(builder, loc, ptr)));
    return;
  }
  if (auto optional = dyn_cast<OptionalType>(type)) {
    // A nullable reference, or {present, value} whose value is zero (null
    // references) when None.
    if (isNullableOptional(optional))
      refs.push_back(value);
    else if (holdsReferences(optional.getValueType()))
      collectReferences(
          builder, loc,
          LLVM::ExtractValueOp::create(builder, loc, value, int64_t(1)),
          optional.getValueType(), refs);
    return;
  }
  if (auto tuple = dyn_cast<TupleType>(type))
    for (auto [i, element] : llvm::enumerate(tuple.getTypes())) {
      if (!holdsReferences(element))
        continue;
      Value part = LLVM::ExtractValueOp::create(builder, loc, value,
                                                static_cast<int64_t>(i));
      collectReferences(builder, loc, part, element, refs);
    }
}

/// Emits `if (ref && ref->refcount < IMMORTAL) { body(count) }` and leaves
/// the rewriter after it.
void ifCounted(ConversionPatternRewriter &rewriter, Location loc, Value ref,
               function_ref<void(Value count)> body) {
  Block *head = rewriter.getInsertionBlock();
  Block *done = rewriter.splitBlock(head, rewriter.getInsertionPoint());
  Region *region = head->getParent();
  Block *load = rewriter.createBlock(region, std::next(head->getIterator()));
  Block *update = rewriter.createBlock(region, std::next(load->getIterator()));

  rewriter.setInsertionPointToEnd(head);
  Value null = LLVM::ZeroOp::create(rewriter, loc, ref.getType());
  Value isNull =
      LLVM::ICmpOp::create(rewriter, loc, LLVM::ICmpPredicate::eq, ref, null);
  cf::CondBranchOp::create(rewriter, loc, isNull, done, load);

  rewriter.setInsertionPointToEnd(load);
  Type i64 = rewriter.getI64Type();
  Value count = LLVM::LoadOp::create(rewriter, loc, i64, ref, /*alignment=*/8);
  Value immortal = arith::ConstantIntOp::create(rewriter, loc, i64,
                                                kImmortalRefCount);
  Value counted = arith::CmpIOp::create(rewriter, loc,
                                        arith::CmpIPredicate::slt, count,
                                        immortal);
  cf::CondBranchOp::create(rewriter, loc, counted, update, done);

  rewriter.setInsertionPointToEnd(update);
  body(count);
  cf::BranchOp::create(rewriter, loc, done);
  rewriter.setInsertionPointToStart(done);
}

/// Deallocates `ref` when its new count `count` is zero.
void deallocIfZero(ConversionPatternRewriter &rewriter, Location loc,
                   RuntimeABI &abi, Value ref, Value count) {
  Value zero = arith::ConstantIntOp::create(rewriter, loc, 0, 64);
  Value dead = arith::CmpIOp::create(rewriter, loc, arith::CmpIPredicate::eq,
                                     count, zero);
  Block *head = rewriter.getInsertionBlock();
  Block *after = rewriter.splitBlock(head, rewriter.getInsertionPoint());
  Block *free =
      rewriter.createBlock(head->getParent(), std::next(head->getIterator()));
  rewriter.setInsertionPointToEnd(head);
  cf::CondBranchOp::create(rewriter, loc, dead, free, after);
  rewriter.setInsertionPointToEnd(free);
  abi.call(rewriter, loc, RuntimeFunction::Dealloc, ref);
  cf::BranchOp::create(rewriter, loc, after);
  rewriter.setInsertionPointToStart(after);
}

/// retain adds one to each counted reference; release subtracts one and
/// deallocates the object whose count reaches zero.
template <typename OpTy>
struct RefCountLowering : public RuntimeOpConversionPattern<OpTy> {
  using RuntimeOpConversionPattern<OpTy>::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    emitRefCount(rewriter, op.getLoc(), this->abi, adaptor.getValue(),
                 op.getValue().getType(), std::is_same_v<OpTy, ReleaseOp>);
    rewriter.eraseOp(op);
    return success();
  }
};

} // namespace

void roast::emitRefCount(ConversionPatternRewriter &rewriter, Location loc,
                         RuntimeABI &abi, Value value, Type type,
                         bool release) {
  SmallVector<Value> refs;
  collectReferences(rewriter, loc, value, type, refs);
  for (Value ref : refs)
    ifCounted(rewriter, loc, ref, [&](Value count) {
      Value one = arith::ConstantIntOp::create(rewriter, loc, 1, 64);
      Value next = release
                       ? Value(arith::SubIOp::create(rewriter, loc, count, one))
                       : Value(arith::AddIOp::create(rewriter, loc, count, one));
      LLVM::StoreOp::create(rewriter, loc, next, ref, /*alignment=*/8);
      if (release)
        deallocIfZero(rewriter, loc, abi, ref, next);
    });
}

void roast::populateRoastRefCountPatterns(const TypeConverter &converter,
                                          RuntimeABI &abi,
                                          RewritePatternSet &patterns) {
  patterns.add<RefCountLowering<RetainOp>, RefCountLowering<ReleaseOp>>(
      converter, patterns.getContext(), abi);
}
