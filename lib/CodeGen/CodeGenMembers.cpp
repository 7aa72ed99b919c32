//===- CodeGenMembers.cpp - What dynamic code finds by name ---------------===//
//
// Dynamic code reaches typed code through tables (docs/rationale/
// dynamic-values.md): each class lists its fields, properties, class
// attributes and methods by name (`members` of roast.class), and a class
// whose instances are callable (closures, classes with __call__) names the
// function a call runs (`call`). Each callable has a dynamic entry,
// `<function>.<dyn>`, taking (closure, argc, a0, ..., aN-1) as dynamic
// values: it fills in defaults, unboxes each argument to its parameter's
// type (TypeError when it cannot), calls the typed function and boxes the
// result.
//
//===----------------------------------------------------------------------===//

#include "CodeGenImpl.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "llvm/ADT/ScopeExit.h"

using namespace mlir;
using namespace roast;
using namespace roast::codegen;
using sema::ClassInfo;
using sema::FunctionInfo;
using sema::Symbol;

/// RoastMemberKind (Runtime.h).
enum MemberKind : int32_t {
  kField = 1,
  kMethod = 2,
  kStatic = 3,
  kProperty = 4,
  kConstant = 5
};

/// Whether a dynamic value can be unboxed to, and boxed from, `type`:
/// everything but function values (which would need an adapter closure)
/// and generic type parameters.
static bool crossesBoundary(const sema::Type *type) {
  if (type->isFunction() || type->isTypeParam() ||
      type->getKind() == sema::Type::Kind::BoundMethod)
    return false;
  if (auto *tuple = llvm::dyn_cast<sema::TupleType>(type))
    return llvm::all_of(tuple->getElements(), crossesBoundary);
  if (auto *optional = llvm::dyn_cast<sema::OptionalType>(type))
    return crossesBoundary(optional->getValue());
  return true;
}

/// Runs `fill` with the builder in the entry block of a new function
/// `name` at the end of the module, outside whatever function is being
/// emitted (none of its handlers or temporaries apply).
template <typename Fill>
static FuncOp buildHelper(OpBuilder &builder, ModuleOp module, StringRef name,
                          FunctionType type, Location l, Fill fill) {
  OpBuilder::InsertionGuard guard(builder);
  OpBuilder::Listener *listener = builder.getListener();
  builder.setListener(nullptr);
  auto restoreListener =
      llvm::make_scope_exit([&] { builder.setListener(listener); });
  builder.setInsertionPointToEnd(module.getBody());
  auto fn = FuncOp::create(builder, l, name, type);
  Block *entry = fn.addEntryBlock();
  builder.setInsertionPointToStart(entry);
  fill(entry);
  return fn;
}

FlatSymbolRefAttr Generator::dynamicEntry(StringRef name, FuncOp callee,
                                          ArrayRef<const sema::Type *> params,
                                          ArrayRef<ast::Param> defs,
                                          const sema::Type *result,
                                          Type closureType, bool passClosure,
                                          Location l) {
  Type value = ValueType::get(&context);
  SmallVector<Type> inputs{closureType, builder.getI64Type()};
  inputs.append(params.size(), value);
  auto type = builder.getFunctionType(inputs, {value});
  std::string symbol = (name + ".<dyn>").str();
  buildHelper(builder, module, symbol, type, l, [&](Block *entry) {
    // The unboxed arguments are released if an unbox or the call raises:
    // a handler of the entry's own, whose landing blocks release them.
    builder.setListener(&raiseRouter);
    Block *cleanup = new Block();
    pushHandler(cleanup);
    // Temporaries of the defaults and conversions live until the return.
    pushTemps();
    Value argc = entry->getArgument(1);
    SmallVector<Value> args;
    if (passClosure)
      args.push_back(entry->getArgument(0));
    for (auto [i, paramType] : llvm::enumerate(params)) {
      Value arg = entry->getArgument(2 + i);
      const ast::Param *def = i < defs.size() ? &defs[i] : nullptr;
      if (!def || !def->defaultValue) {
        args.push_back(unboxValue(arg, paramType, l));
        continue;
      }
      // A missing argument takes the parameter's default.
      Type converted = convertType(paramType);
      Block *given = new Block(), *missing = new Block(), *merge = new Block();
      merge->addArgument(converted, l);
      Value present = arith::CmpIOp::create(
          builder, l, arith::CmpIPredicate::sgt, argc, intConstant(i, l));
      cf::CondBranchOp::create(builder, l, present, given, missing);
      for (Block *arm : {given, missing}) {
        startBlock(arm);
        pushTemps();
        Value v;
        if (arm == given) {
          v = unboxValue(arg, paramType, l);
        } else if (Symbol *slot = def->defaultSymbol) {
          v = loadFrom(slot, l);
          track(v, slot->type);
          v = coerce(v, slot->type, paramType, l);
        } else {
          v = emitExprAs(*def->defaultValue, paramType);
        }
        // The merged value owns the reference on either path.
        popTemps(v);
        consume(v, paramType);
        cf::BranchOp::create(builder, l, merge, ValueRange{v});
      }
      startBlock(merge);
      args.push_back(merge->getArgument(0));
      if (isRefCounted(paramType))
        track(args.back(), paramType);
    }
    auto call = CallOp::create(builder, l, callee, args);
    Value boxed =
        result->isNone()
            ? boxValue(noneValue(l), program.types.getNone(), l)
            : boxValue(call.getResult(0), result, l);
    if (!result->isNone())
      track(call.getResult(0), result);
    consume(boxed, program.types.getAny());
    popTemps();
    ReturnOp::create(builder, l, ValueRange{boxed});
    popHandler();
    if (cleanup->use_empty()) {
      delete cleanup;
    } else {
      startBlock(cleanup);
      Value exception = CatchOp::create(builder, l, convertType(exceptionType()));
      ThrowOp::create(builder, l, exception, /*reraise=*/true, BlockRange());
    }
    builder.setListener(nullptr);
  });
  return FlatSymbolRefAttr::get(&context, symbol);
}

DictionaryAttr Generator::callableAttr(StringRef displayName,
                                       FlatSymbolRefAttr entry, size_t min,
                                       size_t max) {
  return builder.getDictionaryAttr(
      {builder.getNamedAttr("name", builder.getStringAttr(displayName)),
       builder.getNamedAttr("entry", entry),
       builder.getNamedAttr("min", builder.getI32IntegerAttr(int32_t(min))),
       builder.getNamedAttr("max", builder.getI32IntegerAttr(int32_t(max)))});
}

/// The number of leading parameters without a default.
static size_t requiredParams(ArrayRef<ast::Param> params) {
  size_t n = 0;
  while (n < params.size() && !params[n].defaultValue)
    ++n;
  return n;
}

void Generator::addClosureCall(FunctionInfo &info, ClassOp cls, FuncOp thunk) {
  const sema::FunctionType &signature = valueSignature(info);
  if (!llvm::all_of(signature.getParams(), crossesBoundary) ||
      !crossesBoundary(signature.getResult()))
    return; // not callable from dynamic code (yet)
  Location l = cls.getLoc();
  size_t n = signature.getParams().size();
  FlatSymbolRefAttr entry = dynamicEntry(
      thunk.getSymName().drop_back(strlen(".<call>")), thunk,
      signature.getParams(), {}, signature.getResult(),
      ObjectType::get(&context, FlatSymbolRefAttr::get(cls.getSymNameAttr())),
      /*passClosure=*/true, l);
  cls->setAttr("call", callableAttr(info.def->name, entry, n, n));
}

/// A new reference to borrowed `value`, as a dynamic value.
Value Generator::boxBorrowed(Value value, Location l) {
  if (!isa<ValueType>(value.getType()))
    return BoxOp::create(builder, l, value); // boxing retains
  RetainOp::create(builder, l, value);
  return value;
}

/// A member of a class table.
static DictionaryAttr memberAttr(OpBuilder &builder, StringRef name,
                                 MemberKind kind,
                                 ArrayRef<NamedAttribute> rest) {
  SmallVector<NamedAttribute> attrs{
      builder.getNamedAttr("name", builder.getStringAttr(name)),
      builder.getNamedAttr("kind", builder.getI32IntegerAttr(kind))};
  llvm::append_range(attrs, rest);
  return builder.getDictionaryAttr(attrs);
}

void Generator::emitDynamicMembers(ClassInfo &info) {
  FlatSymbolRefAttr clsName = classSymbol(info);
  auto cls = module.lookupSymbol<ClassOp>(clsName.getValue());
  // A generic class's instances are not reachable by name from dynamic
  // code yet (its copies would need their own tables).
  if (!cls || info.isBuiltin() || cls.isGeneric())
    return;
  Location l = cls.getLoc();
  Type self = objectType(info);
  Type value = ValueType::get(&context);
  std::string prefix = clsName.getValue().str();
  SmallVector<Attribute> members;
  auto ref = [&](StringRef name) { return FlatSymbolRefAttr::get(&context, name); };

  for (const sema::FieldInfo &field : info.ownFields) {
    if (!crossesBoundary(field.type))
      continue;
    std::string get = prefix + ".<dyn-get>." + field.name;
    std::string set = prefix + ".<dyn-set>." + field.name;
    Type fieldType = convertType(field.type);
    buildHelper(builder, module, get, builder.getFunctionType({self}, {value}),
                l, [&](Block *entry) {
                  Value v = GetFieldOp::create(builder, l, fieldType,
                                               entry->getArgument(0), field.name);
                  ReturnOp::create(builder, l, ValueRange{boxBorrowed(v, l)});
                });
    buildHelper(builder, module, set,
                builder.getFunctionType({self, value}, {builder.getI1Type()}),
                l, [&](Block *entry) {
                  pushTemps();
                  Value v = unboxValue(entry->getArgument(1), field.type, l);
                  storeField(entry->getArgument(0), field.name, v, field.type,
                             l);
                  popTemps();
                  ReturnOp::create(builder, l, ValueRange{boolConstant(true, l)});
                });
    members.push_back(memberAttr(
        builder, field.name, kField,
        {builder.getNamedAttr("field", builder.getStringAttr(field.name)),
         builder.getNamedAttr("get", ref(get)),
         builder.getNamedAttr("set", ref(set))}));
  }

  for (auto &entry : info.methods) {
    FunctionInfo &method = *entry.second;
    if (!method.typeParams.empty() ||
        !llvm::all_of(method.type->getParams(), crossesBoundary) ||
        !crossesBoundary(method.type->getResult()))
      continue;
    std::string symbol = functionSymbol(method);
    FuncOp fn = functions.lookup(&method);
    if (method.methodKind == FunctionInfo::MethodKind::Property) {
      std::string get = prefix + ".<dyn-get>." + method.def->name;
      const sema::Type *result = method.type->getResult();
      buildHelper(builder, module, get, builder.getFunctionType({self}, {value}),
                  l, [&](Block *block) {
                    pushTemps();
                    Value object = block->getArgument(0);
                    if (object.getType() != fn.getArgumentTypes().front())
                      object = UpcastOp::create(builder, l,
                                                fn.getArgumentTypes().front(),
                                                object);
                    auto call = CallOp::create(builder, l, fn, ValueRange{object});
                    track(call.getResult(0), result);
                    Value boxed = boxValue(call.getResult(0), result, l);
                    consume(boxed, program.types.getAny());
                    popTemps();
                    ReturnOp::create(builder, l, ValueRange{boxed});
                  });
      members.push_back(memberAttr(builder, method.def->name, kProperty,
                                   {builder.getNamedAttr("get", ref(get))}));
      continue;
    }
    bool isStatic = method.methodKind == FunctionInfo::MethodKind::Static;
    ArrayRef<ast::Param> defs = method.def->params;
    FlatSymbolRefAttr dynEntry = dynamicEntry(
        symbol, fn, method.type->getParams(), defs, method.type->getResult(),
        roast::NoneType::get(&context), /*passClosure=*/false, l);
    std::string display = info.name + "." + method.def->name;
    members.push_back(memberAttr(
        builder, method.def->name, isStatic ? kStatic : kMethod,
        {builder.getNamedAttr(
            "call", callableAttr(display, dynEntry, requiredParams(defs),
                                 defs.size()))}));
    if (method.def->name == "__call__" && !isStatic) {
      // Calling an instance runs __call__ with the instance as self.
      FlatSymbolRefAttr bound = dynamicEntry(
          symbol + ".<self>", fn, method.type->getParams().drop_front(),
          defs.drop_front(), method.type->getResult(),
          fn.getArgumentTypes().front(), /*passClosure=*/true, l);
      cls->setAttr("call", callableAttr(display, bound,
                                        requiredParams(defs.drop_front()),
                                        defs.size() - 1));
    }
  }

  for (auto &entry : info.classAttrs) {
    Symbol *global = entry.second;
    // Read through an instance by a generated getter method (listed above).
    if (!global->type || !crossesBoundary(global->type) ||
        info.methods.count(entry.first()))
      continue;
    std::string get = prefix + ".<dyn-get>." + entry.first().str();
    buildHelper(builder, module, get, builder.getFunctionType({self}, {value}),
                l, [&](Block *) {
                  Value v = GlobalLoadOp::create(
                      builder, l, convertType(global->type), globalSymbol(*global));
                  ReturnOp::create(builder, l, ValueRange{boxBorrowed(v, l)});
                });
    members.push_back(memberAttr(builder, entry.first(), kConstant,
                                 {builder.getNamedAttr("get", ref(get))}));
  }
  if (!members.empty())
    cls->setAttr("members", builder.getArrayAttr(members));
}
