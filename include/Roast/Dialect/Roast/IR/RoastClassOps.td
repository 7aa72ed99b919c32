//===- RoastClassOps.td - Classes, instances and dispatch --*- tablegen -*-===//
//
// A class is a symbol (`roast.class`) listing its fields and its method
// table; instances are `!roast.object<@Class>` values. Field accesses are
// by name and calls through the method table by method name, so the IR
// reads like the source; the lowering turns both into fixed offsets
// (docs/rationale/classes.md).
//
//===----------------------------------------------------------------------===//

#ifndef ROAST_DIALECT_ROAST_IR_ROASTCLASSOPS_TD
#define ROAST_DIALECT_ROAST_IR_ROASTCLASSOPS_TD

def Roast_ClassOp : Roast_Op<"class", [
    Symbol, HasParent<"::mlir::ModuleOp">,
    DeclareOpInterfaceMethods<SymbolUserOpInterface>]> {
  let summary = "a class: its base, fields and method table";
  let description = [{
    Declares a class. `fields` names the instance fields in layout order,
    with their types in `field_types`; a subclass starts with its base's
    fields. `methods` is the method table: the function each slot calls,
    in slot order, a subclass keeping its base's slots (overriding some)
    and appending its own. A slot's method name is the function's name
    after its last `.`. A `builtin` class (the built-in exceptions) is
    defined by the runtime.

    What dynamic code finds by name (docs/rationale/dynamic-values.md):
    `members` lists the class's own fields (`get`/`set` helpers),
    properties and class attributes (`get`), and methods (`call`: the
    dynamic entry, its display name and arity); `call` makes instances
    callable (closures, `__call__`).

    ```mlir
    roast.class @Animal {fields = ["name"], field_types = [!roast.str],
                         methods = [@Animal.speak]}
    roast.class @Dog : @Animal {fields = ["name"], field_types = [!roast.str],
                                methods = [@Dog.speak]}
    ```

    A generic class lists its type parameters in `type_params`; its field
    types may use `!roast.type_param<"T">` for each of them, and its methods
    (the functions named `<class>.<name>`) are generic functions with the
    same `type_params`. Its instances are `!roast.object<@Stack, [i64]>`.
    `roast-monomorphize` copies it per list of type arguments, giving each
    copy the class's source name as `display_name` (what the runtime
    prints), and erases it (docs/rationale/generics.md).

    ```mlir
    roast.class @Box {fields = ["value"],
                      field_types = [!roast.type_param<"T">],
                      methods = [@Box.get], type_params = ["T"]}
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name,
                       OptionalAttr<FlatSymbolRefAttr>:$base,
                       StrArrayAttr:$fields,
                       TypeArrayAttr:$field_types,
                       TypedArrayAttrBase<FlatSymbolRefAttr,
                                          "method table">:$methods,
                       UnitAttr:$builtin,
                       OptionalAttr<DictArrayAttr>:$members,
                       OptionalAttr<DictionaryAttr>:$call,
                       OptionalAttr<StrArrayAttr>:$type_params,
                       OptionalAttr<StrAttr>:$display_name);
  let assemblyFormat = "$sym_name (`:` $base^)? (`builtin` $builtin^)? attr-dict";
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// The method name of table slot `slot`.
    ::llvm::StringRef getMethodName(unsigned slot);
    /// The slot of method `name`, or -1.
    int lookupMethod(::llvm::StringRef name);
    /// The index of field `name`, or -1.
    int lookupField(::llvm::StringRef name);
    /// Whether the class has type parameters (roast-monomorphize
    /// instantiates it).
    bool isGeneric() { return getTypeParams().has_value(); }
    /// The name the runtime prints: `display_name`, else the symbol's
    /// last part (`Point` for `@m.Point`).
    ::llvm::StringRef getSourceName();
    /// The type of field `index` in an instance of type `object`: the
    /// declared type with `object`'s type arguments substituted.
    ::mlir::Type getFieldType(unsigned index, ObjectType object);
    /// Whether some field of an instance of type `object` holds a
    /// reference (roast::holdsReferences), which freeing it releases.
    bool fieldsHoldReferences(ObjectType object);
  }];
}

def Roast_NewOp : Roast_Op<"new", [
    DeclareOpInterfaceMethods<SymbolUserOpInterface>]> {
  let summary = "allocate an instance of a class";
  let description = [{
    A new, owned instance whose fields are zero (0, 0.0, False, or a null
    reference that `__init__` must fill before use). The constructor's
    `__init__` is a separate `roast.call`.

    ```mlir
    %p = roast.new : !roast.object<@Point>
    ```

    A `stack` instance never outlives its function: `roast-escape-analysis`
    proved that no reference to it is stored, returned, raised or passed
    where it could be kept, and that no two instances made by this op are
    alive at once. It lives in a slot of its function's frame (one per op,
    in the entry block) whose header has an immortal reference count, so
    that the retains and releases a callee still does are no-ops; the pass
    erases its own. It is never deallocated, so the verifier requires that
    its class's fields hold no references (they would leak)
    (docs/rationale/escape-analysis.md).

    ```mlir
    %v = roast.new stack : !roast.object<@Vec>
    ```
  }];
  let arguments = (ins UnitAttr:$stack);
  let results = (outs Roast_ObjectType:$result);
  let assemblyFormat = "(`stack` $stack^)? attr-dict `:` qualified(type($result))";
}

def Roast_GetFieldOp : Roast_Op<"get_field", [
    DeclareOpInterfaceMethods<SymbolUserOpInterface>]> {
  let summary = "load an instance field";
  let description = [{
    The value of field `field`, borrowed from the instance.

    ```mlir
    %x = roast.get_field %p["x"] : !roast.object<@Point> -> i64
    ```
  }];
  let arguments = (ins Roast_ObjectType:$object, StrAttr:$field);
  let results = (outs AnyType:$result);
  let assemblyFormat = [{
    $object `[` $field `]` attr-dict `:` qualified(type($object)) `->`
    type($result)
  }];
}

def Roast_SetFieldOp : Roast_Op<"set_field", [
    DeclareOpInterfaceMethods<SymbolUserOpInterface>]> {
  let summary = "store an instance field";
  let description = [{
    Stores `value` in field `field`. The field takes the reference the
    caller passes; releasing the old value is a separate `roast.release`.

    ```mlir
    roast.set_field %p["x"], %v : !roast.object<@Point>, i64
    ```
  }];
  let arguments = (ins Roast_ObjectType:$object, StrAttr:$field,
                       AnyType:$value);
  let assemblyFormat = [{
    $object `[` $field `]` `,` $value attr-dict `:` qualified(type($object))
    `,` type($value)
  }];
}

def Roast_MethodCallOp : Roast_Op<"method_call", [Roast_MayRaise,
    DeclareOpInterfaceMethods<SymbolUserOpInterface>]> {
  let summary = "call a method through the receiver's method table";
  let description = [{
    Virtual dispatch: calls the function in slot `method` of the method
    table of the receiver's dynamic class. `roast-devirtualize` turns it
    into a direct `roast.call` when every class the receiver may have
    shares one implementation.

    ```mlir
    %s = roast.method_call %a, "speak"() : (!roast.object<@Animal>) -> !roast.str
    ```
  }];
  let arguments = (ins StrAttr:$method, Roast_ObjectType:$receiver,
                       Variadic<AnyType>:$args);
  let results = (outs Variadic<AnyType>);
  let assemblyFormat = [{
    $receiver `,` $method `(` $args `)` attr-dict `:`
    functional-type(operands, results)
  }];
}

def Roast_IsInstanceOp : Roast_Op<"isinstance", [
    Pure, DeclareOpInterfaceMethods<SymbolUserOpInterface>]> {
  let summary = "isinstance(obj, Class)";
  let description = [{
    Whether the dynamic class of `object` is `target` or derives from it;
    for a `!roast.value`, whether it is such an instance at all.

    ```mlir
    %b = roast.isinstance %a, @Dog : !roast.object<@Animal>
    ```
  }];
  let arguments = (ins AnyTypeOf<[Roast_ObjectType, Roast_ValueType]>:$object,
                       FlatSymbolRefAttr:$target);
  let results = (outs Roast_Bool:$result);
  let assemblyFormat = "$object `,` $target attr-dict `:` qualified(type($object))";
}

def Roast_DowncastOp : Roast_Op<"downcast", [
    Pure, DeclareOpInterfaceMethods<SymbolUserOpInterface>]> {
  let summary = "view an instance of a base class as a subclass instance";
  let description = [{
    The same reference, typed as a subclass. Only valid where
    `roast.isinstance` has established the dynamic class (an except
    clause's `as` variable): the op does not check.

    ```mlir
    %d = roast.downcast %a : !roast.object<@Animal> to !roast.object<@Dog>
    ```
  }];
  let arguments = (ins Roast_ObjectType:$object);
  let results = (outs Roast_ObjectType:$result);
  let assemblyFormat = [{
    $object attr-dict `:` qualified(type($object)) `to`
    qualified(type($result))
  }];
}

def Roast_UpcastOp : Roast_Op<"upcast", [
    Pure, DeclareOpInterfaceMethods<SymbolUserOpInterface>]> {
  let summary = "view an instance as an instance of a base class";
  let description = [{
    The same reference, typed as its base class (a subclass instance
    starts with its base's layout, so this is free).

    ```mlir
    %a = roast.upcast %d : !roast.object<@Dog> to !roast.object<@Animal>
    ```
  }];
  let arguments = (ins Roast_ObjectType:$object);
  let results = (outs Roast_ObjectType:$result);
  let assemblyFormat = [{
    $object attr-dict `:` qualified(type($object)) `to`
    qualified(type($result))
  }];
  let hasFolder = 1;
}

#endif // ROAST_DIALECT_ROAST_IR_ROASTCLASSOPS_TD
