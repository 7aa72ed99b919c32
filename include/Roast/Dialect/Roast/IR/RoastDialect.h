//===- RoastDialect.h - The roast dialect -----------------------*- C++ -*-===//
//
// Declares the dialect class; include RoastOps.h for ops and types.
//
//===----------------------------------------------------------------------===//

#ifndef ROAST_DIALECT_ROAST_IR_ROASTDIALECT_H
#define ROAST_DIALECT_ROAST_IR_ROASTDIALECT_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlow.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/IR/Dialect.h"

#include "Roast/Dialect/Roast/IR/RoastOpsDialect.h.inc"

#endif // ROAST_DIALECT_ROAST_IR_ROASTDIALECT_H
