//===- CodeGenExpr.cpp - Expressions and built-in calls to roast IR -------===//
//
// Operands are converted to the operation's type first (bool -> int ->
// float, as Python does); then int arithmetic uses the checked roast ops and
// float arithmetic the IEEE `arith` ops wherever Python agrees with IEEE.
//
//===----------------------------------------------------------------------===//

#include "CodeGenImpl.h"

#include "mlir/Dialect/Math/IR/Math.h"

#include <limits>

using namespace mlir;
using namespace roast;
using namespace roast::codegen;
using sema::Builtin;
using sema::FunctionInfo;
using sema::Program;
using sema::Symbol;

Value Generator::intConstant(int64_t value, Location l) {
  return arith::ConstantOp::create(builder, l, builder.getI64IntegerAttr(value));
}

Value Generator::boolConstant(bool value, Location l) {
  return arith::ConstantOp::create(builder, l, builder.getBoolAttr(value));
}

Value Generator::noneValue(Location l) { return NoneOp::create(builder, l); }

Value Generator::unwrapOptional(Value value, Location l) {
  return OptionalUnwrapOp::create(
      builder, l, cast<OptionalType>(value.getType()).getValueType(), value);
}

Value Generator::checkedUnwrap(Value value, llvm::StringRef name, Location l) {
  Block *bad = new Block(), *ok = new Block();
  cf::CondBranchOp::create(
      builder, l, OptionalIsNoneOp::create(builder, l, value), bad, ok);
  startBlock(bad);
  emitBuiltinRaise(ExceptionKind::TypeError,
                   ("'" + name +
                    "' is None here, though it was tested not to be (it "
                    "changed after the test)")
                       .str(),
                   Value(), l);
  startBlock(ok);
  return unwrapOptional(value, l);
}

Value Generator::optionalIsNone(Value value, const sema::Type *type,
                                Location l) {
  if (type->isOptional())
    return OptionalIsNoneOp::create(builder, l, value);
  return boolConstant(type->isNone(), l);
}

Value Generator::coerce(Value value, const sema::Type *from,
                        const sema::Type *to, Location l) {
  if (from == to)
    return value;
  if (to->isAny())
    return boxValue(value, from, l);
  if (from->isAny())
    return unboxValue(value, to, l);
  if (auto *optional = llvm::dyn_cast<sema::OptionalType>(to)) {
    Type type = convertType(to);
    if (from->isNone())
      return OptionalNoneOp::create(builder, l, type);
    auto *fromOptional = llvm::dyn_cast<sema::OptionalType>(from);
    if (!fromOptional)
      return OptionalWrapOp::create(
          builder, l, type, coerce(value, from, optional->getValue(), l));
    // `int | None` to `float | None`: convert the value, keep None. The
    // value of None is unspecified but harmless to convert (Sema allows
    // only numeric widening and upcasts here).
    Value none = OptionalIsNoneOp::create(builder, l, value);
    Value converted = OptionalWrapOp::create(builder, l, type,
                                             coerce(unwrapOptional(value, l),
                                                    fromOptional->getValue(),
                                                    optional->getValue(), l));
    return arith::SelectOp::create(
        builder, l, none, OptionalNoneOp::create(builder, l, type), converted);
  }
  if (auto *fromOptional = llvm::dyn_cast<sema::OptionalType>(from))
    return coerce(unwrapOptional(value, l), fromOptional->getValue(), to,
                  l); // known not None
  if (auto *toClass = llvm::dyn_cast<sema::ClassType>(to))
    return upcast(value, *toClass->getInfo(), l);
  if (auto *toTuple = llvm::dyn_cast<sema::TupleType>(to)) {
    auto *fromTuple = llvm::cast<sema::TupleType>(from);
    SmallVector<Value> elements;
    for (auto [i, f, t] : llvm::enumerate(fromTuple->getElements(),
                                          toTuple->getElements())) {
      Value part = TupleGetOp::create(builder, l, convertType(f), value,
                                      static_cast<int64_t>(i));
      elements.push_back(coerce(part, f, t, l));
    }
    Value tuple = MakeTupleOp::create(builder, l, convertType(to), elements);
    if (isRefCounted(to)) {
      RetainOp::create(builder, l, tuple);
      track(tuple, to);
    }
    return tuple;
  }
  return CastOp::create(builder, l, convertType(to), value);
}

Value Generator::emitExprAs(ast::Expr &expr, const sema::Type *type) {
  return coerce(emitExpr(expr), expr.type, type, loc(expr.getLoc()));
}

Value Generator::truthValue(Value value, const sema::Type *type, Location l) {
  if (type->isBool())
    return value;
  if (type->isAny())
    return DynTruthOp::create(builder, l, value);
  if (type->isNone())
    return boolConstant(false, l);
  if (auto *tuple = llvm::dyn_cast<sema::TupleType>(type))
    return boolConstant(!tuple->getElements().empty(), l);
  if (type->isList() || type->isDict() || type->isSet())
    return CmpOp::create(builder, l, CmpPredicate::ne,
                         LenOp::create(builder, l, value), intConstant(0, l));
  if (type->isClass()) {
    // __bool__, else __len__() != 0, else every instance is true.
    if (FunctionInfo *method = sema::findDunder(type, "__bool__", 0))
      return callMethod(*method, value, {}, l);
    if (FunctionInfo *len = sema::findDunder(type, "__len__", 0))
      return CmpOp::create(builder, l, CmpPredicate::ne,
                           callMethod(*len, value, {}, l), intConstant(0, l));
    return boolConstant(true, l);
  }
  if (auto *optional = llvm::dyn_cast<sema::OptionalType>(type)) {
    // Not None, and then the value's own truth (`0`, `""` and `[]` are
    // false too), tested only when there is a value.
    Block *some = new Block(), *merge = new Block();
    merge->addArgument(builder.getI1Type(), l);
    cf::CondBranchOp::create(
        builder, l, OptionalIsNoneOp::create(builder, l, value), merge,
        ValueRange{boolConstant(false, l)}, some, ValueRange{});
    startBlock(some);
    Value truth = truthValue(unwrapOptional(value, l), optional->getValue(), l);
    cf::BranchOp::create(builder, l, merge, ValueRange{truth});
    startBlock(merge);
    return merge->getArgument(0);
  }
  return CastOp::create(builder, l, builder.getI1Type(), value);
}

Value Generator::truthValue(ast::Expr &expr) {
  return truthValue(emitExpr(expr), expr.type, loc(expr.getLoc()));
}

//===----------------------------------------------------------------------===//
// Operators
//===----------------------------------------------------------------------===//

Value Generator::emitUnary(ast::UnaryExpr &expr) {
  Location l = loc(expr.getLoc());
  if (auto *lit = llvm::dyn_cast<ast::IntLitExpr>(expr.operand.get());
      lit && expr.op == ast::UnaryOp::Neg)
    return intConstant(static_cast<int64_t>(0 - lit->value), l);
  if (expr.op == ast::UnaryOp::Not)
    return arith::XOrIOp::create(builder, l, truthValue(*expr.operand),
                                 boolConstant(true, l));
  if (expr.type->isAny())
    return DynUnaryOp::create(
        builder, l,
        expr.op == ast::UnaryOp::Neg   ? DynUnaryOperator::neg
        : expr.op == ast::UnaryOp::Pos ? DynUnaryOperator::pos
                                       : DynUnaryOperator::invert,
        emitDynamic(*expr.operand));
  if (expr.operand->type->isClass()) {
    llvm::StringRef name = expr.op == ast::UnaryOp::Neg   ? "__neg__"
                           : expr.op == ast::UnaryOp::Pos ? "__pos__"
                                                          : "__invert__";
    return callMethod(*sema::findDunder(expr.operand->type, name, 0),
                      emitOperand(*expr.operand), {}, l);
  }
  Value operand = emitExprAs(*expr.operand, expr.type);
  switch (expr.op) {
  case ast::UnaryOp::Neg:
    if (expr.type->isFloat())
      return arith::NegFOp::create(builder, l, operand);
    return NegOp::create(builder, l, operand);
  case ast::UnaryOp::Pos:
    return operand;
  case ast::UnaryOp::Invert:
    return arith::XOrIOp::create(builder, l, operand, intConstant(-1, l));
  case ast::UnaryOp::Not:
    break;
  }
  llvm_unreachable("handled above");
}

Value Generator::emitArithmetic(ast::BinaryOp op, Value lhs, Value rhs,
                                const sema::Type *operandType, Location l) {
  bool isFloat = operandType->isFloat();
  switch (op) {
  case ast::BinaryOp::Add:
    return isFloat ? Value(arith::AddFOp::create(builder, l, lhs, rhs))
                   : Value(AddOp::create(builder, l, lhs, rhs));
  case ast::BinaryOp::Sub:
    return isFloat ? Value(arith::SubFOp::create(builder, l, lhs, rhs))
                   : Value(SubOp::create(builder, l, lhs, rhs));
  case ast::BinaryOp::Mul:
    return isFloat ? Value(arith::MulFOp::create(builder, l, lhs, rhs))
                   : Value(MulOp::create(builder, l, lhs, rhs));
  case ast::BinaryOp::Div:
    return TrueDivOp::create(builder, l, builder.getF64Type(), lhs, rhs);
  case ast::BinaryOp::FloorDiv:
    return FloorDivOp::create(builder, l, lhs, rhs);
  case ast::BinaryOp::Mod:
    return ModOp::create(builder, l, lhs, rhs);
  case ast::BinaryOp::Pow:
    return PowOp::create(builder, l, lhs, rhs);
  case ast::BinaryOp::LShift:
    return ShlOp::create(builder, l, lhs, rhs);
  case ast::BinaryOp::RShift:
    return ShrOp::create(builder, l, lhs, rhs);
  case ast::BinaryOp::BitAnd:
    return arith::AndIOp::create(builder, l, lhs, rhs);
  case ast::BinaryOp::BitOr:
    return arith::OrIOp::create(builder, l, lhs, rhs);
  case ast::BinaryOp::BitXor:
    return arith::XOrIOp::create(builder, l, lhs, rhs);
  case ast::BinaryOp::MatMul:
    break;
  }
  llvm_unreachable("Sema rejects @");
}

/// `+` and `*` with a str operand; the result is a new reference.
Value Generator::emitStrArithmetic(ast::BinaryOp op, Value lhs,
                                   const sema::Type *lt, Value rhs,
                                   const sema::Type *rt, Location l) {
  if (op == ast::BinaryOp::Add) {
    // The op takes lhs's reference: an owned temporary (`a + b` in
    // `a + b + c`) is then extended in place rather than copied.
    consume(lhs, lt);
    return StrAppendOp::create(builder, l, lhs, rhs);
  }
  assert(op == ast::BinaryOp::Mul && "Sema allows only str + and *");
  const sema::Type *intType = program.types.getInt();
  if (lt->isStr())
    return StrRepeatOp::create(builder, l, lhs, coerce(rhs, rt, intType, l));
  return StrRepeatOp::create(builder, l, rhs, coerce(lhs, lt, intType, l));
}

Value Generator::emitBinary(ast::BinaryExpr &expr) {
  Location l = loc(expr.getLoc());
  if (expr.type->isAny()) {
    Value lhs = emitDynamic(*expr.lhs);
    return emitDynamicBinary(expr.op, lhs, emitDynamic(*expr.rhs),
                             /*inplace=*/false, l);
  }
  if (expr.lhs->type->isClass() || expr.rhs->type->isClass())
    return emitOperatorCall(expr.op, emitExpr(*expr.lhs), expr.lhs->type,
                            emitExpr(*expr.rhs), expr.rhs->type, l);
  if (expr.type->isStr())
    return emitStrArithmetic(expr.op, emitExpr(*expr.lhs), expr.lhs->type,
                             emitExpr(*expr.rhs), expr.rhs->type, l);
  if (auto *tuple = llvm::dyn_cast<sema::TupleType>(expr.type)) {
    // Static shapes: `a + b` and `t * 3` gather fields into a new tuple.
    SmallVector<Value> fields;
    auto gather = [&](Value value, const sema::Type *type) {
      for (auto [i, field] :
           llvm::enumerate(llvm::cast<sema::TupleType>(type)->getElements()))
        fields.push_back(TupleGetOp::create(builder, l, convertType(field),
                                            value, int64_t(i)));
    };
    Value lhs = emitExpr(*expr.lhs);
    if (expr.op == ast::BinaryOp::Add) {
      gather(lhs, expr.lhs->type);
      gather(emitExpr(*expr.rhs), expr.rhs->type);
    } else {
      while (fields.size() < tuple->getElements().size())
        gather(lhs, expr.lhs->type);
    }
    Value result = MakeTupleOp::create(builder, l, convertType(tuple), fields);
    if (isRefCounted(tuple))
      RetainOp::create(builder, l, result);
    return result;
  }
  if (expr.type->isSet())
    return emitSetOperator(expr.op, emitExpr(*expr.lhs), emitExpr(*expr.rhs),
                           /*inPlace=*/false, l);
  if (expr.type->isList()) {
    Value lhs = emitExpr(*expr.lhs), rhs = emitExpr(*expr.rhs);
    if (expr.op == ast::BinaryOp::Add)
      return ListConcatOp::create(builder, l, lhs, rhs);
    const sema::Type *intType = program.types.getInt();
    if (expr.lhs->type->isList())
      return ListRepeatOp::create(builder, l, lhs,
                                  coerce(rhs, expr.rhs->type, intType, l));
    return ListRepeatOp::create(builder, l, rhs,
                                coerce(lhs, expr.lhs->type, intType, l));
  }
  // Operands are converted to the result type, except for int / int: the
  // ints go to roast.truediv as they are (its error message differs).
  const sema::Type *operandType = expr.type;
  if (expr.op == ast::BinaryOp::Div && !expr.lhs->type->isFloat() &&
      !expr.rhs->type->isFloat())
    operandType = program.types.getInt();
  Value lhs = emitExprAs(*expr.lhs, operandType);
  Value rhs = emitExprAs(*expr.rhs, operandType);
  return emitArithmetic(expr.op, lhs, rhs, operandType, l);
}

/// `a and b`, `a or b`: short-circuit branches into a block whose argument
/// is the first operand that decides the result, as Python returns it.
Value Generator::emitBoolOp(ast::BoolOpExpr &expr) {
  Location l = loc(expr.getLoc());
  Block *merge = new Block();
  merge->addArgument(convertType(expr.type), l);
  bool counted = isRefCounted(expr.type);
  for (auto [i, operand] : llvm::enumerate(expr.values)) {
    // Each operand is an arm: its temporaries die before it branches, except
    // the value it may pass on, which is released on the path that drops it.
    pushTemps();
    Value value = emitExpr(*operand);
    // A dynamic result passes each operand on boxed (`not x and f()`).
    const sema::Type *type = operand->type;
    Value typed = value;
    if (expr.type->isAny() && !type->isAny()) {
      value = boxValue(value, type, loc(operand->getLoc()));
      type = expr.type;
    }
    if (i + 1 == expr.values.size()) {
      popTemps(value);
      consume(value, expr.type);
      cf::BranchOp::create(builder, l, merge,
                           ValueRange{coerce(value, type, expr.type, l)});
      break;
    }
    Value truth = truthValue(typed, operand->type, l);
    popTemps(value);
    consume(value, expr.type);
    // The value as the result (`x or y` passes on an optional x only when
    // it is not None, as x's value type).
    Value result = coerce(value, type, expr.type, l);
    Block *next = new Block();
    if (expr.op == ast::BoolOpKind::And)
      cf::CondBranchOp::create(builder, l, truth, next, ValueRange{}, merge,
                               ValueRange{result});
    else
      cf::CondBranchOp::create(builder, l, truth, merge, ValueRange{result},
                               next, ValueRange{});
    startBlock(next);
    if (counted)
      ReleaseOp::create(builder, l, value);
  }
  startBlock(merge);
  return merge->getArgument(0);
}

static CmpPredicate toPredicate(ast::CmpOp op) {
  switch (op) {
  case ast::CmpOp::Eq:
    return CmpPredicate::eq;
  case ast::CmpOp::NotEq:
    return CmpPredicate::ne;
  case ast::CmpOp::Lt:
    return CmpPredicate::lt;
  case ast::CmpOp::LtE:
    return CmpPredicate::le;
  case ast::CmpOp::Gt:
    return CmpPredicate::gt;
  case ast::CmpOp::GtE:
    return CmpPredicate::ge;
  default:
    llvm_unreachable("not an ordering comparison");
  }
}

Value Generator::emitComparison(ast::CmpOp op, Value lhs,
                                const sema::Type *lt, Value rhs,
                                const sema::Type *rt, Location l) {
  if (lt->isAny() || rt->isAny())
    return emitDynamicComparison(op, lhs, lt, rhs, rt, l);
  if (op == ast::CmpOp::In || op == ast::CmpOp::NotIn) {
    Value found;
    if (auto *tuple = llvm::dyn_cast<sema::TupleType>(rt)) {
      // Any field equal (fields of other types are never equal).
      found = boolConstant(false, l);
      for (auto [i, fieldType] : llvm::enumerate(tuple->getElements())) {
        if (!canCompareEqual(lt, fieldType))
          continue;
        Value field = TupleGetOp::create(builder, l, convertType(fieldType),
                                         rhs, int64_t(i));
        found = arith::OrIOp::create(
            builder, l, found,
            emitComparison(ast::CmpOp::Eq, lhs, lt, field, fieldType, l));
      }
    } else if (rt->isClass() &&
               !llvm::cast<sema::ClassType>(rt)->getInfo()->findMethod(
                   "__contains__")) {
      found = emitIteratorContains(lhs, lt, rhs, rt, l);
    } else if (rt->isClass()) { // __contains__
      FunctionInfo &contains = *sema::findDunder(rt, "__contains__", 1);
      found = callMethod(contains, rhs,
                         {coerce(lhs, lt, paramOn(contains, rt, 1), l)}, l);
    } else if (auto *list = llvm::dyn_cast<sema::ListType>(rt))
      found = ListContainsOp::create(
          builder, l, coerce(lhs, lt, list->getElement(), l), rhs);
    else if (auto *dict = llvm::dyn_cast<sema::DictType>(rt))
      found = DictContainsOp::create(
          builder, l, coerce(lhs, lt, dict->getKey(), l), rhs);
    else if (auto *set = llvm::dyn_cast<sema::SetType>(rt))
      found = SetContainsOp::create(
          builder, l, coerce(lhs, lt, set->getElement(), l), rhs);
    else
      found = StrContainsOp::create(builder, l, lhs, rhs);
    if (op == ast::CmpOp::In)
      return found;
    return arith::XOrIOp::create(builder, l, found, boolConstant(true, l));
  }
  if (lt->isOptional() || rt->isOptional())
    return emitOptionalComparison(op, lhs, lt, rhs, rt, l);
  if (lt->isClass() && rt->isClass() &&
      (op == ast::CmpOp::Eq || op == ast::CmpOp::NotEq))
    return emitInstanceEquality(op, lhs, lt, rhs, rt, l);
  if (sema::OperatorCall call = sema::findCompareOperator(op, lt, rt);
      call.method)
    return asCondition(emitOperatorCall(call, lhs, lt, rhs, rt, l),
                       call.method->type->getResult(), l);
  if ((op == ast::CmpOp::Is || op == ast::CmpOp::IsNot) && lt->isNumeric() &&
      rt->isNumeric()) {
    Value same = lt == rt ? Value(CmpOp::create(builder, l, CmpPredicate::eq,
                                                lhs, rhs))
                          : boolConstant(false, l);
    if (op == ast::CmpOp::Is)
      return same;
    return arith::XOrIOp::create(builder, l, same, boolConstant(true, l));
  }
  if ((op == ast::CmpOp::Is || op == ast::CmpOp::IsNot) && !lt->isNone() &&
      !rt->isNone()) {
    if (lt->isClass() && rt->isClass())
      std::tie(lhs, rhs) = upcastToCommonBase(lhs, lt, rhs, rt, l);
    Value same = IsOp::create(builder, l, lhs, rhs);
    if (op == ast::CmpOp::Is)
      return same;
    return arith::XOrIOp::create(builder, l, same, boolConstant(true, l));
  }
  // Comparisons with None: only None equals (and is) None.
  if (lt->isNone() || rt->isNone()) {
    bool same = lt->isNone() && rt->isNone();
    bool positive = op == ast::CmpOp::Eq || op == ast::CmpOp::Is;
    return boolConstant(same == positive, l);
  }
  if (lt->isTuple())
    return TupleCmpOp::create(builder, l, toPredicate(op), lhs, rhs);
  if (lt->isTypeParam()) // roast-monomorphize picks the comparison
    return CmpOp::create(builder, l, toPredicate(op), lhs, rhs);
  if (lt->isStr() || lt->isList() || lt->isDict() || lt->isSet())
    return CmpOp::create(builder, l, toPredicate(op), lhs, rhs);
  const sema::Type *common =
      lt->isFloat() || rt->isFloat()
          ? program.types.getFloat()
          : (lt->isBool() && rt->isBool() ? lt : program.types.getInt());
  return CmpOp::create(builder, l, toPredicate(op), coerce(lhs, lt, common, l),
                       coerce(rhs, rt, common, l));
}

/// `x is None`, `x == y`, `x != y` where an operand is optional: None
/// equals only None; two values compare as their types do.
Value Generator::emitOptionalComparison(ast::CmpOp op, Value lhs,
                                        const sema::Type *lt, Value rhs,
                                        const sema::Type *rt, Location l) {
  bool positive = op == ast::CmpOp::Eq || op == ast::CmpOp::Is;
  Value lhsNone = optionalIsNone(lhs, lt, l);
  Value rhsNone = optionalIsNone(rhs, rt, l);
  Value bothNone = arith::AndIOp::create(builder, l, lhsNone, rhsNone);
  Value noneResult = positive
                         ? bothNone
                         : Value(arith::XOrIOp::create(builder, l, bothNone,
                                                       boolConstant(true, l)));
  if (lt->isNone() || rt->isNone())
    return noneResult; // `x is None`, `x == None`
  assert((op == ast::CmpOp::Eq || op == ast::CmpOp::NotEq) &&
         "Sema allows only equality between an optional and a value");
  Block *some = new Block(), *merge = new Block();
  merge->addArgument(builder.getI1Type(), l);
  cf::CondBranchOp::create(builder, l,
                           arith::OrIOp::create(builder, l, lhsNone, rhsNone),
                           merge, ValueRange{noneResult}, some, ValueRange{});
  startBlock(some);
  auto strip = [&](Value &value, const sema::Type *&type) {
    if (auto *optional = llvm::dyn_cast<sema::OptionalType>(type)) {
      value = unwrapOptional(value, l);
      type = optional->getValue();
    }
  };
  strip(lhs, lt);
  strip(rhs, rt);
  Value result = canCompareEqual(lt, rt)
                     ? emitComparison(op, lhs, lt, rhs, rt, l)
                     : boolConstant(!positive, l);
  cf::BranchOp::create(builder, l, merge, ValueRange{result});
  startBlock(merge);
  return merge->getArgument(0);
}

bool Generator::canCompareEqual(const sema::Type *a, const sema::Type *b) {
  if (auto *optional = llvm::dyn_cast<sema::OptionalType>(a))
    return canCompareEqual(optional->getValue(), b);
  if (auto *optional = llvm::dyn_cast<sema::OptionalType>(b))
    return canCompareEqual(a, optional->getValue());
  if (a->isNumeric() && b->isNumeric())
    return true;
  if (a->isNone() || b->isNone())
    return true; // only None == None, decided statically
  if (a->isTuple() && b->isTuple())
    return true;
  return a == b && !a->isError();
}

/// `a < b < c` evaluates `b` once and stops at the first false comparison.
Value Generator::emitCompare(ast::CompareExpr &expr) {
  Location l = loc(expr.getLoc());
  Value lhs = emitExpr(*expr.left);
  const sema::Type *lhsType = expr.left->type;
  if (expr.ops.size() == 1)
    return emitComparison(expr.ops[0], lhs, lhsType,
                          emitExpr(*expr.comparators[0]),
                          expr.comparators[0]->type, l);
  Block *merge = new Block();
  merge->addArgument(builder.getI1Type(), l);
  for (auto [i, op, comparator] :
       llvm::enumerate(expr.ops, expr.comparators)) {
    Value rhs = emitExpr(*comparator);
    Value result =
        emitComparison(op, lhs, lhsType, rhs, comparator->type, l);
    if (i + 1 == expr.ops.size()) {
      cf::BranchOp::create(builder, l, merge, ValueRange{result});
      break;
    }
    Block *next = new Block();
    cf::CondBranchOp::create(builder, l, result, next, ValueRange{}, merge,
                             ValueRange{result});
    startBlock(next);
    lhs = rhs;
    lhsType = comparator->type;
  }
  startBlock(merge);
  return merge->getArgument(0);
}

Value Generator::emitIfExp(ast::IfExpExpr &expr) {
  Location l = loc(expr.getLoc());
  Block *thenBlock = new Block(), *elseBlock = new Block(),
        *merge = new Block();
  merge->addArgument(convertType(expr.type), l);
  emitBranch(*expr.test, thenBlock, elseBlock, l);
  for (auto [block, arm] : {std::pair(thenBlock, expr.body.get()),
                            std::pair(elseBlock, expr.orElse.get())}) {
    startBlock(block);
    pushTemps();
    Value value = emitExprAs(*arm, expr.type);
    popTemps(value);
    consume(value, expr.type);
    cf::BranchOp::create(builder, l, merge, ValueRange{value});
  }
  startBlock(merge);
  return merge->getArgument(0);
}

//===----------------------------------------------------------------------===//
// Calls
//===----------------------------------------------------------------------===//

Value Generator::emitCall(ast::CallExpr &call) {
  if (call.desugared) // map(f, xs): [f(x) for x in xs]
    return emitExprImpl(*call.desugared);
  if (call.dynamic)
    return emitDynamicCall(call);
  if (FunctionInfo *method = call.dunderCall) { // obj(args): obj.__call__
    Value self = emitOperand(*call.callee);     // evaluated first
    return callMethod(*method, self, emitArguments(call, *method, 1),
                      loc(call.getLoc()));
  }
  if (auto *attr = llvm::dyn_cast<ast::AttributeExpr>(call.callee.get())) {
    if (Symbol *member = attr->member) { // m.f(...)
      if (member->kind == Symbol::Kind::Function && call.mayFallBack)
        return emitCallWithFallback(call, *member->function);
      if (member->kind == Symbol::Kind::Function)
        return callFunction(*member->function,
                            emitArguments(call, *member->function, 0),
                            loc(call.getLoc()), call.typeArgs);
      if (member->kind == Symbol::Kind::Class)
        return emitConstruction(call, *member->classInfo);
      return emitBuiltinCall(call, member->builtin);
    }
    if (attr->method || attr->viaSuper)
      return emitMethodCall(call, *attr);
    if (attr->value->type->isList())
      return emitListMethodCall(call, *attr);
    if (attr->value->type->isDict())
      return emitDictMethodCall(call, *attr);
    if (attr->value->type->isSet())
      return emitSetMethodCall(call, *attr);
    if (attr->value->type->isFile())
      return emitFileMethodCall(call, *attr);
    return emitStrMethodCall(call, *attr);
  }
  auto *callee = llvm::dyn_cast<ast::NameExpr>(call.callee.get());
  if (!callee || ((callee->symbol->kind == Symbol::Kind::Local ||
                   callee->symbol->kind == Symbol::Kind::Global) &&
                  !callee->symbol->alias)) {
    if (auto *fn = llvm::dyn_cast<sema::FunctionType>(call.callee->type))
      return emitValueCall(call, emitExpr(*call.callee), *fn);
  }
  Symbol *sym = callee->symbol;
  if (sym->kind == Symbol::Kind::Builtin)
    return emitBuiltinCall(call, sym->builtin);
  if (sym->kind == Symbol::Kind::Class)
    return emitConstruction(call, *sym->classInfo);
  if (auto *bound = llvm::dyn_cast<sema::BoundMethodType>(
          callee->type ? callee->type : sym->type)) {
    // m(...) with m = obj.method: the method called on the receiver.
    Location l = loc(call.getLoc());
    Value receiver = emitOperand(*callee);
    return callMethod(*bound->getMethod(), receiver,
                      emitArguments(call, *bound->getMethod(), 1), l);
  }
  // A call through `f = g` calls g.
  FunctionInfo &info = sym->alias ? *sym->alias : *sym->function;
  // A nested function gets what it captures first.
  if (call.mayFallBack) // a plain top-level function: it captures nothing
    return emitCallWithFallback(call, info);
  SmallVector<Value> args = captureArguments(info, loc(call.getLoc()));
  llvm::append_range(args, emitArguments(call, info, 0));
  return callFunction(info, args, loc(call.getLoc()), call.typeArgs);
}

Value Generator::emitBuiltinCall(ast::CallExpr &call, Builtin builtin) {
  Location l = loc(call.getLoc());
  if (isMathBuiltin(builtin))
    return emitMathCall(call, builtin);
  // A built-in given a dynamic value runs the runtime's version of it
  // (str(), repr() and bool() handle dynamic values themselves).
  if (builtin == Builtin::Len && call.args.size() == 1 &&
      call.args[0]->type->isAny())
    return DynLenOp::create(builder, l, emitDynamic(*call.args[0]));
  if (((call.type && call.type->isAny()) || hasDynamicArgument(call) ||
       (builtin == Builtin::Int && call.args.size() == 2)) &&
      call.keywords.empty() && sema::builtinValueIndex(builtin) >= 0 &&
      builtin != Builtin::Str && builtin != Builtin::Repr &&
      builtin != Builtin::Bool)
    return emitDynamicBuiltinCall(call, builtin);
  switch (builtin) {
  case Builtin::Print: {
    SmallVector<Value> values;
    for (ast::ExprPtr &arg : call.args)
      values.push_back(emitExpr(*arg));
    Value sep, end, file;
    for (ast::Keyword &keyword : call.keywords) {
      Value value = emitExpr(*keyword.value);
      if (keyword.value->type->isNone())
        continue; // sep=None / end=None / file=None mean the default
      (keyword.name == "sep" ? sep : keyword.name == "end" ? end : file) =
          value;
    }
    PrintOp::create(builder, l, values, sep, end, file);
    return noneValue(l);
  }
  case Builtin::Abs: {
    Value x = emitExprAs(*call.args[0], call.type);
    if (call.type->isFloat())
      return math::AbsFOp::create(builder, l, x);
    Value negative =
        CmpOp::create(builder, l, CmpPredicate::lt, x, intConstant(0, l));
    return arith::SelectOp::create(builder, l, negative,
                                   NegOp::create(builder, l, x), x);
  }
  case Builtin::Min:
  case Builtin::Max: {
    // Python returns the first extreme value: replace it only when a later
    // one is strictly better.
    CmpPredicate better =
        builtin == Builtin::Min ? CmpPredicate::lt : CmpPredicate::gt;
    if (call.args.size() == 1) {
      ast::Expr &arg = *call.args[0];
      if (ast::LambdaExpr *key = findKey(call.keywords)) {
        Value list = asList(emitExpr(arg), arg.type, l);
        return emitExtremeWithKey(
            list, program.types.getList(call.type), *key,
            builtin == Builtin::Max, builtin == Builtin::Max ? "max" : "min",
            l);
      }
      // The extreme element is borrowed from the list.
      Value element = ListReduceOp::create(
          builder, l, convertType(call.type),
          builtin == Builtin::Min ? ListReduction::min : ListReduction::max,
          asList(emitExpr(arg), arg.type, l));
      if (isRefCounted(call.type))
        RetainOp::create(builder, l, element);
      return element;
    }
    Value best = emitExprAs(*call.args[0], call.type);
    for (ast::ExprPtr &arg : llvm::drop_begin(call.args)) {
      Value next = emitExprAs(*arg, call.type);
      Value replace = CmpOp::create(builder, l, better, next, best);
      best = arith::SelectOp::create(builder, l, replace, next, best);
    }
    // The winner is one of the (tracked) arguments: its own reference.
    if (isRefCounted(call.type))
      RetainOp::create(builder, l, best);
    return best;
  }
  case Builtin::Int:
  case Builtin::Float:
  case Builtin::Bool: {
    if (call.args.empty()) {
      Type type = convertType(call.type);
      return arith::ConstantOp::create(builder, l, type,
                                       builder.getZeroAttr(type));
    }
    ast::Expr &arg = *call.args[0];
    // float("inf") and other literals fold at compile time.
    auto *lit = llvm::dyn_cast<ast::StrLitExpr>(&arg);
    double literalValue = 0;
    if (lit && builtin == Builtin::Float &&
        sema::parsePythonFloat(lit->value, literalValue))
      return arith::ConstantOp::create(builder, l,
                                       builder.getF64FloatAttr(literalValue));
    if (builtin == Builtin::Bool)
      return truthValue(arg);
    if (arg.type->isStr())
      return CastOp::create(builder, l, convertType(call.type),
                            emitExpr(arg));
    return emitExprAs(arg, call.type);
  }
  case Builtin::Len: {
    ast::Expr &arg = *call.args[0];
    if (auto *tuple = llvm::dyn_cast<sema::TupleType>(arg.type)) {
      emitExpr(arg);
      return intConstant(static_cast<int64_t>(tuple->getElements().size()),
                         l);
    }
    if (arg.type->isClass())
      return callMethod(*sema::findDunder(arg.type, "__len__", 0),
                        emitOperand(arg), {}, l);
    return LenOp::create(builder, l, emitOperand(arg)); // str or container
  }
  case Builtin::Str:
    if (call.args.empty())
      return StringOp::create(builder, l, builder.getStringAttr(""));
    return emitStrConversion(builtin, *call.args[0], l);
  case Builtin::Repr:
    return emitStrConversion(builtin, *call.args[0], l);
  case Builtin::Ord:
    return OrdOp::create(builder, l, emitExpr(*call.args[0]));
  case Builtin::Chr:
    return ChrOp::create(
        builder, l, emitExprAs(*call.args[0], program.types.getInt()));
  case Builtin::Sum:
  case Builtin::Any:
  case Builtin::All: {
    ListReduction reduction = builtin == Builtin::Sum   ? ListReduction::sum
                              : builtin == Builtin::Any ? ListReduction::any
                                                        : ListReduction::all;
    ast::Expr &arg = *call.args[0];
    Value list = asList(emitExpr(arg), arg.type, l);
    if (builtin != Builtin::Sum)
      return ListReduceOp::create(builder, l, convertType(call.type),
                                  reduction, list);
    // The elements' sum, then `start + sum` in the result's type.
    const sema::Type *element = sema::iterableElement(arg.type);
    const sema::Type *sumType =
        element->isFloat() ? element : program.types.getInt();
    Value sum =
        ListReduceOp::create(builder, l, convertType(sumType), reduction, list);
    if (call.args.size() == 1 && call.type->isAny()) {
      // Floats with the default start: the int 0 when there were none.
      Value count = LenOp::create(builder, l, list);
      Value zero = arith::ConstantIntOp::create(builder, l, 0, 64);
      Value none = arith::CmpIOp::create(builder, l, arith::CmpIPredicate::eq,
                                         count, zero);
      return arith::SelectOp::create(builder, l, none,
                                     BoxOp::create(builder, l, zero),
                                     BoxOp::create(builder, l, sum));
    }
    if (call.args.size() == 1)
      return sum;
    Value start = emitExprAs(*call.args[1], call.type);
    return emitArithmetic(ast::BinaryOp::Add, start,
                          coerce(sum, sumType, call.type, l), call.type, l);
  }
  case Builtin::Round: {
    ast::Expr &value = *call.args[0];
    if (!value.type->isFloat())
      return emitExprAs(value, program.types.getInt()); // round(int) is itself
    Value x = emitExpr(value);
    Value ndigits = call.args.size() == 2
                        ? emitExprAs(*call.args[1], program.types.getInt())
                        : Value();
    return RoundOp::create(builder, l, convertType(call.type), x, ndigits);
  }
  case Builtin::Sorted: {
    ast::Expr &arg = *call.args[0];
    Value value = emitExpr(arg);
    if (findKey(call.keywords))
      return emitSortedWithKey(asList(value, arg.type, l), call.type,
                               call.keywords, l);
    Value copy = asList(value, arg.type, l); // a tracked snapshot, or arg
    if (copy == value) { // a list: sort a copy
      copy = ListMethodOp::create(builder, l, TypeRange{copy.getType()},
                                  ListMethod::copy, ValueRange{copy})
                 .getResult(0);
      track(copy, call.type); // released if the sort raises
    }
    ListMethodOp::create(builder, l, TypeRange{}, ListMethod::sort,
                         ValueRange{copy, findReverse(call.keywords, l)});
    consume(copy, call.type); // the caller tracks the result
    return copy;
  }
  case Builtin::DivMod: {
    const sema::Type *element =
        llvm::cast<sema::TupleType>(call.type)->getElements()[0];
    Value a = emitExprAs(*call.args[0], element);
    Value b = emitExprAs(*call.args[1], element);
    Value quotient = FloorDivOp::create(builder, l, a, b);
    Value remainder = ModOp::create(builder, l, a, b);
    return MakeTupleOp::create(builder, l, convertType(call.type),
                               ValueRange{quotient, remainder});
  }
  case Builtin::Pow: {
    const sema::Type *type = call.type;
    if (call.args.size() == 3) {
      Value base = emitExprAs(*call.args[0], type);
      Value exp = emitExprAs(*call.args[1], type);
      Value mod = emitExprAs(*call.args[2], type);
      return PowModOp::create(builder, l, base, exp, mod);
    }
    Value base = emitExprAs(*call.args[0], type);
    Value exp = emitExprAs(*call.args[1], type);
    return PowOp::create(builder, l, base, exp);
  }
  case Builtin::List:
  case Builtin::Set:
  case Builtin::Dict:
    return emitContainerConstructor(call, builtin);
  case Builtin::Hash:
    return HashOp::create(builder, l, emitExpr(*call.args[0]));
  case Builtin::IsInstance:
    return emitIsInstance(call);
  case Builtin::Super:
    llvm_unreachable("Sema only accepts super().method(...)");
  case Builtin::Input: {
    Value prompt; // none for input()
    if (!call.args.empty()) {
      ast::Expr &arg = *call.args[0];
      if (arg.type->isStr()) {
        prompt = emitOperand(arg);
      } else { // input(5) writes str(5)
        prompt = emitStrConversion(Builtin::Str, arg, l);
        track(prompt, program.types.getStr());
      }
    }
    return InputOp::create(builder, l, StrType::get(&context), prompt);
  }
  case Builtin::SysExit:
    ExitOp::create(builder, l,
                   call.args.empty()
                       ? intConstant(0, l)
                       : emitExprAs(*call.args[0], program.types.getInt()));
    return noneValue(l);
  case Builtin::SysArgv:
  case Builtin::SysStdout:
  case Builtin::SysStderr:
    break; // a value, not a call
  case Builtin::Open:
    return emitOpen(call);
  case Builtin::TimePerfCounter:
    return ClockOp::create(builder, l, builder.getStringAttr("perf_counter"));
  case Builtin::TimeTime:
    return ClockOp::create(builder, l, builder.getStringAttr("time"));
  case Builtin::TimeSleep:
    SleepOp::create(builder, l,
                    emitExprAs(*call.args[0], program.types.getFloat()));
    return noneValue(l);
  case Builtin::RandomSeed: case Builtin::RandomRandom:
  case Builtin::RandomUniform: case Builtin::RandomGetrandbits:
  case Builtin::RandomRandrange: case Builtin::RandomRandint:
  case Builtin::RandomChoice: case Builtin::RandomShuffle:
    return emitRandomCall(call, builtin);
  case Builtin::Range:
  case Builtin::Enumerate:
  case Builtin::Zip:
  case Builtin::Reversed:
    return emitWalkAsList(call);
  }
  llvm_unreachable("Sema rejects this builtin call");
}

/// The math module: floor, ceil, trunc, fabs and the is* tests are inline
/// (floor of an infinity or NaN raises in the float-to-int conversion, with
/// CPython's messages); the functions with domain and range errors are
/// roast.math_call.
Value Generator::emitModuleValue(Symbol *member, Location l) {
  if (member->kind == Symbol::Kind::Constant)
    return arith::ConstantOp::create(builder, l,
                                     builder.getF64FloatAttr(member->constant));
  if (member->builtin == Builtin::SysStdout)
    return StdStreamOp::create(builder, l, StdStream::stdout); // immortal
  if (member->builtin == Builtin::SysStderr)
    return StdStreamOp::create(builder, l, StdStream::stderr);
  return SysArgvOp::create(builder, l, convertType(member->type)); // owned
}

Value Generator::emitMathCall(ast::CallExpr &call, Builtin builtin) {
  Location l = loc(call.getLoc());
  const sema::Type *floatType = program.types.getFloat();
  const sema::Type *intType = program.types.getInt();
  auto arg = [&](size_t i, const sema::Type *type) {
    return emitExprAs(*call.args[i], type);
  };
  Value inf = arith::ConstantOp::create(
      builder, l, builder.getF64FloatAttr(std::numeric_limits<double>::infinity()));
  switch (builtin) {
  case Builtin::MathFloor:
  case Builtin::MathCeil:
  case Builtin::MathTrunc: {
    auto rounded = [&](Value x) -> Value {
      if (builtin == Builtin::MathFloor)
        x = math::FloorOp::create(builder, l, x);
      else if (builtin == Builtin::MathCeil)
        x = math::CeilOp::create(builder, l, x);
      return CastOp::create(builder, l, builder.getI64Type(), x);
    };
    if (call.args[0]->type->isAny()) {
      // An int (or bool) is its own floor, exactly; else a float (checked).
      Value value = emitExpr(*call.args[0]);
      Block *isInt = new Block(), *isFloat = new Block(), *merge = new Block();
      merge->addArgument(builder.getI64Type(), l);
      cf::CondBranchOp::create(
          builder, l,
          DynIsInstanceOp::create(builder, l, value, DynTypeTest::int_type),
          isInt, isFloat);
      startBlock(isInt);
      cf::BranchOp::create(builder, l, merge,
                           ValueRange{unboxValue(value, intType, l)});
      startBlock(isFloat);
      cf::BranchOp::create(builder, l, merge,
                           ValueRange{rounded(unboxValue(value, floatType, l))});
      startBlock(merge);
      return merge->getArgument(0);
    }
    if (!call.args[0]->type->isFloat()) // an int is its own floor
      return arg(0, intType);
    return rounded(arg(0, floatType));
  }
  case Builtin::MathFabs:
    return math::AbsFOp::create(builder, l, arg(0, floatType));
  case Builtin::MathIsNan: {
    Value x = arg(0, floatType);
    return arith::CmpFOp::create(builder, l, arith::CmpFPredicate::UNO, x, x);
  }
  case Builtin::MathIsInf:
    return arith::CmpFOp::create(builder, l, arith::CmpFPredicate::OEQ,
                                 math::AbsFOp::create(builder, l,
                                                      arg(0, floatType)),
                                 inf);
  case Builtin::MathIsFinite:
    return arith::CmpFOp::create(builder, l, arith::CmpFPredicate::OLT,
                                 math::AbsFOp::create(builder, l,
                                                      arg(0, floatType)),
                                 inf);
  case Builtin::MathIsClose: {
    // CPython's isclose: equal, or finite and within either tolerance.
    Value a = arg(0, floatType), b = arg(1, floatType);
    auto tolerance = [&](llvm::StringRef name, double fallback) -> Value {
      for (ast::Keyword &keyword : call.keywords)
        if (keyword.name == name)
          return emitExprAs(*keyword.value, floatType);
      return arith::ConstantOp::create(builder, l,
                                       builder.getF64FloatAttr(fallback));
    };
    Value rel = tolerance("rel_tol", 1e-09), abs = tolerance("abs_tol", 0.0);
    auto cmp = [&](arith::CmpFPredicate pred, Value x, Value y) -> Value {
      return arith::CmpFOp::create(builder, l, pred, x, y);
    };
    auto fabs = [&](Value x) -> Value {
      return math::AbsFOp::create(builder, l, x);
    };
    Value diff = fabs(arith::SubFOp::create(builder, l, b, a));
    Value within = arith::OrIOp::create(
        builder, l,
        arith::OrIOp::create(
            builder, l,
            cmp(arith::CmpFPredicate::OLE, diff,
                fabs(arith::MulFOp::create(builder, l, rel, b))),
            cmp(arith::CmpFPredicate::OLE, diff,
                fabs(arith::MulFOp::create(builder, l, rel, a)))),
        cmp(arith::CmpFPredicate::OLE, diff, abs));
    Value finite = arith::AndIOp::create(
        builder, l, cmp(arith::CmpFPredicate::OLT, fabs(a), inf),
        cmp(arith::CmpFPredicate::OLT, fabs(b), inf));
    return arith::OrIOp::create(
        builder, l, cmp(arith::CmpFPredicate::OEQ, a, b),
        arith::AndIOp::create(builder, l, finite, within));
  }
  default:
    break;
  }
  static const std::pair<Builtin, MathFunction> functions[] = {
      {Builtin::MathSqrt, MathFunction::sqrt},
      {Builtin::MathExp, MathFunction::exp},
      {Builtin::MathLog, MathFunction::log},
      {Builtin::MathLog2, MathFunction::log2},
      {Builtin::MathLog10, MathFunction::log10},
      {Builtin::MathPow, MathFunction::pow},
      {Builtin::MathSin, MathFunction::sin},
      {Builtin::MathCos, MathFunction::cos},
      {Builtin::MathTan, MathFunction::tan},
      {Builtin::MathAsin, MathFunction::asin},
      {Builtin::MathAcos, MathFunction::acos},
      {Builtin::MathAtan, MathFunction::atan},
      {Builtin::MathAtan2, MathFunction::atan2},
      {Builtin::MathHypot, MathFunction::hypot},
      {Builtin::MathGcd, MathFunction::gcd},
      {Builtin::MathIsqrt, MathFunction::isqrt},
      {Builtin::MathFactorial, MathFunction::factorial}};
  MathFunction function = llvm::find_if(functions, [&](auto &entry) {
                            return entry.first == builtin;
                          })->second;
  if (function == MathFunction::log && call.args.size() == 2)
    function = MathFunction::log_base;
  const sema::Type *operandType = call.type->isInt() ? intType : floatType;
  SmallVector<Value, 2> operands;
  for (size_t i = 0; i < call.args.size(); ++i)
    operands.push_back(arg(i, operandType));
  return MathCallOp::create(builder, l, convertType(call.type), function,
                            operands);
}

/// The random module: one roast.random_call. choice's element is borrowed
/// from the list, so it is retained as `l[i]` is.
Value Generator::emitRandomCall(ast::CallExpr &call, Builtin builtin) {
  Location l = loc(call.getLoc());
  static const std::pair<Builtin, RandomFunction> functions[] = {
      {Builtin::RandomSeed, RandomFunction::seed},
      {Builtin::RandomRandom, RandomFunction::random},
      {Builtin::RandomUniform, RandomFunction::uniform},
      {Builtin::RandomGetrandbits, RandomFunction::getrandbits},
      {Builtin::RandomRandrange, RandomFunction::randrange},
      {Builtin::RandomRandint, RandomFunction::randint},
      {Builtin::RandomChoice, RandomFunction::choice},
      {Builtin::RandomShuffle, RandomFunction::shuffle}};
  RandomFunction function = llvm::find_if(functions, [&](auto &entry) {
                              return entry.first == builtin;
                            })->second;
  const sema::Type *numberType = function == RandomFunction::uniform
                                     ? program.types.getFloat()
                                     : program.types.getInt();
  SmallVector<Value, 3> operands;
  for (ast::ExprPtr &arg : call.args) {
    if (arg->type->isList())
      operands.push_back(emitOperand(*arg));
    else if (arg->type->isNone()) // seed(None) seeds from the OS, as seed()
      emitExpr(*arg);
    else
      operands.push_back(emitExprAs(*arg, numberType));
  }
  SmallVector<Type, 1> results;
  if (!call.type->isNone())
    results.push_back(convertType(call.type));
  auto op = RandomCallOp::create(builder, l, results, function, operands);
  if (results.empty())
    return noneValue(l);
  Value result = op.getResult(0);
  if (function == RandomFunction::choice && isRefCounted(call.type))
    RetainOp::create(builder, l, result);
  return result;
}

//===----------------------------------------------------------------------===//
// Strings
//===----------------------------------------------------------------------===//

/// str(x) and repr(x); str(s) of a str is the same object, retained.
Value Generator::emitStrConversion(Builtin builtin, ast::Expr &arg,
                                   Location l) {
  Value value = emitExpr(arg);
  if (builtin == Builtin::Repr)
    return ReprOp::create(builder, l, value);
  if (arg.type->isStr()) {
    RetainOp::create(builder, l, value);
    return value;
  }
  return CastOp::create(builder, l, StrType::get(&context), value);
}

static StrMethod toStrMethod(sema::StrMethod method) {
  switch (method) {
  case sema::StrMethod::Upper:
    return StrMethod::upper;
  case sema::StrMethod::Lower:
    return StrMethod::lower;
  case sema::StrMethod::Strip:
    return StrMethod::strip;
  case sema::StrMethod::LStrip:
    return StrMethod::lstrip;
  case sema::StrMethod::RStrip:
    return StrMethod::rstrip;
  case sema::StrMethod::StartsWith:
    return StrMethod::startswith;
  case sema::StrMethod::EndsWith:
    return StrMethod::endswith;
  case sema::StrMethod::Find:
    return StrMethod::find;
  case sema::StrMethod::Count:
    return StrMethod::count;
  case sema::StrMethod::Replace:
    return StrMethod::replace;
  case sema::StrMethod::IsDigit:
    return StrMethod::isdigit;
  case sema::StrMethod::IsAlpha:
    return StrMethod::isalpha;
  case sema::StrMethod::Split:
    return StrMethod::split;
  case sema::StrMethod::Join:
    return StrMethod::join;
  }
  llvm_unreachable("unknown str method");
}

Value Generator::emitStrMethodCall(ast::CallExpr &call,
                                   ast::AttributeExpr &callee) {
  if (callee.attr == "format")
    return emitStrFormat(call, callee);
  SmallVector<Value> operands = {emitOperand(*callee.value)};
  for (ast::ExprPtr &arg : call.args) {
    Value value = emitExpr(*arg);
    if (callee.attr == "join") // any iterable of strs, as a list
      value = asList(value, arg->type, loc(arg->getLoc()));
    else if (arg->type->isBool()) // start, end or maxsplit
      value = coerce(value, arg->type, program.types.getInt(), loc(arg->getLoc()));
    operands.push_back(value);
  }
  StrMethod method = toStrMethod(*sema::lookupStrMethod(callee.attr));
  return StrMethodOp::create(builder, loc(call.getLoc()),
                             convertType(call.type), method, operands);
}

/// The bounds of `a:b:c`; a missing part, or one written as None, is a null
/// Value.
std::tuple<Value, Value, Value>
Generator::emitSliceBounds(ast::SliceExpr &slice) {
  const sema::Type *intType = program.types.getInt();
  auto part = [&](ast::ExprPtr &e) -> Value {
    if (!e)
      return nullptr;
    Value value = emitExpr(*e);
    return e->type->isNone() ? Value()
                             : coerce(value, e->type, intType,
                                      loc(e->getLoc()));
  };
  Value start = part(slice.lower), stop = part(slice.upper),
        step = part(slice.step);
  return {start, stop, step};
}

Value Generator::emitStrSubscript(ast::SubscriptExpr &expr) {
  Location l = loc(expr.getLoc());
  Value str = emitOperand(*expr.value);
  const sema::Type *intType = program.types.getInt();
  auto *slice = llvm::dyn_cast<ast::SliceExpr>(expr.index.get());
  if (!slice)
    return StrGetItemOp::create(builder, l, str,
                                emitExprAs(*expr.index, intType));
  auto [start, stop, step] = emitSliceBounds(*slice);
  return StrSliceOp::create(builder, l, str, start, stop, step);
}

//===----------------------------------------------------------------------===//
// f-strings
//===----------------------------------------------------------------------===//

/// Each part becomes a str (a literal, str()/repr() of a field, or format()
/// with its spec), and the parts are concatenated left to right.
Value Generator::emitFString(ast::FStringExpr &expr) {
  Location l = loc(expr.getLoc());
  const sema::Type *strType = program.types.getStr();
  Value result;
  for (ast::FStringExpr::Part &part : expr.parts) {
    Value piece;
    if (!part.value) {
      piece = StringOp::create(builder, l, builder.getStringAttr(part.literal));
    } else {
      Value value = emitExpr(*part.value);
      Value spec = part.spec ? emitExpr(*part.spec) : Value();
      piece = emitFormatField(value, part.value->type, part.conversion, spec,
                              loc(part.value->getLoc()));
    }
    track(piece, strType);
    result = result ? concatTracked(result, piece, l) : piece;
  }
  if (!result)
    return StringOp::create(builder, l, builder.getStringAttr(""));
  // The caller tracks the result.
  consume(result, strType);
  return result;
}

/// The str so far, an owned temporary, is extended in place when nothing
/// else holds it.
Value Generator::concatTracked(Value lhs, Value rhs, Location l) {
  const sema::Type *strType = program.types.getStr();
  consume(lhs, strType);
  Value result = StrAppendOp::create(builder, l, lhs, rhs);
  track(result, strType);
  return result;
}

Value Generator::emitFormatField(Value value, const sema::Type *type,
                                 char conversion, Value spec, Location l) {
  const sema::Type *strType = program.types.getStr();
  if (conversion == 'r') {
    value = ReprOp::create(builder, l, value);
    track(value, strType);
    type = strType;
  } else if (conversion == 's' && !type->isStr()) {
    value = CastOp::create(builder, l, StrType::get(&context), value);
    track(value, strType);
    type = strType;
  }
  if (spec)
    return FormatOp::create(builder, l, value, spec);
  if (type->isStr()) {
    RetainOp::create(builder, l, value);
    return value;
  }
  return CastOp::create(builder, l, StrType::get(&context), value);
}

/// "...".format(...): the arguments are evaluated once, in order, then the
/// template (parsed at compile time) is built like an f-string.
Value Generator::emitStrFormat(ast::CallExpr &call,
                               ast::AttributeExpr &callee) {
  Location l = loc(call.getLoc());
  const sema::Type *strType = program.types.getStr();
  SmallVector<Value> positional;
  for (ast::ExprPtr &arg : call.args)
    positional.push_back(emitExpr(*arg));
  llvm::StringMap<std::pair<Value, const sema::Type *>> named;
  for (ast::Keyword &keyword : call.keywords)
    named[keyword.name] = {emitExpr(*keyword.value), keyword.value->type};
  std::vector<sema::FormatPiece> pieces;
  std::string error;
  sema::parseFormatTemplate(llvm::cast<ast::StrLitExpr>(*callee.value).value,
                            pieces, error);
  Value result;
  for (sema::FormatPiece &piece : pieces) {
    Value text;
    if (!piece.isField) {
      text = StringOp::create(builder, l, builder.getStringAttr(piece.literal));
    } else {
      auto [value, type] =
          piece.name.empty()
              ? std::make_pair(positional[piece.index],
                               call.args[piece.index]->type)
              : named.lookup(piece.name);
      Value spec = piece.spec.empty()
                       ? Value()
                       : StringOp::create(builder, l,
                                          builder.getStringAttr(piece.spec));
      text = emitFormatField(value, type, piece.conversion, spec, l);
    }
    track(text, strType);
    result = result ? concatTracked(result, text, l) : text;
  }
  if (!result)
    return StringOp::create(builder, l, builder.getStringAttr(""));
  consume(result, strType); // the caller tracks it
  return result;
}

//===----------------------------------------------------------------------===//
// Lists
//===----------------------------------------------------------------------===//

/// `xs[i]` reads a borrowed element (retained here); `xs[a:b:c]` is a new
/// list.
Value Generator::emitListSubscript(ast::SubscriptExpr &expr) {
  Location l = loc(expr.getLoc());
  Value list = emitOperand(*expr.value);
  const sema::Type *intType = program.types.getInt();
  auto *slice = llvm::dyn_cast<ast::SliceExpr>(expr.index.get());
  if (!slice) {
    Value element =
        ListGetOp::create(builder, l, list, emitExprAs(*expr.index, intType));
    if (isRefCounted(expr.type))
      RetainOp::create(builder, l, element);
    return element;
  }
  auto [start, stop, step] = emitSliceBounds(*slice);
  return ListSliceOp::create(builder, l, list, start, stop, step);
}

Value Generator::emitListMethodCall(ast::CallExpr &call,
                                    ast::AttributeExpr &callee) {
  Location l = loc(call.getLoc());
  Value list = emitOperand(*callee.value);
  const sema::Type *element =
      llvm::cast<sema::ListType>(callee.value->type)->getElement();
  const sema::Type *intType = program.types.getInt();
  llvm::StringRef name = callee.attr;
  auto arg = [&](size_t i, const sema::Type *type) {
    return emitExprAs(*call.args[i], type);
  };
  if (name == "append") {
    ListAppendOp::create(builder, l, list, arg(0, element));
    return noneValue(l);
  }
  if (name == "pop") {
    Value index = call.args.empty() ? Value() : arg(0, intType);
    return ListPopOp::create(builder, l, list, index); // owned
  }
  ListMethod method = *symbolizeListMethod(name);
  SmallVector<Value> operands = {list};
  switch (method) {
  case ListMethod::insert:
    operands.push_back(arg(0, intType));
    operands.push_back(arg(1, element));
    break;
  case ListMethod::extend:
    operands.push_back(arg(0, callee.value->type));
    break;
  case ListMethod::remove:
  case ListMethod::index:
  case ListMethod::count:
    operands.push_back(arg(0, element));
    break;
  case ListMethod::sort:
    if (findKey(call.keywords)) {
      emitSortWithKey(list, callee.value->type, call.keywords, l);
      return noneValue(l);
    }
    operands.push_back(findReverse(call.keywords, l));
    break;
  case ListMethod::reverse:
  case ListMethod::copy:
  case ListMethod::clear:
  case ListMethod::del: // del statements, not calls
    break;
  }
  SmallVector<Type, 1> results;
  if (!call.type->isNone())
    results.push_back(convertType(call.type));
  auto op = ListMethodOp::create(builder, l, results, method, operands);
  return results.empty() ? noneValue(l) : op.getResult(0);
}

//===----------------------------------------------------------------------===//
// Dispatch
//===----------------------------------------------------------------------===//

/// Every value returned is owned (docs/rationale/refcounting.md) and tracked
/// as a temporary of the current scope.
Value Generator::emitExpr(ast::Expr &expr) {
  Value value = emitExprImpl(expr);
  track(value, expr.type);
  return value;
}

Value Generator::emitOperand(ast::Expr &expr) {
  auto *name = llvm::dyn_cast<ast::NameExpr>(&expr);
  // Globals are excluded: a function called later in the statement may
  // rebind one and free the object.
  if (!name || name->symbol->kind != Symbol::Kind::Local ||
      name->symbol->isCell() ||
      (name->symbol->type && name->symbol->type->isAny() && expr.type &&
       !expr.type->isAny())) // unboxed: an owned value
    return emitExpr(expr);
  Location l = loc(expr.getLoc());
  return narrowed(LoadOp::create(builder, l, slots.lookup(name->symbol)),
                  name->symbol, expr.type, l);
}

Value Generator::narrowed(Value value, Symbol *sym, const sema::Type *type,
                          Location l) {
  // A variable that became dynamic after this read was checked.
  if (sym->type && sym->type->isAny() && !type->isAny()) {
    track(value, sym->type);
    return unboxValue(value, type, l);
  }
  if (!sym->type || !sym->type->isOptional() || type->isOptional())
    return value;
  // Sema proved the variable is not None here; a global may still have
  // been changed by a call since the test, so it is checked again.
  if (sym->kind == Symbol::Kind::Global)
    return checkedUnwrap(value, sym->name, l);
  return unwrapOptional(value, l);
}

Value Generator::emitExprImpl(ast::Expr &expr) {
  Location l = loc(expr.getLoc());
  switch (expr.getKind()) {
  case ast::Expr::Kind::IntLit:
    return intConstant(
        static_cast<int64_t>(llvm::cast<ast::IntLitExpr>(expr).value), l);
  case ast::Expr::Kind::FloatLit:
    return arith::ConstantOp::create(
        builder, l,
        builder.getF64FloatAttr(llvm::cast<ast::FloatLitExpr>(expr).value));
  case ast::Expr::Kind::BoolLit:
    return boolConstant(llvm::cast<ast::BoolLitExpr>(expr).value, l);
  case ast::Expr::Kind::NoneLit:
    return noneValue(l);
  case ast::Expr::Kind::StrLit:
    return StringOp::create(
        builder, l,
        builder.getStringAttr(llvm::cast<ast::StrLitExpr>(expr).value));
  case ast::Expr::Kind::Name: {
    Symbol *sym = llvm::cast<ast::NameExpr>(expr).symbol;
    if (sym->kind == Symbol::Kind::Builtin &&
        sema::builtinValueIndex(sym->builtin) >= 0) // [abs, str]
      return BuiltinValueOp::create(
          builder, l,
          static_cast<BuiltinValue>(sema::builtinValueIndex(sym->builtin)));
    return narrowed(loadFrom(sym, l), sym, expr.type, l);
  }
  case ast::Expr::Kind::Unary:
    return emitUnary(llvm::cast<ast::UnaryExpr>(expr));
  case ast::Expr::Kind::Binary:
    return emitBinary(llvm::cast<ast::BinaryExpr>(expr));
  case ast::Expr::Kind::BoolOp:
    return emitBoolOp(llvm::cast<ast::BoolOpExpr>(expr));
  case ast::Expr::Kind::Compare:
    return emitCompare(llvm::cast<ast::CompareExpr>(expr));
  case ast::Expr::Kind::IfExp:
    return emitIfExp(llvm::cast<ast::IfExpExpr>(expr));
  case ast::Expr::Kind::Call:
    return emitCall(llvm::cast<ast::CallExpr>(expr));
  case ast::Expr::Kind::FString:
    return emitFString(llvm::cast<ast::FStringExpr>(expr));
  case ast::Expr::Kind::List: {
    // The list retains its elements; they stay temporaries here.
    const sema::Type *element =
        llvm::cast<sema::ListType>(expr.type)->getElement();
    SmallVector<Value> elements;
    for (ast::ExprPtr &elt : llvm::cast<ast::ListExpr>(expr).elts)
      elements.push_back(emitExprAs(*elt, element));
    return ListNewOp::create(builder, l, convertType(expr.type), elements);
  }
  case ast::Expr::Kind::Attribute:
    return emitAttribute(llvm::cast<ast::AttributeExpr>(expr));
  case ast::Expr::Kind::Dict:
    return emitDict(llvm::cast<ast::DictExpr>(expr));
  case ast::Expr::Kind::Comprehension:
    return emitComprehension(llvm::cast<ast::ComprehensionExpr>(expr));
  case ast::Expr::Kind::Set:
    return emitSet(llvm::cast<ast::SetExpr>(expr));
  case ast::Expr::Kind::Tuple: {
    // The elements are borrowed from temporaries; the tuple takes its own
    // references.
    SmallVector<Value> elements;
    for (ast::ExprPtr &element : llvm::cast<ast::TupleExpr>(expr).elts)
      elements.push_back(emitExpr(*element));
    Value tuple =
        MakeTupleOp::create(builder, l, convertType(expr.type), elements);
    if (isRefCounted(expr.type))
      RetainOp::create(builder, l, tuple);
    return tuple;
  }
  case ast::Expr::Kind::Subscript: {
    auto &sub = llvm::cast<ast::SubscriptExpr>(expr);
    if (sub.value->type->isAny())
      return emitDynamicSubscript(sub);
    if (sub.value->type->isStr())
      return emitStrSubscript(sub);
    if (sub.value->type->isList())
      return emitListSubscript(sub);
    if (sub.value->type->isDict())
      return emitDictSubscript(sub);
    if (sub.value->type->isClass()) { // __getitem__
      FunctionInfo &getitem =
          *sema::findDunder(sub.value->type, "__getitem__", 1);
      Value object = emitOperand(*sub.value);
      Value index =
          emitExprAs(*sub.index, paramOn(getitem, sub.value->type, 1));
      return callMethod(getitem, object, {index}, l);
    }
    Value tuple = emitOperand(*sub.value);
    auto *tupleType = llvm::cast<sema::TupleType>(sub.value->type);
    size_t size = tupleType->getElements().size();
    if (auto *slice = llvm::dyn_cast<ast::SliceExpr>(sub.index.get())) {
      SmallVector<Value> fields;
      std::vector<size_t> indices = *sema::constantSliceIndices(*slice, size);
      for (size_t i : indices)
        fields.push_back(TupleGetOp::create(
            builder, l, convertType(tupleType->getElements()[i]), tuple,
            int64_t(i)));
      Value result =
          MakeTupleOp::create(builder, l, convertType(expr.type), fields);
      if (isRefCounted(expr.type))
        RetainOp::create(builder, l, result);
      return result;
    }
    int64_t constant = sema::constantTupleIndex(*sub.index, size);
    Value element =
        constant >= 0
            ? Value(TupleGetOp::create(builder, l, convertType(expr.type),
                                       tuple, constant))
            : emitComputedTupleIndex(tuple, size, *sub.index, l);
    if (isRefCounted(expr.type))
      RetainOp::create(builder, l, element);
    return element;
  }
  case ast::Expr::Kind::Lambda:
    return emitLambda(llvm::cast<ast::LambdaExpr>(expr));
  default:
    break;
  }
  llvm_unreachable("Sema rejects unsupported expressions");
}

Value Generator::emitComputedTupleIndex(Value tuple, size_t size,
                                        ast::Expr &indexExpr, Location l) {
  // t[i] with i known only at run time (fields of one type): Python's
  // negative indices, IndexError outside, then a select over the fields.
  Value index = emitExprAs(indexExpr, program.types.getInt());
  Value n = intConstant(static_cast<int64_t>(size), l);
  Value negative = arith::CmpIOp::create(builder, l, arith::CmpIPredicate::slt,
                                         index, intConstant(0, l));
  index = arith::SelectOp::create(builder, l, negative,
                                  arith::AddIOp::create(builder, l, index, n),
                                  index);
  Value outside = arith::CmpIOp::create(builder, l, arith::CmpIPredicate::uge,
                                        index, n);
  Block *bad = new Block(), *ok = new Block();
  cf::CondBranchOp::create(builder, l, outside, bad, ok);
  startBlock(bad);
  emitBuiltinRaise(ExceptionKind::IndexError, "tuple index out of range",
                   Value(), l);
  startBlock(ok);
  Type type = cast<TupleType>(tuple.getType()).getType(0);
  Value result = TupleGetOp::create(builder, l, type, tuple, int64_t(0));
  for (size_t i = 1; i < size; ++i) {
    Value field = TupleGetOp::create(builder, l, type, tuple, int64_t(i));
    Value here = arith::CmpIOp::create(builder, l, arith::CmpIPredicate::eq,
                                       index,
                                       intConstant(static_cast<int64_t>(i), l));
    result = arith::SelectOp::create(builder, l, here, field, result);
  }
  return result;
}
