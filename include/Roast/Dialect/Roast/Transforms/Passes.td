//===- Passes.td - Roast-level transformation passes -------*- tablegen -*-===//
//
// Passes over the roast dialect.
//
//===----------------------------------------------------------------------===//

#ifndef ROAST_DIALECT_ROAST_TRANSFORMS_PASSES_TD
#define ROAST_DIALECT_ROAST_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def RoastMonomorphize : Pass<"roast-monomorphize", "::mlir::ModuleOp"> {
  let summary = "One copy of each generic function and class per list of type arguments";
  let description = [{
    Starting from the code that is not generic, every `roast.call` with
    `type_args` gets a copy of its generic callee made for them (once per
    callee and type arguments), named after both: `@"first<i64>"`,
    `@"m.swap<i64,!roast.str>"`. In the copy every `!roast.type_param` is
    replaced by its argument (in types, block arguments and attributes,
    including the `type_args` of the generic calls it makes, which are
    then instantiated in turn); `roast.retain`/`roast.release` of values
    that are not references are erased, so an `int` copy does no
    reference counting; and the few ops whose form depends on the type are
    rewritten (`roast.add` of floats is `arith.addf`, of strs
    `roast.str_concat`, of lists `roast.list_concat`; `roast.cmp` of tuples
    is `roast.tuple_cmp`). Each copy is verified: one invalid for its type
    arguments is an error at the offending op.

    A generic class is copied likewise for each instance type reachable
    from that code, `!roast.object<@m.Stack, [i64]>` (nested ones
    included): the copy `@"m.Stack<i64>"` has its field types substituted
    and the source name as `display_name`, and each of its methods (the
    generic functions `@m.Stack.<name>`) is copied as
    `@"m.Stack<i64>.<name>"`, which its method table and the calls of them
    name. Every such object type becomes `!roast.object<@"m.Stack<i64>">`.
    Finally the generic functions and classes are erased, so one never
    used is never emitted.

    ```mlir
    roast.func @first(%xs: !roast.list<!roast.type_param<"T">>)
        -> !roast.type_param<"T"> attributes {type_params = ["T"]} { ... }
    %0 = roast.call @first(%l) {type_args = [i64]} : (!roast.list<i64>) -> i64
    // becomes
    roast.func @"first<i64>"(%xs: !roast.list<i64>) -> i64 { ... }
    %0 = roast.call @"first<i64>"(%l) : (!roast.list<i64>) -> i64
    ```

    Statistics (`-mlir-pass-statistics`): `instances-created` (number of
    generic function copies made), `class-instances-created` (number of
    generic class copies made), `calls-rewritten` (number of generic calls
    pointed at a copy), `refcounts-removed` (number of retain/release ops
    removed from copies).
  }];
  let dependentDialects = ["::roast::RoastDialect",
                           "::mlir::arith::ArithDialect"];
}

def RoastSpecializeTypes : Pass<"roast-specialize-types", "::mlir::ModuleOp"> {
  let summary = "Typed clones of dynamic functions for the types calls pass";
  let description = [{
    For each direct `roast.call` of a function with `!roast.value`
    parameters that passes boxed scalars (`roast.box %n : i64`), makes a
    clone of the callee taking those scalars (`@"fib(i64)"`; at most four
    clones per function, further combinations keep calling the dynamic
    version) and points the call at it. Inside, dynamic ops on boxes of
    known scalar types fold into typed ops (`roast.dyn.binary add` of two
    boxed i64s is `roast.add`, comparisons `roast.cmp`, `roast.dyn.truth`
    of a boxed bool the bool), and boxed scalars lose their retains and
    releases. When every return of a clone then returns a box of one scalar
    type, the clone returns that type and its callers box the result. This
    repeats until no call changes, so recursive functions specialise too:
    an untyped `fib(n)` called with an int becomes `fib(i64) -> i64` with
    plain checked arithmetic. Functions taken as values, called by the
    runtime or with other arguments keep their dynamic version.

    A field without annotation (`!roast.value`) that only ever holds one
    scalar type becomes a field of that type, so that typed clones read and
    write it unboxed: every `roast.set_field` of it in a function that can
    run from `roast_module_init` stores a box of that type, and so does
    every `roast.dyn.setattr` of its name whose receiver may be such an
    instance (its `<dyn-set>` member entry, which only those reach, then
    unboxes); and each instance is given the field before anything can
    read it. Stores that read the field (`b.vx -= dx * cm`) are proven
    optimistically, on a copy of the module where the fields are assumed
    typed; fields whose stores then are not all of their type stay
    dynamic. A field holding an int in one place and a float in another
    stays dynamic. After that, specialisation goes on with the code that
    became typed.

    ```mlir
    roast.func @fib(%n: !roast.value) -> !roast.value { ... }
    %r = roast.call @fib(%b) : (!roast.value) -> !roast.value  // %b = box i64
    // becomes
    roast.func @"fib(i64)"(%n: i64) -> i64 { ... }
    %r = roast.call @"fib(i64)"(%n) : (i64) -> i64
    ```

    Statistics (`-mlir-pass-statistics`): `clones-created` (number of typed
    clones of dynamic functions), `calls-rewritten` (number of calls pointed
    at a typed clone), `results-typed` (number of clones whose result became
    a scalar), `functions-with-typed-variables` (number of functions whose
    dynamic loop variables became scalars), `fields-typed` (number of
    dynamic fields that became scalars).
  }];
  let dependentDialects = ["::roast::RoastDialect",
                           "::mlir::arith::ArithDialect"];
}

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

    Statistics (`-mlir-pass-statistics`): `guards-inserted` (number of stack
    guards inserted).
  }];
  let dependentDialects = ["::roast::RoastDialect"];
}

def RoastInline : Pass<"roast-inline", "::mlir::ModuleOp"> {
  let summary = "Inline small functions into their direct callers";
  let description = [{
    MLIR's inliner over the roast call graph (callees first, simplifying
    each function with the canonicalizer before it is inlined further up)
    replaces each direct `roast.call` of a small function (at most
    `max-ops` operations) by the callee's body. Methods that build and
    return a temporary object (`Vec.add`) and lambdas passed to known
    functions then sit in their caller, where escape analysis and LLVM see
    them whole.

    Recursive functions (those with a `roast.stack_guard`;
    roast-inline-recursion handles self-calls) and functions that do not
    define a body are not inlined. Exceptions keep their meaning: an op
    of the inlined body that may raise gets the call's handler (a
    `roast.check_raised` after it, or an `unwind` successor), and its
    location names the function it came from, so tracebacks still show
    the inlined frame (docs/rationale/inlining.md).

    ```mlir
    roast.func @twice(%x: i64) -> i64 {
      %0 = roast.add %x, %x : i64
      roast.return %0 : i64
    }
    %1 = roast.call @twice(%n) : (i64) -> i64
    // becomes
    %1 = roast.add %n, %n : i64 loc(callsite("m.twice"(...) at ...))
    ```
  }];
  let options = [
    Option<"maxOps", "max-ops", "unsigned", /*default=*/"40",
           "Largest callee body (in operations) to inline">
  ];
  let dependentDialects = ["::roast::RoastDialect",
                           "::mlir::cf::ControlFlowDialect"];
}

def RoastRefCountElision : Pass<"roast-rc-elision", "::mlir::ModuleOp"> {
  let summary = "Remove retain/release pairs that cancel";
  let description = [{
    Three rules, each keeping every object alive at least as long as before
    and every count equal at the end (docs/rationale/refcounting.md,
    "Elision"):

    - **Borrowed parameters.** A caller keeps each argument alive for the
      whole call, so a function that only reads a reference parameter (its
      fields, its length, passes it to calls, compares it) needs no count
      of its own: every `roast.retain`/`roast.release` of that parameter
      goes. A parameter that is stored, returned, raised, boxed, wrapped,
      passed to a block or to any other op keeps them.
    - **Pairs in a block.** `roast.retain %x` followed in the same block by
      `roast.release %x`, with only ops between that cannot drop a
      reference (no calls, no releases, nothing that consumes or frees),
      cancel out.
    - **Pairs across a branch.** `roast.retain %x` at the end of a block
      cancels with a `roast.release %x` at the start of each successor,
      when every successor has that block as its only predecessor and
      nothing before its release can drop a reference (the release on
      both paths of a `roast.check_raised`).

    ```mlir
    roast.func @m.dot(%a: !roast.object<@m.Vec>) -> f64 {
      roast.retain %a : !roast.object<@m.Vec>      // removed
      %x = roast.get_field %a["x"] : !roast.object<@m.Vec> -> f64
      roast.release %a : !roast.object<@m.Vec>     // removed
      roast.return %x : f64
    }
    ```

    Statistics (`-mlir-pass-statistics`): `retains-removed` (number of
    roast.retain ops removed), `releases-removed` (number of roast.release
    ops removed).
  }];
  let dependentDialects = ["::roast::RoastDialect"];
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

    Statistics (`-mlir-pass-statistics`): `calls-inlined` (number of
    self-calls inlined).
  }];
  let options = [
    Option<"maxOps", "max-ops", "unsigned", /*default=*/"32",
           "Largest function body (in operations) to inline into itself">
  ];
  let dependentDialects = ["::roast::RoastDialect",
                           "::mlir::cf::ControlFlowDialect"];
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

    Statistics (`-mlir-pass-statistics`): `calls-devirtualized` (number of
    method calls made direct), `calls-left-virtual` (number of method calls
    left virtual).
  }];
  let dependentDialects = ["::roast::RoastDialect"];
}

def RoastInlineCache : Pass<"roast-inline-cache", "::mlir::ModuleOp"> {
  let summary = "Inline caches for attribute and method sites on dynamic values";
  let description = [{
    Gives each `roast.dyn.getattr`, `roast.dyn.setattr` and
    `roast.dyn.call_method` that can hit a cache its own
    `roast.inline_cache` (docs/rationale/dynamic-values.md, "Inline
    caches"). The lowering then compares the receiver's class with the up
    to two classes the cache holds and, on a match, reads or writes the
    field at the cached offset or calls the cached method entry, without
    the lookup by name; a miss calls the runtime, which does the lookup and
    refills the cache.

    A site gets a cache only if it can hit one: some class of the module
    has a `!roast.value` field of that name (attribute sites) or an `f64`
    field of that name (read sites: the double is the value), or a method
    of that name whose call passes every parameter (method sites: the
    entry is called with the site's arguments, so none may be left to a
    default). Names only built-in types have (`xs.append(1)`,
    `s.upper()`), other typed fields and receivers that are boxes of typed
    values keep the plain runtime call. Copies of a site that
    roast-inline-recursion makes later share its cache.

    ```mlir
    %x = roast.dyn.getattr %v "x"
    %r = roast.dyn.call_method %v "step"(%dt)
    // becomes
    roast.inline_cache @ic0 : field "x"
    roast.inline_cache @ic1 : method "step"(1)
    %x = roast.dyn.getattr %v "x" cache @ic0
    %r = roast.dyn.call_method %v "step"(%dt) cache @ic1
    ```

    Statistics (`-mlir-pass-statistics`): `sites-cached` (number of
    attribute and method sites given an inline cache), `sites-uncached`
    (number of attribute and method sites that cannot hit a cache).
  }];
  let dependentDialects = ["::roast::RoastDialect"];
}

def RoastEscapeAnalysis : Pass<"roast-escape-analysis", "::mlir::ModuleOp"> {
  let summary = "Instances that never outlive their function live on its stack";
  let description = [{
    Finds the `roast.new` instances that never outlive the function making
    them and marks them `stack`: the lowering gives each such op one slot
    in its function's frame instead of a heap allocation, and the pass
    erases their `roast.retain`s and `roast.release`s. LLVM's SROA can
    then keep their fields in registers.

    Values that are one object are grouped: a `roast.new` with the block
    arguments it is passed to (`cf.br`, `cf.cond_br`, any
    `BranchOpInterface`) and its upcasts and downcasts. A group goes on
    the stack when
    - its only sources are `roast.new` ops (a `roast.null`, an unassigned
      variable, may flow in too), not parameters or results of calls;
    - every use of it only reads or writes its fields (`roast.get_field`,
      `roast.set_field` *on* it), its header (`roast.is`,
      `roast.isinstance`), counts it (`roast.retain`/`roast.release`),
      passes it along the group, or passes it to a direct `roast.call`
      whose callee keeps that parameter (see below); anything else
      (returning, raising, boxing, storing it into a container, a global,
      a slot or a field, capturing it, a virtual or dynamic call) lets it
      escape;
    - its classes' fields hold no references: a stack instance is never
      freed, so they would leak (this first version's limit);
    - no two instances of one `roast.new` are alive at once (it has one
      slot): no value that may hold its instances is still needed when it
      runs again, retains and releases aside, which the pass erases (a
      loop keeping the previous iteration's object, `last = v`, stays on
      the heap).

    A parameter of a function *does not escape* when all its uses, and
    those of the block arguments it flows into, are of those kinds; the
    summaries are computed bottom-up over the call graph, and a recursive
    cycle starts from "escapes" and improves to a fixed point.

    ```mlir
    %v = roast.new : !roast.object<@Vec>
    roast.call @Vec.__init__(%v, %x, %y) : (!roast.object<@Vec>, f64, f64) -> ()
    %n = roast.call @Vec.dot(%v, %v) : (!roast.object<@Vec>, !roast.object<@Vec>) -> f64
    roast.release %v : !roast.object<@Vec>
    // becomes
    %v = roast.new stack : !roast.object<@Vec>
    roast.call @Vec.__init__(%v, %x, %y) : (!roast.object<@Vec>, f64, f64) -> ()
    %n = roast.call @Vec.dot(%v, %v) : (!roast.object<@Vec>, !roast.object<@Vec>) -> f64
    ```

    With `report`, each `roast.new` gets a remark saying where its
    instances live and, for the heap, why. See
    docs/rationale/escape-analysis.md.

    Statistics (`-mlir-pass-statistics`): `allocations-on-stack` (number of
    roast.new ops moved to the stack), `retains-removed` (number of retains
    of stack instances removed), `releases-removed` (number of releases of
    stack instances removed).
  }];
  let options = [
    Option<"report", "report", "bool", /*default=*/"false",
           "Remark at each roast.new whether it is on the stack, and if not why">
  ];
  let dependentDialects = ["::roast::RoastDialect"];
}

def RoastLoopVersioning : Pass<"roast-loop-versioning", "::mlir::ModuleOp"> {
  let summary = "Counted loops get a copy without list index checks";
  let description = [{
    An innermost loop that counts `%i` from `start` by 1 while
    `roast.cmp lt, %i, %n` (`n` computed before the loop, or `len(l)` of a
    list defined before it) and indexes lists defined before it by `%i`
    (`roast.list_get %l[%i]`, `roast.list_set %l[%i], %v`) runs in one of
    two copies. A test on the edge into the loop, `start >= 0` and
    `n <= len(l)` for each such list, picks a copy whose accesses are
    `unchecked` (no range check, no negative-index adjustment, no
    `roast.check_raised` after them); when it fails, the original loop
    runs, with Python's IndexError and traceback. What is known needs no
    test: a constant start, the list whose length `n` is. When nothing is
    left to test (`for i in range(len(xs))` reading xs), the loop's own
    accesses become unchecked and there is no copy.

    The test holds for the whole loop only because nothing in it can
    change a list's length: every op of the loop must be on a short list
    of ops that cannot (arith and math, checked int arithmetic, scalar
    comparisons and conversions, field reads, field and list writes of
    non-reference values, stack instances, list reads, `len`, branches).
    A call, an append or pop, any dynamic op, any release of a list
    leaves the loop as it is. So do a step other than 1, a negative
    constant start, and a header value used after the loop anywhere but
    past its exit (an exception handler), where the copies cannot meet.

    ```mlir
    ^header(%i: i64):
      %c = roast.cmp lt, %i, %n : i64
      cf.cond_br %c, ^body, ^exit
    ^body:
      %x = roast.list_get %xs[%i] : !roast.list<f64>
      ...
    // becomes, on the edge into ^header(%start):
    ^test(%s: i64):
      %ok = (%s >= 0) && (%n <= len(%xs))
      cf.cond_br %ok, ^header.unchecked(%s), ^header(%s)
    ^header.unchecked(%i2: i64):   // a copy of the loop, with
      %x2 = roast.list_get %xs[%i2] unchecked : !roast.list<f64>
    ```
    See docs/rationale/loop-versioning.md.

    Statistics (`-mlir-pass-statistics`): `loops-versioned` (number of loops
    given an unchecked copy), `loops-in-range` (number of loops whose own
    bounds keep their indices in range), `accesses-unchecked` (number of
    list accesses unchecked in the copies).
  }];
  let dependentDialects = ["::roast::RoastDialect",
                           "::mlir::arith::ArithDialect",
                           "::mlir::cf::ControlFlowDialect"];
}

#endif // ROAST_DIALECT_ROAST_TRANSFORMS_PASSES_TD
