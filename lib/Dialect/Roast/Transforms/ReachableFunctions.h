//===- ReachableFunctions.h - The functions a program can run ---*- C++ -*-===//
//
// roast-specialize-types leaves the dynamic original of each function it
// cloned in the module (a member table may still name it), though often
// nothing calls it any more. What must hold of every store into a field
// only needs to hold in code that can run (FieldTyping.cpp).
//
//===----------------------------------------------------------------------===//

#ifndef ROAST_DIALECT_ROAST_TRANSFORMS_REACHABLEFUNCTIONS_H
#define ROAST_DIALECT_ROAST_TRANSFORMS_REACHABLEFUNCTIONS_H

#include "Roast/Dialect/Roast/IR/RoastOps.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/SymbolTable.h"
#include "llvm/ADT/StringSet.h"

namespace roast {

/// The functions of a module that can run: from roast_module_init, the
/// functions each reachable one names (calls, function values), the
/// functions classes name for the runtime (method tables, `call`), and the
/// member-table entries of names dynamic code can look up. Those are the
/// names the reachable `roast.dyn.getattr`/`setattr`/`call_method` sites
/// use, and every dunder name but `__init__`, which the runtime looks up
/// for operators, `len()`, iteration and the like; nothing calls
/// `__init__` by name but dynamic code. A module without
/// roast_module_init (a test) has no known entry: everything can run.
class ReachableFunctions {
public:
  explicit ReachableFunctions(mlir::ModuleOp module);

  bool contains(FuncOp fn) const {
    return all || names.contains(fn.getSymName());
  }

private:
  void add(mlir::SymbolTable &symbols, mlir::StringRef name);

  bool all = false;
  llvm::StringSet<> names;
  llvm::SmallVector<FuncOp> worklist;
};

} // namespace roast

#endif // ROAST_DIALECT_ROAST_TRANSFORMS_REACHABLEFUNCTIONS_H
