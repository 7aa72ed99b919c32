//===- BlockArgumentTyping.cpp - Dynamic variables that hold one scalar --===//
//
// After mem2reg, a dynamic variable assigned in a loop is a `!roast.value`
// block argument. When the values branches pass it are boxes of one scalar
// type (`zr = 0.0`, then `zr = tr` where `tr` is a float once `zr` is), it
// becomes an argument of that type. The types are found optimistically, on
// a copy of the function: every candidate is assumed to hold its type, the
// values of unknown type passed to it are unboxed "speculatively", and the
// copy is kept only if all of those fold away after simplification.
// Arguments whose type shows only then (the sum of a nested loop, which
// only ever gets op results) join the same trial. A candidate whose
// speculation fails is dropped and the rest tried again.
//
//===----------------------------------------------------------------------===//

#include "BlockArgumentTyping.h"
#include "Speculation.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"

using namespace mlir;
using namespace roast;

namespace {

constexpr StringLiteral kSpeculationAttrName = "roast.speculated_arg";

/// A value nothing reads: the box mem2reg gives a variable before its
/// first assignment.
bool isUninitialized(Value value) {
  Operation *def = value.getDefiningOp();
  return def && def->hasAttr(kUninitializedAttrName);
}

/// The scalar type `value` is known to box, or null.
Type boxedScalarType(Value value) {
  auto box = value.getDefiningOp<BoxOp>();
  if (!box || !isScalarType(box.getValue().getType()) ||
      box->hasAttr(kUninitializedAttrName))
    return {};
  return box.getValue().getType();
}

/// Calls `fn` with each value a predecessor passes for `arg`; false if some
/// predecessor's terminator is not a branch that names its operands.
bool forEachIncoming(BlockArgument arg, function_ref<void(OpOperand &)> fn) {
  Block *block = arg.getOwner();
  for (auto it = block->pred_begin(), e = block->pred_end(); it != e; ++it) {
    auto branch = dyn_cast<BranchOpInterface>((*it)->getTerminator());
    if (!branch)
      return false;
    SuccessorOperands operands =
        branch.getSuccessorOperands(it.getSuccessorIndex());
    unsigned index = arg.getArgNumber();
    if (operands.isOperandProduced(index))
      return false; // made by the terminator itself
    fn(operands.slice(index, 1)[0]);
  }
  return true;
}

/// The dynamic block arguments of `fn` and the scalar type each seems to
/// hold: every boxed scalar passed to it has that type (other candidates
/// count with their own type), and at least one is passed.
llvm::MapVector<BlockArgument, Type>
findCandidates(FuncOp fn, const llvm::DenseSet<BlockArgument> &rejected) {
  SmallVector<BlockArgument> args;
  for (Block &block : llvm::drop_begin(fn.getBody()))
    for (BlockArgument arg : block.getArguments())
      if (isa<ValueType>(arg.getType()) && !rejected.contains(arg))
        args.push_back(arg);
  // Types flow along chains of arguments: iterate to a fixed point, where
  // a conflict (an int meets a float) rules the argument out for good.
  llvm::MapVector<BlockArgument, Type> types;
  llvm::DenseSet<BlockArgument> conflicting;
  for (bool changed = true; changed;) {
    changed = false;
    for (BlockArgument arg : args) {
      if (conflicting.contains(arg))
        continue;
      Type type = types.lookup(arg);
      bool conflict = false;
      bool known = forEachIncoming(arg, [&](OpOperand &operand) {
        Type incoming = boxedScalarType(operand.get());
        if (auto other = dyn_cast<BlockArgument>(operand.get()))
          incoming = conflicting.contains(other) ? Type() : types.lookup(other);
        if (!incoming)
          return;
        conflict |= type && type != incoming;
        type = incoming;
      });
      if (!known || conflict) {
        conflicting.insert(arg);
        types.erase(arg);
        changed = true;
      } else if (type && type != types.lookup(arg)) {
        types[arg] = type;
        changed = true;
      }
    }
  }
  return types;
}

/// Gives each argument of `candidates` (of `fn`, a copy) its type; what
/// branches pass it is unboxed, speculatively where not known to fit, as
/// candidate `firstIndex` + its position.
void retype(const llvm::MapVector<BlockArgument, Type> &candidates,
            unsigned firstIndex) {
  SmallVector<OpOperand *> betweenCandidates;
  for (auto entry : llvm::enumerate(candidates)) {
    BlockArgument arg = entry.value().first;
    Type type = entry.value().second;
    forEachIncoming(arg, [&](OpOperand &operand) {
      Value incoming = operand.get();
      Operation *branch = operand.getOwner();
      OpBuilder builder(branch);
      if (isUninitialized(incoming)) {
        operand.set(buildZeroValue(builder, branch->getLoc(), type));
        return;
      }
      if (auto other = dyn_cast<BlockArgument>(incoming);
          other && candidates.contains(other)) {
        betweenCandidates.push_back(&operand); // retyped as well
        return;
      }
      if (boxedScalarType(incoming) == type) {
        operand.set(incoming.getDefiningOp<BoxOp>().getValue());
        return;
      }
      operand.set(createSpeculativeUnbox(builder, branch->getLoc(), type,
                                         incoming, kSpeculationAttrName,
                                         firstIndex + entry.index()));
    });
  }
  for (auto [arg, type] : candidates) {
    arg.setType(type);
    OpBuilder builder = OpBuilder::atBlockBegin(arg.getOwner());
    auto box = BoxOp::create(builder, arg.getLoc(), arg);
    arg.replaceAllUsesExcept(box, box);
  }
  // One candidate passed to another passes its typed value.
  for (OpOperand *operand : betweenCandidates)
    operand->set(operand->get().getDefiningOp<BoxOp>().getValue());
}

} // namespace

bool roast::typeBlockArguments(FuncOp fn,
                               function_ref<void(FuncOp)> simplify) {
  llvm::DenseSet<BlockArgument> rejected;
  bool typedAny = false;
  // Each success can make more arguments known; each failure rejects one.
  for (unsigned attempt = 0; attempt < 16; ++attempt) {
    llvm::MapVector<BlockArgument, Type> candidates =
        findCandidates(fn, rejected);
    if (candidates.empty())
      break;
    IRMapping mapping;
    auto trial = cast<FuncOp>(fn->clone(mapping));
    trial.setSymName((fn.getSymName() + ".<typing>").str());
    OpBuilder(fn).insert(trial);
    // The arguments of `fn` that each trial argument copies.
    llvm::DenseMap<BlockArgument, BlockArgument> originals;
    llvm::DenseSet<BlockArgument> trialRejected;
    for (Block &block : fn.getBody())
      for (BlockArgument arg : block.getArguments()) {
        auto copy = cast<BlockArgument>(mapping.lookup(arg));
        originals[copy] = arg;
        if (rejected.contains(arg))
          trialRejected.insert(copy);
      }
    SmallVector<BlockArgument> tried; // by speculation index
    llvm::MapVector<BlockArgument, Type> trialCandidates;
    for (auto [arg, type] : candidates)
      trialCandidates[cast<BlockArgument>(mapping.lookup(arg))] = type;
    // Typing some arguments may show the type of others: the sum of a
    // nested loop, whose inner argument only ever gets op results, is a
    // float once the outer one is. Those are assumed in the same trial.
    for (unsigned round = 0; !trialCandidates.empty() && round < 4; ++round) {
      retype(trialCandidates, tried.size());
      for (auto [arg, type] : trialCandidates)
        tried.push_back(arg);
      simplify(trial);
      trialCandidates = findCandidates(trial, trialRejected);
    }
    llvm::SmallSetVector<unsigned, 4> failed =
        failedSpeculations(trial, kSpeculationAttrName);
    if (failed.empty()) {
      fn.getBody().takeBody(trial.getBody());
      trial.erase();
      typedAny = true;
      rejected.clear(); // they were arguments of the old body
      continue;
    }
    for (unsigned index : failed)
      rejected.insert(originals.lookup(tried[index]));
    trial.erase();
  }
  return typedAny;
}
