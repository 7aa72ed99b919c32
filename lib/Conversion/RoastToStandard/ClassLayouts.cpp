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
    std::string text = op.getSymName().substr(op.getSymName().rfind('.') + 1).str();
    auto nameType = LLVM::LLVMArrayType::get(builder.getI8Type(), text.size() + 1);
    auto nameGlobal = LLVM::GlobalOp::create(
        builder, loc, nameType, /*isConstant=*/true, LLVM::Linkage::Private,
        layout.descriptor + ".name", builder.getStringAttr(text + '\0'));
    auto refsType = LLVM::LLVMArrayType::get(i64, layout.refOffsets.size());
    auto refsGlobal = LLVM::GlobalOp::create(
        builder, loc, refsType, /*isConstant=*/true, LLVM::Linkage::Private,
        layout.descriptor + ".refs",
        builder.getI64TensorAttr(layout.refOffsets));

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
    set(11, constant(i64, 0)); // value_ref_offsets
    set(12, null);
    set(13, constant(i64, 0)); // members
    set(14, null);
    set(15, null); // call
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
