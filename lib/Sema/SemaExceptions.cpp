//===- SemaExceptions.cpp - try, except, raise ----------------------------===//

#include "SemaImpl.h"

using namespace roast;
using namespace roast::ast;
using namespace roast::sema;

ClassInfo *Checker::resolveClassName(Expr &expr) {
  Symbol *sym = lookupQualifiedName(expr, /*report=*/true);
  if (sym && sym->kind == Symbol::Kind::Class)
    return sym->classInfo;
  if (sym || !llvm::isa<NameExpr, AttributeExpr>(expr))
    diags.error(expr.getLoc(), "expected the name of a class");
  return nullptr;
}

/// The nearest class both `a` and `b` derive from.
static ClassInfo *commonBase(ClassInfo *a, ClassInfo *b) {
  for (ClassInfo *c = a; c; c = c->base)
    if (b->type->isSubclassOf(c->type))
      return c;
  return nullptr;
}

void Checker::checkTry(TryStmt &stmt) {
  checkBlock(stmt.body);
  for (ExceptHandler &handler : stmt.handlers) {
    // The type the handler's variable gets: the class caught, or the
    // nearest common base of a tuple of them.
    ClassInfo *caught = nullptr;
    auto addClass = [&](Expr &expr) {
      ClassInfo *info = resolveClassName(expr);
      if (!info)
        return;
      if (!info->isException()) {
        diags.error(expr.getLoc(), "catching classes that do not inherit "
                                   "from BaseException is not allowed");
        return;
      }
      expr.type = info->type;
      caught = caught ? commonBase(caught, info) : info;
    };
    if (!handler.type) {
      caught = builtins.lookup("BaseException")->classInfo;
    } else if (auto *tuple = llvm::dyn_cast<TupleExpr>(handler.type.get())) {
      for (ExprPtr &element : tuple->elts)
        addClass(*element);
    } else {
      addClass(*handler.type);
    }

    // `except E as e` binds e in the clause only (Python deletes it after).
    bool scoped = !handler.name.empty();
    if (scoped) {
      const Type *type = caught ? caught->type : types.getError();
      Symbol *sym = newSymbol(current ? Symbol::Kind::Local
                                      : Symbol::Kind::Global,
                              handler.name, type, handler.loc);
      if (current)
        current->locals.push_back(sym);
      else
        program.globals.push_back(sym);
      handler.symbol = sym;
      comprehensionScopes.emplace_back();
      comprehensionScopes.back()[handler.name] = sym;
    }
    ++handlerDepth;
    checkBlock(handler.body);
    --handlerDepth;
    if (scoped)
      comprehensionScopes.pop_back();
  }
  checkBlock(stmt.orElse);
  checkBlock(stmt.finalBody);
}

void Checker::checkRaise(RaiseStmt &stmt) {
  if (!stmt.exc) {
    if (!handlerDepth)
      unsupported(stmt.getLoc(), "a bare `raise` outside an except clause");
    return;
  }
  if (stmt.cause)
    checkExpr(*stmt.cause);
  // `raise ValueError` raises a new instance of the class.
  if (Symbol *sym = lookupQualifiedName(*stmt.exc, /*report=*/false);
      sym && sym->kind == Symbol::Kind::Class) {
    stmt.exc->type = sym->classInfo->type;
    if (!sym->classInfo->isException())
      diags.error(stmt.exc->getLoc(), "exceptions must derive from "
                                      "BaseException");
    else if (FunctionInfo *init = sym->classInfo->findMethod("__init__");
             init && init->params.size() > 1)
      diags.error(stmt.exc->getLoc(), "raising class '" + sym->name +
                                          "' needs arguments for its "
                                          "__init__; call it");
    return;
  }
  const Type *type = checkExpr(*stmt.exc);
  if (type->isError())
    return;
  auto *cls = llvm::dyn_cast<ClassType>(type);
  if (!cls || !cls->getInfo()->isException())
    diags.error(stmt.exc->getLoc(), "exceptions must derive from "
                                    "BaseException, not " +
                                        type->str());
}
