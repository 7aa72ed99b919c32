//===- RoastDynamicOps.cpp - Folders and verifiers of dynamic values ------===//

#include "Roast/Dialect/Roast/IR/RoastOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/SymbolTable.h"

using namespace mlir;
using namespace roast;

/// Unboxing what was just boxed gives the value back. Only scalars fold:
/// boxing and unboxing an object each make a new reference, which the
/// code around them releases separately.
OpFoldResult UnboxOp::fold(FoldAdaptor) {
  auto box = getValue().getDefiningOp<BoxOp>();
  if (box && box.getValue().getType() == getType() && isScalarType(getType()))
    return box.getValue();
  return {};
}

LogicalResult BoxOp::verify() {
  if (getBorrowed() && !isReferenceType(getValue().getType()))
    return emitOpError("only a reference can be boxed borrowed");
  return success();
}

LogicalResult DynIterListOp::verify() {
  if (!isa<ValueType>(getList().getType().getElementType()))
    return emitOpError("walks a list of dynamic values");
  return success();
}

LogicalResult UnboxOp::verify() {
  if (isa<TypeParamType>(getType()))
    return emitOpError("cannot unbox to a type parameter");
  return success();
}

//===----------------------------------------------------------------------===//
// Inline caches
//===----------------------------------------------------------------------===//

LogicalResult InlineCacheOp::verify() {
  bool method = getKind() == InlineCacheKind::method;
  if (method != getNumArgs().has_value())
    return emitOpError(method ? "method cache needs the number of arguments"
                              : "field cache takes no number of arguments");
  if (method && getNumArgsAttr().getValue().isNegative())
    return emitOpError("number of arguments must not be negative");
  return success();
}

/// Checks that `op`'s cache (if any) is a roast.inline_cache of `kind` for
/// member `name` (and, for methods, `numArgs` arguments): the cache holds
/// answers to one question, so a site asking another would read wrong ones.
static LogicalResult verifyCacheUse(Operation *op, FlatSymbolRefAttr cacheRef,
                                    InlineCacheKind kind, StringRef name,
                                    std::optional<int32_t> numArgs,
                                    SymbolTableCollection &symbolTable) {
  if (!cacheRef)
    return success();
  auto cache =
      symbolTable.lookupNearestSymbolFrom<InlineCacheOp>(op, cacheRef);
  if (!cache)
    return op->emitOpError("cache ")
           << cacheRef << " does not reference a roast.inline_cache";
  if (cache.getKind() != kind)
    return op->emitOpError("needs a ")
           << stringifyInlineCacheKind(kind) << " cache, but " << cacheRef
           << " is a " << stringifyInlineCacheKind(cache.getKind())
           << " cache";
  if (cache.getMember() != name)
    return op->emitOpError("cache ")
           << cacheRef << " is for '" << cache.getMember() << "', not '"
           << name << "'";
  if (numArgs && cache.getNumArgs() != numArgs)
    return op->emitOpError("cache ")
           << cacheRef << " is for calls with " << *cache.getNumArgs()
           << " arguments, not " << *numArgs;
  return success();
}

LogicalResult
DynGetAttrOp::verifySymbolUses(SymbolTableCollection &symbolTable) {
  return verifyCacheUse(*this, getCacheAttr(), InlineCacheKind::field,
                        getName(), std::nullopt, symbolTable);
}

LogicalResult
DynSetAttrOp::verifySymbolUses(SymbolTableCollection &symbolTable) {
  return verifyCacheUse(*this, getCacheAttr(), InlineCacheKind::field,
                        getName(), std::nullopt, symbolTable);
}

LogicalResult
DynCallMethodOp::verifySymbolUses(SymbolTableCollection &symbolTable) {
  return verifyCacheUse(*this, getCacheAttr(), InlineCacheKind::method,
                        getName(), int32_t(getArgs().size()), symbolTable);
}
