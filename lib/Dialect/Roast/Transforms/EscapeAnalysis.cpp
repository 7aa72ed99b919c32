//===- EscapeAnalysis.cpp - Instances that never outlive their function ---===//
//
// A roast.new whose instance is only read, written, counted and lent to
// callees that keep nothing can live in its function's frame: the lowering
// gives it a stack slot with an immortal header, and its retains and
// releases go away. See docs/rationale/escape-analysis.md.
//
//===----------------------------------------------------------------------===//

#include "Roast/Dialect/Roast/Transforms/PassStatistics.h"
#include "Roast/Dialect/Roast/Transforms/Passes.h"

#include "mlir/Analysis/CallGraph.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SCCIterator.h"
#include "llvm/ADT/SetVector.h"

namespace roast {
#define GEN_PASS_DEF_ROASTESCAPEANALYSIS
#include "Roast/Dialect/Roast/Transforms/Passes.h.inc"
} // namespace roast

using namespace mlir;
using namespace roast;

namespace {

/// What one use of an object does with it.
struct UseEffect {
  enum Kind {
    /// roast.retain / roast.release: gone once the object is on the stack.
    Counts,
    /// Reads or writes its fields or header, or lends it to a callee that
    /// keeps nothing.
    Reads,
    /// Passes it on as another value: a block argument, an upcast.
    Aliases,
    /// Anything that may keep it beyond the function.
    Escapes,
  };
  Kind kind;
  /// The value that is the same object, for Aliases.
  Value alias = nullptr;
};

/// Which parameters of each function its body does not let escape.
class ParamSummaries {
public:
  explicit ParamSummaries(ModuleOp module) : symbols(module) {}

  /// Whether the callee of `call` may keep operand `index` (not known not
  /// to let that parameter escape).
  bool mayKeep(CallOp call, unsigned index) const {
    auto callee = symbols.lookup<FuncOp>(call.getCallee());
    if (!callee)
      return true;
    auto it = nonEscaping.find(callee.getOperation());
    return it == nonEscaping.end() || index >= it->second.size() ||
           !it->second.test(index);
  }

  /// What `use` does with the object it uses.
  UseEffect classify(OpOperand &use) const {
    Operation *user = use.getOwner();
    if (isa<RetainOp, ReleaseOp>(user))
      return {UseEffect::Counts};
    if (isa<GetFieldOp, IsOp, IsInstanceOp>(user))
      return {UseEffect::Reads};
    // Storing the object *as a field's value* keeps it in another object.
    if (auto set = dyn_cast<SetFieldOp>(user))
      return {&use == &set.getObjectMutable() ? UseEffect::Reads
                                              : UseEffect::Escapes};
    if (isa<UpcastOp, DowncastOp>(user))
      return {UseEffect::Aliases, user->getResult(0)};
    if (auto branch = dyn_cast<BranchOpInterface>(user)) {
      if (std::optional<BlockArgument> arg =
              branch.getSuccessorBlockArgument(use.getOperandNumber()))
        return {UseEffect::Aliases, *arg};
      return {UseEffect::Escapes};
    }
    if (auto call = dyn_cast<CallOp>(user))
      if (!mayKeep(call, use.getOperandNumber()))
        return {UseEffect::Reads};
    return {UseEffect::Escapes};
  }

  /// Computes the summaries bottom-up over `callGraph`; the functions of a
  /// recursive cycle start from "every parameter escapes" and improve until
  /// nothing changes.
  void compute(const CallGraph &callGraph) {
    for (auto scc = llvm::scc_begin(&callGraph); !scc.isAtEnd(); ++scc) {
      SmallVector<FuncOp> funcs;
      for (CallGraphNode *node : *scc)
        if (!node->isExternal())
          if (auto func =
                  dyn_cast<FuncOp>(node->getCallableRegion()->getParentOp()))
            funcs.push_back(func);
      bool changed = true;
      while (changed) {
        changed = false;
        for (FuncOp func : funcs)
          changed |= summarize(func);
      }
    }
  }

private:
  /// Recomputes `func`'s summary; true if it changed.
  bool summarize(FuncOp func) {
    Block &entry = func.getBody().front();
    llvm::BitVector bits(entry.getNumArguments());
    for (BlockArgument param : entry.getArguments())
      if (isa<ObjectType>(param.getType()) && !escapes(param))
        bits.set(param.getArgNumber());
    llvm::BitVector &old = nonEscaping[func.getOperation()];
    if (old == bits)
      return false;
    old = bits;
    return true;
  }

  /// Whether `param`, or a value it flows into, has a use that escapes.
  bool escapes(Value param) const {
    SmallVector<Value> worklist{param};
    llvm::DenseSet<Value> seen{param};
    while (!worklist.empty()) {
      Value value = worklist.pop_back_val();
      for (OpOperand &use : value.getUses()) {
        UseEffect effect = classify(use);
        if (effect.kind == UseEffect::Escapes)
          return true;
        if (effect.kind == UseEffect::Aliases &&
            seen.insert(effect.alias).second)
          worklist.push_back(effect.alias);
      }
    }
    return false;
  }

  SymbolTable symbols;
  /// Bit i set: parameter i does not escape. Functions not yet summarised
  /// (a cycle's first round) let every parameter escape.
  llvm::DenseMap<Operation *, llvm::BitVector> nonEscaping;
};

/// Values that may be the same object, joined through branches and casts
/// (union-find).
class AliasGroups {
public:
  void join(Value a, Value b) {
    values.insert(a);
    values.insert(b);
    Value ra = find(a), rb = find(b);
    if (ra != rb)
      parent[ra] = rb;
  }

  /// The group of `value`: every value joined with it, in the order they
  /// were first joined (the value alone if it never was).
  SmallVector<Value> groupOf(Value value) {
    if (groups.empty())
      for (Value member : values)
        groups[find(member)].push_back(member);
    auto it = groups.find(find(value));
    if (it == groups.end())
      return {value};
    return it->second;
  }

private:
  Value find(Value value) {
    auto it = parent.find(value);
    if (it == parent.end())
      return value;
    Value root = find(it->second);
    parent[value] = root;
    return root;
  }

  llvm::DenseMap<Value, Value> parent;
  llvm::SetVector<Value> values;
  /// The members of each group by root, once joining is done.
  llvm::DenseMap<Value, SmallVector<Value>> groups;
};

struct EscapeAnalysisPass
    : public roast::impl::RoastEscapeAnalysisBase<EscapeAnalysisPass> {
  using RoastEscapeAnalysisBase::RoastEscapeAnalysisBase;

  PassStatistic numStack{this, "allocations-on-stack",
                         "Number of roast.new ops moved to the stack"};
  PassStatistic numRetainsRemoved{
      this, "retains-removed", "Number of retains of stack instances removed"};
  PassStatistic numReleasesRemoved{
      this, "releases-removed",
      "Number of releases of stack instances removed"};

  void runOnOperation() override {
    ModuleOp module = getOperation();
    ParamSummaries summaries(module);
    summaries.compute(getAnalysis<CallGraph>());
    SymbolTable symbols(module);
    module.walk([&](FuncOp func) {
      if (!func.isExternal())
        runOnFunction(func, summaries, symbols);
    });
  }

  void runOnFunction(FuncOp func, const ParamSummaries &summaries,
                     SymbolTable &symbols) {
    SmallVector<NewOp> news;
    func.walk([&](NewOp op) {
      if (!op.getStack())
        news.push_back(op);
    });
    if (news.empty())
      return;

    // Join every object with the block arguments and casts it flows into.
    // An unassigned variable's roast.null flows into the same block
    // arguments as what is later assigned, but is no object: it joins
    // nothing.
    AliasGroups groups;
    func.walk([&](Operation *op) {
      for (OpOperand &use : op->getOpOperands()) {
        if (!isa<ObjectType>(use.get().getType()) ||
            use.get().getDefiningOp<NullOp>())
          continue;
        UseEffect effect = summaries.classify(use);
        if (effect.kind == UseEffect::Aliases)
          groups.join(use.get(), effect.alias);
      }
    });

    llvm::DenseSet<Operation *> decided;
    for (NewOp seed : news) {
      if (decided.contains(seed))
        continue;
      SmallVector<Value> group = groups.groupOf(seed.getResult());
      SmallVector<NewOp> sites;
      for (Value member : group)
        if (auto site = member.getDefiningOp<NewOp>()) {
          sites.push_back(site);
          decided.insert(site);
        }
      std::string why = whyOnHeap(group, sites, summaries, symbols);
      if (!why.empty()) {
        if (report)
          for (NewOp site : sites)
            site.emitRemark("on the heap: ") << why;
        continue;
      }
      for (NewOp site : sites) {
        site.setStack(true);
        if (report)
          site.emitRemark("on the stack");
        ++numStack;
      }
      for (Value member : group)
        for (Operation *user : llvm::make_early_inc_range(member.getUsers()))
          if (isa<RetainOp>(user)) {
            user->erase();
            ++numRetainsRemoved;
          } else if (isa<ReleaseOp>(user)) {
            user->erase();
            ++numReleasesRemoved;
          }
    }
  }

  /// Why the objects of `group`, made by `sites`, may not live on the
  /// stack, or an empty string if they may.
  static std::string whyOnHeap(ArrayRef<Value> group, ArrayRef<NewOp> sites,
                               const ParamSummaries &summaries,
                               SymbolTable &symbols) {
    for (NewOp site : sites) {
      auto cls =
          symbols.lookup<ClassOp>(site.getType().getClassName().getValue());
      if (!cls || cls.getBuiltin() || cls.isGeneric() ||
          cls.fieldsHoldReferences(site.getType()))
        return "fields of " + site.getType().getClassName().getValue().str() +
               " hold references";
    }
    llvm::DenseSet<Value> inGroup(group.begin(), group.end());
    for (Value member : group)
      if (!hasKnownSources(member, inGroup))
        return "may also hold an object made elsewhere";
    for (Value member : group)
      for (OpOperand &use : member.getUses())
        if (summaries.classify(use).kind == UseEffect::Escapes) {
          std::string why =
              ("escapes through " + use.getOwner()->getName().getStringRef())
                  .str();
          if (auto call = dyn_cast<CallOp>(use.getOwner()))
            why += " of @" + call.getCallee().str();
          return why;
        }
    if (instancesOverlap(group, sites, summaries))
      return "an earlier instance is still used after a new one is made";
    return "";
  }

  /// Whether every object `member` may hold comes from the group (or is
  /// the null of an unassigned variable): no parameter, call result or
  /// other heap object.
  static bool hasKnownSources(Value member,
                              const llvm::DenseSet<Value> &inGroup) {
    if (Operation *def = member.getDefiningOp())
      return isa<NewOp>(def) || (isa<UpcastOp, DowncastOp>(def) &&
                                 inGroup.contains(def->getOperand(0)));
    auto arg = cast<BlockArgument>(member);
    Block *block = arg.getOwner();
    if (block->isEntryBlock())
      return false; // a parameter
    for (Block *pred : block->getPredecessors()) {
      auto branch = dyn_cast<BranchOpInterface>(pred->getTerminator());
      if (!branch)
        return false;
      for (unsigned i = 0, e = branch->getNumSuccessors(); i < e; ++i) {
        if (branch->getSuccessor(i) != block)
          continue;
        Value source = branch.getSuccessorOperands(i)[arg.getArgNumber()];
        if (!source)
          return false; // made by the branch itself
        if (!source.getDefiningOp<NullOp>() && !inGroup.contains(source))
          return false;
      }
    }
    return true;
  }

  /// Whether two instances of one of the group's roast.new ops may be alive
  /// at once: a value that may hold an instance of a site is still needed
  /// after the site makes the next one (each site has one slot; values
  /// that only hold other sites' instances do not matter). Retains and
  /// releases do not count (the pass erases them), nor does passing a value
  /// to a block argument that is never needed (the handler blocks that only
  /// release a variable's value).
  static bool instancesOverlap(ArrayRef<Value> group, ArrayRef<NewOp> sites,
                               const ParamSummaries &summaries) {
    // Members needed: used by a Reads op, or flowing into a needed member.
    llvm::DenseSet<Value> needed;
    for (bool changed = true; changed;) {
      changed = false;
      for (Value member : group) {
        if (needed.contains(member))
          continue;
        for (OpOperand &use : member.getUses()) {
          UseEffect effect = summaries.classify(use);
          if (effect.kind == UseEffect::Reads ||
              (effect.kind == UseEffect::Aliases &&
               needed.contains(effect.alias))) {
            needed.insert(member);
            changed = true;
            break;
          }
        }
      }
    }
    // The ops that need each needed member, and the blocks it is live out
    // of.
    llvm::DenseMap<Value, std::pair<SmallVector<Operation *>,
                                    llvm::SmallPtrSet<Block *, 16>>>
        liveness;
    for (Value member : group) {
      if (!needed.contains(member))
        continue;
      auto &[users, liveOut] = liveness[member];
      for (OpOperand &use : member.getUses()) {
        UseEffect effect = summaries.classify(use);
        if (effect.kind == UseEffect::Reads ||
            (effect.kind == UseEffect::Aliases &&
             needed.contains(effect.alias)))
          users.push_back(use.getOwner());
      }
      liveOut = liveOutBlocks(member, users);
    }
    for (NewOp site : sites) {
      // The values that may hold an instance of `site`.
      SmallVector<Value> worklist{site.getResult()};
      llvm::DenseSet<Value> holders{site.getResult()};
      while (!worklist.empty()) {
        Value value = worklist.pop_back_val();
        for (OpOperand &use : value.getUses()) {
          UseEffect effect = summaries.classify(use);
          if (effect.kind == UseEffect::Aliases &&
              holders.insert(effect.alias).second)
            worklist.push_back(effect.alias);
        }
        auto it = liveness.find(value);
        if (value != site.getResult() && it != liveness.end() &&
            isLiveAfter(value, site, it->second.first, it->second.second))
          return true;
      }
    }
    return false;
  }

  /// The blocks at whose end `value` is live, given the ops that need it.
  static llvm::SmallPtrSet<Block *, 16>
  liveOutBlocks(Value value, ArrayRef<Operation *> users) {
    Block *defBlock = value.getParentBlock();
    llvm::SmallPtrSet<Block *, 16> liveIn, liveOut;
    SmallVector<Block *> worklist;
    for (Operation *user : users)
      if (user->getBlock() != defBlock &&
          liveIn.insert(user->getBlock()).second)
        worklist.push_back(user->getBlock());
    while (!worklist.empty()) {
      Block *block = worklist.pop_back_val();
      for (Block *pred : block->getPredecessors()) {
        liveOut.insert(pred);
        if (pred != defBlock && liveIn.insert(pred).second)
          worklist.push_back(pred);
      }
    }
    return liveOut;
  }

  /// Whether `value` is needed after `site`.
  static bool isLiveAfter(Value value, Operation *site,
                          ArrayRef<Operation *> users,
                          const llvm::SmallPtrSetImpl<Block *> &liveOut) {
    Block *block = site->getBlock();
    if (Operation *def = value.getDefiningOp())
      if (def->getBlock() == block && site->isBeforeInBlock(def))
        return false; // defined after the site: this instance or a later one
    if (liveOut.contains(block))
      return true;
    return llvm::any_of(users, [&](Operation *user) {
      return user->getBlock() == block && site->isBeforeInBlock(user);
    });
  }
};

} // namespace
