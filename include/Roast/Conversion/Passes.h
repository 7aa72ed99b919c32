//===- Passes.h - Lowering passes out of the roast dialect ------*- C++ -*-===//

#ifndef ROAST_CONVERSION_PASSES_H
#define ROAST_CONVERSION_PASSES_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlow.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace roast {

#define GEN_PASS_DECL
#include "Roast/Conversion/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "Roast/Conversion/Passes.h.inc"

} // namespace roast

#endif // ROAST_CONVERSION_PASSES_H
