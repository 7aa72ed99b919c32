//===- RoastDialect.td - The roast dialect -----------------*- tablegen -*-===//
//
// The dialect that mirrors Roast's MIR: functions whose bodies are CFGs of
// ops that keep Python semantics LLVM cannot see (checked int arithmetic,
// floor division, printing, recursion guards).
//
//===----------------------------------------------------------------------===//

#ifndef ROAST_DIALECT_ROAST_IR_ROASTDIALECT_TD
#define ROAST_DIALECT_ROAST_IR_ROASTDIALECT_TD

include "mlir/IR/OpBase.td"

def Roast_Dialect : Dialect {
  let name = "roast";
  let cppNamespace = "::roast";
  let summary = "Roast's mid-level IR: Python semantics on a CFG";
  let description = [{
    The `roast` dialect is the compiler's MIR. CodeGen emits one `roast.func`
    per Roast function (plus `roast_module_init` for module-level code);
    control flow uses the `cf` dialect and plain values use builtin types:
    `int` is `i64`, `float` is `f64`, `bool` is `i1`. Ops exist where Python's
    semantics differ from `arith`'s: integer arithmetic that raises
    `OverflowError`, floor division and modulo that round toward negative
    infinity and raise `ZeroDivisionError`, comparisons, conversions,
    printing, and the stack guard that turns runaway recursion into
    `RecursionError`. Every op that can raise carries the source location the
    error message names.
  }];
  let useDefaultTypePrinterParser = 1;
  let hasConstantMaterializer = 1;
  let dependentDialects = ["::mlir::cf::ControlFlowDialect",
                           "::mlir::arith::ArithDialect"];
}

/// Ops that may raise an exception: inside a try body, CodeGen follows
/// each with roast.check_raised, which routes the exception to the handler.
def Roast_MayRaise : NativeOpTrait<"MayRaise"> {
  let cppNamespace = "::roast";
}

class Roast_Op<string mnemonic, list<Trait> traits = []>
    : Op<Roast_Dialect, mnemonic, traits>;

#endif // ROAST_DIALECT_ROAST_IR_ROASTDIALECT_TD
