//===- ClassHierarchy.cpp - The classes of a module and their methods -----===//

#include "ClassHierarchy.h"

using namespace mlir;
using namespace roast;

ClassHierarchy::ClassHierarchy(ModuleOp module) {
  for (ClassOp cls : module.getOps<ClassOp>()) {
    classes[cls.getSymName()] = cls;
    if (cls.getBase())
      subclasses[*cls.getBase()].push_back(cls);
  }
}

llvm::SmallSetVector<StringAttr, 4>
ClassHierarchy::possibleTargets(MethodCallOp call) const {
  llvm::SmallSetVector<StringAttr, 4> targets;
  ClassOp root =
      classes.lookup(call.getReceiver().getType().getClassName().getValue());
  if (!root)
    return targets;
  int slot = root.lookupMethod(call.getMethod());
  if (slot < 0)
    return targets;
  SmallVector<ClassOp> worklist{root};
  while (!worklist.empty()) {
    ClassOp cls = worklist.pop_back_val();
    targets.insert(cast<FlatSymbolRefAttr>(cls.getMethods()[slot]).getAttr());
    auto it = subclasses.find(cls.getSymName());
    if (it != subclasses.end())
      llvm::append_range(worklist, it->second);
  }
  return targets;
}
