//===- FieldTyping.h - Dynamic fields that hold one scalar ------*- C++ -*-===//
//
// Part of roast-specialize-types (SpecializeTypes.cpp).
//
//===----------------------------------------------------------------------===//

#ifndef ROAST_DIALECT_ROAST_TRANSFORMS_FIELDTYPING_H
#define ROAST_DIALECT_ROAST_TRANSFORMS_FIELDTYPING_H

#include "Roast/Dialect/Roast/IR/RoastOps.h"

#include "mlir/IR/BuiltinOps.h"

namespace roast {

/// Retypes the `!roast.value` fields of `module`'s classes that only ever
/// hold one scalar type, proven on a trial copy of the module whose
/// storing functions `simplify` folds. Returns how many were retyped.
unsigned typeFields(mlir::ModuleOp module,
                    llvm::function_ref<void(FuncOp)> simplify);

} // namespace roast

#endif // ROAST_DIALECT_ROAST_TRANSFORMS_FIELDTYPING_H
