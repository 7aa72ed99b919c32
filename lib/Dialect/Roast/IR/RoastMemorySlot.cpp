//===- RoastMemorySlot.cpp - mem2reg support for local variable slots -----===//
//
// Lets MLIR's generic `mem2reg` pass promote `roast.alloca` slots to SSA
// values, so CodeGen can emit every local as a slot (simple, like clang) and
// the roast IR readers see is still in SSA form.
//
//===----------------------------------------------------------------------===//

#include "Roast/Dialect/Roast/IR/RoastOps.h"

#include "mlir/IR/Builders.h"

using namespace mlir;
using namespace roast;

//===----------------------------------------------------------------------===//
// AllocaOp
//===----------------------------------------------------------------------===//

SmallVector<MemorySlot> AllocaOp::getPromotableSlots() {
  return {MemorySlot{getRef(), getRef().getType().getElementType()}};
}

Value AllocaOp::getDefaultValue(const MemorySlot &slot, OpBuilder &builder) {
  // A read before any write is rejected by Sema; the default only has to be
  // some value of the right type.
  Type type = slot.elemType;
  if (isa<StrType>(type))
    return StringOp::create(builder, getLoc(), builder.getStringAttr(""));
  if (isa<roast::NoneType>(type))
    return NoneOp::create(builder, getLoc());
  return arith::ConstantOp::create(builder, getLoc(), type,
                                   builder.getZeroAttr(type));
}

void AllocaOp::handleBlockArgument(const MemorySlot &, BlockArgument,
                                   OpBuilder &) {}

std::optional<PromotableAllocationOpInterface>
AllocaOp::handlePromotionComplete(const MemorySlot &, Value defaultValue,
                                  OpBuilder &) {
  if (defaultValue && defaultValue.use_empty())
    defaultValue.getDefiningOp()->erase();
  erase();
  return std::nullopt;
}

//===----------------------------------------------------------------------===//
// LoadOp
//===----------------------------------------------------------------------===//

bool LoadOp::loadsFrom(const MemorySlot &slot) { return getRef() == slot.ptr; }

bool LoadOp::storesTo(const MemorySlot &) { return false; }

Value LoadOp::getStored(const MemorySlot &, OpBuilder &, Value,
                        const DataLayout &) {
  llvm_unreachable("roast.load does not store");
}

bool LoadOp::canUsesBeRemoved(const MemorySlot &slot,
                              const SmallPtrSetImpl<OpOperand *> &blockingUses,
                              SmallVectorImpl<OpOperand *> &,
                              const DataLayout &) {
  return blockingUses.size() == 1 &&
         (*blockingUses.begin())->get() == slot.ptr &&
         getResult().getType() == slot.elemType;
}

DeletionKind
LoadOp::removeBlockingUses(const MemorySlot &,
                           const SmallPtrSetImpl<OpOperand *> &, OpBuilder &,
                           Value reachingDefinition, const DataLayout &) {
  getResult().replaceAllUsesWith(reachingDefinition);
  return DeletionKind::Delete;
}

//===----------------------------------------------------------------------===//
// StoreOp
//===----------------------------------------------------------------------===//

bool StoreOp::loadsFrom(const MemorySlot &) { return false; }

bool StoreOp::storesTo(const MemorySlot &slot) { return getRef() == slot.ptr; }

Value StoreOp::getStored(const MemorySlot &, OpBuilder &, Value,
                         const DataLayout &) {
  return getValue();
}

bool StoreOp::canUsesBeRemoved(const MemorySlot &slot,
                               const SmallPtrSetImpl<OpOperand *> &blockingUses,
                               SmallVectorImpl<OpOperand *> &,
                               const DataLayout &) {
  // The slot pointer itself must not be the stored value.
  return blockingUses.size() == 1 &&
         (*blockingUses.begin())->get() == slot.ptr &&
         getValue() != slot.ptr && getValue().getType() == slot.elemType;
}

DeletionKind
StoreOp::removeBlockingUses(const MemorySlot &,
                            const SmallPtrSetImpl<OpOperand *> &, OpBuilder &,
                            Value, const DataLayout &) {
  return DeletionKind::Delete;
}
