//===- DynamicPatterns.cpp - Lowering of dynamic values --------------------===//
//
// `!roast.value` is an i64 holding a NaN-boxed value (docs/rationale/
// dynamic-values.md). Boxing bools, None and references is inline bit
// arithmetic (and a retain); everything else calls the runtime's
// roast_rt_value_* functions, which
// give the operations Python's semantics and raise CPython's errors.
//
//===----------------------------------------------------------------------===//

#include "Roast/Conversion/RoastToStandard/ClassLayouts.h"
#include "Roast/Conversion/RoastToStandard/RoastToStandard.h"

#include "PatternBase.h"
#include "RefCounting.h"
#include "Slots.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"

using namespace mlir;
using namespace roast;

namespace {

/// The encoding's constants (Runtime.h, ROAST_VALUE_*).
constexpr uint64_t kTagShift = 48;
constexpr uint64_t kNoneBits = uint64_t(0xFFFB) << kTagShift;
constexpr uint64_t kFalseBits = uint64_t(0xFFFA) << kTagShift;
constexpr uint64_t kObjectBits = uint64_t(0xFFFC) << kTagShift;

/// RoastObject.type_id values (Runtime.h) that unboxing checks for.
enum TypeId : int32_t {
  kNoneOnly = 0, // not a type id: only None is accepted
  kStr = 1,
  kList = 2,
  kTuple = 3,
  kDict = 4,
  kSet = 5,
  kFile = 7
};

Value i64Constant(OpBuilder &builder, Location loc, uint64_t value) {
  return arith::ConstantIntOp::create(builder, loc, int64_t(value), 64);
}

Value i32Constant(OpBuilder &builder, Location loc, int64_t value) {
  return arith::ConstantIntOp::create(builder, loc, value, 32);
}

struct BoxOpLowering : ClassPattern<BoxOp> {
  using ClassPattern::ClassPattern;
  LogicalResult
  matchAndRewrite(BoxOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Type type = op.getValue().getType();
    Value value = adaptor.getValue();
    if (isa<roast::NoneType>(type)) {
      rewriter.replaceOp(op, i64Constant(rewriter, loc, kNoneBits));
      return success();
    }
    if (type.isInteger(1)) { // 0xFFFA << 48 | b
      Value bit = arith::ExtUIOp::create(rewriter, loc, rewriter.getI64Type(),
                                         value);
      rewriter.replaceOpWithNewOp<arith::OrIOp>(
          op, bit, i64Constant(rewriter, loc, kFalseBits));
      return success();
    }
    bool optional = isa<OptionalType>(type);
    if (op.getBorrowed() && !optional) { // 0xFFFC << 48 | the pointer
      Value bits = LLVM::PtrToIntOp::create(rewriter, loc,
                                            rewriter.getI64Type(), value);
      rewriter.replaceOpWithNewOp<arith::OrIOp>(
          op, bits, i64Constant(rewriter, loc, kObjectBits));
      return success();
    }
    if (isReferenceType(type)) {
      // A new reference (unless borrowed), tagged; None for a null one (an
      // optional's None; what the runtime's roast_rt_value_from_slot does,
      // inline).
      if (!op.getBorrowed())
        emitRefCount(rewriter, loc, abi, value, type, /*release=*/false);
      Value bits = LLVM::PtrToIntOp::create(rewriter, loc,
                                            rewriter.getI64Type(), value);
      Value tagged = arith::OrIOp::create(rewriter, loc, bits,
                                          i64Constant(rewriter, loc, kObjectBits));
      Value isNull = LLVM::ICmpOp::create(
          rewriter, loc, LLVM::ICmpPredicate::eq, value,
          LLVM::ZeroOp::create(rewriter, loc, value.getType()));
      rewriter.replaceOpWithNewOp<arith::SelectOp>(
          op, isNull, i64Constant(rewriter, loc, kNoneBits), tagged);
      return success();
    }
    // Ints may need a heap box, floats a canonical NaN, tuples and optional
    // numbers a box: the runtime does each from a slot.
    SlotEncoder encoder(rewriter, loc, abi);
    Value slot = encoder.encode(value, type);
    ElemKind kind = getElemKind(type);
    if (isa<TupleType, OptionalType>(type))
      kind = ElemKind::Object;
    Value result = abi.call(rewriter, loc, RuntimeFunction::ValueFromSlot,
                            {i32Constant(rewriter, loc, int32_t(kind)), slot});
    encoder.finish();
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct UnboxOpLowering : ClassPattern<UnboxOp> {
  using ClassPattern::ClassPattern;
  LogicalResult
  matchAndRewrite(UnboxOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Type type = op.getType();
    Value value = adaptor.getValue();
    RuntimeFunction scalar = type.isInteger(64) ? RuntimeFunction::ValueUnboxInt
                             : type.isF64()     ? RuntimeFunction::ValueUnboxFloat
                                                : RuntimeFunction::ValueUnboxBool;
    if (isScalarType(type)) {
      rewriter.replaceOp(op, abi.callAt(rewriter, op, scalar, value));
      return success();
    }
    bool noneOk = false;
    if (auto optional = dyn_cast<OptionalType>(type)) {
      if (!isObjectType(optional.getValueType()))
        return rewriter.notifyMatchFailure(op, "optional number");
      type = optional.getValueType();
      noneOk = true;
    }
    Value none = i32Constant(rewriter, loc, noneOk);
    if (auto object = dyn_cast<ObjectType>(type)) {
      Value descriptor =
          classes.descriptorAddress(rewriter, loc, object.getClassName());
      rewriter.replaceOp(op, abi.callAt(rewriter, op,
                                         RuntimeFunction::ValueUnboxInstance,
                                         {value, descriptor, none}));
      return success();
    }
    int32_t typeId, elemKind = 0;
    if (isa<roast::NoneType>(type)) {
      typeId = kNoneOnly;
    } else if (isa<StrType>(type)) {
      typeId = kStr;
    } else if (isa<FileType>(type)) {
      typeId = kFile;
    } else if (auto list = dyn_cast<ListType>(type)) {
      typeId = kList;
      elemKind = int32_t(getElemKind(list.getElementType()));
    } else if (auto set = dyn_cast<SetType>(type)) {
      typeId = kSet;
      elemKind = int32_t(getElemKind(set.getElementType()));
    } else if (auto dict = dyn_cast<DictType>(type)) {
      typeId = kDict;
      elemKind = int32_t(getElemKind(dict.getKeyType())) |
                 int32_t(getElemKind(dict.getValueType())) << 8;
    } else {
      return rewriter.notifyMatchFailure(op, "not unboxable by the runtime");
    }
    rewriter.replaceOp(
        op, abi.callAt(rewriter, op, RuntimeFunction::ValueUnboxObject,
                       {value, i32Constant(rewriter, loc, typeId),
                        i32Constant(rewriter, loc, elemKind), none}));
    return success();
  }
};

/// + - * of dynamic values have an inline path for two doubles
/// (DynFloatBinaryLowering).
static bool isInlined(DynBinaryOperator kind) {
  return kind == DynBinaryOperator::add || kind == DynBinaryOperator::sub ||
         kind == DynBinaryOperator::mul;
}

/// An op that is one runtime call with its operands (and any attributes
/// as leading i32s or C strings) followed by the source location.
template <typename OpTy>
struct DynamicCallLowering : RuntimeOpConversionPattern<OpTy> {
  using RuntimeOpConversionPattern<OpTy>::RuntimeOpConversionPattern;
  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto &abi = this->abi;
    Value result;
    if constexpr (std::is_same_v<OpTy, DynGetAttrOp> ||
                  std::is_same_v<OpTy, DynSetAttrOp>)
      if (op.getCache())
        return rewriter.notifyMatchFailure(op, "has an inline cache");
    if constexpr (std::is_same_v<OpTy, DynBinaryOp>) {
      if (isInlined(op.getKind()))
        return rewriter.notifyMatchFailure(op, "has an inline float path");
      result = abi.callAt(rewriter, op, RuntimeFunction::ValueBinary,
                          {i32Constant(rewriter, loc, int32_t(op.getKind())),
                           adaptor.getLhs(), adaptor.getRhs(),
                           i32Constant(rewriter, loc, op.getInplace())});
    } else if constexpr (std::is_same_v<OpTy, DynUnaryOp>)
      result = abi.callAt(rewriter, op, RuntimeFunction::ValueUnary,
                          {i32Constant(rewriter, loc, int32_t(op.getKind())),
                           adaptor.getOperand()});
    else if constexpr (std::is_same_v<OpTy, DynCompareOp>)
      result = abi.callAt(rewriter, op, RuntimeFunction::ValueCompare,
                          {i32Constant(rewriter, loc, cmpOpNumber(op)),
                           adaptor.getLhs(), adaptor.getRhs()});
    else if constexpr (std::is_same_v<OpTy, DynTruthOp>)
      result = toBool(rewriter, loc,
                      abi.callAt(rewriter, op, RuntimeFunction::ValueTruth,
                                 adaptor.getValue()));
    else if constexpr (std::is_same_v<OpTy, DynContainsOp>)
      result = toBool(rewriter, loc,
                      abi.callAt(rewriter, op, RuntimeFunction::ValueContains,
                                 {adaptor.getContainer(), adaptor.getItem()}));
    else if constexpr (std::is_same_v<OpTy, DynLenOp>)
      result = abi.callAt(rewriter, op, RuntimeFunction::ValueLen,
                          adaptor.getValue());
    else if constexpr (std::is_same_v<OpTy, DynGetItemOp>)
      result = abi.callAt(rewriter, op, RuntimeFunction::ValueGetItem,
                          {adaptor.getValue(), adaptor.getKey()});
    else if constexpr (std::is_same_v<OpTy, DynSetItemOp>)
      abi.callAt(rewriter, op, RuntimeFunction::ValueSetItem,
                 {adaptor.getValue(), adaptor.getKey(), adaptor.getItem()});
    else if constexpr (std::is_same_v<OpTy, DynDelItemOp>)
      abi.callAt(rewriter, op, RuntimeFunction::ValueDelItem,
                 {adaptor.getValue(), adaptor.getKey()});
    else if constexpr (std::is_same_v<OpTy, DynGetSliceOp>)
      result = abi.callAt(rewriter, op, RuntimeFunction::ValueGetSlice,
                          {adaptor.getValue(), adaptor.getStart(),
                           adaptor.getStop(), adaptor.getStep()});
    else if constexpr (std::is_same_v<OpTy, DynIterOp>)
      result = abi.callAt(rewriter, op, RuntimeFunction::ValueIter,
                          adaptor.getValue());
    else if constexpr (std::is_same_v<OpTy, DynIterListOp>)
      result = abi.callAt(rewriter, op, RuntimeFunction::ValueIterList,
                          adaptor.getValue());
    else if constexpr (std::is_same_v<OpTy, DynGetAttrOp>)
      result = abi.callAt(rewriter, op, RuntimeFunction::ValueGetAttr,
                          {adaptor.getValue(),
                           abi.getCString(rewriter, loc, op.getName())});
    else if constexpr (std::is_same_v<OpTy, DynSetAttrOp>)
      abi.callAt(rewriter, op, RuntimeFunction::ValueSetAttr,
                 {adaptor.getValue(), abi.getCString(rewriter, loc, op.getName()),
                  adaptor.getItem()});
    replaceOrErase(rewriter, op, result);
    return success();
  }

  static int32_t cmpOpNumber(DynCompareOp op) {
    // RoastCompareOp numbers comparisons as CPython's Py_LT .. Py_GE.
    switch (op.getPredicate()) {
    case CmpPredicate::lt: return 0;
    case CmpPredicate::le: return 1;
    case CmpPredicate::eq: return 2;
    case CmpPredicate::ne: return 3;
    case CmpPredicate::gt: return 4;
    case CmpPredicate::ge: return 5;
    }
    llvm_unreachable("unknown predicate");
  }

  /// A C int result (0 or 1; -1 only with an exception pending) as an i1.
  static Value toBool(OpBuilder &builder, Location loc, Value result) {
    return arith::CmpIOp::create(builder, loc, arith::CmpIPredicate::sgt,
                                 result, i32Constant(builder, loc, 0));
  }
};

/// The first tagged pattern: a value below it is a double (Runtime.h).
constexpr uint64_t kFirstTag = uint64_t(0xFFF9) << kTagShift;
constexpr uint64_t kCanonicalNaN = uint64_t(0x7FF8) << kTagShift;

/// `a OP b` on two doubles runs inline; anything else calls the runtime.
/// Float-heavy untyped code (nbody, mandelbrot) spends its time here.
struct DynFloatBinaryLowering : RuntimeOpConversionPattern<DynBinaryOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;
  LogicalResult
  matchAndRewrite(DynBinaryOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    DynBinaryOperator kind = op.getKind();
    if (!isInlined(kind))
      return rewriter.notifyMatchFailure(op, "no inline float path");
    Location loc = op.getLoc();
    Type i64 = rewriter.getI64Type(), f64 = rewriter.getF64Type();
    Value lhs = adaptor.getLhs(), rhs = adaptor.getRhs();
    Value firstTag = i64Constant(rewriter, loc, kFirstTag);
    Value bothDoubles = arith::AndIOp::create(
        rewriter, loc,
        arith::CmpIOp::create(rewriter, loc, arith::CmpIPredicate::ult, lhs,
                              firstTag),
        arith::CmpIOp::create(rewriter, loc, arith::CmpIPredicate::ult, rhs,
                              firstTag));
    Block *head = rewriter.getInsertionBlock();
    Block *merge = rewriter.splitBlock(head, rewriter.getInsertionPoint());
    merge->addArgument(i64, loc);
    Region *region = head->getParent();
    Block *fast = rewriter.createBlock(region, merge->getIterator());
    Block *slow = rewriter.createBlock(region, region->end());
    rewriter.setInsertionPointToEnd(head);
    cf::CondBranchOp::create(rewriter, loc, bothDoubles, fast, slow);

    rewriter.setInsertionPointToStart(fast);
    Value x = arith::BitcastOp::create(rewriter, loc, f64, lhs);
    Value y = arith::BitcastOp::create(rewriter, loc, f64, rhs);
    Value r = kind == DynBinaryOperator::add
                  ? Value(arith::AddFOp::create(rewriter, loc, x, y))
              : kind == DynBinaryOperator::sub
                  ? Value(arith::SubFOp::create(rewriter, loc, x, y))
                  : Value(arith::MulFOp::create(rewriter, loc, x, y));
    // Every NaN is stored as the canonical one, outside the tag space.
    Value isNaN =
        arith::CmpFOp::create(rewriter, loc, arith::CmpFPredicate::UNO, r, r);
    Value bits = arith::SelectOp::create(
        rewriter, loc, isNaN, i64Constant(rewriter, loc, kCanonicalNaN),
        arith::BitcastOp::create(rewriter, loc, i64, r));
    cf::BranchOp::create(rewriter, loc, merge, ValueRange{bits});

    rewriter.setInsertionPointToStart(slow);
    Value result =
        abi.callAt(rewriter, op, RuntimeFunction::ValueBinary,
                   {i32Constant(rewriter, loc, int32_t(kind)), lhs, rhs,
                    i32Constant(rewriter, loc, op.getInplace())});
    cf::BranchOp::create(rewriter, loc, merge, ValueRange{result});
    rewriter.setInsertionPointToStart(merge);
    rewriter.replaceOp(op, merge->getArgument(0));
    return success();
  }
};

/// Calls pass their arguments in a stack array of values.
template <typename OpTy>
struct DynamicInvokeLowering : RuntimeOpConversionPattern<OpTy> {
  using RuntimeOpConversionPattern<OpTy>::RuntimeOpConversionPattern;
  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if constexpr (std::is_same_v<OpTy, DynCallMethodOp>)
      if (op.getCache())
        return rewriter.notifyMatchFailure(op, "has an inline cache");
    Location loc = op.getLoc();
    ValueRange args = adaptor.getArgs();
    Type i64 = rewriter.getI64Type();
    auto ptr = LLVM::LLVMPointerType::get(rewriter.getContext());
    Value argv = args.empty() ? Value(LLVM::ZeroOp::create(rewriter, loc, ptr))
                              : createEntryAlloca(
                                    rewriter, op,
                                    LLVM::LLVMArrayType::get(i64, args.size()),
                                    /*alignment=*/8);
    for (auto [index, arg] : llvm::enumerate(args)) {
      Value address = LLVM::GEPOp::create(
          rewriter, loc, ptr, i64, argv,
          ArrayRef<LLVM::GEPArg>{int32_t(index)});
      LLVM::StoreOp::create(rewriter, loc, arg, address, /*alignment=*/8);
    }
    Value argc = i64Constant(rewriter, loc, args.size());
    Value result;
    if constexpr (std::is_same_v<OpTy, DynCallOp>)
      result = this->abi.callAt(rewriter, op, RuntimeFunction::ValueCall,
                                {adaptor.getCallee(), argc, argv});
    else
      result = this->abi.callAt(
          rewriter, op, RuntimeFunction::ValueCallMethod,
          {adaptor.getReceiver(),
           this->abi.getCString(rewriter, loc, op.getName()), argc, argv});
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// The next item goes through a stack slot; the bool says whether there
/// was one.
struct DynNextOpLowering : RuntimeOpConversionPattern<DynNextOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;
  LogicalResult
  matchAndRewrite(DynNextOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Type i64 = rewriter.getI64Type();
    Value out = createEntryAlloca(rewriter, op, i64, /*alignment=*/8);
    LLVM::StoreOp::create(rewriter, loc, i64Constant(rewriter, loc, kNoneBits),
                          out, /*alignment=*/8);
    Value more = abi.callAt(rewriter, op, RuntimeFunction::ValueNext,
                            {adaptor.getIterator(), out});
    Value item = LLVM::LoadOp::create(rewriter, loc, i64, out, /*alignment=*/8);
    rewriter.replaceOp(op, {more, item});
    return success();
  }
};

struct BuiltinValueOpLowering : RuntimeOpConversionPattern<BuiltinValueOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;
  LogicalResult
  matchAndRewrite(BuiltinValueOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(
        op, abi.call(rewriter, op.getLoc(), RuntimeFunction::BuiltinValue,
                     i32Constant(rewriter, op.getLoc(),
                                 int32_t(op.getBuiltin()))));
    return success();
  }
};

struct DynIsInstanceOpLowering : RuntimeOpConversionPattern<DynIsInstanceOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;
  LogicalResult
  matchAndRewrite(DynIsInstanceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    if (op.getType() == DynTypeTest::none_type) {
      rewriter.replaceOpWithNewOp<arith::CmpIOp>(
          op, arith::CmpIPredicate::eq, adaptor.getValue(),
          i64Constant(rewriter, loc, kNoneBits));
      return success();
    }
    rewriter.replaceOp(
        op, abi.call(rewriter, loc, RuntimeFunction::ValueIsInstanceBuiltin,
                     {adaptor.getValue(),
                      i32Constant(rewriter, loc, int32_t(op.getType()))}));
    return success();
  }
};

/// isinstance(value, C) of a dynamic value.
struct ValueIsInstanceLowering : ClassPattern<IsInstanceOp> {
  using ClassPattern::ClassPattern;
  LogicalResult
  matchAndRewrite(IsInstanceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (!isa<ValueType>(op.getObject().getType()))
      return rewriter.notifyMatchFailure(op, "not a dynamic value");
    Value descriptor =
        classes.descriptorAddress(rewriter, op.getLoc(), op.getTargetAttr());
    rewriter.replaceOp(op, abi.call(rewriter, op.getLoc(),
                                    RuntimeFunction::ValueIsInstanceClass,
                                    {adaptor.getObject(), descriptor}));
    return success();
  }
};

} // namespace

void roast::populateRoastDynamicPatterns(const TypeConverter &converter,
                                         RuntimeABI &abi, ClassLayouts &classes,
                                         RewritePatternSet &patterns) {
  MLIRContext *context = patterns.getContext();
  patterns.add<BoxOpLowering, UnboxOpLowering, ValueIsInstanceLowering>(
      converter, context, abi, classes);
  patterns.add<DynamicCallLowering<DynBinaryOp>, DynamicCallLowering<DynUnaryOp>,
               DynamicCallLowering<DynCompareOp>, DynamicCallLowering<DynTruthOp>,
               DynamicCallLowering<DynContainsOp>, DynamicCallLowering<DynLenOp>,
               DynamicCallLowering<DynGetItemOp>, DynamicCallLowering<DynSetItemOp>,
               DynamicCallLowering<DynDelItemOp>,
               DynamicCallLowering<DynGetSliceOp>, DynamicCallLowering<DynIterOp>,
               DynamicCallLowering<DynIterListOp>,
               DynamicCallLowering<DynGetAttrOp>, DynamicCallLowering<DynSetAttrOp>,
               DynamicInvokeLowering<DynCallOp>,
               DynamicInvokeLowering<DynCallMethodOp>, DynNextOpLowering,
               BuiltinValueOpLowering, DynIsInstanceOpLowering,
               DynFloatBinaryLowering>(converter, context, abi);
}
