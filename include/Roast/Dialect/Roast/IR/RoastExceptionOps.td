//===- RoastExceptionOps.td - Raising and catching ---------*- tablegen -*-===//
//
// Exceptions are checked returns (docs/rationale/exceptions.md): raising
// stores the exception in the runtime and every op that may raise tests
// for it afterwards. Outside try bodies the exception leaves the function;
// inside one, each op that may raise is followed by roast.check_raised,
// whose `handler` successor makes the exception edge explicit in the CFG.
//
//===----------------------------------------------------------------------===//

#ifndef ROAST_DIALECT_ROAST_IR_ROASTEXCEPTIONOPS_TD
#define ROAST_DIALECT_ROAST_IR_ROASTEXCEPTIONOPS_TD

def Roast_CheckRaisedOp : Roast_Op<"check_raised", [Terminator]> {
  let summary = "route an exception of the previous op to a handler";
  let description = [{
    Follows an op that may raise, inside a try body: control continues at
    `normal`, or at `handler` if that op raised. The lowering sends the
    previous op's failure path straight to `handler`; after an op that
    cannot raise (one that folded away) it canonicalizes to a branch.

    ```mlir
    %r = roast.call @parse(%s) : (!roast.str) -> i64
    roast.check_raised ^handler, ^bb2
    ```
  }];
  let successors = (successor AnySuccessor:$handler, AnySuccessor:$normal);
  let assemblyFormat = "$handler `,` $normal attr-dict";
  let hasVerifier = 1;
  let hasCanonicalizeMethod = 1;
}

def Roast_CatchOp : Roast_Op<"catch"> {
  let summary = "take the exception being raised";
  let description = [{
    At the start of a handler: the pending exception, owned, as an
    instance of `BaseException`; it is no longer pending.

    ```mlir
    %e = roast.catch : !roast.object<@BaseException>
    ```
  }];
  let results = (outs Roast_ObjectType:$exception);
  let assemblyFormat = "attr-dict `:` qualified(type($exception))";
}

def Roast_ThrowOp : Roast_Op<"throw", [Terminator]> {
  let summary = "raise an exception object";
  let description = [{
    `raise e`: raises the instance, taking a reference to it. Inside a try
    body the `unwind` successor is the handler; without one the exception
    leaves the function. A `reraise` continues an exception that a handler
    caught without handling it (no clause matched, a finally body or a
    frame's cleanup ran, or a bare `raise`): its traceback is kept.

    ```mlir
    roast.throw %e : !roast.object<@ValueError>
    roast.throw %e reraise unwind ^handler : !roast.object<@BaseException>
    ```
  }];
  let arguments = (ins Roast_ObjectType:$exception, UnitAttr:$reraise);
  let successors = (successor VariadicSuccessor<AnySuccessor>:$handler);
  let assemblyFormat = [{
    $exception (`reraise` $reraise^)? custom<Unwind>($handler) attr-dict `:`
    qualified(type($exception))
  }];
  let hasVerifier = 1;
  let hasCanonicalizeMethod = 1;
}

#endif // ROAST_DIALECT_ROAST_IR_ROASTEXCEPTIONOPS_TD
