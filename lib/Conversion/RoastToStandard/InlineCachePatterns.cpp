//===- InlineCachePatterns.cpp - Lowering of inline-cached dynamic sites --===//
//
// A roast.dyn.getattr, roast.dyn.setattr or roast.dyn.call_method with a
// `cache` (roast-inline-cache) tests its receiver against the classes in
// its RoastInlineCache inline: an instance of one of them reads or writes
// its `!roast.value` field (or reads its float field) at the cached offset,
// or calls the cached method
// entry directly; any other receiver calls the runtime's _ic function,
// which does what the uncached op does and refills the cache
// (docs/rationale/dynamic-values.md, "Inline caches"). roast.inline_cache
// becomes the zeroed RoastInlineCache global.
//
//===----------------------------------------------------------------------===//

#include "Roast/Conversion/RoastToStandard/ClassLayouts.h"
#include "Roast/Conversion/RoastToStandard/RoastToStandard.h"
#include "Roast/Runtime/Runtime.h"

#include "PatternBase.h"
#include "RefCounting.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"

#include <cstddef>
#include <type_traits>

using namespace mlir;
using namespace roast;

namespace {

/// RoastInlineCache: [ROAST_INLINE_CACHE_ENTRIES x {class, data}].
LLVM::LLVMArrayType getCacheType(MLIRContext *ctx) {
  auto entry = LLVM::LLVMStructType::getLiteral(
      ctx, {LLVM::LLVMPointerType::get(ctx), IntegerType::get(ctx, 64)});
  return LLVM::LLVMArrayType::get(entry, ROAST_INLINE_CACHE_ENTRIES);
}

struct InlineCacheOpLowering : OpConversionPattern<InlineCacheOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(InlineCacheOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    LLVM::LLVMArrayType type = getCacheType(op.getContext());
    auto global = rewriter.replaceOpWithNewOp<LLVM::GlobalOp>(
        op, type, /*isConstant=*/false, LLVM::Linkage::Private,
        op.getSymName(), Attribute(), /*alignment=*/16);
    Block *init = rewriter.createBlock(&global.getInitializerRegion());
    rewriter.setInsertionPointToStart(init);
    LLVM::ReturnOp::create(rewriter, loc,
                           LLVM::ZeroOp::create(rewriter, loc, type));
    return success();
  }
};

Value i64Constant(OpBuilder &builder, Location loc, int64_t value) {
  return arith::ConstantIntOp::create(builder, loc, value, 64);
}

/// A NaN as a dynamic value (docs/rationale/dynamic-values.md).
constexpr int64_t kCanonicalNaN = int64_t(0x7FF8) << ROAST_VALUE_TAG_SHIFT;

/// `base + offset` bytes.
Value byteAddress(OpBuilder &builder, Location loc, Value base, Value offset) {
  auto ptr = LLVM::LLVMPointerType::get(builder.getContext());
  return LLVM::GEPOp::create(builder, loc, ptr, builder.getI8Type(), base,
                             ValueRange{offset});
}

/// Ends the insertion block with a branch to `hit` (passing the instance's
/// address and the matching entry's data) when `value` is an instance whose
/// class is in `cache`, else to `miss`.
void emitGuard(OpBuilder &builder, Location loc, Value value,
               FlatSymbolRefAttr cache, Block *hit, Block *miss) {
  MLIRContext *ctx = builder.getContext();
  Type i32 = builder.getI32Type(), i64 = builder.getI64Type();
  auto ptr = LLVM::LLVMPointerType::get(ctx);
  Region *region = hit->getParent();
  Block *head = builder.getInsertionBlock();
  auto likely = [&](Value condition, Block *yes, ValueRange yesArgs) {
    cf::CondBranchOp::create(builder, loc, condition, yes, yesArgs, miss,
                             ValueRange(), {kLikelyWeight, kUnlikelyWeight});
  };

  // An object value: the tag (docs/rationale/dynamic-values.md).
  Value tag = arith::ShRUIOp::create(builder, loc, value,
                                     i64Constant(builder, loc,
                                                 ROAST_VALUE_TAG_SHIFT));
  Value isObject = arith::CmpIOp::create(
      builder, loc, arith::CmpIPredicate::eq, tag,
      i64Constant(builder, loc, int64_t(ROAST_VALUE_TAG_OBJECT)));
  Block *object = builder.createBlock(region, hit->getIterator());
  Block *instance = builder.createBlock(region, hit->getIterator());
  builder.setInsertionPointToEnd(head);
  likely(isObject, object, ValueRange());

  // An instance: its type_id. Other objects have no class word.
  builder.setInsertionPointToStart(object);
  Value payload = arith::AndIOp::create(
      builder, loc, value,
      i64Constant(builder, loc, int64_t(ROAST_VALUE_PAYLOAD_MASK)));
  Value address = LLVM::IntToPtrOp::create(builder, loc, ptr, payload);
  Value typeId = LLVM::LoadOp::create(
      builder, loc, i32,
      byteAddress(builder, loc, address,
                  i64Constant(builder, loc, offsetof(RoastObject, type_id))),
      /*alignment=*/4);
  Value isInstance = arith::CmpIOp::create(
      builder, loc, arith::CmpIPredicate::eq, typeId,
      arith::ConstantIntOp::create(builder, loc, ROAST_TYPE_INSTANCE, 32));
  likely(isInstance, instance, ValueRange());

  // Its class against each entry's; the matching entry's data (no two
  // entries hold one class).
  builder.setInsertionPointToStart(instance);
  Value cls = LLVM::LoadOp::create(
      builder, loc, ptr,
      byteAddress(builder, loc, address,
                  i64Constant(builder, loc, offsetof(RoastInstance, cls))),
      /*alignment=*/8);
  LLVM::LLVMArrayType cacheType = getCacheType(ctx);
  Value entries = LLVM::AddressOfOp::create(builder, loc, ptr, cache);
  Value found, data;
  for (int32_t i = 0; i < ROAST_INLINE_CACHE_ENTRIES; ++i) {
    auto field = [&](int32_t index, Type type) -> Value {
      Value at = LLVM::GEPOp::create(builder, loc, ptr, cacheType, entries,
                                     ArrayRef<LLVM::GEPArg>{0, i, index});
      return LLVM::LoadOp::create(builder, loc, type, at, /*alignment=*/8);
    };
    Value matches = LLVM::ICmpOp::create(builder, loc, LLVM::ICmpPredicate::eq,
                                         cls, field(0, ptr));
    Value entryData = field(1, i64);
    found = found ? arith::OrIOp::create(builder, loc, found, matches)
                  : matches;
    data = data ? arith::SelectOp::create(builder, loc, matches, entryData,
                                          data)
                : entryData;
  }
  likely(found, hit, ValueRange{address, data});
}

/// The fast path of a hit: `object` is the receiver's instance, `data` the
/// entry's (RoastInlineCacheEntry in Runtime.h). Returns the result, if any.
template <typename OpTy>
Value emitHit(ConversionPatternRewriter &rewriter, RuntimeABI &abi, OpTy op,
              typename OpTy::Adaptor adaptor, Value object, Value data) {
  Location loc = op.getLoc();
  Type i64 = rewriter.getI64Type();
  auto ptr = LLVM::LLVMPointerType::get(rewriter.getContext());
  Type valueType = ValueType::get(rewriter.getContext());
  if constexpr (std::is_same_v<OpTy, DynGetAttrOp>) {
    // As the field's getter: a new reference to what a dynamic field
    // holds; a float field's double, a NaN made the canonical one (no
    // double then carries the object tag).
    Value flag = i64Constant(rewriter, loc, ROAST_INLINE_CACHE_FLOAT_FIELD);
    Value offset = arith::AndIOp::create(
        rewriter, loc, data,
        i64Constant(rewriter, loc, ~int64_t(ROAST_INLINE_CACHE_FLOAT_FIELD)));
    Value loaded = LLVM::LoadOp::create(
        rewriter, loc, i64, byteAddress(rewriter, loc, object, offset), 8);
    Value isFloat = arith::CmpIOp::create(
        rewriter, loc, arith::CmpIPredicate::ne,
        arith::AndIOp::create(rewriter, loc, data, flag),
        i64Constant(rewriter, loc, 0));
    Value asDouble =
        arith::BitcastOp::create(rewriter, loc, rewriter.getF64Type(), loaded);
    Value isNaN = arith::CmpFOp::create(rewriter, loc, arith::CmpFPredicate::UNO,
                                        asDouble, asDouble);
    Value field = arith::SelectOp::create(
        rewriter, loc, arith::AndIOp::create(rewriter, loc, isFloat, isNaN),
        i64Constant(rewriter, loc, kCanonicalNaN), loaded);
    emitRefCount(rewriter, loc, abi, field, valueType, /*release=*/false);
    return field;
  } else if constexpr (std::is_same_v<OpTy, DynSetAttrOp>) {
    // As the field's setter: the field takes a new reference to the item
    // and drops the old value.
    Value address = byteAddress(rewriter, loc, object, data);
    Value old = LLVM::LoadOp::create(rewriter, loc, i64, address, 8);
    emitRefCount(rewriter, loc, abi, adaptor.getItem(), valueType,
                 /*release=*/false);
    LLVM::StoreOp::create(rewriter, loc, adaptor.getItem(), address, 8);
    emitRefCount(rewriter, loc, abi, old, valueType, /*release=*/true);
    return Value();
  } else {
    // The entry of a method taking exactly these arguments after the
    // instance: no closure, argc, the receiver, the arguments.
    ValueRange args = adaptor.getArgs();
    SmallVector<Value> operands{
        LLVM::IntToPtrOp::create(rewriter, loc, ptr, data),
        LLVM::ZeroOp::create(rewriter, loc, ptr),
        i64Constant(rewriter, loc, int64_t(args.size()) + 1),
        adaptor.getReceiver()};
    llvm::append_range(operands, args);
    SmallVector<Type> params{ptr, i64};
    params.append(args.size() + 1, i64);
    auto type = LLVM::LLVMFunctionType::get(i64, params);
    Value result =
        LLVM::CallOp::create(rewriter, loc, type, operands).getResult();
    // As roast_rt_callable_invoke: when the method raised, the call site's
    // frame joins the traceback after the method's own.
    Value pending = LLVM::LoadOp::create(
        rewriter, loc, ptr, abi.getExceptionAddress(rewriter, loc));
    Value raised =
        LLVM::ICmpOp::create(rewriter, loc, LLVM::ICmpPredicate::ne, pending,
                             LLVM::ZeroOp::create(rewriter, loc, ptr));
    abi.branchToColdIf(rewriter, loc, raised, [&](OpBuilder &builder) {
      abi.call(builder, loc, RuntimeFunction::TracebackPush,
               abi.getSourceLocation(builder, op));
      cf::BranchOp::create(builder, loc,
                           abi.getUnwindDestination(builder, op));
    });
    return result;
  }
}

/// The miss path: the runtime's _ic function. Returns the result, if any.
template <typename OpTy>
Value emitMiss(ConversionPatternRewriter &rewriter, RuntimeABI &abi, OpTy op,
               typename OpTy::Adaptor adaptor, Value argv) {
  Location loc = op.getLoc();
  auto ptr = LLVM::LLVMPointerType::get(rewriter.getContext());
  Value name = abi.getCString(rewriter, loc, op.getName());
  Value cache = LLVM::AddressOfOp::create(rewriter, loc, ptr, op.getCacheAttr());
  if constexpr (std::is_same_v<OpTy, DynGetAttrOp>) {
    return abi.callAt(rewriter, op, RuntimeFunction::ValueGetAttrIC,
                      {adaptor.getValue(), name, cache});
  } else if constexpr (std::is_same_v<OpTy, DynSetAttrOp>) {
    abi.callAt(rewriter, op, RuntimeFunction::ValueSetAttrIC,
               {adaptor.getValue(), name, adaptor.getItem(), cache});
    return Value();
  } else {
    ValueRange args = adaptor.getArgs();
    Type i64 = rewriter.getI64Type();
    for (auto [index, arg] : llvm::enumerate(args)) {
      Value address = LLVM::GEPOp::create(
          rewriter, loc, ptr, i64, argv, ArrayRef<LLVM::GEPArg>{int32_t(index)});
      LLVM::StoreOp::create(rewriter, loc, arg, address, /*alignment=*/8);
    }
    return abi.callAt(rewriter, op, RuntimeFunction::ValueCallMethodIC,
                      {adaptor.getReceiver(), name,
                       i64Constant(rewriter, loc, int64_t(args.size())), argv,
                       cache});
  }
}

/// head: guard -> hit | miss; both -> merge(result), where the op was.
template <typename OpTy>
struct CachedSiteLowering : RuntimeOpConversionPattern<OpTy> {
  using RuntimeOpConversionPattern<OpTy>::RuntimeOpConversionPattern;
  static constexpr bool hasResult = !std::is_same_v<OpTy, DynSetAttrOp>;

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (!op.getCache())
      return rewriter.notifyMatchFailure(op, "no inline cache");
    Location loc = op.getLoc();
    Type i64 = rewriter.getI64Type();
    auto ptr = LLVM::LLVMPointerType::get(rewriter.getContext());
    Value receiver, argv;
    if constexpr (std::is_same_v<OpTy, DynCallMethodOp>) {
      receiver = adaptor.getReceiver();
      size_t argc = adaptor.getArgs().size();
      argv = argc ? createEntryAlloca(rewriter, op,
                                      LLVM::LLVMArrayType::get(i64, argc),
                                      /*alignment=*/8)
                  : Value(LLVM::ZeroOp::create(rewriter, loc, ptr));
    } else {
      receiver = adaptor.getValue();
    }

    Block *head = rewriter.getInsertionBlock();
    Block *merge = rewriter.splitBlock(head, rewriter.getInsertionPoint());
    if (hasResult)
      merge->addArgument(i64, loc);
    Region *region = head->getParent();
    Block *hit = rewriter.createBlock(region, merge->getIterator(), {ptr, i64},
                                      {loc, loc});
    Block *miss = rewriter.createBlock(region, region->end());

    rewriter.setInsertionPointToEnd(head);
    emitGuard(rewriter, loc, receiver, op.getCacheAttr(), hit, miss);

    rewriter.setInsertionPointToStart(hit);
    Value fast = emitHit(rewriter, this->abi, op, adaptor, hit->getArgument(0),
                         hit->getArgument(1));
    cf::BranchOp::create(rewriter, loc, merge,
                         hasResult ? ValueRange{fast} : ValueRange());

    rewriter.setInsertionPointToStart(miss);
    Value slow = emitMiss(rewriter, this->abi, op, adaptor, argv);
    cf::BranchOp::create(rewriter, loc, merge,
                         hasResult ? ValueRange{slow} : ValueRange());

    rewriter.setInsertionPointToStart(merge);
    replaceOrErase(rewriter, op, hasResult ? merge->getArgument(0) : Value());
    return success();
  }
};

} // namespace

void roast::populateRoastInlineCachePatterns(const TypeConverter &converter,
                                             RuntimeABI &abi,
                                             RewritePatternSet &patterns) {
  MLIRContext *context = patterns.getContext();
  patterns.add<InlineCacheOpLowering>(converter, context);
  patterns.add<CachedSiteLowering<DynGetAttrOp>,
               CachedSiteLowering<DynSetAttrOp>,
               CachedSiteLowering<DynCallMethodOp>>(converter, context, abi);
}
