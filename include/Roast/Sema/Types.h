//===- Types.h - Static types of Roast programs -----------------*- C++ -*-===//
//
// The types Sema assigns to expressions. Types are interned by TypeContext,
// so two types are equal iff their pointers are equal.
//
//===----------------------------------------------------------------------===//

#ifndef ROAST_SEMA_TYPES_H
#define ROAST_SEMA_TYPES_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/FoldingSet.h"
#include <memory>

#include <string>
#include <vector>

namespace roast::sema {

class Type {
public:
  virtual ~Type() = default;
  enum class Kind {
    Int, Float, Bool, None, Str, Tuple, List, Dict, Set, Function, Class,
    Optional, BoundMethod, Var, File, TypeParam, Any, Error
  };

  Kind getKind() const { return kind; }
  bool isInt() const { return kind == Kind::Int; }
  bool isFloat() const { return kind == Kind::Float; }
  bool isBool() const { return kind == Kind::Bool; }
  bool isNone() const { return kind == Kind::None; }
  bool isStr() const { return kind == Kind::Str; }
  bool isError() const { return kind == Kind::Error; }
  bool isFunction() const { return kind == Kind::Function; }
  bool isTuple() const { return kind == Kind::Tuple; }
  bool isList() const { return kind == Kind::List; }
  bool isDict() const { return kind == Kind::Dict; }
  bool isSet() const { return kind == Kind::Set; }
  bool isClass() const { return kind == Kind::Class; }
  bool isOptional() const { return kind == Kind::Optional; }
  /// A text file (open()'s result, sys.stdout): CPython's TextIOWrapper.
  bool isFile() const { return kind == Kind::File; }
  /// A type parameter of the generic function being checked (`T`).
  bool isTypeParam() const { return kind == Kind::TypeParam; }
  /// A dynamic value (unannotated, or `Any`): any Roast value, checked at
  /// run time (docs/rationale/dynamic-values.md).
  bool isAny() const { return kind == Kind::Any; }
  /// int, float or bool: the types Python's arithmetic accepts.
  bool isNumeric() const { return isInt() || isFloat() || isBool(); }

  /// How the type is written in Roast source (`int`, `(int, str) -> None`).
  std::string str() const;

protected:
  explicit Type(Kind kind) : kind(kind) {}

private:
  Kind kind;
};

class FunctionType : public Type, public llvm::FoldingSetNode {
public:
  llvm::ArrayRef<const Type *> getParams() const { return params; }
  const Type *getResult() const { return result; }

  static bool classof(const Type *t) { return t->getKind() == Kind::Function; }
  void Profile(llvm::FoldingSetNodeID &id) const {
    profile(id, params, result);
  }
  static void profile(llvm::FoldingSetNodeID &id,
                      llvm::ArrayRef<const Type *> params,
                      const Type *result);

private:
  friend class TypeContext;
  FunctionType(std::vector<const Type *> params, const Type *result)
      : Type(Kind::Function), params(std::move(params)), result(result) {}
  std::vector<const Type *> params;
  const Type *result;
};

/// `tuple[A, B, ...]`: an immutable value, passed by value (a struct in
/// the generated code), like Codon's tuples.
class TupleType : public Type, public llvm::FoldingSetNode {
public:
  llvm::ArrayRef<const Type *> getElements() const { return elements; }

  static bool classof(const Type *t) { return t->getKind() == Kind::Tuple; }
  void Profile(llvm::FoldingSetNodeID &id) const { profile(id, elements); }
  static void profile(llvm::FoldingSetNodeID &id,
                      llvm::ArrayRef<const Type *> elements);

private:
  friend class TypeContext;
  explicit TupleType(std::vector<const Type *> elements)
      : Type(Kind::Tuple), elements(std::move(elements)) {}
  std::vector<const Type *> elements;
};

/// `list[T]`: a mutable, reference-counted list of one element type.
class ListType : public Type, public llvm::FoldingSetNode {
public:
  const Type *getElement() const { return element; }

  static bool classof(const Type *t) { return t->getKind() == Kind::List; }
  void Profile(llvm::FoldingSetNodeID &id) const { id.AddPointer(element); }

private:
  friend class TypeContext;
  explicit ListType(const Type *element) : Type(Kind::List), element(element) {}
  const Type *element;
};

/// `dict[K, V]`: a mutable, insertion-ordered hash map.
class DictType : public Type, public llvm::FoldingSetNode {
public:
  const Type *getKey() const { return key; }
  const Type *getValue() const { return value; }

  static bool classof(const Type *t) { return t->getKind() == Kind::Dict; }
  void Profile(llvm::FoldingSetNodeID &id) const {
    id.AddPointer(key);
    id.AddPointer(value);
  }

private:
  friend class TypeContext;
  DictType(const Type *key, const Type *value)
      : Type(Kind::Dict), key(key), value(value) {}
  const Type *key, *value;
};

/// `set[T]`: a mutable hash set of one element type.
class SetType : public Type, public llvm::FoldingSetNode {
public:
  const Type *getElement() const { return element; }

  static bool classof(const Type *t) { return t->getKind() == Kind::Set; }
  void Profile(llvm::FoldingSetNodeID &id) const { id.AddPointer(element); }

private:
  friend class TypeContext;
  explicit SetType(const Type *element) : Type(Kind::Set), element(element) {}
  const Type *element;
};

/// A text file (CPython's TextIOWrapper): open()'s result, sys.stdout and
/// sys.stderr. Iterating one gives its lines, strs.
class FileType : public Type {
public:
  const Type *getLine() const { return line; }

  static bool classof(const Type *t) { return t->getKind() == Kind::File; }

private:
  friend class TypeContext;
  explicit FileType(const Type *line) : Type(Kind::File), line(line) {}
  const Type *line;
};

struct ClassInfo;

/// An instance of a user class or a built-in exception class: a reference
/// to a heap object whose layout and methods ClassInfo describes. An
/// instance of a generic class carries its type arguments (`Stack[int]`;
/// inside the class's own body, `Stack[T]`).
class ClassType : public Type, public llvm::FoldingSetNode {
public:
  ClassInfo *getInfo() const { return info; }
  llvm::ArrayRef<const Type *> getTypeArgs() const { return typeArgs; }
  const std::string &getName() const;
  /// The base class, or null for a root.
  const ClassType *getBase() const;
  /// Whether this class is `other` or derives from it.
  bool isSubclassOf(const ClassType *other) const;

  static bool classof(const Type *t) { return t->getKind() == Kind::Class; }
  void Profile(llvm::FoldingSetNodeID &id) const {
    profile(id, info, typeArgs);
  }
  static void profile(llvm::FoldingSetNodeID &id, ClassInfo *info,
                      llvm::ArrayRef<const Type *> typeArgs);

private:
  friend class TypeContext;
  ClassType(ClassInfo *info, std::vector<const Type *> typeArgs)
      : Type(Kind::Class), info(info), typeArgs(std::move(typeArgs)) {}
  ClassInfo *info;
  std::vector<const Type *> typeArgs;
};

/// `T | None`: a value of T, or None (docs/rationale/optionals.md).
class OptionalType : public Type, public llvm::FoldingSetNode {
public:
  const Type *getValue() const { return value; }

  static bool classof(const Type *t) { return t->getKind() == Kind::Optional; }
  void Profile(llvm::FoldingSetNodeID &id) const { id.AddPointer(value); }

private:
  friend class TypeContext;
  explicit OptionalType(const Type *value)
      : Type(Kind::Optional), value(value) {}
  const Type *value;
};

struct FunctionInfo;

/// `obj.method` taken as a value: the receiver, with the method to call on
/// it known statically (a call still dispatches on the receiver's class).
class BoundMethodType : public Type, public llvm::FoldingSetNode {
public:
  FunctionInfo *getMethod() const { return method; }
  const ClassType *getReceiver() const { return receiver; }

  static bool classof(const Type *t) {
    return t->getKind() == Kind::BoundMethod;
  }
  void Profile(llvm::FoldingSetNodeID &id) const {
    id.AddPointer(method);
    id.AddPointer(receiver);
  }

private:
  friend class TypeContext;
  BoundMethodType(FunctionInfo *method, const ClassType *receiver)
      : Type(Kind::BoundMethod), method(method), receiver(receiver) {}
  FunctionInfo *method;
  const ClassType *receiver;
};

/// The element type of an empty container whose type is not given where
/// it is written (`xs = []`): Sema binds it at the first use that fixes it
/// (`xs.append(1)`), and defaults it to int when nothing does (`print([])`).
class TypeVar : public Type {
public:
  const Type *getBinding() const { return binding; }
  void bind(const Type *type) const { binding = type; }

  static bool classof(const Type *t) { return t->getKind() == Kind::Var; }

private:
  friend class TypeContext;
  TypeVar() : Type(Kind::Var) {}
  mutable const Type *binding = nullptr;
};

/// A type parameter of a generic function (`def f[T](x: T) -> T`) or class
/// (`class Stack[T]`): inside its body an opaque type that allows only what
/// every type allows (docs/rationale/generics.md). Each `def` and `class`
/// has its own.
class TypeParamType : public Type {
public:
  const std::string &getName() const { return name; }

  static bool classof(const Type *t) {
    return t->getKind() == Kind::TypeParam;
  }

private:
  friend class TypeContext;
  explicit TypeParamType(std::string name)
      : Type(Kind::TypeParam), name(std::move(name)) {}
  std::string name;
};

/// What a `for` over a value of `type` assigns: one-character strs for a
/// str, the elements of a list or set, a dict's keys, the fields of a tuple
/// whose fields share one type, what an instance's `__next__` returns
/// (findIterator); null if `type` is not iterable (an error
/// type iterates as itself).
const Type *iterableElement(const Type *type);

/// Whether values of `type` may be dict keys and set elements: numbers,
/// str, None, tuples of those (the immutable types), and instances of
/// classes that define no __eq__ or also __hash__.
bool isHashable(const Type *type);

/// Owns and interns every type of one compilation.
class TypeContext {
public:
  TypeContext();
  TypeContext(const TypeContext &) = delete;
  TypeContext &operator=(const TypeContext &) = delete;

  const Type *getInt() const { return &intType; }
  const Type *getFloat() const { return &floatType; }
  const Type *getBool() const { return &boolType; }
  const Type *getNone() const { return &noneType; }
  const Type *getStr() const { return &strType; }
  const Type *getFile() const { return &fileType; }
  const Type *getAny() const { return &anyType; }
  /// The type of an expression that already failed to check; operations on
  /// it are silently accepted so that one mistake gives one diagnostic.
  const Type *getError() const { return &errorType; }
  const FunctionType *getFunction(llvm::ArrayRef<const Type *> params,
                                  const Type *result);
  const TupleType *getTuple(llvm::ArrayRef<const Type *> elements);
  const ListType *getList(const Type *element);
  const DictType *getDict(const Type *key, const Type *value);
  const SetType *getSet(const Type *element);
  /// A fresh, unbound type variable.
  const TypeVar *newVar();
  /// A new type parameter named `name`.
  const TypeParamType *newTypeParam(std::string name);
  /// The type of the instances of a class, with its type arguments if it
  /// is generic.
  const ClassType *getClass(ClassInfo *info,
                            llvm::ArrayRef<const Type *> typeArgs = {});
  const OptionalType *getOptional(const Type *value);
  const BoundMethodType *getBoundMethod(FunctionInfo *method,
                                        const ClassType *receiver);

private:
  /// The interned T(args...), built on first use.
  template <typename T, typename... Args>
  const T *intern(llvm::FoldingSet<T> &set, Args... args);

  struct Simple : Type {
    explicit Simple(Kind kind) : Type(kind) {}
  };
  Simple intType{Type::Kind::Int}, floatType{Type::Kind::Float},
      boolType{Type::Kind::Bool}, noneType{Type::Kind::None},
      strType{Type::Kind::Str}, anyType{Type::Kind::Any},
      errorType{Type::Kind::Error};
  FileType fileType{&strType};
  llvm::FoldingSet<FunctionType> functionTypes;
  llvm::FoldingSet<TupleType> tupleTypes;
  llvm::FoldingSet<ListType> listTypes;
  llvm::FoldingSet<DictType> dictTypes;
  llvm::FoldingSet<SetType> setTypes;
  llvm::FoldingSet<OptionalType> optionalTypes;
  llvm::FoldingSet<BoundMethodType> boundMethodTypes;
  llvm::FoldingSet<ClassType> classTypes;
  std::vector<std::unique_ptr<Type>> storage;
};

/// `type` rebuilt with `fn` applied to each type it is made of (a list's
/// element, a function's parameters and result, a class's type arguments,
/// ...); a type made of none is returned as it is. Null parts stay null.
const Type *mapComponentTypes(TypeContext &types, const Type *type,
                              llvm::function_ref<const Type *(const Type *)> fn);

/// `type` with each type parameter `params[i]` replaced by `args[i]`.
const Type *substituteTypeParams(TypeContext &types, const Type *type,
                                 llvm::ArrayRef<const TypeParamType *> params,
                                 llvm::ArrayRef<const Type *> args);

/// The type of a member (a field's, or a method's signature), written with
/// its class's type parameters, as seen on an instance of type `receiver`:
/// `Stack[int]`'s `pop` returns int. Unchanged unless `receiver` is an
/// instance of a generic class.
const Type *memberType(TypeContext &types, const Type *type,
                       const Type *receiver);

} // namespace roast::sema

#endif // ROAST_SEMA_TYPES_H
