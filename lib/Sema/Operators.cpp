//===- Operators.cpp - Operators implemented by methods -------------------===//
//
// Which method implements an operator on class instances. Sema checks with
// these and CodeGen emits the calls they name, so both agree.
//
//===----------------------------------------------------------------------===//

#include "Roast/Sema/Sema.h"

using namespace roast;
using namespace roast::ast;
using namespace roast::sema;

/// Whether a parameter of type `param` takes an argument of type `arg`
/// (the same type, a subclass instance, or int where float is wanted).
static bool accepts(const Type *param, const Type *arg) {
  if (param == arg || param->isAny() || arg->isAny())
    return true; // a dynamic parameter takes anything, checked at run time
  if (auto *to = llvm::dyn_cast<ClassType>(param))
    if (auto *from = llvm::dyn_cast<ClassType>(arg))
      return from->isSubclassOf(to);
  return param->isFloat() && (arg->isInt() || arg->isBool());
}

FunctionInfo *sema::findDunder(const Type *type, llvm::StringRef name,
                               size_t arity) {
  auto *cls = llvm::dyn_cast<ClassType>(type);
  if (!cls)
    return nullptr;
  FunctionInfo *method = cls->getInfo()->findMethod(name);
  if (!method || method->methodKind != FunctionInfo::MethodKind::Instance ||
      method->params.size() != arity + 1)
    return nullptr;
  return method;
}

IteratorMethods sema::findIterator(const Type *type) {
  FunctionInfo *iter = findDunder(type, "__iter__", 0);
  if (!iter)
    return {};
  FunctionInfo *next = findDunder(iter->type->getResult(), "__next__", 0);
  // The element type of a generic class's iterator would need the
  // instance's type arguments (not supported yet: reportNotIterable).
  if (!next || !iter->genericParams().empty() || !next->genericParams().empty())
    return {};
  return {iter, next};
}

/// `lhs.<name>(rhs)`, else `rhs.<reflected>(lhs)`.
static OperatorCall findPair(const Type *lhs, const Type *rhs,
                             llvm::StringRef name, llvm::StringRef reflected) {
  if (FunctionInfo *method = findDunder(lhs, name, 1);
      method && accepts(method->type->getParams()[1], rhs))
    return {method, false};
  if (reflected.empty())
    return {};
  if (FunctionInfo *method = findDunder(rhs, reflected, 1);
      method && accepts(method->type->getParams()[1], lhs))
    return {method, true};
  return {};
}

OperatorCall sema::findBinaryOperator(BinaryOp op, const Type *lhs,
                                      const Type *rhs) {
  switch (op) {
  case BinaryOp::Add: return findPair(lhs, rhs, "__add__", "__radd__");
  case BinaryOp::Sub: return findPair(lhs, rhs, "__sub__", "__rsub__");
  case BinaryOp::Mul: return findPair(lhs, rhs, "__mul__", "__rmul__");
  case BinaryOp::Div: return findPair(lhs, rhs, "__truediv__", "__rtruediv__");
  case BinaryOp::FloorDiv:
    return findPair(lhs, rhs, "__floordiv__", "__rfloordiv__");
  case BinaryOp::Mod: return findPair(lhs, rhs, "__mod__", "__rmod__");
  case BinaryOp::Pow: return findPair(lhs, rhs, "__pow__", "__rpow__");
  case BinaryOp::BitAnd: return findPair(lhs, rhs, "__and__", "__rand__");
  case BinaryOp::BitOr: return findPair(lhs, rhs, "__or__", "__ror__");
  case BinaryOp::BitXor: return findPair(lhs, rhs, "__xor__", "__rxor__");
  case BinaryOp::LShift: return findPair(lhs, rhs, "__lshift__", "__rlshift__");
  case BinaryOp::RShift: return findPair(lhs, rhs, "__rshift__", "__rrshift__");
  default: return {};
  }
}

/// The in-place method of `op=` (`__iadd__` for +=).
static llvm::StringRef inPlaceName(BinaryOp op) {
  switch (op) {
  case BinaryOp::Add: return "__iadd__";
  case BinaryOp::Sub: return "__isub__";
  case BinaryOp::Mul: return "__imul__";
  case BinaryOp::Div: return "__itruediv__";
  case BinaryOp::FloorDiv: return "__ifloordiv__";
  case BinaryOp::Mod: return "__imod__";
  case BinaryOp::Pow: return "__ipow__";
  case BinaryOp::BitAnd: return "__iand__";
  case BinaryOp::BitOr: return "__ior__";
  case BinaryOp::BitXor: return "__ixor__";
  case BinaryOp::LShift: return "__ilshift__";
  case BinaryOp::RShift: return "__irshift__";
  default: return "";
  }
}

OperatorCall sema::findAugmentedOperator(BinaryOp op, const Type *lhs,
                                         const Type *rhs) {
  if (llvm::StringRef name = inPlaceName(op); !name.empty())
    if (OperatorCall call = findPair(lhs, rhs, name, ""); call.method)
      return call;
  return findBinaryOperator(op, lhs, rhs);
}

OperatorCall sema::findCompareOperator(CmpOp op, const Type *lhs,
                                       const Type *rhs) {
  switch (op) {
  case CmpOp::Lt: return findPair(lhs, rhs, "__lt__", "__gt__");
  case CmpOp::LtE: return findPair(lhs, rhs, "__le__", "__ge__");
  case CmpOp::Gt: return findPair(lhs, rhs, "__gt__", "__lt__");
  case CmpOp::GtE: return findPair(lhs, rhs, "__ge__", "__le__");
  default: return {};
  }
}
