//===- SemaFunctions.cpp - Functions as values, closures and lambdas ------===//
//
// A function value has a FunctionType (`Callable[[A, B], R]`). A `def` or a
// lambda nested in a function captures the enclosing locals it uses
// (FunctionInfo::captures); a captured local that may change after the
// closure is made lives in a heap cell (Symbol::isCell), so every closure
// sees its latest value, as Python's late binding does. A lambda taken as a
// value becomes a function of its own (a synthesized `def` returning its
// body), typed by the Callable it is expected to be.
//
//===----------------------------------------------------------------------===//

#include "SemaImpl.h"

using namespace roast;
using namespace roast::ast;
using namespace roast::sema;

const Type *Checker::resolveCallable(SubscriptExpr &sub) {
  // Callable[[A, B], R]
  auto *args = llvm::dyn_cast<TupleExpr>(sub.index.get());
  auto *params = args && args->elts.size() == 2
                     ? llvm::dyn_cast<ListExpr>(args->elts[0].get())
                     : nullptr;
  if (!params) {
    diags.error(sub.index->getLoc(),
                "Callable[...] takes a list of parameter types and a result "
                "type, Callable[[A, B], R]");
    return types.getError();
  }
  std::vector<const Type *> paramTypes;
  for (ExprPtr &param : params->elts) {
    const Type *type = resolveAnnotation(param.get());
    if (type->isError())
      return type;
    paramTypes.push_back(type);
  }
  const Type *result = resolveAnnotation(args->elts[1].get());
  if (result->isError())
    return result;
  return types.getFunction(paramTypes, result);
}

const Type *Checker::checkFunctionValue(NameExpr &name, FunctionInfo &info) {
  if (info.owner) {
    unsupported(name.getLoc(), "methods taken through the class as values");
    return types.getError();
  }
  if (!info.typeParams.empty()) {
    unsupported(name.getLoc(), "generic functions taken as values");
    return types.getError();
  }
  info.usedAsValue = true;
  noteReference(info);
  return info.type;
}

void Checker::noteReference(FunctionInfo &callee) {
  if (current && callee.enclosing)
    current->referenced.insert(&callee);
}

void Checker::finishCaptures(FunctionInfo &root) {
  // A function that calls a nested function, or makes a closure of it,
  // needs what that function captures: iterate until nothing is added.
  llvm::SmallVector<FunctionInfo *> tree;
  for (FunctionInfo *info : program.functions)
    for (FunctionInfo *f = info; f; f = f->enclosing)
      if (f == &root) {
        tree.push_back(info);
        break;
      }
  for (bool changed = true; changed;) {
    changed = false;
    for (FunctionInfo *user : tree)
      for (FunctionInfo *callee : user->referenced)
        for (Symbol *sym : llvm::ArrayRef(callee->captures))
          for (FunctionInfo *f = user; f && f != sym->definedIn;
               f = f->enclosing)
            if (!llvm::is_contained(f->captures, sym)) {
              f->captures.push_back(sym);
              changed = true;
            }
  }
}

const Type *Checker::checkLambdaCall(CallExpr &call, LambdaExpr &lambda) {
  // `(lambda a, b: a - b)(10, 3)`: the arguments type the parameters.
  std::vector<const Type *> params;
  for (ExprPtr &arg : call.args)
    params.push_back(checkExpr(*arg));
  if (llvm::any_of(params, [](const Type *t) { return t->isError(); }))
    return types.getError();
  const Type *type =
      checkExprExpecting(lambda, types.getFunction(params, nullptr));
  call.callee->type = type;
  auto *fn = llvm::dyn_cast<FunctionType>(type);
  if (!fn)
    return types.getError();
  for (Keyword &keyword : call.keywords)
    diags.error(keyword.loc, "keyword arguments in a call of a function "
                             "value are not supported yet");
  return fn->getResult();
}

const Type *Checker::checkValueCall(CallExpr &call, const FunctionType &type) {
  for (ExprPtr &arg : call.args)
    checkExprExpecting(*arg, nullptr);
  for (Keyword &keyword : call.keywords) {
    checkExpr(*keyword.value);
    diags.error(keyword.loc, "keyword arguments in a call of a function "
                             "value are not supported yet");
  }
  llvm::ArrayRef<const Type *> params = type.getParams();
  if (!call.keywords.empty())
    return type.getResult();
  if (call.args.size() != params.size()) {
    diags.error(call.getLoc(), "the function value takes " +
                                   llvm::Twine(params.size()) +
                                   " positional argument" +
                                   (params.size() == 1 ? "" : "s") + " but " +
                                   llvm::Twine(call.args.size()) +
                                   (call.args.size() == 1 ? " was" : " were") +
                                   " given");
    return type.getResult();
  }
  for (auto [arg, param] : llvm::zip(call.args, params))
    if (!isAssignable(arg->type, param))
      diags.error(arg->getLoc(), "argument of type " + arg->type->str() +
                                     " given where the function value "
                                     "takes " +
                                     param->str());
  return type.getResult();
}

/// `fn(args)`: a call of the function a map()/filter() argument names.
static ExprPtr callOf(const Expr &fn, std::vector<ExprPtr> args) {
  auto &name = llvm::cast<NameExpr>(fn);
  return std::make_unique<CallExpr>(
      fn.getLoc(), std::make_unique<NameExpr>(name.getLoc(), name.name),
      std::move(args), std::vector<Keyword>());
}

void Checker::wrapBuiltinValue(ExprPtr &arg, const Type *param) {
  auto *signature = llvm::dyn_cast<FunctionType>(param);
  auto *name = llvm::dyn_cast<NameExpr>(arg.get());
  if (!signature || signature->getParams().empty() || !name)
    return;
  Symbol *sym = lookupName(*name, /*report=*/false);
  if (!sym || sym->kind != Symbol::Kind::Builtin ||
      builtinValueIndex(sym->builtin) < 0)
    return;
  // `len` where a Callable[[str], int] is wanted is `lambda s: len(s)`: a
  // typed function value whose result types the call (`map_list(xs, len)`
  // binds U to int), where the built-in taken as a value would be dynamic.
  Loc loc = name->getLoc();
  std::vector<Param> params(signature->getParams().size());
  std::vector<ExprPtr> args;
  for (auto [i, param] : llvm::enumerate(params)) {
    param.loc = loc;
    param.name = "<arg" + std::to_string(i) + ">";
    args.push_back(std::make_unique<NameExpr>(loc, param.name));
  }
  ExprPtr body = callOf(*name, std::move(args));
  arg = std::make_unique<LambdaExpr>(loc, std::move(params), std::move(body));
}

const Type *Checker::checkMapFilter(CallExpr &call, Builtin builtin) {
  // Python's map and filter return iterators; Roast evaluates them as the
  // list comprehension they stand for (as generator expressions are), so
  // list(), sorted(), for and the other consumers see the same elements.
  bool isMap = builtin == Builtin::Map;
  llvm::StringRef name = isMap ? "map" : "filter";
  Loc loc = call.getLoc();
  if (!call.keywords.empty()) {
    diags.error(call.keywords.front().loc,
                name + "() takes no keyword arguments");
    return types.getError();
  }
  if (call.args.size() < 2 || (!isMap && call.args.size() != 2)) {
    diags.error(loc, isMap ? "map() must have at least two arguments."
                           : "filter expected 2 arguments, got " +
                                 std::to_string(call.args.size()));
    return types.getError();
  }
  Expr &fn = *call.args.front();
  auto *lambda = llvm::dyn_cast<LambdaExpr>(&fn);
  bool isNone = llvm::isa<NoneLitExpr>(fn);
  if (!llvm::isa<NameExpr>(fn) && !(isNone && !isMap) &&
      !(lambda && lambda->params.size() == call.args.size() - 1 &&
        llvm::none_of(lambda->params,
                      [](const Param &p) { return p.defaultValue != nullptr; }))) {
    unsupported(fn.getLoc(), name + "() of functions other than names and "
                                    "lambdas of one parameter per iterable");
    return types.getError();
  }

  // One clause over the iterable (or a zip of them) binding the lambda's
  // parameters or fresh names; the element calls the function.
  std::vector<std::string> names;
  for (size_t i = 1; i < call.args.size(); ++i)
    names.push_back(lambda ? lambda->params[i - 1].name
                           : "<" + name.str() + std::to_string(i) + ">");
  auto nameExpr = [&](const std::string &n) {
    return std::make_unique<NameExpr>(loc, n);
  };
  ComprehensionClause clause;
  if (names.size() == 1) {
    clause.target = nameExpr(names[0]);
    clause.iter = std::move(call.args[1]);
  } else {
    std::vector<ExprPtr> targets, iterables;
    for (const std::string &n : names)
      targets.push_back(nameExpr(n));
    for (size_t i = 1; i < call.args.size(); ++i)
      iterables.push_back(std::move(call.args[i]));
    clause.target = std::make_unique<TupleExpr>(loc, std::move(targets));
    clause.iter = std::make_unique<CallExpr>(
        loc, std::make_unique<NameExpr>(loc, "zip"), std::move(iterables),
        std::vector<Keyword>());
  }
  ExprPtr applied;
  if (lambda) {
    applied = std::move(lambda->body);
  } else if (!isNone) {
    std::vector<ExprPtr> args;
    for (const std::string &n : names)
      args.push_back(nameExpr(n));
    applied = callOf(fn, std::move(args));
  }
  ExprPtr element;
  if (isMap) {
    element = std::move(applied);
  } else {
    element = nameExpr(names[0]);
    clause.conditions.push_back(applied ? std::move(applied)
                                        : nameExpr(names[0]));
  }
  std::vector<ComprehensionClause> clauses;
  clauses.push_back(std::move(clause));
  call.desugared = std::make_unique<ComprehensionExpr>(
      loc, ComprehensionExpr::Form::List, std::move(element), nullptr,
      std::move(clauses));
  return checkExpr(*call.desugared);
}

const Type *Checker::checkLambda(LambdaExpr &lambda, const Type *expected) {
  auto *signature = llvm::dyn_cast_if_present<FunctionType>(expected);
  // Without a Callable to go to, the parameters are dynamic (`lambda:
  // body` has none) and the body gives the result type.
  if (!signature) {
    std::vector<const Type *> params;
    for (const Param &param : lambda.params)
      if (!param.defaultValue)
        params.push_back(types.getAny());
    signature = types.getFunction(params, nullptr);
  }
  // Parameters beyond the signature's must have defaults: they are bound
  // when the lambda is made (`lambda x, i=i: x * i`).
  llvm::ArrayRef<const Type *> params = signature->getParams();
  if (lambda.params.size() < params.size() ||
      llvm::any_of(llvm::drop_begin(lambda.params, params.size()),
                   [](const Param &p) { return !p.defaultValue; })) {
    diags.error(lambda.getLoc(),
                "lambda takes " + llvm::Twine(lambda.params.size()) +
                    " parameters where a " + signature->str() +
                    " is expected");
    return types.getError();
  }
  std::vector<const Type *> allParams(params.begin(), params.end());
  for (Param &param : llvm::drop_begin(lambda.params, params.size()))
    allParams.push_back(checkExpr(*param.defaultValue));
  for (auto [param, type] : llvm::zip(lambda.params, allParams))
    if (param.defaultValue && !param.defaultValue->type)
      checkExprExpecting(*param.defaultValue, type);

  // The lambda becomes `def <lambda>(params): return body`.
  Loc loc = lambda.getLoc();
  Block body;
  body.push_back(std::make_unique<ReturnStmt>(loc, std::move(lambda.body)));
  auto &def = program.lambdaDefs.emplace_back(std::make_unique<FunctionDefStmt>(
      loc, "<lambda>", std::move(lambda.params), nullptr, std::move(body)));
  FunctionInfo &info = program.functionStorage.emplace_back();
  info.def = def.get();
  info.enclosing = current;
  info.usedAsValue = true;
  info.valueType = signature;
  for (auto [param, type] : llvm::zip(def->params, allParams))
    info.scope[param.name] = addParam(info, param, type);
  info.type = types.getFunction(allParams, signature->getResult());
  Symbol *sym = newSymbol(Symbol::Kind::Function, "<lambda>", info.type, loc);
  sym->function = &info;
  info.symbol = sym;
  def->symbol = sym;
  program.functions.push_back(&info);
  lambda.function = &info;

  // Its body is checked here, where the locals it captures have types;
  // comprehension variables of the enclosing code are not visible in it.
  FunctionInfo *outer = current;
  current = &info;
  auto comprehensions = std::move(comprehensionScopes);
  comprehensionScopes.clear();
  auto &ret = llvm::cast<ReturnStmt>(*def->body.front());
  const Type *result = checkExprExpecting(*ret.value, signature->getResult());
  if (!signature->getResult()) {
    // Called where it is written: the body gives the result type.
    signature = types.getFunction(signature->getParams(), result);
    info.valueType = signature;
    info.type = types.getFunction(allParams, result);
    sym->type = info.type;
  } else if (!isAssignable(result, signature->getResult())) {
    diags.error(ret.value->getLoc(),
                "lambda returns " + result->str() + " where a " +
                    signature->str() + " is expected");
  }
  comprehensionScopes = std::move(comprehensions);
  current = outer;
  if (outer)
    outer->referenced.insert(&info);
  return signature;
}
