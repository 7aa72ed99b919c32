//===- LegalizeInstance.cpp - Ops of a copy that depend on its types ------===//
//
// In a copy roast-monomorphize made of a generic function, the ops whose
// form depends on the concrete type of their operands take that form
// (docs/rationale/generics.md's table).
//
//===----------------------------------------------------------------------===//

#include "LegalizeInstance.h"

#include "Roast/Dialect/Roast/IR/RoastOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/SymbolTable.h"

using namespace mlir;
using namespace roast;

/// The method of `object`'s class named `name` taking one more instance of
/// it and returning bool, as Python calls for `a == b` on instances.
static FuncOp findComparison(ObjectType object, StringRef name,
                             SymbolTable &symbols) {
  auto cls = symbols.lookup<ClassOp>(object.getClassName().getValue());
  int slot = cls ? cls.lookupMethod(name) : -1;
  if (slot < 0)
    return nullptr;
  auto fn = symbols.lookup<FuncOp>(
      cast<FlatSymbolRefAttr>(cls.getMethods()[slot]).getValue());
  FunctionType type = fn.getFunctionType();
  if (cls.isGeneric())
    type = cast<FunctionType>(
        substituteTypeParams(type, *cls.getTypeParams(), object.getTypeArgs()));
  Type i1 = IntegerType::get(fn.getContext(), 1);
  if (type.getNumInputs() != 2 || type.getInput(1) != object ||
      type.getNumResults() != 1 || type.getResult(0) != i1)
    return nullptr;
  return fn;
}

/// `a == b` on instances: their class's `__eq__` (`!=`: `__ne__`, or the
/// negation of `__eq__`), else identity, as CodeGen emits it outside
/// generic code; `<` and the others call their method when the class has
/// one.
static Value compareInstances(OpBuilder &builder, CmpOp cmp,
                              SymbolTable &symbols) {
  Location loc = cmp.getLoc();
  auto object = cast<ObjectType>(cmp.getLhs().getType());
  static constexpr StringRef names[] = {"__eq__", "__ne__", "__lt__",
                                        "__le__", "__gt__", "__ge__"};
  auto call = [&](StringRef name) -> Value {
    if (!findComparison(object, name, symbols))
      return nullptr;
    return MethodCallOp::create(builder, loc, TypeRange{builder.getI1Type()},
                                builder.getStringAttr(name), cmp.getLhs(),
                                ValueRange{cmp.getRhs()})
        .getResult(0);
  };
  CmpPredicate predicate = cmp.getPredicate();
  if (Value result = call(names[static_cast<int>(predicate)]))
    return result;
  if (predicate != CmpPredicate::eq && predicate != CmpPredicate::ne)
    return nullptr;
  Value equal = call("__eq__");
  if (!equal)
    equal = IsOp::create(builder, loc, cmp.getLhs(), cmp.getRhs());
  if (predicate == CmpPredicate::eq)
    return equal;
  Value one =
      arith::ConstantOp::create(builder, loc, builder.getBoolAttr(true));
  return arith::XOrIOp::create(builder, loc, equal, one);
}

// The table is small on purpose: these are the operations Sema allows on
// a value of a type parameter whose op depends on the type. Anything else
// stays as it is and the verifier reports it.
void roast::legalizeInstantiatedOp(Operation *op, SymbolTable &symbols) {
  OpBuilder builder(op);
  Location loc = op->getLoc();
  auto replace = [&](Value value) {
    op->getResult(0).replaceAllUsesWith(value);
    op->erase();
  };
  if (isa<AddOp, SubOp, MulOp>(op)) {
    Value lhs = op->getOperand(0), rhs = op->getOperand(1);
    Type type = lhs.getType();
    if (isa<FloatType>(type)) {
      if (isa<AddOp>(op))
        return replace(arith::AddFOp::create(builder, loc, lhs, rhs));
      if (isa<SubOp>(op))
        return replace(arith::SubFOp::create(builder, loc, lhs, rhs));
      return replace(arith::MulFOp::create(builder, loc, lhs, rhs));
    }
    if (isa<AddOp>(op) && isa<StrType>(type))
      return replace(StrConcatOp::create(builder, loc, lhs, rhs));
    if (isa<AddOp>(op) && isa<ListType>(type))
      return replace(ListConcatOp::create(builder, loc, lhs, rhs));
    return;
  }
  // str() of a str is the same str, a new reference to it.
  if (auto conversion = dyn_cast<CastOp>(op);
      conversion && conversion.getInput().getType() == conversion.getType()) {
    RetainOp::create(builder, loc, conversion.getInput());
    return replace(conversion.getInput());
  }
  if (auto null = dyn_cast<NullOp>(op)) {
    Type type = null.getType();
    if (!isa<ListType, DictType, SetType, ObjectType, FileType, CallableType>(
            type))
      replace(buildZeroValue(builder, loc, type));
    return;
  }
  if (auto cmp = dyn_cast<CmpOp>(op);
      cmp && isa<TupleType>(cmp.getLhs().getType()))
    return replace(TupleCmpOp::create(builder, loc, cmp.getPredicate(),
                                      cmp.getLhs(), cmp.getRhs()));
  if (auto cmp = dyn_cast<CmpOp>(op);
      cmp && isa<ObjectType>(cmp.getLhs().getType()))
    if (Value result = compareInstances(builder, cmp, symbols))
      return replace(result);
}
