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

/// The block a landing block that only branches on (with no values)
/// leads to, or null.
static Block *forwardedHandler(Block *landing) {
  auto branch = dyn_cast<cf::BranchOp>(&landing->front());
  if (!branch || branch.getNumOperands() != 0 ||
      branch.getDest()->getNumArguments() != 0)
    return nullptr;
  return branch.getDest();
}

/// Points a raising terminator's unwind successor past a landing block
/// that only branches on.
static LogicalResult skipForwardingLanding(Operation *op,
                                           PatternRewriter &rewriter) {
  if (op->getNumSuccessors() != 1)
    return failure();
  Block *handler = forwardedHandler(op->getSuccessor(0));
  if (!handler)
    return failure();
  rewriter.modifyOpInPlace(op, [&] { op->setSuccessor(handler, 0); });
  return success();
}

LogicalResult RaiseOp::canonicalize(RaiseOp op, PatternRewriter &rewriter) {
  return skipForwardingLanding(op, rewriter);
}

LogicalResult ThrowOp::canonicalize(ThrowOp op, PatternRewriter &rewriter) {
  return skipForwardingLanding(op, rewriter);
}

/// Whether `handler` only raises what it catches on, out of the function:
/// `%e = roast.catch` then `roast.throw %e reraise` (a frame's cleanup once
/// there is nothing left to release). Routing an exception there is what
/// happens without a handler.
static bool onlyReraises(Block *handler) {
  if (handler->getNumArguments() != 0 ||
      !llvm::hasNItems(handler->getOperations(), 2))
    return false;
  auto caught = dyn_cast<CatchOp>(&handler->front());
  auto thrown = dyn_cast<ThrowOp>(handler->getTerminator());
  return caught && thrown && thrown.getReraise() &&
         thrown.getException() == caught.getResult() &&
         thrown.getHandler().empty();
}

/// After an op that cannot raise (one that folded, say), or one whose
/// handler only raises on, the check is a plain branch. A landing block
/// that only branches on (CodeGen gives each check its own, for mem2reg)
/// is skipped once mem2reg passed it nothing.
LogicalResult CheckRaisedOp::canonicalize(CheckRaisedOp op,
                                          PatternRewriter &rewriter) {
  Operation *previous = op->getPrevNode();
  if (previous && mayRaise(previous) && !onlyReraises(op.getHandler())) {
    Block *handler = forwardedHandler(op.getHandler());
    if (!handler)
      return failure();
    rewriter.modifyOpInPlace(op, [&] { op->setSuccessor(handler, 0); });
    return success();
  }
  rewriter.replaceOpWithNewOp<cf::BranchOp>(op, op.getNormal());
  return success();
}
