//===- FieldInitialization.h - Fields stored before any read ----*- C++ -*-===//
//
// A new instance's fields are zero (roast.new). Python has no such value:
// reading an attribute never assigned raises AttributeError. A dynamic
// field that is zero reads as 0.0 (the NaN-boxing of zero bits); typed,
// it would read as 0, False or 0.0. So roast-specialize-types types only
// fields that every instance gets before anything can read them, where
// typing changes nothing (FieldTyping.cpp).
//
//===----------------------------------------------------------------------===//

#ifndef ROAST_DIALECT_ROAST_TRANSFORMS_FIELDINITIALIZATION_H
#define ROAST_DIALECT_ROAST_TRANSFORMS_FIELDINITIALIZATION_H

#include "Roast/Dialect/Roast/IR/RoastOps.h"

#include "mlir/IR/SymbolTable.h"
#include "llvm/ADT/DenseMap.h"

namespace roast {

class FieldInitialization {
public:
  explicit FieldInitialization(mlir::SymbolTable &symbols)
      : symbols(symbols) {}

  /// Whether the instance `op` makes has field `field` stored before it
  /// can be read: on every path from `op` that does not raise, a
  /// roast.set_field of it, or a call that passes the instance first (its
  /// `__init__`) to a function that stores it on each of its own paths,
  /// comes before any use of the instance other than reading or storing
  /// another field, retaining or releasing it, or reading the old value of
  /// `field` only to release it. Paths that raise may only do those.
  bool storedBeforeRead(NewOp op, llvm::StringRef field);

private:
  /// What the code from a point on does with an instance that does not
  /// have the field yet.
  enum class Outcome {
    Stored, // every path that returns stores it first
    Unread, // no path reads it, lets it escape, or stores it on all paths
    Read,   // some path may read it
  };
  Outcome walk(mlir::Operation *start, mlir::Value object,
               llvm::StringRef field);
  /// `walk` of a function taking the instance as its first argument.
  Outcome callee(FuncOp fn, llvm::StringRef field);

  mlir::SymbolTable &symbols;
  llvm::DenseMap<std::pair<mlir::Operation *, mlir::StringAttr>,
                 std::optional<Outcome>>
      callees;
};

} // namespace roast

#endif // ROAST_DIALECT_ROAST_TRANSFORMS_FIELDINITIALIZATION_H
