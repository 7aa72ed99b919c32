//===- ClassHierarchy.h - The classes of a module and their methods -*- C++ -*-===//
//
// What the roast.class ops of a module say about dispatch: for a method
// call on a receiver of static class C, the functions it may run (one per
// class of C's subtree), and which classes share a field. Shared by
// roast-devirtualize, roast-stack-guards and roast-specialize-types.
//
//===----------------------------------------------------------------------===//

#ifndef ROAST_LIB_DIALECT_ROAST_TRANSFORMS_CLASSHIERARCHY_H
#define ROAST_LIB_DIALECT_ROAST_TRANSFORMS_CLASSHIERARCHY_H

#include "Roast/Dialect/Roast/IR/RoastOps.h"

#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/StringMap.h"

namespace roast {

class ClassHierarchy {
public:
  explicit ClassHierarchy(mlir::ModuleOp module);

  /// The names of the functions `call` may run, in no particular order.
  llvm::SmallSetVector<mlir::StringAttr, 4>
  possibleTargets(MethodCallOp call) const;

  /// The class named `name`, or null.
  ClassOp lookup(llvm::StringRef name) const { return classes.lookup(name); }

  /// `root` and the classes deriving from it, `root` first.
  llvm::SmallVector<ClassOp> subtree(ClassOp root) const;

  /// Whether `cls` is `ancestor` or derives from it.
  bool derivesFrom(ClassOp cls, ClassOp ancestor) const;

private:
  llvm::StringMap<ClassOp> classes;
  llvm::StringMap<llvm::SmallVector<ClassOp>> subclasses;
};

} // namespace roast

#endif // ROAST_LIB_DIALECT_ROAST_TRANSFORMS_CLASSHIERARCHY_H
