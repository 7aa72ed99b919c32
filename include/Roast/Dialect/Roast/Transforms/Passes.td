//===- Passes.td - Roast-level transformation passes -------*- tablegen -*-===//
//
// Passes over the roast dialect. Later issues add roast-monomorphize,
// roast-specialize-types, roast-inline-cache and roast-escape-analysis here.
//
//===----------------------------------------------------------------------===//

#ifndef ROAST_DIALECT_ROAST_TRANSFORMS_PASSES_TD
#define ROAST_DIALECT_ROAST_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def RoastStackGuards : Pass<"roast-stack-guards", "::mlir::ModuleOp"> {
  let summary = "Guard recursive functions against stack overflow";
  let description = [{
    Inserts `roast.stack_guard` at the entry of every `roast.func` that is
    part of a cycle in the call graph (direct or mutual recursion), so that
    runaway recursion raises `RecursionError` instead of crashing. A function
    that cannot recurse has bounded stack depth and gets no guard: its calls
    cost nothing extra. Functions that already start with a guard are left
    alone, so the pass is idempotent.
  }];
  let dependentDialects = ["::roast::RoastDialect"];
  let statistics = [
    Statistic<"numGuards", "guards-inserted", "Number of stack guards inserted">
  ];
}

#endif // ROAST_DIALECT_ROAST_TRANSFORMS_PASSES_TD
