//===- SemaDynamic.cpp - Operations on dynamic values ---------------------===//
//
// Gradual typing (docs/rationale/dynamic-values.md): an unannotated value
// is `Any`, and what is done to it is checked at run time. Sema accepts
// any operands there and types the result `Any`; the checks of the typed
// world apply again wherever a dynamic value meets a declared type.
//
//===----------------------------------------------------------------------===//

#include "SemaImpl.h"

#include "llvm/ADT/StringSet.h"

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

namespace {
/// Which variables of a function hold dynamic values, worked out before its
/// body is checked: a variable first given `0` and then `acc + item` with a
/// dynamic item must be dynamic from the start, or code read before the
/// second assignment (a loop's `acc + item`) would be typed `int`.
class DynamicFlow {
public:
  DynamicFlow(llvm::function_ref<bool(llvm::StringRef)> isDynamicName)
      : isDynamicName(isDynamicName) {}

  /// Marks the targets of assignments of dynamic values in `block` until
  /// nothing changes; returns the names marked.
  const llvm::StringSet<> &run(const Block &block) {
    do {
      changed = false;
      walk(block);
    } while (changed);
    return dynamic;
  }

private:
  bool isDynamic(const Expr &expr) {
    switch (expr.getKind()) {
    case Expr::Kind::Name: {
      auto &name = llvm::cast<NameExpr>(expr);
      return dynamic.contains(name.name) || isDynamicName(name.name);
    }
    case Expr::Kind::Compare:
      return false; // a bool
    case Expr::Kind::Unary:
      return llvm::cast<UnaryExpr>(expr).op != UnaryOp::Not &&
             isDynamic(*llvm::cast<UnaryExpr>(expr).operand);
    case Expr::Kind::Lambda:
      return false;
    case Expr::Kind::Call: {
      auto &call = llvm::cast<CallExpr>(expr);
      if (auto *name = llvm::dyn_cast<NameExpr>(call.callee.get())) {
        // Built-ins of a known result type stay typed: len(x), str(x)...
        if (llvm::is_contained({"len", "str", "repr", "int", "float", "bool",
                                "isinstance", "ord", "chr", "hash", "input",
                                "print", "range"},
                               name->name))
          return false;
        if (isDynamicName(name->name) || dynamic.contains(name->name))
          return true; // a dynamic callee, or a function returning Any
      } else if (auto *attr = llvm::dyn_cast<AttributeExpr>(call.callee.get())) {
        return isDynamic(*attr->value);
      }
      break;
    }
    default:
      break;
    }
    bool any = false;
    forEachChildExpr(expr, [&](const Expr &child) { any |= isDynamic(child); });
    return any;
  }

  void mark(const Expr &target) {
    if (auto *name = llvm::dyn_cast<NameExpr>(&target)) {
      changed |= dynamic.insert(name->name).second;
    } else if (auto *tuple = llvm::dyn_cast<TupleExpr>(&target)) {
      for (const ExprPtr &element : tuple->elts)
        mark(*element);
    }
  }

  void walk(const Block &block) {
    for (const StmtPtr &stmt : block) {
      if (auto *assign = llvm::dyn_cast<AssignStmt>(stmt.get())) {
        if (isDynamic(*assign->value))
          for (const ExprPtr &target : assign->targets)
            mark(*target);
      } else if (auto *aug = llvm::dyn_cast<AugAssignStmt>(stmt.get())) {
        if (isDynamic(*aug->value))
          mark(*aug->target);
      } else if (auto *loop = llvm::dyn_cast<ForStmt>(stmt.get())) {
        if (isDynamic(*loop->iter))
          mark(*loop->target);
      }
      forEachChildBlock(*stmt, [&](const Block &child) { walk(child); });
    }
  }

  llvm::function_ref<bool(llvm::StringRef)> isDynamicName;
  llvm::StringSet<> dynamic;
  bool changed = false;
};
} // namespace

void Checker::markDynamicLocals(FunctionInfo &info) {
  llvm::StringMap<Symbol *> &scope = info.scope;
  auto isDynamicName = [&](llvm::StringRef name) {
    Symbol *sym = scope.lookup(name);
    if (!sym)
      sym = moduleScope().lookup(name);
    if (!sym)
      return false;
    if (sym->kind == Symbol::Kind::Function)
      return sym->function->type->getResult()->isAny();
    return sym->type && sym->type->isAny();
  };
  DynamicFlow flow(isDynamicName);
  for (const auto &entry : flow.run(info.def->body))
    if (Symbol *local = scope.lookup(entry.getKey());
        local && local->kind == Symbol::Kind::Local && !local->isParam &&
        !local->type && local->assignments > 1)
      local->type = types.getAny();
}
