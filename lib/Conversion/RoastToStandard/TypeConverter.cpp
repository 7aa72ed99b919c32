//===- TypeConverter.cpp - roast types to the types of lowered code -------===//

#include "Roast/Conversion/RoastToStandard/RoastToStandard.h"
#include "Roast/Dialect/Roast/IR/RoastOps.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"

using namespace mlir;
using namespace roast;

RoastTypeConverter::RoastTypeConverter(MLIRContext *context) {
  // Tried last: builtin scalars (i64, f64, i1) and everything already
  // lowered stay as they are.
  addConversion([](Type type) { return type; });
  // Objects are pointers to their header; None is the null pointer; a slot
  // that mem2reg could not promote is the address of its stack memory.
  auto ptr = LLVM::LLVMPointerType::get(context);
  addConversion([ptr](StrType) -> Type { return ptr; });
  addConversion([ptr](roast::NoneType) -> Type { return ptr; });
  addConversion([ptr](RefType) -> Type { return ptr; });
  addConversion([ptr](ListType) -> Type { return ptr; });
  addConversion([ptr](DictType) -> Type { return ptr; });
  addConversion([ptr](SetType) -> Type { return ptr; });
  addConversion([ptr](ObjectType) -> Type { return ptr; });
  addConversion([ptr](FileType) -> Type { return ptr; });
  addConversion([ptr](CallableType) -> Type { return ptr; });
  // A NaN-boxed dynamic value (docs/rationale/dynamic-values.md).
  addConversion([context](ValueType) -> Type {
    return IntegerType::get(context, 64);
  });
  // `T | None`: a nullable pointer for references, else {i1 present, T}
  // (docs/rationale/optionals.md).
  addConversion([this, ptr](OptionalType optional) -> std::optional<Type> {
    Type value = convertType(optional.getValueType());
    if (!value)
      return std::nullopt;
    if (isObjectType(optional.getValueType()))
      return ptr;
    return LLVM::LLVMStructType::getLiteral(
        optional.getContext(),
        {IntegerType::get(optional.getContext(), 1), value});
  });
  // Tuples are immutable values: a struct passed and stored by value.
  addConversion([this](TupleType tuple) -> std::optional<Type> {
    SmallVector<Type> elements;
    if (failed(convertTypes(tuple.getTypes(), elements)))
      return std::nullopt;
    return LLVM::LLVMStructType::getLiteral(tuple.getContext(), elements);
  });
}
