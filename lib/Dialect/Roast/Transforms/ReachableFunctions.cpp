//===- ReachableFunctions.cpp - The functions a program can run -----------===//

#include "ReachableFunctions.h"

#include "mlir/IR/AttrTypeSubElements.h"
#include "mlir/IR/SymbolTable.h"
#include "llvm/ADT/StringMap.h"

using namespace mlir;
using namespace roast;

/// Whether the runtime may look member `name` up by itself.
static bool runtimeLooksUp(StringRef name) {
  return name.size() > 4 && name.starts_with("__") && name.ends_with("__") &&
         name != "__init__";
}

/// Calls `fn` with each symbol `attr` names.
static void forEachSymbol(Attribute attr, function_ref<void(StringRef)> fn) {
  attr.walk([&](FlatSymbolRefAttr ref) { fn(ref.getValue()); });
}

ReachableFunctions::ReachableFunctions(ModuleOp module) {
  SymbolTable symbols(module);
  auto init = symbols.lookup<FuncOp>("roast_module_init");
  if (!init || init.isDeclaration()) {
    all = true;
    return;
  }
  // The functions of the member tables, by member name.
  llvm::StringMap<SmallVector<StringRef, 2>> members;
  auto reach = [&](StringRef name) {
    auto it = members.find(name);
    if (it == members.end())
      return;
    for (StringRef fn : it->second)
      add(symbols, fn);
    members.erase(it);
  };
  for (Operation &op : module.getBody()->getOperations()) {
    if (isa<FuncOp>(op))
      continue;
    for (NamedAttribute attr : op.getAttrs()) {
      if (!isa<ClassOp>(op) || attr.getName() != "members") {
        forEachSymbol(attr.getValue(), [&](StringRef fn) { add(symbols, fn); });
        continue;
      }
      for (auto member : cast<ArrayAttr>(attr.getValue())
                             .getAsRange<DictionaryAttr>()) {
        auto name = member.getAs<StringAttr>("name");
        if (!name)
          continue;
        forEachSymbol(member, [&](StringRef fn) {
          members[name.getValue()].push_back(fn);
        });
      }
    }
  }
  for (StringRef name : llvm::to_vector(members.keys()))
    if (runtimeLooksUp(name))
      reach(name);
  add(symbols, init.getSymName());
  while (!worklist.empty()) {
    FuncOp fn = worklist.pop_back_val();
    fn.walk([&](Operation *op) {
      for (NamedAttribute attr : op->getAttrs())
        forEachSymbol(attr.getValue(), [&](StringRef name) { add(symbols, name); });
      if (auto get = dyn_cast<DynGetAttrOp>(op))
        reach(get.getName());
      else if (auto set = dyn_cast<DynSetAttrOp>(op))
        reach(set.getName());
      else if (auto call = dyn_cast<DynCallMethodOp>(op))
        reach(call.getName());
    });
  }
}

void ReachableFunctions::add(SymbolTable &symbols, StringRef name) {
  auto fn = symbols.lookup<FuncOp>(name);
  if (fn && names.insert(name).second)
    worklist.push_back(fn);
}
