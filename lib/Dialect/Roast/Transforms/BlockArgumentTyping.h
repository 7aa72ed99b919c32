//===- BlockArgumentTyping.h - Dynamic variables that hold one scalar -----===//
//
// Part of roast-specialize-types (SpecializeTypes.cpp).
//
//===----------------------------------------------------------------------===//

#ifndef ROAST_DIALECT_ROAST_TRANSFORMS_BLOCKARGUMENTTYPING_H
#define ROAST_DIALECT_ROAST_TRANSFORMS_BLOCKARGUMENTTYPING_H

#include "Roast/Dialect/Roast/IR/RoastOps.h"

namespace roast {

/// Retypes the `!roast.value` block arguments of `fn` that only ever hold
/// one scalar type, proven on trial copies that `simplify` folds. True if
/// some argument was retyped.
bool typeBlockArguments(FuncOp fn,
                        llvm::function_ref<void(FuncOp)> simplify);

} // namespace roast

#endif // ROAST_DIALECT_ROAST_TRANSFORMS_BLOCKARGUMENTTYPING_H
