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

#include "Roast/Dialect/Roast/Transforms/Passes.h"

#include "BlockArgumentTyping.h"

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

/// The scalar a value is known to box, if it is a roast.box of one.
Value boxedScalar(Value value) {
  auto box = value.getDefiningOp<BoxOp>();
  if (!box || !isScalarType(box.getValue().getType()))
    return {};
  return box.getValue();
}

/// An i1 as the int Python arithmetic makes of a bool.
Value asInt(PatternRewriter &rewriter, Location loc, Value v) {
  if (v.getType().isInteger(1))
    return arith::ExtUIOp::create(rewriter, loc, rewriter.getI64Type(), v);
  return v;
}

Value asFloat(PatternRewriter &rewriter, Location loc, Value v) {
  v = asInt(rewriter, loc, v);
  if (v.getType().isInteger(64))
    return arith::SIToFPOp::create(rewriter, loc, rewriter.getF64Type(), v);
  return v;
}

/// Replaces dynamic `op` by the box of `result`, the typed op just made
/// before it. In a try body `op` is followed by its roast.check_raised,
/// which must follow the op that may raise now: the box goes to the start
/// of the normal successor.
void replaceWithBox(PatternRewriter &rewriter, Operation *op, Value result) {
  auto check = dyn_cast_or_null<CheckRaisedOp>(op->getNextNode());
  if (!check) {
    rewriter.replaceOpWithNewOp<BoxOp>(op, result);
    return;
  }
  OpBuilder::InsertionGuard guard(rewriter);
  rewriter.setInsertionPointToStart(check.getNormal());
  rewriter.replaceOp(op, BoxOp::create(rewriter, op->getLoc(), result));
}

/// `a OP b` of boxed numbers: the typed op, boxed.
struct FoldBinaryOfBoxes : OpRewritePattern<DynBinaryOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(DynBinaryOp op,
                                PatternRewriter &rewriter) const override {
    Value a = boxedScalar(op.getLhs()), b = boxedScalar(op.getRhs());
    if (!a || !b)
      return failure();
    Location loc = op.getLoc();
    bool isFloat = a.getType().isF64() || b.getType().isF64();
    DynBinaryOperator kind = op.getKind();
    bool bitwise = kind == DynBinaryOperator::bit_and ||
                   kind == DynBinaryOperator::bit_or ||
                   kind == DynBinaryOperator::bit_xor;
    // Bit operators on bools give bools, and int ** int may be a float:
    // those stay with the runtime.
    if (bitwise && (a.getType().isInteger(1) || b.getType().isInteger(1)))
      return failure();
    if (kind == DynBinaryOperator::pow && !isFloat)
      return failure();
    Value result;
    if (isFloat) {
      Value x = asFloat(rewriter, loc, a), y = asFloat(rewriter, loc, b);
      switch (kind) {
      case DynBinaryOperator::add: result = arith::AddFOp::create(rewriter, loc, x, y); break;
      case DynBinaryOperator::sub: result = arith::SubFOp::create(rewriter, loc, x, y); break;
      case DynBinaryOperator::mul: result = arith::MulFOp::create(rewriter, loc, x, y); break;
      case DynBinaryOperator::truediv: result = TrueDivOp::create(rewriter, loc, x, y); break;
      case DynBinaryOperator::floordiv: result = FloorDivOp::create(rewriter, loc, x, y); break;
      case DynBinaryOperator::mod: result = ModOp::create(rewriter, loc, x, y); break;
      case DynBinaryOperator::pow: result = PowOp::create(rewriter, loc, x, y); break;
      default: return failure(); // shifts and bit operators of floats raise
      }
    } else {
      Value x = asInt(rewriter, loc, a), y = asInt(rewriter, loc, b);
      switch (kind) {
      case DynBinaryOperator::add: result = AddOp::create(rewriter, loc, x, y); break;
      case DynBinaryOperator::sub: result = SubOp::create(rewriter, loc, x, y); break;
      case DynBinaryOperator::mul: result = MulOp::create(rewriter, loc, x, y); break;
      case DynBinaryOperator::truediv: result = TrueDivOp::create(rewriter, loc, x, y); break;
      case DynBinaryOperator::floordiv: result = FloorDivOp::create(rewriter, loc, x, y); break;
      case DynBinaryOperator::mod: result = ModOp::create(rewriter, loc, x, y); break;
      case DynBinaryOperator::lshift: result = ShlOp::create(rewriter, loc, x, y); break;
      case DynBinaryOperator::rshift: result = ShrOp::create(rewriter, loc, x, y); break;
      case DynBinaryOperator::bit_and: result = arith::AndIOp::create(rewriter, loc, x, y); break;
      case DynBinaryOperator::bit_or: result = arith::OrIOp::create(rewriter, loc, x, y); break;
      case DynBinaryOperator::bit_xor: result = arith::XOrIOp::create(rewriter, loc, x, y); break;
      case DynBinaryOperator::pow: return failure();
      }
    }
    replaceWithBox(rewriter, op, result);
    return success();
  }
};

/// Comparisons of boxed numbers (ints widened to floats beside a float).
struct FoldCompareOfBoxes : OpRewritePattern<DynCompareOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(DynCompareOp op,
                                PatternRewriter &rewriter) const override {
    Value a = boxedScalar(op.getLhs()), b = boxedScalar(op.getRhs());
    if (!a || !b)
      return failure();
    Location loc = op.getLoc();
    if (a.getType() != b.getType()) {
      bool isFloat = a.getType().isF64() || b.getType().isF64();
      a = isFloat ? asFloat(rewriter, loc, a) : asInt(rewriter, loc, a);
      b = isFloat ? asFloat(rewriter, loc, b) : asInt(rewriter, loc, b);
    }
    Value cmp = CmpOp::create(rewriter, loc, op.getPredicate(), a, b);
    replaceWithBox(rewriter, op, cmp);
    return success();
  }
};

/// bool() of a boxed number.
struct FoldTruthOfBox : OpRewritePattern<DynTruthOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(DynTruthOp op,
                                PatternRewriter &rewriter) const override {
    Value x = boxedScalar(op.getValue());
    if (!x)
      return failure();
    if (x.getType().isInteger(1)) {
      rewriter.replaceOp(op, x);
      return success();
    }
    Location loc = op.getLoc();
    if (x.getType().isF64()) // NaN is true: unordered or not equal
      rewriter.replaceOpWithNewOp<arith::CmpFOp>(
          op, arith::CmpFPredicate::UNE, x,
          arith::ConstantOp::create(rewriter, loc, rewriter.getF64FloatAttr(0)));
    else
      rewriter.replaceOpWithNewOp<arith::CmpIOp>(
          op, arith::CmpIPredicate::ne, x,
          arith::ConstantIntOp::create(rewriter, loc, 0, 64));
    return success();
  }
};

/// -x and +x of a boxed number.
struct FoldUnaryOfBox : OpRewritePattern<DynUnaryOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(DynUnaryOp op,
                                PatternRewriter &rewriter) const override {
    Value x = boxedScalar(op.getOperand());
    if (!x)
      return failure();
    Location loc = op.getLoc();
    Value result;
    if (x.getType().isF64()) {
      if (op.getKind() == DynUnaryOperator::invert)
        return failure(); // TypeError at run time
      result = op.getKind() == DynUnaryOperator::neg
                   ? Value(arith::NegFOp::create(rewriter, loc, x))
                   : x;
    } else {
      x = asInt(rewriter, loc, x);
      switch (op.getKind()) {
      case DynUnaryOperator::neg: result = NegOp::create(rewriter, loc, x); break;
      case DynUnaryOperator::pos: result = x; break;
      case DynUnaryOperator::invert:
        result = arith::XOrIOp::create(
            rewriter, loc, x, arith::ConstantIntOp::create(rewriter, loc, -1, 64));
        break;
      }
    }
    replaceWithBox(rewriter, op, result);
    return success();
  }
};

/// isinstance of a boxed scalar is known.
struct FoldIsInstanceOfBox : OpRewritePattern<DynIsInstanceOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(DynIsInstanceOp op,
                                PatternRewriter &rewriter) const override {
    Value x = boxedScalar(op.getValue());
    if (!x)
      return failure();
    Type type = x.getType();
    bool result;
    switch (op.getType()) {
    case DynTypeTest::int_type: result = !type.isF64(); break; // bool is an int
    case DynTypeTest::bool_type: result = type.isInteger(1); break;
    case DynTypeTest::float_type: result = type.isF64(); break;
    default: result = false; break; // None, str and containers are no numbers
    }
    rewriter.replaceOpWithNewOp<arith::ConstantIntOp>(op, result, 1);
    return success();
  }
};

/// Whether `value` is a box of something that owns no reference.
bool boxesNoReference(Value value) {
  auto box = value.getDefiningOp<BoxOp>();
  return box && (isScalarType(box.getValue().getType()) ||
                 isa<roast::NoneType>(box.getValue().getType()));
}

/// Boxed scalars and None own nothing: their retains and releases go.
template <typename OpTy>
struct EraseRefCountOfBoxedScalar : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;
  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    if (!boxesNoReference(op.getValue()))
      return failure();
    rewriter.eraseOp(op);
    return success();
  }
};

/// A box of a scalar nobody uses allocates nothing worth keeping.
struct EraseUnusedBoxOfScalar : OpRewritePattern<BoxOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(BoxOp op,
                                PatternRewriter &rewriter) const override {
    if (!op->use_empty() || !boxesNoReference(op))
      return failure();
    rewriter.eraseOp(op);
    return success();
  }
};

struct RoastSpecializeTypesPass
    : roast::impl::RoastSpecializeTypesBase<RoastSpecializeTypesPass> {
  void runOnOperation() override;

private:
  /// The argument types a call passes for `callee`'s dynamic parameters:
  /// the boxed scalar's type where it passes one, `!roast.value` else.
  static SmallVector<Type> argumentTypes(CallOp call, FuncOp callee);
  FuncOp getOrCreateClone(FuncOp callee, ArrayRef<Type> types);
  /// Makes `clone` return `T` if every return now returns a box of a `T`.
  bool specializeResult(FuncOp clone);
  void simplify(FuncOp fn);

  ModuleOp module;
  SymbolTable *symbols = nullptr;
  llvm::DenseMap<std::pair<Operation *, Attribute>, FuncOp> clones;
  llvm::DenseMap<Operation *, unsigned> cloneCounts;
  FrozenRewritePatternSet patterns;
};

SmallVector<Type> RoastSpecializeTypesPass::argumentTypes(CallOp call,
                                                          FuncOp callee) {
  SmallVector<Type> types;
  for (auto [param, arg] :
       llvm::zip(callee.getArgumentTypes(), call.getOperands())) {
    Value scalar = isa<ValueType>(param) ? boxedScalar(arg) : Value();
    types.push_back(scalar ? scalar.getType() : param);
  }
  return types;
}

/// Boxes the (now scalar) result of `call` for its users. A call in a try
/// body is followed by its roast.check_raised, which must stay next to it:
/// the box goes at the start of the normal successor then.
static void boxCallResult(CallOp call, Type type) {
  Value result = call.getResult(0);
  result.setType(type);
  OpBuilder builder(call->getContext());
  auto check = dyn_cast_or_null<CheckRaisedOp>(call->getNextNode());
  if (check)
    builder.setInsertionPointToStart(check.getNormal());
  else
    builder.setInsertionPointAfter(call);
  auto box = BoxOp::create(builder, call.getLoc(), result);
  result.replaceAllUsesExcept(box, box);
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
    arg.setType(type);
    auto box = BoxOp::create(builder, clone.getLoc(), arg);
    arg.replaceAllUsesExcept(box, box);
  }
  clone.setFunctionType(FunctionType::get(context, types,
                                          clone.getFunctionType().getResults()));
  symbols->insert(clone, std::next(Block::iterator(callee)));
  clones[{callee, key}] = clone;
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
static Type boxedResultType(FuncOp fn) {
  Type result;
  bool agree = true;
  fn.walk([&](ReturnOp ret) {
    if (ret.getNumOperands() != 1)
      return;
    if (Value scalar = boxedScalar(ret.getOperand(0))) {
      agree &= !result || result == scalar.getType();
      result = scalar.getType();
    }
  });
  return agree ? result : Type();
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
    auto unbox = UnboxOp::create(builder, ret.getLoc(), type, v);
    unbox->setAttr("speculative", UnitAttr::get(context));
    ret->setOperand(0, unbox);
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
  bool sure = !trial
                   .walk([](UnboxOp unbox) {
                     return unbox->hasAttr("speculative")
                                ? WalkResult::interrupt()
                                : WalkResult::advance();
                   })
                   .wasInterrupted();
  if (!sure) {
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
  symbols->erase(clone);
  trial.setSymName(name);
  symbols->insert(trial); // already in place: only the table learns of it
  return true;
}

void RoastSpecializeTypesPass::runOnOperation() {
  module = getOperation();
  SymbolTable table(module);
  symbols = &table;
  RewritePatternSet set(&getContext());
  set.add<FoldBinaryOfBoxes, FoldCompareOfBoxes, FoldTruthOfBox,
          FoldUnaryOfBox, FoldIsInstanceOfBox,
          EraseRefCountOfBoxedScalar<RetainOp>,
          EraseRefCountOfBoxedScalar<ReleaseOp>, EraseUnusedBoxOfScalar>(
      &getContext());
  UnboxOp::getCanonicalizationPatterns(set, &getContext());
  patterns = FrozenRewritePatternSet(std::move(set));

  // Calls are redirected until nothing changes: a clone's body makes new
  // boxed calls (fib(n - 1)) once its own parameters are typed.
  bool changed = true;
  for (unsigned round = 0; changed && round < 8; ++round) {
    changed = false;
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
      auto callee = table.lookup<FuncOp>(call.getCallee());
      if (!callee || callee.isDeclaration() || callee->hasAttr("type_params") ||
          call->hasAttr("type_args"))
        continue;
      SmallVector<Type> types = argumentTypes(call, callee);
      if (types == SmallVector<Type>(callee.getArgumentTypes()))
        continue; // nothing known beyond the declared types
      FuncOp clone = getOrCreateClone(callee, types);
      if (!clone)
        continue;
      OpBuilder builder(call);
      SmallVector<Value> args;
      for (auto [arg, type] : llvm::zip(call.getOperands(), types))
        args.push_back(arg.getType() == type ? arg : boxedScalar(arg));
      auto newCall = CallOp::create(builder, call.getLoc(), clone, args);
      newCall->setDiscardableAttrs(call->getDiscardableAttrDictionary());
      call.replaceAllUsesWith(newCall.getResults());
      call.erase();
      // A clone whose result is typed already: its users get the box.
      if (newCall.getNumResults() == 1 &&
          !isa<ValueType>(newCall.getResult(0).getType()))
        boxCallResult(newCall, newCall.getResult(0).getType());
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
  }
  for (FuncOp fn : llvm::to_vector(module.getOps<FuncOp>()))
    simplify(fn);
}

} // namespace
