//===- LegalizeInstance.h - Ops of a copy that depend on types -*- C++ -*-===//

#ifndef ROAST_LIB_DIALECT_ROAST_TRANSFORMS_LEGALIZEINSTANCE_H
#define ROAST_LIB_DIALECT_ROAST_TRANSFORMS_LEGALIZEINSTANCE_H

namespace mlir {
class Operation;
class SymbolTable;
} // namespace mlir

namespace roast {

/// Replaces the generic form of `op`, in a copy of a generic function with
/// its type parameters substituted, by the one its concrete operand types
/// need (`roast.add` of floats is `arith.addf`, `==` of instances their
/// `__eq__`...). `symbols` finds the classes of instances.
void legalizeInstantiatedOp(mlir::Operation *op, mlir::SymbolTable &symbols);

} // namespace roast

#endif // ROAST_LIB_DIALECT_ROAST_TRANSFORMS_LEGALIZEINSTANCE_H
