//===- ArithmeticPatterns.cpp - Python int/float semantics as arith ------===//
//
// Every check branches to a cold block that raises, and the hot path is kept
// free of further branches (selects instead), so LLVM sees straight-line
// arithmetic it can strength-reduce and vectorise around.
//
//===----------------------------------------------------------------------===//

#include "PatternBase.h"

#include "mlir/Dialect/Math/IR/Math.h"

#include "Roast/Conversion/RoastToStandard/RoastToStandard.h"
#include "Roast/Dialect/Roast/IR/RoastOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"

using namespace mlir;
using namespace roast;

static constexpr StringLiteral kIntegerOverflow = "integer overflow";
static constexpr StringLiteral kIntegerDivisionByZero =
    "integer division or modulo by zero";
static constexpr StringLiteral kIntegerModuloByZero = "integer modulo by zero";
static constexpr StringLiteral kFloatDivisionByZero = "float division by zero";
static constexpr StringLiteral kNegativeShiftCount = "negative shift count";

/// `useFast ? fast : slow()`, where slow() (a runtime call that may raise)
/// runs in a cold block only when needed. The rewriter is left after it.
static Value withColdFallback(ConversionPatternRewriter &rewriter,
                              Location loc, Value useFast, Value fast,
                              function_ref<Value()> slow) {
  Block *head = rewriter.getInsertionBlock();
  Block *continuation = rewriter.splitBlock(head, rewriter.getInsertionPoint());
  Block *merge =
      rewriter.createBlock(continuation, {fast.getType()}, {loc});
  cf::BranchOp::create(rewriter, loc, continuation);
  Region *region = head->getParent();
  Block *cold = rewriter.createBlock(region, region->end());
  Value general = slow();
  cf::BranchOp::create(rewriter, loc, merge, general);
  rewriter.setInsertionPointToEnd(head);
  cf::CondBranchOp::create(rewriter, loc, useFast, merge, fast, cold,
                           ValueRange(), {kLikelyWeight, kUnlikelyWeight});
  rewriter.setInsertionPointToStart(continuation);
  return merge->getArgument(0);
}

static Value constantInt(OpBuilder &builder, Location loc, Type type,
                         int64_t value) {
  return arith::ConstantIntOp::create(builder, loc, type, value);
}

static Value cmpi(OpBuilder &builder, Location loc, arith::CmpIPredicate pred,
                  Value lhs, Value rhs) {
  return arith::CmpIOp::create(builder, loc, pred, lhs, rhs);
}

/// Raises `kind`/`message` if `cond`, else `otherKind`/`otherMessage`: one
/// call site for two errors that a single check detects.
static void raiseEitherIf(RewriterBase &builder, RuntimeABI &abi,
                          Operation *op, Value failed, Value cond,
                          ExceptionKind kind, StringRef message,
                          ExceptionKind otherKind, StringRef otherMessage) {
  Location loc = op->getLoc();
  Type i32 = builder.getI32Type();
  Value kindValue = arith::SelectOp::create(
      builder, loc, cond, constantInt(builder, loc, i32, int64_t(kind)),
      constantInt(builder, loc, i32, int64_t(otherKind)));
  Value messageValue = arith::SelectOp::create(
      builder, loc, cond, abi.getCString(builder, loc, message),
      abi.getCString(builder, loc, otherMessage));
  abi.raiseIf(builder, op, failed, kindValue, messageValue);
}

/// Calls a runtime function that takes the operands followed by the source
/// location of `op` (and raises by itself).
/// True when C's truncating division result needs Python's floor fix-up:
/// the remainder is non-zero and its sign differs from the divisor's.
static Value needsFloorFixup(OpBuilder &builder, Location loc, Value rem,
                             Value divisor) {
  Value zero = constantInt(builder, loc, rem.getType(), 0);
  Value nonZero = cmpi(builder, loc, arith::CmpIPredicate::ne, rem, zero);
  Value signsDiffer =
      cmpi(builder, loc, arith::CmpIPredicate::slt,
           arith::XOrIOp::create(builder, loc, rem, divisor), zero);
  return arith::AndIOp::create(builder, loc, nonZero, signsDiffer);
}

//===----------------------------------------------------------------------===//
// Checked +, -, *, unary -
//===----------------------------------------------------------------------===//

/// `lhs op rhs` through an `llvm.intr.s*.with.overflow` intrinsic; overflow
/// raises OverflowError.
template <typename IntrinsicOp>
static Value emitCheckedArith(ConversionPatternRewriter &rewriter,
                              RuntimeABI &abi, Operation *op, Value lhs,
                              Value rhs) {
  Location loc = op->getLoc();
  auto pairType = LLVM::LLVMStructType::getLiteral(
      rewriter.getContext(), {lhs.getType(), rewriter.getI1Type()});
  Value pair = IntrinsicOp::create(rewriter, loc, pairType, lhs, rhs);
  Value result = LLVM::ExtractValueOp::create(rewriter, loc, pair, 0);
  Value overflow = LLVM::ExtractValueOp::create(rewriter, loc, pair, 1);
  abi.raiseIf(rewriter, op, overflow, ExceptionKind::OverflowError,
              kIntegerOverflow);
  return result;
}

namespace {

template <typename SourceOp, typename IntrinsicOp>
struct CheckedBinaryOpLowering : public RuntimeOpConversionPattern<SourceOp> {
  using RuntimeOpConversionPattern<SourceOp>::RuntimeOpConversionPattern;
  using OpAdaptor = typename SourceOp::Adaptor;

  LogicalResult
  matchAndRewrite(SourceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value result = emitCheckedArith<IntrinsicOp>(
        rewriter, this->abi, op, adaptor.getLhs(), adaptor.getRhs());
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct NegOpLowering : public RuntimeOpConversionPattern<NegOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(NegOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value zero = constantInt(rewriter, op.getLoc(), op.getType(), 0);
    Value result = emitCheckedArith<LLVM::SSubWithOverflowOp>(
        rewriter, abi, op, zero, adaptor.getOperand());
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// //, %, **, /
//===----------------------------------------------------------------------===//

struct FloorDivOpLowering : public RuntimeOpConversionPattern<FloorDivOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(FloorDivOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value lhs = adaptor.getLhs(), rhs = adaptor.getRhs();
    if (isa<FloatType>(op.getType())) {
      rewriter.replaceOp(op, abi.callAt(rewriter, op, RuntimeFunction::FloatFloorDiv,
                                              {lhs, rhs}));
      return success();
    }
    Location loc = op.getLoc();
    Type type = op.getType();
    using Pred = arith::CmpIPredicate;
    // One branch for both errors: with a constant divisor it folds away.
    Value byZero =
        cmpi(rewriter, loc, Pred::eq, rhs, constantInt(rewriter, loc, type, 0));
    Value minByMinusOne = arith::AndIOp::create(
        rewriter, loc,
        cmpi(rewriter, loc, Pred::eq, lhs,
             constantInt(rewriter, loc, type,
                         std::numeric_limits<int64_t>::min())),
        cmpi(rewriter, loc, Pred::eq, rhs,
             constantInt(rewriter, loc, type, -1)));
    Value failed = arith::OrIOp::create(rewriter, loc, byZero, minByMinusOne);
    raiseEitherIf(rewriter, abi, op, failed, byZero,
                  ExceptionKind::ZeroDivisionError, kIntegerDivisionByZero,
                  ExceptionKind::OverflowError, kIntegerOverflow);

    // LLVM merges the division and the remainder into one instruction (or a
    // multiply-shift sequence for a constant divisor).
    Value quotient = arith::DivSIOp::create(rewriter, loc, lhs, rhs);
    Value rem = arith::RemSIOp::create(rewriter, loc, lhs, rhs);
    Value fixup = arith::ExtUIOp::create(
        rewriter, loc, type, needsFloorFixup(rewriter, loc, rem, rhs));
    rewriter.replaceOpWithNewOp<arith::SubIOp>(op, quotient, fixup);
    return success();
  }
};

struct ModOpLowering : public RuntimeOpConversionPattern<ModOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(ModOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value lhs = adaptor.getLhs(), rhs = adaptor.getRhs();
    if (isa<FloatType>(op.getType())) {
      rewriter.replaceOp(op, abi.callAt(rewriter, op, RuntimeFunction::FloatMod,
                                              {lhs, rhs}));
      return success();
    }
    Location loc = op.getLoc();
    Type type = op.getType();
    using Pred = arith::CmpIPredicate;
    Value byZero =
        cmpi(rewriter, loc, Pred::eq, rhs, constantInt(rewriter, loc, type, 0));
    abi.raiseIf(rewriter, op, byZero, ExceptionKind::ZeroDivisionError,
                kIntegerModuloByZero);

    // x % -1 is 0 in Python, but INT64_MIN % -1 traps in hardware (and is UB
    // in LLVM); x % 1 is 0 too and never traps.
    Value one = constantInt(rewriter, loc, type, 1);
    Value isMinusOne = cmpi(rewriter, loc, Pred::eq, rhs,
                            constantInt(rewriter, loc, type, -1));
    Value divisor =
        arith::SelectOp::create(rewriter, loc, isMinusOne, one, rhs);
    Value rem = arith::RemSIOp::create(rewriter, loc, lhs, divisor);
    Value adjust = arith::SelectOp::create(
        rewriter, loc, needsFloorFixup(rewriter, loc, rem, rhs), rhs,
        constantInt(rewriter, loc, type, 0));
    rewriter.replaceOpWithNewOp<arith::AddIOp>(op, rem, adjust);
    return success();
  }
};

struct PowOpLowering : public RuntimeOpConversionPattern<PowOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(PowOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    bool isFloat = isa<FloatType>(op.getType());
    if (isFloat && isConstant(op.getRhs(), 0.5))
      return lowerSquareRoot(op, adaptor.getLhs(), adaptor.getRhs(), rewriter);
    RuntimeFunction fn =
        isFloat ? RuntimeFunction::FloatPow : RuntimeFunction::IntPow;
    rewriter.replaceOp(op,
                       abi.callAt(rewriter, op, fn,
                                        {adaptor.getLhs(), adaptor.getRhs()}));
    return success();
  }

private:
  static bool isConstant(Value value, double expected) {
    auto cst = value.getDefiningOp<arith::ConstantOp>();
    auto attr = cst ? dyn_cast<FloatAttr>(cst.getValue()) : FloatAttr();
    return attr && attr.getValueAsDouble() == expected;
  }

  /// x ** 0.5 for x > 0 is sqrt(x), one instruction (both are correctly
  /// rounded there); zeros, negatives, infinities and NaN keep pow's
  /// semantics through the runtime.
  LogicalResult lowerSquareRoot(PowOp op, Value x, Value half,
                                ConversionPatternRewriter &rewriter) const {
    Location loc = op.getLoc();
    auto f64 = cast<FloatType>(x.getType());
    Value zero =
        arith::ConstantFloatOp::create(rewriter, loc, f64, APFloat(0.0));
    Value inf = arith::ConstantFloatOp::create(
        rewriter, loc, f64, APFloat::getInf(f64.getFloatSemantics()));
    Value positive = arith::AndIOp::create(
        rewriter, loc,
        arith::CmpFOp::create(rewriter, loc, arith::CmpFPredicate::OGT, x,
                              zero),
        arith::CmpFOp::create(rewriter, loc, arith::CmpFPredicate::OLT, x,
                              inf));
    Value root = math::SqrtOp::create(rewriter, loc, x);
    rewriter.replaceOp(op, withColdFallback(rewriter, loc, positive, root, [&] {
      return abi.callAt(rewriter, op, RuntimeFunction::FloatPow, {x, half});
    }));
    return success();
  }
};

struct PowModOpLowering : public RuntimeOpConversionPattern<PowModOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(PowModOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(
        op, abi.callAt(rewriter, op, RuntimeFunction::IntPowMod,
                {adaptor.getBase(), adaptor.getExp(), adaptor.getMod()}));
    return success();
  }
};

struct TrueDivOpLowering : public RuntimeOpConversionPattern<TrueDivOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(TrueDivOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto f64 = cast<FloatType>(op.getType());
    Value lhs = adaptor.getLhs(), rhs = adaptor.getRhs();
    bool ints = lhs.getType().isInteger(64);
    if (ints) {
      lhs = arith::SIToFPOp::create(rewriter, loc, f64, lhs);
      rhs = arith::SIToFPOp::create(rewriter, loc, f64, rhs);
    }
    Value zero = arith::ConstantFloatOp::create(rewriter, loc, f64,
                                                APFloat(0.0));
    // oeq: -0.0 is zero too, NaN is not (NaN / NaN is NaN in Python).
    Value byZero = arith::CmpFOp::create(rewriter, loc,
                                         arith::CmpFPredicate::OEQ, rhs, zero);
    abi.raiseIf(rewriter, op, byZero, ExceptionKind::ZeroDivisionError,
                ints ? "division by zero" : kFloatDivisionByZero);
    rewriter.replaceOpWithNewOp<arith::DivFOp>(op, lhs, rhs);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// <<, >>
//===----------------------------------------------------------------------===//

struct ShlOpLowering : public RuntimeOpConversionPattern<ShlOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(ShlOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Type type = op.getType();
    Value value = adaptor.getLhs(), count = adaptor.getRhs();
    using Pred = arith::CmpIPredicate;
    Value zero = constantInt(rewriter, loc, type, 0);
    // The mask keeps the shift defined for any count; the result is only
    // used when the count was in range anyway.
    Value amount = arith::AndIOp::create(rewriter, loc, count,
                                         constantInt(rewriter, loc, type, 63));
    Value shifted = arith::ShLIOp::create(rewriter, loc, value, amount);
    // No bits lost iff shifting back gives the value again.
    Value exact = arith::AndIOp::create(
        rewriter, loc,
        cmpi(rewriter, loc, Pred::ult, count,
             constantInt(rewriter, loc, type, 64)),
        cmpi(rewriter, loc, Pred::eq,
             arith::ShRSIOp::create(rewriter, loc, shifted, amount), value));
    // 0 << n is 0 for every n >= 0, even n >= 64.
    Value zeroShift = arith::AndIOp::create(
        rewriter, loc, cmpi(rewriter, loc, Pred::eq, value, zero),
        cmpi(rewriter, loc, Pred::sge, count, zero));
    Value ok = arith::OrIOp::create(rewriter, loc, exact, zeroShift);
    Value failed = arith::XOrIOp::create(
        rewriter, loc, ok, constantInt(rewriter, loc, rewriter.getI1Type(), 1));
    // CPython checks the count's sign before the value.
    Value negative = cmpi(rewriter, loc, Pred::slt, count, zero);
    raiseEitherIf(rewriter, abi, op, failed, negative,
                  ExceptionKind::ValueError, kNegativeShiftCount,
                  ExceptionKind::OverflowError, kIntegerOverflow);
    rewriter.replaceOp(op, shifted);
    return success();
  }
};

struct ShrOpLowering : public RuntimeOpConversionPattern<ShrOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(ShrOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Type type = op.getType();
    Value count = adaptor.getRhs();
    Value negative = cmpi(rewriter, loc, arith::CmpIPredicate::slt, count,
                          constantInt(rewriter, loc, type, 0));
    abi.raiseIf(rewriter, op, negative, ExceptionKind::ValueError,
                kNegativeShiftCount);
    // A count of 64 or more shifts in only sign bits: the same as 63.
    Value amount = arith::MinUIOp::create(rewriter, loc, count,
                                          constantInt(rewriter, loc, type, 63));
    rewriter.replaceOpWithNewOp<arith::ShRSIOp>(op, adaptor.getLhs(), amount);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Comparisons and conversions
//===----------------------------------------------------------------------===//

struct CmpOpLowering : public OpConversionPattern<CmpOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(CmpOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type type = op.getLhs().getType();
    if (isObjectType(type))
      return rewriter.notifyMatchFailure(op, "comparisons of objects call the "
                                             "runtime");
    CmpPredicate pred = op.getPredicate();
    if (isa<FloatType>(type)) {
      // Ordered except !=: every comparison with NaN is False but !=.
      static constexpr arith::CmpFPredicate floatPreds[] = {
          arith::CmpFPredicate::OEQ, arith::CmpFPredicate::UNE,
          arith::CmpFPredicate::OLT, arith::CmpFPredicate::OLE,
          arith::CmpFPredicate::OGT, arith::CmpFPredicate::OGE};
      rewriter.replaceOpWithNewOp<arith::CmpFOp>(
          op, floatPreds[unsigned(pred)], adaptor.getLhs(), adaptor.getRhs());
      return success();
    }
    // bool orders False < True: as unsigned one-bit integers.
    static constexpr arith::CmpIPredicate signedPreds[] = {
        arith::CmpIPredicate::eq,  arith::CmpIPredicate::ne,
        arith::CmpIPredicate::slt, arith::CmpIPredicate::sle,
        arith::CmpIPredicate::sgt, arith::CmpIPredicate::sge};
    static constexpr arith::CmpIPredicate unsignedPreds[] = {
        arith::CmpIPredicate::eq,  arith::CmpIPredicate::ne,
        arith::CmpIPredicate::ult, arith::CmpIPredicate::ule,
        arith::CmpIPredicate::ugt, arith::CmpIPredicate::uge};
    bool isBool = type.isInteger(1);
    rewriter.replaceOpWithNewOp<arith::CmpIOp>(
        op, (isBool ? unsignedPreds : signedPreds)[unsigned(pred)],
        adaptor.getLhs(), adaptor.getRhs());
    return success();
  }
};

struct CastOpLowering : public RuntimeOpConversionPattern<CastOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(CastOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value input = adaptor.getInput();
    Type from = input.getType(), to = op.getType();
    if (isa<StrType>(op.getInput().getType()) || isa<StrType>(to) ||
        isa<roast::NoneType>(op.getInput().getType()))
      return rewriter.notifyMatchFailure(op, "str conversions call the runtime");
    if (isa<FloatType>(to)) {
      if (from.isInteger(1))
        rewriter.replaceOpWithNewOp<arith::UIToFPOp>(op, to, input);
      else
        rewriter.replaceOpWithNewOp<arith::SIToFPOp>(op, to, input);
      return success();
    }
    if (to.isInteger(1)) {
      // Truthiness. une: NaN is true in Python.
      if (auto floatType = dyn_cast<FloatType>(from)) {
        Value zero = arith::ConstantFloatOp::create(rewriter, loc, floatType,
                                                    APFloat(0.0));
        rewriter.replaceOpWithNewOp<arith::CmpFOp>(
            op, arith::CmpFPredicate::UNE, input, zero);
      } else {
        rewriter.replaceOpWithNewOp<arith::CmpIOp>(
            op, arith::CmpIPredicate::ne, input,
            constantInt(rewriter, loc, from, 0));
      }
      return success();
    }
    if (from.isInteger(1)) {
      rewriter.replaceOpWithNewOp<arith::ExtUIOp>(op, to, input);
      return success();
    }
    if (isa<FloatType>(from) && to.isInteger(64)) {
      rewriter.replaceOp(op, lowerFloatToInt(op, input, rewriter));
      return success();
    }
    return rewriter.notifyMatchFailure(op, "unsupported conversion");
  }

private:
  /// int(float): fptosi when the value is in range, else the runtime, which
  /// raises ValueError for NaN and OverflowError for the rest.
  Value lowerFloatToInt(CastOp op, Value input,
                        ConversionPatternRewriter &rewriter) const {
    Location loc = op.getLoc();
    Type i64 = op.getType();
    auto f64 = cast<FloatType>(input.getType());
    // [-2^63, 2^63) in doubles: both bounds are exact powers of two, and no
    // double lies strictly between -2^63 - 1 and -2^63. NaN fails both.
    Value low =
        arith::ConstantFloatOp::create(rewriter, loc, f64, APFloat(-0x1p63));
    Value high =
        arith::ConstantFloatOp::create(rewriter, loc, f64, APFloat(0x1p63));
    Value inRange = arith::AndIOp::create(
        rewriter, loc,
        arith::CmpFOp::create(rewriter, loc, arith::CmpFPredicate::OGE, input,
                              low),
        arith::CmpFOp::create(rewriter, loc, arith::CmpFPredicate::OLT, input,
                              high));
    Value fast = arith::FPToSIOp::create(rewriter, loc, i64, input);
    return withColdFallback(rewriter, loc, inRange, fast, [&] {
      return abi.callAt(rewriter, op, RuntimeFunction::FloatToInt, input);
    });
  }
};

/// math functions that may raise: one runtime entry for the float ones and
/// one for the int ones, numbered by MathFunction (Runtime.h).
struct MathCallLowering : public RuntimeOpConversionPattern<MathCallOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(MathCallOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Type type = op.getType();
    bool ints = type.isInteger(64);
    SmallVector<Value, 3> args = {arith::ConstantIntOp::create(
        rewriter, loc, int64_t(op.getFunction()), 32)};
    llvm::append_range(args, adaptor.getOperands());
    if (args.size() < 3) // the unused second operand
      args.push_back(ints ? constantInt(rewriter, loc, type, 0)
                          : arith::ConstantOp::create(
                                rewriter, loc, rewriter.getF64FloatAttr(0))
                                .getResult());
    rewriter.replaceOp(op, abi.callAt(rewriter, op,
                                      ints ? RuntimeFunction::MathInt
                                           : RuntimeFunction::MathFloat,
                                      args));
    return success();
  }
};

} // namespace

void roast::populateRoastArithmeticPatterns(const TypeConverter &converter,
                                            RuntimeABI &abi,
                                            RewritePatternSet &patterns) {
  patterns.add<CheckedBinaryOpLowering<AddOp, LLVM::SAddWithOverflowOp>,
               CheckedBinaryOpLowering<SubOp, LLVM::SSubWithOverflowOp>,
               CheckedBinaryOpLowering<MulOp, LLVM::SMulWithOverflowOp>,
               NegOpLowering, FloorDivOpLowering, ModOpLowering, PowOpLowering,
               PowModOpLowering, TrueDivOpLowering, ShlOpLowering,
               ShrOpLowering, CastOpLowering, MathCallLowering>(
      converter, patterns.getContext(),
                                              abi);
  patterns.add<CmpOpLowering>(converter, patterns.getContext());
}
