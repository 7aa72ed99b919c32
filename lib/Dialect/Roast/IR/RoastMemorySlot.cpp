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
  // Sema rejects reads before writes: the default is never observed. A
  // dynamic variable's says so, so that roast-specialize-types may type
  // the variable as what its assignments store.
  Value zero = buildZeroValue(builder, getLoc(), slot.elemType);
  if (isa<ValueType>(slot.elemType))
    zero.getDefiningOp()->setAttr(kUninitializedAttrName,
                                  builder.getUnitAttr());
  return zero;
}

void AllocaOp::handleBlockArgument(const MemorySlot &, BlockArgument,
                                   OpBuilder &) {}

std::optional<PromotableAllocationOpInterface>
AllocaOp::handlePromotionComplete(const MemorySlot &, Value defaultValue,
                                  OpBuilder &) {
  // Erase the default (and, for tuples, its element constants) if unused.
  SmallVector<Operation *> worklist;
  if (defaultValue && defaultValue.use_empty())
    worklist.push_back(defaultValue.getDefiningOp());
  while (!worklist.empty()) {
    Operation *op = worklist.pop_back_val();
    SmallVector<Value> operands(op->getOperands());
    op->erase();
    for (Value operand : operands)
      if (operand.use_empty() && operand.getDefiningOp())
        worklist.push_back(operand.getDefiningOp());
  }
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
