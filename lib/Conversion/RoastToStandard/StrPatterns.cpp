//===- StrPatterns.cpp - str ops, conversions and comparisons to runtime --===//
//
// Every str operation is a call into the runtime (Runtime.h): results are
// new references, operands are borrowed, so each op is exactly one call plus
// the source location of the ops that may raise.
//
//===----------------------------------------------------------------------===//

#include "Optionals.h"
#include "PatternBase.h"
#include "Slots.h"

#include "Roast/Conversion/RoastToStandard/RoastToStandard.h"
#include "Roast/Dialect/Roast/IR/RoastOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"

using namespace mlir;
using namespace roast;

namespace {

/// repr() of a list, dict, set or tuple (a tuple is boxed for the call);
/// null for other types.
Value containerRepr(OpBuilder &builder, Location loc, RuntimeABI &abi,
                    Type type, Value value) {
  if (auto tuple = dyn_cast<TupleType>(type)) {
    Value box = boxTuple(builder, loc, abi, value, tuple);
    Value repr = abi.call(builder, loc, RuntimeFunction::TupleRepr, box);
    abi.call(builder, loc, RuntimeFunction::Release, box);
    return repr;
  }
  std::optional<RuntimeFunction> fn =
      isa<ListType>(type)   ? std::optional(RuntimeFunction::ListRepr)
      : isa<DictType>(type) ? std::optional(RuntimeFunction::DictRepr)
      : isa<SetType>(type)  ? std::optional(RuntimeFunction::SetRepr)
                            : std::nullopt;
  return fn ? abi.call(builder, loc, *fn, value) : Value();
}

/// A roast op that is exactly one runtime call on its converted operands.
template <typename OpTy, RuntimeFunction Fn, bool Raises>
struct DirectCallLowering : public RuntimeOpConversionPattern<OpTy> {
  using RuntimeOpConversionPattern<OpTy>::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    ValueRange args = adaptor.getOperands();
    rewriter.replaceOp(op, Raises ? this->abi.callAt(rewriter, op, Fn, args)
                                  : this->abi.call(rewriter, op.getLoc(), Fn,
                                                   args));
    return success();
  }
};

using StrConcatLowering =
    DirectCallLowering<StrConcatOp, RuntimeFunction::StrConcat, false>;
using StrAppendLowering =
    DirectCallLowering<StrAppendOp, RuntimeFunction::StrAppend, false>;
using StrRepeatLowering =
    DirectCallLowering<StrRepeatOp, RuntimeFunction::StrRepeat, true>;
using StrGetItemLowering =
    DirectCallLowering<StrGetItemOp, RuntimeFunction::StrGetItem, true>;
using OrdLowering = DirectCallLowering<OrdOp, RuntimeFunction::StrOrd, true>;
using ChrLowering = DirectCallLowering<ChrOp, RuntimeFunction::StrChr, true>;

/// The runtime takes the haystack first, as Python's `str.__contains__`.
struct StrContainsLowering : public RuntimeOpConversionPattern<StrContainsOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(StrContainsOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, abi.call(rewriter, op.getLoc(),
                                    RuntimeFunction::StrContains,
                                    {adaptor.getHaystack(),
                                     adaptor.getNeedle()}));
    return success();
  }
};

/// Missing bounds are passed as 0 with a bit in `which` saying which were
/// given, so the runtime can apply Python's defaults.
struct StrSliceLowering : public RuntimeOpConversionPattern<StrSliceOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(StrSliceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    SmallVector<Value> args = {adaptor.getValue()};
    llvm::append_range(args, sliceOperands(rewriter, op.getLoc(),
                                           adaptor.getStart(),
                                           adaptor.getStop(),
                                           adaptor.getStep()));
    rewriter.replaceOp(op, abi.callAt(rewriter, op, RuntimeFunction::StrSlice, args));
    return success();
  }
};

/// Comparisons of strs: == and != test equality (length first), the
/// orderings compare code points (UTF-8 byte order).
struct StrCmpLowering : public RuntimeOpConversionPattern<CmpOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(CmpOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (!isa<StrType>(op.getLhs().getType()))
      return rewriter.notifyMatchFailure(op, "not a str comparison");
    rewriter.replaceOp(
        op, lowerObjectComparison(rewriter, op.getLoc(), abi,
                                  op.getPredicate(), RuntimeFunction::StrEq,
                                  RuntimeFunction::StrCompare,
                                  adaptor.getLhs(), adaptor.getRhs()));
    return success();
  }
};

/// str(x) for scalars and None, int(s), float(s), bool(s).
struct StrCastLowering : public RuntimeOpConversionPattern<CastOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(CastOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type from = op.getInput().getType(), to = op.getType();
    Value input = adaptor.getInput();
    Location loc = op.getLoc();
    if (isa<StrType>(from)) {
      if (to.isInteger(1)) {
        Value len = abi.call(rewriter, loc, RuntimeFunction::StrLen, input);
        rewriter.replaceOpWithNewOp<arith::CmpIOp>(
            op, arith::CmpIPredicate::ne, len,
            arith::ConstantIntOp::create(rewriter, loc, 0, 64));
        return success();
      }
      RuntimeFunction fn = to.isInteger(64) ? RuntimeFunction::StrToInt
                                            : RuntimeFunction::StrToFloat;
      rewriter.replaceOp(op,
                         abi.callAt(rewriter, op, fn, input));
      return success();
    }
    if (!isa<StrType>(to))
      return rewriter.notifyMatchFailure(op, "not a str conversion");
    Value result = strOf(rewriter, loc, from, input);
    if (mayRunUserCode(from))
      abi.unwindIfRaised(rewriter, op, /*pushFrame=*/false);
    rewriter.replaceOp(op, result);
    return success();
  }

  /// str(x) of a non-str value.
  Value strOf(ConversionPatternRewriter &rewriter, Location loc, Type from,
              Value input) const {
    if (auto optional = dyn_cast<OptionalType>(from))
      return branchOnOptional(
          rewriter, loc, input, optional,
          LLVM::LLVMPointerType::get(rewriter.getContext()),
          [&](Value value) {
            return strOf(rewriter, loc, optional.getValueType(), value);
          },
          [&] {
            return abi.call(rewriter, loc, RuntimeFunction::StrNone, {});
          });
    if (isa<roast::NoneType>(from))
      return abi.call(rewriter, loc, RuntimeFunction::StrNone, {});
    if (isa<ObjectType>(from))
      return abi.call(rewriter, loc, RuntimeFunction::InstanceStr, input);
    if (isa<ValueType>(from))
      return abi.call(rewriter, loc, RuntimeFunction::ValueStr, input);
    if (Value repr = containerRepr(rewriter, loc, abi, from, input))
      return repr; // str() of a container or tuple is its repr()
    if (from.isInteger(1))
      return abi.call(rewriter, loc, RuntimeFunction::StrFromBool, input);
    if (isa<FloatType>(from))
      return abi.call(rewriter, loc, RuntimeFunction::StrFromFloat, input);
    return abi.call(rewriter, loc, RuntimeFunction::StrFromInt, input);
  }
};

/// repr(x): quoted for strs, the same as str(x) otherwise.
struct ReprLowering : public RuntimeOpConversionPattern<ReprOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(ReprOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type from = op.getValue().getType();
    Value result = reprOf(rewriter, op.getLoc(), from, adaptor.getValue());
    if (mayRunUserCode(from)) // __repr__ may raise
      abi.unwindIfRaised(rewriter, op, /*pushFrame=*/false);
    rewriter.replaceOp(op, result);
    return success();
  }

  Value reprOf(ConversionPatternRewriter &rewriter, Location loc, Type from,
               Value input) const {
    if (auto optional = dyn_cast<OptionalType>(from))
      return branchOnOptional(
          rewriter, loc, input, optional,
          LLVM::LLVMPointerType::get(rewriter.getContext()),
          [&](Value value) {
            return reprOf(rewriter, loc, optional.getValueType(), value);
          },
          [&] {
            return abi.call(rewriter, loc, RuntimeFunction::StrNone, {});
          });
    if (Value repr = containerRepr(rewriter, loc, abi, from, input))
      return repr;
    RuntimeFunction fn = isa<StrType>(from) ? RuntimeFunction::StrRepr
                         : isa<ObjectType>(from) ? RuntimeFunction::InstanceRepr
                         : isa<ValueType>(from)  ? RuntimeFunction::ValueRepr
                         : isa<roast::NoneType>(from) ? RuntimeFunction::StrNone
                         : from.isInteger(1)  ? RuntimeFunction::StrFromBool
                         : isa<FloatType>(from) ? RuntimeFunction::StrFromFloat
                                                : RuntimeFunction::StrFromInt;
    SmallVector<Value, 1> args;
    if (fn != RuntimeFunction::StrNone)
      args.push_back(input);
    return abi.call(rewriter, loc, fn, args);
  }
};

/// format(value, spec): one runtime formatter per value type.
struct FormatLowering : public RuntimeOpConversionPattern<FormatOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(FormatOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type type = op.getValue().getType();
    RuntimeFunction fn = isa<StrType>(type)     ? RuntimeFunction::FormatStr
                         : isa<ValueType>(type) ? RuntimeFunction::ValueFormat
                         : isa<FloatType>(type) ? RuntimeFunction::FormatFloat
                         : type.isInteger(1)    ? RuntimeFunction::FormatBool
                                                : RuntimeFunction::FormatInt;
    rewriter.replaceOp(op, abi.callAt(rewriter, op, fn,
                                       {adaptor.getValue(), adaptor.getSpec()}));
    return success();
  }
};

struct RoundLowering : public RuntimeOpConversionPattern<RoundOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(RoundOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (Value ndigits = adaptor.getNdigits())
      rewriter.replaceOp(op, abi.call(rewriter, op.getLoc(),
                                      RuntimeFunction::FloatRoundDigits,
                                      {adaptor.getValue(), ndigits}));
    else
      rewriter.replaceOp(op, abi.callAt(rewriter, op, RuntimeFunction::FloatRound,
                                         adaptor.getValue()));
    return success();
  }
};

struct StrMethodLowering : public RuntimeOpConversionPattern<StrMethodOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(StrMethodOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    bool withChars = adaptor.getOperands().size() == 2;
    RuntimeFunction fn;
    switch (op.getMethod()) {
    case StrMethod::upper:
      fn = RuntimeFunction::StrUpper;
      break;
    case StrMethod::lower:
      fn = RuntimeFunction::StrLower;
      break;
    case StrMethod::strip:
      fn = withChars ? RuntimeFunction::StrStripChars
                     : RuntimeFunction::StrStrip;
      break;
    case StrMethod::lstrip:
      fn = withChars ? RuntimeFunction::StrLStripChars
                     : RuntimeFunction::StrLStrip;
      break;
    case StrMethod::rstrip:
      fn = withChars ? RuntimeFunction::StrRStripChars
                     : RuntimeFunction::StrRStrip;
      break;
    case StrMethod::startswith:
      fn = RuntimeFunction::StrStartsWith;
      break;
    case StrMethod::endswith:
      fn = RuntimeFunction::StrEndsWith;
      break;
    case StrMethod::find:
    case StrMethod::count:
      if (adaptor.getOperands().size() > 2) {
        // s.find(sub, start[, end]): the bounds as a slice's, with `which`
        // saying whether the end was given.
        ValueRange args = adaptor.getOperands();
        Location loc = op.getLoc();
        bool hasEnd = args.size() > 3;
        SmallVector<Value, 5> operands = {
            args[0], args[1], args[2],
            hasEnd ? args[3] : arith::ConstantIntOp::create(rewriter, loc, 0, 64),
            arith::ConstantIntOp::create(rewriter, loc, hasEnd ? 3 : 1, 32)};
        rewriter.replaceOp(
            op, abi.call(rewriter, loc,
                         op.getMethod() == StrMethod::find
                             ? RuntimeFunction::StrFindRange
                             : RuntimeFunction::StrCountRange,
                         operands));
        return success();
      }
      fn = op.getMethod() == StrMethod::find ? RuntimeFunction::StrFind
                                             : RuntimeFunction::StrCount;
      break;
    case StrMethod::replace:
      fn = RuntimeFunction::StrReplace;
      break;
    case StrMethod::isdigit:
      fn = RuntimeFunction::StrIsDigit;
      break;
    case StrMethod::isalpha:
      fn = RuntimeFunction::StrIsAlpha;
      break;
    case StrMethod::split: {
      // No separator: split on whitespace (the runtime takes NULL); no
      // maxsplit: -1.
      ValueRange args = adaptor.getOperands();
      Value sep = args.size() > 1 ? args[1]
                                  : LLVM::ZeroOp::create(rewriter, op.getLoc(),
                                                         args[0].getType());
      Value maxsplit = args.size() > 2 ? args[2]
                                       : arith::ConstantIntOp::create(
                                             rewriter, op.getLoc(), -1, 64);
      rewriter.replaceOp(op, abi.callAt(rewriter, op, RuntimeFunction::StrSplit,
                                         {args[0], sep, maxsplit}));
      return success();
    }
    case StrMethod::join:
      rewriter.replaceOp(op, abi.callAt(rewriter, op, RuntimeFunction::StrJoin,
                                         adaptor.getOperands()));
      return success();
    }
    rewriter.replaceOp(
        op, abi.call(rewriter, op.getLoc(), fn, adaptor.getOperands()));
    return success();
  }
};

} // namespace

void roast::populateRoastStrPatterns(const TypeConverter &converter,
                                     RuntimeABI &abi,
                                     RewritePatternSet &patterns) {
  patterns
      .add<StrConcatLowering, StrAppendLowering, StrRepeatLowering,
           StrGetItemLowering, OrdLowering, ChrLowering, StrContainsLowering,
           StrSliceLowering, StrCmpLowering, StrCastLowering, ReprLowering,
           StrMethodLowering, FormatLowering, RoundLowering>(
          converter, patterns.getContext(), abi);
}
