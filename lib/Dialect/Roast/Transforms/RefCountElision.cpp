//===- RefCountElision.cpp - Remove retain/release pairs that cancel ------===//
//
// Both rules rest on the ownership rules CodeGen follows
// (docs/rationale/refcounting.md): arguments are borrowed from a caller
// that keeps them alive for the call, and a release is the only thing that
// can free an object.
//
//===----------------------------------------------------------------------===//

#include "Roast/Dialect/Roast/Transforms/PassStatistics.h"
#include "Roast/Dialect/Roast/Transforms/Passes.h"

#include "mlir/Interfaces/CallInterfaces.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace roast {
#define GEN_PASS_DEF_ROASTREFCOUNTELISION
#include "Roast/Dialect/Roast/Transforms/Passes.h.inc"
} // namespace roast

using namespace mlir;
using namespace roast;

namespace {

/// Whether `use` only reads the reference it is given, for as long as the
/// op runs: it neither keeps it (a store, a return, a block argument, a
/// wrapper sharing it) nor drops it.
static bool onlyBorrows(OpOperand &use) {
  Operation *user = use.getOwner();
  if (isa<RetainOp, ReleaseOp, GetFieldOp, CallOp, MethodCallOp, LenOp,
          OptionalIsNoneOp, IsOp>(user))
    return true;
  // A field store keeps its value, not the instance it stores into.
  if (auto store = dyn_cast<SetFieldOp>(user))
    return use.get() == store.getObject() && use.get() != store.getValue();
  if (isa<ListGetOp, ListSetOp, ListAppendOp>(user))
    return use.getOperandNumber() == 0 &&
           llvm::count(user->getOperands(), use.get()) == 1;
  return false;
}

/// Whether `op` may make any count smaller (and so free an object that a
/// retain elsewhere was keeping alive).
static bool mayDropReferences(Operation &op) {
  if (isa<RetainOp, GetFieldOp, SetFieldOp, OptionalIsNoneOp, LenOp,
          ListGetOp>(op))
    return false;
  // Storing a number or bool into a list replaces no reference.
  if (auto set = dyn_cast<ListSetOp>(op))
    return holdsReferences(set.getValue().getType());
  if (isMemoryEffectFree(&op))
    return false;
  // An op of ours on numbers and bools alone (arithmetic that may raise,
  // comparisons) holds no reference to drop; a call may drop any.
  return isa<CallOpInterface>(op) || !isa<RoastDialect>(op.getDialect()) ||
         llvm::any_of(op.getOperandTypes(), holdsReferences) ||
         llvm::any_of(op.getResultTypes(), holdsReferences);
}

/// The first `roast.release %value` in `block` not in `taken`, before
/// anything that may drop a reference; or null.
static ReleaseOp findRelease(Block &block, Value value,
                             const llvm::SmallPtrSetImpl<Operation *> &taken) {
  for (Operation &op : block) {
    if (auto release = dyn_cast<ReleaseOp>(op);
        release && release.getValue() == value && !taken.contains(release))
      return release;
    if (mayDropReferences(op))
      return nullptr;
  }
  return nullptr;
}

struct RefCountElisionPass
    : public roast::impl::RoastRefCountElisionBase<RefCountElisionPass> {
  PassStatistic numRetainsRemoved{this, "retains-removed",
                                  "Number of roast.retain ops removed"};
  PassStatistic numReleasesRemoved{this, "releases-removed",
                                   "Number of roast.release ops removed"};

  void runOnOperation() override {
    for (FuncOp func : getOperation().getOps<FuncOp>()) {
      if (func.isExternal())
        continue;
      elideBorrowedParameters(func);
      // Pairs nest (`retain b; retain c; ...; release c; release b` around
      // the reads of `b.x - c.x`): the outer one cancels once the inner
      // one is gone.
      func.walk([&](Block *block) {
        while (elidePairs(*block)) {
        }
      });
      func.walk([&](Block *block) { elidePairsAcrossBranch(*block); });
    }
  }

  void erase(Operation *op) {
    if (isa<RetainOp>(op))
      ++numRetainsRemoved;
    else
      ++numReleasesRemoved;
    op->erase();
  }

  /// Rule 1: a parameter only ever borrowed needs no count of its own.
  void elideBorrowedParameters(FuncOp func) {
    // Thunks and dynamic entries are called by the runtime, whose
    // conventions are its own.
    StringRef name = func.getName();
    if (name.ends_with(".<call>") || name.ends_with(".<dyn>"))
      return;
    for (BlockArgument param : func.getArguments()) {
      if (!holdsReferences(param.getType()) || isa<TupleType>(param.getType()))
        continue;
      if (!llvm::all_of(param.getUses(), onlyBorrows))
        continue;
      SmallVector<Operation *> counts;
      for (Operation *user : param.getUsers())
        if (isa<RetainOp, ReleaseOp>(user))
          counts.push_back(user);
      for (Operation *op : counts)
        erase(op);
    }
  }

  /// Rule 2: retain %x, then release %x with nothing between that could
  /// drop a reference. True if some pair went.
  bool elidePairs(Block &block) {
    SmallVector<Operation *> cancelled;
    llvm::SmallPtrSet<Operation *, 8> paired;
    for (Operation &op : block) {
      auto retain = dyn_cast<RetainOp>(op);
      if (!retain)
        continue;
      for (Operation *next = retain->getNextNode(); next;
           next = next->getNextNode()) {
        auto release = dyn_cast<ReleaseOp>(next);
        if (release && release.getValue() == retain.getValue() &&
            paired.insert(release).second) {
          cancelled.append({retain, release});
          break;
        }
        if (mayDropReferences(*next))
          break;
      }
    }
    for (Operation *op : cancelled)
      erase(op);
    return !cancelled.empty();
  }

  /// Rule 3: retain %x at the end of a block whose terminator (the
  /// `roast.check_raised` after an op that may raise, a `cf.cond_br`)
  /// leads only to blocks it alone enters, each of which releases %x before
  /// anything could drop a reference: the retain and those releases
  /// cancel. `retain %l; list_get %l[%i]; check_raised` with a release on
  /// both paths is every read of a list held in a dynamic variable.
  void elidePairsAcrossBranch(Block &block) {
    Operation *terminator = block.getTerminator();
    if (!terminator || terminator->getNumSuccessors() == 0)
      return;
    SmallVector<RetainOp> retains;
    for (Operation &op : llvm::reverse(block)) {
      if (&op == terminator)
        continue;
      if (auto retain = dyn_cast<RetainOp>(op))
        retains.push_back(retain);
      else if (mayDropReferences(op) || isa<ReleaseOp>(op))
        break;
    }
    llvm::SmallPtrSet<Block *, 2> successors;
    for (Block *successor : terminator->getSuccessors())
      if (successor->getSinglePredecessor() != &block ||
          !successors.insert(successor).second)
        return;
    llvm::SmallPtrSet<Operation *, 4> taken;
    for (RetainOp retain : retains) {
      Value value = retain.getValue();
      if (llvm::is_contained(terminator->getOperands(), value))
        continue;
      SmallVector<ReleaseOp, 2> releases;
      for (Block *successor : successors) {
        ReleaseOp release = findRelease(*successor, value, taken);
        if (!release)
          break;
        releases.push_back(release);
      }
      if (releases.size() != successors.size())
        continue;
      for (ReleaseOp release : releases)
        taken.insert(release);
      erase(retain);
      for (ReleaseOp release : releases)
        erase(release);
    }
  }
};

} // namespace
