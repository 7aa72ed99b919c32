//===- FieldInitialization.cpp - Fields stored before any read ------------===//

#include "FieldInitialization.h"

#include "llvm/ADT/DenseSet.h"

using namespace mlir;
using namespace roast;

bool FieldInitialization::storedBeforeRead(NewOp op, StringRef field) {
  return walk(op->getNextNode(), op.getResult(), field) == Outcome::Stored;
}

FieldInitialization::Outcome FieldInitialization::callee(FuncOp fn,
                                                         StringRef field) {
  auto key = std::make_pair(fn.getOperation(),
                            StringAttr::get(fn.getContext(), field));
  auto [it, inserted] = callees.try_emplace(key, std::nullopt);
  if (!inserted) // known, or being walked (recursion): assume the worst
    return it->second.value_or(Outcome::Read);
  Outcome outcome = Outcome::Read;
  if (!fn.isDeclaration() && fn.getNumArguments() != 0) {
    Block &entry = fn.getBody().front();
    outcome = walk(&entry.front(), entry.getArgument(0), field);
  }
  callees[key] = outcome;
  return outcome;
}

FieldInitialization::Outcome
FieldInitialization::walk(Operation *start, Value object, StringRef field) {
  llvm::SmallDenseSet<Value, 4> aliases;
  aliases.insert(object);
  auto isAlias = [&](Value v) { return aliases.contains(v); };
  // What may happen to the instance while its field is missing.
  auto harmless = [&](Operation &op) {
    if (auto get = dyn_cast<GetFieldOp>(op)) // the old value, to release it
      return get.getField() != field ||
             llvm::all_of(get->getUsers(),
                          [](Operation *user) { return isa<ReleaseOp>(user); });
    if (auto set = dyn_cast<SetFieldOp>(op))
      return !isAlias(set.getValue());
    return isa<RetainOp, ReleaseOp, UpcastOp>(op);
  };
  struct Point {
    Block *block;
    Block::iterator it;
    bool unwinding; // on a path that raises
  };
  SmallVector<Point> worklist{{start->getBlock(), start->getIterator(), false}};
  llvm::DenseSet<std::pair<Block *, unsigned>> visited;
  auto enter = [&](Block *block, bool unwinding) {
    if (visited.insert({block, unsigned(unwinding)}).second)
      worklist.push_back({block, block->begin(), unwinding});
  };
  bool returnsWithout = false;
  while (!worklist.empty()) {
    Point point = worklist.pop_back_val();
    bool ended = false;
    for (Operation &op : llvm::make_range(point.it, point.block->end())) {
      if (!point.unwinding) {
        auto set = dyn_cast<SetFieldOp>(op);
        if (set && isAlias(set.getObject()) && set.getField() == field &&
            !isAlias(set.getValue())) {
          ended = true;
          break;
        }
        auto call = dyn_cast<CallOp>(op);
        if (call && call.getNumOperands() != 0 && isAlias(call.getOperand(0)) &&
            llvm::none_of(call.getOperands().drop_front(), isAlias)) {
          auto fn = symbols.lookup<FuncOp>(call.getCallee());
          Outcome outcome = fn ? callee(fn, field) : Outcome::Read;
          if (outcome == Outcome::Read)
            return Outcome::Read;
          if (outcome == Outcome::Stored) {
            ended = true;
            break;
          }
          continue;
        }
      }
      if (llvm::any_of(op.getOperands(), isAlias)) {
        if (!harmless(op))
          return Outcome::Read;
        if (auto upcast = dyn_cast<UpcastOp>(op))
          aliases.insert(upcast.getResult());
      }
      if (isa<ReturnOp>(op)) {
        returnsWithout |= !point.unwinding;
        ended = true;
        break;
      }
    }
    if (ended)
      continue;
    Operation *terminator = point.block->getTerminator();
    if (auto check = dyn_cast<CheckRaisedOp>(terminator)) {
      enter(check.getNormal(), point.unwinding);
      enter(check.getHandler(), true);
      continue;
    }
    bool raises = isa<RaiseOp, ThrowOp>(terminator);
    for (Block *successor : terminator->getSuccessors())
      enter(successor, point.unwinding || raises);
  }
  return returnsWithout ? Outcome::Unread : Outcome::Stored;
}
