//===- CodeGenDynamic.cpp - Dynamic values --------------------------------===//
//
// Code on `Any` values (docs/rationale/dynamic-values.md): typed values are
// boxed where they meet dynamic code and unboxed, checked, where a dynamic
// value meets a declared type; operations on dynamic values are roast.dyn
// ops, which the runtime carries out with Python's semantics.
//
//===----------------------------------------------------------------------===//

#include "CodeGenImpl.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"

using namespace mlir;
using namespace roast;
using namespace roast::codegen;
using sema::Builtin;
using sema::Symbol;

Value Generator::boxValue(Value value, const sema::Type *from, Location l) {
  if (from->isAny())
    return value;
  if (from->getKind() == sema::Type::Kind::BoundMethod) {
    // obj.method as a value: looked up on the receiver at run time.
    auto *bound = llvm::cast<sema::BoundMethodType>(from);
    Value receiver = boxValue(value, bound->getReceiver(), l);
    Value method = DynGetAttrOp::create(
        builder, l, receiver,
        builder.getStringAttr(bound->getMethod()->def->name));
    track(method, program.types.getAny());
    return method;
  }
  Value boxed = BoxOp::create(builder, l, value);
  track(boxed, program.types.getAny());
  return boxed;
}

Value Generator::unboxValue(Value value, const sema::Type *to, Location l) {
  if (to->isAny())
    return value;
  if (to->isNone()) // nothing to check out of it that typed code uses
    return noneValue(l);
  if (auto *optional = llvm::dyn_cast<sema::OptionalType>(to);
      optional && !isRefCounted(optional->getValue())) {
    // None, or the number inside, converted.
    Type type = convertType(to);
    Block *some = new Block(), *merge = new Block();
    merge->addArgument(type, l);
    Value isNone = DynIsInstanceOp::create(builder, l, value,
                                           DynTypeTest::none_type);
    cf::CondBranchOp::create(builder, l, isNone, merge,
                             ValueRange{OptionalNoneOp::create(builder, l, type)},
                             some, ValueRange{});
    startBlock(some);
    Value inner = unboxValue(value, optional->getValue(), l);
    cf::BranchOp::create(builder, l, merge,
                         ValueRange{OptionalWrapOp::create(builder, l, type,
                                                           inner)});
    startBlock(merge);
    return merge->getArgument(0);
  }
  if (auto *tuple = llvm::dyn_cast<sema::TupleType>(to)) {
    // Field by field, each checked.
    SmallVector<Value> fields;
    for (auto [i, field] : llvm::enumerate(tuple->getElements())) {
      Value index = boxValue(intConstant(int64_t(i), l), program.types.getInt(),
                             l);
      Value item = DynGetItemOp::create(builder, l, value, index);
      track(item, program.types.getAny());
      fields.push_back(unboxValue(item, field, l));
    }
    Value result = MakeTupleOp::create(builder, l, convertType(to), fields);
    if (isRefCounted(to)) {
      RetainOp::create(builder, l, result);
      track(result, to);
    }
    return result;
  }
  Value unboxed = UnboxOp::create(builder, l, convertType(to), value);
  track(unboxed, to);
  return unboxed;
}

Value Generator::asCondition(Value value, const sema::Type *type, Location l) {
  if (!type->isAny())
    return value;
  track(value, type); // `__eq__` without annotations: its result's truth
  return DynTruthOp::create(builder, l, value);
}

Value Generator::emitDynamic(ast::Expr &expr) {
  return emitExprAs(expr, program.types.getAny());
}

Value Generator::dynamicConstant(Value value, const sema::Type *type,
                                 Location l) {
  return boxValue(value, type, l);
}

Value Generator::emitDynamicCall(ast::CallExpr &call) {
  Location l = loc(call.getLoc());
  auto *attr = llvm::dyn_cast<ast::AttributeExpr>(call.callee.get());
  Value receiver = attr ? emitDynamic(*attr->value) : emitDynamic(*call.callee);
  SmallVector<Value> args;
  for (ast::ExprPtr &arg : call.args)
    args.push_back(emitDynamic(*arg));
  if (attr)
    return DynCallMethodOp::create(builder, l, receiver,
                                   builder.getStringAttr(attr->attr), args);
  return DynCallOp::create(builder, l, receiver, args);
}

Value Generator::emitDynamicBuiltinCall(ast::CallExpr &call, Builtin builtin) {
  Location l = loc(call.getLoc());
  Value function = BuiltinValueOp::create(
      builder, l, static_cast<BuiltinValue>(sema::builtinValueIndex(builtin)));
  SmallVector<Value> args;
  for (ast::ExprPtr &arg : call.args)
    args.push_back(emitDynamic(*arg));
  Value result = DynCallOp::create(builder, l, function, args);
  if (call.type->isAny())
    return result;
  track(result, program.types.getAny());
  // int(x), float(x), len(x)...: the built-in's result, typed.
  return UnboxOp::create(builder, l, convertType(call.type), result);
}

bool Generator::hasDynamicArgument(ast::CallExpr &call) {
  // Unchecked arguments (isinstance's classes) have no type.
  return llvm::any_of(call.args, [](ast::ExprPtr &arg) {
    return arg->type && arg->type->isAny();
  });
}

Value Generator::dynamicList(Value value, Location l) {
  Value list = DynCallOp::create(
      builder, l, BuiltinValueOp::create(builder, l, BuiltinValue::list),
      ValueRange{value});
  track(list, program.types.getAny());
  return unboxValue(list, program.types.getList(program.types.getAny()), l);
}

Value Generator::dynamicIterList(Value value, Location l) {
  const sema::Type *type = program.types.getList(program.types.getAny());
  Value list = DynIterListOp::create(builder, l, convertType(type), value);
  track(list, type);
  return list;
}

Value Generator::emitDynamicIsInstance(Value value, Symbol *type, Location l) {
  if (type->kind == Symbol::Kind::Class)
    return IsInstanceOp::create(builder, l, value,
                                classSymbol(*type->classInfo));
  switch (type->builtin) {
  case Builtin::Int: return DynIsInstanceOp::create(builder, l, value, DynTypeTest::int_type);
  case Builtin::Float: return DynIsInstanceOp::create(builder, l, value, DynTypeTest::float_type);
  case Builtin::Bool: return DynIsInstanceOp::create(builder, l, value, DynTypeTest::bool_type);
  case Builtin::Str: return DynIsInstanceOp::create(builder, l, value, DynTypeTest::str);
  case Builtin::List: return DynIsInstanceOp::create(builder, l, value, DynTypeTest::list);
  case Builtin::Dict: return DynIsInstanceOp::create(builder, l, value, DynTypeTest::dict);
  case Builtin::Set: return DynIsInstanceOp::create(builder, l, value, DynTypeTest::set);
  default: return boolConstant(false, l);
  }
}

Value Generator::holdsParamType(Value value, const sema::Type *type,
                                Location l) {
  auto test = [&](DynTypeTest kind) -> Value {
    return DynIsInstanceOp::create(builder, l, value, kind);
  };
  if (auto *cls = llvm::dyn_cast<sema::ClassType>(type))
    return IsInstanceOp::create(builder, l, value,
                                classSymbol(*cls->getInfo()));
  if (type->isFloat()) // an int is converted, as unbox does
    return arith::OrIOp::create(builder, l, test(DynTypeTest::float_type),
                                test(DynTypeTest::int_type));
  if (type->isInt()) // bools included
    return test(DynTypeTest::int_type);
  if (type->isBool())
    return test(DynTypeTest::bool_type);
  if (type->isStr())
    return test(DynTypeTest::str);
  assert(type->isNone() && "a parameter type without a run-time test");
  return test(DynTypeTest::none_type);
}

Value Generator::emitCallWithFallback(ast::CallExpr &call,
                                      sema::FunctionInfo &callee) {
  Location l = loc(call.getLoc());
  const sema::Type *any = program.types.getAny();
  SmallVector<const sema::Type *> given;
  SmallVector<Value> args = emitArguments(call, callee, 0, &given);
  ArrayRef<Symbol *> params = callee.params;
  // Each arm leaves an owned dynamic value, its temporaries released.
  auto emitArm = [&](llvm::function_ref<Value()> emit) {
    pushTemps();
    Value value = emit();
    popTemps(value);
    consume(value, any);
    return value;
  };
  auto callTyped = [&] {
    SmallVector<Value> typedArgs;
    for (auto [arg, type, param] : llvm::zip(args, given, params))
      typedArgs.push_back(coerce(arg, type, param->type, l));
    Value result = callFunction(callee, typedArgs, l);
    const sema::Type *resultType = callee.type->getResult();
    track(result, resultType);
    return coerce(result, resultType, any, l);
  };
  sema::FunctionInfo *fallback = callee.fallback;
  if (!fallback) // its body is not dynamic code Roast runs: check arguments
    return emitArm(callTyped);

  Value holds;
  for (auto [arg, type, param] : llvm::zip(args, given, params)) {
    if (!type->isAny() || param->type->isAny())
      continue;
    Value test = holdsParamType(arg, param->type, l);
    holds = holds ? arith::AndIOp::create(builder, l, holds, test) : test;
  }
  Block *typedBlock = new Block(), *fallbackBlock = new Block(),
        *merge = new Block();
  merge->addArgument(convertType(any), l);
  cf::CondBranchOp::create(builder, l, holds, typedBlock, fallbackBlock);
  startBlock(typedBlock);
  cf::BranchOp::create(builder, l, merge, ValueRange{emitArm(callTyped)});
  startBlock(fallbackBlock);
  Value result = emitArm([&] {
    SmallVector<Value> dynamicArgs;
    for (auto [arg, type] : llvm::zip(args, given))
      dynamicArgs.push_back(coerce(arg, type, any, l));
    Value value = callFunction(*fallback, dynamicArgs, l);
    track(value, any);
    return value;
  });
  cf::BranchOp::create(builder, l, merge, ValueRange{result});
  startBlock(merge);
  return merge->getArgument(0);
}

Value Generator::emitDynamicSubscript(ast::SubscriptExpr &expr) {
  Location l = loc(expr.getLoc());
  Value value = emitDynamic(*expr.value);
  auto *slice = llvm::dyn_cast<ast::SliceExpr>(expr.index.get());
  if (!slice)
    return DynGetItemOp::create(builder, l, value, emitDynamic(*expr.index));
  SmallVector<Value, 3> bounds;
  for (ast::ExprPtr *bound : {&slice->lower, &slice->upper, &slice->step})
    bounds.push_back(*bound ? emitDynamic(**bound)
                            : boxValue(noneValue(l), program.types.getNone(), l));
  return DynGetSliceOp::create(builder, l, value, bounds[0], bounds[1],
                               bounds[2]);
}

Value Generator::emitDynamicBinary(ast::BinaryOp op, Value lhs, Value rhs,
                                   bool inplace, Location l) {
  DynBinaryOperator kind;
  switch (op) {
  case ast::BinaryOp::Add: kind = DynBinaryOperator::add; break;
  case ast::BinaryOp::Sub: kind = DynBinaryOperator::sub; break;
  case ast::BinaryOp::Mul: kind = DynBinaryOperator::mul; break;
  case ast::BinaryOp::Div: kind = DynBinaryOperator::truediv; break;
  case ast::BinaryOp::FloorDiv: kind = DynBinaryOperator::floordiv; break;
  case ast::BinaryOp::Mod: kind = DynBinaryOperator::mod; break;
  case ast::BinaryOp::Pow: kind = DynBinaryOperator::pow; break;
  case ast::BinaryOp::LShift: kind = DynBinaryOperator::lshift; break;
  case ast::BinaryOp::RShift: kind = DynBinaryOperator::rshift; break;
  case ast::BinaryOp::BitAnd: kind = DynBinaryOperator::bit_and; break;
  case ast::BinaryOp::BitOr: kind = DynBinaryOperator::bit_or; break;
  case ast::BinaryOp::BitXor: kind = DynBinaryOperator::bit_xor; break;
  case ast::BinaryOp::MatMul: kind = DynBinaryOperator::mul; break; // unreachable: Sema
  }
  auto result = DynBinaryOp::create(builder, l, kind, lhs, rhs);
  if (inplace)
    result.setInplace(true);
  return result;
}

Value Generator::emitDynamicComparison(ast::CmpOp op, Value lhs,
                                       const sema::Type *lt, Value rhs,
                                       const sema::Type *rt, Location l) {
  auto negate = [&](Value b) {
    return arith::XOrIOp::create(builder, l, b, boolConstant(true, l));
  };
  switch (op) {
  case ast::CmpOp::In:
  case ast::CmpOp::NotIn: {
    Value found = DynContainsOp::create(builder, l, boxValue(lhs, lt, l),
                                        boxValue(rhs, rt, l));
    return op == ast::CmpOp::In ? found : negate(found);
  }
  case ast::CmpOp::Is:
  case ast::CmpOp::IsNot: {
    // `v is None`: the other forms of `is` on dynamic values compare
    // identities the same way (equal NaN-boxed bits).
    Value other = lt->isNone() ? boxValue(rhs, rt, l) : boxValue(lhs, lt, l);
    Value same;
    if (lt->isNone() || rt->isNone())
      same = DynIsInstanceOp::create(builder, l, other, DynTypeTest::none_type);
    else
      same = IsOp::create(builder, l, boxValue(lhs, lt, l), boxValue(rhs, rt, l));
    return op == ast::CmpOp::Is ? same : negate(same);
  }
  default:
    break;
  }
  CmpPredicate predicate;
  switch (op) {
  case ast::CmpOp::Eq: predicate = CmpPredicate::eq; break;
  case ast::CmpOp::NotEq: predicate = CmpPredicate::ne; break;
  case ast::CmpOp::Lt: predicate = CmpPredicate::lt; break;
  case ast::CmpOp::LtE: predicate = CmpPredicate::le; break;
  case ast::CmpOp::Gt: predicate = CmpPredicate::gt; break;
  default: predicate = CmpPredicate::ge; break;
  }
  Value result = DynCompareOp::create(builder, l, predicate,
                                      boxValue(lhs, lt, l), boxValue(rhs, rt, l));
  track(result, program.types.getAny());
  return DynTruthOp::create(builder, l, result);
}

void Generator::assignToDynamic(ast::Expr &target, Value value, Location l) {
  const sema::Type *any = program.types.getAny();
  if (auto *attr = llvm::dyn_cast<ast::AttributeExpr>(&target)) {
    DynSetAttrOp::create(builder, l, emitDynamic(*attr->value),
                         builder.getStringAttr(attr->attr), value);
    return;
  }
  if (auto *sub = llvm::dyn_cast<ast::SubscriptExpr>(&target)) {
    DynSetItemOp::create(builder, l, emitDynamic(*sub->value),
                         emitDynamic(*sub->index), value);
    return;
  }
  // `a, b = pair`: each target gets its item, by index.
  auto &targets = llvm::cast<ast::TupleExpr>(target);
  for (auto [i, element] : llvm::enumerate(targets.elts)) {
    Value index =
        boxValue(intConstant(int64_t(i), l), program.types.getInt(), l);
    Value item = DynGetItemOp::create(builder, l, value, index);
    track(item, any);
    assignTo(*element, item, any, l);
  }
}
