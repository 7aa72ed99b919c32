//===- LoopVersioning.cpp - Counted loops without list index checks -------===//
//
// A loop counting `i` from `start` to `n` by 1 that indexes lists by `i`
// and cannot change any list's length needs no index check when
// `start >= 0` and `n <= len(l)` before it: it gets a copy whose accesses
// are unchecked, chosen by that test (docs/rationale/loop-versioning.md).
//
//===----------------------------------------------------------------------===//

#include "Roast/Dialect/Roast/Transforms/PassStatistics.h"
#include "Roast/Dialect/Roast/Transforms/Passes.h"

#include "mlir/Analysis/CFGLoopInfo.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/IR/Dominance.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/TypeSwitch.h"

namespace roast {
#define GEN_PASS_DEF_ROASTLOOPVERSIONING
#include "Roast/Dialect/Roast/Transforms/Passes.h.inc"
} // namespace roast

using namespace mlir;
using namespace roast;

namespace {

/// A loop to version: `header(%i, ...)` tests `%i < bound` and goes to
/// `body` (inside) or `exit` (outside); every edge back to it passes
/// `%i + 1`, the one edge from outside `start`.
struct CountedLoop {
  CFGLoop *loop;
  Block *header;
  Block *exit;
  BlockOperand *entry;
  unsigned counter;
  Value bound;
  /// `bound` is this `roast.len` in the header, of a list from before the
  /// loop: it moves to the test (no list changes length in the loop).
  LenOp boundLength;
  /// The list_get and list_set ops indexed by the counter.
  SmallVector<Operation *> accesses;
  /// What the test must check: `start >= 0` unless start is a constant
  /// (then >= 0), and `bound <= len(l)` for each list l but the one whose
  /// length the bound is on entry to the loop.
  bool testStart = false;
  llvm::SetVector<Value> testedLists;
  /// Values of the header used after the loop (in blocks `exit` dominates).
  llvm::SetVector<Value> liveOut;
};

/// Whether `op` cannot change the length of any list (nor run code that
/// could): the loop's test of the lengths stays true while it runs.
/// Deliberately short; anything else keeps the loop as it is.
bool keepsListLengths(Operation *op) {
  if (isa<arith::ArithDialect, math::MathDialect>(op->getDialect()))
    return true;
  return llvm::TypeSwitch<Operation *, bool>(op)
      .Case<cf::BranchOp, cf::CondBranchOp, CheckRaisedOp, AddOp, SubOp, MulOp,
            ShlOp, ShrOp, NegOp, FloorDivOp, ModOp, PowOp, TrueDivOp, RoundOp,
            MathCallOp, LenOp, ListGetOp, GetFieldOp, RetainOp, IsOp, StringOp,
            NoneOp>([](Operation *) { return true; })
      // Scalars only: comparing or converting an instance or a container
      // may run its methods.
      .Case<CmpOp, CastOp>([](Operation *op) {
        return isScalarType(op->getOperand(0).getType());
      })
      // A stored reference would release the one it replaces.
      .Case([](ListSetOp set) {
        return !holdsReferences(set.getValue().getType());
      })
      .Case([](SetFieldOp set) {
        return !holdsReferences(set.getValue().getType());
      })
      .Case([](NewOp op) { return op.getStack(); })
      // Freeing a str or an instance frees no list a loop indexes: those
      // are held by the function.
      .Case([](ReleaseOp op) {
        return isa<StrType, ObjectType>(op.getValue().getType());
      })
      .Default([](Operation *) { return false; });
}

/// Whether `value` is computed from constants alone, so that a folder may
/// turn it into one. Looks a few ops deep; deeper is taken as yes.
bool isComputedFromConstants(Value value, unsigned depth = 0) {
  Operation *def = value.getDefiningOp();
  if (!def || def->getNumRegions() != 0)
    return false;
  if (def->hasTrait<OpTrait::ConstantLike>() || depth == 4)
    return true;
  if (def->getNumOperands() == 0)
    return false;
  return llvm::all_of(def->getOperands(), [&](Value operand) {
    return isComputedFromConstants(operand, depth + 1);
  });
}

/// Whether `list` may be null: CodeGen's value of a variable before its
/// first assignment, merged in through block arguments. Sema lets a loop
/// read a variable under the condition it was assigned under, so the test
/// may only read the length of a list it has seen is not null.
bool mayBeNull(Value list) {
  SmallVector<Value> work{list};
  llvm::DenseSet<Value> seen;
  while (!work.empty()) {
    Value value = work.pop_back_val();
    if (!seen.insert(value).second)
      continue;
    if (value.getDefiningOp<NullOp>())
      return true;
    auto argument = dyn_cast<BlockArgument>(value);
    if (!argument || argument.getOwner()->isEntryBlock())
      continue;
    for (BlockOperand &use : argument.getOwner()->getUses()) {
      auto branch = dyn_cast<BranchOpInterface>(use.getOwner());
      if (!branch)
        return true;
      SuccessorOperands operands =
          branch.getSuccessorOperands(use.getOperandNumber());
      if (operands.isOperandProduced(argument.getArgNumber()))
        return true;
      work.push_back(operands[argument.getArgNumber()]);
    }
  }
  return false;
}

/// Whether `value` is `counter + 1`.
bool isIncrement(Value value, Value counter) {
  Operation *def = value.getDefiningOp();
  if (!def || !isa<arith::AddIOp, AddOp>(def))
    return false;
  Value lhs = def->getOperand(0), rhs = def->getOperand(1);
  return (lhs == counter && matchPattern(rhs, m_One())) ||
         (rhs == counter && matchPattern(lhs, m_One()));
}

/// `%i < bound` as `roast.cmp lt`/`gt` or `arith.cmpi slt`/`sgt` of i64s:
/// the header argument `%i` and `bound`, or nothing.
std::optional<std::pair<BlockArgument, Value>> matchLessThan(Value condition,
                                                             Block *header) {
  Value lhs, rhs;
  if (auto cmp = condition.getDefiningOp<CmpOp>()) {
    if (cmp.getPredicate() == CmpPredicate::lt)
      std::tie(lhs, rhs) = std::pair(cmp.getLhs(), cmp.getRhs());
    else if (cmp.getPredicate() == CmpPredicate::gt)
      std::tie(lhs, rhs) = std::pair(cmp.getRhs(), cmp.getLhs());
  } else if (auto cmp = condition.getDefiningOp<arith::CmpIOp>()) {
    if (cmp.getPredicate() == arith::CmpIPredicate::slt)
      std::tie(lhs, rhs) = std::pair(cmp.getLhs(), cmp.getRhs());
    else if (cmp.getPredicate() == arith::CmpIPredicate::sgt)
      std::tie(lhs, rhs) = std::pair(cmp.getRhs(), cmp.getLhs());
  }
  auto counter = dyn_cast_or_null<BlockArgument>(lhs);
  if (!counter || counter.getOwner() != header ||
      !counter.getType().isInteger(64))
    return std::nullopt;
  return std::pair(counter, rhs);
}

/// The loop as a CountedLoop, if it is one worth versioning.
std::optional<CountedLoop> analyze(CFGLoop *loop, DominanceInfo &dominance) {
  CountedLoop counted{};
  counted.loop = loop;
  Block *header = counted.header = loop->getHeader();
  auto isOutside = [&](Value value) {
    return !loop->contains(value.getParentBlock());
  };

  // One edge in from outside; the others are latches.
  SmallVector<BlockOperand *> latches;
  for (BlockOperand &use : header->getUses()) {
    if (!loop->contains(use.getOwner()->getBlock())) {
      if (counted.entry)
        return std::nullopt;
      counted.entry = &use;
    } else {
      latches.push_back(&use);
    }
  }
  if (!counted.entry || !isa<BranchOpInterface>(counted.entry->getOwner()))
    return std::nullopt;

  // The header leaves the loop unless `%i < bound`; `body` is entered only
  // from it, so every block it dominates runs with `%i < bound`.
  auto branch = dyn_cast<cf::CondBranchOp>(header->getTerminator());
  if (!branch)
    return std::nullopt;
  Block *body = branch.getTrueDest();
  counted.exit = branch.getFalseDest();
  if (body == header || !loop->contains(body) || loop->contains(counted.exit) ||
      body->getSinglePredecessor() != header)
    return std::nullopt;
  auto test = matchLessThan(branch.getCondition(), header);
  if (!test)
    return std::nullopt;
  auto [counter, bound] = *test;
  counted.counter = counter.getArgNumber();
  counted.bound = bound;
  if (!isOutside(bound)) {
    auto length = bound.getDefiningOp<LenOp>();
    if (!length || length->getBlock() != header ||
        !isa<ListType>(length.getValue().getType()) ||
        !isOutside(length.getValue()))
      return std::nullopt;
    counted.boundLength = length;
  }

  // The test must not fold to a constant after this pass: the copy it
  // never chose would be an unreachable loop, and MLIR 22's canonicalizer
  // does not terminate on those (llvm-project#221037). So a start folded
  // to a constant is tested here, and one that folds later (`-4 // 2`,
  // folded once lowered) leaves the loop alone.
  SuccessorOperands entryOperands =
      cast<BranchOpInterface>(counted.entry->getOwner())
          .getSuccessorOperands(counted.entry->getOperandNumber());
  if (entryOperands.isOperandProduced(counted.counter))
    return std::nullopt;
  Value start = entryOperands[counted.counter];
  APInt constantStart;
  if (matchPattern(start, m_ConstantInt(&constantStart))) {
    if (constantStart.isNegative())
      return std::nullopt;
  } else if (isComputedFromConstants(start)) {
    return std::nullopt;
  } else {
    counted.testStart = true;
  }

  // Each latch passes `%i + 1`.
  for (BlockOperand *latch : latches) {
    auto terminator = dyn_cast<BranchOpInterface>(latch->getOwner());
    if (!terminator)
      return std::nullopt;
    SuccessorOperands operands =
        terminator.getSuccessorOperands(latch->getOperandNumber());
    if (operands.isOperandProduced(counted.counter) ||
        !isIncrement(operands[counted.counter], counter))
      return std::nullopt;
  }

  // The list whose length `bound` is on entry: `len(l)` in the header, or
  // just before the edge into the loop (`range(len(l))`) with nothing
  // after it that could change a length.
  Value measured;
  if (counted.boundLength) {
    measured = counted.boundLength.getValue();
  } else if (auto length = bound.getDefiningOp<LenOp>()) {
    Operation *enter = counted.entry->getOwner();
    if (length->getBlock() == enter->getBlock() &&
        llvm::all_of(llvm::make_range(std::next(length->getIterator()),
                                      enter->getIterator()),
                     [](Operation &op) { return keepsListLengths(&op); }))
      measured = length.getValue();
  }

  // Values used after the loop must reach it through `exit`, where both
  // copies meet again: only the header's arguments can (see below).
  auto usedOutside = [&](ValueRange values) {
    return llvm::any_of(values, [&](Value value) {
      return llvm::any_of(value.getUsers(), [&](Operation *user) {
        return !loop->contains(user->getBlock());
      });
    });
  };
  for (Block *block : loop->getBlocks()) {
    if (block != header && usedOutside(block->getArguments()))
      return std::nullopt;
    for (Operation &op : *block) {
      if (!keepsListLengths(&op) || usedOutside(op.getResults()))
        return std::nullopt;
      if (block == header || !dominance.dominates(body, block))
        continue;
      Value list, index;
      if (auto get = dyn_cast<ListGetOp>(op))
        std::tie(list, index) = std::pair(get.getList(), get.getIndex());
      else if (auto set = dyn_cast<ListSetOp>(op))
        std::tie(list, index) = std::pair(set.getList(), set.getIndex());
      // A list that is always null (the test of it would fold) is left
      // to the checked access.
      if (index != counter || !isOutside(list) || list.getDefiningOp<NullOp>())
        continue;
      counted.accesses.push_back(&op);
      // `i < len(l)` already says `i < len(l)`.
      if (list != measured)
        counted.testedLists.insert(list);
    }
  }
  if (counted.accesses.empty())
    return std::nullopt;

  // Header arguments used after the loop (the result of `for ... +=`):
  // only where `exit`, entered from the header alone, dominates.
  for (BlockArgument argument : header->getArguments()) {
    for (Operation *user : argument.getUsers()) {
      Block *block = user->getBlock();
      if (loop->contains(block))
        continue;
      if (counted.exit->getSinglePredecessor() != header ||
          !dominance.dominates(counted.exit, block))
        return std::nullopt;
      counted.liveOut.insert(argument);
    }
  }
  return counted;
}

/// Makes the header's arguments that are used after the loop pass through
/// a new block between the header and `exit`, so that both copies of the
/// loop can hand theirs over.
void passLiveOutThroughExit(CountedLoop &counted) {
  if (counted.liveOut.empty())
    return;
  Block *exit = counted.exit;
  auto branch = cast<cf::CondBranchOp>(counted.header->getTerminator());
  auto *landing = new Block();
  exit->getParent()->getBlocks().insert(exit->getIterator(), landing);
  SmallVector<Value> forwarded;
  for (BlockArgument argument : exit->getArguments())
    forwarded.push_back(
        landing->addArgument(argument.getType(), argument.getLoc()));
  for (Value value : counted.liveOut) {
    BlockArgument passed =
        landing->addArgument(value.getType(), value.getLoc());
    value.replaceUsesWithIf(passed, [&](OpOperand &use) {
      return !counted.loop->contains(use.getOwner()->getBlock());
    });
  }
  OpBuilder builder = OpBuilder::atBlockEnd(landing);
  cf::BranchOp::create(builder, branch.getLoc(), exit, forwarded);

  branch->setSuccessor(landing, 1);
  branch.getFalseDestOperandsMutable().append(counted.liveOut.getArrayRef());
  counted.exit = landing;
}

/// Copies the loop's blocks after its last one; `mapping` maps each block,
/// argument and op of the loop to its copy. Returns the copy's header.
Block *cloneLoop(CountedLoop &counted, IRMapping &mapping) {
  Region &region = *counted.header->getParent();
  SmallVector<Block *> blocks;
  for (Block &block : region)
    if (counted.loop->contains(&block))
      blocks.push_back(&block);
  Region::iterator insertAt = std::next(blocks.back()->getIterator());
  for (Block *block : blocks) {
    auto *copy = new Block();
    region.getBlocks().insert(insertAt, copy);
    mapping.map(block, copy);
    for (BlockArgument argument : block->getArguments())
      mapping.map(argument,
                  copy->addArgument(argument.getType(), argument.getLoc()));
  }
  SmallVector<Operation *> copies;
  for (Block *block : blocks) {
    Block *copy = mapping.lookup(block);
    for (Operation &op : *block) {
      copies.push_back(op.clone(mapping));
      mapping.map(&op, copies.back());
      copy->push_back(copies.back());
    }
  }
  // An op may use a value of a block that comes later in the region.
  for (Operation *copy : copies)
    for (OpOperand &operand : copy->getOpOperands())
      if (Value mapped = mapping.lookupOrNull(operand.get()))
        operand.set(mapped);
  return mapping.lookup(counted.header);
}

/// A block on the edge into the loop, where the test will choose between
/// the loop and its copy. The loop bound's `len` moves there.
Block *insertTestBlock(CountedLoop &counted) {
  Block *header = counted.header;
  auto *test = new Block();
  header->getParent()->getBlocks().insert(header->getIterator(), test);
  for (BlockArgument argument : header->getArguments())
    test->addArgument(argument.getType(), argument.getLoc());
  counted.entry->set(test);
  if (counted.boundLength)
    counted.boundLength->moveBefore(test, test->end());
  return test;
}

/// Ends `test` with the choice between the loop and `unchecked`, its
/// copy: `start >= 0 && bound <= len(l) && ...`, as far as not known. A
/// list that may be null is tested for it first, in a block of its own,
/// before its length is read.
void emitTest(CountedLoop &counted, Block *test, Block *unchecked) {
  Location loc = counted.header->getTerminator()->getLoc();
  OpBuilder builder = OpBuilder::atBlockEnd(test);
  Value inRange;
  auto conjoin = [&](Value condition) {
    inRange = inRange ? arith::AndIOp::create(builder, loc, inRange, condition)
                      : condition;
  };
  if (counted.testStart) {
    Value zero = arith::ConstantIntOp::create(builder, loc, 0, 64);
    conjoin(arith::CmpIOp::create(builder, loc, arith::CmpIPredicate::sge,
                                  test->getArgument(counted.counter), zero));
  }
  auto nullable = llvm::make_filter_range(counted.testedLists, mayBeNull);
  if (!nullable.empty()) {
    for (Value list : nullable) {
      Value null = NullOp::create(builder, loc, list.getType());
      Value isNull = IsOp::create(builder, loc, list, null);
      Value isSet = arith::XOrIOp::create(
          builder, loc, isNull,
          arith::ConstantIntOp::create(builder, loc, 1, 1));
      conjoin(isSet);
    }
    auto *lengths = new Block();
    test->getParent()->getBlocks().insert(std::next(test->getIterator()),
                                          lengths);
    cf::CondBranchOp::create(builder, loc, inRange, lengths, ValueRange(),
                             counted.header, test->getArguments());
    builder.setInsertionPointToEnd(lengths);
    inRange = nullptr;
  }
  for (Value list : counted.testedLists) {
    Value length = LenOp::create(builder, loc, list);
    conjoin(arith::CmpIOp::create(builder, loc, arith::CmpIPredicate::sle,
                                  counted.bound, length));
  }
  cf::CondBranchOp::create(builder, loc, inRange, unchecked,
                           test->getArguments(), counted.header,
                           test->getArguments());
}

/// Marks the accesses of the copy (`mapping` maps the loop to it, or is
/// empty for the loop itself) unchecked; the roast.check_raised after one
/// is a plain branch now.
unsigned markUnchecked(CountedLoop &counted, const IRMapping &mapping) {
  for (Operation *access : counted.accesses) {
    Operation *copy = mapping.lookupOrDefault(access);
    if (auto get = dyn_cast<ListGetOp>(copy))
      get.setUnchecked(true);
    else
      cast<ListSetOp>(copy).setUnchecked(true);
    if (auto check = dyn_cast_or_null<CheckRaisedOp>(copy->getNextNode())) {
      OpBuilder rewriter(check);
      cf::BranchOp::create(rewriter, check.getLoc(), check.getNormal());
      check.erase();
    }
  }
  return counted.accesses.size();
}

struct LoopVersioningPass
    : public roast::impl::RoastLoopVersioningBase<LoopVersioningPass> {
  PassStatistic numLoopsVersioned{this, "loops-versioned",
                                  "Number of loops given an unchecked copy"};
  PassStatistic numLoopsInRange{
      this, "loops-in-range",
      "Number of loops whose own bounds keep their indices in range"};
  PassStatistic numAccessesUnchecked{
      this, "accesses-unchecked",
      "Number of list accesses unchecked in the copies"};

  void runOnOperation() override {
    for (FuncOp func : getOperation().getOps<FuncOp>())
      if (!func.isExternal())
        versionLoops(func.getBody());
  }

  /// Versions the region's loops one at a time: each changes the CFG the
  /// next one is found in. Both copies of a versioned loop are left alone.
  void versionLoops(Region &region) {
    if (region.hasOneBlock())
      return;
    llvm::SmallPtrSet<Block *, 8> done;
    while (true) {
      DominanceInfo dominance(region.getParentOp());
      CFGLoopInfo loops(dominance.getDomTree(&region));
      std::optional<CountedLoop> next;
      for (CFGLoop *loop : loops.getLoopsInPreorder()) {
        if (!loop->isInnermost() || done.contains(loop->getHeader()))
          continue;
        done.insert(loop->getHeader());
        if ((next = analyze(loop, dominance)))
          break;
      }
      if (!next)
        return;
      // `for i in range(len(l))`: the loop's own test proves its indices in
      // range, and it needs no copy.
      if (!next->testStart && next->testedLists.empty()) {
        numAccessesUnchecked += markUnchecked(*next, IRMapping());
        ++numLoopsInRange;
        continue;
      }
      Block *test = insertTestBlock(*next);
      passLiveOutThroughExit(*next);
      IRMapping mapping;
      Block *unchecked = cloneLoop(*next, mapping);
      done.insert(unchecked);
      emitTest(*next, test, unchecked);
      numAccessesUnchecked += markUnchecked(*next, mapping);
      ++numLoopsVersioned;
    }
  }
};

} // namespace
