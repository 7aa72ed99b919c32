//===- SpecializeTypes.cpp - Typed clones of dynamic functions ------------===//
//
// An unannotated function takes and returns `!roast.value`s. Where a direct
// call passes boxed scalars (`roast.box %n : i64`), this pass makes a clone
// of the callee for those types (at most kMaxClones per function, else the
// calls keep the dynamic version), folds the dynamic ops whose operands are
// now known boxes into typed ops (`roast.dyn.binary add` of two boxed i64s
// is `roast.add`), and, when every return of the clone then returns a box
// of one scalar type, makes the clone return that type. Recursive calls
// reach the clone too, so an untyped `fib(n)` called with an int becomes
// `fib(i64) -> i64` whose body is plain checked arithmetic
// (docs/rationale/dynamic-values.md).
//
//===----------------------------------------------------------------------===//

#include "Roast/Dialect/Roast/Transforms/PassStatistics.h"
#include "Roast/Dialect/Roast/Transforms/Passes.h"

#include "BlockArgumentTyping.h"
#include "DynamicFolds.h"
#include "FieldTyping.h"
#include "Speculation.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#include "llvm/Support/raw_ostream.h"

namespace roast {
#define GEN_PASS_DEF_ROASTSPECIALIZETYPES
#include "Roast/Dialect/Roast/Transforms/Passes.h.inc"
} // namespace roast

using namespace mlir;
using namespace roast;

namespace {

/// Beyond this many clones of one function, calls keep the dynamic one.
constexpr unsigned kMaxClones = 4;

/// Rounds of specialisation (and of field typing between them) at most.
constexpr unsigned kMaxRounds = 12;

/// Marks the unboxes of a trial of a clone's result type.
constexpr StringLiteral kResultSpeculation = "roast.speculated_result";


struct RoastSpecializeTypesPass
    : roast::impl::RoastSpecializeTypesBase<RoastSpecializeTypesPass> {
  PassStatistic numClones{this, "clones-created",
                          "Number of typed clones of dynamic functions"};
  PassStatistic numCallsRewritten{this, "calls-rewritten",
                                  "Number of calls pointed at a typed clone"};
  PassStatistic numResultsTyped{
      this, "results-typed", "Number of clones whose result became a scalar"};
  PassStatistic numFunctionsWithTypedVariables{
      this, "functions-with-typed-variables",
      "Number of functions whose dynamic loop variables became scalars"};
  PassStatistic numFieldsTyped{this, "fields-typed",
                               "Number of dynamic fields that became scalars"};

  void runOnOperation() override;

private:
  /// The argument types a call passes for `callee`'s dynamic parameters:
  /// the boxed scalar's type where it passes one, `!roast.value` else.
  static SmallVector<Type> argumentTypes(CallOp call, FuncOp callee);
  FuncOp getOrCreateClone(FuncOp callee, ArrayRef<Type> types);
  /// Makes `clone` return `T` if every return now returns a box of a `T`.
  bool specializeResult(FuncOp clone);
  void simplify(FuncOp fn);
  /// Points calls at clones for the types they pass and types the clones'
  /// variables and results; true if anything changed.
  bool specializeRound();

  ModuleOp module;
  SymbolTable *symbols = nullptr;
  llvm::DenseMap<std::pair<Operation *, Attribute>, FuncOp> clones;
  llvm::DenseMap<Operation *, unsigned> cloneCounts;
  /// The function each clone was made from.
  llvm::DenseMap<Operation *, FuncOp> cloneOrigins;
  FrozenRewritePatternSet patterns;
};

/// What a dynamic argument is known to box: a scalar, a reference, or
/// None (`Node(None, None)` gets a clone whose fields are stored None).
static Value boxedArgument(Value arg) {
  if (Value typed = boxedValue(arg))
    return typed;
  auto box = arg.getDefiningOp<BoxOp>();
  if (box && isa<roast::NoneType>(box.getValue().getType()) &&
      !box->hasAttr(kUninitializedAttrName))
    return box.getValue();
  return Value();
}

SmallVector<Type> RoastSpecializeTypesPass::argumentTypes(CallOp call,
                                                          FuncOp callee) {
  SmallVector<Type> types;
  for (auto [param, arg] :
       llvm::zip(callee.getArgumentTypes(), call.getOperands())) {
    Value typed = arg;
    if (isa<ValueType>(param) && isa<ValueType>(arg.getType()))
      typed = boxedArgument(arg);
    types.push_back(typed ? typed.getType() : param);
  }
  return types;
}

/// Boxes the (now typed) result of `call` for its users, after the call's
/// roast.check_raised if it has one.
static void boxForUsers(CallOp call) {
  Value result = call.getResult(0);
  Type type = result.getType();
  OpBuilder builder(call->getContext());
  setInsertionPointAfterRaising(builder, call);
  auto box = BoxOp::create(builder, call.getLoc(), result);
  result.replaceAllUsesExcept(box, box);
  // A reference result is the caller's to release; the box has its own.
  if (isObjectType(type))
    ReleaseOp::create(builder, call.getLoc(), result);
}

/// Makes a call whose users take a dynamic value return `type`, boxed for
/// them. A call that returns a typed value already is left alone.
static void boxCallResult(CallOp call, Type type) {
  Value result = call.getResult(0);
  if (!isa<ValueType>(result.getType()))
    return;
  result.setType(type);
  boxForUsers(call);
}

/// `fib(i64)`, `m.add(i64,f64)`: the function's name, then the types of
/// its parameters in the clone.
static std::string cloneName(StringRef callee, ArrayRef<Type> types) {
  std::string name;
  llvm::raw_string_ostream os(name);
  os << callee << '(';
  llvm::interleave(types, os, [&](Type type) { os << type; }, ",");
  os << ')';
  return name;
}

FuncOp RoastSpecializeTypesPass::getOrCreateClone(FuncOp callee,
                                                  ArrayRef<Type> types) {
  MLIRContext *context = &getContext();
  Attribute key = TypeAttr::get(FunctionType::get(context, types, {}));
  if (FuncOp existing = clones.lookup({callee, key}))
    return existing;
  if (cloneCounts[callee] >= kMaxClones)
    return {};
  ++cloneCounts[callee];
  auto clone = cast<FuncOp>(callee->clone());
  clone.setSymName(cloneName(callee.getSymName(), types));
  Block &entry = clone.getBody().front();
  OpBuilder builder = OpBuilder::atBlockBegin(&entry);
  for (auto [arg, type] : llvm::zip(entry.getArguments(), types)) {
    if (arg.getType() == type)
      continue;
    // The body keeps working on a box of the now typed parameter; the
    // patterns fold the box away where the value's type is what matters.
    // A reference parameter is borrowed, and so is its box.
    arg.setType(type);
    auto box = BoxOp::create(builder, clone.getLoc(), arg,
                             /*borrowed=*/isObjectType(type));
    arg.replaceAllUsesExcept(box, box);
    // An int beyond 48 bits is boxed on the heap: the box is the clone's
    // own reference, released wherever the clone leaves (a box that folds
    // away goes with its counts, EraseUnusedBoxOfScalar).
    if (type.isInteger(64))
      for (Block &block : clone.getBody())
        if (Operation *exit = block.getTerminator();
            exit && exit->getNumSuccessors() == 0) {
          OpBuilder::InsertionGuard guard(builder);
          builder.setInsertionPoint(exit);
          ReleaseOp::create(builder, exit->getLoc(), box);
        }
  }
  clone.setFunctionType(FunctionType::get(context, types,
                                          clone.getFunctionType().getResults()));
  symbols->insert(clone, std::next(Block::iterator(callee)));
  clones[{callee, key}] = clone;
  cloneOrigins[clone] = callee;
  ++numClones;
  return clone;
}

void RoastSpecializeTypesPass::simplify(FuncOp fn) {
  // Only code with dynamic values changes; the CFG stays as it is (the
  // canonicalizer that runs later simplifies it).
  bool dynamic = fn.walk([](Operation *op) {
                     return isa<BoxOp, UnboxOp>(op) ? WalkResult::interrupt()
                                                    : WalkResult::advance();
                   })
                     .wasInterrupted();
  if (!dynamic)
    return;
  GreedyRewriteConfig config;
  config.setRegionSimplificationLevel(GreedySimplifyRegionLevel::Disabled);
  (void)applyPatternsGreedily(fn, patterns, config);
}

/// The scalar type some return of `fn` returns boxed, if all such agree.
/// A reference type (str, container, instance) only if every return boxes
/// it: nothing is speculated about references.
static Type boxedResultType(FuncOp fn) {
  Type result;
  bool agree = true, allBoxed = true;
  fn.walk([&](ReturnOp ret) {
    if (ret.getNumOperands() != 1)
      return;
    Value typed = boxedValue(ret.getOperand(0));
    allBoxed &= bool(typed);
    if (typed) {
      agree &= !result || result == typed.getType();
      result = typed.getType();
    }
  });
  if (!agree || (result && isObjectType(result) && !allBoxed))
    return Type();
  return result;
}

/// Makes `fn` (its own recursive calls included) return `type`: boxed
/// returns give their scalar, others an unbox marked speculative; calls of
/// `fn` inside it box their result.
static void retypeResult(FuncOp fn, Type type) {
  MLIRContext *context = fn.getContext();
  fn.walk([&](ReturnOp ret) {
    Value v = ret.getOperand(0);
    if (Value scalar = boxedScalar(v)) {
      ret->setOperand(0, scalar);
      return;
    }
    OpBuilder builder(ret);
    if (Value reference = boxedValue(v)) {
      // The box was the returned reference: the reference itself is now,
      // and the box (alive up to here) is released.
      RetainOp::create(builder, ret.getLoc(), reference);
      ReleaseOp::create(builder, ret.getLoc(), v);
      ret->setOperand(0, reference);
      return;
    }
    ret->setOperand(0, createSpeculativeUnbox(builder, ret.getLoc(), type, v,
                                              kResultSpeculation));
  });
  fn.setFunctionType(
      FunctionType::get(context, fn.getFunctionType().getInputs(), {type}));
  fn.walk([&](CallOp call) {
    if (call.getCallee() == fn.getSymName())
      boxCallResult(call, type);
  });
}

bool RoastSpecializeTypesPass::specializeResult(FuncOp clone) {
  FunctionType type = clone.getFunctionType();
  if (type.getNumResults() != 1 || !isa<ValueType>(type.getResult(0)))
    return false;
  Type result = boxedResultType(clone);
  if (!result)
    return false;
  // Optimistically on a copy (recursion is what decides: `return fib(n - 1)
  // + fib(n - 2)` is a box once the calls return ints), kept only if every
  // return then gives a `result` for sure.
  auto trial = cast<FuncOp>(clone->clone());
  OpBuilder(clone).insert(trial);
  trial.setSymName((clone.getSymName() + ".<trial>").str());
  trial.walk([&](CallOp call) {
    if (call.getCallee() == clone.getSymName())
      call.setCallee(trial.getSymName());
  });
  retypeResult(trial, result);
  simplify(trial);
  if (!failedSpeculations(trial, kResultSpeculation).empty()) {
    trial.erase();
    return false;
  }
  // The trial becomes the clone; other callers box its result.
  StringAttr name = clone.getSymNameAttr();
  auto uses = SymbolTable::getSymbolUses(clone, module);
  SmallVector<CallOp> callers;
  for (const SymbolTable::SymbolUse &use : *uses)
    if (auto call = dyn_cast<CallOp>(use.getUser()))
      callers.push_back(call);
  for (CallOp call : callers)
    boxCallResult(call, result);
  trial.walk([&](CallOp call) {
    if (call.getCallee() == trial.getSymName())
      call.setCallee(name.getValue());
  });
  for (auto &entry : clones)
    if (entry.second == clone)
      entry.second = trial;
  cloneOrigins[trial] = cloneOrigins.lookup(clone);
  cloneOrigins.erase(clone);
  symbols->erase(clone);
  trial.setSymName(name);
  symbols->insert(trial); // already in place: only the table learns of it
  return true;
}

bool RoastSpecializeTypesPass::specializeRound() {
  bool changed = false;
  for (FuncOp fn : llvm::to_vector(module.getOps<FuncOp>())) {
    simplify(fn);
    // Loop variables that hold one scalar type: their calls may now pass
    // boxed scalars too.
    if (typeBlockArguments(fn, [&](FuncOp f) { simplify(f); })) {
      ++numFunctionsWithTypedVariables;
      changed = true;
    }
  }
  SmallVector<CallOp> calls;
  module.walk([&](CallOp call) { calls.push_back(call); });
  for (CallOp call : calls) {
    auto callee = symbols->lookup<FuncOp>(call.getCallee());
    if (!callee || callee.isDeclaration() || callee->hasAttr("type_params") ||
        call->hasAttr("type_args"))
      continue;
    // A call of a clone whose arguments got more precise calls another
    // clone of the same function.
    FuncOp origin = cloneOrigins.lookup(callee);
    FuncOp base = origin ? origin : callee;
    SmallVector<Type> types = argumentTypes(call, base);
    // With nothing known beyond the declared types, a clone is only
    // worth it for a dynamic result that every return boxes one type.
    if (types == SmallVector<Type>(callee.getArgumentTypes()) &&
        (origin || !(callee.getNumResults() == 1 &&
                     isa<ValueType>(callee.getResultTypes()[0]) &&
                     boxedResultType(callee))))
      continue;
    FuncOp clone = getOrCreateClone(base, types);
    if (!clone || clone == callee)
      continue;
    // A call of a clone whose result is typed already moves on to a
    // more precise clone once that one's result is typed the same.
    if (call.getResultTypes() != clone.getResultTypes() &&
        !(call.getNumResults() == 1 &&
          isa<ValueType>(call.getResult(0).getType())))
      continue;
    OpBuilder builder(call);
    SmallVector<Value> args;
    for (auto [arg, type] : llvm::zip(call.getOperands(), types))
      args.push_back(arg.getType() == type ? arg : boxedArgument(arg));
    auto newCall = CallOp::create(builder, call.getLoc(), clone, args);
    newCall->setDiscardableAttrs(call->getDiscardableAttrDictionary());
    bool dynamicResult = call.getNumResults() == 1 &&
                         isa<ValueType>(call.getResult(0).getType());
    call.replaceAllUsesWith(newCall.getResults());
    call.erase();
    // A clone whose result got typed already: its users get the box.
    if (dynamicResult && !isa<ValueType>(newCall.getResult(0).getType()))
      boxForUsers(newCall);
    ++numCallsRewritten;
    changed = true;
  }
  for (auto &entry : clones) {
    FuncOp clone = entry.second;
    simplify(clone);
    if (specializeResult(clone)) {
      ++numResultsTyped;
      changed = true;
    }
  }
  return changed;
}

void RoastSpecializeTypesPass::runOnOperation() {
  module = getOperation();
  SymbolTable table(module);
  symbols = &table;
  RewritePatternSet set(&getContext());
  populateDynamicFoldPatterns(set);
  UnboxOp::getCanonicalizationPatterns(set, &getContext());
  // Checks after ops that no longer raise, or whose handler was a cleanup
  // with nothing left to release, go: roast-inline-recursion needs that.
  CheckRaisedOp::getCanonicalizationPatterns(set, &getContext());
  patterns = FrozenRewritePatternSet(std::move(set));

  // Calls are redirected until nothing changes: a clone's body makes new
  // boxed calls (fib(n - 1)) once its own parameters are typed. Then the
  // fields that only hold one scalar type are typed, which types more of
  // the code that reads them, and so on.
  for (unsigned round = 0; round < kMaxRounds; ++round) {
    if (specializeRound())
      continue;
    unsigned typed = typeFields(module, [&](FuncOp fn) {
      simplify(fn);
      typeBlockArguments(fn, [&](FuncOp f) { simplify(f); });
    });
    if (!typed)
      break;
    numFieldsTyped += typed;
  }
  for (FuncOp fn : llvm::to_vector(module.getOps<FuncOp>()))
    simplify(fn);
  // A clone whose callers all moved on to a more precise one is dead.
  llvm::SmallPtrSet<Operation *, 8> erased;
  for (auto &entry : clones) {
    FuncOp clone = entry.second;
    if (!erased.contains(clone) &&
        SymbolTable::symbolKnownUseEmpty(clone, module)) {
      erased.insert(clone);
      clone.erase();
    }
  }
}

} // namespace
