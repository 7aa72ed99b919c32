//===- RoastFileOps.cpp - Verifiers of the text file ops ------------------===//

#include "Roast/Dialect/Roast/IR/RoastOps.h"

#include "mlir/IR/Builders.h"

using namespace mlir;
using namespace roast;

/// The receiver is a file; read and readline give a str, readlines a list
/// of strs, and write takes a str and gives the count written.
LogicalResult FileMethodOp::verify() {
  MLIRContext *context = getContext();
  Type str = StrType::get(context);
  Type result = str;
  size_t args = 0;
  switch (getMethod()) {
  case FileMethod::read:
  case FileMethod::readline:
    break;
  case FileMethod::readlines:
    result = ListType::get(context, str);
    break;
  case FileMethod::write:
    args = 1;
    result = IntegerType::get(context, 64);
    break;
  }
  OperandRange operands = getOperands();
  if (operands.size() != 1 + args)
    return emitOpError("file.") << stringifyFileMethod(getMethod()) << " takes "
                                << args << " arguments besides the file";
  if (!isa<FileType>(operands[0].getType()))
    return emitOpError("receiver must be !roast.file, not ")
           << operands[0].getType();
  if (args && operands[1].getType() != str)
    return emitOpError("operand #1 must be ")
           << str << ", not " << operands[1].getType();
  if (getType() != result)
    return emitOpError("result must be ") << result << ", not " << getType();
  return success();
}
