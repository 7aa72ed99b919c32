//===- Passes.h - Roast-level transformation passes -------------*- C++ -*-===//

#ifndef ROAST_DIALECT_ROAST_TRANSFORMS_PASSES_H
#define ROAST_DIALECT_ROAST_TRANSFORMS_PASSES_H

#include "Roast/Dialect/Roast/IR/RoastOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace roast {

#define GEN_PASS_DECL
#include "Roast/Dialect/Roast/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "Roast/Dialect/Roast/Transforms/Passes.h.inc"

} // namespace roast

#endif // ROAST_DIALECT_ROAST_TRANSFORMS_PASSES_H
