//===- ClassLayouts.h - Instance layouts and class descriptors --*- C++ -*-===//
//
// How the lowering lays out instances of each roast.class (the object
// header, the class descriptor pointer, then the fields as the C struct of
// their lowered types) and the descriptor it emits for the runtime
// (RoastClass in Roast/Runtime/Runtime.h). See docs/rationale/classes.md.
//
//===----------------------------------------------------------------------===//

#ifndef ROAST_CONVERSION_ROASTTOSTANDARD_CLASSLAYOUTS_H
#define ROAST_CONVERSION_ROASTTOSTANDARD_CLASSLAYOUTS_H

#include "Roast/Conversion/RoastToStandard/RuntimeABI.h"

#include "mlir/Dialect/LLVMIR/LLVMTypes.h"
#include "mlir/Transforms/DialectConversion.h"

namespace roast {

struct ClassLayout {
  ClassOp op;
  /// {i64 refcount, i32 type_id, i32 flags, ptr class, fields...}.
  mlir::LLVM::LLVMStructType instanceType;
  /// The descriptor's symbol: the runtime's for built-in classes.
  std::string descriptor;
  int64_t size = 0;
  /// Byte offsets of the references an instance owns.
  llvm::SmallVector<int64_t> refOffsets;
  /// Byte offsets of the dynamic values (NaN-boxed) an instance owns.
  llvm::SmallVector<int64_t> valueRefOffsets;
  /// Byte offset of each field.
  llvm::SmallVector<int64_t> fieldOffsets;
};

/// The layouts of a module's classes. The roast.class ops stay in the
/// module while ops are converted, then emitDescriptors replaces them.
class ClassLayouts {
public:
  ClassLayouts(mlir::ModuleOp module, const mlir::TypeConverter &converter)
      : module(module), converter(converter) {}

  const ClassLayout &get(mlir::FlatSymbolRefAttr className);
  /// The address of the descriptor of `className`.
  mlir::Value descriptorAddress(mlir::OpBuilder &builder, mlir::Location loc,
                                mlir::FlatSymbolRefAttr className);
  /// The address of field `field` of `object`, and the field's lowered type.
  std::pair<mlir::Value, mlir::Type>
  fieldAddress(mlir::OpBuilder &builder, mlir::Location loc,
               mlir::FlatSymbolRefAttr className, mlir::Value object,
               llvm::StringRef field);
  /// Replaces every roast.class with its descriptor global (or, for a
  /// built-in class, the runtime's external declaration).
  void emitDescriptors();

private:
  /// The RoastMember array of `op`'s members (null if it has none).
  mlir::LLVM::GlobalOp emitMembers(mlir::OpBuilder &builder, ClassOp op,
                                   const ClassLayout &layout);
  /// A RoastCallable described by `attr` (name, entry, min, max).
  mlir::LLVM::GlobalOp emitCallable(mlir::OpBuilder &builder,
                                    mlir::Location loc,
                                    mlir::DictionaryAttr attr,
                                    llvm::StringRef symbol);

  mlir::ModuleOp module;
  const mlir::TypeConverter &converter;
  llvm::StringMap<ClassLayout> layouts;
};

/// Class ops: roast.new, fields, method calls, isinstance and upcasts.
void populateRoastClassPatterns(const mlir::TypeConverter &converter,
                                RuntimeABI &abi, ClassLayouts &classes,
                                mlir::RewritePatternSet &patterns);

/// Boxing, unboxing and the roast.dyn.* ops (dynamic values).
void populateRoastDynamicPatterns(const mlir::TypeConverter &converter,
                                  RuntimeABI &abi, ClassLayouts &classes,
                                  mlir::RewritePatternSet &patterns);

} // namespace roast

#endif // ROAST_CONVERSION_ROASTTOSTANDARD_CLASSLAYOUTS_H
