//===- SemaDynamic.cpp - Operations on dynamic values ---------------------===//
//
// Gradual typing (docs/rationale/dynamic-values.md): an unannotated value
// is `Any`, and what is done to it is checked at run time. Sema accepts
// any operands there and types the result `Any`; the checks of the typed
// world apply again wherever a dynamic value meets a declared type.
//
//===----------------------------------------------------------------------===//

#include "SemaImpl.h"

using namespace roast;
using namespace roast::ast;
using namespace roast::sema;

const Type *Checker::checkDynamicCall(CallExpr &call) {
  call.dynamic = true;
  for (ExprPtr &arg : call.args)
    checkExpr(*arg);
  for (Keyword &keyword : call.keywords) {
    checkExpr(*keyword.value);
    unsupported(keyword.loc, "keyword arguments in calls of dynamic values");
  }
  return types.getAny();
}

void Checker::checkDynamicIndex(Expr &index) {
  auto *slice = llvm::dyn_cast<SliceExpr>(&index);
  if (!slice) {
    checkExpr(index);
    return;
  }
  for (ExprPtr *bound : {&slice->lower, &slice->upper, &slice->step})
    if (*bound)
      checkExpr(**bound);
}

int sema::builtinValueIndex(Builtin builtin) {
  switch (builtin) {
  case Builtin::Abs: return 0;
  case Builtin::Len: return 1;
  case Builtin::Str: return 2;
  case Builtin::Repr: return 3;
  case Builtin::Int: return 4;
  case Builtin::Float: return 5;
  case Builtin::Bool: return 6;
  case Builtin::List: return 7;
  case Builtin::Set: return 9;
  case Builtin::Dict: return 10;
  case Builtin::Sorted: return 11;
  case Builtin::Min: return 12;
  case Builtin::Max: return 13;
  case Builtin::Sum: return 14;
  case Builtin::Ord: return 15;
  case Builtin::Chr: return 16;
  case Builtin::Hash: return 17;
  case Builtin::Round: return 19;
  default: return -1;
  }
}
