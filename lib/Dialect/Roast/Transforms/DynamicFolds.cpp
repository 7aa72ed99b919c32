//===- DynamicFolds.cpp - Dynamic ops on known boxes as typed ops ---------===//
//
// A roast.dyn op whose operands are boxes of known types has the typed
// op's semantics: numbers fold into checked arithmetic and comparisons,
// lists into their typed ops. The result is boxed again for the dynamic
// code around it; boxes of scalars then fold away in turn.
//
//===----------------------------------------------------------------------===//

#include "DynamicFolds.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;
using namespace roast;

Value roast::boxedScalar(Value value) {
  auto box = value.getDefiningOp<BoxOp>();
  if (!box || !isScalarType(box.getValue().getType()))
    return {};
  return box.getValue();
}

void roast::setInsertionPointAfterRaising(OpBuilder &builder, Operation *op) {
  if (auto check = dyn_cast_or_null<CheckRaisedOp>(op->getNextNode()))
    builder.setInsertionPointToStart(check.getNormal());
  else
    builder.setInsertionPointAfter(op);
}

Value roast::boxedValue(Value value) {
  auto box = value.getDefiningOp<BoxOp>();
  if (!box)
    return {};
  Type type = box.getValue().getType();
  if (!isScalarType(type) && !isObjectType(type))
    return {};
  return box.getValue();
}

namespace {

/// An i1 as the int Python arithmetic makes of a bool.
Value asInt(PatternRewriter &rewriter, Location loc, Value v) {
  if (v.getType().isInteger(1))
    return arith::ExtUIOp::create(rewriter, loc, rewriter.getI64Type(), v);
  return v;
}

Value asFloat(PatternRewriter &rewriter, Location loc, Value v) {
  v = asInt(rewriter, loc, v);
  if (v.getType().isInteger(64))
    return arith::SIToFPOp::create(rewriter, loc, rewriter.getF64Type(), v);
  return v;
}

/// Replaces dynamic `op` by the box of `result`, the typed op just made
/// before it (which now raises where `op` did).
BoxOp replaceWithBox(PatternRewriter &rewriter, Operation *op, Value result) {
  OpBuilder::InsertionGuard guard(rewriter);
  setInsertionPointAfterRaising(rewriter, op);
  auto box = BoxOp::create(rewriter, op->getLoc(), result);
  rewriter.replaceOp(op, box);
  return box;
}

/// `a OP b` of boxed numbers: the typed op, boxed.
struct FoldBinaryOfBoxes : OpRewritePattern<DynBinaryOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(DynBinaryOp op,
                                PatternRewriter &rewriter) const override {
    Value a = boxedScalar(op.getLhs()), b = boxedScalar(op.getRhs());
    if (!a || !b)
      return failure();
    Location loc = op.getLoc();
    bool isFloat = a.getType().isF64() || b.getType().isF64();
    DynBinaryOperator kind = op.getKind();
    bool bitwise = kind == DynBinaryOperator::bit_and ||
                   kind == DynBinaryOperator::bit_or ||
                   kind == DynBinaryOperator::bit_xor;
    // Bit operators on bools give bools, and int ** int may be a float:
    // those stay with the runtime.
    if (bitwise && (a.getType().isInteger(1) || b.getType().isInteger(1)))
      return failure();
    if (kind == DynBinaryOperator::pow && !isFloat)
      return failure();
    Value result;
    if (isFloat) {
      Value x = asFloat(rewriter, loc, a), y = asFloat(rewriter, loc, b);
      switch (kind) {
      case DynBinaryOperator::add: result = arith::AddFOp::create(rewriter, loc, x, y); break;
      case DynBinaryOperator::sub: result = arith::SubFOp::create(rewriter, loc, x, y); break;
      case DynBinaryOperator::mul: result = arith::MulFOp::create(rewriter, loc, x, y); break;
      case DynBinaryOperator::truediv: result = TrueDivOp::create(rewriter, loc, x, y); break;
      case DynBinaryOperator::floordiv: result = FloorDivOp::create(rewriter, loc, x, y); break;
      case DynBinaryOperator::mod: result = ModOp::create(rewriter, loc, x, y); break;
      case DynBinaryOperator::pow: result = PowOp::create(rewriter, loc, x, y); break;
      default: return failure(); // shifts and bit operators of floats raise
      }
    } else {
      Value x = asInt(rewriter, loc, a), y = asInt(rewriter, loc, b);
      switch (kind) {
      case DynBinaryOperator::add: result = AddOp::create(rewriter, loc, x, y); break;
      case DynBinaryOperator::sub: result = SubOp::create(rewriter, loc, x, y); break;
      case DynBinaryOperator::mul: result = MulOp::create(rewriter, loc, x, y); break;
      case DynBinaryOperator::truediv: result = TrueDivOp::create(rewriter, loc, x, y); break;
      case DynBinaryOperator::floordiv: result = FloorDivOp::create(rewriter, loc, x, y); break;
      case DynBinaryOperator::mod: result = ModOp::create(rewriter, loc, x, y); break;
      case DynBinaryOperator::lshift: result = ShlOp::create(rewriter, loc, x, y); break;
      case DynBinaryOperator::rshift: result = ShrOp::create(rewriter, loc, x, y); break;
      case DynBinaryOperator::bit_and: result = arith::AndIOp::create(rewriter, loc, x, y); break;
      case DynBinaryOperator::bit_or: result = arith::OrIOp::create(rewriter, loc, x, y); break;
      case DynBinaryOperator::bit_xor: result = arith::XOrIOp::create(rewriter, loc, x, y); break;
      case DynBinaryOperator::pow: return failure();
      }
    }
    replaceWithBox(rewriter, op, result);
    return success();
  }
};

/// Comparisons of boxed numbers (ints widened to floats beside a float).
struct FoldCompareOfBoxes : OpRewritePattern<DynCompareOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(DynCompareOp op,
                                PatternRewriter &rewriter) const override {
    Value a = boxedScalar(op.getLhs()), b = boxedScalar(op.getRhs());
    if (!a || !b)
      return failure();
    Location loc = op.getLoc();
    if (a.getType() != b.getType()) {
      bool isFloat = a.getType().isF64() || b.getType().isF64();
      a = isFloat ? asFloat(rewriter, loc, a) : asInt(rewriter, loc, a);
      b = isFloat ? asFloat(rewriter, loc, b) : asInt(rewriter, loc, b);
    }
    Value cmp = CmpOp::create(rewriter, loc, op.getPredicate(), a, b);
    replaceWithBox(rewriter, op, cmp);
    return success();
  }
};

/// bool() of a boxed number.
struct FoldTruthOfBox : OpRewritePattern<DynTruthOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(DynTruthOp op,
                                PatternRewriter &rewriter) const override {
    Value x = boxedScalar(op.getValue());
    if (!x)
      return failure();
    if (x.getType().isInteger(1)) {
      rewriter.replaceOp(op, x);
      return success();
    }
    Location loc = op.getLoc();
    if (x.getType().isF64()) // NaN is true: unordered or not equal
      rewriter.replaceOpWithNewOp<arith::CmpFOp>(
          op, arith::CmpFPredicate::UNE, x,
          arith::ConstantOp::create(rewriter, loc, rewriter.getF64FloatAttr(0)));
    else
      rewriter.replaceOpWithNewOp<arith::CmpIOp>(
          op, arith::CmpIPredicate::ne, x,
          arith::ConstantIntOp::create(rewriter, loc, 0, 64));
    return success();
  }
};

/// -x and +x of a boxed number.
struct FoldUnaryOfBox : OpRewritePattern<DynUnaryOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(DynUnaryOp op,
                                PatternRewriter &rewriter) const override {
    Value x = boxedScalar(op.getOperand());
    if (!x)
      return failure();
    Location loc = op.getLoc();
    Value result;
    if (x.getType().isF64()) {
      if (op.getKind() == DynUnaryOperator::invert)
        return failure(); // TypeError at run time
      result = op.getKind() == DynUnaryOperator::neg
                   ? Value(arith::NegFOp::create(rewriter, loc, x))
                   : x;
    } else {
      x = asInt(rewriter, loc, x);
      switch (op.getKind()) {
      case DynUnaryOperator::neg: result = NegOp::create(rewriter, loc, x); break;
      case DynUnaryOperator::pos: result = x; break;
      case DynUnaryOperator::invert:
        result = arith::XOrIOp::create(
            rewriter, loc, x, arith::ConstantIntOp::create(rewriter, loc, -1, 64));
        break;
      }
    }
    replaceWithBox(rewriter, op, result);
    return success();
  }
};

/// isinstance of a boxed scalar is known; so is `x is None` of a boxed
/// reference, and of a boxed optional it is the optional's test.
struct FoldIsInstanceOfBox : OpRewritePattern<DynIsInstanceOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(DynIsInstanceOp op,
                                PatternRewriter &rewriter) const override {
    if (op.getType() == DynTypeTest::none_type) {
      auto box = op.getValue().getDefiningOp<BoxOp>();
      Type boxed = box ? box.getValue().getType() : Type();
      if (boxed && isa<OptionalType>(boxed) && isReferenceType(boxed)) {
        rewriter.replaceOpWithNewOp<OptionalIsNoneOp>(op, box.getValue());
        return success();
      }
      if (boxed && isObjectType(boxed)) {
        rewriter.replaceOpWithNewOp<arith::ConstantIntOp>(op, false, 1);
        return success();
      }
    }
    Value x = boxedScalar(op.getValue());
    if (!x)
      return failure();
    Type type = x.getType();
    bool result;
    switch (op.getType()) {
    case DynTypeTest::int_type: result = !type.isF64(); break; // bool is an int
    case DynTypeTest::bool_type: result = type.isInteger(1); break;
    case DynTypeTest::float_type: result = type.isF64(); break;
    default: result = false; break; // None, str and containers are no numbers
    }
    rewriter.replaceOpWithNewOp<arith::ConstantIntOp>(op, result, 1);
    return success();
  }
};

/// Whether `value` is a box of something that owns no reference: a float,
/// a bool, None, or a constant int that fits in 48 bits. Another int may
/// be beyond 48 bits, boxed on the heap.
bool boxesNoReference(Value value) {
  auto box = value.getDefiningOp<BoxOp>();
  if (!box)
    return false;
  Type type = box.getValue().getType();
  APInt constant;
  if (type.isInteger(64) && matchPattern(box.getValue(), m_ConstantInt(&constant)))
    return constant.getSExtValue() >= -(int64_t(1) << 47) &&
           constant.getSExtValue() < (int64_t(1) << 47);
  return type.isF64() || type.isInteger(1) || isa<roast::NoneType>(type);
}

/// Boxed floats, bools and None own nothing: their retains and releases
/// go.
template <typename OpTy>
struct EraseRefCountOfBoxedScalar : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;
  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    if (!boxesNoReference(op.getValue()))
      return failure();
    rewriter.eraseOp(op);
    return success();
  }
};

/// A box of a reference (borrowed or not) is that reference with a tag:
/// counting it counts the typed object, with no test of the value's tag.
template <typename OpTy>
struct CountBoxedReferenceTyped : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;
  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    auto box = op.getValue().template getDefiningOp<BoxOp>();
    if (!box || !isReferenceType(box.getValue().getType()))
      return failure();
    rewriter.replaceOpWithNewOp<OpTy>(op, box.getValue());
    return success();
  }
};

/// An owned box of a reference that nothing uses (its counts moved to
/// the reference, CountBoxedReferenceTyped) is the retain it made.
struct RetainForUnusedBoxOfReference : OpRewritePattern<BoxOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(BoxOp op,
                                PatternRewriter &rewriter) const override {
    if (!op->use_empty() || op.getBorrowed() ||
        !isReferenceType(op.getValue().getType()))
      return failure();
    rewriter.replaceOpWithNewOp<RetainOp>(op, op.getValue());
    return success();
  }
};

/// A box of a scalar nobody uses allocates nothing worth keeping, nor
/// does a borrowed box. A boxed int that is only counted (retained and
/// released, so in the end freed if it was a heap box) goes with its
/// counts.
struct EraseUnusedBoxOfScalar : OpRewritePattern<BoxOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(BoxOp op,
                                PatternRewriter &rewriter) const override {
    bool counted = op.getValue().getType().isInteger(64) &&
                   llvm::all_of(op->getUsers(), [](Operation *user) {
                     return isa<RetainOp, ReleaseOp>(user);
                   });
    if (!counted &&
        !(op->use_empty() && (op.getBorrowed() || boxesNoReference(op))))
      return failure();
    for (Operation *user : llvm::make_early_inc_range(op->getUsers()))
      rewriter.eraseOp(user);
    rewriter.eraseOp(op);
    return success();
  }
};

/// Replaces dynamic `op` by the box of `result`, a new reference the typed
/// op just made: the box holds a reference of its own, so it is released.
void replaceWithOwnedBox(PatternRewriter &rewriter, Operation *op,
                         Value result) {
  BoxOp box = replaceWithBox(rewriter, op, result);
  OpBuilder::InsertionGuard guard(rewriter);
  rewriter.setInsertionPointAfter(box);
  ReleaseOp::create(rewriter, op->getLoc(), result);
}

/// The list a value is known to box.
Value boxedList(Value value) {
  Value list = boxedValue(value);
  return list && isa<ListType>(list.getType()) ? list : Value();
}

/// The int or bool a value is known to box (an index or a count).
Value boxedInt(Value value) {
  Value scalar = boxedScalar(value);
  return scalar && !scalar.getType().isF64() ? scalar : Value();
}

/// `l[i]` of a boxed list: roast.list_get (same IndexError), boxed.
struct FoldGetItemOfBoxedList : OpRewritePattern<DynGetItemOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(DynGetItemOp op,
                                PatternRewriter &rewriter) const override {
    Value list = boxedList(op.getValue()), key = boxedInt(op.getKey());
    if (!list || !key)
      return failure();
    Location loc = op.getLoc();
    Value index = asInt(rewriter, loc, key);
    // Borrowed from the list; the box makes the dynamic result's reference.
    Value item = ListGetOp::create(rewriter, loc, list, index);
    if (!isa<ValueType>(item.getType())) {
      replaceWithBox(rewriter, op, item);
      return success();
    }
    // A list of dynamic values holds them as they are: a retain makes the
    // result's reference, once the get did not raise.
    OpBuilder::InsertionGuard guard(rewriter);
    setInsertionPointAfterRaising(rewriter, op);
    RetainOp::create(rewriter, loc, item);
    rewriter.replaceOp(op, item);
    return success();
  }
};

/// `l[i] = x` of a boxed list of scalars and a boxed scalar of its element
/// type: roast.list_set. (An int stored into a list of floats stays
/// dynamic: the list would hold an int.)
struct FoldSetItemOfBoxedList : OpRewritePattern<DynSetItemOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(DynSetItemOp op,
                                PatternRewriter &rewriter) const override {
    Value list = boxedList(op.getValue());
    Value item = boxedScalar(op.getItem());
    Value key = boxedInt(op.getKey());
    if (!list || !item || !key ||
        cast<ListType>(list.getType()).getElementType() != item.getType())
      return failure();
    Value index = asInt(rewriter, op.getLoc(), key);
    ListSetOp::create(rewriter, op.getLoc(), list, index, item);
    rewriter.eraseOp(op);
    return success();
  }
};

/// The str or container a value is known to box: what roast.len takes.
Value boxedSized(Value value) {
  Value sized = boxedValue(value);
  return sized && isa<StrType, ListType, DictType, SetType>(sized.getType())
             ? sized
             : Value();
}

/// len() of a boxed str or container.
struct FoldLenOfBox : OpRewritePattern<DynLenOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(DynLenOp op,
                                PatternRewriter &rewriter) const override {
    Value sized = boxedSized(op.getValue());
    if (!sized)
      return failure();
    rewriter.replaceOpWithNewOp<LenOp>(op, sized);
    return success();
  }
};

/// bool() of a boxed str or container: whether it is non-empty.
struct FoldTruthOfSizedBox : OpRewritePattern<DynTruthOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(DynTruthOp op,
                                PatternRewriter &rewriter) const override {
    Value sized = boxedSized(op.getValue());
    if (!sized)
      return failure();
    Location loc = op.getLoc();
    Value length = LenOp::create(rewriter, loc, sized);
    rewriter.replaceOpWithNewOp<arith::CmpIOp>(
        op, arith::CmpIPredicate::ne, length,
        arith::ConstantIntOp::create(rewriter, loc, 0, 64));
    return success();
  }
};

/// `l * n` and `n * l` of a boxed list and a boxed int: roast.list_repeat.
struct FoldRepeatOfBoxedList : OpRewritePattern<DynBinaryOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(DynBinaryOp op,
                                PatternRewriter &rewriter) const override {
    if (op.getKind() != DynBinaryOperator::mul)
      return failure();
    Value lhs = op.getLhs(), rhs = op.getRhs();
    if (!boxedList(lhs))
      std::swap(lhs, rhs);
    Value list = boxedList(lhs), count = boxedInt(rhs);
    if (!list || !count)
      return failure();
    Value repeated = ListRepeatOp::create(
        rewriter, op.getLoc(), list, asInt(rewriter, op.getLoc(), count));
    replaceWithOwnedBox(rewriter, op, repeated);
    return success();
  }
};

/// A for loop over a boxed list walks that list itself instead of a list
/// of dynamic values: its length and items are read from it, each item
/// boxed as it is read. A reference item's box is borrowed from the list,
/// as the items of a list of dynamic values are, and the loop holds a
/// reference to the list as it held one to the list it walked. Boxing a
/// tuple or an optional makes a new object: those lists keep the copy.
struct FoldIterListOfBoxedList : OpRewritePattern<DynIterListOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(DynIterListOp op,
                                PatternRewriter &rewriter) const override {
    Value list = boxedList(op.getValue());
    if (!list)
      return failure();
    Type element = cast<ListType>(list.getType()).getElementType();
    if (!isa<ValueType>(element) && !isScalarType(element) &&
        !isObjectType(element))
      return failure();
    // What CodeGen's loops do with the walked list.
    if (!llvm::all_of(op->getUsers(), [](Operation *user) {
          return isa<LenOp, ListGetOp, RetainOp, ReleaseOp>(user);
        }))
      return failure();
    RetainOp::create(rewriter, op.getLoc(), list);
    for (Operation *user : llvm::make_early_inc_range(op->getUsers())) {
      auto get = dyn_cast<ListGetOp>(user);
      if (!get || isa<ValueType>(element)) {
        rewriter.modifyOpInPlace(user, [&] { user->setOperand(0, list); });
        continue;
      }
      rewriter.setInsertionPoint(get);
      Value item = ListGetOp::create(rewriter, get.getLoc(), list,
                                     get.getIndex());
      OpBuilder::InsertionGuard guard(rewriter);
      setInsertionPointAfterRaising(rewriter, get);
      auto box = BoxOp::create(rewriter, get.getLoc(), item,
                               /*borrowed=*/isObjectType(element));
      rewriter.replaceOp(get, box);
    }
    rewriter.eraseOp(op);
    return success();
  }
};

/// The field `name` of the instance a value is known to box: the instance,
/// the field's type, or null when its class has no such field (a method,
/// property or class attribute by that name is left to the runtime).
std::pair<Value, Type> boxedInstanceField(Operation *op, Value value,
                                          StringRef name) {
  Value object = boxedValue(value);
  auto objectType = object ? dyn_cast<ObjectType>(object.getType()) : nullptr;
  if (!objectType)
    return {};
  auto cls = SymbolTable::lookupNearestSymbolFrom<ClassOp>(
      op, objectType.getClassName());
  if (!cls)
    return {};
  int index = cls.lookupField(name);
  if (index < 0)
    return {};
  return {object, cls.getFieldType(index, objectType)};
}

/// `o.x` of a boxed instance whose class has the field x: roast.get_field
/// (a subclass keeps the field where its base has it), boxed.
struct FoldGetAttrOfBoxedInstance : OpRewritePattern<DynGetAttrOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(DynGetAttrOp op,
                                PatternRewriter &rewriter) const override {
    auto [object, type] = boxedInstanceField(op, op.getValue(), op.getName());
    if (!object ||
        !(isa<ValueType>(type) || isScalarType(type) || isReferenceType(type)))
      return failure();
    Location loc = op.getLoc();
    // Borrowed from the instance; the result owns a reference (boxing a
    // reference retains it).
    Value field = GetFieldOp::create(rewriter, loc, type, object, op.getName());
    if (isa<ValueType>(type)) {
      RetainOp::create(rewriter, loc, field);
      rewriter.replaceOp(op, field);
    } else {
      rewriter.replaceOpWithNewOp<BoxOp>(op, field);
    }
    return success();
  }
};

/// `o.x = v` of a boxed instance whose field x holds dynamic values, or a
/// scalar v's own type: roast.set_field, the old value released.
struct FoldSetAttrOfBoxedInstance : OpRewritePattern<DynSetAttrOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(DynSetAttrOp op,
                                PatternRewriter &rewriter) const override {
    auto [object, type] = boxedInstanceField(op, op.getValue(), op.getName());
    if (!object)
      return failure();
    Location loc = op.getLoc();
    Value item = op.getItem();
    if (isScalarType(type)) {
      item = boxedScalar(item);
      if (!item || item.getType() != type)
        return failure();
      SetFieldOp::create(rewriter, loc, object, op.getName(), item);
      rewriter.eraseOp(op);
      return success();
    }
    if (!isa<ValueType>(type))
      return failure();
    // The field takes a reference of its own (the op borrowed the item).
    RetainOp::create(rewriter, loc, item);
    Value old = GetFieldOp::create(rewriter, loc, type, object, op.getName());
    SetFieldOp::create(rewriter, loc, object, op.getName(), item);
    ReleaseOp::create(rewriter, loc, old);
    rewriter.eraseOp(op);
    return success();
  }
};

/// Unboxing a boxed int or bool as a float (or a bool as an int) is the
/// exact widening `roast.cast` does; the box's other uses may then go.
struct FoldWideningUnboxOfBox : OpRewritePattern<UnboxOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(UnboxOp op,
                                PatternRewriter &rewriter) const override {
    auto box = op.getValue().getDefiningOp<BoxOp>();
    if (!box)
      return failure();
    Type from = box.getValue().getType(), to = op.getType();
    bool widens = (to.isF64() && (from.isInteger(64) || from.isInteger(1))) ||
                  (to.isInteger(64) && from.isInteger(1));
    if (!widens)
      return failure();
    rewriter.replaceOpWithNewOp<CastOp>(op, to, box.getValue());
    return success();
  }
};

/// Whether optional `value` is known not to be None in `block`: a chain of
/// single predecessors leads to the false side of a branch on its
/// `roast.optional_is_none` (`if x is None or ...: return` falls through
/// to such blocks, the conditions being branches of their own).
bool knownNotNone(Value value, Block *block) {
  for (unsigned depth = 0; depth < 8; ++depth) {
    Block *predecessor = block->getSinglePredecessor();
    if (!predecessor)
      return false;
    auto branch = dyn_cast<cf::CondBranchOp>(predecessor->getTerminator());
    if (branch && branch.getFalseDest() == block &&
        branch.getTrueDest() != block)
      if (auto test = branch.getCondition().getDefiningOp<OptionalIsNoneOp>();
          test && test.getValue() == value)
        return true;
    block = predecessor;
  }
  return false;
}

/// A boxed optional instance known not to be None, passed to a call or
/// read an attribute of: the instance itself, boxed borrowed (both borrow
/// their operands), so that the call can reach a clone for the instance's
/// class and the attribute read fold to a field read.
struct NarrowOptionalBoxes : RewritePattern {
  NarrowOptionalBoxes(MLIRContext *context)
      : RewritePattern(MatchAnyOpTypeTag(), /*benefit=*/1, context) {}
  LogicalResult matchAndRewrite(Operation *op,
                                PatternRewriter &rewriter) const override {
    MutableArrayRef<OpOperand> operands;
    if (auto call = dyn_cast<CallOp>(op))
      operands = call->getOpOperands();
    else if (auto get = dyn_cast<DynGetAttrOp>(op))
      operands = get->getOpOperands().take_front();
    else
      return failure();
    bool changed = false;
    for (OpOperand &operand : operands) {
      auto box = operand.get().getDefiningOp<BoxOp>();
      auto optional =
          box ? dyn_cast<OptionalType>(box.getValue().getType()) : nullptr;
      if (!optional || !isa<ObjectType>(optional.getValueType()) ||
          !knownNotNone(box.getValue(), op->getBlock()))
        continue;
      Location loc = op->getLoc();
      rewriter.setInsertionPoint(op);
      Value instance =
          OptionalUnwrapOp::create(rewriter, loc, optional.getValueType(),
                                   box.getValue());
      Value narrowed = BoxOp::create(rewriter, loc, instance, /*borrowed=*/true);
      rewriter.modifyOpInPlace(op, [&] { operand.set(narrowed); });
      changed = true;
    }
    return success(changed);
  }
};

} // namespace

void roast::populateDynamicFoldPatterns(RewritePatternSet &patterns) {
  patterns.add<NarrowOptionalBoxes>(patterns.getContext());
  patterns.add<FoldBinaryOfBoxes, FoldCompareOfBoxes, FoldTruthOfBox,
               FoldUnaryOfBox, FoldIsInstanceOfBox, FoldGetItemOfBoxedList,
               FoldSetItemOfBoxedList, FoldLenOfBox, FoldTruthOfSizedBox,
               FoldRepeatOfBoxedList, FoldIterListOfBoxedList,
               FoldGetAttrOfBoxedInstance,
               FoldSetAttrOfBoxedInstance, EraseRefCountOfBoxedScalar<RetainOp>,
               EraseRefCountOfBoxedScalar<ReleaseOp>,
               CountBoxedReferenceTyped<RetainOp>,
               CountBoxedReferenceTyped<ReleaseOp>,
               EraseUnusedBoxOfScalar, RetainForUnusedBoxOfReference,
               FoldWideningUnboxOfBox>(
      patterns.getContext());
}
