//===- ClassLayouts.cpp - Instance layouts and class descriptors ----------===//

#include "Roast/Conversion/RoastToStandard/ClassLayouts.h"

#include "Roast/Runtime/Runtime.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"

using namespace mlir;
using namespace roast;

/// The header: refcount, type_id, flags, then the class pointer.
static constexpr unsigned kFirstField = 4;

/// Size and alignment of a lowered field type, laid out as C would.
static std::pair<int64_t, int64_t> sizeAndAlign(Type type) {
  if (auto s = dyn_cast<LLVM::LLVMStructType>(type)) {
    int64_t size = 0, align = 1;
    for (Type element : s.getBody()) {
      auto [elementSize, elementAlign] = sizeAndAlign(element);
      size = llvm::alignTo(size, elementAlign) + elementSize;
      align = std::max(align, elementAlign);
    }
    return {llvm::alignTo(size, align), align};
  }
  if (type.isInteger(1) || type.isInteger(8))
    return {1, 1};
  if (type.isInteger(32))
    return {4, 4};
  return {8, 8}; // i64, f64, ptr
}

/// Appends the offsets of the pointers (references) in a value of `type`
/// at `offset`; every lowered pointer in a field is an owned reference.
static void collectRefs(Type type, int64_t offset,
                        SmallVectorImpl<int64_t> &refs) {
  if (auto s = dyn_cast<LLVM::LLVMStructType>(type)) {
    for (Type element : s.getBody()) {
      auto [size, align] = sizeAndAlign(element);
      offset = llvm::alignTo(offset, align);
      collectRefs(element, offset, refs);
      offset += size;
    }
    return;
  }
  if (isa<LLVM::LLVMPointerType>(type))
    refs.push_back(offset);
}

/// Appends the offsets of the dynamic values in a field of roast type
/// `type` (lowered to `lowered`) at `offset`.
static void collectValueRefs(Type type, Type lowered, int64_t offset,
                             SmallVectorImpl<int64_t> &refs) {
  if (isa<ValueType>(type)) {
    refs.push_back(offset);
    return;
  }
  auto tuple = dyn_cast<TupleType>(type);
  auto s = dyn_cast<LLVM::LLVMStructType>(lowered);
  if (!tuple || !s || s.getBody().size() != tuple.size())
    return;
  for (auto [element, loweredElement] :
       llvm::zip(tuple.getTypes(), s.getBody())) {
    auto [size, align] = sizeAndAlign(loweredElement);
    offset = llvm::alignTo(offset, align);
    collectValueRefs(element, loweredElement, offset, refs);
    offset += size;
  }
}

const ClassLayout &ClassLayouts::get(FlatSymbolRefAttr className) {
  ClassLayout &layout = layouts[className.getValue()];
  if (layout.op)
    return layout;
  layout.op = module.lookupSymbol<ClassOp>(className);
  assert(layout.op && "the verifier checked the class exists");
  MLIRContext *ctx = module.getContext();
  auto i32 = IntegerType::get(ctx, 32), i64 = IntegerType::get(ctx, 64);
  auto ptr = LLVM::LLVMPointerType::get(ctx);
  SmallVector<Type> body{i64, i32, i32, ptr};
  for (Attribute field : layout.op.getFieldTypes())
    body.push_back(converter.convertType(cast<TypeAttr>(field).getValue()));
  layout.instanceType = LLVM::LLVMStructType::getLiteral(ctx, body);
  layout.size = sizeAndAlign(layout.instanceType).first;
  collectRefs(LLVM::LLVMStructType::getLiteral(
                  ctx, ArrayRef(body).drop_front(kFirstField)),
              /*offset=*/24, layout.refOffsets);
  // Field offsets, and the dynamic values among the fields (i64s once
  // lowered, so only the roast types tell them apart).
  int64_t offset = 24;
  for (auto [index, field] : llvm::enumerate(layout.op.getFieldTypes())) {
    Type lowered = body[kFirstField + index];
    auto [size, align] = sizeAndAlign(lowered);
    offset = llvm::alignTo(offset, align);
    layout.fieldOffsets.push_back(offset);
    collectValueRefs(cast<TypeAttr>(field).getValue(), lowered, offset,
                     layout.valueRefOffsets);
    offset += size;
  }
  layout.descriptor = layout.op.getBuiltin()
                          ? ("roast_rt_class_" + className.getValue()).str()
                          : (className.getValue() + ".class").str();
  return layout;
}

Value ClassLayouts::descriptorAddress(OpBuilder &builder, Location loc,
                                      FlatSymbolRefAttr className) {
  return LLVM::AddressOfOp::create(
      builder, loc, LLVM::LLVMPointerType::get(builder.getContext()),
      get(className).descriptor);
}

std::pair<Value, Type>
ClassLayouts::fieldAddress(OpBuilder &builder, Location loc,
                           FlatSymbolRefAttr className, Value object,
                           StringRef field) {
  const ClassLayout &layout = get(className);
  int index = ClassOp(layout.op).lookupField(field);
  assert(index >= 0 && "the verifier checked the field exists");
  unsigned position = kFirstField + index;
  Value address = LLVM::GEPOp::create(
      builder, loc, LLVM::LLVMPointerType::get(builder.getContext()),
      layout.instanceType, object,
      ArrayRef<LLVM::GEPArg>{0, static_cast<int32_t>(position)});
  return {address, layout.instanceType.getBody()[position]};
}

void ClassLayouts::emitDescriptors() {
  MLIRContext *ctx = module.getContext();
  auto i32 = IntegerType::get(ctx, 32), i64 = IntegerType::get(ctx, 64);
  auto ptr = LLVM::LLVMPointerType::get(ctx);
  OpBuilder builder(ctx);
  for (ClassOp op : llvm::make_early_inc_range(module.getOps<ClassOp>())) {
    auto name = FlatSymbolRefAttr::get(op.getSymNameAttr());
    const ClassLayout &layout = get(name);
    Location loc = op.getLoc();
    builder.setInsertionPoint(op);
    if (op.getBuiltin()) {
      if (!module.lookupSymbol(layout.descriptor))
        LLVM::GlobalOp::create(builder, loc, ptr, /*isConstant=*/true,
                               LLVM::Linkage::External, layout.descriptor,
                               Attribute());
      op.erase();
      continue;
    }
    // The class's name and the offsets of its references.
    std::string text = op.getSourceName().str();
    auto nameType = LLVM::LLVMArrayType::get(builder.getI8Type(), text.size() + 1);
    auto nameGlobal = LLVM::GlobalOp::create(
        builder, loc, nameType, /*isConstant=*/true, LLVM::Linkage::Private,
        layout.descriptor + ".name", builder.getStringAttr(text + '\0'));
    auto refsType = LLVM::LLVMArrayType::get(i64, layout.refOffsets.size());
    auto refsGlobal = LLVM::GlobalOp::create(
        builder, loc, refsType, /*isConstant=*/true, LLVM::Linkage::Private,
        layout.descriptor + ".refs",
        builder.getI64TensorAttr(layout.refOffsets));

    auto valueRefsType =
        LLVM::LLVMArrayType::get(i64, layout.valueRefOffsets.size());
    auto valueRefsGlobal = LLVM::GlobalOp::create(
        builder, loc, valueRefsType, /*isConstant=*/true,
        LLVM::Linkage::Private, layout.descriptor + ".values",
        builder.getI64TensorAttr(layout.valueRefOffsets));
    LLVM::GlobalOp members = emitMembers(builder, op, layout);
    LLVM::GlobalOp callable =
        op.getCall() ? emitCallable(builder, loc, *op.getCall(),
                                    layout.descriptor + ".call")
                     : LLVM::GlobalOp();

    unsigned numMethods = op.getMethods().size();
    auto methodsType = LLVM::LLVMArrayType::get(ptr, numMethods);
    auto type = LLVM::LLVMStructType::getLiteral(
        ctx, {ptr, ptr, i64, i64, ptr, i32, i32, i32, i32, i32, i32, i64, ptr,
              i64, ptr, ptr, i64, methodsType});
    auto global = LLVM::GlobalOp::create(
        builder, loc, type, /*isConstant=*/true, LLVM::Linkage::Private,
        layout.descriptor, Attribute(), /*alignment=*/8);
    OpBuilder::InsertionGuard guard(builder);
    builder.createBlock(&global.getInitializerRegion());
    Value descriptor = LLVM::PoisonOp::create(builder, loc, type);
    auto set = [&](ArrayRef<int64_t> position, Value value) {
      descriptor =
          LLVM::InsertValueOp::create(builder, loc, descriptor, value, position);
    };
    auto constant = [&](Type t, int64_t value) -> Value {
      return LLVM::ConstantOp::create(builder, loc, t, value);
    };
    set(0, LLVM::AddressOfOp::create(builder, loc, nameGlobal));
    set(1, op.getBase() ? descriptorAddress(builder, loc, op.getBaseAttr())
                        : LLVM::ZeroOp::create(builder, loc, ptr).getResult());
    set(2, constant(i64, layout.size));
    set(3, constant(i64, layout.refOffsets.size()));
    set(4, LLVM::AddressOfOp::create(builder, loc, refsGlobal));
    set(5, constant(i32, op.lookupMethod("__str__")));
    set(6, constant(i32, op.lookupMethod("__repr__")));
    set(7, constant(i32, op.lookupMethod("__eq__")));
    set(8, constant(i32, op.lookupMethod("__lt__")));
    set(9, constant(i32, op.lookupMethod("__gt__")));
    set(10, constant(i32, op.lookupMethod("__hash__")));
    Value null = LLVM::ZeroOp::create(builder, loc, ptr);
    set(11, constant(i64, layout.valueRefOffsets.size()));
    set(12, LLVM::AddressOfOp::create(builder, loc, valueRefsGlobal));
    set(13, constant(i64, op.getMembers() ? op.getMembers()->size() : 0));
    set(14, members ? LLVM::AddressOfOp::create(builder, loc, members).getResult()
                    : null);
    set(15, callable
                ? LLVM::AddressOfOp::create(builder, loc, callable).getResult()
                : null);
    set(16, constant(i64, numMethods));
    // Methods are func.funcs until func-to-llvm, which turns func.constant
    // into the function's address.
    for (auto [slot, method] : llvm::enumerate(op.getMethods())) {
      auto ref = cast<FlatSymbolRefAttr>(method);
      auto fn = module.lookupSymbol<func::FuncOp>(ref.getValue());
      Value fnValue =
          func::ConstantOp::create(builder, loc, fn.getFunctionType(), ref);
      Value address =
          UnrealizedConversionCastOp::create(builder, loc, ptr, fnValue)
              .getResult(0);
      set({17, static_cast<int64_t>(slot)}, address);
    }
    LLVM::ReturnOp::create(builder, loc, descriptor);
    op.erase();
  }
}

/// The address of function `symbol` (a func.func until func-to-llvm) as a
/// pointer, in an initializer region.
static Value functionAddress(OpBuilder &builder, Location loc, ModuleOp module,
                             FlatSymbolRefAttr symbol) {
  auto ptr = LLVM::LLVMPointerType::get(builder.getContext());
  if (!symbol)
    return LLVM::ZeroOp::create(builder, loc, ptr);
  auto fn = module.lookupSymbol<func::FuncOp>(symbol.getValue());
  Value value =
      func::ConstantOp::create(builder, loc, fn.getFunctionType(), symbol);
  return UnrealizedConversionCastOp::create(builder, loc, ptr, value)
      .getResult(0);
}

/// A private constant NUL-terminated string.
static LLVM::GlobalOp cString(OpBuilder &builder, Location loc,
                              StringRef symbol, StringRef text) {
  auto type = LLVM::LLVMArrayType::get(builder.getI8Type(), text.size() + 1);
  return LLVM::GlobalOp::create(builder, loc, type, /*isConstant=*/true,
                                LLVM::Linkage::Private, symbol,
                                builder.getStringAttr(text.str() + '\0'));
}

LLVM::GlobalOp ClassLayouts::emitCallable(OpBuilder &builder, Location loc,
                                          DictionaryAttr attr,
                                          StringRef symbol) {
  MLIRContext *ctx = builder.getContext();
  auto i32 = IntegerType::get(ctx, 32);
  auto ptr = LLVM::LLVMPointerType::get(ctx);
  // RoastCallable: {name, min_args, max_args, entry}.
  auto type = LLVM::LLVMStructType::getLiteral(ctx, {ptr, i32, i32, ptr});
  LLVM::GlobalOp name = cString(builder, loc, (symbol + ".name").str(),
                                attr.getAs<StringAttr>("name").getValue());
  auto global = LLVM::GlobalOp::create(builder, loc, type, /*isConstant=*/true,
                                       LLVM::Linkage::Private, symbol,
                                       Attribute(), /*alignment=*/8);
  OpBuilder::InsertionGuard guard(builder);
  builder.createBlock(&global.getInitializerRegion());
  Value value = LLVM::PoisonOp::create(builder, loc, type);
  auto set = [&](int64_t position, Value field) {
    value = LLVM::InsertValueOp::create(builder, loc, value, field, position);
  };
  set(0, LLVM::AddressOfOp::create(builder, loc, name));
  set(1, LLVM::ConstantOp::create(builder, loc, i32,
                                  attr.getAs<IntegerAttr>("min").getInt()));
  set(2, LLVM::ConstantOp::create(builder, loc, i32,
                                  attr.getAs<IntegerAttr>("max").getInt()));
  set(3, functionAddress(builder, loc, module,
                         attr.getAs<FlatSymbolRefAttr>("entry")));
  LLVM::ReturnOp::create(builder, loc, value);
  return global;
}

/// The RoastElemKind of a field lowered to `type` that is one slot.
static int32_t slotKind(Type roastType, Type lowered) {
  if (isa<ValueType>(roastType))
    return ROAST_ELEM_VALUE;
  if (lowered.isInteger(64))
    return ROAST_ELEM_INT;
  if (lowered.isF64())
    return ROAST_ELEM_FLOAT;
  if (lowered.isInteger(1))
    return ROAST_ELEM_BOOL;
  if (isa<LLVM::LLVMPointerType>(lowered) && isObjectType(roastType))
    return ROAST_ELEM_OBJECT;
  return 0;
}

LLVM::GlobalOp ClassLayouts::emitMembers(OpBuilder &builder, ClassOp op,
                                         const ClassLayout &layout) {
  std::optional<ArrayAttr> members = op.getMembers();
  if (!members || members->empty())
    return {};
  MLIRContext *ctx = builder.getContext();
  Location loc = op.getLoc();
  auto i32 = IntegerType::get(ctx, 32), i64 = IntegerType::get(ctx, 64);
  auto ptr = LLVM::LLVMPointerType::get(ctx);
  // RoastMember: {name, kind, slot_kind, offset, get, set, call}.
  auto memberType =
      LLVM::LLVMStructType::getLiteral(ctx, {ptr, i32, i32, i64, ptr, ptr, ptr});
  SmallVector<LLVM::GlobalOp> names, callables;
  for (auto [index, attr] : llvm::enumerate(members->getAsRange<DictionaryAttr>())) {
    std::string prefix = layout.descriptor + ".member" + std::to_string(index);
    names.push_back(cString(builder, loc, prefix + ".name",
                            attr.getAs<StringAttr>("name").getValue()));
    auto call = attr.getAs<DictionaryAttr>("call");
    callables.push_back(call ? emitCallable(builder, loc, call, prefix + ".call")
                             : LLVM::GlobalOp());
  }
  auto type = LLVM::LLVMArrayType::get(memberType, members->size());
  auto global = LLVM::GlobalOp::create(
      builder, loc, type, /*isConstant=*/true, LLVM::Linkage::Private,
      layout.descriptor + ".members", Attribute(), /*alignment=*/8);
  OpBuilder::InsertionGuard guard(builder);
  builder.createBlock(&global.getInitializerRegion());
  Value array = LLVM::PoisonOp::create(builder, loc, type);
  for (auto [index, attr] : llvm::enumerate(members->getAsRange<DictionaryAttr>())) {
    auto set = [&](int64_t field, Value value) {
      array = LLVM::InsertValueOp::create(
          builder, loc, array, value, ArrayRef<int64_t>{int64_t(index), field});
    };
    int32_t kind = attr.getAs<IntegerAttr>("kind").getInt();
    int32_t slot = 0;
    int64_t offset = 0;
    if (auto field = attr.getAs<StringAttr>("field")) {
      int position = op.lookupField(field.getValue());
      offset = layout.fieldOffsets[position];
      slot = slotKind(cast<TypeAttr>(op.getFieldTypes()[position]).getValue(),
                      layout.instanceType.getBody()[kFirstField + position]);
    }
    set(0, LLVM::AddressOfOp::create(builder, loc, names[index]));
    set(1, LLVM::ConstantOp::create(builder, loc, i32, kind));
    set(2, LLVM::ConstantOp::create(builder, loc, i32, slot));
    set(3, LLVM::ConstantOp::create(builder, loc, i64, offset));
    set(4, functionAddress(builder, loc, module,
                           attr.getAs<FlatSymbolRefAttr>("get")));
    set(5, functionAddress(builder, loc, module,
                           attr.getAs<FlatSymbolRefAttr>("set")));
    set(6, callables[index]
               ? LLVM::AddressOfOp::create(builder, loc, callables[index])
                     .getResult()
               : LLVM::ZeroOp::create(builder, loc, ptr).getResult());
  }
  LLVM::ReturnOp::create(builder, loc, array);
  return global;
}
