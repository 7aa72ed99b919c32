//===- RuntimePatterns.cpp - print, raise, str and the built-in modules ---===//

#include "Optionals.h"
#include "PatternBase.h"
#include "RefCounting.h"
#include "Slots.h"

#include "Roast/Conversion/RoastToStandard/RoastToStandard.h"
#include "Roast/Dialect/Roast/IR/RoastOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"

using namespace mlir;
using namespace roast;

namespace {

/// Offset of RoastStr.data: the 16-byte header, then the 8-byte length.
constexpr int64_t kStrDataOffset = 24;

/// A literal is an immortal static object, shared by all equal literals.
struct StringOpLowering : public RuntimeOpConversionPattern<StringOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(StringOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(op,
                       abi.getStrObject(rewriter, op.getLoc(), op.getValue()));
    return success();
  }
};

/// None and the null reference are both a null pointer.
template <typename OpTy>
struct NullPointerLowering : public OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<LLVM::ZeroOp>(
        op, this->getTypeConverter()->convertType(op.getType()));
    return success();
  }
};

/// sys.exit: a call that does not return (declared noreturn).
struct ExitOpLowering : public RuntimeOpConversionPattern<ExitOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(ExitOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    abi.call(rewriter, op.getLoc(), RuntimeFunction::Exit, adaptor.getStatus());
    abi.unwindIfRaised(rewriter, op, /*pushFrame=*/false); // always taken
    rewriter.eraseOp(op);
    return success();
  }
};

struct ClockOpLowering : public RuntimeOpConversionPattern<ClockOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(ClockOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, abi.call(rewriter, op.getLoc(),
                                    op.getClock() == "time"
                                        ? RuntimeFunction::Time
                                        : RuntimeFunction::PerfCounter,
                                    {}));
    return success();
  }
};

struct SleepOpLowering : public RuntimeOpConversionPattern<SleepOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(SleepOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    abi.callAt(rewriter, op, RuntimeFunction::Sleep, adaptor.getSeconds());
    rewriter.eraseOp(op);
    return success();
  }
};

/// The random module: one runtime entry per function; the generator's state
/// lives in the runtime, so every call is an opaque side effect.
struct RandomCallOpLowering : public RuntimeOpConversionPattern<RandomCallOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(RandomCallOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    ValueRange operands = adaptor.getOperands();
    Value result;
    switch (op.getFunction()) {
    case RandomFunction::seed:
      abi.call(rewriter, loc,
               operands.empty() ? RuntimeFunction::RandomSeedOS
                                : RuntimeFunction::RandomSeed,
               operands);
      break;
    case RandomFunction::random:
      result = abi.call(rewriter, loc, RuntimeFunction::RandomRandom, {});
      break;
    case RandomFunction::uniform:
      result =
          abi.call(rewriter, loc, RuntimeFunction::RandomUniform, operands);
      break;
    case RandomFunction::getrandbits:
      result = abi.callAt(rewriter, op, RuntimeFunction::RandomGetrandbits,
                          operands);
      break;
    case RandomFunction::randint:
      result =
          abi.callAt(rewriter, op, RuntimeFunction::RandomRandint, operands);
      break;
    case RandomFunction::randrange: {
      // randrange(stop) passes a placeholder stop and step; CPython's
      // messages differ with and without a stop.
      Value one = arith::ConstantIntOp::create(rewriter, loc, 1, 64);
      SmallVector<Value, 4> args(operands);
      while (args.size() < 3)
        args.push_back(one);
      args.push_back(arith::ConstantIntOp::create(
          rewriter, loc, operands.size() > 1 ? 1 : 0, 32));
      result = abi.callAt(rewriter, op, RuntimeFunction::RandomRandrange, args);
      break;
    }
    case RandomFunction::choice: {
      Value slot =
          abi.callAt(rewriter, op, RuntimeFunction::RandomChoice, operands);
      result = decodeSlot(rewriter, loc, *getTypeConverter(), abi, slot,
                          op.getResult(0).getType());
      break;
    }
    case RandomFunction::shuffle:
      abi.call(rewriter, loc, RuntimeFunction::RandomShuffle, operands);
      break;
    }
    replaceOrErase(rewriter, op, result);
    return success();
  }
};

struct SysArgvOpLowering : public RuntimeOpConversionPattern<SysArgvOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(SysArgvOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, abi.call(rewriter, op.getLoc(),
                                    RuntimeFunction::SysArgv, {}));
    return success();
  }
};

/// `a is b`: the same address.
struct IsOpLowering : public OpConversionPattern<IsOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(IsOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<LLVM::ICmpOp>(op, LLVM::ICmpPredicate::eq,
                                              adaptor.getLhs(),
                                              adaptor.getRhs());
    return success();
  }
};

/// print(a, b, sep=s, end=e) is one runtime call per value, separator and
/// end, all into the runtime's stdout buffer.
struct PrintOpLowering : public RuntimeOpConversionPattern<PrintOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(PrintOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    // print(..., file=f): the runtime sends the output to f until the end
    // (a closed f raises first; an exception in between resets it).
    if (Value file = adaptor.getFile())
      abi.callAt(rewriter, op, RuntimeFunction::PrintBegin, file);
    auto emitText = [&](Value str, StringRef defaultText) {
      if (str)
        abi.call(rewriter, loc, RuntimeFunction::PrintStr, str);
      else
        printCString(rewriter, loc, defaultText);
    };
    for (auto [index, original, value] :
         llvm::enumerate(op.getValues(), adaptor.getValues())) {
      if (index != 0)
        emitText(adaptor.getSep(), " ");
      if (failed(printValue(rewriter, loc, value, original.getType(),
                            /*repr=*/false)))
        return rewriter.notifyMatchFailure(op, "unprintable type");
      // str() and repr() of instances run __str__/__repr__, which may
      // raise: nothing more is printed then.
      if (mayRunUserCode(original.getType()))
        abi.unwindIfRaised(rewriter, op, /*pushFrame=*/false);
    }
    emitText(adaptor.getEnd(), "\n");
    if (adaptor.getFile())
      abi.call(rewriter, loc, RuntimeFunction::PrintEnd, {});
    rewriter.eraseOp(op);
    return success();
  }

private:
  void printCString(OpBuilder &builder, Location loc, StringRef text) const {
    abi.call(builder, loc, RuntimeFunction::PrintCStr,
             abi.getCString(builder, loc, text));
  }

  /// Prints str(value), or repr(value) for the elements of a tuple. `type`
  /// is the roast type: str and None are both pointers once lowered.
  LogicalResult printValue(ConversionPatternRewriter &builder, Location loc,
                           Value value, Type type, bool repr) const {
    if (auto optional = dyn_cast<OptionalType>(type)) {
      LogicalResult printed = success();
      branchOnOptional(
          builder, loc, value, optional, Type(),
          [&](Value inner) {
            printed =
                printValue(builder, loc, inner, optional.getValueType(), repr);
            return Value();
          },
          [&] {
            abi.call(builder, loc, RuntimeFunction::PrintNone, {});
            return Value();
          });
      return printed;
    }
    if (isa<roast::NoneType>(type))
      abi.call(builder, loc, RuntimeFunction::PrintNone, {});
    else if (isa<ValueType>(type))
      abi.call(builder, loc,
               repr ? RuntimeFunction::PrintValueRepr
                    : RuntimeFunction::PrintValue,
               value);
    else if (isa<StrType>(type))
      abi.call(builder, loc,
               repr ? RuntimeFunction::PrintStrRepr : RuntimeFunction::PrintStr,
               value);
    else if (isa<FloatType>(type)) // str(float) is repr(float)
      abi.call(builder, loc, RuntimeFunction::PrintFloat, value);
    else if (type.isInteger(1))
      abi.call(builder, loc, RuntimeFunction::PrintBool, value);
    else if (type.isInteger(64))
      abi.call(builder, loc, RuntimeFunction::PrintInt, value);
    else if (auto tuple = dyn_cast<TupleType>(type))
      return printTuple(builder, loc, value, tuple);
    else if (isa<ListType>(type)) // str(list) is repr(list)
      abi.call(builder, loc, RuntimeFunction::PrintList, value);
    else if (isa<DictType, SetType>(type))
      abi.call(builder, loc, RuntimeFunction::PrintObjectRepr, value);
    else if (isa<ObjectType>(type))
      abi.call(builder, loc,
               repr ? RuntimeFunction::PrintObjectRepr
                    : RuntimeFunction::PrintInstance,
               value);
    else
      return failure();
    return success();
  }

  /// `(a, b)`, `(a,)` and `()`, elements by repr, as CPython prints them.
  LogicalResult printTuple(ConversionPatternRewriter &builder, Location loc,
                           Value value, TupleType type) const {
    printCString(builder, loc, "(");
    for (auto [index, elementType] : llvm::enumerate(type.getTypes())) {
      if (index != 0)
        printCString(builder, loc, ", ");
      Value element =
          LLVM::ExtractValueOp::create(builder, loc, value, int64_t(index));
      if (failed(printValue(builder, loc, element, elementType,
                            /*repr=*/true)))
        return failure();
    }
    printCString(builder, loc, type.size() == 1 ? ",)" : ")");
    return success();
  }
};

/// input([prompt]): the runtime writes the prompt, flushes stdout and reads
/// a line; a null prompt is input().
struct InputOpLowering : public RuntimeOpConversionPattern<InputOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(InputOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value prompt = adaptor.getPrompt();
    if (!prompt)
      prompt = LLVM::ZeroOp::create(
          rewriter, op.getLoc(),
          LLVM::LLVMPointerType::get(rewriter.getContext()));
    rewriter.replaceOp(
        op, abi.callAt(rewriter, op, RuntimeFunction::Input, prompt));
    return success();
  }
};

/// Until Roast has exception handling, raise ends the program: a call that
/// does not return.
struct RaiseOpLowering : public RuntimeOpConversionPattern<RaiseOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(RaiseOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (Value text = adaptor.getText()) {
      // The message is the str's NUL-terminated bytes (RoastStr.data).
      Location loc = op.getLoc();
      Value data = LLVM::GEPOp::create(
          rewriter, loc, text.getType(), rewriter.getI8Type(), text,
          ArrayRef<LLVM::GEPArg>{kStrDataOffset});
      Value kind = arith::ConstantIntOp::create(
          rewriter, loc, static_cast<int32_t>(op.getKind()), 32);
      // The raise owns the str (roast.raise's contract); the runtime has
      // copied its bytes.
      abi.emitRaise(rewriter, op, kind, data, [&] {
        emitRefCount(rewriter, loc, abi, text, op.getText().getType(),
                     /*release=*/true);
      });
    } else {
      abi.emitRaise(rewriter, op, op.getKind(), op.getMessage());
    }
    rewriter.eraseOp(op);
    return success();
  }
};

/// The stack grows down: below the runtime's limit means the next frames
/// could run off the stack, so raise RecursionError while there is room to.
/// It is on every recursive call, so it stays a load, a compare and a branch
/// predicted not taken. llvm.stacksave reads the stack pointer without
/// forcing a frame pointer, as llvm.frameaddress would.
struct StackGuardOpLowering : public RuntimeOpConversionPattern<StackGuardOp> {
  using RuntimeOpConversionPattern::RuntimeOpConversionPattern;

  LogicalResult
  matchAndRewrite(StackGuardOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto ptr = LLVM::LLVMPointerType::get(rewriter.getContext());
    Value stackPointer = LLVM::StackSaveOp::create(rewriter, loc, ptr);
    Value limit = LLVM::LoadOp::create(rewriter, loc, ptr,
                                       abi.getStackLimitAddress(rewriter, loc));
    // Unsigned, so the runtime's "no limit" (null) never fires.
    Value exhausted = LLVM::ICmpOp::create(
        rewriter, loc, LLVM::ICmpPredicate::ult, stackPointer, limit);
    abi.branchToColdIf(rewriter, loc, exhausted, [&](OpBuilder &builder) {
      abi.call(builder, loc, RuntimeFunction::RaiseRecursion,
               abi.getSourceLocation(builder, op));
      cf::BranchOp::create(builder, loc,
                           abi.getUnwindDestination(builder, op));
    });
    rewriter.eraseOp(op);
    return success();
  }
};

} // namespace

void roast::populateRoastRuntimePatterns(const TypeConverter &converter,
                                         RuntimeABI &abi,
                                         RewritePatternSet &patterns) {
  patterns.add<StringOpLowering, PrintOpLowering, InputOpLowering,
               RaiseOpLowering, StackGuardOpLowering, ExitOpLowering,
               SysArgvOpLowering, ClockOpLowering, SleepOpLowering,
               RandomCallOpLowering>(
      converter, patterns.getContext(), abi);
  patterns.add<NullPointerLowering<roast::NoneOp>, NullPointerLowering<NullOp>,
               IsOpLowering>(
      converter, patterns.getContext());
}
