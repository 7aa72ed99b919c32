//===- Types.cpp - Interning and printing of Roast types ------------------===//

#include "Roast/Sema/Types.h"
#include "Roast/Sema/Sema.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Casting.h"

using namespace roast;
using namespace roast::sema;

std::string Type::str() const {
  switch (kind) {
  case Kind::Int:
    return "int";
  case Kind::Float:
    return "float";
  case Kind::Bool:
    return "bool";
  case Kind::None:
    return "None";
  case Kind::Str:
    return "str";
  case Kind::File:
    return "TextIOWrapper";
  case Kind::TypeParam:
    return static_cast<const TypeParamType *>(this)->getName();
  case Kind::Any:
    return "Any";
  case Kind::Error:
    return "<error>";
  case Kind::Var: {
    const Type *binding = static_cast<const TypeVar *>(this)->getBinding();
    return binding ? binding->str() : "<unknown>";
  }
  case Kind::List:
    return "list[" + static_cast<const ListType *>(this)->getElement()->str() +
           "]";
  case Kind::Dict: {
    auto *dict = static_cast<const DictType *>(this);
    return "dict[" + dict->getKey()->str() + ", " + dict->getValue()->str() +
           "]";
  }
  case Kind::Set:
    return "set[" + static_cast<const SetType *>(this)->getElement()->str() +
           "]";
  case Kind::Tuple: {
    auto *tuple = static_cast<const TupleType *>(this);
    std::string s = "tuple[";
    for (auto [i, element] : llvm::enumerate(tuple->getElements()))
      s += (i ? ", " : "") + element->str();
    return s + "]";
  }
  case Kind::Class: {
    auto *cls = static_cast<const ClassType *>(this);
    std::string s = cls->getName();
    if (cls->getTypeArgs().empty())
      return s;
    for (auto [i, arg] : llvm::enumerate(cls->getTypeArgs()))
      s += (i ? ", " : "[") + arg->str();
    return s + "]";
  }
  case Kind::Optional:
    return static_cast<const OptionalType *>(this)->getValue()->str() +
           " | None";
  case Kind::BoundMethod:
    return "bound method " +
           static_cast<const BoundMethodType *>(this)
               ->getMethod()
               ->qualifiedName();
  case Kind::Function: { // typing's spelling: Callable[[int, str], bool]
    auto *fn = static_cast<const FunctionType *>(this);
    std::string s = "Callable[[";
    for (auto [i, param] : llvm::enumerate(fn->getParams()))
      s += (i ? ", " : "") + param->str();
    // A lambda's result is unknown until its body is checked.
    return s + "], " + (fn->getResult() ? fn->getResult()->str() : "?") + "]";
  }
  }
  llvm_unreachable("unknown type kind");
}

void FunctionType::profile(llvm::FoldingSetNodeID &id,
                           llvm::ArrayRef<const Type *> params,
                           const Type *result) {
  id.AddPointer(result);
  for (const Type *param : params)
    id.AddPointer(param);
}

TypeContext::TypeContext() = default;

const FunctionType *
TypeContext::getFunction(llvm::ArrayRef<const Type *> params,
                         const Type *result) {
  llvm::FoldingSetNodeID id;
  FunctionType::profile(id, params, result);
  void *insertPos = nullptr;
  if (FunctionType *existing = functionTypes.FindNodeOrInsertPos(id, insertPos))
    return existing;
  auto *type = new FunctionType(
      std::vector<const Type *>(params.begin(), params.end()), result);
  storage.emplace_back(type);
  functionTypes.InsertNode(type, insertPos);
  return type;
}

void TupleType::profile(llvm::FoldingSetNodeID &id,
                        llvm::ArrayRef<const Type *> elements) {
  for (const Type *element : elements)
    id.AddPointer(element);
}

const TupleType *TypeContext::getTuple(llvm::ArrayRef<const Type *> elements) {
  llvm::FoldingSetNodeID id;
  TupleType::profile(id, elements);
  void *insertPos = nullptr;
  if (TupleType *existing = tupleTypes.FindNodeOrInsertPos(id, insertPos))
    return existing;
  auto *type = new TupleType(
      std::vector<const Type *>(elements.begin(), elements.end()));
  storage.emplace_back(type);
  tupleTypes.InsertNode(type, insertPos);
  return type;
}

/// T's Profile must add exactly the pointers `args`.
template <typename T, typename... Args>
const T *TypeContext::intern(llvm::FoldingSet<T> &set, Args... args) {
  llvm::FoldingSetNodeID id;
  (id.AddPointer(args), ...);
  void *insertPos = nullptr;
  if (T *existing = set.FindNodeOrInsertPos(id, insertPos))
    return existing;
  auto *type = new T(args...);
  storage.emplace_back(type);
  set.InsertNode(type, insertPos);
  return type;
}

const ListType *TypeContext::getList(const Type *element) {
  return intern(listTypes, element);
}

const DictType *TypeContext::getDict(const Type *key, const Type *value) {
  return intern(dictTypes, key, value);
}

const SetType *TypeContext::getSet(const Type *element) {
  return intern(setTypes, element);
}

const TypeParamType *TypeContext::newTypeParam(std::string name) {
  auto *param = new TypeParamType(std::move(name));
  storage.emplace_back(param);
  return param;
}

const TypeVar *TypeContext::newVar() {
  auto *var = new TypeVar();
  storage.emplace_back(var);
  return var;
}

void ClassType::profile(llvm::FoldingSetNodeID &id, ClassInfo *info,
                        llvm::ArrayRef<const Type *> typeArgs) {
  id.AddPointer(info);
  for (const Type *arg : typeArgs)
    id.AddPointer(arg);
}

const ClassType *TypeContext::getClass(ClassInfo *info,
                                       llvm::ArrayRef<const Type *> typeArgs) {
  llvm::FoldingSetNodeID id;
  ClassType::profile(id, info, typeArgs);
  void *insertPos = nullptr;
  if (ClassType *existing = classTypes.FindNodeOrInsertPos(id, insertPos))
    return existing;
  auto *type = new ClassType(
      info, std::vector<const Type *>(typeArgs.begin(), typeArgs.end()));
  storage.emplace_back(type);
  classTypes.InsertNode(type, insertPos);
  return type;
}

const OptionalType *TypeContext::getOptional(const Type *value) {
  return intern(optionalTypes, value);
}

const BoundMethodType *
TypeContext::getBoundMethod(FunctionInfo *method, const ClassType *receiver) {
  llvm::FoldingSetNodeID id;
  id.AddPointer(method);
  id.AddPointer(receiver);
  void *insertPos = nullptr;
  if (BoundMethodType *existing =
          boundMethodTypes.FindNodeOrInsertPos(id, insertPos))
    return existing;
  auto *type = new BoundMethodType(method, receiver);
  storage.emplace_back(type);
  boundMethodTypes.InsertNode(type, insertPos);
  return type;
}

const std::string &ClassType::getName() const { return info->name; }

const ClassType *ClassType::getBase() const {
  return info->base ? info->base->type : nullptr;
}

bool ClassType::isSubclassOf(const ClassType *other) const {
  for (const ClassType *c = this; c; c = c->getBase())
    if (c == other)
      return true;
  return false;
}

const Type *roast::sema::iterableElement(const Type *type) {
  if (type->isStr() || type->isAny() || type->isError())
    return type;
  if (auto *file = llvm::dyn_cast<FileType>(type)) // its lines
    return file->getLine();
  if (auto *list = llvm::dyn_cast<ListType>(type))
    return list->getElement();
  if (auto *dict = llvm::dyn_cast<DictType>(type))
    return dict->getKey();
  if (auto *set = llvm::dyn_cast<SetType>(type))
    return set->getElement();
  if (auto *tuple = llvm::dyn_cast<TupleType>(type);
      tuple && !tuple->getElements().empty() &&
      llvm::all_equal(tuple->getElements()))
    return tuple->getElements().front();
  if (IteratorMethods methods = findIterator(type)) // what __next__ returns
    return methods.next->type->getResult();
  return nullptr;
}

bool roast::sema::isHashable(const Type *type) {
  if (auto *tuple = llvm::dyn_cast<TupleType>(type))
    return llvm::all_of(tuple->getElements(), isHashable);
  if (auto *optional = llvm::dyn_cast<OptionalType>(type))
    return isHashable(optional->getValue()); // and None is hashable
  // An instance hashes by identity, unless its class defines __eq__
  // without __hash__ (Python then makes it unhashable).
  if (auto *cls = llvm::dyn_cast<ClassType>(type))
    return !cls->getInfo()->findMethod("__eq__") ||
           cls->getInfo()->findMethod("__hash__");
  // An unbound variable will be bound to a hashable type or default to int.
  return type->isNumeric() || type->isStr() || type->isNone() ||
         type->isAny() || type->isError() || llvm::isa<TypeVar>(type);
}

const Type *roast::sema::mapComponentTypes(
    TypeContext &types, const Type *type,
    llvm::function_ref<const Type *(const Type *)> fn) {
  auto map = [&](const Type *t) { return t ? fn(t) : t; };
  switch (type->getKind()) {
  case Type::Kind::List:
    return types.getList(map(llvm::cast<ListType>(type)->getElement()));
  case Type::Kind::Set:
    return types.getSet(map(llvm::cast<SetType>(type)->getElement()));
  case Type::Kind::Dict: {
    auto *dict = llvm::cast<DictType>(type);
    return types.getDict(map(dict->getKey()), map(dict->getValue()));
  }
  case Type::Kind::Tuple: {
    std::vector<const Type *> elements;
    for (const Type *element : llvm::cast<TupleType>(type)->getElements())
      elements.push_back(map(element));
    return types.getTuple(elements);
  }
  case Type::Kind::Optional:
    return types.getOptional(map(llvm::cast<OptionalType>(type)->getValue()));
  case Type::Kind::Function: {
    auto *function = llvm::cast<FunctionType>(type);
    std::vector<const Type *> params;
    for (const Type *param : function->getParams())
      params.push_back(map(param));
    // A lambda's result is unknown until its body is checked: null.
    return types.getFunction(params, map(function->getResult()));
  }
  case Type::Kind::Class: {
    auto *cls = llvm::cast<ClassType>(type);
    if (cls->getTypeArgs().empty())
      return type;
    std::vector<const Type *> args;
    for (const Type *arg : cls->getTypeArgs())
      args.push_back(map(arg));
    return types.getClass(cls->getInfo(), args);
  }
  case Type::Kind::BoundMethod: {
    auto *bound = llvm::cast<BoundMethodType>(type);
    return types.getBoundMethod(
        bound->getMethod(), llvm::cast<ClassType>(map(bound->getReceiver())));
  }
  default:
    return type;
  }
}

const Type *roast::sema::substituteTypeParams(
    TypeContext &types, const Type *type,
    llvm::ArrayRef<const TypeParamType *> params,
    llvm::ArrayRef<const Type *> args) {
  if (type->getKind() == Type::Kind::TypeParam) {
    for (auto [param, arg] : llvm::zip(params, args))
      if (param == type)
        return arg;
    return type;
  }
  return mapComponentTypes(types, type, [&](const Type *component) {
    return substituteTypeParams(types, component, params, args);
  });
}

const Type *roast::sema::memberType(TypeContext &types, const Type *type,
                                    const Type *receiver) {
  auto *cls = llvm::dyn_cast<ClassType>(receiver);
  if (!cls || cls->getTypeArgs().empty())
    return type;
  return substituteTypeParams(types, type, cls->getInfo()->typeParams,
                              cls->getTypeArgs());
}
