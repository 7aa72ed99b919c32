//===- SemaModules.cpp - import statements and the built-in modules -------===//
//
// `import m` binds a Module symbol; `m.x` and `from m import x` reach the
// module's members. The built-in modules' functions are built-ins (checked
// and emitted with the other built-ins) and their constants float values;
// a .roast module's members are the symbols of its scope, checked before
// the modules that import it. `from m import g` of a variable copies its
// value into a variable of the importer, as Python binds the name to the
// object g held at import time.
//
//===----------------------------------------------------------------------===//

#include "SemaImpl.h"

#include "Roast/Basic/BuiltinModules.h"

#include <cmath>
#include <limits>

using namespace roast;
using namespace roast::ast;
using namespace roast::sema;

llvm::StringRef Checker::moduleMemberName(CallExpr &call) {
  // math.f(...), or f(...) after `from math import f [as g]`: the member's
  // own name either way.
  if (auto *attr = llvm::dyn_cast<AttributeExpr>(call.callee.get()))
    return attr->attr;
  return llvm::cast<NameExpr>(call.callee.get())->symbol->name;
}

ModuleInfo *Checker::findModule(llvm::StringRef name) const {
  for (ModuleInfo *module : program.modules)
    if (module->name == name && module != currentModule)
      return module;
  return nullptr;
}

void Checker::addModuleFunctions(
    llvm::StringMap<Symbol *> &members,
    llvm::ArrayRef<std::pair<const char *, Builtin>> functions) {
  for (auto [name, builtin] : functions) {
    Symbol *sym = newSymbol(Symbol::Kind::Builtin, name, nullptr, Loc());
    sym->builtin = builtin;
    members[name] = sym;
  }
}

Symbol *Checker::lookupModuleMember(llvm::StringRef module,
                                    llvm::StringRef member) {
  if (module == "random") {
    if (randomMembers.empty())
      addModuleFunctions(randomMembers,
                         {{"seed", Builtin::RandomSeed},
                          {"random", Builtin::RandomRandom},
                          {"uniform", Builtin::RandomUniform},
                          {"getrandbits", Builtin::RandomGetrandbits},
                          {"randrange", Builtin::RandomRandrange},
                          {"randint", Builtin::RandomRandint},
                          {"choice", Builtin::RandomChoice},
                          {"shuffle", Builtin::RandomShuffle}});
    return randomMembers.lookup(member);
  }
  if (module == "time") {
    if (timeMembers.empty())
      addModuleFunctions(timeMembers,
                         {{"perf_counter", Builtin::TimePerfCounter},
                          {"time", Builtin::TimeTime},
                          {"sleep", Builtin::TimeSleep}});
    return timeMembers.lookup(member);
  }
  if (module == "sys") {
    // sys.exit() is a function; sys.argv reads as a list[str] value.
    if (sysMembers.empty()) {
      Symbol *exit = newSymbol(Symbol::Kind::Builtin, "exit", nullptr, Loc());
      exit->builtin = Builtin::SysExit;
      sysMembers["exit"] = exit;
      Symbol *argv = newSymbol(Symbol::Kind::Builtin, "argv",
                               types.getList(types.getStr()), Loc());
      argv->builtin = Builtin::SysArgv;
      sysMembers["argv"] = argv;
      for (auto [name, builtin] : {std::pair{"stdout", Builtin::SysStdout},
                                   std::pair{"stderr", Builtin::SysStderr}}) {
        Symbol *stream =
            newSymbol(Symbol::Kind::Builtin, name, types.getFile(), Loc());
        stream->builtin = builtin;
        sysMembers[name] = stream;
      }
    }
    return sysMembers.lookup(member);
  }
  if (module != "math")
    return nullptr;
  if (mathMembers.empty()) {
    static constexpr std::pair<const char *, Builtin> functions[] = {
        {"sqrt", Builtin::MathSqrt},     {"exp", Builtin::MathExp},
        {"log", Builtin::MathLog},       {"log2", Builtin::MathLog2},
        {"log10", Builtin::MathLog10},   {"pow", Builtin::MathPow},
        {"sin", Builtin::MathSin},       {"cos", Builtin::MathCos},
        {"tan", Builtin::MathTan},       {"asin", Builtin::MathAsin},
        {"acos", Builtin::MathAcos},     {"atan", Builtin::MathAtan},
        {"atan2", Builtin::MathAtan2},   {"hypot", Builtin::MathHypot},
        {"fabs", Builtin::MathFabs},     {"floor", Builtin::MathFloor},
        {"ceil", Builtin::MathCeil},     {"trunc", Builtin::MathTrunc},
        {"isfinite", Builtin::MathIsFinite}, {"isinf", Builtin::MathIsInf},
        {"isnan", Builtin::MathIsNan},   {"gcd", Builtin::MathGcd},
        {"isclose", Builtin::MathIsClose},
        {"isqrt", Builtin::MathIsqrt},   {"factorial", Builtin::MathFactorial}};
    addModuleFunctions(mathMembers, functions);
    const std::pair<const char *, double> constants[] = {
        {"pi", M_PI},
        {"e", M_E},
        {"tau", 2 * M_PI},
        {"inf", std::numeric_limits<double>::infinity()},
        {"nan", std::numeric_limits<double>::quiet_NaN()}};
    for (auto [name, value] : constants) {
      Symbol *sym =
          newSymbol(Symbol::Kind::Constant, name, types.getFloat(), Loc());
      sym->constant = value;
      mathMembers[name] = sym;
    }
  }
  return mathMembers.lookup(member);
}

void Checker::declareImports(Block &block) {
  for (StmtPtr &stmt : block) {
    if (auto *import = llvm::dyn_cast<ImportStmt>(stmt.get()))
      checkImport(*import);
    forEachChildBlock(*stmt, [&](const Block &child) {
      declareImports(const_cast<Block &>(child));
    });
  }
}

void Checker::checkImport(ImportStmt &stmt) {
  auto bind = [&](const ImportStmt::Name &name, Symbol *sym) {
    Symbol *&slot = moduleScope()[name.boundName()];
    if (slot && slot != sym && slot->kind != Symbol::Kind::Module &&
        slot->kind != Symbol::Kind::Builtin &&
        slot->kind != Symbol::Kind::Constant) {
      diags.error(name.loc, "'" + name.boundName() +
                                "' is already defined in this module; "
                                "binding it by import too is not supported");
      diags.note(slot->loc, "previous definition is here");
      return;
    }
    slot = sym;
  };
  if (stmt.from.empty()) {
    for (const ImportStmt::Name &name : stmt.names) {
      ModuleInfo *module = findModule(name.name);
      if (!module && !isBuiltinModuleName(name.name)) {
        // The loader found every module; only a `typing`-like name the
        // compiler knows but cannot import as a value gets here.
        diags.error(name.loc, "No module named '" + name.name + "'");
        continue;
      }
      if (module)
        stmt.modules.push_back(module);
      Symbol *sym =
          newSymbol(Symbol::Kind::Module, name.name, nullptr, name.loc);
      sym->module = module;
      bind(name, sym);
    }
    return;
  }
  if (stmt.from == "typing") {
    // Annotation names only: `Optional[T]` and friends are understood
    // where annotations are read, so importing them binds nothing.
    static constexpr llvm::StringLiteral known[] = {
        "Optional", "List", "Dict", "Set", "Tuple", "Callable", "Any"};
    for (const ImportStmt::Name &name : stmt.names)
      if (!llvm::is_contained(known, name.name) || !name.asName.empty())
        unsupported(name.loc, "typing." + name.name);
    return;
  }
  ModuleInfo *module = findModule(stmt.from);
  if (!module && !isBuiltinModuleName(stmt.from)) {
    diags.error(stmt.getLoc(), "No module named '" + stmt.from + "'");
    return;
  }
  if (module)
    stmt.modules.push_back(module);
  for (ImportStmt::Name &name : stmt.names) {
    Symbol *member = module ? module->scope.lookup(name.name)
                            : lookupModuleMember(stmt.from, name.name);
    if (!member) {
      diags.error(name.loc, "cannot import name '" + name.name + "' from '" +
                                stmt.from + "'");
      continue;
    }
    if (member->kind == Symbol::Kind::Global) {
      if (!member->type) {
        diags.error(name.loc, "cannot import name '" + name.name +
                                  "' from '" + stmt.from +
                                  "': it is never assigned there");
        continue;
      }
      name.source = member;
      name.copy = newSymbol(Symbol::Kind::Global, name.boundName(),
                            member->type, name.loc);
      program.globals.push_back(name.copy);
      member = name.copy;
    }
    bind(name, member);
  }
}

Symbol *Checker::resolveModuleAttribute(AttributeExpr &attr) {
  auto *base = llvm::dyn_cast<NameExpr>(attr.value.get());
  Symbol *module = base ? lookupName(*base, /*report=*/false) : nullptr;
  if (!module || module->kind != Symbol::Kind::Module)
    return nullptr;
  base->symbol = module;
  attr.member = module->module ? module->module->scope.lookup(attr.attr)
                               : lookupModuleMember(module->name, attr.attr);
  if (!attr.member)
    diags.error(attr.getLoc(), "module '" + module->name +
                                   "' has no attribute '" + attr.attr + "'");
  return module;
}

Symbol *Checker::lookupQualifiedName(Expr &expr, bool report) {
  if (auto *name = llvm::dyn_cast<NameExpr>(&expr)) {
    Symbol *sym = lookupName(*name, report);
    name->symbol = sym;
    return sym;
  }
  if (auto *attr = llvm::dyn_cast<AttributeExpr>(&expr))
    if (resolveModuleAttribute(*attr))
      return attr->member;
  return nullptr;
}

/// sys.exit([status]): the status is an int (CPython also takes a message
/// or None, which come with exceptions).
const Type *Checker::checkSysExit(CallExpr &call) {
  if (!checkArgCount(call, "sys.exit", 0, 1))
    return types.getError();
  if (!call.args.empty()) {
    const Type *type = checkExpr(*call.args[0]);
    if (!type->isInt() && !type->isBool() && !type->isError()) {
      unsupported(call.args[0]->getLoc(),
                  "sys.exit() statuses of type " + type->str());
      return types.getError();
    }
  }
  return types.getNone();
}

/// time.perf_counter(), time.time(): floats; time.sleep(seconds).
const Type *Checker::checkTimeCall(CallExpr &call, Builtin builtin,
                                   llvm::StringRef name) {
  bool sleep = builtin == Builtin::TimeSleep;
  if (!checkArgCount(call, ("time." + name).str(), sleep, sleep))
    return types.getError();
  if (sleep) {
    const Type *type = checkExpr(*call.args[0]);
    if (!type->isNumeric() && !type->isError()) {
      diags.error(call.args[0]->getLoc(), "'" + type->str() +
                                              "' object cannot be interpreted "
                                              "as an integer or float");
      return types.getError();
    }
    return types.getNone();
  }
  return types.getFloat();
}

/// The random module: ints where CPython wants an index (randrange rejects
/// floats since 3.12), numbers for uniform, a list for choice and shuffle.
const Type *Checker::checkRandomCall(CallExpr &call, Builtin builtin,
                                     llvm::StringRef name) {
  size_t min = 1, max = 1;
  const Type *result = types.getInt();
  switch (builtin) {
  case Builtin::RandomSeed:
    min = 0;
    result = types.getNone();
    break;
  case Builtin::RandomRandom:
    min = max = 0;
    result = types.getFloat();
    break;
  case Builtin::RandomUniform:
    min = max = 2;
    result = types.getFloat();
    break;
  case Builtin::RandomRandint:
    min = max = 2;
    break;
  case Builtin::RandomRandrange:
    max = 3;
    break;
  case Builtin::RandomShuffle:
    result = types.getNone();
    break;
  default:
    break;
  }
  std::string qualified = ("random." + name).str();
  if (!checkArgCount(call, qualified, min, max))
    return types.getError();
  bool ok = true;
  for (ExprPtr &arg : call.args) {
    const Type *type = checkExpr(*arg);
    if (type->isError()) {
      ok = false;
      continue;
    }
    std::string error;
    switch (builtin) {
    case Builtin::RandomSeed:
      if (type->isFloat() || type->isStr()) {
        unsupported(arg->getLoc(),
                    "random.seed() seeds of type " + type->str());
        ok = false;
      } else if (!type->isInt() && !type->isBool() && !type->isNone()) {
        error = "The only supported seed types are: None, int, float, str, "
                "bytes, and bytearray.";
      }
      break;
    case Builtin::RandomUniform:
      if (!type->isNumeric())
        error = "must be real number, not " + type->str();
      break;
    case Builtin::RandomChoice:
    case Builtin::RandomShuffle:
      if (auto *list = llvm::dyn_cast<ListType>(type)) {
        if (builtin == Builtin::RandomChoice)
          result = list->getElement();
      } else if (type->isNumeric() || type->isNone()) {
        error = "object of type '" + type->str() + "' has no len()";
      } else {
        unsupported(arg->getLoc(),
                    qualified + "() arguments of type " + type->str());
        ok = false;
      }
      break;
    default: // getrandbits, randint, randrange
      if (!type->isInt() && !type->isBool())
        error = "'" + type->str() +
                "' object cannot be interpreted as an integer";
      break;
    }
    if (!error.empty()) {
      diags.error(arg->getLoc(), error);
      ok = false;
    }
  }
  return ok ? result : types.getError();
}

/// The math functions: float arguments (ints and bools convert), except
/// gcd, isqrt and factorial, which take ints.
const Type *Checker::checkMathCall(CallExpr &call, Builtin builtin,
                                   llvm::StringRef name) {
  size_t min = 1, max = 1;
  bool intArgs = false;
  const Type *result = types.getFloat();
  switch (builtin) {
  case Builtin::MathLog:
    max = 2; // log(x[, base])
    break;
  case Builtin::MathPow:
  case Builtin::MathAtan2:
  case Builtin::MathHypot:
    min = max = 2;
    break;
  case Builtin::MathFloor:
  case Builtin::MathCeil:
  case Builtin::MathTrunc:
    result = types.getInt();
    break;
  case Builtin::MathIsFinite:
  case Builtin::MathIsInf:
  case Builtin::MathIsNan:
    result = types.getBool();
    break;
  case Builtin::MathGcd:
    min = max = 2;
    intArgs = true;
    result = types.getInt();
    break;
  case Builtin::MathIsqrt:
  case Builtin::MathFactorial:
    intArgs = true;
    result = types.getInt();
    break;
  default:
    break;
  }
  std::string qualified = ("math." + name).str();
  if (builtin == Builtin::MathIsClose) {
    // isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)
    min = max = 2;
    result = types.getBool();
    for (Keyword &keyword : call.keywords) {
      const Type *type = checkExpr(*keyword.value);
      if (keyword.name != "rel_tol" && keyword.name != "abs_tol")
        diags.error(keyword.loc, "isclose() got an unexpected keyword "
                                 "argument '" + keyword.name + "'");
      else if (!type->isNumeric() && !type->isError())
        diags.error(keyword.value->getLoc(),
                    "must be real number, not " + type->str());
    }
    std::vector<Keyword> keywords = std::move(call.keywords);
    call.keywords.clear();
    bool counted = checkArgCount(call, qualified, min, max);
    call.keywords = std::move(keywords);
    if (!counted)
      return types.getError();
  } else if (!checkArgCount(call, qualified, min, max)) {
    return types.getError();
  }
  bool ok = true;
  for (ExprPtr &arg : call.args) {
    const Type *type = checkExpr(*arg);
    if (type->isError()) {
      ok = false;
    } else if (type->isAny()) {
      // converted, checked, at run time
    } else if (intArgs && !type->isInt() && !type->isBool()) {
      diags.error(arg->getLoc(), "'" + type->str() +
                                     "' object cannot be interpreted as an "
                                     "integer");
      ok = false;
    } else if (!type->isNumeric()) {
      diags.error(arg->getLoc(), "must be real number, not " + type->str());
      ok = false;
    }
  }
  return ok ? result : types.getError();
}
