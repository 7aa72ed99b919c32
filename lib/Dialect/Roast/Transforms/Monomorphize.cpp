//===- Monomorphize.cpp - One copy of each generic per use ----------------===//
//
// Clones every generic roast.func once per list of type arguments it is
// called with, and every generic roast.class (with its methods) once per
// instance type used, substitutes the arguments for the !roast.type_param
// types, legalizes the few ops whose form depends on the concrete type, and
// erases the generic originals (docs/rationale/generics.md).
//
//===----------------------------------------------------------------------===//

#include "Roast/Dialect/Roast/Transforms/PassStatistics.h"
#include "Roast/Dialect/Roast/Transforms/Passes.h"

#include "LegalizeInstance.h"

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

/// Replaces the type parameters named `params` by `args` in every type and
/// attribute of `op` and the ops nested in it.
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
  PassStatistic numInstances{this, "instances-created",
                             "Number of generic function copies made"};
  PassStatistic numClassInstances{this, "class-instances-created",
                                  "Number of generic class copies made"};
  PassStatistic numCallsRewritten{this, "calls-rewritten",
                                  "Number of generic calls pointed at a copy"};
  PassStatistic numRefcountsRemoved{
      this, "refcounts-removed",
      "Number of retain/release ops removed from copies"};

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
      legalizeInstantiatedOp(op, *symbols);
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
