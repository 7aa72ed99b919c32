//===- ListPatterns.cpp - list ops to runtime calls on 8-byte slots -------===//
//
// The runtime passes list elements as uniform 8-byte slots
// (docs/rationale/containers.md): ints as themselves, floats as their bits,
// bools as 0/1, objects as pointers. These patterns convert values to and
// from slots around runtime calls; len() reads the length field inline.
// In memory a list[bool] packs one byte (0/1) per element, every other
// list an 8-byte slot: the inline l[i] and l[i] = v address elements by
// the storage type of the list's static element type (storageType).
//
//===----------------------------------------------------------------------===//

#include "PatternBase.h"
#include "RefCounting.h"
#include "Slots.h"

#include "Roast/Conversion/RoastToStandard/RoastToStandard.h"
#include "Roast/Dialect/Roast/IR/RoastOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"

using namespace mlir;
using namespace roast;

namespace {

/// Offsets in RoastList: the length after the 16-byte object header, then
/// the capacity and the pointer to the slots.
constexpr int64_t kListLengthOffset = 16;
constexpr int64_t kListCapacityOffset = 24;
constexpr int64_t kListItemsOffset = 32;

/// What an inline list access touches, for LLVM's type-based alias
/// analysis: a list's header (length, items pointer) and its element slots
/// (a separate buffer) never overlap. Knowing that, LLVM keeps the length
/// and the items pointer in registers across element stores, so a loop's
/// index checks and addresses stay loop-invariant. Untagged accesses (the
/// runtime's, other inline code's) may still alias either.
enum class ListMemory { Header, Slots };

void tagListAccess(Operation *access, ListMemory memory) {
  MLIRContext *context = access->getContext();
  auto root =
      LLVM::TBAARootAttr::get(context, StringAttr::get(context, "roast"));
  auto type = LLVM::TBAATypeDescriptorAttr::get(
      context,
      memory == ListMemory::Header ? "roast list header" : "roast list slot",
      {LLVM::TBAAMemberAttr::get(root, 0)});
  cast<LLVM::AliasAnalysisOpInterface>(access).setTBAATags(
      ArrayAttr::get(context, {LLVM::TBAATagAttr::get(type, type, 0)}));
}

/// Loads the i64 or pointer field at `offset` of a list's header.
Value loadField(OpBuilder &builder, Location loc, Value object, int64_t offset,
                Type type) {
  Value field = LLVM::GEPOp::create(builder, loc, object.getType(),
                                    builder.getI8Type(), object,
                                    ArrayRef<LLVM::GEPArg>{int32_t(offset)});
  auto load = LLVM::LoadOp::create(builder, loc, type, field, /*alignment=*/8);
  tagListAccess(load, ListMemory::Header);
  return load;
}

/// How a list of roast element type `element` stores each element: an i8
/// (0 or 1) for bool, an i64 slot for every other kind (Runtime.h, Lists).
Type storageType(OpBuilder &builder, Type element) {
  return getElemKind(element) == ElemKind::Bool ? builder.getI8Type()
                                                : builder.getI64Type();
}

/// The address of element `index` of `list` (elements of type `storage`),
/// after Python's index check: a negative index counts from the end, and
/// one out of range raises IndexError `message` on a cold path. Inline, so
/// that loops over lists keep their elements in registers and vectorize.
/// An `unchecked` access (one whose index roast-loop-versioning proved in
/// range) has neither the check nor the adjustment: only the items pointer
/// is loaded, which LLVM then hoists out of the loop.
Value elementAddress(ConversionPatternRewriter &rewriter, RuntimeABI &abi,
                     Operation *op, Value list, Value index, Type storage,
                     bool unchecked, StringRef message) {
  Location loc = op->getLoc();
  Type i64 = rewriter.getI64Type();
  auto ptr = LLVM::LLVMPointerType::get(rewriter.getContext());
  Value adjusted = index;
  if (!unchecked) {
    Value length = loadField(rewriter, loc, list, kListLengthOffset, i64);
    Value zero = arith::ConstantIntOp::create(rewriter, loc, 0, 64);
    Value negative = arith::CmpIOp::create(
        rewriter, loc, arith::CmpIPredicate::slt, index, zero);
    adjusted = arith::SelectOp::create(
        rewriter, loc, negative,
        arith::AddIOp::create(rewriter, loc, index, length), index);
    // Unsigned: a still-negative index is out of range too.
    Value outOfRange = arith::CmpIOp::create(
        rewriter, loc, arith::CmpIPredicate::uge, adjusted, length);
    abi.raiseIf(rewriter, op, outOfRange, ExceptionKind::IndexError, message);
  }
  Value items = loadField(rewriter, loc, list, kListItemsOffset, ptr);
  return LLVM::GEPOp::create(rewriter, loc, ptr, storage, items,
                             ArrayRef<LLVM::GEPArg>{adjusted},
                             LLVM::GEPNoWrapFlags::inbounds);
}

/// The alignment of an element stored as `storage` (i8 or i64).
unsigned storageAlignment(Type storage) {
  return storage.getIntOrFloatBitWidth() / 8;
}

Type elementOf(Value list) {
  return cast<ListType>(list.getType()).getElementType();
}

Value i32Constant(OpBuilder &builder, Location loc, int32_t value) {
  return arith::ConstantIntOp::create(builder, loc, value, 32);
}

struct ListNewLowering : public RuntimeOpConversionPattern<ListNewOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(ListNewOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Type element = op.getType().getElementType();
    Value capacity = arith::ConstantIntOp::create(
        rewriter, loc, static_cast<int64_t>(op.getElements().size()), 64);
    Value list =
        abi.call(rewriter, loc, RuntimeFunction::ListNew,
                 {capacity, elemKindConstant(rewriter, loc, element)});
    for (Value value : adaptor.getElements()) {
      SlotEncoder slots(rewriter, loc, abi);
      abi.call(rewriter, loc, RuntimeFunction::ListAppend,
               {list, slots.encode(value, element)});
      slots.finish();
    }
    rewriter.replaceOp(op, list);
    return success();
  }
};

struct ListGetLowering : public RuntimeOpConversionPattern<ListGetOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(ListGetOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Type storage = storageType(rewriter, elementOf(op.getList()));
    Value address = elementAddress(rewriter, abi, op, adaptor.getList(),
                                   adaptor.getIndex(), storage,
                                   op.getUnchecked(), "list index out of range");
    auto stored = LLVM::LoadOp::create(rewriter, loc, storage, address,
                                       storageAlignment(storage));
    tagListAccess(stored, ListMemory::Slots);
    // A packed bool byte is 0 or 1: its low bit is the i1. Every other
    // kind loads a whole slot and decodes it.
    Value result = storage.isInteger(8)
                       ? Value(arith::TruncIOp::create(
                             rewriter, loc, rewriter.getI1Type(), stored))
                       : decodeSlot(rewriter, loc, *getTypeConverter(), abi,
                                    stored, op.getType());
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct ListSetLowering : public RuntimeOpConversionPattern<ListSetOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(ListSetOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Type element = elementOf(op.getList());
    if (getElemKind(element) == ElemKind::Object) {
      // The runtime retains the new object and releases the old one.
      SlotEncoder slots(rewriter, loc, abi);
      Value slot = slots.encode(adaptor.getValue(), element);
      abi.callAt(rewriter, op, RuntimeFunction::ListSet,
                 {adaptor.getList(), adaptor.getIndex(), slot});
      slots.finish();
      rewriter.eraseOp(op);
      return success();
    }
    // A number is stored inline: a bool as its byte, an int or float as its
    // slot.
    Type storage = storageType(rewriter, element);
    Value stored;
    if (storage.isInteger(8)) {
      stored =
          arith::ExtUIOp::create(rewriter, loc, storage, adaptor.getValue());
    } else {
      SlotEncoder slots(rewriter, loc, abi);
      stored = slots.encode(adaptor.getValue(), element);
      slots.finish();
    }
    Value address = elementAddress(rewriter, abi, op, adaptor.getList(),
                                   adaptor.getIndex(), storage,
                                   op.getUnchecked(),
                                   "list assignment index out of range");
    auto store = LLVM::StoreOp::create(rewriter, loc, stored, address,
                                       storageAlignment(storage));
    tagListAccess(store, ListMemory::Slots);
    rewriter.eraseOp(op);
    return success();
  }
};

/// Appending is inline while the list has room: store the slot, count it,
/// and retain the element (a tuple or optional boxed for the list hands
/// its new box over instead). Only a full list calls the runtime, which
/// grows it. A list of bools, one byte an element, always calls.
struct ListAppendLowering : public RuntimeOpConversionPattern<ListAppendOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(ListAppendOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Type element = elementOf(op.getList());
    Value list = adaptor.getList();
    SlotEncoder slots(rewriter, loc, abi);
    Value slot = slots.encode(adaptor.getValue(), element);
    if (getElemKind(element) == ElemKind::Bool) {
      abi.call(rewriter, loc, RuntimeFunction::ListAppend, {list, slot});
      slots.finish();
      rewriter.eraseOp(op);
      return success();
    }
    bool boxed = slots.madeBoxes();
    Type i64 = rewriter.getI64Type();
    auto ptr = LLVM::LLVMPointerType::get(rewriter.getContext());
    Value length = loadField(rewriter, loc, list, kListLengthOffset, i64);
    Value capacity = loadField(rewriter, loc, list, kListCapacityOffset, i64);
    Value full = arith::CmpIOp::create(rewriter, loc, arith::CmpIPredicate::eq,
                                       length, capacity);
    Block *head = rewriter.getInsertionBlock();
    Block *done = rewriter.splitBlock(head, rewriter.getInsertionPoint());
    Block *grow = rewriter.createBlock(done);
    Block *store = rewriter.createBlock(done);
    rewriter.setInsertionPointToEnd(head);
    cf::CondBranchOp::create(rewriter, loc, full, grow, ValueRange(), store,
                             ValueRange(), {kUnlikelyWeight, kLikelyWeight});

    rewriter.setInsertionPointToStart(grow);
    abi.call(rewriter, loc, RuntimeFunction::ListAppend, {list, slot});
    slots.finish();
    cf::BranchOp::create(rewriter, loc, done);

    rewriter.setInsertionPointToStart(store);
    if (!boxed && (getElemKind(element) == ElemKind::Object ||
                   getElemKind(element) == ElemKind::Value))
      emitRefCount(rewriter, loc, abi, adaptor.getValue(), element,
                   /*release=*/false);
    Value items = loadField(rewriter, loc, list, kListItemsOffset, ptr);
    Value address = LLVM::GEPOp::create(rewriter, loc, ptr, i64, items,
                                        ArrayRef<LLVM::GEPArg>{length},
                                        LLVM::GEPNoWrapFlags::inbounds);
    auto stored = LLVM::StoreOp::create(rewriter, loc, slot, address, 8);
    tagListAccess(stored, ListMemory::Slots);
    Value one = arith::ConstantIntOp::create(rewriter, loc, 1, 64);
    Value lengthField =
        LLVM::GEPOp::create(rewriter, loc, ptr, rewriter.getI8Type(), list,
                            ArrayRef<LLVM::GEPArg>{int32_t(kListLengthOffset)});
    auto counted = LLVM::StoreOp::create(
        rewriter, loc, arith::AddIOp::create(rewriter, loc, length, one),
        lengthField, 8);
    tagListAccess(counted, ListMemory::Header);
    cf::BranchOp::create(rewriter, loc, done);

    rewriter.setInsertionPointToStart(done);
    rewriter.eraseOp(op);
    return success();
  }
};

struct ListPopLowering : public RuntimeOpConversionPattern<ListPopOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(ListPopOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value index = adaptor.getIndex();
    Value hasIndex = i32Constant(rewriter, loc, index ? 1 : 0);
    if (!index)
      index = arith::ConstantIntOp::create(rewriter, loc, -1, 64);
    Value slot = abi.callAt(rewriter, op, RuntimeFunction::ListPop,
                             {adaptor.getList(), index, hasIndex});
    rewriter.replaceOp(op, decodeOwnedSlot(rewriter, loc, *getTypeConverter(),
                                           abi, slot, op.getType()));
    return success();
  }
};

struct ListContainsLowering
    : public RuntimeOpConversionPattern<ListContainsOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(ListContainsOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    SlotEncoder slots(rewriter, op.getLoc(), abi);
    Value slot = slots.encode(adaptor.getValue(), elementOf(op.getList()));
    Value found = abi.call(rewriter, op.getLoc(), RuntimeFunction::ListContains,
                           {adaptor.getList(), slot});
    slots.finish();
    // An element's __eq__ may raise.
    abi.unwindIfRaised(rewriter, op, /*pushFrame=*/false);
    rewriter.replaceOp(op, found);
    return success();
  }
};

template <typename OpTy, RuntimeFunction Fn>
struct ListCallLowering : public RuntimeOpConversionPattern<OpTy> {
  using RuntimeOpConversionPattern<OpTy>::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, this->abi.call(rewriter, op.getLoc(), Fn,
                                          adaptor.getOperands()));
    return success();
  }
};

struct ListSliceLowering : public RuntimeOpConversionPattern<ListSliceOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(ListSliceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    SmallVector<Value> args = {adaptor.getList()};
    llvm::append_range(args, sliceOperands(rewriter, op.getLoc(),
                                           adaptor.getStart(),
                                           adaptor.getStop(),
                                           adaptor.getStep()));
    rewriter.replaceOp(
        op, abi.callAt(rewriter, op, RuntimeFunction::ListSlice, args));
    return success();
  }
};

/// len() of a list reads RoastList.length; of a str it asks the runtime
/// (code points).
struct LenLowering : public RuntimeOpConversionPattern<LenOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(LenOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    // Lists, dicts and sets keep their length at the same offset.
    if (isa<StrType>(op.getValue().getType())) {
      rewriter.replaceOp(op, abi.call(rewriter, loc, RuntimeFunction::StrLen,
                                      adaptor.getValue()));
      return success();
    }
    // A list's length is tagged as the inline l[i] reads it, so that LLVM
    // keeps it in a register across element stores (a `for x in xs` loop
    // tests it every step).
    if (isa<ListType>(op.getValue().getType())) {
      rewriter.replaceOp(op, loadField(rewriter, loc, adaptor.getValue(),
                                       kListLengthOffset,
                                       rewriter.getI64Type()));
      return success();
    }
    Type i8 = rewriter.getI8Type();
    Value field = LLVM::GEPOp::create(
        rewriter, loc, adaptor.getValue().getType(), i8, adaptor.getValue(),
        ArrayRef<LLVM::GEPArg>{kListLengthOffset});
    rewriter.replaceOpWithNewOp<LLVM::LoadOp>(op, rewriter.getI64Type(), field,
                                              /*alignment=*/8);
    return success();
  }
};

/// == and != are element-wise equality. The orderings go through the
/// runtime's rich comparison, which knows the operator: that is what makes
/// NaN elements and the TypeError for None come out as in CPython.
struct ListCmpLowering : public RuntimeOpConversionPattern<CmpOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(CmpOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (!isa<ListType>(op.getLhs().getType()))
      return rewriter.notifyMatchFailure(op, "not a list comparison");
    Location loc = op.getLoc();
    CmpPredicate pred = op.getPredicate();
    Value lhs = adaptor.getLhs(), rhs = adaptor.getRhs();
    if (pred == CmpPredicate::eq || pred == CmpPredicate::ne) {
      rewriter.replaceOp(op, lowerObjectEquality(rewriter, loc, abi, pred,
                                                 RuntimeFunction::ListEq, lhs,
                                                 rhs));
      return success();
    }
    // RoastCompareOp in Runtime.h: LT 0, LE 1, GT 4, GE 5.
    int32_t runtimeOp = pred == CmpPredicate::lt   ? 0
                        : pred == CmpPredicate::le ? 1
                        : pred == CmpPredicate::gt ? 4
                                                   : 5;
    rewriter.replaceOp(op, abi.callAt(rewriter, op, RuntimeFunction::ListRichCompare,
                                       {lhs, rhs,
                                        i32Constant(rewriter, loc,
                                                    runtimeOp)}));
    return success();
  }
};

struct ListMethodLowering : public RuntimeOpConversionPattern<ListMethodOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(ListMethodOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    ValueRange args = adaptor.getOperands();
    Value list = args[0];
    Type element = elementOf(op.getOperands()[0]);
    SlotEncoder slots(rewriter, loc, abi);
    auto slot = [&](unsigned i) { return slots.encode(args[i], element); };
    Value result;
    switch (op.getMethod()) {
    case ListMethod::insert:
      abi.call(rewriter, loc, RuntimeFunction::ListInsert,
               {list, args[1], slot(2)});
      break;
    case ListMethod::extend:
      abi.call(rewriter, loc, RuntimeFunction::ListExtend, {list, args[1]});
      break;
    case ListMethod::remove:
      abi.callAt(rewriter, op, RuntimeFunction::ListRemove,
                  {list, slot(1)});
      break;
    case ListMethod::index:
      result = abi.callAt(rewriter, op, RuntimeFunction::ListIndex,
                           {list, slot(1)});
      break;
    case ListMethod::count:
      result = abi.call(rewriter, loc, RuntimeFunction::ListCount,
                        {list, slot(1)});
      break;
    case ListMethod::reverse:
      abi.call(rewriter, loc, RuntimeFunction::ListReverse, list);
      break;
    case ListMethod::copy:
      result = abi.call(rewriter, loc, RuntimeFunction::ListCopy, list);
      break;
    case ListMethod::clear:
      abi.call(rewriter, loc, RuntimeFunction::ListClear, list);
      break;
    case ListMethod::del:
      abi.callAt(rewriter, op, RuntimeFunction::ListDelItem, {list, args[1]});
      break;
    case ListMethod::sort: {
      Value reverse =
          arith::ExtUIOp::create(rewriter, loc, rewriter.getI32Type(), args[1]);
      abi.callAt(rewriter, op, RuntimeFunction::ListSort,
                  {list, reverse});
      break;
    }
    case ListMethod::reorder: {
      Value reverse =
          arith::ExtUIOp::create(rewriter, loc, rewriter.getI32Type(), args[2]);
      abi.callAt(rewriter, op, RuntimeFunction::ListReorder,
                 {list, args[1], reverse});
      break;
    }
    case ListMethod::argsort: {
      Value reverse =
          arith::ExtUIOp::create(rewriter, loc, rewriter.getI32Type(), args[1]);
      result = abi.call(rewriter, loc, RuntimeFunction::ListArgsort,
                        {list, reverse});
      break;
    }
    case ListMethod::permute:
      abi.callAt(rewriter, op, RuntimeFunction::ListPermute, {list, args[1]});
      break;
    case ListMethod::permuted:
      result = abi.callAt(rewriter, op, RuntimeFunction::ListPermuted,
                          {list, args[1]});
      break;
    case ListMethod::reserve:
      abi.call(rewriter, loc, RuntimeFunction::ListReserveHint, {list, args[1]});
      break;
    }
    slots.finish();
    if (op.getMethod() == ListMethod::count) // an element's __eq__ may raise
      abi.unwindIfRaised(rewriter, op, /*pushFrame=*/false);
    replaceOrErase(rewriter, op, result);
    return success();
  }
};

struct ListReduceLowering : public RuntimeOpConversionPattern<ListReduceOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(ListReduceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value list = adaptor.getList();
    Value result;
    switch (op.getReduction()) {
    case ListReduction::sum:
      result = isa<FloatType>(op.getType())
                   ? abi.call(rewriter, loc, RuntimeFunction::ListSumFloat, list)
                   : abi.callAt(rewriter, op, RuntimeFunction::ListSumInt, list);
      break;
    case ListReduction::min:
    case ListReduction::max: {
      Value wantMax = i32Constant(
          rewriter, loc, op.getReduction() == ListReduction::max ? 1 : 0);
      Value slot = abi.callAt(rewriter, op, RuntimeFunction::ListExtreme,
                               {list, wantMax});
      result = decodeSlot(rewriter, loc, *getTypeConverter(), abi, slot,
                          op.getType());
      break;
    }
    case ListReduction::any:
      result = abi.call(rewriter, loc, RuntimeFunction::ListAny, list);
      break;
    case ListReduction::all:
      result = abi.call(rewriter, loc, RuntimeFunction::ListAll, list);
      break;
    }
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void roast::populateRoastListPatterns(const TypeConverter &converter,
                                      RuntimeABI &abi,
                                      RewritePatternSet &patterns) {
  patterns.add<
      ListNewLowering, ListGetLowering, ListSetLowering, ListAppendLowering,
      ListPopLowering, ListContainsLowering, ListSliceLowering, LenLowering,
      ListCmpLowering, ListMethodLowering, ListReduceLowering,
      ListCallLowering<ListConcatOp, RuntimeFunction::ListConcat>,
      ListCallLowering<ListRepeatOp, RuntimeFunction::ListRepeat>>(
      converter, patterns.getContext(), abi);
}
