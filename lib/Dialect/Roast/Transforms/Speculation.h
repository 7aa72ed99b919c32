//===- Speculation.h - Unboxes that optimistic trials assume -----*- C++ -*-===//
//
// roast-specialize-types types results, variables and fields
// optimistically: it assumes a type, rewrites a copy of the code to use it
// (a value of unknown type unboxed "speculatively" where it meets the
// assumed type), simplifies the copy, and keeps it only if every such
// unbox folded away, the value then provably having that type. Each kind
// of trial marks its unboxes with its own attribute, since trials nest (a
// field trial simplifies functions, which tries their variables).
//
//===----------------------------------------------------------------------===//

#ifndef ROAST_DIALECT_ROAST_TRANSFORMS_SPECULATION_H
#define ROAST_DIALECT_ROAST_TRANSFORMS_SPECULATION_H

#include "Roast/Dialect/Roast/IR/RoastOps.h"

#include "llvm/ADT/SetVector.h"

namespace roast {

/// `value` unboxed as `type`, on assumption number `candidate` of the
/// trial whose marker is `marker`.
UnboxOp createSpeculativeUnbox(mlir::OpBuilder &builder, mlir::Location loc,
                               mlir::Type type, mlir::Value value,
                               llvm::StringRef marker, unsigned candidate = 0);

/// The assumptions of trial `marker` that did not hold: those whose
/// speculative unboxes are left in `root`.
llvm::SmallSetVector<unsigned, 4> failedSpeculations(mlir::Operation *root,
                                                     llvm::StringRef marker);

} // namespace roast

#endif // ROAST_DIALECT_ROAST_TRANSFORMS_SPECULATION_H
