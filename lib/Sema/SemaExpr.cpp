//===- SemaExpr.cpp - Type checking of expressions and built-in calls -----===//
//
// Python's numeric rules: bool is an int, int mixed with float gives float,
// `/` always gives float. Messages follow CPython's where it has one.
//
//===----------------------------------------------------------------------===//

#include "SemaImpl.h"

#include "llvm/ADT/StringSwitch.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>

using namespace roast;
using namespace roast::ast;
using namespace roast::sema;

bool roast::sema::parsePythonFloat(llvm::StringRef text, double &value) {
  std::string s = text.trim(" \t\n\r\f\v").str();
  std::string lower = llvm::StringRef(s).lower();
  llvm::StringRef body = lower;
  bool negative = body.consume_front("-");
  if (!negative)
    body.consume_front("+");
  if (body == "inf" || body == "infinity") {
    value = negative ? -HUGE_VAL : HUGE_VAL;
    return true;
  }
  if (body == "nan") {
    value = negative ? -NAN : NAN;
    return true;
  }
  // Digits, optional '.', optional exponent; '_' only between digits.
  std::string cleaned;
  char prev = 0;
  for (char c : body) {
    if (c == '_') {
      if (!std::isdigit(static_cast<unsigned char>(prev)))
        return false;
    } else if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.' &&
               c != 'e' && c != '+' && c != '-') {
      return false;
    } else {
      if (prev == '_' && !std::isdigit(static_cast<unsigned char>(c)))
        return false;
      cleaned += c;
    }
    prev = c;
  }
  if (prev == '_' || cleaned.empty() ||
      (!std::isdigit(static_cast<unsigned char>(cleaned[0])) &&
       cleaned[0] != '.'))
    return false;
  errno = 0;
  char *end = nullptr;
  value = std::strtod(cleaned.c_str(), &end);
  if (end != cleaned.c_str() + cleaned.size())
    return false;
  if (negative)
    value = -value;
  return true;
}

//===----------------------------------------------------------------------===//
// Names
//===----------------------------------------------------------------------===//

Symbol *Checker::lookupName(NameExpr &name, bool report) {
  Symbol *sym = nullptr;
  for (llvm::StringMap<Symbol *> &scope : llvm::reverse(comprehensionScopes))
    if ((sym = scope.lookup(name.name)))
      return sym;
  if (current) {
    sym = current->globalDecls.lookup(name.name);
    if (!sym)
      sym = current->nonlocalDecls.lookup(name.name);
    if (!sym)
      sym = current->scope.lookup(name.name);
    // A local of an enclosing function: the closure captures it.
    for (FunctionInfo *f = current->enclosing; f && !sym; f = f->enclosing) {
      sym = f->globalDecls.lookup(name.name);
      if (!sym)
        sym = f->scope.lookup(name.name);
      if (sym && sym->kind == Symbol::Kind::Local)
        noteCapture(sym);
    }
  }
  if (!sym)
    sym = moduleScope().lookup(name.name);
  if (!sym)
    sym = builtins.lookup(name.name);
  if (!sym && report)
    diags.error(name.getLoc(), "name '" + name.name + "' is not defined");
  return sym;
}

const Type *Checker::checkName(NameExpr &name) {
  Symbol *sym = lookupName(name, /*report=*/true);
  if (!sym)
    return types.getError();
  name.symbol = sym;
  switch (sym->kind) {
  case Symbol::Kind::Local:
  case Symbol::Kind::Global:
    if (const Type *type = lookupNarrowed({sym, ""}))
      return type; // an optional known not to be None here
    if (!sym->type) {
      diags.error(name.getLoc(),
                  (sym->kind == Symbol::Kind::Local ? "local variable '"
                                                    : "name '") +
                      name.name + "' is used before it is assigned");
      return types.getError();
    }
    return sym->type;
  case Symbol::Kind::Function:
    return checkFunctionValue(name, *sym->function);
  case Symbol::Kind::Builtin:
    if (isModuleValue(sym->builtin)) // from sys import argv
      return sym->type;
    if (builtinValueIndex(sym->builtin) >= 0) // [abs, str]: a dynamic value
      return types.getAny();
    unsupported(name.getLoc(), "functions as values");
    return types.getError();
  case Symbol::Kind::Module:
    unsupported(name.getLoc(), "modules as values");
    return types.getError();
  case Symbol::Kind::Class:
    unsupported(name.getLoc(), "classes as values");
    return types.getError();
  case Symbol::Kind::Constant:
    return sym->type;
  }
  llvm_unreachable("unknown symbol kind");
}

//===----------------------------------------------------------------------===//
// Operators
//===----------------------------------------------------------------------===//

/// The type of an arithmetic result under Python's numeric tower.
static const Type *promote(TypeContext &types, const Type *lhs,
                           const Type *rhs) {
  if (lhs->isFloat() || rhs->isFloat())
    return types.getFloat();
  return types.getInt();
}

static bool isNegativeIntLiteral(const Expr *expr) {
  auto *unary = llvm::dyn_cast<UnaryExpr>(expr);
  return unary && unary->op == UnaryOp::Neg &&
         llvm::isa<IntLitExpr>(unary->operand.get());
}

bool roast::sema::isFloatPower(const Type *lhs, const Expr *rhsExpr) {
  // `2 ** -1` is 0.5 in Python: an int raised to a negative literal is a
  // float power. Other int ** int stay ints (negative exponents raise).
  return !lhs->isFloat() && isNegativeIntLiteral(rhsExpr);
}

const Type *Checker::binaryResultType(BinaryOp op, const Type *lhs,
                                      const Type *rhs, Loc loc,
                                      Expr *rhsExpr) {
  if (lhs->isError() || rhs->isError())
    return types.getError();
  if (lhs->isAny() || rhs->isAny())
    return types.getAny(); // decided at run time, as Python does
  auto fail = [&]() {
    diags.error(loc, "unsupported operand type(s) for " + spelling(op) +
                         ": '" + lhs->str() + "' and '" + rhs->str() + "'");
    return types.getError();
  };
  // On a type parameter, only + - * between two values of it.
  if (lhs->isTypeParam() || rhs->isTypeParam())
    return lhs == rhs && (op == BinaryOp::Add || op == BinaryOp::Sub ||
                          op == BinaryOp::Mul)
               ? lhs
               : fail();
  if (lhs->isClass() || rhs->isClass()) {
    OperatorCall call = findBinaryOperator(op, lhs, rhs);
    return call.method ? signatureOn(*call.method, call.reflected ? rhs : lhs)
                             ->getResult()
                       : fail();
  }
  if (lhs->isSet() || rhs->isSet()) {
    if ((op == BinaryOp::BitOr || op == BinaryOp::BitAnd ||
         op == BinaryOp::Sub || op == BinaryOp::BitXor) &&
        unify(lhs, rhs))
      return resolve(lhs);
    return fail();
  }
  if (lhs->isDict() || rhs->isDict())
    return fail();
  if (auto *left = llvm::dyn_cast<TupleType>(lhs)) {
    std::vector<const Type *> elements(left->getElements().begin(),
                                       left->getElements().end());
    if (auto *right = llvm::dyn_cast<TupleType>(rhs); right &&
                                                      op == BinaryOp::Add) {
      llvm::append_range(elements, right->getElements());
      return types.getTuple(elements);
    }
    std::optional<int64_t> count = rhsExpr ? constantInt(*rhsExpr) : std::nullopt;
    if (op == BinaryOp::Mul && (rhs->isInt() || rhs->isBool())) {
      if (!count || *count * int64_t(elements.size()) > 1024) {
        unsupported(loc, "tuple repetitions by a non-constant or large count");
        return types.getError();
      }
      std::vector<const Type *> repeated;
      for (int64_t i = 0; i < *count; ++i)
        llvm::append_range(repeated, elements);
      return types.getTuple(repeated);
    }
    return fail();
  }
  if (lhs->isList() || rhs->isList()) {
    if (op == BinaryOp::Add && lhs->isList() && rhs->isList() &&
        unify(lhs, rhs))
      return resolve(lhs);
    const Type *count = lhs->isList() ? rhs : lhs;
    if (op == BinaryOp::Mul && (count->isInt() || count->isBool()))
      return lhs->isList() ? lhs : rhs;
    return fail();
  }
  if (lhs->isStr() || rhs->isStr()) {
    if (op == BinaryOp::Add && lhs->isStr() && rhs->isStr())
      return types.getStr();
    bool countIsInt = (lhs->isStr() ? rhs : lhs)->isInt() ||
                      (lhs->isStr() ? rhs : lhs)->isBool();
    if (op == BinaryOp::Mul && countIsInt)
      return types.getStr();
    if (op == BinaryOp::Mod && lhs->isStr()) {
      unsupported(loc, "%-formatting of strings");
      return types.getError();
    }
    return fail();
  }
  if (!lhs->isNumeric() || !rhs->isNumeric())
    return fail();
  switch (op) {
  case BinaryOp::Add:
  case BinaryOp::Sub:
  case BinaryOp::Mul:
  case BinaryOp::FloorDiv:
  case BinaryOp::Mod:
    return promote(types, lhs, rhs);
  case BinaryOp::Pow:
    if (rhs->isInt() && isFloatPower(lhs, rhsExpr))
      return types.getFloat();
    return promote(types, lhs, rhs);
  case BinaryOp::Div:
    return types.getFloat();
  case BinaryOp::LShift:
  case BinaryOp::RShift:
    if (lhs->isFloat() || rhs->isFloat())
      return fail();
    return types.getInt();
  case BinaryOp::BitAnd:
  case BinaryOp::BitOr:
  case BinaryOp::BitXor:
    if (lhs->isFloat() || rhs->isFloat())
      return fail();
    return lhs->isBool() && rhs->isBool() ? types.getBool() : types.getInt();
  case BinaryOp::MatMul:
    return fail();
  }
  llvm_unreachable("unknown binary operator");
}

const Type *Checker::checkBinary(BinaryExpr &expr) {
  const Type *lhs = checkExpr(*expr.lhs);
  const Type *rhs = checkExpr(*expr.rhs);
  return binaryResultType(expr.op, lhs, rhs, expr.getLoc(), expr.rhs.get());
}

const Type *Checker::checkUnary(UnaryExpr &expr) {
  // -9223372036854775808 is the one literal that only fits when negated.
  if (auto *lit = llvm::dyn_cast<IntLitExpr>(expr.operand.get());
      lit && expr.op == UnaryOp::Neg && !lit->fitsInt64 &&
      lit->value == (uint64_t(1) << 63)) {
    lit->type = types.getInt();
    return types.getInt();
  }
  const Type *operand = checkExpr(*expr.operand);
  if (operand->isError())
    return operand;
  if (operand->isAny() && expr.op != UnaryOp::Not)
    return operand;
  if (operand->isClass() && expr.op != UnaryOp::Not) {
    llvm::StringRef name = expr.op == UnaryOp::Neg   ? "__neg__"
                           : expr.op == UnaryOp::Pos ? "__pos__"
                                                     : "__invert__";
    if (FunctionInfo *method = findDunder(operand, name, 0))
      return signatureOn(*method, operand)->getResult();
    diags.error(expr.getLoc(), "bad operand type for unary operator: '" +
                                   operand->str() + "'");
    return types.getError();
  }
  switch (expr.op) {
  case UnaryOp::Not:
    checkTruthValue(operand, expr.operand->getLoc());
    return types.getBool();
  case UnaryOp::Neg:
  case UnaryOp::Pos:
    if (operand->isFloat())
      return operand;
    if (operand->isInt() || operand->isBool())
      return types.getInt();
    break;
  case UnaryOp::Invert:
    if (operand->isInt() || operand->isBool())
      return types.getInt();
    break;
  }
  diags.error(expr.getLoc(), "bad operand type for unary " +
                                 spelling(expr.op) + ": '" + operand->str() +
                                 "'");
  return types.getError();
}

bool Checker::checkTruthValue(const Type *type, Loc loc) {
  if (type->isNumeric() || type->isNone() || type->isError() ||
      type->isTuple() || type->isStr() || type->isList() || type->isDict() ||
      type->isSet() || type->isOptional() || type->isAny())
    return true;
  if (type->isClass()) {
    // __bool__ or __len__ decide; an instance without either is true.
    FunctionInfo *method = findDunder(type, "__bool__", 0);
    if (method && !method->type->getResult()->isBool())
      diags.error(loc, "'" + method->qualifiedName() + "' must return bool");
    return true;
  }
  unsupported(loc, "truth values of " + type->str());
  return false;
}

void Checker::checkCondition(Expr &expr) {
  checkTruthValue(checkExpr(expr), expr.getLoc());
}

const Type *Checker::checkBoolOp(BoolOpExpr &expr) {
  const Type *result = nullptr;
  // `x is not None and x.f`: each operand runs only if the ones before it
  // were true (`and`) or false (`or`), which may narrow optionals.
  std::vector<std::unique_ptr<NarrowingScope>> scopes;
  for (auto [i, value] : llvm::enumerate(expr.values)) {
    const Type *type = checkExpr(*value);
    llvm::SmallVector<Narrowing, 2> notNone, none;
    collectNoneTests(*value, notNone, none);
    scopes.push_back(std::make_unique<NarrowingScope>(
        *this, expr.op == BoolOpKind::And ? notNone : none));
    if (i + 1 != expr.values.size()) {
      checkTruthValue(type, value->getLoc());
      // `x or y` passes x on only when it is true, so not None.
      if (auto *optional = llvm::dyn_cast<OptionalType>(type);
          optional && expr.op == BoolOpKind::Or)
        type = optional->getValue();
    }
    if (type->isError() || (result && result->isError())) {
      result = types.getError();
    } else if (!result) {
      result = type;
    } else if (const Type *joined = join(result, type)) {
      result = joined;
    } else {
      diags.error(value->getLoc(),
                  "operands of '" + spelling(expr.op) +
                      "' with different types (" + result->str() + " and " +
                      type->str() + ") are not supported yet");
      result = types.getError();
    }
  }
  return result;
}

void Checker::checkComparison(CmpOp op, const Type *lhs, const Type *rhs,
                              Loc loc, Loc comparatorLoc) {
  if (lhs->isAny() || rhs->isAny())
    return; // compared at run time
  // Values of a type parameter compare with values of the same one.
  if ((lhs->isTypeParam() || rhs->isTypeParam()) && op != CmpOp::In &&
      op != CmpOp::NotIn) {
    if (op == CmpOp::Is || op == CmpOp::IsNot)
      genericUnsupported(loc, "'is' comparisons",
                         lhs->isTypeParam() ? lhs : rhs);
    else if (lhs != rhs && !lhs->isError() && !rhs->isError())
      diags.error(loc, "'" + spelling(op) +
                           "' not supported between instances of '" +
                           lhs->str() + "' and '" + rhs->str() + "'");
    return;
  }
  if (op == CmpOp::In || op == CmpOp::NotIn) {
    const Type *element = rhs->isList() || rhs->isDict() || rhs->isSet()
                              ? iterableElement(rhs)
                              : nullptr;
    if (rhs->isTuple()) {
      ; // x in (a, b): x == a or x == b, each by Python's equality
    } else if (rhs->isClass() &&
               !llvm::cast<ClassType>(rhs)->getInfo()->findMethod(
                   "__contains__") &&
               (element = iterableElement(rhs))) {
      // No __contains__: the elements are walked and compared by ==.
      checkComparison(CmpOp::Eq, lhs, element, loc, comparatorLoc);
    } else if (rhs->isClass()) {
      FunctionInfo *contains = findDunder(rhs, "__contains__", 1);
      if (!contains ||
          !isAssignable(lhs, signatureOn(*contains, rhs)->getParams()[1]))
        diags.error(loc, "argument of type '" + rhs->str() +
                             "' does not support 'in' with " + lhs->str());
    } else if (element) {
      if (!isAssignable(lhs, element))
        diags.error(loc, "'in' tests a " + rhs->str() +
                             " for a value of type " + lhs->str());
    } else if (!lhs->isStr() || !rhs->isStr()) {
      unsupported(comparatorLoc, "'in' operators on " + rhs->str() + " values");
    }
  } else if (op == CmpOp::Is || op == CmpOp::IsNot) {
    bool containers =
        (lhs->isList() || lhs->isDict() || lhs->isSet()) && unify(lhs, rhs);
    if (lhs->isClass() && rhs->isClass())
      containers = isAssignable(lhs, rhs) || isAssignable(rhs, lhs);
    // `True is True`: numbers are compared as the same object when equal
    // and of one type (CPython caches small ints and the two bools).
    if (lhs->isNumeric() && rhs->isNumeric())
      containers = true;
    if (!lhs->isNone() && !rhs->isNone() && !containers)
      unsupported(loc, "'is' comparisons of values other "
                       "than None and containers of one type");
  } else if (lhs->isOptional() || rhs->isOptional()) {
    // Optionals compare for equality only: None equals None, values
    // compare as their types do.
    auto valueOf = [](const Type *type) {
      auto *optional = llvm::dyn_cast<OptionalType>(type);
      return optional ? optional->getValue() : type;
    };
    if (op != CmpOp::Eq && op != CmpOp::NotEq)
      diags.error(loc, "'" + spelling(op) +
                           "' not supported between instances of '" +
                           lhs->str() + "' and '" + rhs->str() + "'");
    else if (!lhs->isNone() && !rhs->isNone())
      checkComparison(op, valueOf(lhs), valueOf(rhs), loc, comparatorLoc);
  } else if (lhs->isClass() || rhs->isClass()) {
    checkInstanceComparison(op, lhs, rhs, loc);
  } else if (lhs->isList() || rhs->isList() || lhs->isDict() || rhs->isDict() ||
             lhs->isSet() || rhs->isSet()) {
    // Dicts only compare for equality; sets order by inclusion.
    bool ordering = op != CmpOp::Eq && op != CmpOp::NotEq;
    if (!unify(lhs, rhs) || (ordering && lhs->isDict()))
      diags.error(loc, "'" + spelling(op) +
                           "' not supported between instances "
                           "of '" +
                           lhs->str() + "' and '" + rhs->str() + "'");
  } else if (lhs->isStr() && rhs->isStr())
    ; // Lexicographic, by code point.
  else if (lhs->isTuple() && rhs->isTuple())
    ; // Lexicographic, field by field (TypeError at run time if the
      // deciding fields cannot be ordered).
  else if ((lhs->isNone() || rhs->isNone()) &&
           (op == CmpOp::Eq || op == CmpOp::NotEq))
    ; // None equals only None, known statically.
  else if (!lhs->isNumeric() || !rhs->isNumeric() ||
           ((op != CmpOp::Eq && op != CmpOp::NotEq) &&
            (lhs->isNone() || rhs->isNone())))
    diags.error(loc, "'" + spelling(op) +
                         "' not supported between instances "
                         "of '" +
                         lhs->str() + "' and '" + rhs->str() + "'");
}

const Type *Checker::checkCompare(CompareExpr &expr) {
  const Type *lhs = checkExpr(*expr.left);
  for (auto [op, comparator] : llvm::zip(expr.ops, expr.comparators)) {
    const Type *rhs = checkExpr(*comparator);
    if (!lhs->isError() && !rhs->isError())
      checkComparison(op, lhs, rhs, expr.getLoc(), comparator->getLoc());
    lhs = rhs;
  }
  return types.getBool();
}

const Type *Checker::checkIfExp(IfExpExpr &expr) {
  checkCondition(*expr.test);
  llvm::SmallVector<Narrowing, 2> notNone, none;
  collectNoneTests(*expr.test, notNone, none);
  const Type *body, *orElse;
  {
    NarrowingScope scope(*this, notNone);
    body = checkExpr(*expr.body);
  }
  {
    NarrowingScope scope(*this, none);
    orElse = checkExpr(*expr.orElse);
  }
  if (body->isError() || orElse->isError())
    return types.getError();
  if (const Type *joined = join(body, orElse))
    return joined;
  diags.error(expr.getLoc(), "conditional expressions with branches of "
                             "different types (" +
                                 body->str() + " and " + orElse->str() +
                                 ") are not supported yet");
  return types.getError();
}

//===----------------------------------------------------------------------===//
// Calls
//===----------------------------------------------------------------------===//

const Type *Checker::checkCall(CallExpr &call) {
  auto *callee = llvm::dyn_cast<NameExpr>(call.callee.get());
  if (!callee) {
    if (auto *attr = llvm::dyn_cast<AttributeExpr>(call.callee.get())) {
      if (resolveModuleAttribute(*attr)) {
        Symbol *member = attr->member;
        if (member && member->kind == Symbol::Kind::Builtin)
          return checkBuiltinCall(call, member->builtin);
        if (member && member->kind == Symbol::Kind::Function)
          return checkUserCall(call, *member->function);
        if (member && member->kind == Symbol::Kind::Class)
          return checkConstruction(call, *member->classInfo);
        for (ExprPtr &arg : call.args)
          checkExpr(*arg);
        if (member)
          diags.error(attr->getLoc(),
                      "'" + (member->type ? member->type->str()
                                          : std::string("module")) +
                          "' object is not callable");
        return types.getError();
      }
      if (ClassInfo *info = resolveClassReceiver(*attr))
        return checkMethodCall(call, *attr, info);
      return checkStrMethodCall(call, *attr);
    }
    // f(x)(y), fs[0](y), (lambda a, b: a - b)(1, 2): a function value.
    if (auto *lambda = llvm::dyn_cast<LambdaExpr>(call.callee.get()))
      return checkLambdaCall(call, *lambda);
    const Type *type = checkExpr(*call.callee);
    if (type->isAny())
      return checkDynamicCall(call);
    if (auto *fn = llvm::dyn_cast<FunctionType>(type))
      return checkValueCall(call, *fn);
    if (type->isClass())
      return checkInstanceCall(call, type); // make()(x), objs[0](x)
    for (ExprPtr &arg : call.args)
      checkExpr(*arg);
    if (!type->isError())
      diags.error(call.callee->getLoc(),
                  "'" + type->str() + "' object is not callable");
    return types.getError();
  }
  Symbol *sym = lookupName(*callee, /*report=*/true);
  if (!sym)
    return types.getError();
  callee->symbol = sym;
  if (sym->kind == Symbol::Kind::Function) {
    noteReference(*sym->function);
    return checkUserCall(call, *sym->function);
  }
  if (sym->kind == Symbol::Kind::Builtin)
    return checkBuiltinCall(call, sym->builtin);
  if (sym->kind == Symbol::Kind::Class)
    return checkConstruction(call, *sym->classInfo);
  if (auto *bound = llvm::dyn_cast_or_null<BoundMethodType>(
          lookupNarrowed({sym, ""}) ? lookupNarrowed({sym, ""}) : sym->type))
    return checkUserCall(call, *bound->getMethod(), /*firstParam=*/1,
                         bound->getReceiver());
  if (FunctionInfo *alias = sym->alias) {
    noteReference(*alias);
    return checkUserCall(call, *alias);
  }
  if (auto *fn = llvm::dyn_cast_or_null<FunctionType>(sym->type)) {
    checkName(*callee); // records a capture
    callee->type = fn;
    return checkValueCall(call, *fn);
  }
  if (const Type *type =
          lookupNarrowed({sym, ""}) ? lookupNarrowed({sym, ""}) : sym->type;
      type && type->isClass())
    return checkInstanceCall(call, checkExpr(*callee)); // f(x), f an instance
  if (sym->type && sym->type->isAny()) {
    checkExpr(*callee); // records a capture
    return checkDynamicCall(call);
  }
  diags.error(callee->getLoc(), "'" + (sym->type ? sym->type->str()
                                                  : std::string("unknown")) +
                                    "' object '" + callee->name +
                                    "' is not callable");
  return types.getError();
}

const Type *Checker::checkInstanceCall(CallExpr &call, const Type *type) {
  auto *cls = llvm::dyn_cast<ClassType>(type);
  FunctionInfo *method = cls ? cls->getInfo()->findMethod("__call__") : nullptr;
  if (!method || method->methodKind != FunctionInfo::MethodKind::Instance) {
    for (ExprPtr &arg : call.args)
      checkExpr(*arg);
    for (Keyword &keyword : call.keywords)
      checkExpr(*keyword.value);
    if (!type->isError())
      diags.error(call.callee->getLoc(),
                  "'" + type->str() + "' object is not callable");
    return types.getError();
  }
  call.dunderCall = method;
  return checkUserCall(call, *method, /*firstParam=*/1, cls);
}

const FunctionType *Checker::signatureOn(const FunctionInfo &method,
                                         const Type *receiver) {
  return llvm::cast<FunctionType>(
      memberType(types, method.type, receiver ? resolve(receiver) : nullptr));
}

const Type *Checker::checkUserCall(CallExpr &call, FunctionInfo &callee,
                                   size_t firstParam, const Type *receiver) {
  const std::string &name = callee.def->name;
  const FunctionType *signature = signatureOn(callee, receiver);
  llvm::ArrayRef<const Type *> paramTypes =
      signature->getParams().drop_front(firstParam);
  const Type *resultType = signature->getResult();
  // A method of a generic class takes the receiver's type arguments.
  if (auto *cls = llvm::dyn_cast_if_present<ClassType>(receiver);
      cls && !cls->getTypeArgs().empty() && callee.owner == cls->getInfo()) {
    call.typeArgs.assign(cls->getTypeArgs().begin(), cls->getTypeArgs().end());
    genericCalls.push_back(&call);
  }
  // A generic callee: its type parameters become fresh variables that the
  // arguments bind.
  std::vector<const Type *> substituted;
  if (!callee.typeParams.empty()) {
    // A call may be checked again (as an argument of max(), say): fresh
    // variables each time.
    call.typeArgs.clear();
    for (size_t i = 0; i < callee.typeParams.size(); ++i)
      call.typeArgs.push_back(types.newVar());
    for (const Type *param : paramTypes)
      substituted.push_back(
          substitute(param, callee.typeParams, call.typeArgs));
    paramTypes = substituted;
    resultType = substitute(resultType, callee.typeParams, call.typeArgs);
    genericCalls.push_back(&call);
  }
  llvm::ArrayRef<Param> params =
      llvm::ArrayRef(callee.def->params).drop_front(firstParam);
  std::vector<Expr *> bound(paramTypes.size(), nullptr);

  // Each argument binds the type variables it can before the next one is
  // checked, so `group_by(words, lambda w: w[0])` gives the lambda a str.
  auto checkArg = [&](ExprPtr &arg, const Type *param) {
    if (param)
      wrapBuiltinValue(arg, resolve(param));
    checkExprExpecting(*arg, param ? resolve(param) : nullptr);
    if (param && !call.typeArgs.empty())
      isAssignable(arg->type, param);
  };
  for (auto [i, arg] : llvm::enumerate(call.args))
    checkArg(arg, i < paramTypes.size() ? paramTypes[i] : nullptr);
  for (Keyword &keyword : call.keywords) {
    auto it = llvm::find_if(params, [&](const Param &param) {
      return param.name == keyword.name;
    });
    checkArg(keyword.value,
             it == params.end() ? nullptr : paramTypes[it - params.begin()]);
  }

  if (call.args.size() > paramTypes.size()) {
    diags.error(call.args[paramTypes.size()]->getLoc(),
                name + "() takes " + llvm::Twine(paramTypes.size()) +
                    " positional argument" +
                    (paramTypes.size() == 1 ? "" : "s") + " but " +
                    llvm::Twine(call.args.size()) + " were given");
    return resultType;
  }
  for (auto [i, arg] : llvm::enumerate(call.args))
    bound[i] = arg.get();
  for (Keyword &keyword : call.keywords) {
    auto it = llvm::find_if(params, [&](const Param &param) {
      return param.name == keyword.name;
    });
    if (it == params.end()) {
      diags.error(keyword.loc, name +
                                   "() got an unexpected keyword argument '" +
                                   keyword.name + "'");
      continue;
    }
    size_t index = it - params.begin();
    if (bound[index]) {
      diags.error(keyword.loc, name + "() got multiple values for argument '" +
                                   keyword.name + "'");
      continue;
    }
    bound[index] = keyword.value.get();
  }
  for (auto [i, arg] : llvm::enumerate(bound)) {
    const Param &param = params[i];
    if (!arg && param.defaultValue) {
      // A nested function's default lives in its enclosing frame.
      if (Symbol *slot = param.defaultSymbol;
          slot && slot->kind == Symbol::Kind::Local && current &&
          slot->definedIn != current)
        noteCapture(slot);
      continue;
    }
    if (!arg) {
      diags.error(call.getLoc(), name +
                                     "() missing required argument: '" +
                                     param.name + "'");
      continue;
    }
    if (!isAssignable(arg->type, paramTypes[i]))
      diags.error(arg->getLoc(), "argument '" + param.name + "' of " + name +
                                     "() has type " + paramTypes[i]->str() +
                                     ", but a value of type " +
                                     arg->type->str() + " was given");
  }
  // A type argument no argument gives (the parameter is unannotated, or
  // its argument dynamic) is dynamic, as in gradual typing anywhere else.
  for (const Type *arg : llvm::ArrayRef(call.typeArgs).take_front(
           callee.typeParams.size()))
    bindUnknownToAny(arg);
  if (firstParam == 0 && noteFallbackCall(call, callee, bound, paramTypes))
    return types.getAny();
  return resolve(resultType);
}

const Type *Checker::checkNumericArgs(CallExpr &call, llvm::StringRef name,
                                      size_t minArgs, size_t maxArgs) {
  for (Keyword &keyword : call.keywords) {
    checkExpr(*keyword.value);
    diags.error(keyword.loc, name + "() keyword argument '" + keyword.name +
                                 "' is not supported yet");
  }
  const Type *result = nullptr;
  bool dynamic = false; // abs(x) of a dynamic x is dynamic
  for (ExprPtr &arg : call.args) {
    const Type *type = checkExpr(*arg);
    if (type->isError()) {
      result = type;
      continue;
    }
    if (type->isAny()) {
      dynamic = true;
      continue;
    }
    if (!type->isNumeric()) {
      diags.error(arg->getLoc(), name + "() of a value of type " +
                                     type->str() + " is not supported yet");
      result = types.getError();
      continue;
    }
    if (!result)
      result = type;
    else if (!result->isError() && result != type)
      result = promote(types, result, type);
  }
  if (call.args.size() < minArgs || call.args.size() > maxArgs) {
    diags.error(call.getLoc(),
                name + "() takes " +
                    (minArgs == maxArgs
                         ? llvm::Twine(minArgs)
                         : llvm::Twine(minArgs) + " to " +
                               llvm::Twine(maxArgs)) +
                    " arguments here, but " + llvm::Twine(call.args.size()) +
                    " were given");
    return types.getError();
  }
  if (dynamic && (!result || !result->isError()))
    return types.getAny();
  return result ? result : types.getError();
}

const Type *Checker::checkBuiltinCall(CallExpr &call, Builtin builtin) {
  if (isMathBuiltin(builtin))
    return checkMathCall(call, builtin, moduleMemberName(call));
  switch (builtin) {
  case Builtin::Map:
  case Builtin::Filter:
    return checkMapFilter(call, builtin);
  case Builtin::Print: {
    for (ExprPtr &arg : call.args) {
      const Type *type = checkExpr(*arg);
      if (type->isFunction())
        diags.error(arg->getLoc(), "cannot print a function");
      else if (type->isFile())
        unsupported(arg->getLoc(), "printing file objects");
    }
    for (Keyword &keyword : call.keywords) {
      const Type *type = checkExpr(*keyword.value);
      if (keyword.name == "file") {
        if (!type->isFile() && !type->isNone() && !type->isError())
          diags.error(keyword.value->getLoc(),
                      "print() argument 'file' must be a file, not " +
                          type->str());
        continue;
      }
      if (keyword.name != "sep" && keyword.name != "end") {
        diags.error(keyword.loc, "print() keyword argument '" +
                                     keyword.name + "' is not supported yet");
        continue;
      }
      if (!type->isStr() && !type->isNone() && !type->isError())
        diags.error(keyword.value->getLoc(),
                    keyword.name + " must be None or a string, not " +
                        type->str());
    }
    return types.getNone();
  }
  case Builtin::Range:
  case Builtin::Enumerate:
  case Builtin::Zip:
  case Builtin::Reversed: {
    // Outside a `for` header these are lists of what the loop would see
    // (Roast materializes them; CPython's lazy objects print differently,
    // so they are typically wrapped in list() there).
    const Type *element = checkIterable(call);
    return element->isError() ? element : types.getList(element);
  }
  case Builtin::SysExit:
    return checkSysExit(call);
  case Builtin::TimePerfCounter:
  case Builtin::TimeTime:
  case Builtin::TimeSleep: {
    return checkTimeCall(call, builtin, moduleMemberName(call));
  }
  case Builtin::RandomSeed: case Builtin::RandomRandom:
  case Builtin::RandomUniform: case Builtin::RandomGetrandbits:
  case Builtin::RandomRandrange: case Builtin::RandomRandint:
  case Builtin::RandomChoice: case Builtin::RandomShuffle:
    return checkRandomCall(call, builtin, moduleMemberName(call));
  case Builtin::SysArgv:
  case Builtin::SysStdout:
  case Builtin::SysStderr:
    diags.error(call.getLoc(),
                (builtin == Builtin::SysArgv ? "'list'" : "'TextIOWrapper'") +
                    llvm::Twine(" object is not callable"));
    return types.getError();
  case Builtin::Open:
    return checkOpen(call);
  case Builtin::IsInstance:
    return checkIsInstance(call);
  case Builtin::Super:
    diags.error(call.getLoc(),
                "super() is only supported as `super().method(...)`");
    return types.getError();
  case Builtin::Hash: {
    if (!checkArgCount(call, "hash", 1, 1))
      return types.getError();
    const Type *type = checkExpr(*call.args[0]);
    if (!checkHashable(type, call.args[0]->getLoc()))
      return types.getError();
    return types.getInt();
  }
  case Builtin::List:
  case Builtin::Set:
  case Builtin::Dict:
    return checkContainerConstructor(call, builtin,
                                     std::exchange(callExpectedType, nullptr));
  case Builtin::Abs: {
    const Type *type = checkNumericArgs(call, "abs", 1, 1);
    return type->isBool() ? types.getInt() : type;
  }
  case Builtin::Min:
  case Builtin::Max: {
    llvm::StringRef name = builtin == Builtin::Min ? "min" : "max";
    if (call.args.size() == 1) {
      const Type *element = checkIterableArg(*call.args[0], name);
      bool ok = checkSortKeywords(call.keywords, (name + "()").str(),
                                  element ? element : types.getError(),
                                  /*allowReverse=*/false);
      return element && ok ? element : types.getError();
    }
    // min("b", "a"): strs compare by code point.
    if (call.keywords.empty() && llvm::all_of(call.args, [&](ExprPtr &arg) {
          return checkExpr(*arg)->isStr();
        }))
      return types.getStr();
    const Type *first = nullptr;
    for (ExprPtr &arg : call.args) {
      const Type *type = checkExpr(*arg);
      if (type->isAny() || (first && first->isAny())) {
        for (ExprPtr &rest : call.args) // compared at run time
          if (!rest->type)
            checkExpr(*rest);
        return types.getAny();
      }
      if (first && !first->isError() && !type->isError() && type != first) {
        // max(True, 0), max(1, 2.5): the winner's type, known at run time.
        for (ExprPtr &rest : call.args)
          if (!rest->type)
            checkExpr(*rest);
        return types.getAny();
      }
      first = first ? first : type;
    }
    return checkNumericArgs(call, name, 2, SIZE_MAX);
  }
  case Builtin::Int:
  case Builtin::Float:
  case Builtin::Bool: {
    llvm::StringRef name = builtin == Builtin::Int     ? "int"
                           : builtin == Builtin::Float ? "float"
                                                       : "bool";
    const Type *result = builtin == Builtin::Int     ? types.getInt()
                         : builtin == Builtin::Float ? types.getFloat()
                                                     : types.getBool();
    if (builtin == Builtin::Float && call.args.size() == 1 &&
        call.keywords.empty()) {
      // A literal that does not parse raises ValueError at run time, as
      // in Python (a try may be waiting for it).
      if (auto *lit = llvm::dyn_cast<StrLitExpr>(call.args[0].get())) {
        lit->type = types.getStr();
        return result;
      }
    }
    if (builtin == Builtin::Bool && call.args.size() == 1 &&
        call.keywords.empty()) {
      checkCondition(*call.args[0]);
      return result;
    }
    // int(s, base): the runtime's int() parses in that base.
    if (builtin == Builtin::Int && call.args.size() == 2 &&
        call.keywords.empty()) {
      const Type *text = checkExpr(*call.args[0]);
      const Type *base = checkExpr(*call.args[1]);
      if (!text->isStr() && !text->isAny() && !text->isError())
        diags.error(call.args[0]->getLoc(),
                    "int() can't convert non-string with explicit base");
      if (!base->isInt() && !base->isBool() && !base->isAny() &&
          !base->isError())
        diags.error(call.args[1]->getLoc(), "int() base must be an int");
      return result;
    }
    // int(s) and float(s) parse at run time.
    if (builtin != Builtin::Bool && call.args.size() == 1 &&
        call.keywords.empty()) {
      const Type *type = checkExpr(*call.args[0]);
      if (type->isStr() || type->isAny() || type->isError())
        return result;
      if (!type->isNumeric()) {
        diags.error(call.args[0]->getLoc(),
                    name + "() of a value of type " + type->str() +
                        " is not supported yet");
        return types.getError();
      }
      return result;
    }
    if (call.args.empty() && call.keywords.empty())
      return result;
    const Type *arg = checkNumericArgs(call, name, 1, 1);
    return arg->isError() ? arg : result;
  }
  case Builtin::Len: {
    if (!checkArgCount(call, "len", 1, 1))
      return types.getError();
    const Type *type = checkExpr(*call.args[0]);
    if (type->isTuple() || type->isStr() || type->isList() ||
        type->isDict() || type->isSet() || type->isAny() || type->isError())
      return types.getInt();
    if (FunctionInfo *len = findDunder(type, "__len__", 0);
        len && len->type->getResult()->isInt())
      return types.getInt();
    diags.error(call.args[0]->getLoc(),
                "object of type '" + type->str() + "' has no len()");
    return types.getError();
  }
  case Builtin::Str:
  case Builtin::Repr:
  case Builtin::Input: { // input(prompt) writes str(prompt)
    llvm::StringRef name = builtin == Builtin::Str    ? "str"
                           : builtin == Builtin::Repr ? "repr"
                                                      : "input";
    if (call.args.empty() && builtin != Builtin::Repr && call.keywords.empty())
      return types.getStr();
    if (!checkArgCount(call, name, builtin == Builtin::Input ? 0 : 1, 1))
      return types.getError();
    const Type *type = checkExpr(*call.args[0]);
    if (!type->isNumeric() && !type->isNone() && !type->isStr() &&
        !type->isList() && !type->isDict() && !type->isSet() &&
        !type->isTuple() && !type->isClass() && !type->isOptional() &&
        !type->isAny() && !type->isTypeParam() && !type->isError())
      diags.error(call.getLoc(), name + "() of a value of type " +
                                     type->str() + " is not supported yet");
    return types.getStr();
  }
  case Builtin::Ord: {
    if (!checkArgCount(call, "ord", 1, 1))
      return types.getError();
    const Type *type = checkExpr(*call.args[0]);
    if (!type->isStr() && !type->isAny() && !type->isError())
      diags.error(call.args[0]->getLoc(),
                  "ord() expected string of length 1, but " + type->str() +
                      " found");
    return types.getInt();
  }
  case Builtin::Chr: {
    if (!checkArgCount(call, "chr", 1, 1))
      return types.getError();
    const Type *type = checkExpr(*call.args[0]);
    if (!type->isInt() && !type->isBool() && !type->isAny() &&
        !type->isError())
      diags.error(call.args[0]->getLoc(), "'" + type->str() +
                                              "' object cannot be "
                                              "interpreted as an integer");
    return types.getStr();
  }
  case Builtin::Sum:
  case Builtin::Any:
  case Builtin::All: {
    llvm::StringRef name = builtin == Builtin::Sum   ? "sum"
                           : builtin == Builtin::Any ? "any"
                                                     : "all";
    if (!checkArgCount(call, name, 1, builtin == Builtin::Sum ? 2 : 1))
      return types.getError();
    const Type *element = checkIterableArg(*call.args[0], name);
    if (!element)
      return types.getError();
    if (builtin != Builtin::Sum)
      return types.getBool();
    // sum([]) of an empty list nothing else constrains: a list of ints.
    if (llvm::isa<TypeVar>(element))
      unify(element, types.getInt());
    element = resolve(element);
    // sum(xs, start): the numeric tower over the elements and the start.
    const Type *start =
        call.args.size() == 2 ? checkExpr(*call.args[1]) : types.getInt();
    if (start->isError())
      return start;
    if (element->isAny() || start->isAny())
      return types.getAny(); // added up with Python's semantics
    // Floats added to the default start, the int 0: the sum is a float,
    // except that of no elements, which is that int (typeshed's
    // `float | Literal[0]`; `sum([]) / n` is an int division). Roast has
    // no such union, so the result is a dynamic value.
    if (element->isFloat() && call.args.size() == 1)
      return types.getAny();
    if (!start->isNumeric()) {
      unsupported(call.args[1]->getLoc(), "sum() with a start of type " +
                                               start->str());
      return types.getError();
    }
    if (element->isNumeric())
      return element->isFloat() || start->isFloat() ? types.getFloat()
                                                    : types.getInt();
    diags.error(call.getLoc(), "unsupported operand type(s) for +: 'int' and '" +
                                   element->str() + "'");
    return types.getError();
  }
  case Builtin::Round: {
    const Type *type = checkNumericArgs(call, "round", 1, 2);
    if (type->isError() || type->isAny())
      return type;
    const Type *value = call.args[0]->type;
    if (call.args.size() == 2 && !call.args[1]->type->isInt() &&
        !call.args[1]->type->isBool()) {
      diags.error(call.args[1]->getLoc(), "'" + call.args[1]->type->str() +
                                              "' object cannot be "
                                              "interpreted as an integer");
      return types.getError();
    }
    if (!value->isFloat()) {
      if (call.args.size() == 2)
        unsupported(call.getLoc(), "round() of an int with ndigits");
      return call.args.size() == 2 ? types.getError() : types.getInt();
    }
    return call.args.size() == 2 ? types.getFloat() : types.getInt();
  }
  case Builtin::Sorted: {
    if (call.args.size() != 1) {
      for (ExprPtr &arg : call.args)
        checkExpr(*arg);
      diags.error(call.getLoc(), "sorted expected 1 argument, got " +
                                     llvm::Twine(call.args.size()));
      return types.getError();
    }
    const Type *element = checkIterableArg(*call.args[0], "sorted");
    bool ok = checkSortKeywords(call.keywords, "sorted()",
                                element ? element : types.getError(),
                                /*allowReverse=*/true);
    return element && ok ? types.getList(element) : types.getError();
  }
  case Builtin::DivMod: {
    const Type *type = checkNumericArgs(call, "divmod", 2, 2);
    if (type->isError())
      return type;
    const Type *element = promote(types, type, type);
    return types.getTuple({element, element});
  }
  case Builtin::Pow: {
    if (call.args.size() == 3) {
      const Type *type = checkNumericArgs(call, "pow", 3, 3);
      if (type->isError())
        return type;
      if (type->isFloat()) {
        diags.error(call.getLoc(), "pow() 3rd argument not allowed unless all "
                                   "arguments are integers");
        return types.getError();
      }
      return types.getInt();
    }
    const Type *type = checkNumericArgs(call, "pow", 2, 2);
    if (type->isError())
      return type;
    return binaryResultType(BinaryOp::Pow, call.args[0]->type,
                            call.args[1]->type, call.getLoc(),
                            call.args[1].get());
  }
  }
  llvm_unreachable("unknown builtin");
}

//===----------------------------------------------------------------------===//
// Strings
//===----------------------------------------------------------------------===//

std::optional<StrMethod> roast::sema::lookupStrMethod(llvm::StringRef name) {
  return llvm::StringSwitch<std::optional<StrMethod>>(name)
      .Case("upper", StrMethod::Upper)
      .Case("lower", StrMethod::Lower)
      .Case("strip", StrMethod::Strip)
      .Case("lstrip", StrMethod::LStrip)
      .Case("rstrip", StrMethod::RStrip)
      .Case("startswith", StrMethod::StartsWith)
      .Case("endswith", StrMethod::EndsWith)
      .Case("find", StrMethod::Find)
      .Case("count", StrMethod::Count)
      .Case("replace", StrMethod::Replace)
      .Case("isdigit", StrMethod::IsDigit)
      .Case("isalpha", StrMethod::IsAlpha)
      .Case("split", StrMethod::Split)
      .Case("join", StrMethod::Join)
      .Default(std::nullopt);
}

bool Checker::checkArgCount(CallExpr &call, llvm::StringRef name, size_t min,
                            size_t max) {
  for (Keyword &keyword : call.keywords) {
    checkExpr(*keyword.value);
    diags.error(keyword.loc,
                name + "() takes no keyword arguments");
  }
  if (call.args.size() >= min && call.args.size() <= max &&
      call.keywords.empty())
    return true;
  if (call.args.size() < min || call.args.size() > max) {
    for (ExprPtr &arg : call.args)
      checkExpr(*arg);
    diags.error(call.getLoc(),
                name + "() takes " +
                    (min == max ? llvm::Twine(min)
                                : llvm::Twine(min) + " to " + llvm::Twine(max)) +
                    " argument" + (max == 1 ? "" : "s") + " (" +
                    llvm::Twine(call.args.size()) + " given)");
  }
  return false;
}

const Type *Checker::checkStrMethodCall(CallExpr &call, AttributeExpr &callee) {
  if (callee.attr == "format" && llvm::isa<StrLitExpr>(callee.value.get()))
    return checkStrFormat(call, callee);
  const Type *receiver = checkExpr(*callee.value);
  if (receiver->isError())
    return receiver;
  if (receiver->isAny())
    return checkDynamicCall(call);
  if (auto *list = llvm::dyn_cast<ListType>(receiver))
    return checkListMethodCall(call, callee, list);
  if (auto *dict = llvm::dyn_cast<DictType>(receiver))
    return checkDictMethodCall(call, callee, dict);
  if (auto *set = llvm::dyn_cast<SetType>(receiver))
    return checkSetMethodCall(call, callee, set);
  if (auto *cls = llvm::dyn_cast<ClassType>(receiver))
    return checkMethodCall(call, callee, cls->getInfo());
  if (receiver->isFile())
    return checkFileMethodCall(call, callee);
  if (!receiver->isStr()) {
    for (ExprPtr &arg : call.args)
      checkExpr(*arg);
    if (receiver->isTypeParam())
      genericUnsupported(callee.getLoc(), "method calls", receiver);
    else
      unsupported(callee.getLoc(), "methods of " + receiver->str() + " values");
    return types.getError();
  }
  std::optional<StrMethod> method = lookupStrMethod(callee.attr);
  if (!method) {
    for (ExprPtr &arg : call.args)
      checkExpr(*arg);
    if (callee.attr == "format") {
      unsupported(callee.getLoc(), "str.format() calls on a computed "
                                   "template (use a literal or an f-string)");
      return types.getError();
    }
    diags.error(callee.getLoc(), "'str' object has no attribute '" +
                                     callee.attr +
                                     "' (or it is not supported yet)");
    return types.getError();
  }
  size_t min = 0, max = 0;
  const Type *result = types.getStr();
  switch (*method) {
  case StrMethod::Upper:
  case StrMethod::Lower:
    break;
  case StrMethod::Strip:
  case StrMethod::LStrip:
  case StrMethod::RStrip:
    max = 1;
    break;
  case StrMethod::StartsWith:
  case StrMethod::EndsWith:
    min = max = 1;
    result = types.getBool();
    break;
  case StrMethod::Find:
  case StrMethod::Count:
    min = 1;
    max = 3; // sub[, start[, end]]
    result = types.getInt();
    break;
  case StrMethod::Replace:
    min = max = 2;
    break;
  case StrMethod::IsDigit:
  case StrMethod::IsAlpha:
    result = types.getBool();
    break;
  case StrMethod::Split:
    max = 2; // [sep[, maxsplit]]
    result = types.getList(types.getStr());
    break;
  case StrMethod::Join:
    min = max = 1;
    break;
  }
  std::string name = "str." + callee.attr;
  if (!checkArgCount(call, name, min, max))
    return types.getError();
  if (*method == StrMethod::Join) {
    // Any iterable of strs: a list, a str (its characters), a set, a dict.
    const Type *strList = types.getList(types.getStr());
    const Type *type = checkExprExpecting(*call.args[0], strList);
    const Type *element = iterableElement(type);
    if (!type->isError() && (!element || (!element->isStr() && !element->isAny())))
      diags.error(call.args[0]->getLoc(),
                  "str.join() takes an iterable of str, not " + type->str());
    return result;
  }
  for (auto [i, arg] : llvm::enumerate(call.args)) {
    // find's and count's start and end, and split's maxsplit, are ints.
    bool intArg = (*method == StrMethod::Find || *method == StrMethod::Count)
                      ? i >= 1
                      : *method == StrMethod::Split && i == 1;
    const Type *type = checkExpr(*arg);
    if (type->isError())
      continue;
    if (intArg && !type->isInt() && !type->isBool())
      diags.error(arg->getLoc(), "'" + type->str() +
                                     "' object cannot be interpreted as an "
                                     "integer");
    else if (!intArg && !type->isStr())
      diags.error(arg->getLoc(), name + "() argument must be str, not " +
                                     type->str());
  }
  return result;
}

const Type *Checker::checkStrSlice(SliceExpr &slice) {
  for (ExprPtr *part : {&slice.lower, &slice.upper, &slice.step}) {
    if (!*part)
      continue;
    const Type *type = checkExpr(**part);
    if (!type->isInt() && !type->isBool() && !type->isNone() &&
        !type->isError())
      diags.error((*part)->getLoc(), "slice indices must be integers or "
                                     "None, not " +
                                         type->str());
  }
  return types.getStr();
}

//===----------------------------------------------------------------------===//
// f-strings
//===----------------------------------------------------------------------===//

/// Fields may hold numbers, bools, strs and None (None without a spec, as
/// NoneType has no format codes); `!r` and `!s` convert to str first.
const Type *Checker::checkFString(FStringExpr &expr) {
  bool ok = true;
  for (FStringExpr::Part &part : expr.parts) {
    if (!part.value)
      continue;
    const Type *type = checkExpr(*part.value);
    if (part.spec) {
      part.spec->type = checkFString(*part.spec);
      ok &= !part.spec->type->isError();
    }
    ok &= checkFormatField(type, part.conversion, part.spec != nullptr,
                           part.value->getLoc());
  }
  return ok ? types.getStr() : types.getError();
}

bool Checker::checkFormatField(const Type *type, char conversion,
                               bool hasSpec, Loc loc) {
  if (type->isError())
    return false;
  if (conversion == 'a') {
    unsupported(loc, "!a conversions");
    return false;
  }
  if (auto *optional = llvm::dyn_cast<OptionalType>(type)) {
    // f"{x}" prints None or the value; a spec would fail for None (CPython
    // raises TypeError then), so narrow first: `x if x is not None else 0`.
    if (hasSpec && !conversion) {
      unsupported(loc, "format specs on optional values (" + type->str() +
                           "; test `is not None` first)");
      return false;
    }
    return checkFormatField(optional->getValue(), conversion, false, loc);
  }
  // A type parameter's value converts as its type argument's will; a
  // format spec would depend on the type argument.
  if (type->isTypeParam() && hasSpec && !conversion) {
    unsupported(loc, "format specs on a value of generic type " + type->str());
    return false;
  }
  if (!type->isNumeric() && !type->isStr() && !type->isNone() &&
      !type->isList() && !type->isDict() && !type->isSet() &&
      !type->isTuple() && !type->isClass() && !type->isAny() &&
      !type->isTypeParam()) {
    unsupported(loc, "formatted fields of type " + type->str());
    return false;
  }
  if (!type->isNumeric() && !type->isStr() && !type->isAny() && hasSpec &&
      !conversion) {
    llvm::StringRef name = type->isNone()   ? "NoneType"
                           : type->isList() ? "list"
                           : type->isDict() ? "dict"
                           : type->isSet()  ? "set"
                                            : "tuple";
    diags.error(loc, "unsupported format string passed to " + name +
                         ".__format__");
    return false;
  }
  return true;
}

/// "...".format(...) of a literal template: checked here like an f-string
/// whose fields are the arguments.
const Type *Checker::checkStrFormat(CallExpr &call, AttributeExpr &callee) {
  std::vector<const Type *> positional;
  for (ExprPtr &arg : call.args)
    positional.push_back(checkExpr(*arg));
  llvm::StringMap<const Type *> named;
  for (Keyword &keyword : call.keywords)
    named[keyword.name] = checkExpr(*keyword.value);
  auto *lit = llvm::cast<StrLitExpr>(callee.value.get());
  lit->type = types.getStr();
  std::vector<FormatPiece> pieces;
  std::string error;
  if (!parseFormatTemplate(lit->value, pieces, error)) {
    diags.error(lit->getLoc(), error);
    return types.getError();
  }
  bool ok = true;
  for (FormatPiece &piece : pieces) {
    if (!piece.isField)
      continue;
    const Type *type = nullptr;
    if (!piece.name.empty()) {
      type = named.lookup(piece.name);
      if (!type)
        diags.error(lit->getLoc(), "KeyError: '" + piece.name +
                                       "' is not a keyword argument of "
                                       "this format() call");
    } else if (piece.index < positional.size()) {
      type = positional[piece.index];
    } else {
      diags.error(lit->getLoc(), "Replacement index " +
                                     llvm::Twine(piece.index) +
                                     " out of range for positional args "
                                     "tuple");
    }
    ok &= type && checkFormatField(type, piece.conversion,
                                   !piece.spec.empty(), lit->getLoc());
  }
  return ok ? types.getStr() : types.getError();
}

//===----------------------------------------------------------------------===//
// Lists
//===----------------------------------------------------------------------===//

/// Whether `type` holds a `tuple[...] | None`, which containers cannot store
/// yet (docs/rationale/optionals.md).
static bool holdsOptionalTuple(const Type *type) {
  if (auto *optional = llvm::dyn_cast<OptionalType>(type))
    return optional->getValue()->isTuple() ||
           holdsOptionalTuple(optional->getValue());
  if (auto *tuple = llvm::dyn_cast<TupleType>(type))
    return llvm::any_of(tuple->getElements(), holdsOptionalTuple);
  return false;
}

bool Checker::checkSlotType(const Type *type, Loc loc) {
  if (!holdsOptionalTuple(type))
    return true;
  unsupported(loc, "containers of optional tuples (" + type->str() + ")");
  return false;
}

bool Checker::checkHashable(const Type *type, Loc loc) {
  if (!checkSlotType(type, loc))
    return false;
  if (isHashable(type))
    return true;
  if (type->isFile()) { // hashable by identity in CPython
    unsupported(loc, "files as dict keys and set elements");
    return false;
  }
  // CPython names the first unhashable part, by its bare class name.
  while (auto *tuple = llvm::dyn_cast<TupleType>(type))
    type = *llvm::find_if(tuple->getElements(),
                          [](const Type *t) { return !isHashable(t); });
  std::string name = type->isList()    ? "list"
                     : type->isDict()  ? "dict"
                     : type->isSet()   ? "set"
                     : type->isClass() ? type->str() // __eq__ without __hash__
                                       : "function";
  diags.error(loc, "unhashable type: '" + name + "'");
  return false;
}

bool Checker::checkListElement(const Type *element, Loc loc) {
  return checkSlotType(element, loc);
}

/// `[a, b]`: all elements of one type; `[]` takes its type from where it
/// goes (`xs: list[int] = []`).
const Type *Checker::checkList(ListExpr &expr, const Type *expected) {
  auto *expectedList = llvm::dyn_cast_if_present<ListType>(expected);
  const Type *element = expectedList ? expectedList->getElement() : nullptr;
  for (ExprPtr &elt : expr.elts)
    if (!mergeElement(*elt, element, expectedList, "list element"))
      return types.getError();
  if (!element)
    element = types.newVar(); // bound by the first use that fixes it
  if (!checkListElement(element, expr.getLoc()))
    return types.getError();
  return types.getList(element);
}

const Type *Checker::checkListMethodCall(CallExpr &call, AttributeExpr &callee,
                                         const ListType *list) {
  const Type *element = list->getElement();
  const Type *none = types.getNone();
  const Type *intType = types.getInt();
  const MethodSignature methods[] = {
      {"append", {element}, 1, none},
      {"pop", {intType}, 0, element},
      {"insert", {intType, element}, 2, none},
      {"extend", {list}, 1, none},
      {"remove", {element}, 1, none},
      {"index", {element}, 1, intType},
      {"count", {element}, 1, intType},
      {"reverse", {}, 0, none},
      {"copy", {}, 0, list},
      {"clear", {}, 0, none},
      {"sort", {}, 0, none},
  };
  const MethodSignature *sig = findMethod(call, callee, "list", methods);
  if (!sig)
    return types.getError();
  std::string name = "list." + callee.attr;
  // sort(key=..., reverse=...) takes the only keywords.
  bool sort = sig->name == "sort";
  if (sort)
    checkSortKeywords(call.keywords, name + "()", element,
                      /*allowReverse=*/true);
  if (!checkMethodArgs(call, name, sig->params, sig->required,
                       /*keywordsChecked=*/sort))
    return types.getError();
  return sig->result;
}

//===----------------------------------------------------------------------===//
// Tuples
//===----------------------------------------------------------------------===//

std::optional<int64_t> roast::sema::constantInt(const Expr &expr) {
  if (auto *lit = llvm::dyn_cast<IntLitExpr>(&expr))
    return lit->fitsInt64 ? std::optional(static_cast<int64_t>(lit->value))
                          : std::nullopt;
  if (auto *neg = llvm::dyn_cast<UnaryExpr>(&expr);
      neg && neg->op == UnaryOp::Neg)
    if (std::optional<int64_t> value = constantInt(*neg->operand))
      return -*value;
  return std::nullopt;
}

std::optional<std::vector<size_t>>
roast::sema::constantSliceIndices(const SliceExpr &slice, size_t size) {
  std::optional<int64_t> bounds[3];
  ExprPtr const *parts[3] = {&slice.lower, &slice.upper, &slice.step};
  for (int i = 0; i < 3; ++i) {
    if (!*parts[i])
      continue;
    if (!(bounds[i] = constantInt(**parts[i])))
      return std::nullopt;
  }
  // Python's slice.indices().
  int64_t n = static_cast<int64_t>(size), step = bounds[2].value_or(1);
  if (step == 0)
    return std::nullopt;
  auto clamp = [&](std::optional<int64_t> bound, int64_t fallback) {
    if (!bound)
      return fallback;
    int64_t v = *bound < 0 ? *bound + n : *bound;
    if (v < 0)
      return step < 0 ? int64_t(-1) : int64_t(0);
    if (v >= n)
      return step < 0 ? n - 1 : n;
    return v;
  };
  int64_t start = clamp(bounds[0], step < 0 ? n - 1 : 0);
  int64_t stop = clamp(bounds[1], step < 0 ? -1 : n);
  std::vector<size_t> indices;
  for (int64_t i = start; step > 0 ? i < stop : i > stop; i += step)
    indices.push_back(static_cast<size_t>(i));
  return indices;
}

int64_t roast::sema::constantTupleIndex(const Expr &index, size_t size) {
  std::optional<int64_t> constant = constantInt(index);
  if (!constant)
    return -1;
  int64_t value = *constant;
  if (value < 0)
    value += static_cast<int64_t>(size);
  return value >= 0 && value < static_cast<int64_t>(size) ? value : -1;
}

const Type *Checker::checkTuple(TupleExpr &expr) {
  std::vector<const Type *> elements;
  for (ExprPtr &element : expr.elts) {
    const Type *type = checkExpr(*element);
    if (type->isError())
      return type;
    elements.push_back(type);
  }
  return types.getTuple(elements);
}

const Type *Checker::checkSubscript(SubscriptExpr &expr) {
  const Type *base = checkExpr(*expr.value);
  if (base->isError())
    return base;
  if (base->isAny()) {
    checkDynamicIndex(*expr.index);
    return base;
  }
  if (base->isStr()) {
    if (auto *slice = llvm::dyn_cast<SliceExpr>(expr.index.get()))
      return checkStrSlice(*slice);
    const Type *index = checkExpr(*expr.index);
    if (!index->isInt() && !index->isBool() && !index->isAny() &&
        !index->isError())
      diags.error(expr.index->getLoc(),
                  "string indices must be integers, not '" + index->str() +
                      "'");
    return types.getStr();
  }
  if (auto *list = llvm::dyn_cast<ListType>(base)) {
    if (auto *slice = llvm::dyn_cast<SliceExpr>(expr.index.get())) {
      checkStrSlice(*slice); // the same rules for the bounds
      return list;
    }
    const Type *index = checkExpr(*expr.index);
    if (!index->isInt() && !index->isBool() && !index->isAny() &&
        !index->isError())
      diags.error(expr.index->getLoc(), "list indices must be integers, not " +
                                            index->str());
    return list->getElement();
  }
  if (auto *dict = llvm::dyn_cast<DictType>(base)) {
    const Type *key = checkExprExpecting(*expr.index, dict->getKey());
    if (!isAssignable(key, dict->getKey()) && !key->isError())
      diags.error(expr.index->getLoc(), "a " + dict->str() +
                                            " has no keys of type " +
                                            key->str());
    return dict->getValue();
  }
  if (base->isClass() && !llvm::isa<SliceExpr>(expr.index.get())) {
    const Type *index = checkExpr(*expr.index);
    FunctionInfo *getitem = findDunder(base, "__getitem__", 1);
    if (!getitem) {
      diags.error(expr.getLoc(), "'" + base->str() +
                                     "' object is not subscriptable");
      return types.getError();
    }
    const FunctionType *signature = signatureOn(*getitem, base);
    if (!isAssignable(index, signature->getParams()[1]))
      diags.error(expr.index->getLoc(), "'" + getitem->qualifiedName() +
                                            "' takes an index of type " +
                                            signature->getParams()[1]->str() +
                                            ", not " + index->str());
    return signature->getResult();
  }
  auto *tuple = llvm::dyn_cast<TupleType>(base);
  if (!tuple) {
    checkExpr(*expr.index);
    unsupported(expr.getLoc(), "subscripts of " + base->str() + " values");
    return types.getError();
  }
  if (auto *slice = llvm::dyn_cast<SliceExpr>(expr.index.get())) {
    checkStrSlice(*slice); // the same rules for the bounds
    auto indices = constantSliceIndices(*slice, tuple->getElements().size());
    if (!indices) {
      unsupported(slice->getLoc(), "tuple slices with non-constant bounds");
      return types.getError();
    }
    std::vector<const Type *> elements;
    for (size_t i : *indices)
      elements.push_back(tuple->getElements()[i]);
    return types.getTuple(elements);
  }
  const Type *indexType = checkExpr(*expr.index);
  int64_t index = constantTupleIndex(*expr.index, tuple->getElements().size());
  if (index >= 0)
    return tuple->getElements()[index];
  if (indexType->isError())
    return indexType;
  // A computed (or out-of-range) index selects at run time, which needs
  // one element type; IndexError when it is out of range.
  if (!indexType->isInt() && !indexType->isBool()) {
    diags.error(expr.index->getLoc(),
                "tuple indices must be integers, not " + indexType->str());
    return types.getError();
  }
  if (tuple->getElements().empty() ||
      !llvm::all_equal(tuple->getElements())) {
    if (constantInt(*expr.index))
      diags.error(expr.index->getLoc(), "tuple index out of range");
    else
      unsupported(expr.index->getLoc(),
                  "computed indices of tuples with fields of different types");
    return types.getError();
  }
  return tuple->getElements().front();
}

//===----------------------------------------------------------------------===//
// Dispatch
//===----------------------------------------------------------------------===//

const Type *Checker::checkExpr(Expr &expr) {
  // The expectation applies to this expression, not to its operands.
  const Type *expected = std::exchange(expectedType, nullptr);
  const Type *type;
  switch (expr.getKind()) {
  case Expr::Kind::List:
    type = checkList(llvm::cast<ListExpr>(expr), expected);
    break;
  case Expr::Kind::Dict:
    type = checkDict(llvm::cast<DictExpr>(expr), expected);
    break;
  case Expr::Kind::Set:
    type = checkSet(llvm::cast<SetExpr>(expr), expected);
    break;
  case Expr::Kind::Comprehension:
    type = checkComprehension(llvm::cast<ComprehensionExpr>(expr), expected);
    break;
  case Expr::Kind::Call:
    callExpectedType = expected;
    type = checkExprImpl(expr);
    break;
  case Expr::Kind::Lambda:
    lambdaExpectedType = expected;
    type = checkExprImpl(expr);
    break;
  default:
    type = checkExprImpl(expr);
    break;
  }
  type = resolve(type);
  expr.type = type;
  typedExprs.push_back(&expr);
  return type;
}

const Type *Checker::checkExprExpecting(Expr &expr, const Type *expected) {
  expectedType = expected;
  return checkExpr(expr);
}

const Type *Checker::checkExprImpl(Expr &expr) {
  switch (expr.getKind()) {
  case Expr::Kind::IntLit:
    if (!llvm::cast<IntLitExpr>(expr).fitsInt64) {
      diags.error(expr.getLoc(), "integer literal does not fit in int "
                                 "(64-bit signed)");
      return types.getError();
    }
    return types.getInt();
  case Expr::Kind::FloatLit:
    return types.getFloat();
  case Expr::Kind::BoolLit:
    return types.getBool();
  case Expr::Kind::NoneLit:
    return types.getNone();
  case Expr::Kind::StrLit:
    return types.getStr();
  case Expr::Kind::Name:
    return checkName(llvm::cast<NameExpr>(expr));
  case Expr::Kind::Unary:
    return checkUnary(llvm::cast<UnaryExpr>(expr));
  case Expr::Kind::Binary:
    return checkBinary(llvm::cast<BinaryExpr>(expr));
  case Expr::Kind::BoolOp:
    return checkBoolOp(llvm::cast<BoolOpExpr>(expr));
  case Expr::Kind::Compare:
    return checkCompare(llvm::cast<CompareExpr>(expr));
  case Expr::Kind::IfExp:
    return checkIfExp(llvm::cast<IfExpExpr>(expr));
  case Expr::Kind::Call:
    return checkCall(llvm::cast<CallExpr>(expr));
  case Expr::Kind::Attribute: {
    auto &attr = llvm::cast<AttributeExpr>(expr);
    if (resolveModuleAttribute(attr)) {
      if (!attr.member)
        return types.getError();
      switch (attr.member->kind) {
      case Symbol::Kind::Constant:
        return attr.member->type;
      case Symbol::Kind::Global: // m.g, of a .roast module
        return attr.member->type;
      case Symbol::Kind::Builtin:
        if (isModuleValue(attr.member->builtin))
          return attr.member->type;
        break;
      case Symbol::Kind::Class:
        unsupported(expr.getLoc(), "classes as values");
        return types.getError();
      case Symbol::Kind::Module:
        unsupported(expr.getLoc(), "modules as values");
        return types.getError();
      default:
        break;
      }
      unsupported(expr.getLoc(), "functions as values");
      return types.getError();
    }
    return checkAttribute(attr);
  }
  case Expr::Kind::Subscript:
    return checkSubscript(llvm::cast<SubscriptExpr>(expr));
  case Expr::Kind::Slice:
    unsupported(expr.getLoc(), "slices");
    return types.getError();
  case Expr::Kind::Tuple:
    return checkTuple(llvm::cast<TupleExpr>(expr));
  case Expr::Kind::List:
    return checkList(llvm::cast<ListExpr>(expr), nullptr);
  case Expr::Kind::Set:
    return checkSet(llvm::cast<SetExpr>(expr), nullptr);
  case Expr::Kind::Dict:
    return checkDict(llvm::cast<DictExpr>(expr), nullptr);
  case Expr::Kind::Comprehension:
    return checkComprehension(llvm::cast<ComprehensionExpr>(expr), nullptr);
  case Expr::Kind::FString:
    return checkFString(llvm::cast<FStringExpr>(expr));
  case Expr::Kind::Lambda:
    return checkLambda(llvm::cast<LambdaExpr>(expr), lambdaExpectedType);
  case Expr::Kind::Unsupported:
    unsupported(expr.getLoc(), llvm::cast<UnsupportedExpr>(expr).what);
    return types.getError();
  }
  llvm_unreachable("unknown expression kind");
}
