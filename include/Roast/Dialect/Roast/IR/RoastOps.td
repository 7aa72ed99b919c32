//===- RoastOps.td - Operations of the roast dialect -------*- tablegen -*-===//
//
// Ops with Roast (Python) semantics. Ops that may raise are not Pure: an
// unused `a + b` that overflows still raises, as in Python.
//
//===----------------------------------------------------------------------===//

#ifndef ROAST_DIALECT_ROAST_IR_ROASTOPS_TD
#define ROAST_DIALECT_ROAST_IR_ROASTOPS_TD

include "Roast/Dialect/Roast/IR/RoastDialect.td"
include "Roast/Dialect/Roast/IR/RoastTypes.td"
include "mlir/IR/EnumAttr.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/Interfaces/CallInterfaces.td"
include "mlir/Interfaces/ControlFlowInterfaces.td"
include "mlir/Interfaces/FunctionInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/MemorySlotInterfaces.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

//===----------------------------------------------------------------------===//
// Functions and calls
//===----------------------------------------------------------------------===//

def Roast_FuncOp : Roast_Op<"func", [
    FunctionOpInterface, IsolatedFromAbove, AutomaticAllocationScope]> {
  let summary = "a Roast function";
  let description = [{
    A function whose body is a CFG of blocks (structured control flow is
    lowered by CodeGen into `cf` branches, as in the MIR). Roast's `int`,
    `float` and `bool` are `i64`, `f64` and `i1`; a function returning
    `None` has no results. A declaration has no body.

    A generic function lists its type parameters in `type_params`; its
    signature and body may use `!roast.type_param<"T">` for each of them.
    `roast-monomorphize` clones it per list of type arguments and erases it.

    ```mlir
    roast.func @square(%x: i64) -> i64 {
      %0 = roast.mul %x, %x : i64
      roast.return %0 : i64
    }
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name,
                       TypeAttrOf<FunctionType>:$function_type,
                       OptionalAttr<StrAttr>:$sym_visibility,
                       OptionalAttr<DictArrayAttr>:$arg_attrs,
                       OptionalAttr<DictArrayAttr>:$res_attrs,
                       OptionalAttr<StrArrayAttr>:$type_params);
  let regions = (region AnyRegion:$body);
  let builders = [OpBuilder<(ins "::llvm::StringRef":$name,
                                 "::mlir::FunctionType":$type)>];
  let extraClassDeclaration = [{
    ::llvm::ArrayRef<::mlir::Type> getArgumentTypes() {
      return getFunctionType().getInputs();
    }
    ::llvm::ArrayRef<::mlir::Type> getResultTypes() {
      return getFunctionType().getResults();
    }
    ::mlir::Region *getCallableRegion() {
      return isExternal() ? nullptr : &getBody();
    }
    /// Whether the function has type parameters (roast-monomorphize
    /// instantiates it).
    bool isGeneric() { return getTypeParams().has_value(); }
  }];
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
  let skipDefaultBuilders = 1;
}

def Roast_ReturnOp : Roast_Op<"return", [
    Pure, HasParent<"FuncOp">, ReturnLike, Terminator]> {
  let summary = "return from a function";
  let description = [{
    Returns the operands (none for a function returning `None`). The types
    must match the enclosing function's results.

    ```mlir
    roast.return %0 : i64
    ```
  }];
  let arguments = (ins Variadic<AnyType>:$operands);
  let builders = [OpBuilder<(ins), [{ build($_builder, $_state, {}); }]>];
  let assemblyFormat = "attr-dict ($operands^ `:` type($operands))?";
  let hasVerifier = 1;
}

def Roast_CallOp : Roast_Op<"call", [Roast_MayRaise, 
    CallOpInterface, DeclareOpInterfaceMethods<SymbolUserOpInterface>]> {
  let summary = "direct call of a Roast function";
  let description = [{
    Calls a `roast.func` in the same module. The call may raise whatever the
    callee raises.

    ```mlir
    %r = roast.call @fib(%n) : (i64) -> i64
    ```

    A call of a generic function gives its type arguments, one per type
    parameter; the operand and result types are the callee's with them
    substituted:

    ```mlir
    %r = roast.call @first(%xs) {type_args = [i64]}
        : (!roast.list<i64>) -> i64
    ```
  }];
  let arguments = (ins FlatSymbolRefAttr:$callee,
                       Variadic<AnyType>:$operands,
                       OptionalAttr<DictArrayAttr>:$arg_attrs,
                       OptionalAttr<DictArrayAttr>:$res_attrs,
                       OptionalAttr<TypeArrayAttr>:$type_args);
  let results = (outs Variadic<AnyType>);
  let builders = [
    OpBuilder<(ins "FuncOp":$callee, CArg<"::mlir::ValueRange", "{}">:$operands), [{
      $_state.addOperands(operands);
      $_state.addAttribute("callee", ::mlir::SymbolRefAttr::get(callee));
      $_state.addTypes(callee.getFunctionType().getResults());
    }]>];
  let extraClassDeclaration = [{
    operand_range getArgOperands() { return getOperands(); }
    ::mlir::MutableOperandRange getArgOperandsMutable() {
      return getOperandsMutable();
    }
    ::mlir::CallInterfaceCallable getCallableForCallee() {
      return (*this)->getAttrOfType<::mlir::SymbolRefAttr>("callee");
    }
    void setCalleeFromCallable(::mlir::CallInterfaceCallable callee) {
      (*this)->setAttr("callee", ::llvm::cast<::mlir::SymbolRefAttr>(callee));
    }
  }];
  let assemblyFormat = [{
    $callee `(` $operands `)` attr-dict `:` functional-type($operands, results)
  }];
}

//===----------------------------------------------------------------------===//
// Constants
//===----------------------------------------------------------------------===//

def Roast_StringOp : Roast_Op<"string", [Pure, ConstantLike]> {
  let summary = "a string constant";
  let description = [{
    A `str` literal. Lowered to an immortal static object.

    ```mlir
    %s = roast.string "hello\n"
    ```
  }];
  let arguments = (ins StrAttr:$value);
  let results = (outs Roast_StrType:$result);
  let assemblyFormat = "$value attr-dict";
  let hasFolder = 1;
}

def Roast_NoneOp : Roast_Op<"none", [Pure, ConstantLike]> {
  let summary = "the None value";
  let description = [{
    ```mlir
    %n = roast.none
    ```
  }];
  let results = (outs Roast_NoneType:$result);
  let assemblyFormat = "attr-dict";
  let hasFolder = 1;
}

def Roast_NullOp : Roast_Op<"null", [Pure, ConstantLike]> {
  let summary = "no object: the initial contents of a reference slot";
  let description = [{
    A null reference of a container type. CodeGen uses it only as the value
    a slot holds before its first assignment, which Sema guarantees is never
    read; retain and release skip it. Of a type parameter, it is whatever
    `roast-monomorphize` makes the initial value of the type argument.

    ```mlir
    %n = roast.null : !roast.list<i64>
    ```
  }];
  let results = (outs AnyTypeOf<[Roast_StrType, Roast_ListType,
                                 Roast_DictType, Roast_SetType,
                                 Roast_ObjectType, Roast_FileType,
                                 Roast_CallableType, Roast_TypeParamType]>:$result);
  let assemblyFormat = "attr-dict `:` qualified(type($result))";
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Optionals (`T | None`, docs/rationale/optionals.md)
//===----------------------------------------------------------------------===//

def Roast_OptionalNoneOp : Roast_Op<"optional_none", [Pure]> {
  let summary = "None as a value of an optional type";
  let description = [{
    ```mlir
    %n = roast.optional_none : !roast.optional<i64>
    ```
  }];
  let results = (outs Roast_OptionalType:$result);
  let assemblyFormat = "attr-dict `:` qualified(type($result))";
}

def Roast_OptionalWrapOp : Roast_Op<"optional_wrap", [Pure,
    TypesMatchWith<"value is the optional's value type", "result", "value",
                   "::llvm::cast<OptionalType>($_self).getValueType()">]> {
  let summary = "a value of type T as a `T | None`";
  let description = [{
    The wrapped value is never None. Wrapping a reference keeps the same
    reference (no retain).

    ```mlir
    %o = roast.optional_wrap %x : !roast.optional<i64>
    ```
  }];
  let arguments = (ins AnyType:$value);
  let results = (outs Roast_OptionalType:$result);
  let assemblyFormat = "$value attr-dict `:` qualified(type($result))";
}

def Roast_OptionalIsNoneOp : Roast_Op<"optional_is_none", [Pure]> {
  let summary = "`x is None` for an optional";
  let description = [{
    ```mlir
    %none = roast.optional_is_none %o : !roast.optional<i64>
    ```
  }];
  let arguments = (ins Roast_OptionalType:$value);
  let results = (outs Roast_Bool:$result);
  let assemblyFormat = "$value attr-dict `:` qualified(type($value))";
}

def Roast_OptionalUnwrapOp : Roast_Op<"optional_unwrap", [Pure,
    TypesMatchWith<"result is the optional's value type", "value", "result",
                   "::llvm::cast<OptionalType>($_self).getValueType()">]> {
  let summary = "the T in a `T | None` known not to be None";
  let description = [{
    CodeGen unwraps where Sema narrowed the optional (`if x is not None:`),
    or after testing it. Unwrapping None gives an unspecified value of T
    (a null reference for reference types), which the program never uses.
    The result is the same reference as the operand (no retain).

    ```mlir
    %x = roast.optional_unwrap %o : !roast.optional<i64>
    ```
  }];
  let arguments = (ins Roast_OptionalType:$value);
  let results = (outs AnyType:$result);
  let assemblyFormat = "$value attr-dict `:` qualified(type($value))";
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Arithmetic with Python semantics
//===----------------------------------------------------------------------===//

class Roast_CheckedIntBinaryOp<string mnemonic, string pyop, string raises>
    : Roast_Op<mnemonic, [SameOperandsAndResultType, Roast_MayRaise]> {
  let summary = "checked int `" # pyop # "`";
  let description = [{
    Python's `}] # pyop # [{` on 64-bit ints. Raises }] # raises # [{ instead
    of wrapping.

    ```mlir
    %r = roast.}] # mnemonic # [{ %a, %b : i64
    ```
  }];
  let arguments = (ins Roast_IntOrTypeParam:$lhs, Roast_IntOrTypeParam:$rhs);
  let results = (outs Roast_IntOrTypeParam:$result);
  let assemblyFormat = "$lhs `,` $rhs attr-dict `:` type($result)";
  let hasFolder = 1;
}

def Roast_AddOp : Roast_CheckedIntBinaryOp<"add", "+", "`OverflowError`">;
def Roast_SubOp : Roast_CheckedIntBinaryOp<"sub", "-", "`OverflowError`">;
def Roast_MulOp : Roast_CheckedIntBinaryOp<"mul", "*", "`OverflowError`">;
def Roast_ShlOp : Roast_CheckedIntBinaryOp<"shl", "<<",
    "`OverflowError` when bits are shifted out, `ValueError` for a negative count,">;
def Roast_ShrOp : Roast_CheckedIntBinaryOp<"shr", ">>",
    "`ValueError` for a negative count (a count of 64 or more gives 0 or -1)">;

def Roast_NegOp : Roast_Op<"neg", [Roast_MayRaise, SameOperandsAndResultType]> {
  let summary = "checked int negation";
  let description = [{
    Python's unary `-` on a 64-bit int; `-(-2**63)` raises `OverflowError`.

    ```mlir
    %r = roast.neg %a : i64
    ```
  }];
  let arguments = (ins Roast_Int:$operand);
  let results = (outs Roast_Int:$result);
  let assemblyFormat = "$operand attr-dict `:` type($result)";
  let hasFolder = 1;
}

class Roast_NumericBinaryOp<string mnemonic, string pyop, string semantics>
    : Roast_Op<mnemonic, [SameOperandsAndResultType, Roast_MayRaise]> {
  let summary = "Python `" # pyop # "` on ints or floats";
  let description = semantics # [{

    ```mlir
    %r = roast.}] # mnemonic # [{ %a, %b : i64
    %s = roast.}] # mnemonic # [{ %x, %y : f64
    ```
  }];
  let arguments = (ins Roast_IntOrFloat:$lhs, Roast_IntOrFloat:$rhs);
  let results = (outs Roast_IntOrFloat:$result);
  let assemblyFormat = "$lhs `,` $rhs attr-dict `:` type($result)";
}

def Roast_FloorDivOp : Roast_NumericBinaryOp<"floordiv", "//", [{
    Floor division: the quotient rounded toward negative infinity. A zero
    divisor raises `ZeroDivisionError`; `-2**63 // -1` raises
    `OverflowError`.
  }]>;
def Roast_ModOp : Roast_NumericBinaryOp<"mod", "%", [{
    Python modulo: the result has the sign of the divisor. A zero divisor
    raises `ZeroDivisionError`.
  }]>;
def Roast_PowOp : Roast_NumericBinaryOp<"pow", "**", [{
    Exponentiation. On ints it raises `OverflowError` when the result does not
    fit and `ValueError` for a negative exponent; on floats it follows
    CPython (`0.0 ** -1` raises `ZeroDivisionError`).
  }]>;

def Roast_PowModOp : Roast_Op<"powmod", [Roast_MayRaise, SameOperandsAndResultType]> {
  let summary = "three-argument pow() on ints";
  let description = [{
    `pow(base, exp, mod)`: the result has the sign of `mod`; a negative
    exponent uses the modular inverse. `mod == 0` raises `ValueError`.

    ```mlir
    %r = roast.powmod %b, %e, %m : i64
    ```
  }];
  let arguments = (ins Roast_Int:$base, Roast_Int:$exp, Roast_Int:$mod);
  let results = (outs Roast_Int:$result);
  let assemblyFormat = "$base `,` $exp `,` $mod attr-dict `:` type($result)";
}

def Roast_RoundOp : Roast_Op<"round", [Roast_MayRaise]> {
  let summary = "round() of a float";
  let description = [{
    Without `ndigits`: the nearest int, halves to even (`OverflowError` for
    inf, `ValueError` for NaN). With `ndigits`: the float correctly rounded
    to 10^-ndigits, as CPython does.

    ```mlir
    %i = roast.round %x : f64 -> i64
    %y = roast.round %x, %n : f64 -> f64
    ```
  }];
  let arguments = (ins Roast_Float:$value, Optional<Roast_Int>:$ndigits);
  let results = (outs Roast_IntOrFloat:$result);
  let assemblyFormat = [{
    $value (`,` $ndigits^)? attr-dict `:` type($value) `->` type($result)
  }];
  let hasVerifier = 1;
}

def Roast_TrueDivOp : Roast_Op<"truediv", [Roast_MayRaise, SameTypeOperands]> {
  let summary = "Python `/`";
  let description = [{
    True division: the result is always a float. Int operands are converted
    to float first (exactly for magnitudes below 2^53). A zero divisor raises
    `ZeroDivisionError` (IEEE would give inf), with CPython's message for the
    operand types: "division by zero" for ints, "float division by zero" for
    floats.

    ```mlir
    %r = roast.truediv %a, %b : f64
    %q = roast.truediv %i, %j : i64
    ```
  }];
  let arguments = (ins Roast_IntOrFloat:$lhs, Roast_IntOrFloat:$rhs);
  let results = (outs Roast_Float:$result);
  let assemblyFormat = "$lhs `,` $rhs attr-dict `:` type($lhs)";
}

def Roast_CmpPredicate : I64EnumAttr<"CmpPredicate", "Python comparison", [
    I64EnumAttrCase<"eq", 0>, I64EnumAttrCase<"ne", 1>,
    I64EnumAttrCase<"lt", 2>, I64EnumAttrCase<"le", 3>,
    I64EnumAttrCase<"gt", 4>, I64EnumAttrCase<"ge", 5>]> {
  let cppNamespace = "::roast";
}

def Roast_CmpOp : Roast_Op<"cmp", [Roast_MayRaise, 
    SameTypeOperands, DeclareOpInterfaceMethods<MemoryEffectsOpInterface>]> {
  let summary = "Python comparison";
  let description = [{
    `==`, `!=`, `<`, `<=`, `>`, `>=` with Python's semantics: on floats every
    comparison with NaN is false except `!=`; strings compare by code point.
    Comparing scalars and strs is pure; comparing lists, dicts or sets reads
    their (mutable) contents, so CSE never merges two comparisons across a
    mutation.
    Chains (`a < b < c`) are expanded by CodeGen.

    ```mlir
    %c = roast.cmp lt, %a, %b : i64
    ```
  }];
  let arguments = (ins Roast_CmpPredicate:$predicate, Roast_Comparable:$lhs,
                       Roast_Comparable:$rhs);
  let results = (outs Roast_Bool:$result);
  let assemblyFormat = "$predicate `,` $lhs `,` $rhs attr-dict `:` type($lhs)";
}

def Roast_TupleCmpOp : Roast_Op<"tuple_cmp", [Roast_MayRaise, Pure]> {
  let summary = "comparison of two tuples";
  let description = [{
    `==`, `!=`, `<`, `<=`, `>`, `>=` on tuples, lexicographic as in Python;
    the tuples may have different lengths and field types (`(1, 2) <
    (1, 2.5, "x")`). An ordering whose deciding fields cannot be ordered
    raises `TypeError`.

    ```mlir
    %lt = roast.tuple_cmp lt, %a, %b : tuple<i64, !roast.str>, tuple<i64, !roast.str>
    ```
  }];
  let arguments = (ins Roast_CmpPredicate:$predicate, AnyTuple:$lhs,
                       AnyTuple:$rhs);
  let results = (outs Roast_Bool:$result);
  let assemblyFormat = [{
    $predicate `,` $lhs `,` $rhs attr-dict `:` type($lhs) `,` type($rhs)
  }];
}

def Roast_MathFunction : I32EnumAttr<"MathFunction", "a function of the math module", [
    I32EnumAttrCase<"sqrt", 0>, I32EnumAttrCase<"exp", 1>,
    I32EnumAttrCase<"log", 2>, I32EnumAttrCase<"log_base", 3>,
    I32EnumAttrCase<"log2", 4>, I32EnumAttrCase<"log10", 5>,
    I32EnumAttrCase<"pow", 6>, I32EnumAttrCase<"sin", 7>,
    I32EnumAttrCase<"cos", 8>, I32EnumAttrCase<"tan", 9>,
    I32EnumAttrCase<"asin", 10>, I32EnumAttrCase<"acos", 11>,
    I32EnumAttrCase<"atan", 12>, I32EnumAttrCase<"atan2", 13>,
    I32EnumAttrCase<"hypot", 14>, I32EnumAttrCase<"gcd", 15>,
    I32EnumAttrCase<"isqrt", 16>, I32EnumAttrCase<"factorial", 17>]> {
  let cppNamespace = "::roast";
}

def Roast_MathCallOp : Roast_Op<"math_call", [Roast_MayRaise]> {
  let summary = "a function of the math module that may raise";
  let description = [{
    The math functions with domain or range errors, raised with CPython's
    messages (`ValueError: math domain error`, `OverflowError: math range
    error`). They take and return `f64`, except `gcd`, `isqrt` and
    `factorial`, which take and return `i64`; `log_base` is `log(x, base)`.
    (`fabs`, `floor`, `ceil`, `trunc` and the `is*` tests are plain
    arith/math ops.)

    ```mlir
    %r = roast.math_call sqrt(%x) : (f64) -> f64
    %g = roast.math_call gcd(%a, %b) : (i64, i64) -> i64
    ```
  }];
  let arguments = (ins Roast_MathFunction:$function, Variadic<AnyType>:$operands);
  let results = (outs AnyType:$result);
  let assemblyFormat = [{
    $function `(` $operands `)` attr-dict `:` functional-type($operands, $result)
  }];
  let hasVerifier = 1;
}

def Roast_ExitOp : Roast_Op<"exit", [Roast_MayRaise]> {
  let summary = "sys.exit(status)";
  let description = [{
    Raises `SystemExit`: `finally` blocks run, `except SystemExit` (or
    `BaseException`) catches it, and if nothing does the program ends with
    `status` after flushing stdout, printing nothing.

    ```mlir
    roast.exit %status
    ```
  }];
  let arguments = (ins Roast_Int:$status);
  let assemblyFormat = "$status attr-dict";
}

def Roast_ClockOp : Roast_Op<"clock"> {
  let summary = "time.perf_counter() or time.time()";
  let description = [{
    Seconds as a float: from a monotonic clock (`perf_counter`, only
    differences mean anything) or since the epoch (`time`).

    ```mlir
    %t = roast.clock "perf_counter"
    ```
  }];
  let arguments = (ins StrAttr:$clock);
  let results = (outs Roast_Float:$result);
  let assemblyFormat = "$clock attr-dict";
  let hasVerifier = 1;
}

def Roast_SleepOp : Roast_Op<"sleep", [Roast_MayRaise]> {
  let summary = "time.sleep(seconds)";
  let description = [{
    Suspends the program; a negative duration raises `ValueError`.

    ```mlir
    roast.sleep %seconds
    ```
  }];
  let arguments = (ins Roast_Float:$seconds);
  let assemblyFormat = "$seconds attr-dict";
}

def Roast_RandomFunction : I32EnumAttr<"RandomFunction", "a function of the random module", [
    I32EnumAttrCase<"seed", 0>, I32EnumAttrCase<"random", 1>,
    I32EnumAttrCase<"uniform", 2>, I32EnumAttrCase<"getrandbits", 3>,
    I32EnumAttrCase<"randrange", 4>, I32EnumAttrCase<"randint", 5>,
    I32EnumAttrCase<"choice", 6>, I32EnumAttrCase<"shuffle", 7>]> {
  let cppNamespace = "::roast";
}

def Roast_RandomCallOp : Roast_Op<"random_call", [Roast_MayRaise]> {
  let summary = "a function of the random module";
  let description = [{
    Draws from the program's one Mersenne Twister, giving CPython 3.12's
    stream for the same seed. `seed` takes an `i64` (none: seed from the
    OS); `random` and `uniform` give `f64`; `getrandbits`, `randint` and
    `randrange` (1 to 3 operands: `stop`, `start, stop` or `start, stop,
    step`) take and give `i64`; `choice` gives an element of a list,
    borrowed from it; `shuffle` permutes a list in place. Errors are
    CPython's (`ValueError: empty range in randrange(5, 3)`, `IndexError:
    Cannot choose from an empty sequence`).

    ```mlir
    roast.random_call seed(%n) : (i64) -> ()
    %r = roast.random_call randint(%a, %b) : (i64, i64) -> i64
    %x = roast.random_call choice(%l) : (!roast.list<!roast.str>) -> !roast.str
    ```
  }];
  let arguments = (ins Roast_RandomFunction:$function, Variadic<AnyType>:$operands);
  let results = (outs Variadic<AnyType>:$results);
  let assemblyFormat = [{
    $function `(` $operands `)` attr-dict `:` functional-type($operands, $results)
  }];
  let hasVerifier = 1;
}

def Roast_SysArgvOp : Roast_Op<"sys_argv"> {
  let summary = "sys.argv";
  let description = [{
    The program's arguments, `argv[0]` its name: one list for the whole
    run (a new reference to it), so changes to it are seen by every read.

    ```mlir
    %argv = roast.sys_argv : !roast.list<!roast.str>
    ```
  }];
  let results = (outs Roast_ListType:$result);
  let assemblyFormat = "attr-dict `:` qualified(type($result))";
}

def Roast_HashOp : Roast_Op<"hash", [Pure]> {
  let summary = "hash(x)";
  let description = [{
    Python's `hash()` of a number, str, None or tuple of those: CPython
    3.12's value for numbers and tuples of numbers (strs hash differently:
    CPython randomizes them).

    ```mlir
    %h = roast.hash %t : tuple<i64, f64>
    ```
  }];
  let arguments = (ins AnyType:$value);
  let results = (outs Roast_Int:$result);
  let assemblyFormat = "$value attr-dict `:` type($value)";
}

def Roast_IsOp : Roast_Op<"is", [Pure, SameTypeOperands]> {
  let summary = "`a is b` on objects: identity";
  let description = [{
    Whether both operands are the same object (the same address), as
    Python's `is` on mutable containers.

    ```mlir
    %same = roast.is %a, %b : !roast.list<i64>
    ```
  }];
  let arguments = (ins AnyTypeOf<[Roast_StrType, Roast_ListType,
                                  Roast_DictType, Roast_SetType,
                                  Roast_ObjectType, Roast_ValueType]>:$lhs,
                       AnyTypeOf<[Roast_StrType, Roast_ListType,
                                  Roast_DictType, Roast_SetType,
                                  Roast_ObjectType, Roast_ValueType]>:$rhs);
  let results = (outs Roast_Bool:$result);
  let assemblyFormat = "$lhs `,` $rhs attr-dict `:` qualified(type($lhs))";
}

def Roast_CastOp : Roast_Op<"cast", [Roast_MayRaise]> {
  let summary = "Python's int(), float(), bool() and str() conversions";
  let description = [{
    - `i64 -> f64`, `i1 -> f64`, `i1 -> i64`: exact widening;
    - `f64 -> i64`: truncation toward zero; NaN raises `ValueError`, inf and
      out-of-range values raise `OverflowError`;
    - `i64 -> i1`, `f64 -> i1`, `!roast.str -> i1`: truthiness (non-zero,
      non-empty);
    - `!roast.str -> i64`, `!roast.str -> f64`: `int(s)`, `float(s)`, which
      raise `ValueError` on bad text;
    - `i64`, `f64`, `i1`, `!roast.none -> !roast.str`: `str(x)`, a new
      reference.

    ```mlir
    %f = roast.cast %i : i64 to f64
    %s = roast.cast %f : f64 to !roast.str
    ```
  }];
  let arguments = (ins Roast_Convertible:$input);
  let results = (outs Roast_Convertible:$result);
  let assemblyFormat = "$input attr-dict `:` type($input) `to` type($result)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Reference counting
//===----------------------------------------------------------------------===//

def Roast_RetainOp : Roast_Op<"retain"> {
  let summary = "take one more reference";
  let description = [{
    Increments the reference count of a heap object (of each reference in a
    tuple). Immortal objects (constants) and None are left alone. See
    docs/rationale/refcounting.md for the ownership rules CodeGen follows.

    ```mlir
    roast.retain %s : !roast.str
    ```
  }];
  let arguments = (ins Roast_RefCounted:$value);
  let assemblyFormat = "$value attr-dict `:` type($value)";
  let hasCanonicalizeMethod = 1;
}

def Roast_ReleaseOp : Roast_Op<"release"> {
  let summary = "drop one reference";
  let description = [{
    Decrements the reference count and frees the object when it reaches
    zero (releasing what it references). Immortal objects and None are left
    alone.

    ```mlir
    roast.release %s : !roast.str
    ```
  }];
  let arguments = (ins Roast_RefCounted:$value);
  let assemblyFormat = "$value attr-dict `:` type($value)";
  let hasCanonicalizeMethod = 1;
}

//===----------------------------------------------------------------------===//
// Strings. Results are new references; operands are borrowed.
//===----------------------------------------------------------------------===//

def Roast_StrConcatOp : Roast_Op<"str_concat"> {
  let summary = "str `+`";
  let description = [{
    ```mlir
    %r = roast.str_concat %a, %b
    ```
  }];
  let arguments = (ins Roast_StrType:$lhs, Roast_StrType:$rhs);
  let results = (outs Roast_StrType:$result);
  let assemblyFormat = "$lhs `,` $rhs attr-dict";
}

def Roast_StrAppendOp : Roast_Op<"str_append"> {
  let summary = "str `+` that consumes its left operand";
  let description = [{
    `%lhs + %rhs`, taking over the reference to `%lhs` (one of the few ops
    that consume an operand, with `roast.store` and `roast.return`). When
    that reference is the only one, the runtime appends to `%lhs` in
    place instead of copying it, as CPython does for `s += t`: building a
    str piece by piece then takes linear rather than quadratic time.
    CodeGen uses it for `s += t` on a local, whose slot gives up its
    reference to the op and takes the result, and for `+` chains and
    f-strings, whose intermediate results are owned temporaries.

    ```mlir
    %r = roast.str_append %s, %t
    ```
  }];
  let arguments = (ins Roast_StrType:$lhs, Roast_StrType:$rhs);
  let results = (outs Roast_StrType:$result);
  let assemblyFormat = "$lhs `,` $rhs attr-dict";
}

def Roast_StrRepeatOp : Roast_Op<"str_repeat", [Roast_MayRaise]> {
  let summary = "str `*` int";
  let description = [{
    A count of zero or less gives `""`.

    ```mlir
    %r = roast.str_repeat %s, %n
    ```
  }];
  let arguments = (ins Roast_StrType:$value, Roast_Int:$count);
  let results = (outs Roast_StrType:$result);
  let assemblyFormat = "$value `,` $count attr-dict";
}

def Roast_LenOp : Roast_Op<"len"> {
  let summary = "len() of a str (in code points), list, dict or set";
  let description = [{
    ```mlir
    %n = roast.len %s : !roast.str
    %m = roast.len %l : !roast.list<i64>
    ```
  }];
  let arguments = (ins AnyTypeOf<[Roast_StrType, Roast_ListType,
                                  Roast_DictType, Roast_SetType]>:$value);
  let results = (outs Roast_Int:$result);
  let assemblyFormat = "$value attr-dict `:` type($value)";
}

def Roast_StrGetItemOp : Roast_Op<"str_getitem", [Roast_MayRaise]> {
  let summary = "`s[i]`";
  let description = [{
    The code point at index `i` (negative counts from the end) as a str;
    `IndexError` when out of range.

    ```mlir
    %c = roast.str_getitem %s[%i]
    ```
  }];
  let arguments = (ins Roast_StrType:$value, Roast_Int:$index);
  let results = (outs Roast_StrType:$result);
  let assemblyFormat = "$value `[` $index `]` attr-dict";
}

def Roast_StrSliceOp : Roast_Op<"str_slice", [Roast_MayRaise, AttrSizedOperandSegments]> {
  let summary = "`s[start:stop:step]`";
  let description = [{
    Python's slicing; a missing bound is None. A zero step raises
    `ValueError`.

    ```mlir
    %r = roast.str_slice %s[%a : %b : %c]
    %t = roast.str_slice %s[ : : %c]
    ```
  }];
  let arguments = (ins Roast_StrType:$value, Optional<Roast_Int>:$start,
                       Optional<Roast_Int>:$stop, Optional<Roast_Int>:$step);
  let results = (outs Roast_StrType:$result);
  let assemblyFormat = [{
    $value `[` ($start^)? `:` ($stop^)? `:` ($step^)? `]` attr-dict
  }];
}

def Roast_StrContainsOp : Roast_Op<"str_contains", [Pure]> {
  let summary = "`needle in haystack` on strs";
  let description = [{
    ```mlir
    %b = roast.str_contains %needle, %haystack
    ```
  }];
  let arguments = (ins Roast_StrType:$needle, Roast_StrType:$haystack);
  let results = (outs Roast_Bool:$result);
  let assemblyFormat = "$needle `,` $haystack attr-dict";
}

def Roast_ReprOp : Roast_Op<"repr", [Roast_MayRaise]> {
  let summary = "repr()";
  let description = [{
    `repr(x)` as CPython writes it: for numbers, bools and None the same as
    `str(x)`; a str is quoted and escaped.

    ```mlir
    %r = roast.repr %s : !roast.str
    ```
  }];
  let arguments = (ins Roast_Convertible:$value);
  let results = (outs Roast_StrType:$result);
  let assemblyFormat = "$value attr-dict `:` type($value)";
}

def Roast_FormatOp : Roast_Op<"format", [Roast_MayRaise]> {
  let summary = "format(value, spec): an f-string field with a format spec";
  let description = [{
    Python's format-spec mini-language for ints, floats, bools and strs
    (`f"{x:>10.3f}"`); a bad spec raises `ValueError` with CPython's message.

    ```mlir
    %s = roast.format %x, %spec : f64
    ```
  }];
  let arguments = (ins AnyTypeOf<[Roast_Int, Roast_Float, Roast_Bool,
                                  Roast_StrType, Roast_ValueType]>:$value,
                       Roast_StrType:$spec);
  let results = (outs Roast_StrType:$result);
  let assemblyFormat = "$value `,` $spec attr-dict `:` type($value)";
}

def Roast_OrdOp : Roast_Op<"ord", [Roast_MayRaise]> {
  let summary = "ord()";
  let description = [{
    The code point of a one-character str; `TypeError` otherwise.

    ```mlir
    %n = roast.ord %s
    ```
  }];
  let arguments = (ins Roast_StrType:$value);
  let results = (outs Roast_Int:$result);
  let assemblyFormat = "$value attr-dict";
}

def Roast_ChrOp : Roast_Op<"chr", [Roast_MayRaise]> {
  let summary = "chr()";
  let description = [{
    The one-character str of a code point; `ValueError` outside
    `range(0x110000)`.

    ```mlir
    %s = roast.chr %n
    ```
  }];
  let arguments = (ins Roast_Int:$value);
  let results = (outs Roast_StrType:$result);
  let assemblyFormat = "$value attr-dict";
}

def Roast_StrMethod : I32EnumAttr<"StrMethod", "a method of str", [
    I32EnumAttrCase<"upper", 0>, I32EnumAttrCase<"lower", 1>,
    I32EnumAttrCase<"strip", 2>, I32EnumAttrCase<"lstrip", 3>,
    I32EnumAttrCase<"rstrip", 4>, I32EnumAttrCase<"startswith", 5>,
    I32EnumAttrCase<"endswith", 6>, I32EnumAttrCase<"find", 7>,
    I32EnumAttrCase<"count", 8>, I32EnumAttrCase<"replace", 9>,
    I32EnumAttrCase<"isdigit", 10>, I32EnumAttrCase<"isalpha", 11>,
    I32EnumAttrCase<"split", 12>, I32EnumAttrCase<"join", 13>]> {
  let cppNamespace = "::roast";
}

def Roast_StrMethodOp : Roast_Op<"str_method", [Roast_MayRaise]> {
  let summary = "call a method of str";
  let description = [{
    `s.method(args...)` for the str methods Roast knows; the receiver is the
    first operand. The verifier checks each method's arity and types.

    ```mlir
    %u = roast.str_method upper(%s) : (!roast.str) -> !roast.str
    %n = roast.str_method find(%s, %sub) : (!roast.str, !roast.str) -> i64
    ```
  }];
  let arguments = (ins Roast_StrMethod:$method, Variadic<AnyType>:$operands);
  let results = (outs AnyType:$result);
  let assemblyFormat = [{
    $method `(` $operands `)` attr-dict `:` functional-type($operands, $result)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Lists. Results are new references except list_get, whose result is
// borrowed from the list; operands are borrowed.
//===----------------------------------------------------------------------===//

def Roast_ListNewOp : Roast_Op<"list_new"> {
  let summary = "a list display `[a, b, ...]`";
  let description = [{
    A new list holding the operands (each retained by the list).

    ```mlir
    %l = roast.list_new %a, %b : (i64, i64) -> !roast.list<i64>
    ```
  }];
  let arguments = (ins Variadic<AnyType>:$elements);
  let results = (outs Roast_ListType:$result);
  let assemblyFormat = "$elements attr-dict `:` functional-type($elements, $result)";
  let hasVerifier = 1;
}

def Roast_ListGetOp : Roast_Op<"list_get", [Roast_MayRaise, 
    TypesMatchWith<"result is the element type", "list", "result", "::llvm::cast<ListType>($_self).getElementType()">]> {
  let summary = "`l[i]`";
  let description = [{
    The element at index `i` (negative counts from the end), borrowed from
    the list; `IndexError` when out of range.

    `unchecked` says that `0 <= i < len(l)` is known to hold (the op then
    cannot raise, and its lowering skips the range check and the
    adjustment of negative indices). `roast-loop-versioning` sets it, in
    the copy of a loop that a test before the loop has proved in range.

    ```mlir
    %x = roast.list_get %l[%i] : !roast.list<i64>
    %y = roast.list_get %l[%i] unchecked : !roast.list<i64>
    ```
  }];
  let arguments = (ins Roast_ListType:$list, Roast_Int:$index,
                       UnitAttr:$unchecked);
  let results = (outs AnyType:$result);
  let assemblyFormat = [{
    $list `[` $index `]` (`unchecked` $unchecked^)? attr-dict `:` qualified(type($list))
  }];
}

def Roast_ListSetOp : Roast_Op<"list_set", [Roast_MayRaise, 
    TypesMatchWith<"value is the element type", "list", "value", "::llvm::cast<ListType>($_self).getElementType()">]> {
  let summary = "`l[i] = v`";
  let description = [{
    Stores `v` at index `i` (negative counts from the end); `IndexError`
    when out of range. `unchecked` is as for `roast.list_get`: the index is
    known to be in range.

    ```mlir
    roast.list_set %l[%i], %v : !roast.list<i64>
    roast.list_set %l[%i] unchecked, %v : !roast.list<i64>
    ```
  }];
  let arguments = (ins Roast_ListType:$list, Roast_Int:$index, AnyType:$value,
                       UnitAttr:$unchecked);
  let assemblyFormat = [{
    $list `[` $index `]` (`unchecked` $unchecked^)? `,` $value attr-dict `:` qualified(type($list))
  }];
}

def Roast_ListAppendOp : Roast_Op<"list_append", [
    TypesMatchWith<"value is the element type", "list", "value", "::llvm::cast<ListType>($_self).getElementType()">]> {
  let summary = "`l.append(v)`";
  let description = [{
    ```mlir
    roast.list_append %l, %v : !roast.list<i64>
    ```
  }];
  let arguments = (ins Roast_ListType:$list, AnyType:$value);
  let assemblyFormat = "$list `,` $value attr-dict `:` qualified(type($list))";
}

def Roast_ListPopOp : Roast_Op<"list_pop", [Roast_MayRaise, 
    TypesMatchWith<"result is the element type", "list", "result", "::llvm::cast<ListType>($_self).getElementType()">]> {
  let summary = "`l.pop()` / `l.pop(i)`";
  let description = [{
    Removes and returns an element (a new reference for reference types);
    `IndexError` on an empty list or a bad index.

    ```mlir
    %x = roast.list_pop %l : !roast.list<i64>
    %y = roast.list_pop %l[%i] : !roast.list<i64>
    ```
  }];
  let arguments = (ins Roast_ListType:$list, Optional<Roast_Int>:$index);
  let results = (outs AnyType:$result);
  let assemblyFormat = "$list (`[` $index^ `]`)? attr-dict `:` qualified(type($list))";
}

def Roast_ListContainsOp : Roast_Op<"list_contains", [Roast_MayRaise, 
    TypesMatchWith<"value is the element type", "list", "value", "::llvm::cast<ListType>($_self).getElementType()">]> {
  let summary = "`x in l`";
  let description = [{
    ```mlir
    %b = roast.list_contains %x, %l : !roast.list<i64>
    ```
  }];
  let arguments = (ins AnyType:$value, Roast_ListType:$list);
  let results = (outs Roast_Bool:$result);
  let assemblyFormat = "$value `,` $list attr-dict `:` qualified(type($list))";
}

def Roast_ListConcatOp : Roast_Op<"list_concat", [SameOperandsAndResultType]> {
  let summary = "list `+`";
  let description = [{
    ```mlir
    %r = roast.list_concat %a, %b : !roast.list<i64>
    ```
  }];
  let arguments = (ins Roast_ListType:$lhs, Roast_ListType:$rhs);
  let results = (outs Roast_ListType:$result);
  let assemblyFormat = "$lhs `,` $rhs attr-dict `:` qualified(type($result))";
}

def Roast_ListRepeatOp : Roast_Op<"list_repeat", [Roast_MayRaise, AllTypesMatch<["list", "result"]>]> {
  let summary = "list `*` int";
  let description = [{
    ```mlir
    %r = roast.list_repeat %l, %n : !roast.list<i64>
    ```
  }];
  let arguments = (ins Roast_ListType:$list, Roast_Int:$count);
  let results = (outs Roast_ListType:$result);
  let assemblyFormat = "$list `,` $count attr-dict `:` qualified(type($result))";
}

def Roast_ListSliceOp : Roast_Op<"list_slice", [Roast_MayRaise, 
    AttrSizedOperandSegments, AllTypesMatch<["list", "result"]>]> {
  let summary = "`l[start:stop:step]`";
  let description = [{
    ```mlir
    %r = roast.list_slice %l[%a : : ] : !roast.list<i64>
    ```
  }];
  let arguments = (ins Roast_ListType:$list, Optional<Roast_Int>:$start,
                       Optional<Roast_Int>:$stop, Optional<Roast_Int>:$step);
  let results = (outs Roast_ListType:$result);
  let assemblyFormat = [{
    $list `[` ($start^)? `:` ($stop^)? `:` ($step^)? `]` attr-dict `:` qualified(type($result))
  }];
}

def Roast_ListMethod : I32EnumAttr<"ListMethod", "a method of list", [
    I32EnumAttrCase<"insert", 0>, I32EnumAttrCase<"extend", 1>,
    I32EnumAttrCase<"remove", 2>, I32EnumAttrCase<"index", 3>,
    I32EnumAttrCase<"count", 4>, I32EnumAttrCase<"reverse", 5>,
    I32EnumAttrCase<"copy", 6>, I32EnumAttrCase<"clear", 7>,
    I32EnumAttrCase<"sort", 8>, I32EnumAttrCase<"del", 9>,
    I32EnumAttrCase<"reorder", 10>, I32EnumAttrCase<"argsort", 11>,
    I32EnumAttrCase<"permute", 12>, I32EnumAttrCase<"reserve", 13>,
    I32EnumAttrCase<"permuted", 14>]> {
  let cppNamespace = "::roast";
}

def Roast_ListMethodOp : Roast_Op<"list_method", [Roast_MayRaise]> {
  let summary = "call a method of list";
  let description = [{
    The list methods other than append and pop; the receiver is the first
    operand. `sort` takes an `i1` reverse flag; `del` is `del l[i]`.
    `reorder(l, pairs, reverse)` is the last step of `sort(key=)`: element
    i becomes the one at index `pairs[i][1]` (negated when reverse) of the
    sorted (key, index) pairs; elements only move. With int keys,
    `sort(key=)` boxes no pairs: `argsort(keys, reverse)` returns the
    indices of a `list<i64>` of keys in stable sorted order (descending
    keys when reverse, equal keys still in their original order, as
    Python's reverse sort), and `permute(l, indices)` makes element i the
    one at index `indices[i]`; `permuted(l, indices)` leaves `l` alone and
    returns a new list of them (`sorted(key=)`). `reserve(l, n)` makes room for `n` more
    elements when a loop is about to append them (a hint: nothing a program
    can see changes).

    ```mlir
    roast.list_method reverse(%l) : (!roast.list<i64>) -> ()
    %i = roast.list_method index(%l, %x) : (!roast.list<i64>, i64) -> i64
    %o = roast.list_method argsort(%keys, %rev) : (!roast.list<i64>, i1) -> !roast.list<i64>
    ```
  }];
  let arguments = (ins Roast_ListMethod:$method, Variadic<AnyType>:$operands);
  let results = (outs Variadic<AnyType>:$results);
  let assemblyFormat = [{
    $method `(` $operands `)` attr-dict `:` functional-type($operands, $results)
  }];
}

def Roast_ListReduction : I32EnumAttr<"ListReduction", "a built-in that folds a list", [
    I32EnumAttrCase<"sum", 0>, I32EnumAttrCase<"min", 1>,
    I32EnumAttrCase<"max", 2>, I32EnumAttrCase<"any", 3>,
    I32EnumAttrCase<"all", 4>]> {
  let cppNamespace = "::roast";
}

def Roast_ListReduceOp : Roast_Op<"list_reduce", [Roast_MayRaise]> {
  let summary = "sum(), min(), max(), any() or all() of a list";
  let description = [{
    `sum` gives an int for lists of ints or bools and a float (CPython's
    compensated summation) for floats; `min`/`max` give the first extreme
    element, borrowed from the list, and raise `ValueError` on an empty
    list; `any`/`all` test the elements' truth.

    ```mlir
    %s = roast.list_reduce sum(%l) : !roast.list<f64> -> f64
    ```
  }];
  let arguments = (ins Roast_ListReduction:$reduction, Roast_ListType:$list);
  let results = (outs AnyType:$result);
  let assemblyFormat = [{
    $reduction `(` $list `)` attr-dict `:` qualified(type($list)) `->` type($result)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Dicts. As for lists, results are new references except dict_get and
// dict_get_or, whose results are borrowed from the dict (or the default).
//===----------------------------------------------------------------------===//

def Roast_DictNewOp : Roast_Op<"dict_new"> {
  let summary = "an empty dict";
  let description = [{
    Displays `{k: v, ...}` are a `dict_new` followed by one `dict_set` per
    entry, in source order.

    ```mlir
    %d = roast.dict_new : !roast.dict<!roast.str, i64>
    ```
  }];
  let results = (outs Roast_DictType:$result);
  let assemblyFormat = "attr-dict `:` qualified(type($result))";
}

def Roast_DictGetOp : Roast_Op<"dict_get", [Roast_MayRaise, 
    TypesMatchWith<"key is the key type", "dict", "key", "::llvm::cast<DictType>($_self).getKeyType()">,
    TypesMatchWith<"result is the value type", "dict", "result", "::llvm::cast<DictType>($_self).getValueType()">]> {
  let summary = "`d[k]`";
  let description = [{
    The value of key `k`, borrowed from the dict; `KeyError` when missing.

    ```mlir
    %v = roast.dict_get %d[%k] : !roast.dict<!roast.str, i64>
    ```
  }];
  let arguments = (ins Roast_DictType:$dict, AnyType:$key);
  let results = (outs AnyType:$result);
  let assemblyFormat = "$dict `[` $key `]` attr-dict `:` qualified(type($dict))";
}

def Roast_DictGetOrOp : Roast_Op<"dict_get_or", [
    TypesMatchWith<"key is the key type", "dict", "key", "::llvm::cast<DictType>($_self).getKeyType()">,
    TypesMatchWith<"default is the value type", "dict", "default_value", "::llvm::cast<DictType>($_self).getValueType()">,
    TypesMatchWith<"result is the value type", "dict", "result", "::llvm::cast<DictType>($_self).getValueType()">]> {
  let summary = "`d.get(k, default)`";
  let description = [{
    The value of key `k`, or `default` when missing; borrowed either way.

    ```mlir
    %v = roast.dict_get_or %d[%k], %zero : !roast.dict<!roast.str, i64>
    ```
  }];
  let arguments = (ins Roast_DictType:$dict, AnyType:$key,
                       AnyType:$default_value);
  let results = (outs AnyType:$result);
  let assemblyFormat = [{
    $dict `[` $key `]` `,` $default_value attr-dict `:` qualified(type($dict))
  }];
}

def Roast_DictLookupOp : Roast_Op<"dict_lookup", [
    TypesMatchWith<"key is the key type", "dict", "key", "::llvm::cast<DictType>($_self).getKeyType()">,
    TypesMatchWith<"result is the optional value type", "dict", "result", "OptionalType::get(::llvm::cast<DictType>($_self).getValueType())">]> {
  let summary = "`d.get(k)`";
  let description = [{
    The value of key `k` as a `V | None`, None when missing; borrowed.

    ```mlir
    %v = roast.dict_lookup %d[%k] : !roast.dict<!roast.str, i64>
    ```
  }];
  let arguments = (ins Roast_DictType:$dict, AnyType:$key);
  let results = (outs Roast_OptionalType:$result);
  let assemblyFormat = "$dict `[` $key `]` attr-dict `:` qualified(type($dict))";
}

def Roast_DictSetOp : Roast_Op<"dict_set", [
    TypesMatchWith<"key is the key type", "dict", "key", "::llvm::cast<DictType>($_self).getKeyType()">,
    TypesMatchWith<"value is the value type", "dict", "value", "::llvm::cast<DictType>($_self).getValueType()">]> {
  let summary = "`d[k] = v`";
  let description = [{
    The dict retains the key (when new) and the value.

    ```mlir
    roast.dict_set %d[%k], %v : !roast.dict<!roast.str, i64>
    ```
  }];
  let arguments = (ins Roast_DictType:$dict, AnyType:$key, AnyType:$value);
  let assemblyFormat = "$dict `[` $key `]` `,` $value attr-dict `:` qualified(type($dict))";
}

def Roast_DictContainsOp : Roast_Op<"dict_contains", [
    TypesMatchWith<"key is the key type", "dict", "key", "::llvm::cast<DictType>($_self).getKeyType()">]> {
  let summary = "`k in d`";
  let description = [{
    ```mlir
    %b = roast.dict_contains %k, %d : !roast.dict<!roast.str, i64>
    ```
  }];
  let arguments = (ins AnyType:$key, Roast_DictType:$dict);
  let results = (outs Roast_Bool:$result);
  let assemblyFormat = "$key `,` $dict attr-dict `:` qualified(type($dict))";
}

def Roast_DictMethod : I32EnumAttr<"DictMethod", "a method of dict", [
    I32EnumAttrCase<"pop", 0>, I32EnumAttrCase<"pop_default", 1>,
    I32EnumAttrCase<"setdefault", 2>, I32EnumAttrCase<"update", 3>,
    I32EnumAttrCase<"clear", 4>, I32EnumAttrCase<"copy", 5>,
    I32EnumAttrCase<"keys", 6>, I32EnumAttrCase<"values", 7>,
    I32EnumAttrCase<"items", 8>, I32EnumAttrCase<"del", 9>]> {
  let cppNamespace = "::roast";
}

def Roast_DictMethodOp : Roast_Op<"dict_method", [Roast_MayRaise]> {
  let summary = "call a method of dict";
  let description = [{
    The dict methods other than `get`, plus `del d[k]` (`del`); the receiver
    is the first operand. `keys`, `values` and `items` return list
    snapshots in insertion order (`items` a list of 2-tuples). `pop` and
    `pop_default` return a new reference, `setdefault` the value now in the
    dict, borrowed.

    ```mlir
    %v = roast.dict_method pop(%d, %k) : (!roast.dict<!roast.str, i64>, !roast.str) -> i64
    %ks = roast.dict_method keys(%d) : (!roast.dict<!roast.str, i64>) -> !roast.list<!roast.str>
    ```
  }];
  let arguments = (ins Roast_DictMethod:$method, Variadic<AnyType>:$operands);
  let results = (outs Variadic<AnyType>:$results);
  let assemblyFormat = [{
    $method `(` $operands `)` attr-dict `:` functional-type($operands, $results)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Sets
//===----------------------------------------------------------------------===//

def Roast_SetNewOp : Roast_Op<"set_new"> {
  let summary = "an empty set, or set(list)";
  let description = [{
    With an operand, the set of the list's elements. Displays `{a, b}` are
    a `set_new` followed by `set_method add` per element.

    ```mlir
    %s = roast.set_new : !roast.set<i64>
    %t = roast.set_new %l : !roast.list<i64> -> !roast.set<i64>
    ```
  }];
  let arguments = (ins Optional<Roast_ListType>:$list);
  let results = (outs Roast_SetType:$result);
  let assemblyFormat = [{
    ($list^ `:` qualified(type($list)) `->`)? attr-dict `:` qualified(type($result))
  }];
  let hasVerifier = 1;
}

def Roast_SetContainsOp : Roast_Op<"set_contains", [
    TypesMatchWith<"value is the element type", "set", "value", "::llvm::cast<SetType>($_self).getElementType()">]> {
  let summary = "`x in s`";
  let description = [{
    ```mlir
    %b = roast.set_contains %x, %s : !roast.set<i64>
    ```
  }];
  let arguments = (ins AnyType:$value, Roast_SetType:$set);
  let results = (outs Roast_Bool:$result);
  let assemblyFormat = "$value `,` $set attr-dict `:` qualified(type($set))";
}

def Roast_SetMethod : I32EnumAttr<"SetMethod", "a method or operator of set", [
    I32EnumAttrCase<"add", 0>, I32EnumAttrCase<"remove", 1>,
    I32EnumAttrCase<"discard", 2>, I32EnumAttrCase<"pop", 3>,
    I32EnumAttrCase<"clear", 4>, I32EnumAttrCase<"copy", 5>,
    I32EnumAttrCase<"union_", 6, "union">, I32EnumAttrCase<"intersection", 7>,
    I32EnumAttrCase<"difference", 8>, I32EnumAttrCase<"symmetric_difference", 9>,
    I32EnumAttrCase<"update", 10>, I32EnumAttrCase<"intersection_update", 11>,
    I32EnumAttrCase<"difference_update", 12>, I32EnumAttrCase<"issubset", 13>,
    I32EnumAttrCase<"issuperset", 14>, I32EnumAttrCase<"to_list", 15>]> {
  let cppNamespace = "::roast";
}

def Roast_SetMethodOp : Roast_Op<"set_method", [Roast_MayRaise]> {
  let summary = "call a method of set, or a set operator";
  let description = [{
    The receiver is the first operand. `union`, `intersection`,
    `difference` and `symmetric_difference` are also `| & - ^` and return
    new sets; the `*_update` forms are `|= &= -=`; `to_list` is `list(s)`.

    ```mlir
    roast.set_method add(%s, %x) : (!roast.set<i64>, i64) -> ()
    %u = roast.set_method union(%a, %b) : (!roast.set<i64>, !roast.set<i64>) -> !roast.set<i64>
    ```
  }];
  let arguments = (ins Roast_SetMethod:$method, Variadic<AnyType>:$operands);
  let results = (outs Variadic<AnyType>:$results);
  let assemblyFormat = [{
    $method `(` $operands `)` attr-dict `:` functional-type($operands, $results)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Tuples
//===----------------------------------------------------------------------===//

def Roast_MakeTupleOp : Roast_Op<"make_tuple", [Pure]> {
  let summary = "build a tuple value";
  let description = [{
    Tuples are immutable values passed by value (structs after lowering),
    typed with the builtin `tuple` type.

    ```mlir
    %t = roast.make_tuple %q, %r : (i64, i64) -> tuple<i64, i64>
    ```
  }];
  let arguments = (ins Variadic<AnyType>:$elements);
  let results = (outs AnyTuple:$result);
  let assemblyFormat = "$elements attr-dict `:` functional-type($elements, $result)";
  let hasVerifier = 1;
}

def Roast_TupleGetOp : Roast_Op<"tuple_get", [Pure]> {
  let summary = "read one element of a tuple";
  let description = [{
    ```mlir
    %q = roast.tuple_get %t[0] : tuple<i64, i64> -> i64
    ```
  }];
  let arguments = (ins AnyTuple:$tuple, I64Attr:$index);
  let results = (outs AnyType:$result);
  let assemblyFormat = [{
    $tuple `[` $index `]` attr-dict `:` type($tuple) `->` type($result)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Local variables and globals
//===----------------------------------------------------------------------===//

def Roast_AllocaOp : Roast_Op<"alloca", [
    DeclareOpInterfaceMethods<PromotableAllocationOpInterface>]> {
  let summary = "the slot of a local variable";
  let description = [{
    CodeGen gives every local variable a slot; `mem2reg` turns slots into SSA
    values, so the IR after it has no `roast.alloca` left for scalars.

    ```mlir
    %x = roast.alloca "x" : !roast.ref<i64>
    ```
  }];
  let arguments = (ins StrAttr:$name);
  let results = (outs Res<Roast_RefType, "", [MemAlloc<AutomaticAllocationScopeResource>]>:$ref);
  let assemblyFormat = "$name attr-dict `:` qualified(type($ref))";
}

def Roast_LoadOp : Roast_Op<"load", [
    TypesMatchWith<"result type matches the slot", "ref", "result",
                   "::llvm::cast<RefType>($_self).getElementType()">,
    DeclareOpInterfaceMethods<PromotableMemOpInterface>]> {
  let summary = "read a local variable";
  let description = [{
    ```mlir
    %v = roast.load %x : !roast.ref<i64>
    ```
  }];
  let arguments = (ins Arg<Roast_RefType, "", [MemRead]>:$ref);
  let results = (outs AnyType:$result);
  let assemblyFormat = "$ref attr-dict `:` qualified(type($ref))";
}

def Roast_StoreOp : Roast_Op<"store", [
    TypesMatchWith<"stored type matches the slot", "ref", "value",
                   "::llvm::cast<RefType>($_self).getElementType()">,
    DeclareOpInterfaceMethods<PromotableMemOpInterface>]> {
  let summary = "assign a local variable";
  let description = [{
    ```mlir
    roast.store %v, %x : !roast.ref<i64>
    ```
  }];
  let arguments = (ins AnyType:$value, Arg<Roast_RefType, "", [MemWrite]>:$ref);
  let assemblyFormat = "$value `,` $ref attr-dict `:` qualified(type($ref))";
}

def Roast_GlobalOp : Roast_Op<"global", [Symbol]> {
  let summary = "a module-level variable";
  let description = [{
    A module-level Roast variable, zero-initialised; module-level code in
    `roast_module_init` assigns it.

    ```mlir
    roast.global @counter : i64
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name, TypeAttr:$type);
  let assemblyFormat = "$sym_name attr-dict `:` $type";
}

def Roast_GlobalLoadOp : Roast_Op<"global_load", [
    DeclareOpInterfaceMethods<SymbolUserOpInterface>]> {
  let summary = "read a module-level variable";
  let description = [{
    ```mlir
    %v = roast.global_load @counter : i64
    ```
  }];
  let arguments = (ins FlatSymbolRefAttr:$global);
  let results = (outs AnyType:$result);
  let assemblyFormat = "$global attr-dict `:` type($result)";
}

def Roast_GlobalStoreOp : Roast_Op<"global_store", [
    DeclareOpInterfaceMethods<SymbolUserOpInterface>]> {
  let summary = "assign a module-level variable";
  let description = [{
    ```mlir
    roast.global_store %v, @counter : i64
    ```
  }];
  let arguments = (ins AnyType:$value, FlatSymbolRefAttr:$global);
  let assemblyFormat = "$value `,` $global attr-dict `:` type($value)";
}

//===----------------------------------------------------------------------===//
// Built-ins and run-time checks
//===----------------------------------------------------------------------===//

def Roast_PrintOp : Roast_Op<"print", [Roast_MayRaise, AttrSizedOperandSegments]> {
  let summary = "Python's print()";
  let description = [{
    Writes the values' `str()` separated by `sep` (default `" "`) and
    followed by `end` (default `"\n"`) to the buffered standard output, or
    to `file` when there is one (`print(..., file=sys.stderr)`).

    ```mlir
    roast.print %a, %b : i64, f64
    roast.print %s sep %comma end %empty : !roast.str
    roast.print %s file %err : !roast.str
    ```
  }];
  let arguments = (ins Variadic<Roast_Printable>:$values,
                       Optional<Roast_StrType>:$sep,
                       Optional<Roast_StrType>:$end,
                       Optional<Roast_FileType>:$file);
  let assemblyFormat = [{
    ($values^)? (`sep` $sep^)? (`end` $end^)? (`file` $file^)? attr-dict
    (`:` type($values)^)?
  }];
}

def Roast_InputOp : Roast_Op<"input", [Roast_MayRaise]> {
  let summary = "Python's input()";
  let description = [{
    Writes the prompt, if there is one, to standard output without a
    newline, flushes standard output, and reads one line of standard input
    without its `"\n"`: a new str. At the end of the input it raises
    `EOFError: EOF when reading a line`.

    ```mlir
    %line = roast.input()
    %name = roast.input(%prompt)
    ```
  }];
  let arguments = (ins Optional<Roast_StrType>:$prompt);
  let results = (outs Roast_StrType:$result);
  // Parenthesized: a bare optional operand would take the next line's result.
  let assemblyFormat = "`(` ($prompt^)? `)` attr-dict";
}

// The values are the runtime's RoastErrorKind (include/Roast/Runtime/Runtime.h).
def Roast_ExceptionKind : I32EnumAttr<"ExceptionKind", "built-in exception class", [
    I32EnumAttrCase<"ZeroDivisionError", 1>, I32EnumAttrCase<"OverflowError", 2>,
    I32EnumAttrCase<"ValueError", 3>, I32EnumAttrCase<"RecursionError", 4>,
    I32EnumAttrCase<"TypeError", 5>, I32EnumAttrCase<"IndexError", 6>,
    I32EnumAttrCase<"KeyError", 7>, I32EnumAttrCase<"RuntimeError", 8>,
    I32EnumAttrCase<"AssertionError", 9>]> {
  let cppNamespace = "::roast";
}

def Roast_RaiseOp : Roast_Op<"raise", [Terminator]> {
  let summary = "raise a built-in exception";
  let description = [{
    Raises a built-in exception with a constant message, or with the str
    operand when there is one (`assert x, f"..."`), whose reference the
    raise takes. Inside a try body the
    `unwind` successor is the handler; without one the exception leaves
    the function.

    ```mlir
    roast.raise ValueError, "range() arg 3 must not be zero"
    roast.raise AssertionError, "" %msg unwind ^handler
    ```
  }];
  let arguments = (ins Roast_ExceptionKind:$kind, StrAttr:$message,
                       Optional<Roast_StrType>:$text);
  let successors = (successor VariadicSuccessor<AnySuccessor>:$handler);
  let assemblyFormat =
      "$kind `,` $message ($text^)? custom<Unwind>($handler) attr-dict";
  let hasVerifier = 1;
  let builders = [
    OpBuilder<(ins "ExceptionKind":$kind, "::llvm::StringRef":$message), [{
      build($_builder, $_state, kind, message, ::mlir::Value(),
            ::mlir::BlockRange());
    }]>];
  let hasCanonicalizeMethod = 1;
}

def Roast_StackGuardOp : Roast_Op<"stack_guard", [Roast_MayRaise]> {
  let summary = "raise RecursionError when the stack is nearly exhausted";
  let description = [{
    Placed by CodeGen at the entry of every function that can recurse. It
    compares the stack pointer with the runtime's limit, so unbounded
    recursion raises `RecursionError` instead of overflowing the stack.

    ```mlir
    roast.stack_guard
    ```
  }];
  let assemblyFormat = "attr-dict";
}

include "Roast/Dialect/Roast/IR/RoastClassOps.td"
include "Roast/Dialect/Roast/IR/RoastExceptionOps.td"
include "Roast/Dialect/Roast/IR/RoastFileOps.td"
include "Roast/Dialect/Roast/IR/RoastFunctionOps.td"
include "Roast/Dialect/Roast/IR/RoastDynamicOps.td"

#endif // ROAST_DIALECT_ROAST_IR_ROASTOPS_TD
