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
    alone, so the pass is idempotent. A `roast.method_call` may reach any
    implementation of its slot in the receiver's class hierarchy, so those
    count as call edges too.
  }];
  let dependentDialects = ["::roast::RoastDialect"];
  let statistics = [
    Statistic<"numGuards", "guards-inserted", "Number of stack guards inserted">
  ];
}

def RoastInlineRecursion : Pass<"roast-inline-recursion", "::mlir::ModuleOp"> {
  let summary = "Inline small self-recursive functions into themselves once";
  let description = [{
    Each direct self-call of a small recursive `roast.func` (at most
    `max-ops` operations) is replaced by one copy of the function's body,
    whose own self-calls stay calls. This halves the calls of a
    fib-like recursion and gives LLVM a larger body to schedule, the
    recursive inlining GCC does at -O2. Functions that are not
    self-recursive, or larger than the limit, are left alone.
  }];
  let options = [
    Option<"maxOps", "max-ops", "unsigned", /*default=*/"32",
           "Largest function body (in operations) to inline into itself">
  ];
  let dependentDialects = ["::roast::RoastDialect",
                           "::mlir::cf::ControlFlowDialect"];
  let statistics = [
    Statistic<"numInlined", "calls-inlined", "Number of self-calls inlined">
  ];
}

def RoastDevirtualize : Pass<"roast-devirtualize", "::mlir::ModuleOp"> {
  let summary = "Turn method calls with one possible target into direct calls";
  let description = [{
    A `roast.method_call` on a receiver of static class `C` can run the
    function in that slot of `C` or of any subclass of `C` (the
    `roast.class` ops list the whole hierarchy). When every one of those
    classes has the same function in the slot (no subclass overrides the
    method, or `C` has no subclasses), the call becomes a direct
    `roast.call` of it, with the receiver upcast to the class that defines
    it; LLVM can then inline it. Calls whose slot is overridden below `C`
    stay virtual.
  }];
  let dependentDialects = ["::roast::RoastDialect"];
  let statistics = [
    Statistic<"numDevirtualized", "calls-devirtualized",
              "Number of method calls made direct">,
    Statistic<"numVirtual", "calls-left-virtual",
              "Number of method calls left virtual">
  ];
}

#endif // ROAST_DIALECT_ROAST_TRANSFORMS_PASSES_TD
