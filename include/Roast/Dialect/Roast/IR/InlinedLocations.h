//===- InlinedLocations.h - Where an inlined op was written -----*- C++ -*-===//
//
// Inlining keeps every frame a traceback must show in the op's location.
// An op of function @g inlined at a call in @f gets
//
//   callsite("g"(<its location in g>) at <the call's location in f>)
//
// The callee side names the function the op was written in; the caller
// side is where the call was, itself such a chain when @f's code was later
// inlined elsewhere. A call site without a name is in the function that
// holds the op now (how roast-inline-recursion's copies used to look).
//
//===----------------------------------------------------------------------===//

#ifndef ROAST_DIALECT_ROAST_IR_INLINEDLOCATIONS_H
#define ROAST_DIALECT_ROAST_IR_INLINEDLOCATIONS_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Location.h"
#include "llvm/ADT/SmallVector.h"

namespace roast {

/// The location of an op of `callee` (a function symbol) that was at
/// `original` there, once inlined at a call at `callSite`. `original` may
/// already have `callSite` appended, as MLIR's inliner does.
mlir::Location getInlinedLocation(mlir::Location original,
                                  mlir::StringAttr callee,
                                  mlir::Location callSite);

/// One call an inlined op went through: where the call was, and the symbol
/// of the function that made it (null: the function holding the op now).
struct InlinedCall {
  mlir::Location site;
  mlir::StringAttr caller;
};

/// The calls `loc` was inlined through, innermost first; empty when the op
/// was written in the function that holds it.
llvm::SmallVector<InlinedCall> getInlinedCalls(mlir::Location loc);

/// The symbol of the function an inlined op was written in, or null.
mlir::StringAttr getInlinedFunction(mlir::Location loc);

} // namespace roast

#endif // ROAST_DIALECT_ROAST_IR_INLINEDLOCATIONS_H
