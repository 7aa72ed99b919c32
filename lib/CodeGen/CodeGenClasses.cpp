//===- CodeGenClasses.cpp - Classes, instances and method calls -----------===//
//
// Each class becomes a roast.class op; instances are made by roast.new and
// initialised by a direct call of __init__; fields are read and written by
// name; method calls go through roast.method_call (virtual) unless the
// callee is known statically (super(), static methods, __init__).
//
//===----------------------------------------------------------------------===//

#include "CodeGenImpl.h"

using namespace mlir;
using namespace roast;
using namespace roast::codegen;
using sema::ClassInfo;
using sema::FunctionInfo;
using sema::Symbol;

std::string Generator::classSymbolName(const ClassInfo &info) const {
  // Built-in classes are the runtime's and keep their Python names.
  return info.isBuiltin() ? info.name : symbolName(*info.module, info.name);
}

FlatSymbolRefAttr Generator::classSymbol(ClassInfo &info) {
  auto name = FlatSymbolRefAttr::get(&context, classSymbolName(info));
  if (!emittedClasses.insert(&info).second)
    return name;
  if (info.base)
    classSymbol(*info.base);
  // Class ops come first in the module, each after its base.
  OpBuilder::InsertionGuard guard(builder);
  builder.setInsertionPoint(module.getBody(), classInsertPoint());
  SmallVector<Attribute> fields, fieldTypes, methods;
  for (const sema::FieldInfo &field : info.fields) {
    fields.push_back(builder.getStringAttr(field.name));
    fieldTypes.push_back(TypeAttr::get(convertType(field.type)));
  }
  for (FunctionInfo *method : info.vtable)
    methods.push_back(
        FlatSymbolRefAttr::get(&context, functionSymbol(*method)));
  Location l = info.def ? loc(info.def->getLoc())
                        : FileLineColLoc::get(fileName, 0, 0);
  auto op = ClassOp::create(
      builder, l, builder.getStringAttr(name.getValue()),
      info.base ? FlatSymbolRefAttr::get(&context, classSymbolName(*info.base))
                : FlatSymbolRefAttr(),
      builder.getArrayAttr(fields), builder.getArrayAttr(fieldTypes),
      builder.getArrayAttr(methods), info.isBuiltin(),
      /*members=*/nullptr, /*call=*/nullptr,
      info.typeParams.empty() ? ArrayAttr() : typeParamNames(info.typeParams),
      /*display_name=*/nullptr);
  lastClassOp = op;
  return name;
}

ArrayAttr
Generator::typeParamNames(ArrayRef<const sema::TypeParamType *> params) {
  SmallVector<StringRef> names;
  for (const sema::TypeParamType *param : params)
    names.push_back(param->getName());
  return builder.getStrArrayAttr(names);
}

const sema::Type *Generator::paramOn(FunctionInfo &method,
                                     const sema::Type *receiver,
                                     unsigned index) {
  return sema::memberType(program.types, method.type->getParams()[index],
                          receiver);
}

SmallVector<Type> Generator::methodResults(FunctionInfo &method, Value self) {
  if (method.type->getResult()->isNone())
    return {};
  Type result = convertType(method.type->getResult());
  auto object = dyn_cast<ObjectType>(self.getType());
  if (object && object.isParametrized())
    result = substituteTypeParams(
        result, typeParamNames(method.genericParams()), object.getTypeArgs());
  return {result};
}

Block::iterator Generator::classInsertPoint() {
  if (lastClassOp)
    return std::next(Block::iterator(lastClassOp));
  return module.getBody()->begin();
}

ObjectType Generator::objectType(ClassInfo &info) {
  return ObjectType::get(&context, classSymbol(info));
}

Value Generator::upcast(Value object, ClassInfo &to, Location l) {
  ObjectType type = objectType(to);
  // An instance of a generic class is of its own class (they have no
  // bases), whatever its type arguments.
  if (cast<ObjectType>(object.getType()).getClassName() == type.getClassName())
    return object;
  return UpcastOp::create(builder, l, type, object);
}

SmallVector<Value>
Generator::emitArguments(ast::CallExpr &call, FunctionInfo &callee,
                         size_t firstParam,
                         SmallVectorImpl<const sema::Type *> *givenTypes) {
  // Arguments are evaluated in source order, then bound to parameters;
  // a missing one takes its default: a literal, or the value the `def`
  // computed.
  ArrayRef<Symbol *> params = ArrayRef(callee.params).drop_front(firstParam);
  ArrayRef<ast::Param> defs = ArrayRef(callee.def->params).drop_front(firstParam);
  SmallVector<Value> bound(params.size());
  // A generic callee's parameters (a generic class's method's), with the
  // call's type arguments.
  auto paramType = [&](size_t i) {
    return call.typeArgs.empty()
               ? params[i]->type
               : sema::substituteTypeParams(program.types, params[i]->type,
                                            callee.genericParams(),
                                            call.typeArgs);
  };
  if (givenTypes)
    givenTypes->assign(params.size(), nullptr);
  auto emitArg = [&](ast::Expr &arg, size_t i) {
    if (!givenTypes)
      return emitExprAs(arg, paramType(i));
    (*givenTypes)[i] = arg.type;
    return emitExpr(arg);
  };
  for (auto [i, arg] : llvm::enumerate(call.args))
    bound[i] = emitArg(*arg, i);
  for (ast::Keyword &keyword : call.keywords) {
    auto it = llvm::find_if(defs, [&](const ast::Param &param) {
      return param.name == keyword.name;
    });
    size_t index = it - defs.begin();
    bound[index] = emitArg(*keyword.value, index);
  }
  for (auto [i, value] : llvm::enumerate(bound)) {
    if (value)
      continue;
    if (givenTypes)
      (*givenTypes)[i] = paramType(i);
    if (Symbol *slot = defs[i].defaultSymbol) {
      value = loadFrom(slot, loc(defs[i].defaultValue->getLoc()));
      track(value, slot->type);
    } else {
      value = emitExprAs(*defs[i].defaultValue, paramType(i));
    }
  }
  return bound;
}

Value Generator::callFunction(FunctionInfo &callee, ValueRange args,
                              Location l,
                              ArrayRef<const sema::Type *> typeArgs) {
  SmallVector<Type> converted;
  for (const sema::Type *arg : typeArgs)
    converted.push_back(convertType(arg));
  return emitCallOp(functions.lookup(&callee), args, l, converted);
}

Value Generator::emitCallOp(FuncOp fn, ValueRange args, Location l,
                            ArrayRef<Type> typeArgs) {
  CallOp op;
  if (typeArgs.empty()) {
    op = CallOp::create(builder, l, fn, args);
  } else {
    SmallVector<Attribute> attrs;
    for (Type arg : typeArgs)
      attrs.push_back(TypeAttr::get(arg));
    auto type = cast<FunctionType>(substituteTypeParams(
        fn.getFunctionType(), *fn.getTypeParams(), typeArgs));
    op = CallOp::create(builder, l, type.getResults(),
                        FlatSymbolRefAttr::get(fn.getSymNameAttr()), args,
                        /*arg_attrs=*/nullptr, /*res_attrs=*/nullptr,
                        builder.getArrayAttr(attrs));
  }
  if (op.getNumResults() == 0)
    return noneValue(l);
  return op.getResult(0);
}

Value Generator::emitConstruction(ast::CallExpr &call, ClassInfo &info) {
  Location l = loc(call.getLoc());
  // emitExpr tracks the new object once this returns; until then the
  // instance is owned here.
  // A generic class's instance has the call's type arguments (call.type).
  auto type = cast<ObjectType>(convertType(call.type));
  Value object = NewOp::create(builder, l, type);
  if (FunctionInfo *init = info.findMethod("__init__")) {
    SmallVector<Value> args{upcast(object, *init->owner, l)};
    llvm::append_range(args, emitArguments(call, *init, 1));
    emitCallOp(functions.lookup(init), args, l,
               init->owner == &info ? type.getTypeArgs() : ArrayRef<Type>());
  } else if (info.isException()) {
    storeExceptionMessage(object, info, call, l);
  }
  return object;
}

void Generator::storeExceptionMessage(Value exception, ClassInfo &info,
                                      ast::CallExpr &call, Location l) {
  Value message;
  if (call.args.empty()) {
    message = StringOp::create(builder, l, builder.getStringAttr(""));
  } else {
    // KeyError's str() is the repr of its key.
    bool isKeyError = false;
    for (ClassInfo *c = &info; c; c = c->base)
      isKeyError |= c->isBuiltin() && c->name == "KeyError";
    ast::Expr &arg = *call.args.front();
    Value value = emitExpr(arg);
    if (isKeyError)
      message = ReprOp::create(builder, l, value);
    else if (arg.type->isStr())
      message = value;
    else
      message = CastOp::create(builder, l, StrType::get(&context), value);
    if (message != value)
      track(message, program.types.getStr());
  }
  storeField(exception, "__message__", message, program.types.getStr(), l);
}

void Generator::storeField(Value object, StringRef field, Value value,
                           const sema::Type *type, Location l) {
  // The field takes a reference; the one it held is released.
  consume(value, type);
  Value old;
  if (isRefCounted(type))
    old = GetFieldOp::create(builder, l, convertType(type), object, field);
  SetFieldOp::create(builder, l, object, field, value);
  if (old)
    ReleaseOp::create(builder, l, old);
}

Value Generator::emitAttribute(ast::AttributeExpr &attr) {
  Location l = loc(attr.getLoc());
  if (attr.member) {
    if (attr.member->kind == Symbol::Kind::Global)
      return loadFrom(attr.member, l); // a class attribute
    return emitModuleValue(attr.member, l);
  }
  if (attr.value->type->isAny())
    return DynGetAttrOp::create(builder, l, emitDynamic(*attr.value),
                                builder.getStringAttr(attr.attr));
  if (attr.method &&
      attr.method->methodKind == FunctionInfo::MethodKind::Instance)
    return emitExprImpl(*attr.value); // a bound method is its receiver
  Value object = emitOperand(*attr.value);
  if (attr.method) { // a property
    auto op = MethodCallOp::create(
        builder, l, TypeRange{convertType(attr.type)},
        builder.getStringAttr(attr.attr), object, ValueRange());
    return op.getResult(0);
  }
  const sema::Type *fieldType =
      attr.narrowed ? program.types.getOptional(attr.type) : attr.type;
  Value value =
      GetFieldOp::create(builder, l, convertType(fieldType), object, attr.attr);
  if (isRefCounted(attr.type))
    RetainOp::create(builder, l, value);
  return attr.narrowed ? checkedUnwrap(value, attr.attr, l) : value;
}

void Generator::assignToAttribute(ast::AttributeExpr &target, Value value,
                                  const sema::Type *valueType, Location l) {
  if (target.member) { // Class.attr = value
    storeTo(target.member, value, valueType, l);
    return;
  }
  Value object = emitOperand(*target.value);
  storeField(object, target.attr, coerce(value, valueType, target.type, l),
             target.type, l);
}

Value Generator::emitMethodCall(ast::CallExpr &call,
                                ast::AttributeExpr &callee) {
  Location l = loc(call.getLoc());
  FunctionInfo *method = callee.method;
  if (!method) {
    // super().__init__(message) of a built-in exception class.
    Value self = loadFrom(currentInfo->params.front(), l);
    track(self, currentInfo->params.front()->type);
    storeExceptionMessage(self, *currentInfo->owner, call, l);
    return noneValue(l);
  }
  if (method->methodKind == FunctionInfo::MethodKind::Static)
    return callFunction(*method, emitArguments(call, *method, 0), l);

  Value receiver;
  if (callee.viaSuper) {
    receiver = LoadOp::create(builder, l,
                              slots.lookup(currentInfo->params.front()));
  } else {
    receiver = emitOperand(*callee.value);
  }
  SmallVector<Value> args = emitArguments(call, *method, 1);
  // Calls that cannot be overridden are direct: super(), __init__.
  bool isVirtual = !callee.viaSuper &&
                   method->owner->vtableSlot(method->def->name) >= 0;
  if (!isVirtual) {
    args.insert(args.begin(), upcast(receiver, *method->owner, l));
    return emitCallOp(functions.lookup(method), args, l,
                      cast<ObjectType>(args.front().getType()).getTypeArgs());
  }
  SmallVector<Type> results = methodResults(*method, receiver);
  auto op = MethodCallOp::create(builder, l, results,
                                 builder.getStringAttr(method->def->name),
                                 receiver, args);
  if (op.getNumResults() == 0)
    return noneValue(l);
  return op.getResult(0);
}

Value Generator::emitIsInstance(ast::CallExpr &call) {
  Location l = loc(call.getLoc());
  const sema::Type *valueType = call.args[0]->type;
  Value object = valueType->isAny() ? emitDynamic(*call.args[0])
                                    : emitOperand(*call.args[0]);
  SmallVector<ast::Expr *> classes;
  if (auto *tuple = llvm::dyn_cast<ast::TupleExpr>(call.args[1].get()))
    for (ast::ExprPtr &element : tuple->elts)
      classes.push_back(element.get());
  else
    classes.push_back(call.args[1].get());
  Value result;
  for (ast::Expr *cls : classes) {
    Symbol *sym = ast::getReferencedSymbol(*cls);
    Value test;
    if (valueType->isAny())
      test = emitDynamicIsInstance(object, sym, l);
    else if (sym->kind == Symbol::Kind::Builtin)
      test = boolConstant(*sema::staticIsInstance(valueType, sym->builtin), l);
    else if (!valueType->isClass())
      test = boolConstant(false, l);
    else
      test = IsInstanceOp::create(builder, l, object,
                                  classSymbol(*sym->classInfo));
    result = result ? arith::OrIOp::create(builder, l, result, test) : test;
  }
  return result;
}

std::pair<Value, Value>
Generator::upcastToCommonBase(Value lhs, const sema::Type *lt, Value rhs,
                              const sema::Type *rt, Location l) {
  auto *left = llvm::cast<sema::ClassType>(lt);
  auto *right = llvm::cast<sema::ClassType>(rt);
  for (const sema::ClassType *c = left; c; c = c->getBase())
    if (right->isSubclassOf(c))
      return {upcast(lhs, *c->getInfo(), l), upcast(rhs, *c->getInfo(), l)};
  llvm_unreachable("Sema only compares instances of related classes");
}

Value Generator::emitInstanceEquality(ast::CmpOp op, Value lhs,
                                      const sema::Type *lt, Value rhs,
                                      const sema::Type *rt, Location l) {
  ClassInfo &info = *llvm::cast<sema::ClassType>(lt)->getInfo();
  if (FunctionInfo *ne = info.findMethod("__ne__");
      ne && op == ast::CmpOp::NotEq)
    return asCondition(
        callMethod(*ne, lhs, {coerce(rhs, rt, paramOn(*ne, lt, 1), l)}, l),
        ne->type->getResult(), l);
  // Otherwise != is the negation of ==, as object.__ne__ does.
  Value equal;
  if (FunctionInfo *eq = info.findMethod("__eq__")) {
    Value other = coerce(rhs, rt, paramOn(*eq, lt, 1), l);
    const sema::Type *result = eq->type->getResult();
    equal = asCondition(MethodCallOp::create(builder, l,
                                             TypeRange{convertType(result)},
                                             builder.getStringAttr("__eq__"),
                                             lhs, ValueRange{other})
                            .getResult(0),
                        result, l);
  } else {
    // Without __eq__, equality is identity.
    auto [a, b] = upcastToCommonBase(lhs, lt, rhs, rt, l);
    equal = IsOp::create(builder, l, a, b);
  }
  if (op == ast::CmpOp::Eq)
    return equal;
  return arith::XOrIOp::create(builder, l, equal, boolConstant(true, l));
}

Value Generator::callMethod(FunctionInfo &method, Value self, ValueRange args,
                            Location l) {
  // Through the method table when a subclass may override it;
  // roast-devirtualize makes the call direct when none does.
  bool isVirtual = method.owner->vtableSlot(method.def->name) >= 0;
  if (!isVirtual) {
    SmallVector<Value> operands{upcast(self, *method.owner, l)};
    llvm::append_range(operands, args);
    return emitCallOp(
        functions.lookup(&method), operands, l,
        cast<ObjectType>(operands.front().getType()).getTypeArgs());
  }
  SmallVector<Type> results = methodResults(method, self);
  auto op = MethodCallOp::create(builder, l, results,
                                 builder.getStringAttr(method.def->name), self,
                                 args);
  if (op.getNumResults() == 0)
    return noneValue(l);
  return op.getResult(0);
}

Value Generator::emitOperatorCall(sema::OperatorCall call, Value lhs,
                                  const sema::Type *lt, Value rhs,
                                  const sema::Type *rt, Location l) {
  FunctionInfo &method = *call.method;
  Value self = call.reflected ? rhs : lhs;
  Value other = call.reflected ? lhs : rhs;
  const sema::Type *otherType = call.reflected ? lt : rt;
  other =
      coerce(other, otherType, paramOn(method, call.reflected ? rt : lt, 1), l);
  Value result = callMethod(method, self, {other}, l);
  return result;
}

Value Generator::emitOperatorCall(ast::BinaryOp op, Value lhs,
                                  const sema::Type *lt, Value rhs,
                                  const sema::Type *rt, Location l) {
  return emitOperatorCall(sema::findBinaryOperator(op, lt, rt), lhs, lt, rhs,
                          rt, l);
}

ClassInfo &Generator::builtinClass(StringRef name) {
  for (ClassInfo *info : program.classes)
    if (info->isBuiltin() && info->name == name)
      return *info;
  llvm_unreachable("Sema declares every built-in class");
}

void Generator::emitIteratorLoop(
    Value iterable, const sema::Type *type, bool enumerate, Value start,
    Location l, function_ref<void(Value, const sema::Type *)> assign,
    function_ref<void(Block *, Block *)> emitBody, ast::Block &orElse) {
  sema::IteratorMethods methods = sema::findIterator(type);
  const sema::Type *elementType = methods.next->type->getResult();
  // The iterator lives until the statement ends (released by its scope on
  // every way out, an exception's landing block included).
  Value iterator = callMethod(*methods.iter, iterable, {}, l);
  track(iterator, methods.iter->type->getResult());
  Value counter = enumerate ? newEnumerateCounter(l) : Value();
  Block *header = new Block(), *latch = new Block(), *exit = new Block(),
        *raised = new Block(), *stopped = new Block(), *other = new Block();
  Block *elseBlock = orElse.empty() ? exit : new Block();
  cf::BranchOp::create(builder, l, header);

  // __next__ with its own handler: StopIteration is the normal end, so it
  // is tested and dropped right there rather than unwound.
  startBlock(header);
  pushHandler(raised);
  Value value = callMethod(*methods.next, iterator, {}, l);
  popHandler();
  pushTemps();
  track(value, elementType);
  const sema::Type *valueType = elementType;
  if (enumerate)
    pairWithIndex(counter, start, value, valueType, l);
  assign(value, valueType);
  popTemps();
  emitBody(exit, latch);

  startBlock(latch);
  if (enumerate)
    advanceCounter(counter, l);
  cf::BranchOp::create(builder, l, header);

  startBlock(raised);
  Value exception = CatchOp::create(builder, l, convertType(exceptionType()));
  Value isStop = IsInstanceOp::create(
      builder, l, exception, classSymbol(builtinClass("StopIteration")));
  cf::CondBranchOp::create(builder, l, isStop, stopped, other);
  startBlock(stopped);
  ReleaseOp::create(builder, l, exception);
  cf::BranchOp::create(builder, l, elseBlock);
  startBlock(other); // with its traceback, to the enclosing handler
  pushTemps();
  temps.back().push_back(exception);
  emitThrow(exception, exceptionType(), l, /*reraise=*/true);
  popTemps();

  if (elseBlock != exit)
    emitBlockThenBranch(elseBlock, orElse, exit, l);
  startBlock(exit);
}

Value Generator::emitIteratorContains(Value x, const sema::Type *xType,
                                      Value iterable, const sema::Type *type,
                                      Location l) {
  Value found = newSlot("in.found", builder.getI1Type());
  StoreOp::create(builder, l, boolConstant(false, l), found);
  ast::Block noElse;
  emitIteratorLoop(
      iterable, type, /*enumerate=*/false, Value(), l,
      [&](Value element, const sema::Type *elementType) {
        StoreOp::create(
            builder, l,
            emitComparison(ast::CmpOp::Eq, x, xType, element, elementType, l),
            found);
      },
      [&](Block *exit, Block *latch) {
        cf::CondBranchOp::create(builder, l, LoadOp::create(builder, l, found),
                                 exit, latch);
      },
      noElse);
  return LoadOp::create(builder, l, found);
}
