//===- RoastFunctionOps.cpp - Verifiers of the function-value ops ---------===//

#include "Roast/Dialect/Roast/IR/RoastOps.h"

#include "mlir/IR/SymbolTable.h"

using namespace mlir;
using namespace roast;

LogicalResult
AsCallableOp::verifySymbolUses(SymbolTableCollection &symbolTable) {
  auto object = getClosure().getType();
  auto cls =
      symbolTable.lookupNearestSymbolFrom<ClassOp>(*this, object.getClassName());
  if (!cls)
    return emitOpError("class ") << object.getClassName()
                                 << " does not reference a roast.class";
  if (cls.getMethods().empty())
    return emitOpError("class ") << object.getClassName()
                                 << " has no method slot 0 to call";
  auto code = symbolTable.lookupNearestSymbolFrom<FuncOp>(
      cls, cast<FlatSymbolRefAttr>(cls.getMethods()[0]));
  if (!code)
    return failure(); // the class's verifier reports it
  // The code takes the instance first, then what callers pass.
  FunctionType signature = getResult().getType().getSignature();
  FunctionType codeType = code.getFunctionType();
  if (codeType.getNumInputs() != signature.getNumInputs() + 1 ||
      !llvm::equal(codeType.getInputs().drop_front(), signature.getInputs()) ||
      codeType.getResults() != signature.getResults())
    return emitOpError("slot 0 of ")
           << object.getClassName() << " has type " << codeType
           << ", which does not take the instance then match " << signature;
  return success();
}

ParseResult roast::parseCallableSignature(OpAsmParser &parser, Type &callee,
                                          SmallVectorImpl<Type> &args,
                                          SmallVectorImpl<Type> &results) {
  llvm::SMLoc loc = parser.getCurrentLocation();
  if (parser.parseType(callee))
    return failure();
  auto type = dyn_cast<CallableType>(callee);
  if (!type)
    return parser.emitError(loc, "expected a !roast.callable type");
  llvm::append_range(args, type.getSignature().getInputs());
  llvm::append_range(results, type.getSignature().getResults());
  return success();
}

void roast::printCallableSignature(OpAsmPrinter &printer, Operation *,
                                   Type callee, TypeRange, TypeRange) {
  printer.printType(callee);
}

LogicalResult CallCallableOp::verify() {
  FunctionType signature = getCallee().getType().getSignature();
  if (getArgs().getTypes() != signature.getInputs())
    return emitOpError("arguments of types ")
           << getArgs().getTypes() << " do not match " << signature;
  if (getResults().getTypes() != signature.getResults())
    return emitOpError("results of types ")
           << getResults().getTypes() << " do not match " << signature;
  return success();
}
