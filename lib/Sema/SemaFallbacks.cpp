//===- SemaFallbacks.cpp - Dynamic copies of typed functions --------------===//
//
// CPython ignores annotations: `double("x")` of a `def double(n: int)`
// returns "xx". Roast keeps the typed function for the calls whose
// arguments hold its parameters' types, and gives a plain function called
// with dynamic arguments a second copy with no parameter or return
// annotation, which the call runs when an argument holds another type
// (docs/rationale/dynamic-values.md, "Typed functions called with dynamic
// values").
//
//===----------------------------------------------------------------------===//

#include "SemaImpl.h"

using namespace roast;
using namespace roast::ast;
using namespace roast::sema;

/// Whether a run-time test can tell if a dynamic value is acceptable for a
/// parameter of this type, without converting it (unlike a list[int]).
static bool hasRuntimeTest(const Type *type) {
  if (type->isInt() || type->isFloat() || type->isBool() || type->isStr() ||
      type->isNone())
    return true;
  auto *cls = llvm::dyn_cast<ClassType>(type);
  return cls && cls->getTypeArgs().empty();
}

bool Checker::noteFallbackCall(CallExpr &call, FunctionInfo &callee,
                               llvm::ArrayRef<Expr *> bound,
                               llvm::ArrayRef<const Type *> paramTypes) {
  if (callee.owner || callee.enclosing || !callee.typeParams.empty() ||
      !callee.def->decorators.empty() || callee.isFallback)
    return false;
  bool dynamicMeetsTyped = false;
  for (auto [arg, type] : llvm::zip(bound, paramTypes)) {
    if (!arg || !arg->type->isAny() || type->isAny())
      continue;
    if (!hasRuntimeTest(type))
      return false; // checked by the unbox, as before
    dynamicMeetsTyped = true;
  }
  if (!dynamicMeetsTyped)
    return false;
  call.mayFallBack = true;
  if (!callee.fallbackRequested) {
    callee.fallbackRequested = true;
    pendingFallbacks.push_back(&callee);
  }
  return true;
}

/// The top-level `def` in a second parse of a module that is `original`.
static StmtPtr takeDef(Module &module, const FunctionDefStmt &original) {
  for (StmtPtr &stmt : module.body) {
    auto *def = llvm::dyn_cast<FunctionDefStmt>(stmt.get());
    if (def && def->name == original.name &&
        def->getLoc().getPointer() == original.getLoc().getPointer())
      return std::move(stmt);
  }
  return nullptr;
}

void Checker::makeFallbacks() {
  // A fallback's body may call other typed functions with its dynamic
  // values, which asks for their fallbacks in turn.
  while (!pendingFallbacks.empty()) {
    FunctionInfo &typed = *pendingFallbacks.pop_back_val();
    makeFallback(typed);
  }
}

void Checker::makeFallback(FunctionInfo &typed) {
  ModuleInfo &module = *typed.symbol->owner;
  if (!module.pristine && module.ast->reparse)
    module.pristine = module.ast->reparse();
  StmtPtr stmt = module.pristine ? takeDef(*module.pristine, *typed.def)
                                 : nullptr;
  if (!stmt)
    return;
  auto &def = llvm::cast<FunctionDefStmt>(*stmt);
  // Defaults computed when the `def` runs live with the typed function.
  if (llvm::any_of(def.params, [](const Param &param) {
        return param.defaultValue && !isConstantDefault(*param.defaultValue);
      }))
    return;
  program.fallbackDefs.push_back(std::move(stmt));
  for (Param &param : def.params)
    param.annotation.reset();
  def.returns.reset();

  // Code a dynamic body cannot run yet (an operation Sema does not support
  // on dynamic values) leaves the call checking its arguments instead.
  unsigned errorsBefore = diags.getNumErrors();
  size_t functionsBefore = program.functions.size();
  ModuleInfo *outerModule = currentModule;
  FunctionInfo *outerFunction = current;
  currentModule = &module;
  current = nullptr;
  FunctionInfo &info = makeFunction(def, nullptr, nullptr);
  info.isFallback = true;
  checkFunctionBody(info);
  currentModule = outerModule;
  current = outerFunction;
  if (diags.getNumErrors() != errorsBefore) {
    diags.discardErrorsSince(errorsBefore);
    program.functions.resize(functionsBefore);
    return;
  }
  typed.fallback = &info;
}
