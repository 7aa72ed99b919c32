//===- Slots.h - Values to and from the runtime's 8-byte slots --*- C++ -*-===//
//
// Containers store every element, key and value in a uniform 8-byte slot
// (docs/rationale/containers.md): ints as themselves, floats as their bits,
// bools as 0/1, objects as pointers, tuples boxed into heap RoastTuples, and
// optional numbers boxed into RoastBoxes (null for None).
// Every container pattern converts through these helpers, so the slot
// format lives in one place.
//
//===----------------------------------------------------------------------===//

#ifndef LIB_CONVERSION_ROASTTOSTANDARD_SLOTS_H
#define LIB_CONVERSION_ROASTTOSTANDARD_SLOTS_H

#include "Roast/Conversion/RoastToStandard/RuntimeABI.h"

#include "mlir/Transforms/DialectConversion.h"

namespace roast {

/// RoastElemKind in Runtime.h.
enum class ElemKind : int32_t {
  Int = 1,
  Float = 2,
  Bool = 3,
  Object = 4,
  Value = 5
};

/// The slot kind of values of roast type `type`.
ElemKind getElemKind(mlir::Type type);

/// An i32 constant holding the kind of `type`.
mlir::Value elemKindConstant(mlir::OpBuilder &builder, mlir::Location loc,
                             mlir::Type type);

/// Converts the operands of one runtime call to slots. The call borrows
/// them; tuples are boxed for it, and finish() releases those boxes once
/// the call is emitted.
class SlotEncoder {
public:
  SlotEncoder(mlir::OpBuilder &builder, mlir::Location loc, RuntimeABI &abi)
      : builder(builder), loc(loc), abi(abi) {}
  ~SlotEncoder() { assert(boxes.empty() && "finish() was not called"); }

  /// The slot of `value` (already lowered) of roast type `type`.
  mlir::Value encode(mlir::Value value, mlir::Type type);
  /// Releases the boxes made for the call.
  void finish();
  /// Whether encode() made a box: its slot then holds a new reference.
  bool madeBoxes() const { return !boxes.empty(); }

private:
  mlir::OpBuilder &builder;
  mlir::Location loc;
  RuntimeABI &abi;
  llvm::SmallVector<mlir::Value, 1> boxes;
};

/// A new RoastTuple holding `tuple` (a lowered struct of roast type `type`);
/// it owns references to the tuple's objects.
mlir::Value boxTuple(mlir::OpBuilder &builder, mlir::Location loc,
                     RuntimeABI &abi, mlir::Value tuple, mlir::TupleType type);

/// The value of roast type `type` held in `slot`, borrowed from whatever
/// owns the slot.
mlir::Value decodeSlot(mlir::OpBuilder &builder, mlir::Location loc,
                       const mlir::TypeConverter &converter, RuntimeABI &abi,
                       mlir::Value slot, mlir::Type type);

/// The value held in an OWNED slot (a popped element): the result owns its
/// references, and a tuple's box is released.
mlir::Value decodeOwnedSlot(mlir::OpBuilder &builder, mlir::Location loc,
                            const mlir::TypeConverter &converter,
                            RuntimeABI &abi, mlir::Value slot,
                            mlir::Type type);

} // namespace roast

#endif // LIB_CONVERSION_ROASTTOSTANDARD_SLOTS_H
