//===- RoastOps.h - Types and operations of the roast dialect ---*- C++ -*-===//
//
// The one header clients include to build or match roast IR.
//
//===----------------------------------------------------------------------===//

#ifndef ROAST_DIALECT_ROAST_IR_ROASTOPS_H
#define ROAST_DIALECT_ROAST_IR_ROASTOPS_H

#include "Roast/Dialect/Roast/IR/RoastDialect.h"

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/CallInterfaces.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/MemorySlotInterfaces.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "Roast/Dialect/Roast/IR/RoastEnums.h.inc"

namespace roast {
/// Marks ops that may raise (RoastDialect.td's Roast_MayRaise).
template <typename ConcreteType>
class MayRaise : public mlir::OpTrait::TraitBase<ConcreteType, MayRaise> {};
} // namespace roast

#define GET_TYPEDEF_CLASSES
#include "Roast/Dialect/Roast/IR/RoastOpsTypes.h.inc"

namespace roast {
/// `: !roast.callable<(A) -> R>` of roast.call_callable, which also gives
/// the types of its arguments and results.
mlir::ParseResult
parseCallableSignature(mlir::OpAsmParser &parser, mlir::Type &callee,
                       llvm::SmallVectorImpl<mlir::Type> &args,
                       llvm::SmallVectorImpl<mlir::Type> &results);
void printCallableSignature(mlir::OpAsmPrinter &printer, mlir::Operation *op,
                            mlir::Type callee, mlir::TypeRange args,
                            mlir::TypeRange results);

/// `type` with every `!roast.type_param<"P">` whose name is `params[i]`
/// replaced by `args[i]` (recursively: `!roast.list<!roast.type_param<"T">>`
/// becomes `!roast.list<i64>`). `params` is a generic function's
/// `type_params`.
mlir::Type substituteTypeParams(mlir::Type type, mlir::ArrayAttr params,
                                mlir::ArrayRef<mlir::Type> args);
} // namespace roast

#define GET_OP_CLASSES
#include "Roast/Dialect/Roast/IR/RoastOps.h.inc"

namespace roast {
/// Whether values of `type` are pointers to reference-counted heap objects
/// (str, list, dict, set, instances, files): the types retain/release act
/// on directly.
inline bool isObjectType(mlir::Type type) {
  return mlir::isa<StrType, ListType, DictType, SetType, ObjectType, FileType,
                   CallableType>(type);
}

/// Whether values of `type` are one reference: an object, or an optional
/// one (a nullable pointer, null for None).
inline bool isReferenceType(mlir::Type type) {
  auto optional = mlir::dyn_cast<OptionalType>(type);
  return isObjectType(type) ||
         (optional && isObjectType(optional.getValueType()));
}

/// Whether values of `type` hold references: objects, and tuples holding
/// them.
bool holdsReferences(mlir::Type type);

/// Whether `type` is `!roast.value`'s scalars: i64, f64 or i1 (no
/// references, so boxing and unboxing them can fold away).
inline bool isScalarType(mlir::Type type) {
  return type.isInteger(64) || type.isInteger(1) || type.isF64();
}

/// Whether `op` may raise: it has the MayRaise trait, and for print and
/// repr, a value whose __str__/__repr__ could run (an instance, or a
/// container or tuple that may hold one).
bool mayRaise(mlir::Operation *op);

/// Marks the roast.box of None that mem2reg gives a dynamic variable
/// before its first assignment, a value nothing reads.
inline constexpr llvm::StringLiteral kUninitializedAttrName =
    "roast.uninitialized";

/// A value of `type` built from constants: 0, 0.0, False, "", None, or a
/// tuple of those.
mlir::Value buildZeroValue(mlir::OpBuilder &builder, mlir::Location loc,
                           mlir::Type type);
} // namespace roast

#endif // ROAST_DIALECT_ROAST_IR_ROASTOPS_H
