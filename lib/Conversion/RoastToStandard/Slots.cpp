//===- Slots.cpp - Values to and from the runtime's 8-byte slots ----------===//

#include "Slots.h"
#include "Optionals.h"

#include "Roast/Dialect/Roast/IR/RoastOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"

using namespace mlir;
using namespace roast;

/// Offset of RoastTuple.items: after the header and the length.
static constexpr int64_t kTupleItemsOffset = 24;

ElemKind roast::getElemKind(Type type) {
  if (type.isInteger(64))
    return ElemKind::Int;
  if (isa<FloatType>(type))
    return ElemKind::Float;
  if (type.isInteger(1))
    return ElemKind::Bool;
  if (isa<ValueType>(type))
    return ElemKind::Value;
  return ElemKind::Object;
}

Value roast::elemKindConstant(OpBuilder &builder, Location loc, Type type) {
  return arith::ConstantIntOp::create(builder, loc,
                                      int64_t(getElemKind(type)), 32);
}

/// Address of field `index` of a boxed tuple.
static Value tupleItemAddress(OpBuilder &builder, Location loc, Value box,
                              int64_t index) {
  return LLVM::GEPOp::create(
      builder, loc, box.getType(), builder.getI8Type(), box,
      ArrayRef<LLVM::GEPArg>{int32_t(kTupleItemsOffset + 8 * index)});
}

/// The slot of a scalar or object value; tuples are handled by the callers.
static Value scalarSlot(OpBuilder &builder, Location loc, Value value,
                        Type type) {
  Type i64 = builder.getI64Type();
  switch (getElemKind(type)) {
  case ElemKind::Int:
  case ElemKind::Value: // NaN-boxed already
    return value;
  case ElemKind::Float:
    return LLVM::BitcastOp::create(builder, loc, i64, value);
  case ElemKind::Bool:
    return arith::ExtUIOp::create(builder, loc, i64, value);
  case ElemKind::Object:
    return LLVM::PtrToIntOp::create(builder, loc, i64, value);
  }
  llvm_unreachable("unknown element kind");
}

/// A new box of a non-nullable optional number (null for None): the slot
/// form of `int | None`, `float | None` and `bool | None`.
static Value boxOptional(OpBuilder &builder, Location loc, RuntimeABI &abi,
                         Value optional, OptionalType type) {
  Type valueType = type.getValueType();
  Value present =
      LLVM::ExtractValueOp::create(builder, loc, optional, int64_t(0));
  Value value =
      LLVM::ExtractValueOp::create(builder, loc, optional, int64_t(1));
  return abi.call(builder, loc, RuntimeFunction::BoxOptional,
                  {present, elemKindConstant(builder, loc, valueType),
                   scalarSlot(builder, loc, value, valueType)});
}

/// Whether values of `type` need a new box to fit a slot.
static bool needsBox(Type type) {
  auto optional = dyn_cast<OptionalType>(type);
  return optional && !isNullableOptional(optional);
}

Value roast::boxTuple(OpBuilder &builder, Location loc, RuntimeABI &abi,
                      Value tuple, TupleType type) {
  std::string kinds;
  for (Type field : type.getTypes())
    kinds.push_back(char(getElemKind(field)));
  Value length =
      arith::ConstantIntOp::create(builder, loc, int64_t(type.size()), 64);
  Value box = abi.call(builder, loc, RuntimeFunction::TupleNew,
                       {length, abi.getCString(builder, loc, kinds)});
  for (auto [index, fieldType] : llvm::enumerate(type.getTypes())) {
    Value field =
        LLVM::ExtractValueOp::create(builder, loc, tuple, int64_t(index));
    Value slot;
    if (auto inner = dyn_cast<TupleType>(fieldType)) {
      slot = LLVM::PtrToIntOp::create(builder, loc, builder.getI64Type(),
                                      boxTuple(builder, loc, abi, field, inner));
    } else if (needsBox(fieldType)) { // the tuple owns the box
      slot = LLVM::PtrToIntOp::create(
          builder, loc, builder.getI64Type(),
          boxOptional(builder, loc, abi, field, cast<OptionalType>(fieldType)));
    } else {
      if (isa<ValueType>(fieldType))
        abi.call(builder, loc, RuntimeFunction::ValueRetain, field);
      else if (holdsReferences(fieldType)) // an object, or a nullable optional
        abi.call(builder, loc, RuntimeFunction::Retain, field);
      slot = scalarSlot(builder, loc, field, fieldType);
    }
    LLVM::StoreOp::create(builder, loc, slot,
                          tupleItemAddress(builder, loc, box, int64_t(index)),
                          /*alignment=*/8);
  }
  return box;
}

Value SlotEncoder::encode(Value value, Type type) {
  auto tuple = dyn_cast<TupleType>(type);
  if (!tuple && !needsBox(type))
    return scalarSlot(builder, loc, value, type);
  Value box =
      tuple ? boxTuple(builder, loc, abi, value, tuple)
            : boxOptional(builder, loc, abi, value, cast<OptionalType>(type));
  boxes.push_back(box);
  return LLVM::PtrToIntOp::create(builder, loc, builder.getI64Type(), box);
}

void SlotEncoder::finish() {
  for (Value box : boxes)
    abi.call(builder, loc, RuntimeFunction::Release, box);
  boxes.clear();
}

Value roast::decodeSlot(OpBuilder &builder, Location loc,
                        const TypeConverter &converter, RuntimeABI &abi,
                        Value slot, Type type) {
  Type lowered = converter.convertType(type);
  switch (getElemKind(type)) {
  case ElemKind::Int:
  case ElemKind::Value:
    return slot;
  case ElemKind::Float:
    return LLVM::BitcastOp::create(builder, loc, lowered, slot);
  case ElemKind::Bool:
    return arith::TruncIOp::create(builder, loc, lowered, slot);
  case ElemKind::Object:
    break;
  }
  auto ptr = LLVM::LLVMPointerType::get(builder.getContext());
  if (needsBox(type)) {
    // A box or null: {box != null, the number in it}.
    Type valueType = cast<OptionalType>(type).getValueType();
    Value box = LLVM::IntToPtrOp::create(builder, loc, ptr, slot);
    Value null = LLVM::ZeroOp::create(builder, loc, ptr);
    Value present =
        LLVM::ICmpOp::create(builder, loc, LLVM::ICmpPredicate::ne, box, null);
    Value inner = abi.call(builder, loc, RuntimeFunction::BoxSlot, box);
    Value value = decodeSlot(builder, loc, converter, abi, inner, valueType);
    Value result = LLVM::ZeroOp::create(builder, loc, lowered);
    result =
        LLVM::InsertValueOp::create(builder, loc, result, present, int64_t(0));
    return LLVM::InsertValueOp::create(builder, loc, result, value, int64_t(1));
  }
  auto tuple = dyn_cast<TupleType>(type);
  if (!tuple)
    return LLVM::IntToPtrOp::create(builder, loc, lowered, slot);
  Value box = LLVM::IntToPtrOp::create(builder, loc, ptr, slot);
  Value result = LLVM::PoisonOp::create(builder, loc, lowered);
  for (auto [index, fieldType] : llvm::enumerate(tuple.getTypes())) {
    Value fieldSlot = LLVM::LoadOp::create(
        builder, loc, builder.getI64Type(),
        tupleItemAddress(builder, loc, box, int64_t(index)), /*alignment=*/8);
    Value field =
        decodeSlot(builder, loc, converter, abi, fieldSlot, fieldType);
    result = LLVM::InsertValueOp::create(builder, loc, result, field,
                                         int64_t(index));
  }
  return result;
}

/// Retains every reference inside `value` of roast type `type`.
static void retainAll(OpBuilder &builder, Location loc, RuntimeABI &abi,
                      Value value, Type type) {
  if (isa<ValueType>(type)) {
    abi.call(builder, loc, RuntimeFunction::ValueRetain, value);
    return;
  }
  if (isObjectType(type) || (isa<OptionalType>(type) && !needsBox(type))) {
    abi.call(builder, loc, RuntimeFunction::Retain, value);
    return;
  }
  if (auto tuple = dyn_cast<TupleType>(type))
    for (auto [index, fieldType] : llvm::enumerate(tuple.getTypes()))
      if (holdsReferences(fieldType))
        retainAll(builder, loc, abi,
                  LLVM::ExtractValueOp::create(builder, loc, value,
                                               int64_t(index)),
                  fieldType);
}

Value roast::decodeOwnedSlot(OpBuilder &builder, Location loc,
                             const TypeConverter &converter, RuntimeABI &abi,
                             Value slot, Type type) {
  Value value = decodeSlot(builder, loc, converter, abi, slot, type);
  if (!isa<TupleType>(type) && !needsBox(type))
    return value; // the slot's reference passes to the value
  retainAll(builder, loc, abi, value, type);
  auto ptr = LLVM::LLVMPointerType::get(builder.getContext());
  Value box = LLVM::IntToPtrOp::create(builder, loc, ptr, slot);
  abi.call(builder, loc, RuntimeFunction::Release, box);
  return value;
}
