//===- RoastFunctionOps.td - Functions as values ------------*- tablegen -*-===//
//
// A function value is an instance of a closure class whose method slot 0 is
// the code to call and whose fields are the values it captured
// (docs/rationale/closures.md): creating one is roast.new and
// roast.set_field on that class, then roast.as_callable; calling one loads
// slot 0.
//
//===----------------------------------------------------------------------===//

#ifndef ROAST_DIALECT_ROAST_IR_ROASTFUNCTIONOPS_TD
#define ROAST_DIALECT_ROAST_IR_ROASTFUNCTIONOPS_TD

def Roast_AsCallableOp : Roast_Op<"as_callable", [Pure,
    DeclareOpInterfaceMethods<SymbolUserOpInterface>]> {
  let summary = "view a closure instance as a function value";
  let description = [{
    The same reference, typed by the signature callers see: the class's
    method slot 0 must take the instance, then the signature's parameters,
    and return its results. Ownership passes through unchanged.

    ```mlir
    roast.class @"adder.<closure>" {fields = ["n"], field_types = [i64],
                                    methods = [@"adder.<call>"]}
    %f = roast.as_callable %c : !roast.object<@"adder.<closure>">
                                to !roast.callable<(i64) -> i64>
    ```
  }];
  let arguments = (ins Roast_ObjectType:$closure);
  let results = (outs Roast_CallableType:$result);
  let assemblyFormat = [{
    $closure attr-dict `:` qualified(type($closure)) `to` qualified(type($result))
  }];
}

def Roast_CallCallableOp : Roast_Op<"call_callable", [Roast_MayRaise]> {
  let summary = "call a function value";
  let description = [{
    Calls the code in method slot 0 of `callee`'s class with `callee`
    itself, then `args`, which borrow as a direct call's do. It may raise
    whatever the function raises.

    ```mlir
    %r = roast.call_callable %f(%x) : !roast.callable<(i64) -> i64>
    ```
  }];
  let arguments = (ins Roast_CallableType:$callee, Variadic<AnyType>:$args);
  let results = (outs Variadic<AnyType>:$results);
  // The callee's type gives the arguments' and results'.
  let assemblyFormat = [{
    $callee `(` $args `)` attr-dict `:`
    custom<CallableSignature>(type($callee), type($args), type($results))
  }];
  let builders = [
    OpBuilder<(ins "::mlir::Value":$callee, "::mlir::ValueRange":$args), [{
      auto type = ::llvm::cast<CallableType>(callee.getType());
      build($_builder, $_state, type.getSignature().getResults(), callee,
            args);
    }]>];
  let hasVerifier = 1;
}

#endif // ROAST_DIALECT_ROAST_IR_ROASTFUNCTIONOPS_TD
