//===- RoastTypes.td - Types of the roast dialect ----------*- tablegen -*-===//
//
// Roast-level types that have no builtin equivalent. Scalars use builtin
// i64/f64/i1.
//
//===----------------------------------------------------------------------===//

#ifndef ROAST_DIALECT_ROAST_IR_ROASTTYPES_TD
#define ROAST_DIALECT_ROAST_IR_ROASTTYPES_TD

include "Roast/Dialect/Roast/IR/RoastDialect.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/CommonTypeConstraints.td"

class Roast_Type<string name, string typeMnemonic, list<Trait> traits = []>
    : TypeDef<Roast_Dialect, name, traits> {
  let mnemonic = typeMnemonic;
}

def Roast_NoneType : Roast_Type<"None", "none"> {
  let summary = "Python's None";
  let description = [{
    The type of the `None` value. A function declared `-> None` has no
    results instead.
  }];
}

def Roast_StrType : Roast_Type<"Str", "str"> {
  let summary = "an immutable Unicode string";
  let description = [{
    A reference to a `str` object (UTF-8 bytes behind the common object
    header; see docs/rationale/object-layout.md).
  }];
}

def Roast_RefType : Roast_Type<"Ref", "ref"> {
  let summary = "the storage slot of a local variable";
  let description = [{
    A mutable slot made by `roast.alloca`. CodeGen gives every local its own
    slot; `mem2reg` promotes the slots to SSA values and block arguments.
  }];
  let parameters = (ins "::mlir::Type":$elementType);
  let assemblyFormat = "`<` $elementType `>`";
}

def Roast_ListType : Roast_Type<"List", "list"> {
  let summary = "a mutable, reference-counted list";
  let description = [{
    `list[T]`: a heap object holding its elements in 8-byte slots, or in
    one byte each for `list[bool]` (docs/rationale/containers.md). Elements
    of reference types are owned by the list.
  }];
  let parameters = (ins "::mlir::Type":$elementType);
  let assemblyFormat = "`<` $elementType `>`";
}

def Roast_DictType : Roast_Type<"Dict", "dict"> {
  let summary = "a mutable, insertion-ordered hash map";
  let description = [{
    `dict[K, V]`: a heap object holding keys and values in 8-byte slots
    (docs/rationale/containers.md); it owns its keys and values.
  }];
  let parameters = (ins "::mlir::Type":$keyType, "::mlir::Type":$valueType);
  let assemblyFormat = "`<` $keyType `,` $valueType `>`";
}

def Roast_SetType : Roast_Type<"Set", "set"> {
  let summary = "a mutable hash set";
  let description = [{
    `set[T]`: the dict's hash table without values.
  }];
  let parameters = (ins "::mlir::Type":$elementType);
  let assemblyFormat = "`<` $elementType `>`";
}

def Roast_ObjectType : Roast_Type<"Object", "object"> {
  let summary = "a reference to an instance of a class";
  let description = [{
    `!roast.object<@Point>`: an instance of the class `roast.class @Point`
    or of one of its subclasses (docs/rationale/classes.md): the common
    object header, the class descriptor, then one 8-byte slot per field.

    An instance of a generic class (one with `type_params`) gives one type
    argument per type parameter: `!roast.object<@Stack, [i64]>`, or
    `!roast.object<@Stack, [!roast.type_param<"T">]>` inside the class's
    own methods. `roast-monomorphize` replaces each by an instance of a
    copy of the class made for those arguments, `!roast.object<@"Stack<i64>">`
    (docs/rationale/generics.md).
  }];
  let parameters = (ins "::mlir::FlatSymbolRefAttr":$className,
                        OptionalArrayRefParameter<"::mlir::Type">:$typeArgs);
  let builders = [
    TypeBuilder<(ins "::mlir::FlatSymbolRefAttr":$className), [{
      return $_get($_ctxt, className, ::llvm::ArrayRef<::mlir::Type>());
    }]>
  ];
  let assemblyFormat = "`<` $className (`,` `[` $typeArgs^ `]`)? `>`";
  let extraClassDeclaration = [{
    /// Whether this is an instance of a generic class, with type arguments.
    bool isParametrized() { return !getTypeArgs().empty(); }
  }];
}

def Roast_OptionalType : Roast_Type<"Optional", "optional"> {
  let summary = "`T | None`: a value of type T, or None";
  let description = [{
    `!roast.optional<i64>` is Python's `int | None`. The dialect states what
    the value is; the lowering chooses how it is stored
    (docs/rationale/optionals.md): an optional reference (str, containers,
    instances) is a nullable pointer, None being null, so it costs nothing;
    an optional number, bool or tuple is a `{i1 present, T value}` struct
    passed by value, with no heap allocation. In a container slot, the
    latter is boxed.
  }];
  let parameters = (ins "::mlir::Type":$valueType);
  let builders = [
    TypeBuilderWithInferredContext<(ins "::mlir::Type":$valueType), [{
      return $_get(valueType.getContext(), valueType);
    }]>
  ];
  let assemblyFormat = "`<` $valueType `>`";
  let genVerifyDecl = 1;
}

def Roast_CallableType : Roast_Type<"Callable", "callable"> {
  let summary = "a reference to a function value (a closure)";
  let description = [{
    `!roast.callable<(i64) -> i64>`: a function taken as a value, with the
    signature Python's `Callable[[int], int]` names. It is an instance of a
    closure class (docs/rationale/closures.md): the object header, the
    class descriptor, whose method slot 0 is the code called, then the
    captured values as fields.
  }];
  let parameters = (ins "::mlir::FunctionType":$signature);
  let assemblyFormat = "`<` $signature `>`";
}

def Roast_FileType : Roast_Type<"File", "file"> {
  let summary = "a text file";
  let description = [{
    A reference to a file object (`open()`'s result, `sys.stdout`,
    `sys.stderr`): the common object header, then the stream and its state
    (docs/rationale/files.md). Releasing the last reference closes the file.
  }];
}

def Roast_ValueType : Roast_Type<"Value", "value"> {
  let summary = "a dynamic value (unannotated code, `Any`)";
  let description = [{
    Any Roast value, NaN-boxed in 64 bits (docs/rationale/dynamic-values.md):
    a double as itself; a 48-bit int, a bool, None or an object pointer in
    the NaN space; a larger int as a heap box. It owns a reference when it
    holds an object, so retain/release apply. `roast.box` and `roast.unbox`
    join it to the typed world; the `roast.dyn.*` ops give it Python's
    semantics through the runtime.
  }];
}

def Roast_TypeParamType : Roast_Type<"TypeParam", "type_param"> {
  let summary = "a type parameter of a generic function";
  let description = [{
    `!roast.type_param<"T">`: a value of the type parameter `T` of the
    enclosing generic `roast.func` (one with `type_params = ["T"]`). The
    ops a generic body may apply to such a value accept it (copying it,
    retain/release, comparison, `+ - *`, printing, conversion to str,
    storing it in containers and tuples); `roast-monomorphize` replaces it
    by the type arguments of each instantiation (docs/rationale/generics.md).
  }];
  let parameters = (ins StringRefParameter<"the parameter's name">:$name);
  let assemblyFormat = "`<` $name `>`";
}

def Roast_Int : I<64>;
def Roast_Float : F<64>;
def Roast_Bool : I<1>;
def Roast_IntOrFloat : AnyTypeOf<[Roast_Int, Roast_Float]>;
/// An int, or a type parameter that roast-monomorphize legalizes.
def Roast_IntOrTypeParam : AnyTypeOf<[Roast_Int, Roast_TypeParamType]>;
def Roast_Scalar : AnyTypeOf<[Roast_Int, Roast_Float, Roast_Bool]>;
/// Values of every type but `!roast.value`: what `roast.box` accepts.
def Roast_Boxable : AnyTypeOf<[Roast_Int, Roast_Float, Roast_Bool,
                               Roast_NoneType, Roast_StrType, Roast_ListType,
                               Roast_DictType, Roast_SetType, AnyTuple,
                               Roast_ObjectType, Roast_OptionalType,
                               Roast_CallableType, Roast_FileType]>;
def Roast_Comparable : AnyTypeOf<[Roast_Int, Roast_Float, Roast_Bool,
                                  Roast_StrType, Roast_ListType,
                                  Roast_DictType, Roast_SetType,
                                  Roast_ObjectType, Roast_TypeParamType]>;
def Roast_Convertible : AnyTypeOf<[Roast_Int, Roast_Float, Roast_Bool,
                                   Roast_NoneType, Roast_StrType,
                                   Roast_ListType, Roast_DictType,
                                   Roast_SetType, AnyTuple,
                                   Roast_ObjectType, Roast_OptionalType,
                                   Roast_ValueType, Roast_TypeParamType]>;
/// Types whose values own references: retain/release apply (to each
/// reference inside, for tuples).
def Roast_RefCounted : AnyTypeOf<[Roast_StrType, Roast_ListType,
                                  Roast_DictType, Roast_SetType, AnyTuple,
                                  Roast_ObjectType, Roast_FileType,
                                  Roast_OptionalType, Roast_CallableType,
                                  Roast_ValueType, Roast_TypeParamType]>;
def Roast_Printable : AnyTypeOf<[Roast_Int, Roast_Float, Roast_Bool,
                                 Roast_NoneType, Roast_StrType, AnyTuple,
                                 Roast_ListType, Roast_DictType,
                                 Roast_SetType, Roast_ObjectType,
                                 Roast_OptionalType, Roast_ValueType,
                                 Roast_TypeParamType]>;

#endif // ROAST_DIALECT_ROAST_IR_ROASTTYPES_TD
