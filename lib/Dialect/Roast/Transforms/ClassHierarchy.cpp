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
  for (ClassOp cls : subtree(root))
    targets.insert(cast<FlatSymbolRefAttr>(cls.getMethods()[slot]).getAttr());
  return targets;
}

SmallVector<ClassOp> ClassHierarchy::subtree(ClassOp root) const {
  SmallVector<ClassOp> result{root};
  for (size_t i = 0; i < result.size(); ++i) {
    auto it = subclasses.find(result[i].getSymName());
    if (it != subclasses.end())
      llvm::append_range(result, it->second);
  }
  return result;
}

bool ClassHierarchy::derivesFrom(ClassOp cls, ClassOp ancestor) const {
  for (; cls; cls = cls.getBase() ? classes.lookup(*cls.getBase()) : ClassOp())
    if (cls == ancestor)
      return true;
  return false;
}
