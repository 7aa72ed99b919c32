//===- Monomorphize.cpp - One copy of each generic per use ----------------===//
//
// Clones every generic roast.func once per list of type arguments it is
// called with, and every generic roast.class (with its methods) once per
// instance type used, substitutes the arguments for the !roast.type_param
// types, legalizes the few ops whose form depends on the concrete type, and
// erases the generic originals (docs/rationale/generics.md).
//
//===----------------------------------------------------------------------===//

#include "Roast/Dialect/Roast/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/AttrTypeSubElements.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/IR/Verifier.h"

#include "llvm/Support/raw_ostream.h"

namespace roast {
#define GEN_PASS_DEF_ROASTMONOMORPHIZE
#include "Roast/Dialect/Roast/Transforms/Passes.h.inc"
} // namespace roast

using namespace mlir;
using namespace roast;

namespace {

/// `first<i64>`, `m.swap<i64,!roast.str>`: the callee's name, then the
/// printed type arguments.
std::string instanceName(StringRef callee, ArrayAttr typeArgs) {
  std::string name;
  llvm::raw_string_ostream os(name);
  os << callee << '<';
  llvm::interleave(
      typeArgs, os,
      [&](Attribute arg) { os << cast<TypeAttr>(arg).getValue(); }, ",");
  os << '>';
  return name;
}

/// The method of `object`'s class named `name` taking one more instance of
/// it and returning bool, as Python calls for `a == b` on instances.
FuncOp findComparison(ObjectType object, StringRef name,
                      SymbolTable &symbols) {
  auto cls = symbols.lookup<ClassOp>(object.getClassName().getValue());
  int slot = cls ? cls.lookupMethod(name) : -1;
  if (slot < 0)
    return nullptr;
  auto fn = symbols.lookup<FuncOp>(
      cast<FlatSymbolRefAttr>(cls.getMethods()[slot]).getValue());
  FunctionType type = fn.getFunctionType();
  if (cls.isGeneric())
    type = cast<FunctionType>(substituteTypeParams(
        type, *cls.getTypeParams(), object.getTypeArgs()));
  Type i1 = IntegerType::get(fn.getContext(), 1);
  if (type.getNumInputs() != 2 || type.getInput(1) != object ||
      type.getNumResults() != 1 || type.getResult(0) != i1)
    return nullptr;
  return fn;
}

/// `a == b` on instances: their class's `__eq__` (`!=`: `__ne__`, or the
/// negation of `__eq__`), else identity, as CodeGen emits it outside
/// generic code; `<` and the others call their method when the class has
/// one.
Value compareInstances(OpBuilder &builder, CmpOp cmp, SymbolTable &symbols) {
  Location loc = cmp.getLoc();
  auto object = cast<ObjectType>(cmp.getLhs().getType());
  static constexpr StringRef names[] = {"__eq__", "__ne__", "__lt__",
                                        "__le__", "__gt__", "__ge__"};
  auto call = [&](StringRef name) -> Value {
    if (!findComparison(object, name, symbols))
      return nullptr;
    return MethodCallOp::create(builder, loc, TypeRange{builder.getI1Type()},
                                builder.getStringAttr(name), cmp.getLhs(),
                                ValueRange{cmp.getRhs()})
        .getResult(0);
  };
  CmpPredicate predicate = cmp.getPredicate();
  if (Value result = call(names[static_cast<int>(predicate)]))
    return result;
  if (predicate != CmpPredicate::eq && predicate != CmpPredicate::ne)
    return nullptr;
  Value equal = call("__eq__");
  if (!equal)
    equal = IsOp::create(builder, loc, cmp.getLhs(), cmp.getRhs());
  if (predicate == CmpPredicate::eq)
    return equal;
  Value one = arith::ConstantOp::create(builder, loc, builder.getBoolAttr(true));
  return arith::XOrIOp::create(builder, loc, equal, one);
}

/// Replaces the generic form of an op by the one its concrete operand type
/// needs. The table is small on purpose: these are the operations Sema
/// allows on a value of a type parameter whose op depends on the type.
/// Anything else stays as it is and the verifier reports it.
void legalize(Operation *op, SymbolTable &symbols) {
  OpBuilder builder(op);
  Location loc = op->getLoc();
  auto replace = [&](Value value) {
    op->getResult(0).replaceAllUsesWith(value);
    op->erase();
  };
  if (isa<AddOp, SubOp, MulOp>(op)) {
    Value lhs = op->getOperand(0), rhs = op->getOperand(1);
    Type type = lhs.getType();
    if (isa<FloatType>(type)) {
      if (isa<AddOp>(op))
        return replace(arith::AddFOp::create(builder, loc, lhs, rhs));
      if (isa<SubOp>(op))
        return replace(arith::SubFOp::create(builder, loc, lhs, rhs));
      return replace(arith::MulFOp::create(builder, loc, lhs, rhs));
    }
    if (isa<AddOp>(op) && isa<StrType>(type))
      return replace(StrConcatOp::create(builder, loc, lhs, rhs));
    if (isa<AddOp>(op) && isa<ListType>(type))
      return replace(ListConcatOp::create(builder, loc, lhs, rhs));
    return;
  }
  // str() of a str is the same str, a new reference to it.
  if (auto conversion = dyn_cast<CastOp>(op);
      conversion && conversion.getInput().getType() == conversion.getType()) {
    RetainOp::create(builder, loc, conversion.getInput());
    return replace(conversion.getInput());
  }
  if (auto null = dyn_cast<NullOp>(op)) {
    Type type = null.getType();
    if (!isa<ListType, DictType, SetType, ObjectType, FileType, CallableType>(
            type))
      replace(buildZeroValue(builder, loc, type));
    return;
  }
  if (auto cmp = dyn_cast<CmpOp>(op); cmp && isa<TupleType>(cmp.getLhs().getType()))
    return replace(TupleCmpOp::create(builder, loc, cmp.getPredicate(),
                                      cmp.getLhs(), cmp.getRhs()));
  if (auto cmp = dyn_cast<CmpOp>(op);
      cmp && isa<ObjectType>(cmp.getLhs().getType()))
    if (Value result = compareInstances(builder, cmp, symbols))
      return replace(result);
}

/// `type` with the type parameters named `params` replaced by `args`, in
/// every type and attribute of `op` and the ops nested in it.
void substitute(Operation *op, ArrayAttr params, ArrayAttr args) {
  AttrTypeReplacer replacer;
  replacer.addReplacement([&](TypeParamType param) -> std::optional<Type> {
    for (auto [name, arg] : llvm::zip(params, args))
      if (cast<StringAttr>(name).getValue() == param.getName())
        return cast<TypeAttr>(arg).getValue();
    return std::nullopt;
  });
  replacer.recursivelyReplaceElementsIn(op, /*replaceAttrs=*/true,
                                        /*replaceLocs=*/false,
                                        /*replaceTypes=*/true);
}

/// Names longer than this come from a generic that instantiates itself
/// with ever larger arguments (`Node[T]` making a `Node[list[T]]`).
constexpr size_t kMaxInstanceName = 4096;

struct MonomorphizePass
    : public roast::impl::RoastMonomorphizeBase<MonomorphizePass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SymbolTable symbolTable(module);
    symbols = &symbolTable;
    SmallVector<Operation *> generics;
    for (ClassOp cls : module.getOps<ClassOp>())
      if (cls.isGeneric())
        genericClasses[cls.getSymName()] = cls;
    for (Operation &op : module.getBody()->getOperations()) {
      auto fn = dyn_cast<FuncOp>(op);
      auto cls = dyn_cast<ClassOp>(op);
      if ((fn && fn.isGeneric()) || (cls && cls.isGeneric()))
        generics.push_back(&op);
      else
        worklist.push_back(&op);
      // A generic class's methods are the generic functions named
      // `<class>.<name>`, as CodeGen names them.
      if (fn && fn.isGeneric())
        if (ClassOp owner = owningClass(fn.getSymName()))
          members[owner.getSymName()].push_back(fn);
    }
    // !roast.object<@G, [args]> is an instance of G's copy for args.
    objects.addReplacement([&](ObjectType type) -> std::optional<Type> {
      if (!type.isParametrized())
        return std::nullopt;
      ClassOp instance = instantiateClass(type.getClassName().getValue(),
                                          typeArgsAttr(type.getTypeArgs()));
      if (!instance)
        return std::nullopt;
      return ObjectType::get(&getContext(),
                             FlatSymbolRefAttr::get(instance.getSymNameAttr()));
    });
    while (!worklist.empty() && !hadError) {
      Operation *op = worklist.pop_back_val();
      redirectCalls(op);
      objects.recursivelyReplaceElementsIn(op, /*replaceAttrs=*/true,
                                           /*replaceLocs=*/false,
                                           /*replaceTypes=*/true);
    }
    if (hadError)
      return signalPassFailure();
    for (Operation *generic : generics)
      generic->erase();
  }

private:
  ArrayAttr typeArgsAttr(ArrayRef<Type> types) {
    SmallVector<Attribute> attrs;
    for (Type type : types)
      attrs.push_back(TypeAttr::get(type));
    return ArrayAttr::get(&getContext(), attrs);
  }

  /// The generic class whose method `fn` is, or null.
  ClassOp owningClass(StringRef fn) {
    for (auto &entry : genericClasses)
      if (fn.starts_with(entry.first()) &&
          fn.drop_front(entry.first().size()).starts_with("."))
        return entry.second;
    return nullptr;
  }

  /// Points each generic call in `op` at the copy of its callee for its
  /// type arguments.
  void redirectCalls(Operation *op) {
    SmallVector<CallOp> calls;
    op->walk([&](CallOp call) {
      if (call.getTypeArgs())
        calls.push_back(call);
    });
    for (CallOp call : calls) {
      ArrayAttr typeArgs = *call.getTypeArgs();
      StringRef callee = call.getCallee();
      std::string name;
      if (ClassOp owner = owningClass(callee)) {
        // A method: its copy in the class's copy.
        ClassOp instance = instantiateClass(owner.getSymName(), typeArgs);
        if (!instance)
          return;
        name = (instance.getSymName() +
                callee.drop_front(owner.getSymName().size()))
                   .str();
      } else {
        name = instanceName(callee, typeArgs);
        if (!symbols->lookup<FuncOp>(name)) {
          auto generic = symbols->lookup<FuncOp>(callee);
          FuncOp instance =
              instantiate(generic, name, *generic.getTypeParams(), typeArgs);
          if (!instance)
            return;
          symbols->insert(instance, Block::iterator(generic));
          worklist.push_back(instance);
        }
      }
      call.setCallee(name);
      call.removeTypeArgsAttr();
      ++numCallsRewritten;
    }
  }

  /// The copy of generic class `genericName` for `typeArgs`, made with its
  /// methods on first use; null after an error.
  ClassOp instantiateClass(StringRef genericName, ArrayAttr typeArgs) {
    std::string name = instanceName(genericName, typeArgs);
    if (auto existing = symbols->lookup<ClassOp>(name))
      return existing;
    ClassOp generic = genericClasses.lookup(genericName);
    if (name.size() > kMaxInstanceName) {
      generic.emitError("instantiating ")
          << genericName << " needs ever larger type arguments";
      hadError = true;
      return nullptr;
    }
    auto instance = cast<ClassOp>(generic->clone());
    ArrayAttr params = *generic.getTypeParams();
    instance.setSymName(name);
    instance.removeTypeParamsAttr();
    instance.setDisplayName(generic.getSourceName());
    substitute(instance, params, typeArgs);
    // Its method table names the copies of the methods.
    AttrTypeReplacer methods;
    methods.addReplacement(
        [&](FlatSymbolRefAttr ref) -> std::optional<Attribute> {
          StringRef suffix = ref.getValue().drop_front(genericName.size());
          if (!ref.getValue().starts_with(genericName) ||
              !suffix.starts_with("."))
            return std::nullopt;
          return FlatSymbolRefAttr::get(&getContext(), name + suffix.str());
        });
    methods.replaceElementsIn(instance, /*replaceAttrs=*/true,
                              /*replaceLocs=*/false, /*replaceTypes=*/false);
    symbols->insert(instance, Block::iterator(generic));
    worklist.push_back(instance);
    ++numClassInstances;
    for (FuncOp method : members.lookup(genericName)) {
      std::string methodName =
          name + method.getSymName().drop_front(genericName.size()).str();
      FuncOp copy = instantiate(method, methodName, params, typeArgs);
      if (!copy) {
        hadError = true;
        return nullptr;
      }
      symbols->insert(copy, Block::iterator(method));
      worklist.push_back(copy);
    }
    return instance;
  }

  /// A copy of `generic` with `typeArgs` substituted for `params`, or null
  /// (after an error at the op that is invalid for them).
  FuncOp instantiate(FuncOp generic, StringRef name, ArrayAttr params,
                     ArrayAttr typeArgs) {
    auto instance = cast<FuncOp>(generic->clone());
    instance.setSymName(name);
    instance.removeTypeParamsAttr();
    substitute(instance, params, typeArgs);
    // Reference counting of values that turned out not to be references
    // goes: an int copy of a generic function does no refcounting.
    SmallVector<Operation *> ops;
    instance.walk([&](Operation *op) { ops.push_back(op); });
    for (Operation *op : ops) {
      if (isa<RetainOp, ReleaseOp>(op) &&
          !holdsReferences(op->getOperand(0).getType())) {
        op->erase();
        ++numRefcountsRemoved;
        continue;
      }
      legalize(op, *symbols);
    }
    ++numInstances;
    if (failed(verify(instance))) {
      generic->emitRemark("while instantiating it as ") << name;
      instance.erase();
      hadError = true;
      return nullptr;
    }
    return instance;
  }

  SymbolTable *symbols = nullptr;
  llvm::StringMap<ClassOp> genericClasses;
  /// The methods of each generic class.
  llvm::StringMap<SmallVector<FuncOp>> members;
  /// Ops without type parameters whose generic calls and instance types
  /// are still to be pointed at copies.
  SmallVector<Operation *> worklist;
  AttrTypeReplacer objects;
  bool hadError = false;
};

} // namespace
