//===- RoastDynamicOps.td - Dynamic values -----------------*- tablegen -*-===//
//
// The dynamic world of gradual typing (docs/rationale/dynamic-values.md):
// `roast.box`/`roast.unbox` join typed values and `!roast.value`, and the
// `roast.dyn.*` ops apply Python's semantics to dynamic operands through
// the runtime. roast-specialize-types turns them back into typed ops where
// the types can be worked out; roast-inline-cache speeds up the attribute
// and method ops that stay dynamic.
//
//===----------------------------------------------------------------------===//

#ifndef ROAST_DIALECT_ROAST_IR_ROASTDYNAMICOPS_TD
#define ROAST_DIALECT_ROAST_IR_ROASTDYNAMICOPS_TD

def Roast_BoxOp : Roast_Op<"box"> {
  let summary = "a typed value as a dynamic value";
  let description = [{
    Boxes `value`: numbers, bools and None into the NaN space (an int beyond
    48 bits into a heap box), objects by reference (retained: the result is
    a new reference, the operand stays borrowed), tuples into a heap tuple.
    A `borrowed` box of an object (or of an optional one) is not retained:
    like the operand it borrows, it must neither be consumed nor outlive it
    (a typed clone's parameter seen by the body as the dynamic value it
    was).

    ```mlir
    %v = roast.box %n : i64
    %w = roast.box borrowed %l : !roast.list<i64>
    ```
  }];
  let arguments = (ins Roast_Boxable:$value, UnitAttr:$borrowed);
  let results = (outs Roast_ValueType:$result);
  let assemblyFormat = "(`borrowed` $borrowed^)? $value attr-dict `:` type($value)";
  let hasVerifier = 1;
}

def Roast_UnboxOp : Roast_Op<"unbox", [Roast_MayRaise]> {
  let summary = "a dynamic value as a typed value, checked";
  let description = [{
    The value of `value` as the result type, or `TypeError: int object
    expected; got str` when it has another type (an int is accepted for a
    float, a bool for an int, None for an optional). Object results are new
    references. A dynamic list of another element kind is converted into a
    new list of the result's kind.

    ```mlir
    %n = roast.unbox %v : i64
    ```
  }];
  let arguments = (ins Roast_ValueType:$value);
  let results = (outs Roast_Boxable:$result);
  let assemblyFormat = "$value attr-dict `:` type($result)";
  let hasFolder = 1;
  let hasVerifier = 1;
}

def Roast_DynBinaryOperator : I32EnumAttr<"DynBinaryOperator",
    "a binary operator on dynamic values", [
    I32EnumAttrCase<"add", 0>, I32EnumAttrCase<"sub", 1>,
    I32EnumAttrCase<"mul", 2>, I32EnumAttrCase<"truediv", 3>,
    I32EnumAttrCase<"floordiv", 4>, I32EnumAttrCase<"mod", 5>,
    I32EnumAttrCase<"pow", 6>, I32EnumAttrCase<"lshift", 7>,
    I32EnumAttrCase<"rshift", 8>, I32EnumAttrCase<"bit_and", 9, "and">,
    I32EnumAttrCase<"bit_or", 10, "or">, I32EnumAttrCase<"bit_xor", 11, "xor">]> {
  let cppNamespace = "::roast";
}

def Roast_DynBinaryOp : Roast_Op<"dyn.binary", [Roast_MayRaise]> {
  let summary = "a binary operator with Python's semantics on any values";
  let description = [{
    `a + b` and the other binary operators on dynamic operands: numbers
    widen bool < int < float, strs, lists and tuples concatenate and repeat,
    instances run their operator methods (`__add__`, then `__radd__`).
    `inplace` is `a += b`: `__iadd__` first, lists extend in place.
    Mismatched operands raise CPython's `TypeError`.

    ```mlir
    %r = roast.dyn.binary add %a, %b
    ```
  }];
  let arguments = (ins Roast_DynBinaryOperator:$kind, Roast_ValueType:$lhs,
                       Roast_ValueType:$rhs, UnitAttr:$inplace);
  let results = (outs Roast_ValueType:$result);
  let assemblyFormat = "$kind $lhs `,` $rhs attr-dict";
}

def Roast_DynUnaryOperator : I32EnumAttr<"DynUnaryOperator",
    "a unary operator on a dynamic value", [
    I32EnumAttrCase<"neg", 0>, I32EnumAttrCase<"pos", 1>,
    I32EnumAttrCase<"invert", 2>]> {
  let cppNamespace = "::roast";
}

def Roast_DynUnaryOp : Roast_Op<"dyn.unary", [Roast_MayRaise]> {
  let summary = "-a, +a or ~a on a dynamic value";
  let description = [{
    ```mlir
    %r = roast.dyn.unary neg %a
    ```
  }];
  let arguments = (ins Roast_DynUnaryOperator:$kind, Roast_ValueType:$operand);
  let results = (outs Roast_ValueType:$result);
  let assemblyFormat = "$kind $operand attr-dict";
}

def Roast_DynCompareOp : Roast_Op<"dyn.compare", [Roast_MayRaise]> {
  let summary = "a comparison with Python's semantics on any values";
  let description = [{
    `==` and `!=` never raise (values of unrelated types are unequal);
    ordering unrelated types raises `TypeError: '<' not supported between
    instances of 'int' and 'str'`. The result is what the comparison gives,
    usually a bool (a user `__eq__` may return anything).

    ```mlir
    %r = roast.dyn.compare lt, %a, %b
    ```
  }];
  let arguments = (ins Roast_CmpPredicate:$predicate, Roast_ValueType:$lhs,
                       Roast_ValueType:$rhs);
  let results = (outs Roast_ValueType:$result);
  let assemblyFormat = "$predicate `,` $lhs `,` $rhs attr-dict";
}

def Roast_DynTruthOp : Roast_Op<"dyn.truth", [Roast_MayRaise]> {
  let summary = "bool(value) of a dynamic value";
  let description = [{
    Python's truth: zero numbers, None, empty containers are false;
    instances run `__bool__`, then `__len__`.

    ```mlir
    %b = roast.dyn.truth %v
    ```
  }];
  let arguments = (ins Roast_ValueType:$value);
  let results = (outs Roast_Bool:$result);
  let assemblyFormat = "$value attr-dict";
}

def Roast_DynContainsOp : Roast_Op<"dyn.contains", [Roast_MayRaise]> {
  let summary = "item in container, on dynamic values";
  let description = [{
    ```mlir
    %b = roast.dyn.contains %item in %container
    ```
  }];
  let arguments = (ins Roast_ValueType:$item, Roast_ValueType:$container);
  let results = (outs Roast_Bool:$result);
  let assemblyFormat = "$item `in` $container attr-dict";
}

def Roast_DynLenOp : Roast_Op<"dyn.len", [Roast_MayRaise]> {
  let summary = "len() of a dynamic value";
  let description = [{
    `TypeError: object of type 'int' has no len()` for values without one.

    ```mlir
    %n = roast.dyn.len %v
    ```
  }];
  let arguments = (ins Roast_ValueType:$value);
  let results = (outs Roast_Int:$result);
  let assemblyFormat = "$value attr-dict";
}

def Roast_DynGetItemOp : Roast_Op<"dyn.getitem", [Roast_MayRaise]> {
  let summary = "value[key] on dynamic values";
  let description = [{
    Indexing of strs, lists and tuples (negative indices count from the
    end), dict lookup, `__getitem__` of instances, with CPython's
    `IndexError`, `KeyError` and `TypeError`.

    ```mlir
    %item = roast.dyn.getitem %v[%key]
    ```
  }];
  let arguments = (ins Roast_ValueType:$value, Roast_ValueType:$key);
  let results = (outs Roast_ValueType:$result);
  let assemblyFormat = "$value `[` $key `]` attr-dict";
}

def Roast_DynSetItemOp : Roast_Op<"dyn.setitem", [Roast_MayRaise]> {
  let summary = "value[key] = item on dynamic values";
  let description = [{
    ```mlir
    roast.dyn.setitem %v[%key] = %item
    ```
  }];
  let arguments = (ins Roast_ValueType:$value, Roast_ValueType:$key,
                       Roast_ValueType:$item);
  let assemblyFormat = "$value `[` $key `]` `=` $item attr-dict";
}

def Roast_DynDelItemOp : Roast_Op<"dyn.delitem", [Roast_MayRaise]> {
  let summary = "del value[key] on dynamic values";
  let description = [{
    ```mlir
    roast.dyn.delitem %v[%key]
    ```
  }];
  let arguments = (ins Roast_ValueType:$value, Roast_ValueType:$key);
  let assemblyFormat = "$value `[` $key `]` attr-dict";
}

def Roast_DynGetSliceOp : Roast_Op<"dyn.getslice", [Roast_MayRaise]> {
  let summary = "value[start:stop:step] on dynamic values";
  let description = [{
    Each bound is None when the source leaves it out.

    ```mlir
    %s = roast.dyn.getslice %v[%start : %stop : %step]
    ```
  }];
  let arguments = (ins Roast_ValueType:$value, Roast_ValueType:$start,
                       Roast_ValueType:$stop, Roast_ValueType:$step);
  let results = (outs Roast_ValueType:$result);
  let assemblyFormat = [{
    $value `[` $start `:` $stop `:` $step `]` attr-dict
  }];
}

def Roast_DynIterOp : Roast_Op<"dyn.iter", [Roast_MayRaise]> {
  let summary = "iter() of a dynamic value";
  let description = [{
    An iterator object over a str, list, tuple, dict (its keys), set, file
    or an instance with `__iter__`; `TypeError: 'int' object is not
    iterable` otherwise.

    ```mlir
    %it = roast.dyn.iter %v
    ```
  }];
  let arguments = (ins Roast_ValueType:$value);
  let results = (outs Roast_ValueType:$iterator);
  let assemblyFormat = "$value attr-dict";
}

def Roast_DynNextOp : Roast_Op<"dyn.next", [Roast_MayRaise]> {
  let summary = "the next item of an iterator from roast.dyn.iter";
  let description = [{
    Whether there was an item, and the item (None at the end).

    ```mlir
    %more, %item = roast.dyn.next %it
    ```
  }];
  let arguments = (ins Roast_ValueType:$iterator);
  let results = (outs Roast_Bool:$more, Roast_ValueType:$item);
  let assemblyFormat = "$iterator attr-dict";
}

def Roast_DynIterListOp : Roast_Op<"dyn.iter_list", [Roast_MayRaise]> {
  let summary = "the list a for loop walks over a dynamic value";
  let description = [{
    A `for` over a dynamic value walks a list by index, reading its length
    at every step. A list of dynamic values is walked itself (a new
    reference to it), so that changes the loop body makes show, as with
    Python's list iterator; any other iterable is first made a list of
    dynamic values as `list(value)` would (a snapshot; `TypeError: 'int'
    object is not iterable`). roast-specialize-types walks a boxed typed
    list itself, its items boxed as they are read.

    ```mlir
    %l = roast.dyn.iter_list %v : !roast.list<!roast.value>
    ```
  }];
  let arguments = (ins Roast_ValueType:$value);
  let results = (outs Roast_ListType:$list);
  let assemblyFormat = "$value attr-dict `:` qualified(type($list))";
  let hasVerifier = 1;
}

def Roast_InlineCacheKind : I32EnumAttr<"InlineCacheKind",
    "what an inline cache remembers per class", [
    I32EnumAttrCase<"field", 0>, I32EnumAttrCase<"method", 1>]> {
  let cppNamespace = "::roast";
}

def Roast_InlineCacheOp : Roast_Op<"inline_cache", [
    Symbol, HasParent<"::mlir::ModuleOp">]> {
  let summary = "the cache of a dynamic attribute or method site";
  let description = [{
    A small table, empty at start, that a `roast.dyn.getattr`,
    `roast.dyn.setattr` or `roast.dyn.call_method` naming it with `cache`
    fills as it runs (docs/rationale/dynamic-values.md, "Inline caches"):
    for up to two receiver classes, where member `member` lives. A `field`
    cache holds the byte offset of a `!roast.value` field, a `method` cache
    the dynamic entry of a method that takes exactly `num_args` arguments
    after the instance. A site whose receiver's class is in the table skips
    the lookup by name; the others do it and refill the table.

    ```mlir
    roast.inline_cache @ic0 : field "x"
    roast.inline_cache @ic1 : method "move"(2)
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name, Roast_InlineCacheKind:$kind,
                       StrAttr:$member, OptionalAttr<I32Attr>:$num_args);
  let assemblyFormat = [{
    $sym_name `:` $kind $member (`(` $num_args^ `)`)? attr-dict
  }];
  let hasVerifier = 1;
}

def Roast_DynGetAttrOp : Roast_Op<"dyn.getattr", [Roast_MayRaise,
    DeclareOpInterfaceMethods<SymbolUserOpInterface>]> {
  let summary = "value.name on a dynamic value";
  let description = [{
    A field, property, class attribute or (bound) method of an instance,
    looked up by name in its class's member table, or a method of a
    built-in type; `AttributeError: 'int' object has no attribute 'x'`
    otherwise. With `cache` (roast-inline-cache), an instance whose class
    the `field` cache holds is read at the cached offset instead.

    ```mlir
    %x = roast.dyn.getattr %v "x"
    %y = roast.dyn.getattr %v "y" cache @ic0
    ```
  }];
  let arguments = (ins Roast_ValueType:$value, StrAttr:$name,
                       OptionalAttr<FlatSymbolRefAttr>:$cache);
  let results = (outs Roast_ValueType:$result);
  let assemblyFormat = "$value $name (`cache` $cache^)? attr-dict";
  let builders = [
    OpBuilder<(ins "::mlir::Value":$value, "::mlir::StringAttr":$name), [{
      build($_builder, $_state, value, name, ::mlir::FlatSymbolRefAttr());
    }]>
  ];
}

def Roast_DynSetAttrOp : Roast_Op<"dyn.setattr", [Roast_MayRaise,
    DeclareOpInterfaceMethods<SymbolUserOpInterface>]> {
  let summary = "value.name = item on a dynamic value";
  let description = [{
    Stores into a field of an instance, converted to the field's type
    (`TypeError` when it cannot be). With `cache`, as `roast.dyn.getattr`.

    ```mlir
    roast.dyn.setattr %v "x" = %item
    roast.dyn.setattr %v "y" = %item cache @ic0
    ```
  }];
  let arguments = (ins Roast_ValueType:$value, StrAttr:$name,
                       Roast_ValueType:$item,
                       OptionalAttr<FlatSymbolRefAttr>:$cache);
  let assemblyFormat = "$value $name `=` $item (`cache` $cache^)? attr-dict";
  let builders = [
    OpBuilder<(ins "::mlir::Value":$value, "::mlir::StringAttr":$name,
                   "::mlir::Value":$item), [{
      build($_builder, $_state, value, name, item, ::mlir::FlatSymbolRefAttr());
    }]>
  ];
}

def Roast_DynCallMethodOp : Roast_Op<"dyn.call_method", [Roast_MayRaise,
    DeclareOpInterfaceMethods<SymbolUserOpInterface>]> {
  let summary = "value.name(args...) on a dynamic receiver";
  let description = [{
    A method of an instance (found by name in its class's member table) or
    of a built-in type (`str.upper`, `list.append`, `dict.get`...). With
    `cache` (roast-inline-cache), an instance whose class the `method`
    cache holds calls the cached entry directly.

    ```mlir
    %r = roast.dyn.call_method %v "append"(%x)
    %s = roast.dyn.call_method %v "move"(%dx, %dy) cache @ic1
    ```
  }];
  let arguments = (ins Roast_ValueType:$receiver, StrAttr:$name,
                       Variadic<Roast_ValueType>:$args,
                       OptionalAttr<FlatSymbolRefAttr>:$cache);
  let results = (outs Roast_ValueType:$result);
  let assemblyFormat = [{
    $receiver $name `(` $args `)` (`cache` $cache^)? attr-dict
  }];
  let builders = [
    OpBuilder<(ins "::mlir::Value":$receiver, "::mlir::StringAttr":$name,
                   "::mlir::ValueRange":$args), [{
      build($_builder, $_state, receiver, name, args,
            ::mlir::FlatSymbolRefAttr());
    }]>
  ];
}

def Roast_DynCallOp : Roast_Op<"dyn.call", [Roast_MayRaise]> {
  let summary = "callee(args...) for a dynamic callee";
  let description = [{
    Calls a closure, a bound method, an instance with `__call__` or a
    built-in function value; `TypeError: 'int' object is not callable`
    otherwise. Arguments are converted to the callee's parameter types.

    ```mlir
    %r = roast.dyn.call %f(%x, %y)
    ```
  }];
  let arguments = (ins Roast_ValueType:$callee, Variadic<Roast_ValueType>:$args);
  let results = (outs Roast_ValueType:$result);
  let assemblyFormat = "$callee `(` $args `)` attr-dict";
}

def Roast_BuiltinValue : I32EnumAttr<"BuiltinValue",
    "a built-in function or type used as a value", [
    I32EnumAttrCase<"abs", 0>, I32EnumAttrCase<"len", 1>,
    I32EnumAttrCase<"str", 2>, I32EnumAttrCase<"repr", 3>,
    I32EnumAttrCase<"int_type", 4, "int">, I32EnumAttrCase<"float_type", 5, "float">,
    I32EnumAttrCase<"bool_type", 6, "bool">, I32EnumAttrCase<"list", 7>,
    I32EnumAttrCase<"tuple", 8>, I32EnumAttrCase<"set", 9>,
    I32EnumAttrCase<"dict", 10>, I32EnumAttrCase<"sorted", 11>,
    I32EnumAttrCase<"min", 12>, I32EnumAttrCase<"max", 13>,
    I32EnumAttrCase<"sum", 14>, I32EnumAttrCase<"ord", 15>,
    I32EnumAttrCase<"chr", 16>, I32EnumAttrCase<"hash", 17>,
    I32EnumAttrCase<"type", 18>, I32EnumAttrCase<"round", 19>]> {
  let cppNamespace = "::roast";
}

def Roast_BuiltinValueOp : Roast_Op<"builtin_value", [Pure]> {
  let summary = "a built-in function or type as a dynamic value";
  let description = [{
    An immortal runtime object that calls the built-in on dynamic
    arguments and prints as CPython's (`<built-in function abs>`,
    `<class 'str'>`): `apply_all([abs, str], x)`, `map(str, xs)`.

    ```mlir
    %f = roast.builtin_value abs
    ```
  }];
  let arguments = (ins Roast_BuiltinValue:$builtin);
  let results = (outs Roast_ValueType:$result);
  let assemblyFormat = "$builtin attr-dict";
}

def Roast_DynTypeTest : I32EnumAttr<"DynTypeTest",
    "a built-in type an isinstance test names", [
    I32EnumAttrCase<"none_type", 0, "none">, I32EnumAttrCase<"int_type", 4, "int">,
    I32EnumAttrCase<"float_type", 5, "float">, I32EnumAttrCase<"bool_type", 6, "bool">,
    I32EnumAttrCase<"str", 2>, I32EnumAttrCase<"list", 7>,
    I32EnumAttrCase<"tuple", 8>, I32EnumAttrCase<"set", 9>,
    I32EnumAttrCase<"dict", 10>]> {
  let cppNamespace = "::roast";
}

def Roast_DynIsInstanceOp : Roast_Op<"dyn.isinstance", [Pure]> {
  let summary = "isinstance(value, T) of a dynamic value";
  let description = [{
    Tests the value's run-time type against a built-in type (`int` holds
    for bools too, as in Python; `none` is `value is None`). Classes are
    tested by `roast.isinstance`, which takes dynamic values too.

    ```mlir
    %b = roast.dyn.isinstance %v, int
    ```
  }];
  let arguments = (ins Roast_ValueType:$value, Roast_DynTypeTest:$type);
  let results = (outs Roast_Bool:$result);
  let assemblyFormat = "$value `,` $type attr-dict";
}

#endif // ROAST_DIALECT_ROAST_IR_ROASTDYNAMICOPS_TD
