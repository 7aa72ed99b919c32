//===- SemaCollections.cpp - Dicts, sets and iterables --------------------===//
//
// Dict and set displays, their methods, the list()/set()/dict()
// constructors, and the element types of iterables that `for`, the
// reducing built-ins and comprehensions share.
//
//===----------------------------------------------------------------------===//

#include "SemaImpl.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"

using namespace roast;
using namespace roast::ast;
using namespace roast::sema;

const Type *Checker::checkIterableArg(Expr &expr, llvm::StringRef name) {
  const Type *type = checkExpr(expr);
  if (type->isError())
    return nullptr;
  // sum() of strs is a TypeError in Python.
  const Type *element =
      type->isStr() && name == "sum" ? nullptr : iterableElement(type);
  if (!element && type->isClass())
    reportNotIterable(type, expr.getLoc());
  else if (!element)
    unsupported(expr.getLoc(), name + "() of a " + type->str());
  return element;
}

void Checker::reportNotIterable(const Type *type, Loc loc) {
  auto *cls = llvm::cast<ClassType>(type);
  FunctionInfo *iter = cls->getInfo()->findMethod("__iter__");
  if (!iter) {
    diags.error(loc, "'" + type->str() + "' object is not iterable");
    return;
  }
  if (!findDunder(type, "__iter__", 0)) {
    diags.error(loc, "'" + iter->qualifiedName() +
                         "' must take no arguments besides self");
    return;
  }
  const Type *iterator = iter->type->getResult();
  auto *iteratorClass = llvm::dyn_cast<ClassType>(iterator);
  if (!iter->genericParams().empty() ||
      (iteratorClass && !iteratorClass->getInfo()->typeParams.empty())) {
    unsupported(loc, "iterations over instances of generic classes");
    return;
  }
  FunctionInfo *next = iteratorClass
                           ? iteratorClass->getInfo()->findMethod("__next__")
                           : nullptr;
  if (!next)
    diags.error(loc, "iter() returned non-iterator of type '" +
                         iterator->str() + "'");
  else
    diags.error(loc, "'" + next->qualifiedName() +
                         "' must take no arguments besides self");
}

bool Checker::mergeElement(Expr &element, const Type *&common,
                           const Type *expected, llvm::StringRef what) {
  const Type *type = checkExprExpecting(element, common);
  if (type->isError())
    return false;
  if (!common) {
    common = type;
    return true;
  }
  if (expected && !isAssignable(type, common)) {
    diags.error(element.getLoc(),
                "a " + expected->str() + " cannot hold a " +
                    (what.ends_with("key") ? "key" : "value") + " of type " +
                    type->str());
    return false;
  }
  if (!expected && !unify(type, common)) {
    // [1, None] is a list[int | None].
    if (const Type *joined = join(common, type)) {
      common = joined;
      return true;
    }
    diags.error(element.getLoc(), what + "s of different types (" +
                                      common->str() + " and " + type->str() +
                                      ") are not supported yet");
    return false;
  }
  return true;
}

/// `{k: v, ...}`: keys of one type and values of one type; `{}` takes its
/// type from where it goes (`d: dict[str, int] = {}`) or from its uses.
const Type *Checker::checkDict(DictExpr &expr, const Type *expected) {
  auto *expectedDict = llvm::dyn_cast_if_present<DictType>(expected);
  const Type *key = expectedDict ? expectedDict->getKey() : nullptr;
  const Type *value = expectedDict ? expectedDict->getValue() : nullptr;
  for (auto [k, v] : llvm::zip(expr.keys, expr.values))
    if (!mergeElement(*k, key, expectedDict, "dict key") ||
        !mergeElement(*v, value, expectedDict, "dict value"))
      return types.getError();
  if (!key) { // bound by the first uses that fix them
    key = types.newVar();
    value = types.newVar();
  }
  if (!checkHashable(key, expr.getLoc()))
    return types.getError();
  return types.getDict(key, value);
}

/// `{a, b}`: elements of one type (`{}` is an empty dict, as in Python).
const Type *Checker::checkSet(SetExpr &expr, const Type *expected) {
  auto *expectedSet = llvm::dyn_cast_if_present<SetType>(expected);
  const Type *element = expectedSet ? expectedSet->getElement() : nullptr;
  for (ExprPtr &elt : expr.elts)
    if (!mergeElement(*elt, element, expectedSet, "set element"))
      return types.getError();
  if (!checkHashable(element, expr.getLoc()))
    return types.getError();
  return types.getSet(element);
}

const Checker::MethodSignature *
Checker::findMethod(CallExpr &call, AttributeExpr &callee,
                    llvm::StringRef typeName,
                    llvm::ArrayRef<MethodSignature> methods) {
  for (const MethodSignature &method : methods)
    if (method.name == callee.attr)
      return &method;
  for (ExprPtr &arg : call.args)
    checkExpr(*arg);
  diags.error(callee.getLoc(), "'" + typeName + "' object has no attribute '" +
                                   callee.attr +
                                   "' (or it is not supported yet)");
  return nullptr;
}

bool Checker::checkMethodArgs(CallExpr &call, llvm::StringRef name,
                              llvm::ArrayRef<const Type *> params,
                              size_t required, bool keywordsChecked) {
  if (!keywordsChecked) {
    for (Keyword &keyword : call.keywords) {
      checkExpr(*keyword.value);
      diags.error(keyword.loc, name + "() takes no keyword arguments");
    }
  }
  if (call.args.size() < required || call.args.size() > params.size()) {
    for (ExprPtr &arg : call.args)
      checkExpr(*arg);
    diags.error(call.getLoc(),
                name + "() takes " +
                    (required == params.size()
                         ? llvm::Twine(required)
                         : llvm::Twine(required) + " to " +
                               llvm::Twine(params.size())) +
                    " argument" + (params.size() == 1 ? "" : "s") + " (" +
                    llvm::Twine(call.args.size()) + " given)");
    return false;
  }
  bool ok = keywordsChecked || call.keywords.empty();
  for (auto [arg, param] : llvm::zip_first(call.args, params)) {
    const Type *type = checkExprExpecting(*arg, param);
    if (!isAssignable(type, param) && !type->isError()) {
      diags.error(arg->getLoc(), name + "() argument must be " + param->str() +
                                     ", not " + type->str());
      ok = false;
    }
  }
  return ok;
}

const Type *Checker::checkDictMethodCall(CallExpr &call, AttributeExpr &callee,
                                         const DictType *dict) {
  const Type *key = dict->getKey(), *value = dict->getValue();
  const Type *none = types.getNone();
  const MethodSignature methods[] = {
      {"get", {key, value}, 2, value},
      {"pop", {key, value}, 1, value},
      {"setdefault", {key, value}, 2, value},
      {"update", {dict}, 1, none},
      {"clear", {}, 0, none},
      {"copy", {}, 0, dict},
      {"keys", {}, 0, types.getList(key)},
      {"values", {}, 0, types.getList(value)},
      {"items", {}, 0, types.getList(types.getTuple({key, value}))},
  };
  const MethodSignature *sig = findMethod(call, callee, "dict", methods);
  if (!sig)
    return types.getError();
  if (sig->name == "get" &&
      (call.args.size() == 1 ||
       (call.args.size() == 2 && llvm::isa<NoneLitExpr>(call.args[1].get())))) {
    // d.get(k) and d.get(k, None) return the value or None.
    if (!checkMethodArgs(call, "dict.get", {key, none}, 1))
      return types.getError();
    return optionalOf(value, call.getLoc());
  }
  if (!checkMethodArgs(call, "dict." + sig->name.str(), sig->params,
                       sig->required))
    return types.getError();
  return sig->result;
}

const Type *Checker::checkSetMethodCall(CallExpr &call, AttributeExpr &callee,
                                        const SetType *set) {
  const Type *element = set->getElement();
  const Type *none = types.getNone();
  const Type *boolType = types.getBool();
  const MethodSignature methods[] = {
      {"add", {element}, 1, none},
      {"remove", {element}, 1, none},
      {"discard", {element}, 1, none},
      {"pop", {}, 0, element},
      {"clear", {}, 0, none},
      {"copy", {}, 0, set},
      {"union", {set}, 1, set},
      {"intersection", {set}, 1, set},
      {"difference", {set}, 1, set},
      {"symmetric_difference", {set}, 1, set},
      {"update", {set}, 1, none},
      {"intersection_update", {set}, 1, none},
      {"difference_update", {set}, 1, none},
      {"issubset", {set}, 1, boolType},
      {"issuperset", {set}, 1, boolType},
  };
  const MethodSignature *sig = findMethod(call, callee, "set", methods);
  if (!sig || !checkMethodArgs(call, "set." + sig->name.str(), sig->params,
                               sig->required))
    return types.getError();
  return sig->result;
}

/// list(), set(), dict(): empty ones take their type from where they go;
/// list(x) and set(x) collect any iterable, dict(d) copies a dict.
const Type *Checker::checkContainerConstructor(CallExpr &call, Builtin builtin,
                                               const Type *expected) {
  llvm::StringRef name = builtin == Builtin::List  ? "list"
                         : builtin == Builtin::Set ? "set"
                                                   : "dict";
  if (!checkArgCount(call, name, 0, 1))
    return types.getError();
  if (call.args.empty()) {
    bool fits = builtin == Builtin::List  ? llvm::isa_and_present<ListType>(expected)
                : builtin == Builtin::Set ? llvm::isa_and_present<SetType>(expected)
                                          : llvm::isa_and_present<DictType>(expected);
    if (fits)
      return expected;
    // The element types are bound by the first uses that fix them.
    if (builtin == Builtin::List)
      return types.getList(types.newVar());
    if (builtin == Builtin::Set)
      return types.getSet(types.newVar());
    return types.getDict(types.newVar(), types.newVar());
  }
  Expr &arg = *call.args[0];
  if (builtin == Builtin::Dict) {
    const Type *type = checkExpr(arg);
    if (type->isDict() || type->isError())
      return type;
    unsupported(arg.getLoc(), "dict() of a " + type->str());
    return types.getError();
  }
  const Type *element = checkExpr(arg);
  if (element->isError())
    return element;
  element = iterableElement(element);
  if (!element && arg.type->isClass()) {
    reportNotIterable(arg.type, arg.getLoc());
    return types.getError();
  }
  if (!element) {
    diags.error(arg.getLoc(), "'" + arg.type->str() +
                                  "' object is not iterable");
    return types.getError();
  }
  if (builtin == Builtin::List)
    return checkListElement(element, arg.getLoc()) ? types.getList(element)
                                                   : types.getError();
  return checkHashable(element, arg.getLoc()) ? types.getSet(element)
                                              : types.getError();
}

/// Adds a fresh variable for every name in a comprehension target to the
/// innermost comprehension scope.
static void declareTargets(Expr &target,
                           llvm::function_ref<void(NameExpr &)> declare) {
  if (auto *name = llvm::dyn_cast<NameExpr>(&target)) {
    declare(*name);
    return;
  }
  if (auto *tuple = llvm::dyn_cast<TupleExpr>(&target))
    for (ExprPtr &element : tuple->elts)
      declareTargets(*element, declare);
}

/// The clause targets live in their own scope, as in Python 3: they do not
/// leak, and a name used in the first iterable still means the enclosing
/// one (it is checked before the targets are declared).
const Type *Checker::checkComprehension(ComprehensionExpr &expr,
                                        const Type *expected) {
  comprehensionScopes.emplace_back();
  bool ok = true;
  // `if x is not None` filters narrow the clauses after them and the element.
  std::vector<std::unique_ptr<NarrowingScope>> filters;
  for (ComprehensionClause &clause : expr.clauses) {
    const Type *element = checkIterable(*clause.iter);
    declareTargets(*clause.target, [&](NameExpr &name) {
      Symbol *sym =
          newSymbol(Symbol::Kind::Local, name.name, nullptr, name.getLoc());
      comprehensionScopes.back()[name.name] = sym;
      expr.symbols.push_back(sym);
    });
    if (element->isError())
      ok = false;
    else
      assignTo(*clause.target, element, clause.target->getLoc());
    for (ExprPtr &condition : clause.conditions) {
      checkCondition(*condition);
      llvm::SmallVector<Narrowing, 2> notNone, none;
      collectNoneTests(*condition, notNone, none);
      filters.push_back(std::make_unique<NarrowingScope>(*this, notNone));
    }
  }
  // The element takes the expected container's element type, so that
  // `xs: list[float] = [i for i in ...]` converts each int.
  const Type *expectedElement = nullptr, *expectedValue = nullptr;
  if (auto *list = llvm::dyn_cast_if_present<ListType>(expected))
    expectedElement = list->getElement();
  else if (auto *set = llvm::dyn_cast_if_present<SetType>(expected))
    expectedElement = set->getElement();
  else if (auto *dict = llvm::dyn_cast_if_present<DictType>(expected)) {
    expectedElement = dict->getKey();
    expectedValue = dict->getValue();
  }
  auto checkPart = [&](Expr &part, const Type *want) {
    const Type *type = ok ? checkExprExpecting(part, want) : types.getError();
    if (type->isError())
      return type;
    return want && isAssignable(type, want) ? want : type;
  };
  const Type *element = checkPart(*expr.element, expectedElement);
  const Type *value =
      expr.value ? checkPart(*expr.value, expectedValue) : nullptr;
  while (!filters.empty())
    filters.pop_back(); // innermost first
  comprehensionScopes.pop_back();
  if (element->isError() || (value && value->isError()))
    return types.getError();
  switch (expr.form) {
  case ComprehensionExpr::Form::List:
  case ComprehensionExpr::Form::Generator:
    return checkListElement(element, expr.getLoc()) ? types.getList(element)
                                                    : types.getError();
  case ComprehensionExpr::Form::Set:
    return checkHashable(element, expr.element->getLoc())
               ? types.getSet(element)
               : types.getError();
  case ComprehensionExpr::Form::Dict:
    return checkHashable(element, expr.element->getLoc())
               ? types.getDict(element, value)
               : types.getError();
  }
  llvm_unreachable("unknown comprehension form");
}

bool roast::sema::parseFormatTemplate(llvm::StringRef text,
                                      std::vector<FormatPiece> &pieces,
                                      std::string &error) {
  enum class Numbering { Unknown, Automatic, Manual } numbering =
      Numbering::Unknown;
  size_t nextIndex = 0;
  std::string literal;
  auto flushLiteral = [&] {
    if (literal.empty())
      return;
    FormatPiece piece;
    piece.literal = std::move(literal);
    pieces.push_back(std::move(piece));
    literal.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '}') {
      if (i + 1 < text.size() && text[i + 1] == '}') {
        literal += '}';
        ++i;
        continue;
      }
      error = "Single '}' encountered in format string";
      return false;
    }
    if (c != '{') {
      literal += c;
      continue;
    }
    if (i + 1 < text.size() && text[i + 1] == '{') {
      literal += '{';
      ++i;
      continue;
    }
    size_t close = text.find('}', i + 1);
    if (close == llvm::StringRef::npos) {
      error = "expected '}' before end of string";
      return false;
    }
    llvm::StringRef field = text.slice(i + 1, close);
    if (field.contains('{')) {
      error = "nested replacement fields in format specs are not supported";
      return false;
    }
    FormatPiece piece;
    piece.isField = true;
    size_t colon = field.find(':');
    if (colon != llvm::StringRef::npos) {
      piece.spec = field.drop_front(colon + 1).str();
      field = field.take_front(colon);
    }
    size_t bang = field.find('!');
    if (bang != llvm::StringRef::npos) {
      llvm::StringRef conversion = field.drop_front(bang + 1);
      if (conversion.size() != 1 || !llvm::is_contained("rsa", conversion[0])) {
        error = conversion.empty()
                    ? "end of string while looking for conversion specifier"
                    : "Unknown conversion specifier " + conversion.str();
        return false;
      }
      piece.conversion = conversion[0];
      field = field.take_front(bang);
    }
    if (field.empty() || llvm::isDigit(field[0])) {
      Numbering kind = field.empty() ? Numbering::Automatic : Numbering::Manual;
      if (numbering != Numbering::Unknown && numbering != kind) {
        error = kind == Numbering::Manual
                    ? "cannot switch from automatic field numbering to "
                      "manual field specification"
                    : "cannot switch from manual field specification to "
                      "automatic field numbering";
        return false;
      }
      numbering = kind;
      if (field.empty()) {
        piece.index = nextIndex++;
      } else if (field.getAsInteger(10, piece.index)) {
        error = "attribute and index lookups in format fields are not "
                "supported";
        return false;
      }
    } else if (field.find_first_of(".[") != llvm::StringRef::npos) {
      error = "attribute and index lookups in format fields are not supported";
      return false;
    } else {
      piece.name = field.str();
    }
    flushLiteral();
    pieces.push_back(std::move(piece));
    i = close;
  }
  flushLiteral();
  return true;
}

bool Checker::checkSortKeywords(std::vector<Keyword> &keywords,
                                llvm::StringRef name, const Type *element,
                                bool allowReverse) {
  bool ok = true;
  for (Keyword &keyword : keywords) {
    if (keyword.name == "key") {
      ok &= element->isError() || checkKeyFunction(keyword, element);
    } else if (keyword.name == "reverse" && allowReverse) {
      const Type *type = checkExpr(*keyword.value);
      if (!type->isBool() && !type->isInt() && !type->isError()) {
        diags.error(keyword.value->getLoc(), "reverse must be a bool");
        ok = false;
      }
    } else {
      checkExpr(*keyword.value);
      diags.error(keyword.loc, name + " got an unexpected keyword argument '" +
                                   keyword.name + "'");
      ok = false;
    }
  }
  return ok;
}

const Type *Checker::checkKeyFunction(Keyword &keyword, const Type *element) {
  Loc loc = keyword.value->getLoc();
  if (auto *name = llvm::dyn_cast<NameExpr>(keyword.value.get())) {
    // `sorted([], key=len)`: the key never runs on an empty display, but
    // its element type must suit it; len() takes a str.
    if (auto *var = llvm::dyn_cast<TypeVar>(resolve(element));
        var && name->name == "len")
      var->bind(types.getStr());
    // key=len is key=lambda x: len(x): one call site to check and inline.
    std::vector<ExprPtr> args;
    args.push_back(std::make_unique<NameExpr>(loc, "<key>"));
    ExprPtr call = std::make_unique<CallExpr>(loc, std::move(keyword.value),
                                              std::move(args),
                                              std::vector<Keyword>());
    std::vector<Param> params(1);
    params[0].loc = loc;
    params[0].name = "<key>";
    keyword.value =
        std::make_unique<LambdaExpr>(loc, std::move(params), std::move(call));
  }
  auto *lambda = llvm::dyn_cast<LambdaExpr>(keyword.value.get());
  if (!lambda) {
    checkExpr(*keyword.value);
    unsupported(loc, "key= arguments other than lambdas and function names");
    return nullptr;
  }
  if (lambda->params.size() != 1 || lambda->params[0].defaultValue) {
    diags.error(loc, "a key function takes exactly one argument");
    return nullptr;
  }
  Param &param = lambda->params[0];
  comprehensionScopes.emplace_back();
  param.symbol = newSymbol(Symbol::Kind::Local, param.name, element, param.loc);
  comprehensionScopes.back()[param.name] = param.symbol;
  const Type *key = checkExpr(*lambda->body);
  comprehensionScopes.pop_back();
  lambda->type = key;
  return key->isError() ? nullptr : key;
}
