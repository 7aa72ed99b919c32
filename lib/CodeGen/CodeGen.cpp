//===- CodeGen.cpp - Functions and statements to roast IR -----------------===//
//
// Every local variable gets a `roast.alloca` slot (mem2reg makes them SSA
// later); structured statements become `cf` branches between blocks, as in
// the MIR. Statements after a `return`, `break` or `continue` in the same
// block are dead and not emitted.
//
//===----------------------------------------------------------------------===//

#include "CodeGenImpl.h"

#include "mlir/Dialect/Math/IR/Math.h"
#include "llvm/Support/Path.h"

using namespace mlir;
using namespace roast;
using namespace roast::codegen;
using sema::Builtin;
using sema::FunctionInfo;
using sema::Program;
using sema::Symbol;

Generator::Generator(MLIRContext &context, Program &program,
                     llvm::SourceMgr &sourceMgr)
    : context(context), program(program), sourceMgr(sourceMgr),
      builder(&context) {
  context.loadDialect<RoastDialect, arith::ArithDialect,
                      cf::ControlFlowDialect, math::MathDialect>();
  fileName = builder.getStringAttr(program.mainModule().ast->fileName);
  builder.setListener(&raiseRouter);
}

Location Generator::loc(ast::Loc l) {
  if (!l.isValid())
    return FileLineColLoc::get(fileName, 0, 0);
  unsigned buffer = sourceMgr.FindBufferContainingLoc(l);
  auto [line, col] = sourceMgr.getLineAndColumn(l, buffer);
  StringAttr file = builder.getStringAttr(
      sourceMgr.getMemoryBuffer(buffer)->getBufferIdentifier());
  return FileLineColLoc::get(file, line, col);
}

Type Generator::convertType(const sema::Type *type) {
  switch (type->getKind()) {
  case sema::Type::Kind::Int:
    return builder.getI64Type();
  case sema::Type::Kind::Float:
    return builder.getF64Type();
  case sema::Type::Kind::Bool:
    return builder.getI1Type();
  case sema::Type::Kind::None:
    return roast::NoneType::get(&context);
  case sema::Type::Kind::Str:
    return StrType::get(&context);
  case sema::Type::Kind::List:
    return ListType::get(&context,
                         convertType(llvm::cast<sema::ListType>(type)
                                         ->getElement()));
  case sema::Type::Kind::Dict: {
    auto *dict = llvm::cast<sema::DictType>(type);
    return DictType::get(&context, convertType(dict->getKey()),
                         convertType(dict->getValue()));
  }
  case sema::Type::Kind::Set:
    return SetType::get(&context,
                        convertType(llvm::cast<sema::SetType>(type)
                                        ->getElement()));
  case sema::Type::Kind::Tuple: {
    SmallVector<Type> elements;
    for (const sema::Type *element :
         llvm::cast<sema::TupleType>(type)->getElements())
      elements.push_back(convertType(element));
    return TupleType::get(&context, elements);
  }
  case sema::Type::Kind::Class: {
    auto *cls = llvm::cast<sema::ClassType>(type);
    SmallVector<Type> typeArgs;
    for (const sema::Type *arg : cls->getTypeArgs())
      typeArgs.push_back(convertType(arg));
    return ObjectType::get(&context, classSymbol(*cls->getInfo()), typeArgs);
  }
  case sema::Type::Kind::BoundMethod: // the receiver
    return convertType(llvm::cast<sema::BoundMethodType>(type)->getReceiver());
  case sema::Type::Kind::Optional:
    return OptionalType::get(
        &context,
        convertType(llvm::cast<sema::OptionalType>(type)->getValue()));
  case sema::Type::Kind::File:
    return FileType::get(&context);
  case sema::Type::Kind::Function: {
    auto *function = llvm::cast<sema::FunctionType>(type);
    SmallVector<Type> params, results;
    for (const sema::Type *param : function->getParams())
      params.push_back(convertType(param));
    if (!function->getResult()->isNone())
      results.push_back(convertType(function->getResult()));
    return CallableType::get(&context,
                             builder.getFunctionType(params, results));
  }
  case sema::Type::Kind::TypeParam:
    return TypeParamType::get(
        &context, llvm::cast<sema::TypeParamType>(type)->getName());
  case sema::Type::Kind::Any:
    return ValueType::get(&context);
  case sema::Type::Kind::Var: // Sema resolves every variable before CodeGen
  case sema::Type::Kind::Error:
    break;
  }
  llvm_unreachable("type has no roast IR equivalent");
}

/// Module-qualified, so that `def main()` cannot clash with C's `main` and
/// modules cannot clash with each other.
std::string Generator::symbolName(const sema::ModuleInfo &module,
                                  llvm::StringRef name) const {
  return module.name + "." + name.str();
}

std::string Generator::globalSymbol(const Symbol &global) const {
  return globalNames.lookup(&global);
}

std::string Generator::functionSymbol(const FunctionInfo &info) const {
  return functionNames.lookup(&info);
}

OwningOpRef<ModuleOp> Generator::run() {
  OwningOpRef<ModuleOp> owned =
      ModuleOp::create(FileLineColLoc::get(fileName, 1, 1));
  module = *owned;
  builder.setInsertionPointToEnd(module.getBody());

  // Functions are named by their qualified names; two lambdas (or two
  // nested functions of one name) in one function get `#N` before the last
  // part, so that tracebacks still show the bare name.
  llvm::StringSet<> takenFunctions;
  for (FunctionInfo *info : program.functions) {
    std::string name = symbolName(*info->symbol->owner, info->qualifiedName());
    size_t dot = name.rfind('.');
    std::string head = name.substr(0, dot), tail = name.substr(dot);
    for (unsigned i = 1; !takenFunctions.insert(name).second; ++i)
      name = head + "#" + std::to_string(i) + tail;
    functionNames[info] = name;
  }
  llvm::StringSet<> taken;
  for (Symbol *global : program.globals) {
    if (!global->type)
      continue; // declared `global` but never assigned: never read either
    // Each `except E as e` at module level binds its own `e`.
    std::string name = symbolName(*global->owner, global->name);
    for (unsigned i = 1; !taken.insert(name).second; ++i)
      name = symbolName(*global->owner, global->name + "." + std::to_string(i));
    globalNames[global] = name;
    GlobalOp::create(builder, loc(global->loc), builder.getStringAttr(name),
                     TypeAttr::get(convertType(global->type)));
  }
  for (sema::ClassInfo *info : program.classes)
    if (!info->isBuiltin())
      classSymbol(*info);
  for (FunctionInfo *info : program.functions)
    functions[info] = declareFunction(*info);
  for (sema::ModuleInfo *info : program.modules)
    moduleInits[info] = declareModuleInit(*info);
  for (sema::ModuleInfo *info : program.modules)
    emitModuleInit(*info);
  for (FunctionInfo *info : program.functions)
    emitFunctionBody(*info, functions[info]);
  for (sema::ClassInfo *info : program.classes)
    emitDynamicMembers(*info);
  return owned;
}

FuncOp Generator::declareFunction(FunctionInfo &info) {
  // A nested function takes what it captures first.
  SmallVector<Type> params, results;
  for (Symbol *sym : info.captures)
    params.push_back(captureType(sym));
  for (const sema::Type *param : info.type->getParams())
    params.push_back(convertType(param));
  if (!info.type->getResult()->isNone())
    results.push_back(convertType(info.type->getResult()));
  OpBuilder::InsertionGuard guard(builder);
  builder.setInsertionPointToEnd(module.getBody());
  auto fn = FuncOp::create(builder, loc(info.def->getLoc()),
                           functionSymbol(info),
                           builder.getFunctionType(params, results));
  // A method of a generic class is generic with the class's parameters.
  if (!info.genericParams().empty())
    fn.setTypeParamsAttr(typeParamNames(info.genericParams()));
  return fn;
}

Value Generator::newSlot(llvm::StringRef name, Type type) {
  OpBuilder::InsertionGuard guard(builder);
  builder.setInsertionPointToStart(&currentFunc.getBody().front());
  return AllocaOp::create(builder, currentFunc.getLoc(),
                          RefType::get(&context, type),
                          builder.getStringAttr(name));
}

void Generator::emitFunctionBody(FunctionInfo &info, FuncOp func) {
  currentFunc = func;
  currentInfo = &info;
  currentResult = info.type->getResult();
  slots.clear();
  refSlots.clear();
  Block *entry = func.addEntryBlock();
  builder.setInsertionPointToStart(entry);
  for (Symbol *local : info.locals)
    if (local->type && !local->isCell())
      slots[local] = newSlot(local->name, convertType(local->type));
  builder.setInsertionPointToEnd(entry);
  // Slots holding references start with an immortal value, so the first
  // store's release of the old contents is a no-op.
  for (Symbol *local : info.locals) {
    if (!local->type || !isRefCounted(local->type) || local->isCell())
      continue;
    Value slot = slots[local];
    refSlots.push_back(slot);
    Value initial =
        buildZeroValue(builder, func.getLoc(), convertType(local->type));
    // Nothing reads a dynamic variable's None before its first assignment
    // (Sema rejects that): roast-specialize-types may type the variable.
    if (isa<ValueType>(initial.getType()))
      initial.getDefiningOp()->setAttr(kUninitializedAttrName,
                                       builder.getUnitAttr());
    StoreOp::create(builder, func.getLoc(), initial, slot);
  }
  size_t numCaptures = info.captures.size();
  bindCaptures(info, entry->getArguments().take_front(numCaptures),
               func.getLoc());
  makeCells(info, func.getLoc());
  pushTemps();
  for (auto [param, arg] :
       llvm::zip(info.params, entry->getArguments().drop_front(numCaptures)))
    storeTo(param, arg, param->type, arg.getLoc());
  popTemps();
  beginFrameCleanup();
  emitBlock(info.def->body);
  finishFunction(func, info.type->getResult());
  endFrameCleanup(func.getLoc());
}

std::string Generator::moduleInitSymbol(const sema::ModuleInfo &module) const {
  // "<module>" is also the function name CPython's tracebacks show.
  return module.isMain ? kModuleInitName.str()
                       : symbolName(module, "<module>");
}

FuncOp Generator::declareModuleInit(sema::ModuleInfo &info) {
  OpBuilder::InsertionGuard guard(builder);
  builder.setInsertionPointToEnd(module.getBody());
  Location l = FileLineColLoc::get(builder.getStringAttr(info.ast->fileName),
                                   1, 1);
  if (!info.isMain)
    GlobalOp::create(builder, l,
                     builder.getStringAttr(importedFlagSymbol(info)),
                     TypeAttr::get(builder.getI1Type()));
  return FuncOp::create(builder, l, moduleInitSymbol(info),
                        builder.getFunctionType({}, {}));
}

std::string Generator::importedFlagSymbol(const sema::ModuleInfo &info) const {
  return symbolName(info, "<imported>");
}

void Generator::emitModuleInit(sema::ModuleInfo &info) {
  OpBuilder::InsertionGuard guard(builder);
  FuncOp func = moduleInits.lookup(&info);
  Location l = func.getLoc();
  currentFunc = func;
  currentInfo = nullptr;
  currentResult = program.types.getNone();
  slots.clear();
  refSlots.clear();
  builder.setInsertionPointToStart(func.addEntryBlock());
  if (!info.isMain) {
    // The first import runs the module's code; later ones find it started
    // (Python lists a module in sys.modules before running it, too).
    std::string flag = importedFlagSymbol(info);
    Value imported =
        GlobalLoadOp::create(builder, l, builder.getI1Type(), flag);
    Block *done = func.addBlock();
    Block *run = func.addBlock();
    cf::CondBranchOp::create(builder, l, imported, done, run);
    builder.setInsertionPointToStart(done);
    ReturnOp::create(builder, l);
    builder.setInsertionPointToStart(run);
    GlobalStoreOp::create(builder, l, boolConstant(true, l), flag);
  }
  beginFrameCleanup();
  for (ast::Stmt *stmt : info.topLevel) {
    if (isTerminated())
      break;
    emitStmt(*stmt);
  }
  if (info.isMain && !isTerminated())
    releaseGlobals(l);
  finishFunction(func, program.types.getNone());
  // The program's globals are released when its code ends, by an uncaught
  // exception too.
  endFrameCleanup(l, [&] {
    if (info.isMain)
      releaseGlobals(l);
  });
}

/// When the program's code has run, its globals let go of what they hold,
/// as CPython clears its modules at exit: objects reachable only through
/// NaN-boxed (tagged) pointers would otherwise look leaked to memcheck.
void Generator::releaseGlobals(Location l) {
  for (Symbol *global : program.globals) {
    if (!global->type || !isRefCounted(global->type) ||
        !globalNames.count(global))
      continue;
    Type type = convertType(global->type);
    Value old = GlobalLoadOp::create(builder, l, type, globalSymbol(*global));
    GlobalStoreOp::create(builder, l, buildZeroValue(builder, l, type),
                          globalSymbol(*global));
    ReleaseOp::create(builder, l, old);
  }
}

void Generator::emitImport(ast::ImportStmt &stmt) {
  Location l = loc(stmt.getLoc());
  for (sema::ModuleInfo *imported : stmt.modules)
    CallOp::create(builder, l, moduleInits.lookup(imported), ValueRange());
  // `from m import g` binds the value m.g holds now.
  for (ast::ImportStmt::Name &name : stmt.names) {
    if (!name.copy)
      continue;
    Value value = loadFrom(name.source, loc(name.loc));
    track(value, name.source->type);
    storeTo(name.copy, value, name.source->type, loc(name.loc));
  }
}

void Generator::finishFunction(FuncOp func, const sema::Type *resultType) {
  if (isTerminated())
    return;
  Location l = func.getLoc();
  if (resultType->isNone()) {
    releaseLocals(l);
    ReturnOp::create(builder, l);
    return;
  }
  if (resultType->isAny()) { // falling off the end returns None
    releaseLocals(l);
    ReturnOp::create(builder, l,
                     ValueRange{buildZeroValue(builder, l,
                                               convertType(resultType))});
    return;
  }
  // Sema proved every path returns; this block is unreachable.
  ReturnOp::create(builder, l,
                   ValueRange{buildZeroValue(builder, l,
                                             convertType(resultType))});
}

bool Generator::isTerminated() {
  Block *block = builder.getInsertionBlock();
  return !block->empty() &&
         block->back().hasTrait<OpTrait::IsTerminator>();
}

//===----------------------------------------------------------------------===//
// Statements
//===----------------------------------------------------------------------===//

void Generator::emitBlock(ast::Block &block) {
  for (ast::StmtPtr &stmt : block) {
    if (isTerminated())
      return;
    emitStmt(*stmt);
  }
}

/// Reads a variable; the result is owned (retained) like every expression
/// value, and the caller tracks it.
Value Generator::loadFrom(Symbol *sym, Location l) {
  if (sym->kind == Symbol::Kind::Constant ||
      sym->kind == Symbol::Kind::Builtin) // from math import pi, sys import argv
    return emitModuleValue(sym, l);
  if (sym->kind == Symbol::Kind::Function) // a function taken as a value
    return makeClosure(*sym->function, {}, l);
  if (sym->isCell())
    return loadCell(sym, l);
  Value value;
  if (sym->kind == Symbol::Kind::Global)
    value = GlobalLoadOp::create(builder, l, convertType(sym->type),
                                 globalSymbol(*sym));
  else
    value = LoadOp::create(builder, l, slots.lookup(sym));
  if (isRefCounted(sym->type))
    RetainOp::create(builder, l, value);
  return value;
}

/// Stores into a name, or unpacks a tuple into a tuple of targets.
void Generator::assignTo(ast::Expr &target, Value value,
                         const sema::Type *valueType, Location l) {
  if (auto *name = llvm::dyn_cast<ast::NameExpr>(&target)) {
    storeTo(name->symbol, value, valueType, l);
    return;
  }
  if (auto *attr = llvm::dyn_cast<ast::AttributeExpr>(&target);
      attr && !attr->member && attr->value->type->isAny()) {
    assignToDynamic(target, boxValue(value, valueType, l), l);
    return;
  }
  if (auto *attr = llvm::dyn_cast<ast::AttributeExpr>(&target)) {
    assignToAttribute(*attr, value, valueType, l);
    return;
  }
  if (auto *sub = llvm::dyn_cast<ast::SubscriptExpr>(&target);
      (sub && sub->value->type->isAny()) ||
      (llvm::isa<ast::TupleExpr>(target) && valueType->isAny())) {
    assignToDynamic(target, boxValue(value, valueType, l), l);
    return;
  }
  if (auto *sub = llvm::dyn_cast<ast::SubscriptExpr>(&target);
      sub && sub->value->type->isClass()) { // __setitem__
    sema::FunctionInfo &setitem =
        *sema::findDunder(sub->value->type, "__setitem__", 2);
    Value object = emitOperand(*sub->value);
    const sema::Type *receiver = sub->value->type;
    Value index = emitExprAs(*sub->index, paramOn(setitem, receiver, 1));
    callMethod(
        setitem, object,
        {index, coerce(value, valueType, paramOn(setitem, receiver, 2), l)}, l);
    return;
  }
  if (auto *sub = llvm::dyn_cast<ast::SubscriptExpr>(&target)) {
    // The container retains what it stores; the value stays a temporary.
    if (auto *dict = llvm::dyn_cast<sema::DictType>(sub->value->type)) {
      Value d = emitOperand(*sub->value);
      Value key = emitExprAs(*sub->index, dict->getKey());
      DictSetOp::create(builder, l, d, key,
                        coerce(value, valueType, dict->getValue(), l));
      return;
    }
    Value list = emitOperand(*sub->value);
    Value index = emitExprAs(*sub->index, program.types.getInt());
    ListSetOp::create(builder, l, list, index,
                      coerce(value, valueType, target.type, l));
    return;
  }
  auto &targets = llvm::cast<ast::TupleExpr>(target);
  auto *tuple = llvm::cast<sema::TupleType>(valueType);
  for (auto [i, element, elementType] :
       llvm::enumerate(targets.elts, tuple->getElements())) {
    // A borrowed element: storeTo retains it when it takes it.
    Value part = TupleGetOp::create(builder, l, convertType(elementType),
                                    value, static_cast<int64_t>(i));
    assignTo(*element, part, elementType, l);
  }
}

/// Stores consume the value; the previous contents are released after the
/// store, so that `s = s + t` never frees what it is about to read.
void Generator::storeTo(Symbol *sym, Value value, const sema::Type *valueType,
                        Location l) {
  value = coerce(value, valueType, sym->type, l);
  if (sym->isCell()) {
    storeCell(sym, value, l);
    return;
  }
  bool counted = isRefCounted(sym->type);
  if (counted)
    consume(value, sym->type);
  Value old;
  if (sym->kind == Symbol::Kind::Global) {
    if (counted)
      old = GlobalLoadOp::create(builder, l, convertType(sym->type),
                                 globalSymbol(*sym));
    GlobalStoreOp::create(builder, l, value, globalSymbol(*sym));
  } else {
    if (counted)
      old = LoadOp::create(builder, l, slots.lookup(sym));
    StoreOp::create(builder, l, value, slots.lookup(sym));
  }
  if (old)
    ReleaseOp::create(builder, l, old);
}

//===----------------------------------------------------------------------===//
// Ownership of temporaries
//===----------------------------------------------------------------------===//

bool Generator::isRefCounted(const sema::Type *type) {
  if (type->isStr() || type->isList() || type->isDict() || type->isSet() ||
      type->isClass() || type->isFile() || type->isAny() ||
      type->getKind() == sema::Type::Kind::BoundMethod ||
      type->getKind() == sema::Type::Kind::Function ||
      type->isTypeParam()) // roast-monomorphize drops it for scalars
    return true;
  if (auto *optional = llvm::dyn_cast<sema::OptionalType>(type))
    return isRefCounted(optional->getValue());
  if (auto *tuple = llvm::dyn_cast<sema::TupleType>(type))
    return llvm::any_of(tuple->getElements(), isRefCounted);
  return false;
}

void Generator::pushTemps() { temps.emplace_back(); }

void Generator::popTemps(Value keep) {
  SmallVector<Value> scope = temps.pop_back_val();
  // After a terminator the scope was released already (a return or raise
  // releases every live temporary).
  if (isTerminated())
    return;
  for (Value value : llvm::reverse(scope)) {
    if (value == keep)
      continue;
    ReleaseOp::create(builder, value.getLoc(), value);
  }
  if (keep && llvm::is_contained(scope, keep) && !temps.empty())
    temps.back().push_back(keep);
}

void Generator::track(Value value, const sema::Type *type) {
  if (isRefCounted(type) && !temps.empty())
    temps.back().push_back(value);
}

void Generator::consume(Value value, const sema::Type *type) {
  if (!isRefCounted(type))
    return;
  for (SmallVector<Value> &scope : llvm::reverse(temps)) {
    auto it = llvm::find(scope, value);
    if (it != scope.end()) {
      scope.erase(it);
      return;
    }
  }
  RetainOp::create(builder, value.getLoc(), value);
}

/// A branch condition: its temporaries die before the branch.
Value Generator::emitCondition(ast::Expr &expr) {
  pushTemps();
  Value cond = truthValue(expr);
  popTemps();
  return cond;
}

/// Branches to `ifTrue` or `ifFalse` on the truth of `test`. `and`, `or`
/// and `not` become branches themselves, as CPython compiles them in a
/// condition: each operand's truth is taken once, and a block reached
/// only when `x is None` was false has that test as its single
/// predecessor's branch (roast-specialize-types narrows there).
void Generator::emitBranch(ast::Expr &test, Block *ifTrue, Block *ifFalse,
                           Location l) {
  if (auto *unary = llvm::dyn_cast<ast::UnaryExpr>(&test);
      unary && unary->op == ast::UnaryOp::Not) {
    emitBranch(*unary->operand, ifFalse, ifTrue, l);
    return;
  }
  auto *boolOp = llvm::dyn_cast<ast::BoolOpExpr>(&test);
  if (!boolOp) {
    cf::CondBranchOp::create(builder, l, emitCondition(test), ifTrue, ifFalse);
    return;
  }
  bool isAnd = boolOp->op == ast::BoolOpKind::And;
  for (ast::ExprPtr &operand : llvm::drop_end(boolOp->values)) {
    Block *next = new Block();
    emitBranch(*operand, isAnd ? next : ifTrue, isAnd ? ifFalse : next, l);
    startBlock(next);
  }
  emitBranch(*boolOp->values.back(), ifTrue, ifFalse, l);
}

/// Before a return: every local slot gives up its reference.
void Generator::releaseLocals(Location l) {
  for (Value slot : refSlots)
    ReleaseOp::create(builder, l, LoadOp::create(builder, l, slot));
}

void Generator::emitStmt(ast::Stmt &stmt) {
  pushTemps();
  emitStmtImpl(stmt);
  popTemps();
}

void Generator::emitStmtImpl(ast::Stmt &stmt) {
  Location l = loc(stmt.getLoc());
  switch (stmt.getKind()) {
  case ast::Stmt::Kind::Expr: {
    auto &exprStmt = llvm::cast<ast::ExprStmt>(stmt);
    if (!llvm::isa<ast::StrLitExpr>(exprStmt.value.get()))
      emitExpr(*exprStmt.value);
    return;
  }
  case ast::Stmt::Kind::Assign: {
    auto &assign = llvm::cast<ast::AssignStmt>(stmt);
    // `s = s + t` is `s += t`.
    auto *target = assign.targets.size() == 1
                       ? llvm::dyn_cast<ast::NameExpr>(assign.targets[0].get())
                       : nullptr;
    auto *sum = llvm::dyn_cast<ast::BinaryExpr>(assign.value.get());
    auto *left = sum ? llvm::dyn_cast<ast::NameExpr>(sum->lhs.get()) : nullptr;
    if (target && left && left->symbol == target->symbol &&
        emitLocalStrAppend(target->symbol, sum->op, *sum->rhs, l))
      return;
    Value value = emitExpr(*assign.value);
    for (ast::ExprPtr &target : assign.targets)
      assignTo(*target, value, assign.value->type, l);
    return;
  }
  case ast::Stmt::Kind::AnnAssign: {
    auto &ann = llvm::cast<ast::AnnAssignStmt>(stmt);
    if (!ann.value)
      return;
    assignTo(*ann.target, emitExpr(*ann.value), ann.value->type, l);
    return;
  }
  case ast::Stmt::Kind::AugAssign:
    emitAugAssign(llvm::cast<ast::AugAssignStmt>(stmt));
    return;
  case ast::Stmt::Kind::Del:
    for (ast::ExprPtr &target : llvm::cast<ast::DelStmt>(stmt).targets) {
      auto &sub = llvm::cast<ast::SubscriptExpr>(*target);
      Location l = loc(sub.getLoc());
      if (sub.value->type->isAny()) {
        DynDelItemOp::create(builder, l, emitDynamic(*sub.value),
                             emitDynamic(*sub.index));
        continue;
      }
      Value container = emitOperand(*sub.value);
      if (auto *dict = llvm::dyn_cast<sema::DictType>(sub.value->type))
        DictMethodOp::create(builder, l, TypeRange{}, DictMethod::del,
                             ValueRange{container,
                                        emitExprAs(*sub.index, dict->getKey())});
      else
        ListMethodOp::create(
            builder, l, TypeRange{}, ListMethod::del,
            ValueRange{container,
                       emitExprAs(*sub.index, program.types.getInt())});
    }
    return;
  case ast::Stmt::Kind::Assert:
    emitAssert(llvm::cast<ast::AssertStmt>(stmt));
    return;
  case ast::Stmt::Kind::Import:
    emitImport(llvm::cast<ast::ImportStmt>(stmt));
    return;
  case ast::Stmt::Kind::Pass:
  case ast::Stmt::Kind::Global:
    return;
  case ast::Stmt::Kind::Return:
    emitReturn(llvm::cast<ast::ReturnStmt>(stmt));
    return;
  case ast::Stmt::Kind::If:
    emitIf(llvm::cast<ast::IfStmt>(stmt));
    return;
  case ast::Stmt::Kind::While:
    emitWhile(llvm::cast<ast::WhileStmt>(stmt));
    return;
  case ast::Stmt::Kind::For:
    emitFor(llvm::cast<ast::ForStmt>(stmt));
    return;
  case ast::Stmt::Kind::Break:
    emitFinalliesBefore(loops.size(), l);
    if (!isTerminated())
      cf::BranchOp::create(builder, l, loops.back().breakDest);
    return;
  case ast::Stmt::Kind::Continue:
    emitFinalliesBefore(loops.size(), l);
    if (!isTerminated())
      cf::BranchOp::create(builder, l, loops.back().continueDest);
    return;
  case ast::Stmt::Kind::Try:
    emitTry(llvm::cast<ast::TryStmt>(stmt));
    return;
  case ast::Stmt::Kind::Raise:
    emitRaise(llvm::cast<ast::RaiseStmt>(stmt));
    return;
  case ast::Stmt::Kind::With:
    emitWith(llvm::cast<ast::WithStmt>(stmt));
    return;
  case ast::Stmt::Kind::ClassDef: // classes are emitted up front
    return;
  case ast::Stmt::Kind::FunctionDef:
    // A `def` evaluates its non-literal defaults (the function itself is
    // emitted on its own, a nested one as a lifted function).
    for (ast::Param &param : llvm::cast<ast::FunctionDefStmt>(stmt).params)
      if (Symbol *slot = param.defaultSymbol)
        storeTo(slot, emitExpr(*param.defaultValue), param.defaultValue->type,
                l);
    return;
  case ast::Stmt::Kind::Nonlocal:
    return;
  case ast::Stmt::Kind::Unsupported:
    break;
  }
  llvm_unreachable("Sema rejects unsupported statements");
}

/// `s += t` on a local str: the slot hands its reference to roast.str_append
/// and takes the result, so that a str nobody else holds grows in place
/// (linear-time string building, as in CPython). Nothing but this statement
/// can rebind a local (rule 7 of docs/rationale/refcounting.md), so `t` may
/// be evaluated before `s` is read. Returns false, emitting nothing, for
/// any other target or operation.
bool Generator::emitLocalStrAppend(Symbol *sym, ast::BinaryOp op,
                                   ast::Expr &rhs, Location l) {
  // A local in a cell is shared with closures: it takes the general path.
  if (!sym || sym->kind != Symbol::Kind::Local || sym->isCell() ||
      !sym->type || !sym->type->isStr() || op != ast::BinaryOp::Add ||
      !rhs.type->isStr())
    return false;
  Value tail = emitExpr(rhs);
  Value slot = slots.lookup(sym);
  Value current = LoadOp::create(builder, l, slot);
  Value result = StrAppendOp::create(builder, l, current, tail);
  StoreOp::create(builder, l, result, slot);
  return true;
}

/// `x op= v` and `xs[i] op= v`: the target is evaluated once, read, combined
/// and written back. `xs += ys` on a list extends it in place, as in Python.
void Generator::emitAugAssign(ast::AugAssignStmt &aug) {
  Location l = loc(aug.getLoc());
  const sema::Type *targetType = aug.target->type;
  Value current, container, index;
  // The target is a variable (or class attribute), a field, or an item.
  Symbol *sym = nullptr;
  auto *attr = llvm::dyn_cast<ast::AttributeExpr>(aug.target.get());
  if (auto *name = llvm::dyn_cast<ast::NameExpr>(aug.target.get()))
    sym = name->symbol;
  else if (attr && attr->member)
    sym = attr->member;
  if (sym)
    attr = nullptr;
  if (emitLocalStrAppend(sym, aug.op, *aug.value, l))
    return;
  auto *sub = llvm::dyn_cast<ast::SubscriptExpr>(aug.target.get());
  auto *dict = sub ? llvm::dyn_cast<sema::DictType>(sub->value->type) : nullptr;
  ast::Expr *dynamicBase =
      attr ? attr->value.get() : sub ? sub->value.get() : nullptr;
  if (dynamicBase && dynamicBase->type->isAny()) {
    // v.x += 1, v[k] += 1 of a dynamic v: read, operate, store back.
    Value base = emitDynamic(*dynamicBase);
    Value key = sub ? emitDynamic(*sub->index) : Value();
    current = sub ? Value(DynGetItemOp::create(builder, l, base, key))
                  : Value(DynGetAttrOp::create(
                        builder, l, base, builder.getStringAttr(attr->attr)));
    track(current, targetType);
    Value result = emitDynamicBinary(aug.op, current, emitDynamic(*aug.value),
                                     /*inplace=*/true, l);
    track(result, targetType);
    if (sub)
      DynSetItemOp::create(builder, l, base, key, result);
    else
      DynSetAttrOp::create(builder, l, base, builder.getStringAttr(attr->attr),
                           result);
    return;
  }
  if (sym) {
    Location targetLoc = loc(aug.target->getLoc());
    current = narrowed(loadFrom(sym, targetLoc), sym, targetType, targetLoc);
  } else if (attr) {
    container = emitOperand(*attr->value);
    current = GetFieldOp::create(builder, l, convertType(targetType),
                                 container, attr->attr);
    if (isRefCounted(targetType))
      RetainOp::create(builder, l, current);
  } else {
    auto &sub = llvm::cast<ast::SubscriptExpr>(*aug.target);
    container = emitOperand(*sub.value);
    index = emitExprAs(*sub.index,
                       dict ? dict->getKey() : program.types.getInt());
    current = dict ? DictGetOp::create(builder, l, container, index).getResult()
                   : ListGetOp::create(builder, l, container, index).getResult();
    if (isRefCounted(targetType))
      RetainOp::create(builder, l, current);
  }
  track(current, targetType);
  Value rhs = emitExpr(*aug.value);
  if (targetType->isAny() || aug.value->type->isAny()) {
    const sema::Type *any = program.types.getAny();
    Value result = emitDynamicBinary(aug.op, boxValue(current, targetType, l),
                                     boxValue(rhs, aug.value->type, l),
                                     /*inplace=*/true, l);
    track(result, any);
    // Stores back with the same rules as `target = result`.
    if (sym)
      storeTo(sym, result, any, l);
    else if (attr)
      storeField(container, attr->attr, coerce(result, any, targetType, l),
                 targetType, l);
    else if (dict)
      DictSetOp::create(builder, l, container, index,
                        coerce(result, any, targetType, l));
    else
      ListSetOp::create(builder, l, container, index,
                        coerce(result, any, targetType, l));
    return;
  }
  auto writeBack = [&](Value result, const sema::Type *resultType) {
    if (sym) {
      storeTo(sym, result, resultType, l);
      return;
    }
    Value stored = coerce(result, resultType, targetType, l);
    if (attr) {
      storeField(container, attr->attr, stored, targetType, l);
      return;
    }
    if (dict)
      DictSetOp::create(builder, l, container, index, stored);
    else
      ListSetOp::create(builder, l, container, index, stored);
  };

  if (targetType->isClass() || aug.value->type->isClass()) {
    // `acc += v` is acc = acc.__iadd__(v), else acc = acc.__add__(v).
    sema::OperatorCall call =
        sema::findAugmentedOperator(aug.op, targetType, aug.value->type);
    Value result =
        emitOperatorCall(call, current, targetType, rhs, aug.value->type, l);
    track(result, call.method->type->getResult());
    writeBack(result, call.method->type->getResult());
    return;
  }
  if (targetType->isSet()) {
    // |= &= -= update the set in place (aliases see it, as in Python).
    if (Value result = emitSetOperator(aug.op, current, rhs, /*inPlace=*/true,
                                       l)) {
      track(result, targetType);
      writeBack(result, targetType);
    }
    return;
  }
  if (targetType->isList()) {
    ListMethodOp::create(builder, l, TypeRange{}, ListMethod::extend,
                         ValueRange{current, rhs});
    return;
  }
  if (targetType->isStr()) {
    Value result = emitStrArithmetic(aug.op, current, targetType, rhs,
                                     aug.value->type, l);
    track(result, targetType);
    writeBack(result, targetType);
    return;
  }
  // The operation's type: what `x op value` would have been.
  const sema::Type *operandType = targetType;
  if (aug.value->type->isFloat() || aug.op == ast::BinaryOp::Div ||
      (aug.op == ast::BinaryOp::Pow &&
       sema::isFloatPower(targetType, aug.value.get())))
    operandType = program.types.getFloat();
  else if (targetType->isBool() &&
           !(aug.value->type->isBool() &&
             (aug.op == ast::BinaryOp::BitAnd ||
              aug.op == ast::BinaryOp::BitOr ||
              aug.op == ast::BinaryOp::BitXor)))
    operandType = program.types.getInt();
  Value result = emitArithmetic(
      aug.op, coerce(current, targetType, operandType, l),
      coerce(rhs, aug.value->type, operandType, l), operandType, l);
  writeBack(result, aug.op == ast::BinaryOp::Div ? program.types.getFloat()
                                                 : operandType);
}

/// `assert test, message`: the message is evaluated only when the test
/// fails, as in Python.
void Generator::emitAssert(ast::AssertStmt &stmt) {
  Location l = loc(stmt.getLoc());
  Block *fail = new Block(), *pass = new Block();
  emitBranch(*stmt.test, pass, fail, l);
  startBlock(fail);
  Value message;
  if (stmt.message) {
    // Evaluated on the failing path only; roast.raise takes the str.
    pushTemps();
    message = emitExpr(*stmt.message);
    consume(message, stmt.message->type);
    popTemps();
  }
  emitBuiltinRaise(ExceptionKind::AssertionError, "", message, l);
  startBlock(pass);
}

/// The return value is consumed; every other temporary and every local is
/// released before the function returns.
void Generator::emitReturn(ast::ReturnStmt &stmt) {
  Location l = loc(stmt.getLoc());
  const sema::Type *result = currentResult;
  Value value;
  if (stmt.value) {
    value = emitExprAs(*stmt.value, result->isNone() ? stmt.value->type
                                                     : result);
    if (!result->isNone())
      consume(value, result);
  } else if (result->isAny()) { // a bare `return` of a dynamic function
    value = buildZeroValue(builder, l, convertType(result));
  }
  // The value is computed before finally bodies run, as in Python.
  emitFinalliesBefore(0, l);
  if (isTerminated()) {
    // A finally body returned or raised instead.
    if (value && !result->isNone())
      ReleaseOp::create(builder, l, value);
    return;
  }
  SmallVector<Value> live = tempsAbove(0);
  for (Value temp : llvm::reverse(live))
    ReleaseOp::create(builder, l, temp);
  // Only this statement's scope ends here: the enclosing statements still
  // release their temporaries on their other paths.
  temps.back().clear();
  releaseLocals(l);
  if (result->isNone())
    ReturnOp::create(builder, l);
  else
    ReturnOp::create(builder, l, ValueRange{value});
}

void Generator::startBlock(Block *block) {
  builder.getInsertionBlock()->getParent()->push_back(block);
  builder.setInsertionPointToStart(block);
}

void Generator::emitBlockThenBranch(Block *block, ast::Block &stmts,
                                    Block *next, Location l) {
  startBlock(block);
  emitBlock(stmts);
  if (!isTerminated())
    cf::BranchOp::create(builder, l, next);
}

void Generator::emitIf(ast::IfStmt &stmt) {
  Location l = loc(stmt.getLoc());
  Block *thenBlock = new Block(), *merge = new Block();
  Block *elseBlock = stmt.orElse.empty() ? merge : new Block();
  emitBranch(*stmt.test, thenBlock, elseBlock, l);
  emitBlockThenBranch(thenBlock, stmt.body, merge, l);
  if (elseBlock != merge)
    emitBlockThenBranch(elseBlock, stmt.orElse, merge, l);
  startBlock(merge);
}

/// Emits a loop body into the current block; `break` and `continue` inside
/// it branch to `breakDest` and `continueDest`.
void Generator::emitLoopBody(ast::Block &stmts, Block *breakDest,
                             Block *continueDest, Location l) {
  loops.push_back({breakDest, continueDest});
  emitBlock(stmts);
  loops.pop_back();
  if (!isTerminated())
    cf::BranchOp::create(builder, l, continueDest);
}

void Generator::emitWhile(ast::WhileStmt &stmt) {
  Location l = loc(stmt.getLoc());
  Block *header = new Block(), *body = new Block(), *exit = new Block();
  Block *elseBlock = stmt.orElse.empty() ? exit : new Block();
  cf::BranchOp::create(builder, l, header);

  startBlock(header);
  emitBranch(*stmt.test, body, elseBlock, l);
  startBlock(body);
  emitLoopBody(stmt.body, exit, header, l);
  if (elseBlock != exit)
    emitBlockThenBranch(elseBlock, stmt.orElse, exit, l);
  startBlock(exit);
}

Value Generator::newEnumerateCounter(Location l) {
  Value counter = newSlot("for.counter", builder.getI64Type());
  StoreOp::create(builder, l, intConstant(0, l), counter);
  return counter;
}

void Generator::pairWithIndex(Value counter, Value start, Value &value,
                              const sema::Type *&type, Location l) {
  Value i = LoadOp::create(builder, l, counter);
  if (start)
    i = AddOp::create(builder, l, i, start);
  type = program.types.getTuple({program.types.getInt(), type});
  value = MakeTupleOp::create(builder, l, convertType(type),
                              ValueRange{i, value});
  if (isRefCounted(type))
    RetainOp::create(builder, l, value); // the tuple's own reference
  track(value, type);
}

void Generator::advanceCounter(Value counter, Location l) {
  StoreOp::create(builder, l,
                  arith::AddIOp::create(builder, l,
                                        LoadOp::create(builder, l, counter),
                                        intConstant(1, l)),
                  counter);
}

/// `for x in range(start, stop, step)`: a counter slot, evaluated bounds,
/// and a header that tests `counter < stop` (or `>` for negative steps).
/// `for` walks range() by value, and strs and lists (also through
/// enumerate(), zip() and reversed()) by index: a str's length is read
/// once (strs are immutable), a list's at every step, as Python's list
/// iterator does, so a list may grow or shrink while it is walked.
void Generator::emitFor(ast::ForStmt &stmt) {
  Location l = loc(stmt.getLoc());
  Location targetLoc = loc(stmt.target->getLoc());
  emitForLoop(
      *stmt.iter, l,
      [&](Value value, const sema::Type *type) {
        assignTo(*stmt.target, value, type, targetLoc);
      },
      [&](Block *exit, Block *latch) {
        emitLoopBody(stmt.body, exit, latch, l);
      },
      stmt.orElse);
}

/// dicts and sets are walked through a list snapshot (their keys), taken
/// once; CPython raises RuntimeError when they change size while walked.
void Generator::emitForLoop(
    ast::Expr &iter, Location l,
    function_ref<void(Value, const sema::Type *)> assign,
    function_ref<void(Block *, Block *)> emitBody, ast::Block &orElse,
    function_ref<void(Value)> tripCount) {
  const sema::Type *intType = program.types.getInt();
  Value start = intConstant(0, l), stop, step = intConstant(1, l);

  sema::Builtin walk = sema::Builtin::Print; // Print: a plain sequence
  Value countOffset; // enumerate(xs, start)
  auto *call = llvm::dyn_cast<ast::CallExpr>(&iter);
  auto *callee =
      call ? llvm::dyn_cast<ast::NameExpr>(call->callee.get()) : nullptr;
  // Only these built-ins are walked without building their value; any
  // other call (sorted(), list()...) is an ordinary sequence.
  if (callee && callee->symbol &&
      callee->symbol->kind == Symbol::Kind::Builtin &&
      llvm::is_contained({sema::Builtin::Range, sema::Builtin::Enumerate,
                          sema::Builtin::Zip, sema::Builtin::Reversed},
                         callee->symbol->builtin))
    walk = callee->symbol->builtin;

  // The walked sequences, with a str's length computed up front.
  struct Sequence {
    Value value;
    const sema::Type *type;
    Value fixedLength;
  };
  SmallVector<Sequence, 2> sequences;
  if (walk == sema::Builtin::Range) {
    SmallVector<Value, 3> args;
    for (ast::ExprPtr &arg : call->args)
      args.push_back(emitExprAs(*arg, intType));
    if (args.size() > 1)
      start = args[0];
    stop = args.size() == 1 ? args[0] : args[1];
    if (args.size() == 3)
      step = args[2];
  } else {
    // enumerate()'s start, positional or keyword: counted from it.
    Value enumerateStart;
    if (walk == sema::Builtin::Enumerate) {
      if (call->args.size() == 2)
        enumerateStart = emitExprAs(*call->args[1], intType);
      else if (!call->keywords.empty())
        enumerateStart = emitExprAs(*call->keywords[0].value, intType);
    }
    countOffset = enumerateStart;
    // A file alone is read line by line, and an instance walked by its
    // __iter__/__next__; zip() takes them whole.
    ast::Expr *stepped = walk == sema::Builtin::Print ? &iter
                         : walk == sema::Builtin::Enumerate
                             ? call->args[0].get()
                             : nullptr;
    if (stepped && stepped->type->isFile()) {
      emitFileLoop(*stepped, walk == sema::Builtin::Enumerate, enumerateStart,
                   l, assign, emitBody, orElse);
      return;
    }
    if (stepped && stepped->type->isClass()) {
      Value iterable = emitExpr(*stepped); // lives until the statement ends
      emitIteratorLoop(iterable, stepped->type,
                       walk == sema::Builtin::Enumerate, enumerateStart, l,
                       assign, emitBody, orElse);
      return;
    }
    auto addSequence = [&](ast::Expr &expr) {
      // Lives until the statement ends.
      // A str is walked by index as it is; dicts and sets as lists.
      // A dynamic list is walked live, except by reversed(), which walks a
      // snapshot of its length.
      Value value = emitExpr(expr);
      if (expr.type->isAny() && walk != sema::Builtin::Reversed)
        value = dynamicIterList(value, l);
      else if (!expr.type->isStr())
        value = asList(value, expr.type, l);
      const sema::Type *type = expr.type;
      if (auto *element = sema::iterableElement(type); element && !type->isStr())
        type = program.types.getList(element);
      Value length;
      if (type->isStr())
        length = LenOp::create(builder, l, value);
      sequences.push_back({value, type, length});
    };
    if (walk == sema::Builtin::Print)
      addSequence(iter);
    else if (walk == sema::Builtin::Enumerate)
      addSequence(*call->args[0]);
    else
      for (ast::ExprPtr &arg : call->args)
        addSequence(*arg);
  }
  // reversed() walks a snapshot of the length, from the end.
  Value reversedLength;
  if (walk == sema::Builtin::Reversed) {
    Sequence &seq = sequences.front();
    reversedLength =
        seq.fixedLength ? seq.fixedLength : LenOp::create(builder, l, seq.value);
  }

  // The sign of a constant step picks the test at compile time.
  std::optional<int64_t> constantStep;
  if (auto cst = step.getDefiningOp<arith::ConstantOp>())
    constantStep = cast<IntegerAttr>(cst.getValue()).getInt();
  if (!constantStep || *constantStep == 0) {
    Block *bad = new Block(), *ok = new Block();
    Value isZero = CmpOp::create(builder, l, CmpPredicate::eq, step,
                                 intConstant(0, l));
    cf::CondBranchOp::create(builder, l, isZero, bad, ok);
    startBlock(bad);
    emitBuiltinRaise(ExceptionKind::ValueError,
                     "range() arg 3 must not be zero", Value(), l);
    startBlock(ok);
  }

  if (tripCount) {
    if (walk == sema::Builtin::Range && constantStep == 1)
      tripCount(arith::SubIOp::create(builder, l, stop, start));
    else if (sequences.size() == 1)
      tripCount(reversedLength ? reversedLength
                : sequences[0].fixedLength
                    ? sequences[0].fixedLength
                    : LenOp::create(builder, l, sequences[0].value));
  }

  Value counter = newSlot("for.counter", builder.getI64Type());
  StoreOp::create(builder, l, start, counter);
  Block *header = new Block(), *body = new Block(), *latch = new Block(),
        *exit = new Block();
  Block *elseBlock = orElse.empty() ? exit : new Block();
  cf::BranchOp::create(builder, l, header);

  startBlock(header);
  Value i = LoadOp::create(builder, l, counter);
  if (reversedLength) {
    stop = reversedLength;
  } else if (!sequences.empty()) {
    // zip() stops with its shortest argument.
    for (Sequence &seq : sequences) {
      Value length =
          seq.fixedLength ? seq.fixedLength : LenOp::create(builder, l, seq.value);
      stop = stop ? arith::MinSIOp::create(builder, l, stop, length) : length;
    }
  }
  Value more;
  if (constantStep) {
    more = CmpOp::create(builder, l,
                         *constantStep > 0 ? CmpPredicate::lt
                                           : CmpPredicate::gt,
                         i, stop);
  } else {
    Value up = CmpOp::create(builder, l, CmpPredicate::gt, step,
                             intConstant(0, l));
    Value below = CmpOp::create(builder, l, CmpPredicate::lt, i, stop);
    Value above = CmpOp::create(builder, l, CmpPredicate::gt, i, stop);
    more = arith::SelectOp::create(builder, l, up, below, above);
  }
  cf::CondBranchOp::create(builder, l, more, body, elseBlock);

  startBlock(body);
  if (sequences.empty()) {
    assign(i, intType);
  } else {
    pushTemps();
    Value index = i;
    if (reversedLength)
      index = arith::SubIOp::create(
          builder, l, arith::SubIOp::create(builder, l, reversedLength, i),
          intConstant(1, l));
    // Element `index` of each sequence: one owned value each.
    SmallVector<Value, 2> elements;
    SmallVector<const sema::Type *, 2> elementTypes;
    for (Sequence &seq : sequences) {
      Value element;
      const sema::Type *type;
      if (auto *list = llvm::dyn_cast<sema::ListType>(seq.type)) {
        type = list->getElement();
        element = ListGetOp::create(builder, l, seq.value, index);
        if (isRefCounted(type))
          RetainOp::create(builder, l, element);
      } else {
        type = program.types.getStr();
        element = StrGetItemOp::create(builder, l, seq.value, index);
      }
      track(element, type);
      elements.push_back(element);
      elementTypes.push_back(type);
    }
    if (walk == sema::Builtin::Enumerate) {
      elements.insert(elements.begin(),
                      countOffset ? AddOp::create(builder, l, i, countOffset)
                                  : i);
      elementTypes.insert(elementTypes.begin(), intType);
    }
    Value value = elements.front();
    const sema::Type *valueType = elementTypes.front();
    if (walk == sema::Builtin::Enumerate || walk == sema::Builtin::Zip) {
      // A tuple takes its own references to what it holds.
      valueType = program.types.getTuple(elementTypes);
      value = MakeTupleOp::create(builder, l, convertType(valueType), elements);
      if (isRefCounted(valueType))
        RetainOp::create(builder, l, value);
      track(value, valueType);
    }
    assign(value, valueType);
    popTemps();
  }
  emitBody(exit, latch);

  // The counter stays below `stop` before the step, so only a step that
  // jumps past INT64_MAX could wrap; plain addition keeps the loop simple
  // for LLVM's induction-variable analysis.
  startBlock(latch);
  Value next = arith::AddIOp::create(builder, l,
                                     LoadOp::create(builder, l, counter), step);
  StoreOp::create(builder, l, next, counter);
  cf::BranchOp::create(builder, l, header);

  if (elseBlock != exit)
    emitBlockThenBranch(elseBlock, orElse, exit, l);
  startBlock(exit);
}

OwningOpRef<ModuleOp> roast::generateModule(MLIRContext &context,
                                            Program &program,
                                            llvm::SourceMgr &sourceMgr) {
  return Generator(context, program, sourceMgr).run();
}
