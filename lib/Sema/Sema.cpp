//===- Sema.cpp - Scopes, statements and the checking driver --------------===//
//
// Python's scoping: a name assigned anywhere in a function (and not declared
// `global`) is local to the whole function; names assigned at module level
// are globals. A local's type is fixed by its annotation or its first
// assignment in source order.
//
//===----------------------------------------------------------------------===//

#include "SemaImpl.h"

#include "llvm/ADT/SmallSet.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Support/raw_ostream.h"

#include <functional>

using namespace roast;
using namespace roast::ast;
using namespace roast::sema;

Checker::Checker(Program &program, DiagEngine &diags)
    : program(program), diags(diags), types(program.types) {
  static constexpr std::pair<const char *, Builtin> builtinNames[] = {
      {"print", Builtin::Print}, {"range", Builtin::Range},
      {"abs", Builtin::Abs},     {"min", Builtin::Min},
      {"max", Builtin::Max},     {"int", Builtin::Int},
      {"float", Builtin::Float}, {"bool", Builtin::Bool},
      {"pow", Builtin::Pow},     {"divmod", Builtin::DivMod},
      {"len", Builtin::Len},     {"str", Builtin::Str},
      {"repr", Builtin::Repr},   {"ord", Builtin::Ord},
      {"chr", Builtin::Chr},     {"sum", Builtin::Sum},
      {"sorted", Builtin::Sorted}, {"any", Builtin::Any},
      {"all", Builtin::All},     {"round", Builtin::Round},
      {"enumerate", Builtin::Enumerate}, {"zip", Builtin::Zip},
      {"reversed", Builtin::Reversed}, {"list", Builtin::List},
      {"set", Builtin::Set},     {"dict", Builtin::Dict},
      {"hash", Builtin::Hash},   {"isinstance", Builtin::IsInstance},
      {"super", Builtin::Super}, {"input", Builtin::Input},
      {"open", Builtin::Open},   {"map", Builtin::Map},
      {"filter", Builtin::Filter}};
  for (auto [name, builtin] : builtinNames) {
    Symbol *sym = newSymbol(Symbol::Kind::Builtin, name, nullptr, Loc());
    sym->builtin = builtin;
    builtins[name] = sym;
  }
}

Symbol *Checker::newSymbol(Symbol::Kind kind, llvm::StringRef name,
                           const Type *type, Loc loc) {
  Symbol &sym = program.symbolStorage.emplace_back();
  sym.kind = kind;
  sym.name = name.str();
  sym.type = type;
  sym.loc = loc;
  sym.owner = currentModule;
  if (kind == Symbol::Kind::Local)
    sym.definedIn = current;
  return &sym;
}

void Checker::unsupported(Loc loc, const llvm::Twine &what) {
  diags.error(loc, what + " are not supported yet");
}

//===----------------------------------------------------------------------===//
// Annotations
//===----------------------------------------------------------------------===//

const Type *Checker::resolveAnnotation(Expr *annotation) {
  if (auto *name = llvm::dyn_cast<NameExpr>(annotation)) {
    if (name->name == "int")
      return types.getInt();
    if (name->name == "float")
      return types.getFloat();
    if (name->name == "bool")
      return types.getBool();
    if (name->name == "str")
      return types.getStr();
    if (const TypeParamType *param = lookupTypeParam(name->name))
      return param;
    if (Symbol *sym = lookupName(*name, /*report=*/false);
        sym && sym->kind == Symbol::Kind::Class) {
      name->symbol = sym;
      return classAnnotation(*sym->classInfo, nullptr, *annotation);
    }
    if (name->name == "Any")
      return types.getAny();
    // Bare containers hold dynamic values: `list` is `list[Any]`.
    if (name->name == "list" || name->name == "List")
      return types.getList(types.getAny());
    if (name->name == "set" || name->name == "Set")
      return types.getSet(types.getAny());
    if (name->name == "dict" || name->name == "Dict")
      return types.getDict(types.getAny(), types.getAny());
    if (name->name == "tuple" || name->name == "Tuple" ||
        name->name == "object")
      return types.getAny();
    diags.error(annotation->getLoc(), "unknown type '" + name->name + "'");
    return types.getError();
  }
  if (auto *attr = llvm::dyn_cast<AttributeExpr>(annotation)) {
    // A class of another module: m.C.
    Symbol *sym = lookupQualifiedName(*attr, /*report=*/false);
    if (sym && sym->kind == Symbol::Kind::Class)
      return classAnnotation(*sym->classInfo, nullptr, *annotation);
    if (sym || !attr->member)
      diags.error(annotation->getLoc(), "unknown type '" + attr->attr + "'");
    return types.getError();
  }
  if (llvm::isa<NoneLitExpr>(annotation))
    return types.getNone();
  if (auto *sub = llvm::dyn_cast<SubscriptExpr>(annotation)) {
    // A generic class: Stack[int], m.Pair[str, int].
    if (llvm::isa<NameExpr, AttributeExpr>(sub->value.get()))
      if (Symbol *sym = lookupQualifiedName(*sub->value, /*report=*/false);
          sym && sym->kind == Symbol::Kind::Class)
        return classAnnotation(*sym->classInfo, sub->index.get(), *annotation);
    auto *base = llvm::dyn_cast<NameExpr>(sub->value.get());
    // typing's List[int] is list[int], and so on.
    std::string baseName = base ? base->name : "";
    if (baseName == "List" || baseName == "Dict" || baseName == "Set" ||
        baseName == "Tuple")
      baseName = llvm::StringRef(baseName).lower();
    if (baseName == "list") {
      const Type *element = resolveAnnotation(sub->index.get());
      if (element->isError() || !checkListElement(element, sub->getLoc()))
        return types.getError();
      return types.getList(element);
    }
    if (baseName == "set") {
      const Type *element = resolveAnnotation(sub->index.get());
      if (element->isError() || !checkHashable(element, sub->getLoc()))
        return types.getError();
      return types.getSet(element);
    }
    if (baseName == "dict") {
      auto *args = llvm::dyn_cast<TupleExpr>(sub->index.get());
      if (!args || args->elts.size() != 2) {
        diags.error(sub->index->getLoc(),
                    "dict[...] takes two types, dict[K, V]");
        return types.getError();
      }
      const Type *key = resolveAnnotation(args->elts[0].get());
      const Type *value = resolveAnnotation(args->elts[1].get());
      if (key->isError() || value->isError() ||
          !checkHashable(key, args->elts[0]->getLoc()) ||
          !checkSlotType(value, args->elts[1]->getLoc()))
        return types.getError();
      return types.getDict(key, value);
    }
    if (baseName == "Callable")
      return resolveCallable(*sub);
    if (baseName == "Optional")
      return optionalOf(resolveAnnotation(sub->index.get()),
                        annotation->getLoc());
    if (baseName == "tuple") {
      std::vector<const Type *> elements;
      if (auto *list = llvm::dyn_cast<TupleExpr>(sub->index.get())) {
        for (ExprPtr &element : list->elts)
          elements.push_back(resolveAnnotation(element.get()));
      } else {
        elements.push_back(resolveAnnotation(sub->index.get()));
      }
      for (const Type *element : elements)
        if (element->isError())
          return element;
      return types.getTuple(elements);
    }
  }
  if (auto *text = llvm::dyn_cast<StrLitExpr>(annotation)) {
    // A forward reference to a class: "Account".
    auto it = moduleScope().find(text->value);
    if (it != moduleScope().end() && it->second->kind == Symbol::Kind::Class)
      return classAnnotation(*it->second->classInfo, nullptr, *annotation);
    diags.error(annotation->getLoc(),
                "string annotations other than class names are not "
                "supported");
    return types.getError();
  }
  if (auto *binary = llvm::dyn_cast<BinaryExpr>(annotation);
      binary && binary->op == BinaryOp::BitOr) {
    bool leftNone = llvm::isa<NoneLitExpr>(binary->lhs.get());
    bool rightNone = llvm::isa<NoneLitExpr>(binary->rhs.get());
    if (leftNone != rightNone)
      return optionalOf(
          resolveAnnotation((leftNone ? binary->rhs : binary->lhs).get()),
          annotation->getLoc());
    diags.error(annotation->getLoc(),
                "union types other than `T | None` are not supported");
    return types.getError();
  }
  diags.error(annotation->getLoc(),
              "this type is not supported yet (supported: int, float, bool, "
              "str, None, tuple[...], list[T], dict[K, V], set[T])");
  return types.getError();
}

const Type *Checker::classAnnotation(ClassInfo &info, Expr *args,
                                     Expr &annotation) {
  size_t expected = info.typeParams.size();
  if (!args && expected) {
    diags.error(annotation.getLoc(), "generic class '" + info.name +
                                         "' needs type arguments (" +
                                         info.name + "[...])");
    return types.getError();
  }
  if (!args)
    return info.type;
  std::vector<Expr *> exprs;
  if (auto *tuple = llvm::dyn_cast<TupleExpr>(args))
    for (ExprPtr &element : tuple->elts)
      exprs.push_back(element.get());
  else
    exprs.push_back(args);
  if (!expected) {
    diags.error(annotation.getLoc(),
                "class '" + info.name + "' is not generic");
    return types.getError();
  }
  if (exprs.size() != expected) {
    diags.error(args->getLoc(), "generic class '" + info.name + "' takes " +
                                    llvm::Twine(expected) + " type argument" +
                                    (expected == 1 ? "" : "s") + ", not " +
                                    llvm::Twine(exprs.size()));
    return types.getError();
  }
  std::vector<const Type *> typeArgs;
  for (Expr *expr : exprs) {
    const Type *arg = resolveAnnotation(expr);
    if (arg->isError())
      return arg;
    typeArgs.push_back(arg);
  }
  return types.getClass(&info, typeArgs);
}

//===----------------------------------------------------------------------===//
// Module and functions
//===----------------------------------------------------------------------===//

/// Adds every name `block` assigns to `names`, in order of appearance,
/// without entering nested function bodies.
static void collectAssignedNames(const Block &block,
                                 llvm::SmallVectorImpl<NameExpr *> &names) {
  std::function<void(Expr *)> addTarget = [&](Expr *target) {
    if (auto *name = llvm::dyn_cast<NameExpr>(target))
      names.push_back(name);
    else if (auto *tuple = llvm::dyn_cast<TupleExpr>(target))
      for (ExprPtr &element : tuple->elts)
        addTarget(element.get());
  };
  for (const StmtPtr &stmt : block) {
    if (auto *assign = llvm::dyn_cast<AssignStmt>(stmt.get())) {
      for (ExprPtr &target : assign->targets)
        addTarget(target.get());
    } else if (auto *ann = llvm::dyn_cast<AnnAssignStmt>(stmt.get())) {
      addTarget(ann->target.get());
    } else if (auto *aug = llvm::dyn_cast<AugAssignStmt>(stmt.get())) {
      addTarget(aug->target.get());
    } else if (auto *forStmt = llvm::dyn_cast<ForStmt>(stmt.get())) {
      addTarget(forStmt->target.get());
    } else if (auto *with = llvm::dyn_cast<WithStmt>(stmt.get())) {
      for (WithItem &item : with->items)
        if (item.target)
          addTarget(item.target.get());
    }
    forEachChildBlock(*stmt, [&](const Block &child) {
      collectAssignedNames(child, names);
    });
  }
}

void Checker::forgetNarrowingsAssignedIn(const Block &block) {
  llvm::SmallVector<NameExpr *> assigned;
  collectAssignedNames(block, assigned);
  for (NameExpr *name : assigned)
    if (Symbol *sym = lookupForAssignment(*name))
      forgetNarrowings(sym);
}

static void collectGlobalDecls(const Block &block,
                               llvm::SmallVectorImpl<GlobalStmt *> &decls) {
  for (const StmtPtr &stmt : block) {
    if (auto *global = llvm::dyn_cast<GlobalStmt>(stmt.get()))
      decls.push_back(global);
    forEachChildBlock(*stmt, [&](const Block &child) {
      collectGlobalDecls(child, decls);
    });
  }
}

void Checker::declareFunction(FunctionDefStmt &def) {
  if (Symbol *existing = moduleScope().lookup(def.name)) {
    diags.error(def.getLoc(), "redefinition of '" + def.name + "'");
    diags.note(existing->loc, "previous definition is here");
    return;
  }
  for (const std::string &decorator : def.decorators)
    diags.error(def.getLoc(),
                "decorator '@" + decorator + "' is not supported yet");
  FunctionInfo &info = makeFunction(def, nullptr, nullptr);
  moduleScope()[def.name] = info.symbol;
}

/// The operator methods the runtime calls with two instances of a class
/// (sorting, ==, containers): an unannotated `other` is of the class.
static bool isComparisonDunder(llvm::StringRef name) {
  return llvm::is_contained({"__eq__", "__ne__", "__lt__", "__le__", "__gt__",
                             "__ge__"},
                            name);
}

/// The result type Python requires of an unannotated special method, which
/// the runtime calls through its method table.
const Type *Checker::dunderResult(llvm::StringRef name) {
  if (name == "__str__" || name == "__repr__")
    return types.getStr();
  if (isComparisonDunder(name) || name == "__bool__" || name == "__contains__")
    return types.getBool();
  if (name == "__hash__" || name == "__len__")
    return types.getInt();
  return nullptr;
}

FunctionInfo &Checker::makeFunction(FunctionDefStmt &def,
                                    const Type *selfType, ClassInfo *owner) {
  FunctionInfo &info = program.functionStorage.emplace_back();
  info.def = &def;
  info.owner = owner;
  llvm::StringSet<> typeParamNames;
  for (const TypeParam &param : def.typeParams) {
    if (!typeParamNames.insert(param.name).second)
      diags.error(param.loc, "duplicate type parameter '" + param.name + "'");
    info.typeParams.push_back(types.newTypeParam(param.name));
  }
  if (!def.typeParams.empty() && (owner || current))
    unsupported(def.typeParams.front().loc,
                owner ? "generic methods" : "nested generic functions");
  FunctionInfo *outerDeclaring = declaring;
  declaring = &info;
  std::vector<const Type *> paramTypes;
  llvm::StringSet<> seen;
  for (auto [i, param] : llvm::enumerate(def.params)) {
    const Type *type = types.getError();
    if (i == 0 && selfType && !param.annotation)
      type = selfType;
    else if (!param.annotation && i == 1 && selfType &&
             isComparisonDunder(def.name))
      type = selfType; // the runtime compares instances of the class
    else if (!param.annotation)
      type = types.getAny(); // gradual typing: unannotated is dynamic
    else
      type = resolveAnnotation(param.annotation.get());
    // Other defaults are checked where the `def` runs (checkDefaults).
    if (param.defaultValue && isConstantDefault(*param.defaultValue))
      checkDefault(param, type);
    if (!seen.insert(param.name).second)
      diags.error(param.loc, "duplicate parameter '" + param.name + "'");
    addParam(info, param, type);
    paramTypes.push_back(type);
  }

  const Type *result = types.getNone();
  if (def.returns)
    result = resolveAnnotation(def.returns.get());
  else if (selfType && dunderResult(def.name))
    result = dunderResult(def.name); // what Python requires it to return
  else if (returnsValue(def.body))
    result = types.getAny();
  info.type = types.getFunction(paramTypes, result);
  declaring = outerDeclaring;

  Symbol *sym =
      newSymbol(Symbol::Kind::Function, def.name, info.type, def.getLoc());
  sym->function = &info;
  info.symbol = sym;
  def.symbol = sym;
  program.functions.push_back(&info);
  return info;
}

Symbol *Checker::addParam(FunctionInfo &info, Param &param, const Type *type) {
  Symbol *sym = newSymbol(Symbol::Kind::Local, param.name, type, param.loc);
  sym->isParam = true;
  sym->definedIn = &info;
  param.symbol = sym;
  info.params.push_back(sym);
  info.locals.push_back(sym);
  return sym;
}

void Checker::checkDefault(Param &param, const Type *type) {
  const Type *valueType = checkExprExpecting(*param.defaultValue, type);
  if (!isAssignable(valueType, type))
    diags.error(param.defaultValue->getLoc(),
                "default value of type " + valueType->str() +
                    " for parameter '" + param.name + "' of type " +
                    type->str());
}

bool Checker::checkDefaults(FunctionDefStmt &def) {
  if (!def.symbol)
    return false; // a redefinition, reported
  FunctionInfo &info = *def.symbol->function;
  bool any = false;
  for (auto [param, type] : llvm::zip(def.params, info.type->getParams())) {
    if (!param.defaultValue || isConstantDefault(*param.defaultValue))
      continue;
    checkDefault(param, type);
    // A module-level `def` runs once: a global holds the value. A nested
    // one runs each time its enclosing function reaches it: a local does.
    param.defaultSymbol =
        newSymbol(current ? Symbol::Kind::Local : Symbol::Kind::Global,
                  info.qualifiedName() + ".__defaults__." + param.name, type,
                  param.defaultValue->getLoc());
    if (current)
      current->locals.push_back(param.defaultSymbol);
    else
      program.globals.push_back(param.defaultSymbol);
    any = true;
  }
  return any;
}

const Type *Checker::optionalOf(const Type *value, Loc loc) {
  if (value->isError() || value->isOptional() || value->isNone())
    return value;
  if (value->isFunction() || llvm::isa<BoundMethodType>(value)) {
    unsupported(loc, "optional values of type " + value->str());
    return types.getError();
  }
  return types.getOptional(value);
}

const Type *Checker::join(const Type *a, const Type *b) {
  a = resolve(a);
  b = resolve(b);
  if (a == b || a->isError())
    return a;
  if (b->isError())
    return b;
  if (a->isAny() || b->isAny()) {
    bindUnknownToAny(a);
    bindUnknownToAny(b);
    return types.getAny();
  }
  if (a->getKind() == b->getKind() && !a->isOptional() && unify(a, b))
    return resolve(a); // list[<unknown>] and list[int]
  // None and T, T | None and T, T | None and None: T | None.
  auto valueOf = [](const Type *type) {
    auto *optional = llvm::dyn_cast<OptionalType>(type);
    return optional ? optional->getValue() : type;
  };
  const Type *va = valueOf(a), *vb = valueOf(b);
  if (a->isNone())
    return types.getOptional(vb);
  if (b->isNone())
    return types.getOptional(va);
  if (va == vb)
    return types.getOptional(va);
  // Values of different types: a dynamic value (`[1, "a"]` is a list[Any]).
  return types.getAny();
}

/// Whether `expr` is built from literals by unary operators and tuples,
/// and, when `namesAndOperators`, also from names and binary operators.
static bool isLiteralExpr(const Expr &expr, bool namesAndOperators) {
  switch (expr.getKind()) {
  case Expr::Kind::IntLit:
  case Expr::Kind::FloatLit:
  case Expr::Kind::BoolLit:
  case Expr::Kind::NoneLit:
  case Expr::Kind::StrLit:
    return true;
  case Expr::Kind::Name:
    return namesAndOperators;
  case Expr::Kind::Unary:
    return isLiteralExpr(*llvm::cast<UnaryExpr>(expr).operand,
                         namesAndOperators);
  case Expr::Kind::Binary: {
    auto &binary = llvm::cast<BinaryExpr>(expr);
    return namesAndOperators &&
           isLiteralExpr(*binary.lhs, namesAndOperators) &&
           isLiteralExpr(*binary.rhs, namesAndOperators);
  }
  case Expr::Kind::Tuple:
    return llvm::all_of(llvm::cast<TupleExpr>(expr).elts,
                        [&](const ExprPtr &e) {
                          return isLiteralExpr(*e, namesAndOperators);
                        });
  default:
    return false;
  }
}

/// Whether every global the value of assignment `stmt` reads has a type
/// already: `ys = xs` after `xs = [1]` must wait for the code in order.
bool Checker::namesHaveTypes(const Stmt &stmt) {
  auto *assign = llvm::dyn_cast<AssignStmt>(&stmt);
  if (!assign)
    return true;
  bool typed = true;
  std::function<void(const Expr &)> visit = [&](const Expr &expr) {
    if (auto *name = llvm::dyn_cast<NameExpr>(&expr))
      if (Symbol *sym = moduleScope().lookup(name->name);
          sym && sym->kind == Symbol::Kind::Global && !sym->type)
        typed = false;
    forEachChildExpr(expr, visit);
  };
  visit(*assign->value);
  return typed;
}

/// A module constant computes its value from literals and names only (no
/// calls, no subscripts): it cannot observe anything a class or function
/// does.
bool Checker::isConstantDefinition(const Stmt &stmt) {
  if (auto *assign = llvm::dyn_cast<AssignStmt>(&stmt))
    return assign->targets.size() == 1 &&
           llvm::isa<NameExpr>(assign->targets.front().get()) &&
           isLiteralExpr(*assign->value, /*namesAndOperators=*/true);
  if (auto *ann = llvm::dyn_cast<AnnAssignStmt>(&stmt))
    return llvm::isa<NameExpr>(ann->target.get()) && ann->value &&
           isLiteralExpr(*ann->value, /*namesAndOperators=*/true);
  return false;
}

/// Whether `expr` is a default value that may be evaluated at each call
/// without a visible difference: a literal of an immutable type.
bool Checker::isConstantDefault(const Expr &expr) {
  return isLiteralExpr(expr, /*namesAndOperators=*/false);
}

bool Checker::returnsValue(const Block &block) {
  for (const StmtPtr &stmt : block) {
    if (auto *ret = llvm::dyn_cast<ReturnStmt>(stmt.get()))
      if (ret->value)
        return true;
    bool found = false;
    forEachChildBlock(*stmt,
                      [&](const Block &child) { found |= returnsValue(child); });
    if (found)
      return true;
  }
  return false;
}

static bool alwaysReturns(const Block &block);

/// Whether a `break` in `block` leaves the loop whose body it is.
static bool containsBreak(const Block &block) {
  for (const StmtPtr &stmt : block) {
    if (llvm::isa<BreakStmt>(stmt.get()))
      return true;
    if (llvm::isa<ForStmt, WhileStmt>(stmt.get()))
      continue; // its breaks are its own
    bool found = false;
    forEachChildBlock(*stmt,
                      [&](const Block &child) { found |= containsBreak(child); });
    if (found)
      return true;
  }
  return false;
}

static bool isConstantTrue(const Expr *expr) {
  if (auto *b = llvm::dyn_cast<BoolLitExpr>(expr))
    return b->value;
  if (auto *i = llvm::dyn_cast<IntLitExpr>(expr))
    return i->value != 0;
  return false;
}

static bool alwaysReturns(const Stmt &stmt) {
  if (llvm::isa<ReturnStmt, RaiseStmt>(stmt))
    return true;
  if (auto *tryStmt = llvm::dyn_cast<TryStmt>(&stmt)) {
    if (alwaysReturns(tryStmt->finalBody))
      return true;
    bool bodyReturns = alwaysReturns(tryStmt->body) ||
                       (!tryStmt->orElse.empty() &&
                        alwaysReturns(tryStmt->orElse));
    return bodyReturns &&
           llvm::all_of(tryStmt->handlers, [](const ExceptHandler &handler) {
             return alwaysReturns(handler.body);
           });
  }
  if (auto *ifStmt = llvm::dyn_cast<IfStmt>(&stmt))
    return alwaysReturns(ifStmt->body) && alwaysReturns(ifStmt->orElse);
  if (auto *with = llvm::dyn_cast<WithStmt>(&stmt)) // files never swallow
    return alwaysReturns(with->body);
  if (auto *whileStmt = llvm::dyn_cast<WhileStmt>(&stmt))
    return isConstantTrue(whileStmt->test.get()) &&
           !containsBreak(whileStmt->body);
  return false;
}

static bool alwaysReturns(const Block &block) {
  return llvm::any_of(block,
                      [](const StmtPtr &stmt) { return alwaysReturns(*stmt); });
}

/// The `def`s directly in `block` (and its child blocks), not in nested
/// function bodies.
static void collectNestedDefs(const Block &block,
                              llvm::SmallVectorImpl<FunctionDefStmt *> &defs) {
  for (const StmtPtr &stmt : block) {
    if (auto *def = llvm::dyn_cast<FunctionDefStmt>(stmt.get()))
      defs.push_back(def);
    forEachChildBlock(*stmt, [&](const Block &child) {
      collectNestedDefs(child, defs);
    });
  }
}

/// The kind of value a literal assignment stores (`x = 10`, `x = "ten"`,
/// `x = [x, x]`), or 0 when the expression is not a literal.
static int literalKind(const Expr &expr) {
  switch (expr.getKind()) {
  case Expr::Kind::IntLit: return 1;
  case Expr::Kind::FloatLit: return 2;
  case Expr::Kind::BoolLit: return 3;
  case Expr::Kind::StrLit:
  case Expr::Kind::FString: return 4;
  case Expr::Kind::NoneLit: return 5;
  case Expr::Kind::List: return 6;
  case Expr::Kind::Dict: return 7;
  case Expr::Kind::Set: return 8;
  case Expr::Kind::Tuple: return 9;
  default: return 0;
  }
}

using LiteralKinds = llvm::StringMap<llvm::SmallSet<int, 4>>;

/// The literal kinds each variable is assigned (`x = 10`), and those each
/// container variable is given (`xs.append(1)`, `s.add("a")`).
static void collectLiteralKinds(const Block &block, LiteralKinds &kinds,
                                LiteralKinds &elementKinds) {
  for (const StmtPtr &stmt : block) {
    // Any other value counts as kind 0: with None (`head = None`, then
    // `head = Node(v, head)`) it makes the variable dynamic too.
    if (auto *assign = llvm::dyn_cast<AssignStmt>(stmt.get()))
      for (ExprPtr &target : assign->targets)
        if (auto *name = llvm::dyn_cast<NameExpr>(target.get()))
          kinds[name->name].insert(literalKind(*assign->value));
    if (auto *exprStmt = llvm::dyn_cast<ExprStmt>(stmt.get()))
      if (auto *call = llvm::dyn_cast<CallExpr>(exprStmt->value.get()))
        if (auto *method = llvm::dyn_cast<AttributeExpr>(call->callee.get()))
          if (auto *name = llvm::dyn_cast<NameExpr>(method->value.get());
              name && (method->attr == "append" || method->attr == "add") &&
              call->args.size() == 1)
            if (int kind = literalKind(*call->args[0]))
              elementKinds[name->name].insert(kind);
    forEachChildBlock(*stmt, [&](const Block &child) {
      collectLiteralKinds(child, kinds, elementKinds);
    });
  }
}

/// The variables `block` assigns literals of different types (`x = 10`,
/// then `x = "ten"`): dynamic from the start, so that code reading them in
/// a loop sees whichever value is there.
void Checker::markChangingTypes(const Block &block,
                                llvm::function_ref<Symbol *(llvm::StringRef)> lookup) {
  LiteralKinds kinds, elementKinds;
  collectLiteralKinds(block, kinds, elementKinds);
  constexpr int kNone = 5, kOther = 0;
  for (auto &entry : kinds) {
    llvm::SmallSet<int, 4> literals = entry.second;
    bool withNone = literals.count(kNone) && literals.size() > 1;
    literals.erase(kOther);
    if (Symbol *sym = lookup(entry.first());
        sym && (literals.size() > 1 || withNone))
      sym->type = types.getAny();
  }
  // `stack = []` then `stack.append(1)`, `stack.append("two")`: a list of
  // dynamic values.
  for (auto &entry : elementKinds)
    if (Symbol *sym = lookup(entry.first()); sym && entry.second.size() > 1)
      sym->dynamicElements = true;
}

static void collectNonlocalDecls(const Block &block,
                                 llvm::SmallVectorImpl<NonlocalStmt *> &decls) {
  for (const StmtPtr &stmt : block) {
    if (auto *decl = llvm::dyn_cast<NonlocalStmt>(stmt.get()))
      decls.push_back(decl);
    forEachChildBlock(*stmt, [&](const Block &child) {
      collectNonlocalDecls(child, decls);
    });
  }
}

void Checker::checkFunctionBody(FunctionInfo &info) {
  FunctionDefStmt &def = *info.def;
  FunctionInfo *outer = current;
  current = &info;
  llvm::StringMap<Symbol *> &localScope = info.scope;
  for (Symbol *param : info.params)
    localScope[param->name] = param;

  llvm::SmallVector<NonlocalStmt *> nonlocalDecls;
  collectNonlocalDecls(def.body, nonlocalDecls);
  for (NonlocalStmt *decl : nonlocalDecls) {
    for (const std::string &name : decl->names) {
      Symbol *sym = nullptr;
      for (FunctionInfo *f = info.enclosing; f && !sym; f = f->enclosing)
        sym = f->scope.lookup(name);
      if (!sym || sym->kind != Symbol::Kind::Local) {
        diags.error(decl->getLoc(),
                    "no binding for nonlocal '" + name + "' found");
        continue;
      }
      if (localScope.count(name)) {
        diags.error(decl->getLoc(),
                    "name '" + name + "' is parameter and nonlocal");
        continue;
      }
      info.nonlocalDecls[name] = sym;
      sym->nonlocalWritten = true;
      noteCapture(sym);
    }
  }

  llvm::SmallVector<GlobalStmt *> globalDecls;
  collectGlobalDecls(def.body, globalDecls);
  for (GlobalStmt *decl : globalDecls) {
    for (const std::string &name : decl->names) {
      if (localScope.count(name)) {
        diags.error(decl->getLoc(),
                    "name '" + name + "' is parameter and global");
        continue;
      }
      Symbol *global = moduleScope().lookup(name);
      if (!global || global->kind != Symbol::Kind::Global) {
        global = newSymbol(Symbol::Kind::Global, name, nullptr,
                           decl->getLoc());
        moduleScope()[name] = global;
        program.globals.push_back(global);
      }
      info.globalDecls[name] = global;
    }
  }

  // Nested functions are locals bound by their `def`; their bodies are
  // checked after this one, once the locals they capture have types.
  llvm::SmallVector<FunctionDefStmt *> nestedDefs;
  collectNestedDefs(def.body, nestedDefs);
  llvm::SmallVector<FunctionInfo *> nested;
  for (FunctionDefStmt *nestedDef : nestedDefs) {
    if (localScope.count(nestedDef->name)) {
      diags.error(nestedDef->getLoc(),
                  "redefinition of '" + nestedDef->name + "'");
      continue;
    }
    for (const std::string &decorator : nestedDef->decorators)
      diags.error(nestedDef->getLoc(),
                  "decorator '@" + decorator + "' is not supported yet");
    FunctionInfo &inner = makeFunction(*nestedDef, nullptr, nullptr);
    inner.enclosing = &info;
    localScope[nestedDef->name] = inner.symbol;
    nested.push_back(&inner);
  }

  llvm::SmallVector<NameExpr *> assigned;
  collectAssignedNames(def.body, assigned);
  for (NameExpr *name : assigned) {
    if (Symbol *existing = localScope.lookup(name->name)) {
      if (existing->isParam)
        existing->reassigned = true;
      ++existing->assignments;
      continue;
    }
    // An assignment through `global` or `nonlocal` counts for the variable
    // it names (it may undo an alias).
    Symbol *outer = info.globalDecls.lookup(name->name);
    if (!outer)
      outer = info.nonlocalDecls.lookup(name->name);
    if (outer) {
      ++outer->assignments;
      continue;
    }
    Symbol *local =
        newSymbol(Symbol::Kind::Local, name->name, nullptr, name->getLoc());
    local->definedIn = &info;
    local->assignments = 1;
    localScope[name->name] = local;
    info.locals.push_back(local);
  }
  markDynamicLocals(info);
  markChangingTypes(def.body, [&](llvm::StringRef name) -> Symbol * {
    Symbol *local = localScope.lookup(name);
    return local && local->kind == Symbol::Kind::Local && !local->isParam &&
                   !local->type
               ? local
               : nullptr;
  });

  checkBlock(def.body);
  const Type *result = info.type->getResult();
  if (!result->isNone() && !result->isAny() && !result->isError() &&
      !alwaysReturns(def.body))
    diags.error(def.getLoc(), "missing return statement: '" + def.name +
                                  "' must return a value of type " +
                                  result->str() + " on every path");
  for (FunctionInfo *inner : nested)
    checkFunctionBody(*inner);
  current = outer;
  if (!info.enclosing)
    finishCaptures(info);
}

/// Whether a function or class body anywhere inside `block` declares
/// `name` global or nonlocal (and so may assign it from there).
static bool declaredOuterInside(const Block &block, llvm::StringRef name) {
  for (const StmtPtr &stmt : block) {
    if (auto *decl = llvm::dyn_cast<GlobalStmt>(stmt.get());
        decl && llvm::is_contained(decl->names, name))
      return true;
    if (auto *decl = llvm::dyn_cast<NonlocalStmt>(stmt.get());
        decl && llvm::is_contained(decl->names, name))
      return true;
    bool found = false;
    if (auto *def = llvm::dyn_cast<FunctionDefStmt>(stmt.get()))
      found = declaredOuterInside(def->body, name);
    else if (auto *cls = llvm::dyn_cast<ClassDefStmt>(stmt.get()))
      found = declaredOuterInside(cls->body, name);
    forEachChildBlock(*stmt, [&](const Block &child) {
      found = found || declaredOuterInside(child, name);
    });
    if (found)
      return true;
  }
  return false;
}

void Checker::noteAlias(AssignStmt &assign) {
  auto *target = llvm::dyn_cast<NameExpr>(assign.targets.front().get());
  auto *value = llvm::dyn_cast<NameExpr>(assign.value.get());
  if (assign.targets.size() != 1 || !target || !target->symbol || !value ||
      !value->symbol || value->symbol->kind != Symbol::Kind::Function ||
      target->symbol->assignments != 1)
    return;
  // Nested functions are checked later: rule out, from the source, any
  // assignment they could make through `global` or `nonlocal`.
  const Block &scope = current ? current->def->body : currentModule->ast->body;
  if (declaredOuterInside(scope, target->name))
    return;
  target->symbol->alias = value->symbol->function;
}

void Checker::noteCapture(Symbol *sym) {
  sym->captured = true;
  for (FunctionInfo *f = current; f && f != sym->definedIn; f = f->enclosing)
    if (!llvm::is_contained(f->captures, sym))
      f->captures.push_back(sym);
}

/// Whether an annotation in `expr` names one of `names`.
static bool namesAny(const Expr *expr, const llvm::StringSet<> &names) {
  if (!expr)
    return false;
  if (auto *name = llvm::dyn_cast<NameExpr>(expr))
    return names.contains(name->name);
  bool found = false;
  forEachChildExpr(*expr, [&](const Expr &child) {
    found = found || namesAny(&child, names);
  });
  return found;
}

/// Whether an annotation of a `def` or class body in `block` (or a base
/// class) names one of `names`.
static bool annotationsName(const Block &block,
                            const llvm::StringSet<> &names);

static bool annotationsName(const Stmt &stmt, const llvm::StringSet<> &names) {
  if (auto *ann = llvm::dyn_cast<AnnAssignStmt>(&stmt))
    return namesAny(ann->annotation.get(), names);
  if (auto *def = llvm::dyn_cast<FunctionDefStmt>(&stmt))
    return llvm::any_of(def->params,
                        [&](const Param &param) {
                          return namesAny(param.annotation.get(), names);
                        }) ||
           namesAny(def->returns.get(), names) ||
           annotationsName(def->body, names);
  if (auto *cls = llvm::dyn_cast<ClassDefStmt>(&stmt))
    return llvm::any_of(cls->bases,
                        [&](const ExprPtr &base) {
                          return namesAny(base.get(), names);
                        }) ||
           annotationsName(cls->body, names);
  bool found = false;
  forEachChildBlock(stmt, [&](const Block &child) {
    found = found || annotationsName(child, names);
  });
  return found;
}

static bool annotationsName(const Block &block,
                            const llvm::StringSet<> &names) {
  return llvm::any_of(block, [&](const StmtPtr &stmt) {
    return annotationsName(*stmt, names);
  });
}

/// Type parameters that no annotation uses (`class Pair[K, V]` whose
/// annotations were all removed) cannot be inferred and change nothing:
/// the function or class is not generic.
template <typename Def> static void dropUnusedTypeParams(Def &def) {
  if (def.typeParams.empty())
    return;
  llvm::StringSet<> names;
  for (const TypeParam &param : def.typeParams)
    names.insert(param.name);
  if (!annotationsName(def, names))
    def.typeParams.clear();
}

void Checker::checkModule(ModuleInfo &module) {
  currentModule = &module;
  Block &body = module.ast->body;
  size_t firstFunction = program.functions.size();
  // Imported names first, then classes and functions, so that any code
  // (and any annotation) can use any of them.
  declareImports(body);
  for (StmtPtr &stmt : body) {
    if (auto *def = llvm::dyn_cast<FunctionDefStmt>(stmt.get()))
      dropUnusedTypeParams(*def);
    else if (auto *def = llvm::dyn_cast<ClassDefStmt>(stmt.get()))
      dropUnusedTypeParams(*def);
  }
  for (StmtPtr &stmt : body)
    if (auto *def = llvm::dyn_cast<ClassDefStmt>(stmt.get()))
      declareClassName(*def);
  for (StmtPtr &stmt : body) {
    if (auto *def = llvm::dyn_cast<FunctionDefStmt>(stmt.get()))
      declareFunction(*def);
    else if (auto *def = llvm::dyn_cast<ClassDefStmt>(stmt.get()))
      declareClass(*def);
  }
  // Nested functions, declared while their enclosing bodies are checked,
  // are checked with them.
  llvm::SmallVector<FunctionInfo *> moduleFunctions(
      llvm::drop_begin(program.functions, firstFunction));

  llvm::SmallVector<NameExpr *> assigned;
  collectAssignedNames(body, assigned);
  for (NameExpr *name : assigned) {
    if (Symbol *existing = moduleScope().lookup(name->name)) {
      if (existing->kind == Symbol::Kind::Function)
        diags.error(name->getLoc(), "cannot assign to function '" +
                                        name->name + "'");
      ++existing->assignments;
      continue;
    }
    Symbol *global =
        newSymbol(Symbol::Kind::Global, name->name, nullptr, name->getLoc());
    global->assignments = 1;
    moduleScope()[name->name] = global;
    program.globals.push_back(global);
  }
  markChangingTypes(body, [&](llvm::StringRef name) -> Symbol * {
    Symbol *global = moduleScope().lookup(name);
    return global && global->kind == Symbol::Kind::Global && !global->type
               ? global
               : nullptr;
  });

  // Module-level code runs first in a real program and fixes the globals'
  // types; function bodies are checked after it. An annotated global has
  // its type before any code runs.
  current = nullptr;
  for (StmtPtr &stmt : body) {
    auto *ann = llvm::dyn_cast<AnnAssignStmt>(stmt.get());
    auto *name = ann ? llvm::dyn_cast<NameExpr>(ann->target.get()) : nullptr;
    Symbol *sym = name ? moduleScope().lookup(name->name) : nullptr;
    if (sym && sym->kind == Symbol::Kind::Global && !sym->type)
      sym->type = resolveAnnotation(ann->annotation.get());
  }
  // Module constants (`SOLAR_MASS = 4 * PI * PI`) get their types first,
  // then __init__ bodies declare the fields every other use needs, then
  // the rest of the module code runs in order.
  llvm::SmallPtrSet<Stmt *, 8> early;
  for (StmtPtr &stmt : body) {
    if (!isConstantDefinition(*stmt) || !namesHaveTypes(*stmt))
      continue;
    early.insert(stmt.get());
    checkStmt(*stmt);
  }
  for (FunctionInfo *info : moduleFunctions)
    if (info->owner && info->def->name == "__init__")
      checkFunctionBody(*info);
  for (FunctionInfo *info : moduleFunctions)
    if (info->owner && info->def->name != "__init__")
      declareFieldsAssignedIn(*info);
  for (StmtPtr &stmt : body) {
    if (auto *def = llvm::dyn_cast<FunctionDefStmt>(stmt.get())) {
      if (checkDefaults(*def))
        defsWithDefaults.insert(def);
    } else if (auto *def = llvm::dyn_cast<ClassDefStmt>(stmt.get())) {
      // Class attributes were checked by declareClass.
      for (StmtPtr &member : def->body)
        if (auto *method = llvm::dyn_cast<FunctionDefStmt>(member.get());
            method && checkDefaults(*method))
          defsWithDefaults.insert(method);
    } else if (!early.count(stmt.get())) {
      checkStmt(*stmt);
    }
  }
  for (FunctionInfo *info : moduleFunctions)
    if (!info->owner || info->def->name != "__init__")
      checkFunctionBody(*info);
  makeFallbacks();
  finishInference();
  finishClasses();
  collectTopLevel(body);
}

void Checker::collectTopLevel(Block &body) {
  // A `def` runs to evaluate its non-literal defaults; a class body, to
  // assign its class attributes and run its methods' `def`s.
  for (StmtPtr &stmt : body) {
    if (auto *def = llvm::dyn_cast<FunctionDefStmt>(stmt.get())) {
      if (defsWithDefaults.count(def))
        currentModule->topLevel.push_back(def);
    } else if (auto *def = llvm::dyn_cast<ClassDefStmt>(stmt.get())) {
      for (StmtPtr &member : def->body)
        if ((def->info && llvm::is_contained(def->info->attrStatements,
                                             member.get())) ||
            defsWithDefaults.count(
                llvm::dyn_cast<FunctionDefStmt>(member.get())))
          currentModule->topLevel.push_back(member.get());
    } else {
      currentModule->topLevel.push_back(stmt.get());
    }
  }
}

//===----------------------------------------------------------------------===//
// Statements
//===----------------------------------------------------------------------===//

void Checker::checkBlock(Block &block) {
  // Narrowings made by a statement (`if x is None: return`) last until the
  // end of the block.
  size_t depth = blockNarrowings.size();
  for (StmtPtr &stmt : block)
    checkStmt(*stmt);
  while (blockNarrowings.size() > depth) {
    auto [key, previous, set] = blockNarrowings.pop_back_val();
    restoreNarrowing(key, previous, set);
  }
}

Symbol *Checker::lookupForAssignment(NameExpr &name) {
  if (!comprehensionScopes.empty())
    if (Symbol *sym = comprehensionScopes.back().lookup(name.name))
      return sym;
  if (!current)
    return moduleScope().lookup(name.name);
  if (Symbol *global = current->globalDecls.lookup(name.name))
    return global;
  if (Symbol *outer = current->nonlocalDecls.lookup(name.name))
    return outer;
  return current->scope.lookup(name.name);
}

void Checker::assignTo(Expr &target, const Type *valueType, Loc loc) {
  if (auto *targets = llvm::dyn_cast<TupleExpr>(&target)) {
    auto *tuple = llvm::dyn_cast<TupleType>(valueType);
    if (valueType->isAny()) { // `a, b = pair` of a dynamic pair
      for (ExprPtr &element : targets->elts)
        assignTo(*element, valueType, loc);
      target.type = valueType;
      typedExprs.push_back(&target);
      return;
    }
    if (!tuple) {
      if (!valueType->isError())
        diags.error(loc, "cannot unpack a value of type " + valueType->str());
      return;
    }
    if (tuple->getElements().size() != targets->elts.size()) {
      diags.error(loc, "cannot unpack " +
                           llvm::Twine(tuple->getElements().size()) +
                           " values into " + llvm::Twine(targets->elts.size()) +
                           " targets");
      return;
    }
    for (auto [element, elementType] :
         llvm::zip(targets->elts, tuple->getElements()))
      assignTo(*element, elementType, loc);
    target.type = valueType;
    typedExprs.push_back(&target);
    return;
  }
  auto *name = llvm::dyn_cast<NameExpr>(&target);
  if (!name) {
    if (llvm::isa<ListExpr>(target))
      unsupported(target.getLoc(), "list unpacking assignments");
    else if (auto *sub = llvm::dyn_cast<SubscriptExpr>(&target)) {
      const Type *base = checkExpr(*sub->value);
      if (base->isAny()) { // v[k] = x on a dynamic v
        checkDynamicIndex(*sub->index);
        target.type = base;
        typedExprs.push_back(&target);
        return;
      }
      if (auto *dict = llvm::dyn_cast<DictType>(base)) {
        const Type *key = checkExprExpecting(*sub->index, dict->getKey());
        if (!isAssignable(key, dict->getKey()) && !key->isError())
          diags.error(sub->index->getLoc(), "a " + dict->str() +
                                                " has no keys of type " +
                                                key->str());
        if (!isAssignable(valueType, dict->getValue()) &&
            !valueType->isError())
          diags.error(loc, "cannot store a value of type " + valueType->str() +
                               " in a " + dict->str());
        target.type = dict->getValue();
        typedExprs.push_back(&target);
        return;
      }
      if (base->isClass()) { // obj[i] = v calls __setitem__
        const Type *index = checkExpr(*sub->index);
        FunctionInfo *setitem = findDunder(base, "__setitem__", 2);
        if (!setitem)
          diags.error(target.getLoc(), "'" + base->str() +
                                           "' object does not support item "
                                           "assignment");
        else if (auto params = signatureOn(*setitem, base)->getParams();
                 !isAssignable(index, params[1]) ||
                 !isAssignable(valueType, params[2]))
          diags.error(loc, "'" + setitem->qualifiedName() + "' takes (" +
                               params[1]->str() + ", " + params[2]->str() +
                               ")");
        target.type = valueType;
        typedExprs.push_back(&target);
        return;
      }
      auto *list = llvm::dyn_cast<ListType>(base);
      if (!list) {
        if (!base->isError())
          diags.error(target.getLoc(), "'" + base->str() +
                                           "' object does not support item "
                                           "assignment");
        return;
      }
      if (llvm::isa<SliceExpr>(sub->index.get())) {
        unsupported(target.getLoc(), "assignments to slices");
        return;
      }
      const Type *index = checkExpr(*sub->index);
      if (!index->isInt() && !index->isBool() && !index->isError())
        diags.error(sub->index->getLoc(), "list indices must be integers, "
                                          "not " +
                                              index->str());
      if (!isAssignable(valueType, list->getElement()))
        diags.error(loc, "cannot store a value of type " + valueType->str() +
                             " in a " + list->str());
      target.type = list->getElement();
      typedExprs.push_back(&target);
    }
    else if (auto *attr = llvm::dyn_cast<AttributeExpr>(&target))
      assignToAttribute(*attr, valueType, nullptr, loc);
    else
      diags.error(target.getLoc(), "cannot assign to this expression");
    return;
  }
  Symbol *sym = lookupForAssignment(*name);
  if (!sym || sym->kind == Symbol::Kind::Function) {
    diags.error(name->getLoc(), "cannot assign to '" + name->name + "'");
    return;
  }
  name->symbol = sym;
  typedExprs.push_back(name);
  const Type *before = lookupNarrowed({sym, ""});
  forgetNarrowings(sym); // a new value: what was proved about the old is moot
  if (!sym->type) {
    if (sym->dynamicElements)
      bindUnknownToAny(valueType);
    sym->type = valueType;
    sym->inferred = true;
    name->type = valueType;
    return;
  }
  // A variable whose inferred type a later value does not fit becomes
  // dynamic (`x = 10` then `x = "ten"`); reads checked before see their old
  // type, unboxed from the dynamic slot.
  if (sym->inferred && !isAssignable(valueType, sym->type) &&
      !valueType->isError() && !resolve(sym->type)->isError())
    sym->type = types.getAny();
  name->type = sym->type;
  if (!isAssignable(valueType, sym->type)) {
    diags.error(loc, "cannot assign a value of type " + valueType->str() +
                         " to '" + name->name + "' of type " +
                         sym->type->str());
    return;
  }
  // `x = 5` with x: int | None: x is an int until the block ends.
  if (auto *optional = llvm::dyn_cast<OptionalType>(sym->type);
      optional && !valueType->isOptional() && !valueType->isNone() &&
      !valueType->isError())
    narrowRestOfBlock({{sym, ""}, optional->getValue()}, before);
}

void Checker::bindUnknownToAny(const Type *type) {
  type = resolve(type);
  if (auto *var = llvm::dyn_cast<TypeVar>(type))
    var->bind(types.getAny());
  else if (auto *list = llvm::dyn_cast<ListType>(type))
    bindUnknownToAny(list->getElement());
  else if (auto *set = llvm::dyn_cast<SetType>(type))
    bindUnknownToAny(set->getElement());
  else if (auto *dict = llvm::dyn_cast<DictType>(type)) {
    bindUnknownToAny(dict->getKey());
    bindUnknownToAny(dict->getValue());
  }
}

const Type *Checker::resolve(const Type *type, bool final) {
  if (!type)
    return type;
  if (auto *var = llvm::dyn_cast<TypeVar>(type)) {
    if (const Type *binding = var->getBinding())
      return resolve(binding, final);
    return final ? types.getInt() : type;
  }
  return mapComponentTypes(types, type, [&](const Type *component) {
    return resolve(component, final);
  });
}

bool Checker::unify(const Type *a, const Type *b) {
  a = resolve(a);
  b = resolve(b);
  if (a == b || a->isError() || b->isError())
    return true;
  if (auto *var = llvm::dyn_cast<TypeVar>(a)) {
    var->bind(b);
    return true;
  }
  if (auto *var = llvm::dyn_cast<TypeVar>(b)) {
    var->bind(a);
    return true;
  }
  if (a->getKind() != b->getKind())
    return false;
  if (auto *list = llvm::dyn_cast<ListType>(a))
    return unify(list->getElement(), llvm::cast<ListType>(b)->getElement());
  if (auto *set = llvm::dyn_cast<SetType>(a))
    return unify(set->getElement(), llvm::cast<SetType>(b)->getElement());
  if (auto *dict = llvm::dyn_cast<DictType>(a)) {
    auto *other = llvm::cast<DictType>(b);
    return unify(dict->getKey(), other->getKey()) &&
           unify(dict->getValue(), other->getValue());
  }
  if (auto *tuple = llvm::dyn_cast<TupleType>(a)) {
    auto *other = llvm::cast<TupleType>(b);
    if (tuple->getElements().size() != other->getElements().size())
      return false;
    for (auto [x, y] : llvm::zip(tuple->getElements(), other->getElements()))
      if (!unify(x, y))
        return false;
    return true;
  }
  if (auto *optional = llvm::dyn_cast<OptionalType>(a))
    return unify(optional->getValue(),
                 llvm::cast<OptionalType>(b)->getValue());
  if (auto *fn = llvm::dyn_cast<FunctionType>(a)) {
    auto *other = llvm::cast<FunctionType>(b);
    if (fn->getParams().size() != other->getParams().size())
      return false;
    for (auto [x, y] : llvm::zip(fn->getParams(), other->getParams()))
      if (!unify(x, y))
        return false;
    return unify(fn->getResult(), other->getResult());
  }
  // Generic classes are invariant: a Stack[int] is not a Stack[float].
  if (auto *cls = llvm::dyn_cast<ClassType>(a)) {
    auto *other = llvm::cast<ClassType>(b);
    if (cls->getInfo() != other->getInfo() || cls->getTypeArgs().empty())
      return false;
    for (auto [x, y] : llvm::zip(cls->getTypeArgs(), other->getTypeArgs()))
      if (!unify(x, y))
        return false;
    return true;
  }
  return false;
}

const TypeParamType *Checker::lookupTypeParam(llvm::StringRef name) const {
  auto find = [&](llvm::ArrayRef<const TypeParamType *> params)
      -> const TypeParamType * {
    for (const TypeParamType *param : params)
      if (param->getName() == name)
        return param;
    return nullptr;
  };
  for (const FunctionInfo *fn = declaring ? declaring : current; fn;
       fn = fn->enclosing)
    if (const TypeParamType *param = find(fn->genericParams()))
      return param;
  return declaringClass ? find(declaringClass->typeParams) : nullptr;
}

const Type *Checker::substitute(const Type *type,
                                llvm::ArrayRef<const TypeParamType *> params,
                                llvm::ArrayRef<const Type *> args) {
  return substituteTypeParams(types, type, params, args);
}

void Checker::genericUnsupported(Loc loc, llvm::StringRef what,
                                 const Type *type) {
  diags.error(loc, what + " of a value of generic type " + type->str() +
                       " are not supported");
}

void Checker::finishInference() {
  for (CallExpr *call : genericCalls)
    for (const Type *&arg : call->typeArgs)
      arg = resolve(arg, /*final=*/true);
  // A lambda passed to a generic function takes its parameter types from
  // the call's type variables.
  for (FunctionInfo *fn : program.functions) {
    fn->type = llvm::cast<FunctionType>(resolve(fn->type, /*final=*/true));
    if (fn->valueType)
      fn->valueType =
          llvm::cast<FunctionType>(resolve(fn->valueType, /*final=*/true));
  }
  for (Expr *expr : typedExprs)
    expr->type = resolve(expr->type, /*final=*/true);
  for (Symbol &sym : program.symbolStorage)
    sym.type = resolve(sym.type, /*final=*/true);
}

bool Checker::isAssignable(const Type *from, const Type *to) {
  from = resolve(from);
  to = resolve(to);
  if (from == to || from->isError() || to->isError())
    return true;
  // A dynamic value goes anywhere, checked at run time; anything boxes.
  // An element type not known yet becomes dynamic (`calls.append(name)`).
  if (from->isAny() || to->isAny()) {
    bindUnknownToAny(from);
    bindUnknownToAny(to);
    return true;
  }
  if (auto *optional = llvm::dyn_cast<OptionalType>(to))
    return from->isNone() ||
           (!from->isOptional() && isAssignable(from, optional->getValue())) ||
           (from->isOptional() &&
            isAssignable(llvm::cast<OptionalType>(from)->getValue(),
                         optional->getValue()));
  // Containers are invariant: list[int] is not a list[float].
  if (llvm::isa<TypeVar, ListType, SetType, DictType>(from) ||
      llvm::isa<TypeVar, ListType, SetType, DictType>(to))
    return unify(from, to);
  auto *fromTuple = llvm::dyn_cast<TupleType>(from);
  auto *toTuple = llvm::dyn_cast<TupleType>(to);
  if (fromTuple && toTuple) {
    if (fromTuple->getElements().size() != toTuple->getElements().size())
      return false;
    return llvm::all_of(
        llvm::zip(fromTuple->getElements(), toTuple->getElements()),
        [this](auto pair) {
          return isAssignable(std::get<0>(pair), std::get<1>(pair));
        });
  }
  if (auto *fromClass = llvm::dyn_cast<ClassType>(from))
    if (auto *toClass = llvm::dyn_cast<ClassType>(to))
      return fromClass->getInfo() == toClass->getInfo() &&
                     !fromClass->getTypeArgs().empty()
                 ? unify(from, to)
                 : fromClass->isSubclassOf(toClass);
  if (from->isFunction() && to->isFunction())
    return unify(from, to); // the variables of a generic call's Callable
  // Python's numeric tower: bool -> int -> float.
  if (to->isFloat() && (from->isInt() || from->isBool()))
    return true;
  return to->isInt() && from->isBool();
}

void Checker::checkStmt(Stmt &stmt) {
  switch (stmt.getKind()) {
  case Stmt::Kind::Expr: {
    auto &exprStmt = llvm::cast<ExprStmt>(stmt);
    // A docstring or any other bare string is a no-op.
    if (!llvm::isa<StrLitExpr>(exprStmt.value.get()))
      checkExpr(*exprStmt.value);
    return;
  }
  case Stmt::Kind::Assign: {
    auto &assign = llvm::cast<AssignStmt>(stmt);
    // A single name that already has a type tells `[]` what it is.
    const Type *expected = nullptr;
    if (auto *name = llvm::dyn_cast<NameExpr>(assign.targets.front().get()))
      if (Symbol *sym = lookupForAssignment(*name))
        expected = sym->type;
    const Type *type = checkExprExpecting(*assign.value, expected);
    for (ExprPtr &target : assign.targets)
      assignTo(*target, type, assign.value->getLoc());
    noteAlias(assign);
    return;
  }
  case Stmt::Kind::AnnAssign: {
    auto &ann = llvm::cast<AnnAssignStmt>(stmt);
    const Type *declared = resolveAnnotation(ann.annotation.get());
    auto *name = llvm::dyn_cast<NameExpr>(ann.target.get());
    if (auto *attr = llvm::dyn_cast<AttributeExpr>(ann.target.get())) {
      if (!ann.value) {
        diags.error(ann.getLoc(), "a field needs a value here");
        return;
      }
      assignToAttribute(*attr, checkExprExpecting(*ann.value, declared),
                        declared, ann.value->getLoc());
      return;
    }
    if (!name) {
      unsupported(ann.target->getLoc(), "annotated assignments to non-names");
      return;
    }
    Symbol *sym = lookupForAssignment(*name);
    if (sym && sym->kind != Symbol::Kind::Function) {
      if (!sym->type)
        sym->type = declared;
      else if (sym->type != declared && !declared->isError())
        diags.error(ann.annotation->getLoc(),
                    "'" + name->name + "' was already given type " +
                        sym->type->str());
    }
    if (ann.value)
      assignTo(*name, checkExprExpecting(*ann.value, declared),
               ann.value->getLoc());
    else if (sym)
      name->symbol = sym;
    return;
  }
  case Stmt::Kind::AugAssign: {
    auto &aug = llvm::cast<AugAssignStmt>(stmt);
    auto *name = llvm::dyn_cast<NameExpr>(aug.target.get());
    auto *sub = llvm::dyn_cast<SubscriptExpr>(aug.target.get());
    bool isAttribute = llvm::isa<AttributeExpr>(aug.target.get());
    if (!name && !isAttribute &&
        !(sub && !llvm::isa<SliceExpr>(sub->index.get()))) {
      checkExpr(*aug.value);
      unsupported(aug.target->getLoc(),
                  "augmented assignments to this kind of target");
      return;
    }
    const Type *current = checkExpr(*aug.target);
    if (auto *attr = llvm::dyn_cast<AttributeExpr>(aug.target.get());
        attr && attr->narrowed) {
      checkExpr(*aug.value);
      unsupported(aug.getLoc(), "augmented assignments to optional fields");
      return;
    }
    if (current->isSet() && sub) {
      checkExpr(*aug.value);
      unsupported(aug.getLoc(), "in-place set operators on subscripts");
      return;
    }
    if (current->isList() && aug.op != BinaryOp::Add) {
      checkExpr(*aug.value);
      unsupported(aug.getLoc(), "in-place list operators other than +=");
      return;
    }
    if (sub && !sub->value->type->isList() && !sub->value->type->isDict() &&
        !current->isError()) {
      diags.error(aug.target->getLoc(), "'" + sub->value->type->str() +
                                            "' object does not support item "
                                            "assignment");
      return;
    }
    const Type *value = checkExpr(*aug.value);
    // An instance's __iadd__ first, else `target + value`.
    OperatorCall inPlace = findAugmentedOperator(aug.op, current, value);
    const Type *result =
        inPlace.method
            ? signatureOn(*inPlace.method, inPlace.reflected ? value : current)
                  ->getResult()
            : binaryResultType(aug.op, current, value, aug.getLoc(),
                               aug.value.get());
    if (!isAssignable(result, current))
      diags.error(aug.getLoc(),
                  "result of '" + spelling(aug.op) + "=' has type " +
                      result->str() + ", which cannot be stored in a "
                      "target of type " + current->str());
    return;
  }
  case Stmt::Kind::Pass:
    return;
  case Stmt::Kind::Return: {
    auto &ret = llvm::cast<ReturnStmt>(stmt);
    if (!current) {
      diags.error(ret.getLoc(), "'return' outside function");
      if (ret.value)
        checkExpr(*ret.value);
      return;
    }
    const Type *expected = current->type->getResult();
    if (!ret.value) {
      if (!expected->isNone() && !expected->isError())
        diags.error(ret.getLoc(), "'" + current->def->name +
                                      "' must return a value of type " +
                                      expected->str());
      return;
    }
    const Type *type = checkExprExpecting(*ret.value, expected);
    if (!isAssignable(type, expected))
      diags.error(ret.value->getLoc(),
                  "cannot return a value of type " + type->str() + " from '" +
                      current->def->name + "', declared to return " +
                      expected->str());
    return;
  }
  case Stmt::Kind::If: {
    auto &ifStmt = llvm::cast<IfStmt>(stmt);
    checkCondition(*ifStmt.test);
    // `if x is not None:` narrows x in the body, `if x is None:` in the
    // else branch, and after the statement when the body cannot fall
    // through.
    llvm::SmallVector<Narrowing, 2> notNone, none;
    collectNoneTests(*ifStmt.test, notNone, none);
    {
      NarrowingScope scope(*this, notNone);
      checkBlock(ifStmt.body);
    }
    {
      NarrowingScope scope(*this, none);
      checkBlock(ifStmt.orElse);
    }
    if (alwaysReturns(ifStmt.body)) {
      for (const Narrowing &narrowing : none)
        narrowRestOfBlock(narrowing, lookupNarrowed(narrowing.key));
    } else if (ifStmt.orElse.empty()) {
      // `if x is None: x = []`: x is not None after the statement.
      for (const Narrowing &narrowing : none)
        if (endsAssigningNotNone(ifStmt.body, narrowing.key))
          narrowRestOfBlock(narrowing, lookupNarrowed(narrowing.key));
    }
    return;
  }
  case Stmt::Kind::While: {
    auto &whileStmt = llvm::cast<WhileStmt>(stmt);
    forgetNarrowingsAssignedIn(whileStmt.body);
    checkCondition(*whileStmt.test);
    // `while x is not None:` narrows x in the body, until it is assigned.
    llvm::SmallVector<Narrowing, 2> notNone, none;
    collectNoneTests(*whileStmt.test, notNone, none);
    ++loopDepth;
    {
      NarrowingScope scope(*this, notNone);
      checkBlock(whileStmt.body);
    }
    --loopDepth;
    checkBlock(whileStmt.orElse);
    return;
  }
  case Stmt::Kind::For: {
    auto &forStmt = llvm::cast<ForStmt>(stmt);
    const Type *element = checkIterable(*forStmt.iter);
    forgetNarrowingsAssignedIn(forStmt.body);
    if (!llvm::isa<NameExpr, TupleExpr>(forStmt.target.get()))
      unsupported(forStmt.target->getLoc(), "for-loop targets other than "
                                            "names and tuples of names");
    else
      assignTo(*forStmt.target, element, forStmt.target->getLoc());
    ++loopDepth;
    checkBlock(forStmt.body);
    --loopDepth;
    checkBlock(forStmt.orElse);
    return;
  }
  case Stmt::Kind::Break:
  case Stmt::Kind::Continue:
    if (loopDepth == 0)
      diags.error(stmt.getLoc(),
                  llvm::Twine("'") +
                      (llvm::isa<BreakStmt>(stmt) ? "break" : "continue") +
                      "' outside loop");
    return;
  case Stmt::Kind::FunctionDef: // nested: declared with its function
    checkDefaults(llvm::cast<FunctionDefStmt>(stmt));
    return;
  case Stmt::Kind::ClassDef:
    unsupported(stmt.getLoc(), "classes defined inside functions");
    return;
  case Stmt::Kind::Try:
    checkTry(llvm::cast<TryStmt>(stmt));
    return;
  case Stmt::Kind::Raise:
    checkRaise(llvm::cast<RaiseStmt>(stmt));
    return;
  case Stmt::Kind::With:
    checkWith(llvm::cast<WithStmt>(stmt));
    return;
  case Stmt::Kind::Global:
    if (!current)
      return; // `global x` at module level is a no-op in Python.
    return;   // Collected by checkFunctionBody.
  case Stmt::Kind::Nonlocal:
    if (!current)
      diags.error(stmt.getLoc(),
                  "nonlocal declaration not allowed at module level");
    return; // Collected by checkFunctionBody.
  case Stmt::Kind::Assert: {
    auto &assertStmt = llvm::cast<AssertStmt>(stmt);
    checkCondition(*assertStmt.test);
    if (assertStmt.message) {
      const Type *type = checkExpr(*assertStmt.message);
      if (!type->isStr() && !type->isError())
        unsupported(assertStmt.message->getLoc(),
                    "assert messages of type " + type->str() +
                        " (use a str or an f-string)");
    }
    return;
  }
  case Stmt::Kind::Import:
    // Module-level imports were bound before anything else was checked.
    if (current)
      unsupported(stmt.getLoc(), "import statements inside functions");
    return;
  case Stmt::Kind::Del:
    for (ExprPtr &target : llvm::cast<DelStmt>(stmt).targets)
      checkDelTarget(*target);
    return;
  case Stmt::Kind::Unsupported:
    unsupported(stmt.getLoc(), llvm::cast<UnsupportedStmt>(stmt).what);
    return;
  }
}

/// `del xs[i]` and `del d[k]`; deleting names and slices comes later.
void Checker::checkDelTarget(Expr &target) {
  auto *sub = llvm::dyn_cast<SubscriptExpr>(&target);
  if (!sub) {
    unsupported(target.getLoc(), "del statements on names");
    return;
  }
  const Type *base = checkExpr(*sub->value);
  if (base->isAny()) {
    checkDynamicIndex(*sub->index);
    return;
  }
  if (auto *dict = llvm::dyn_cast<DictType>(base)) {
    const Type *key = checkExprExpecting(*sub->index, dict->getKey());
    if (!isAssignable(key, dict->getKey()))
      diags.error(sub->index->getLoc(), "a " + dict->str() +
                                            " has no keys of type " +
                                            key->str());
    return;
  }
  if (base->isList() && !llvm::isa<SliceExpr>(sub->index.get())) {
    const Type *index = checkExpr(*sub->index);
    if (!index->isInt() && !index->isBool() && !index->isError())
      diags.error(sub->index->getLoc(),
                  "list indices must be integers, not " + index->str());
    return;
  }
  if (base->isList()) {
    unsupported(target.getLoc(), "deletions of list slices");
    return;
  }
  if (!base->isError())
    diags.error(target.getLoc(), "'" + base->str() +
                                     "' object doesn't support item deletion");
}

/// The type of the elements a `for` loop over `iter` assigns: int for
/// range(), one-character str for a str.
const Type *Checker::checkIterable(Expr &iter) {
  auto *call = llvm::dyn_cast<CallExpr>(&iter);
  auto *callee = call ? llvm::dyn_cast<NameExpr>(call->callee.get()) : nullptr;
  Symbol *sym = callee ? lookupName(*callee, /*report=*/false) : nullptr;
  bool isBuiltin = sym && sym->kind == Symbol::Kind::Builtin;
  if (isBuiltin && (sym->builtin == Builtin::Enumerate ||
                    sym->builtin == Builtin::Zip ||
                    sym->builtin == Builtin::Reversed)) {
    callee->symbol = sym;
    call->type = types.getNone();
    llvm::StringRef name = callee->name;
    // enumerate(xs, start) / enumerate(xs, start=n); zip() of any number.
    bool isEnumerate = sym->builtin == Builtin::Enumerate;
    if (isEnumerate && call->keywords.size() == 1 &&
        call->keywords[0].name == "start" && call->args.size() == 1) {
      const Type *start = checkExpr(*call->keywords[0].value);
      if (!start->isInt() && !start->isBool() && !start->isError())
        diags.error(call->keywords[0].value->getLoc(),
                    "'" + start->str() + "' object cannot be interpreted as "
                                         "an integer");
    } else if (!checkArgCount(*call, name, 1,
                              sym->builtin == Builtin::Zip ? SIZE_MAX
                              : isEnumerate                ? 2
                                                           : 1)) {
      return types.getError();
    }
    std::vector<const Type *> elements;
    if (isEnumerate && call->args.size() == 2) {
      const Type *start = checkExpr(*call->args[1]);
      if (!start->isInt() && !start->isBool() && !start->isError())
        diags.error(call->args[1]->getLoc(),
                    "'" + start->str() + "' object cannot be interpreted as "
                                         "an integer");
    }
    for (ExprPtr &arg : llvm::make_range(call->args.begin(),
                                         call->args.begin() +
                                             (isEnumerate ? 1
                                                          : call->args.size()))) {
      const Type *type = checkExpr(*arg);
      if (type->isError())
        return type;
      if ((type->isFile() || type->isClass()) &&
          sym->builtin == Builtin::Reversed) {
        diags.error(arg->getLoc(),
                    "'" + (type->isFile() ? "_io.TextIOWrapper" : type->str()) +
                        "' object is not reversible");
        return types.getError();
      }
      if (const Type *element = iterableElement(type))
        elements.push_back(element);
      else if (type->isClass()) {
        reportNotIterable(type, arg->getLoc());
        return types.getError();
      } else {
        unsupported(arg->getLoc(), name + "() of " + type->str() + " values");
        return types.getError();
      }
    }
    if (sym->builtin == Builtin::Reversed)
      return elements.front();
    if (sym->builtin == Builtin::Enumerate)
      elements.insert(elements.begin(), types.getInt());
    return types.getTuple(elements);
  }
  if (!isBuiltin || sym->builtin != Builtin::Range) {
    const Type *type = checkExpr(iter);
    if (const Type *element = iterableElement(type))
      return element;
    if (type->isClass())
      reportNotIterable(type, iter.getLoc());
    else
      unsupported(iter.getLoc(), "for loops over " + type->str() + " values");
    return types.getError();
  }
  callee->symbol = sym;
  if (!call->keywords.empty())
    diags.error(call->keywords.front().loc,
                "range() takes no keyword arguments");
  if (call->args.empty() || call->args.size() > 3)
    diags.error(call->getLoc(), "range expected 1 to 3 arguments, got " +
                                    llvm::Twine(call->args.size()));
  for (ExprPtr &arg : call->args) {
    const Type *type = checkExpr(*arg);
    if (!type->isInt() && !type->isBool() && !type->isAny() && !type->isError())
      diags.error(arg->getLoc(), "range() arguments must be int, not " +
                                     type->str());
  }
  call->type = types.getNone();
  return types.getInt();
}

//===----------------------------------------------------------------------===//
// Entry point
//===----------------------------------------------------------------------===//

std::unique_ptr<Program>
roast::sema::check(llvm::ArrayRef<SourceModule> modules, DiagEngine &diags) {
  auto program = std::make_unique<Program>();
  unsigned errorsBefore = diags.getNumErrors();
  Checker checker(*program, diags);
  checker.declareBuiltinClasses();
  for (const SourceModule &source : modules) {
    ModuleInfo &module = program->moduleStorage.emplace_back();
    module.name = source.name;
    module.ast = source.ast;
    module.isMain = &source == &modules.back();
    program->modules.push_back(&module);
    checker.checkModule(module);
  }
  if (diags.getNumErrors() != errorsBefore)
    return nullptr;
  return program;
}
