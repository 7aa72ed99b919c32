//===- PatternBase.h - Base of patterns that call the runtime --*- C++ -*-===//

#ifndef LIB_CONVERSION_ROASTTOSTANDARD_PATTERNBASE_H
#define LIB_CONVERSION_ROASTTOSTANDARD_PATTERNBASE_H

#include "Roast/Conversion/RoastToStandard/RuntimeABI.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "mlir/Transforms/DialectConversion.h"

namespace roast {

/// A conversion pattern with access to the module's runtime declarations.
template <typename SourceOp>
class RuntimeOpConversionPattern : public mlir::OpConversionPattern<SourceOp> {
public:
  RuntimeOpConversionPattern(const mlir::TypeConverter &converter,
                             mlir::MLIRContext *context, RuntimeABI &abi)
      : mlir::OpConversionPattern<SourceOp>(converter, context), abi(abi) {}

protected:
  RuntimeABI &abi;
};

class ClassLayouts;

/// A runtime pattern that also needs the module's class layouts (instances,
/// descriptors, isinstance and unboxing to a class).
template <typename SourceOp>
class ClassPattern : public RuntimeOpConversionPattern<SourceOp> {
public:
  ClassPattern(const mlir::TypeConverter &converter,
               mlir::MLIRContext *context, RuntimeABI &abi,
               ClassLayouts &classes)
      : RuntimeOpConversionPattern<SourceOp>(converter, context, abi),
        classes(classes) {}

protected:
  ClassLayouts &classes;
};

/// Whether printing or converting a value of roast type `type` may run a
/// user method (__str__, __repr__) that raises: instances, and containers
/// and tuples that may hold them.
inline bool mayRunUserCode(mlir::Type type) {
  if (auto optional = mlir::dyn_cast<OptionalType>(type))
    type = optional.getValueType();
  return mlir::isa<ObjectType, ListType, DictType, SetType, mlir::TupleType,
                   ValueType>(type);
}

/// A stack slot of one `elementType` for `op`'s lowering, in the entry block
/// of the enclosing function: an alloca anywhere else is dynamic and grows
/// the stack on every loop iteration that reaches it.
inline mlir::Value createEntryAlloca(mlir::OpBuilder &builder,
                                     mlir::Operation *op,
                                     mlir::Type elementType,
                                     unsigned alignment = 0) {
  mlir::OpBuilder::InsertionGuard guard(builder);
  mlir::Region *region = op->getParentRegion();
  while (!mlir::isa<mlir::FunctionOpInterface>(region->getParentOp()))
    region = region->getParentRegion();
  builder.setInsertionPointToStart(&region->front());
  mlir::Location loc = op->getLoc();
  mlir::Value one = mlir::LLVM::ConstantOp::create(
      builder, loc, builder.getI64Type(), int64_t(1));
  return mlir::LLVM::AllocaOp::create(
      builder, loc, mlir::LLVM::LLVMPointerType::get(builder.getContext()),
      elementType, one, alignment);
}

/// Replaces `op` with `result`, or erases it when the lowering produced no
/// value (a method returning None).
inline void replaceOrErase(mlir::RewriterBase &rewriter, mlir::Operation *op,
                           mlir::Value result) {
  if (result)
    rewriter.replaceOp(op, result);
  else
    rewriter.eraseOp(op);
}

/// The operands of a runtime slice call after `value`: start, stop, step
/// (0 when missing) and the `which` mask saying which were given.
inline llvm::SmallVector<mlir::Value, 4>
sliceOperands(mlir::OpBuilder &builder, mlir::Location loc, mlir::Value start,
              mlir::Value stop, mlir::Value step) {
  mlir::Value zero = mlir::arith::ConstantIntOp::create(builder, loc, 0, 64);
  int32_t which = 0;
  llvm::SmallVector<mlir::Value, 4> operands;
  for (auto [bit, bound] : llvm::enumerate(
           llvm::ArrayRef<mlir::Value>{start, stop, step})) {
    if (bound)
      which |= 1 << bit;
    operands.push_back(bound ? bound : zero);
  }
  operands.push_back(mlir::arith::ConstantIntOp::create(builder, loc, which, 32));
  return operands;
}

/// `lhs == rhs` or `lhs != rhs` through the runtime's equality `eq`.
inline mlir::Value lowerObjectEquality(mlir::OpBuilder &builder,
                                       mlir::Location loc, RuntimeABI &abi,
                                       CmpPredicate pred, RuntimeFunction eq,
                                       mlir::Value lhs, mlir::Value rhs) {
  mlir::Value equal = abi.call(builder, loc, eq, {lhs, rhs});
  if (pred == CmpPredicate::eq)
    return equal;
  return mlir::arith::XOrIOp::create(
      builder, loc, equal,
      mlir::arith::ConstantIntOp::create(builder, loc, 1, 1));
}

/// `lhs pred rhs` for objects with an equality and a three-way comparison
/// in the runtime (str): == and != use `eq`, orderings `compare`.
inline mlir::Value lowerObjectComparison(mlir::OpBuilder &builder,
                                         mlir::Location loc, RuntimeABI &abi,
                                         CmpPredicate pred, RuntimeFunction eq,
                                         RuntimeFunction compare,
                                         mlir::Value lhs, mlir::Value rhs) {
  if (pred == CmpPredicate::eq || pred == CmpPredicate::ne)
    return lowerObjectEquality(builder, loc, abi, pred, eq, lhs, rhs);
  static constexpr mlir::arith::CmpIPredicate preds[] = {
      mlir::arith::CmpIPredicate::eq,  mlir::arith::CmpIPredicate::ne,
      mlir::arith::CmpIPredicate::slt, mlir::arith::CmpIPredicate::sle,
      mlir::arith::CmpIPredicate::sgt, mlir::arith::CmpIPredicate::sge};
  mlir::Value order = abi.call(builder, loc, compare, {lhs, rhs});
  return mlir::arith::CmpIOp::create(
      builder, loc, preds[unsigned(pred)], order,
      mlir::arith::ConstantIntOp::create(builder, loc, 0, 64));
}

} // namespace roast

#endif // LIB_CONVERSION_ROASTTOSTANDARD_PATTERNBASE_H
