//===- RoastExceptionOps.cpp - Verifiers of the exception ops -------------===//

#include "Roast/Dialect/Roast/IR/RoastOps.h"

#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/IR/PatternMatch.h"

using namespace mlir;
using namespace roast;

//===----------------------------------------------------------------------===//
// Exceptions
//===----------------------------------------------------------------------===//

/// An op's handler successor: at most one, and it takes no arguments (the
/// handler fetches the exception with roast.catch).
static LogicalResult verifyHandler(Operation *op, SuccessorRange handlers) {
  if (handlers.size() > 1)
    return op->emitOpError("has more than one unwind successor");
  if (!handlers.empty() && handlers.front()->getNumArguments() != 0)
    return op->emitOpError("unwind successor must take no arguments");
  return success();
}

LogicalResult RaiseOp::verify() { return verifyHandler(*this, getHandler()); }

LogicalResult ThrowOp::verify() { return verifyHandler(*this, getHandler()); }

LogicalResult CheckRaisedOp::verify() {
  if (failed(verifyHandler(*this, getOperation()->getSuccessors().take_front())))
    return failure();
  if (getNormal()->getNumArguments() != 0)
    return emitOpError("normal successor must take no arguments");
  return success();
}

/// After an op that cannot raise (one that folded, say), the check is a
/// plain branch.
LogicalResult CheckRaisedOp::canonicalize(CheckRaisedOp op,
                                          PatternRewriter &rewriter) {
  Operation *previous = op->getPrevNode();
  if (previous && mayRaise(previous))
    return failure();
  rewriter.replaceOpWithNewOp<cf::BranchOp>(op, op.getNormal());
  return success();
}
