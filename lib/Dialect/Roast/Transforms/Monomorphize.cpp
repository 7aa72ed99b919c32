//===- Monomorphize.cpp - One copy of each generic function per use -------===//
//
// Clones every generic roast.func once per list of type arguments it is
// called with, substitutes the arguments for its !roast.type_param types,
// legalizes the few ops whose form depends on the concrete type, and erases
// the generic originals (docs/rationale/generics.md).
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

/// Replaces the generic form of an op by the one its concrete operand type
/// needs. The table is small on purpose: these are the operations Sema
/// allows on a value of a type parameter whose op depends on the type.
/// Anything else stays as it is and the verifier reports it.
void legalize(Operation *op) {
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
}

struct MonomorphizePass
    : public roast::impl::RoastMonomorphizeBase<MonomorphizePass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SymbolTable symbols(module);
    SmallVector<FuncOp> worklist, generics;
    for (FuncOp fn : module.getOps<FuncOp>())
      (fn.isGeneric() ? generics : worklist).push_back(fn);
    while (!worklist.empty()) {
      FuncOp fn = worklist.pop_back_val();
      SmallVector<CallOp> calls;
      fn.walk([&](CallOp call) {
        if (call.getTypeArgs())
          calls.push_back(call);
      });
      for (CallOp call : calls) {
        ArrayAttr typeArgs = *call.getTypeArgs();
        std::string name = instanceName(call.getCallee(), typeArgs);
        if (!symbols.lookup<FuncOp>(name)) {
          auto generic = symbols.lookup<FuncOp>(call.getCallee());
          FuncOp instance = instantiate(generic, name, typeArgs);
          if (!instance)
            return signalPassFailure();
          symbols.insert(instance, Block::iterator(generic));
          worklist.push_back(instance);
        }
        call.setCallee(name);
        call.removeTypeArgsAttr();
        ++numCallsRewritten;
      }
    }
    for (FuncOp generic : generics)
      generic.erase();
  }

  /// A copy of `generic` with `typeArgs` substituted, or null (after an
  /// error at the op that is invalid for them).
  FuncOp instantiate(FuncOp generic, StringRef name, ArrayAttr typeArgs) {
    auto instance = cast<FuncOp>(generic->clone());
    instance.setSymName(name);
    ArrayAttr params = *generic.getTypeParams();
    instance.removeTypeParamsAttr();
    AttrTypeReplacer replacer;
    replacer.addReplacement([&](TypeParamType param) -> std::optional<Type> {
      for (auto [name, arg] : llvm::zip(params, typeArgs))
        if (cast<StringAttr>(name).getValue() == param.getName())
          return cast<TypeAttr>(arg).getValue();
      return std::nullopt;
    });
    replacer.recursivelyReplaceElementsIn(instance, /*replaceAttrs=*/true,
                                          /*replaceLocs=*/false,
                                          /*replaceTypes=*/true);
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
      legalize(op);
    }
    ++numInstances;
    if (failed(verify(instance))) {
      generic->emitRemark("while instantiating it as ") << name;
      instance.erase();
      return nullptr;
    }
    return instance;
  }
};

} // namespace
