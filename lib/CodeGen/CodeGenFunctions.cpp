//===- CodeGenFunctions.cpp - Function values, closures and cells ---------===//
//
// docs/rationale/closures.md. A nested function is lifted to a module-level
// roast.func that takes what it captures first, then its parameters: a
// direct call passes them and allocates nothing. A function taken as a
// value is an instance of a closure class holding the captures (and the
// values of defaults its signature leaves out); slot 0 of the class is a
// call thunk, `f.<call>(self, params)`, which unpacks them and calls the
// function. A captured local that can change lives in a cell, an instance
// of a one-field class, shared by the frame and its closures.
//
//===----------------------------------------------------------------------===//

#include "CodeGenImpl.h"

#include "llvm/ADT/ScopeExit.h"

using namespace mlir;
using namespace roast;
using namespace roast::codegen;
using sema::FunctionInfo;
using sema::Symbol;

FlatSymbolRefAttr
Generator::emitClassOp(StringRef name,
                       ArrayRef<std::pair<std::string, Type>> fields,
                       ArrayRef<Attribute> methods, Location l) {
  OpBuilder::InsertionGuard guard(builder);
  builder.setInsertionPoint(module.getBody(), classInsertPoint());
  SmallVector<Attribute> names, types;
  for (const auto &[fieldName, type] : fields) {
    names.push_back(builder.getStringAttr(fieldName));
    types.push_back(TypeAttr::get(type));
  }
  lastClassOp = ClassOp::create(
      builder, l, builder.getStringAttr(name), FlatSymbolRefAttr(),
      builder.getArrayAttr(names), builder.getArrayAttr(types),
      builder.getArrayAttr(methods),
      /*builtin=*/false, /*members=*/nullptr,
      /*call=*/nullptr, /*type_params=*/nullptr,
      /*display_name=*/nullptr);
  return FlatSymbolRefAttr::get(&context, name);
}

ObjectType Generator::cellType(const sema::Type *valueType) {
  Type value = convertType(valueType);
  std::string name;
  llvm::raw_string_ostream os(name);
  os << "<cell " << value << ">";
  auto [it, inserted] = cellClasses.try_emplace(value);
  if (inserted)
    it->second = emitClassOp(name, {{"value", value}}, {},
                             FileLineColLoc::get(fileName, 0, 0));
  return ObjectType::get(&context, it->second);
}

Type Generator::captureType(Symbol *sym) {
  return sym->isCell() ? Type(cellType(sym->type)) : convertType(sym->type);
}

Value Generator::newCell(Symbol *sym, Location l) {
  return NewOp::create(builder, l, cellType(sym->type));
}

Value Generator::loadCell(Symbol *sym, Location l) {
  Value cell = LoadOp::create(builder, l, slots.lookup(sym));
  Value value = GetFieldOp::create(builder, l, convertType(sym->type), cell,
                                   "value");
  if (isRefCounted(sym->type))
    RetainOp::create(builder, l, value);
  return value;
}

void Generator::storeCell(Symbol *sym, Value value, Location l) {
  Value cell = LoadOp::create(builder, l, slots.lookup(sym));
  storeField(cell, "value", value, sym->type, l);
}

SmallVector<Value> Generator::captureArguments(FunctionInfo &callee,
                                               Location l) {
  // What the current frame holds for each capture: the cell itself, or the
  // value; borrowed, as call arguments are.
  SmallVector<Value> args;
  for (Symbol *sym : callee.captures)
    args.push_back(LoadOp::create(builder, l, slots.lookup(sym)));
  return args;
}

void Generator::bindCaptures(FunctionInfo &info, ValueRange args,
                             Location l) {
  for (auto [sym, arg] : llvm::zip(info.captures, args)) {
    Value slot = newSlot(sym->name, arg.getType());
    slots[sym] = slot;
    if (!isRefCounted(sym->type) && !sym->isCell()) {
      StoreOp::create(builder, l, arg, slot);
      continue;
    }
    RetainOp::create(builder, l, arg);
    StoreOp::create(builder, l, arg, slot);
    refSlots.push_back(slot);
  }
}

void Generator::makeCells(FunctionInfo &info, Location l) {
  for (Symbol *local : info.locals) {
    if (!local->type || !local->isCell())
      continue;
    Value slot = newSlot(local->name, cellType(local->type));
    Value cell = newCell(local, l);
    StoreOp::create(builder, l, cell, slot);
    refSlots.push_back(slot);
    slots[local] = slot;
  }
}

/// The fields of a closure: its captures, then the defaults its value
/// signature leaves out.
static size_t numBoundDefaults(const FunctionInfo &info) {
  return info.valueType ? info.params.size() - info.valueType->getParams().size()
                        : 0;
}

const sema::FunctionType &Generator::valueSignature(const FunctionInfo &info) {
  return info.valueType ? *info.valueType : *info.type;
}

FlatSymbolRefAttr Generator::closureClass(FunctionInfo &info) {
  auto it = closureClasses.find(&info);
  if (it != closureClasses.end())
    return it->second;
  std::string base = functionSymbol(info);
  std::string thunkName = base + ".<call>";
  SmallVector<std::pair<std::string, Type>> fields;
  for (Symbol *sym : info.captures)
    fields.push_back({sym->name, captureType(sym)});
  size_t bound = numBoundDefaults(info);
  for (Symbol *param : ArrayRef(info.params).take_back(bound))
    fields.push_back({"<default " + param->name + ">",
                      convertType(param->type)});
  Location l = loc(info.def->getLoc());
  FlatSymbolRefAttr cls =
      emitClassOp(base + ".<closure>", fields,
                  {FlatSymbolRefAttr::get(&context, thunkName)}, l);
  closureClasses[&info] = cls;

  // The thunk: unpack the closure, call the function. It is made while
  // some other function is being emitted: none of that function's
  // exception handlers apply to it.
  OpBuilder::InsertionGuard guard(builder);
  OpBuilder::Listener *listener = builder.getListener();
  builder.setListener(nullptr);
  auto restoreListener =
      llvm::make_scope_exit([&] { builder.setListener(listener); });
  builder.setInsertionPointToEnd(module.getBody());
  const sema::FunctionType &signature = valueSignature(info);
  auto self = ObjectType::get(&context, cls);
  SmallVector<Type> params{self}, results;
  for (const sema::Type *param : signature.getParams())
    params.push_back(convertType(param));
  if (!signature.getResult()->isNone())
    results.push_back(convertType(signature.getResult()));
  auto thunk = FuncOp::create(builder, l, thunkName,
                              builder.getFunctionType(params, results));
  Block *entry = thunk.addEntryBlock();
  builder.setInsertionPointToStart(entry);
  SmallVector<Value> args;
  for (auto &[name, type] : fields)
    args.push_back(GetFieldOp::create(builder, l, type, entry->getArgument(0),
                                      name));
  size_t numCaptures = info.captures.size();
  SmallVector<Value> callArgs(ArrayRef(args).take_front(numCaptures));
  llvm::append_range(callArgs, entry->getArguments().drop_front());
  llvm::append_range(callArgs, ArrayRef(args).drop_front(numCaptures));
  auto call = CallOp::create(builder, l, functions.lookup(&info), callArgs);
  ReturnOp::create(builder, l, call.getResults());
  addClosureCall(info, module.lookupSymbol<ClassOp>(cls.getValue()), thunk);
  return cls;
}

Value Generator::makeClosure(FunctionInfo &info, ValueRange defaults,
                             Location l) {
  FlatSymbolRefAttr cls = closureClass(info);
  auto type = ObjectType::get(&context, cls);
  // The new instance's fields hold nothing yet: each takes a reference.
  Value closure = NewOp::create(builder, l, type);
  for (auto [sym, capture] :
       llvm::zip(info.captures, captureArguments(info, l))) {
    if (sym->isCell() || isRefCounted(sym->type))
      RetainOp::create(builder, l, capture);
    SetFieldOp::create(builder, l, closure, sym->name, capture);
  }
  for (auto [param, value] :
       llvm::zip(ArrayRef(info.params).take_back(defaults.size()), defaults)) {
    consume(value, param->type);
    SetFieldOp::create(builder, l, closure, "<default " + param->name + ">",
                       value);
  }
  const sema::FunctionType &signature = valueSignature(info);
  return AsCallableOp::create(
      builder, l, convertType(&signature), closure);
}

Value Generator::emitLambda(ast::LambdaExpr &lambda) {
  Location l = loc(lambda.getLoc());
  FunctionInfo &info = *lambda.function;
  // Defaults are evaluated where the lambda is made, into its closure.
  SmallVector<Value> defaults;
  for (ast::Param &param :
       llvm::drop_begin(info.def->params,
                        info.params.size() - numBoundDefaults(info)))
    defaults.push_back(emitExprAs(*param.defaultValue, param.symbol->type));
  return makeClosure(info, defaults, l);
}

Value Generator::emitValueCall(ast::CallExpr &call, Value callee,
                               const sema::FunctionType &type) {
  SmallVector<Value> args;
  for (auto [arg, param] : llvm::zip(call.args, type.getParams()))
    args.push_back(emitExprAs(*arg, param));
  auto op = CallCallableOp::create(builder, loc(call.getLoc()), callee, args);
  if (op.getNumResults() == 0)
    return noneValue(loc(call.getLoc()));
  return op.getResult(0);
}
