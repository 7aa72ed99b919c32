//===- RoastClassOps.cpp - Verifiers of the class ops ---------------------===//

#include "Roast/Dialect/Roast/IR/RoastOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/SymbolTable.h"
#include "llvm/ADT/StringSet.h"

using namespace mlir;
using namespace roast;

/// The roast.class that `type` instantiates, or null after an error. A
/// generic class needs one type argument per type parameter.
static ClassOp lookupClass(Operation *op, ObjectType type,
                           SymbolTableCollection &symbolTable) {
  auto cls =
      symbolTable.lookupNearestSymbolFrom<ClassOp>(op, type.getClassName());
  if (!cls) {
    op->emitOpError("class ") << type.getClassName()
                              << " does not reference a roast.class";
    return nullptr;
  }
  size_t params = cls.isGeneric() ? cls.getTypeParams()->size() : 0;
  if (type.getTypeArgs().size() != params) {
    op->emitOpError("type ")
        << type << " gives " << type.getTypeArgs().size()
        << " type arguments, but class " << type.getClassName() << " has "
        << params << " type parameters";
    return nullptr;
  }
  return cls;
}

/// Whether class `derived` is `base` or derives from it.
static bool derivesFrom(ClassOp derived, StringRef base,
                        SymbolTableCollection &symbolTable) {
  for (ClassOp cls = derived; cls;) {
    if (cls.getSymName() == base)
      return true;
    if (!cls.getBase())
      return false;
    cls = symbolTable.lookupNearestSymbolFrom<ClassOp>(cls, cls.getBaseAttr());
  }
  return false;
}

//===----------------------------------------------------------------------===//
// ClassOp
//===----------------------------------------------------------------------===//

StringRef ClassOp::getMethodName(unsigned slot) {
  StringRef symbol =
      cast<FlatSymbolRefAttr>(getMethods()[slot]).getValue();
  return symbol.substr(symbol.rfind('.') + 1);
}

int ClassOp::lookupMethod(StringRef name) {
  for (unsigned slot = 0, e = getMethods().size(); slot < e; ++slot)
    if (getMethodName(slot) == name)
      return slot;
  return -1;
}

StringRef ClassOp::getSourceName() {
  if (std::optional<StringRef> name = getDisplayName())
    return *name;
  return getSymName().substr(getSymName().rfind('.') + 1);
}

Type ClassOp::getFieldType(unsigned index, ObjectType object) {
  Type type = cast<TypeAttr>(getFieldTypes()[index]).getValue();
  if (!isGeneric())
    return type;
  return substituteTypeParams(type, *getTypeParams(), object.getTypeArgs());
}

bool ClassOp::fieldsHoldReferences(ObjectType object) {
  for (unsigned i = 0, e = getFieldTypes().size(); i < e; ++i)
    if (holdsReferences(getFieldType(i, object)))
      return true;
  return false;
}

int ClassOp::lookupField(StringRef name) {
  for (auto [i, field] : llvm::enumerate(getFields()))
    if (cast<StringAttr>(field).getValue() == name)
      return i;
  return -1;
}

LogicalResult ClassOp::verify() {
  if (getFields().size() != getFieldTypes().size())
    return emitOpError("has ") << getFields().size() << " fields but "
                               << getFieldTypes().size() << " field types";
  llvm::StringSet<> seen;
  for (Attribute field : getFields())
    if (!seen.insert(cast<StringAttr>(field).getValue()).second)
      return emitOpError("has two fields named ") << field;
  seen.clear();
  // Field types may use only the class's own type parameters.
  if (std::optional<ArrayAttr> params = getTypeParams())
    for (Attribute name : *params)
      if (!seen.insert(cast<StringAttr>(name).getValue()).second)
        return emitOpError("duplicate type parameter ") << name;
  for (Attribute field : getFieldTypes()) {
    WalkResult walk =
        cast<TypeAttr>(field).getValue().walk([&](TypeParamType param) {
          if (seen.contains(param.getName()))
            return WalkResult::advance();
          emitOpError("field type uses type parameter '")
              << param.getName() << "', which is not one of the class's "
              << "type_params";
          return WalkResult::interrupt();
        });
    if (walk.wasInterrupted())
      return failure();
  }
  if (isGeneric() && getBase())
    return emitOpError("a generic class cannot have a base class");
  seen.clear();
  for (unsigned slot = 0, e = getMethods().size(); slot < e; ++slot)
    if (!seen.insert(getMethodName(slot)).second)
      return emitOpError("has two method table slots for '")
             << getMethodName(slot) << "'";
  return success();
}

/// A callable of a member table or of `call`: a display name, the entry,
/// and its arity, 0 <= min <= max <= 8 (ROAST_MAX_DYNAMIC_ARGS).
static LogicalResult verifyCallable(Operation *op, DictionaryAttr callable,
                                    SymbolTableCollection &symbolTable) {
  auto entry = callable.getAs<FlatSymbolRefAttr>("entry");
  auto min = callable.getAs<IntegerAttr>("min");
  auto max = callable.getAs<IntegerAttr>("max");
  if (!callable.getAs<StringAttr>("name") || !entry || !min || !max)
    return op->emitOpError("callable ")
           << callable << " needs name, entry, min and max";
  if (min.getInt() < 0 || min.getInt() > max.getInt() || max.getInt() > 8)
    return op->emitOpError("callable arity must be 0 <= min <= max <= 8");
  if (!symbolTable.lookupNearestSymbolFrom<FuncOp>(op, entry))
    return op->emitOpError("callable entry ")
           << entry << " does not reference a roast.func";
  return success();
}

/// The dynamic-lookup tables: each member names itself and its kind, a
/// field member names a field of the class, and every function it refers
/// to exists.
static LogicalResult verifyMembers(ClassOp op,
                                   SymbolTableCollection &symbolTable) {
  if (std::optional<DictionaryAttr> call = op.getCall())
    if (failed(verifyCallable(op, *call, symbolTable)))
      return failure();
  if (!op.getMembers())
    return success();
  for (DictionaryAttr member : op.getMembers()->getAsRange<DictionaryAttr>()) {
    if (!member.getAs<StringAttr>("name") || !member.getAs<IntegerAttr>("kind"))
      return op.emitOpError("member ") << member << " needs a name and a kind";
    if (auto field = member.getAs<StringAttr>("field");
        field && op.lookupField(field.getValue()) < 0)
      return op.emitOpError("member field '")
             << field.getValue() << "' is not a field of the class";
    for (StringRef key : {"get", "set"})
      if (auto fn = member.getAs<FlatSymbolRefAttr>(key);
          fn && !symbolTable.lookupNearestSymbolFrom<FuncOp>(op, fn))
        return op.emitOpError("member ")
               << key << " " << fn << " does not reference a roast.func";
    if (auto call = member.getAs<DictionaryAttr>("call"))
      if (failed(verifyCallable(op, call, symbolTable)))
        return failure();
  }
  return success();
}

LogicalResult ClassOp::verifySymbolUses(SymbolTableCollection &symbolTable) {
  if (failed(verifyMembers(*this, symbolTable)))
    return failure();
  if (getBase()) {
    auto base =
        symbolTable.lookupNearestSymbolFrom<ClassOp>(*this, getBaseAttr());
    if (!base)
      return emitOpError("base ") << getBaseAttr()
                                  << " does not reference a roast.class";
    if (derivesFrom(base, getSymName(), symbolTable))
      return emitOpError("inherits from itself");
    // A subclass instance must be usable as a base instance.
    if (getFields().size() < base.getFields().size() ||
        !llvm::equal(base.getFields(),
                     getFields().getValue().take_front(
                         base.getFields().size())) ||
        !llvm::equal(base.getFieldTypes(),
                     getFieldTypes().getValue().take_front(
                         base.getFieldTypes().size())))
      return emitOpError("fields do not start with the fields of base ")
             << getBaseAttr();
    if (getMethods().size() < base.getMethods().size())
      return emitOpError("method table is shorter than its base's");
    for (unsigned slot = 0, e = base.getMethods().size(); slot < e; ++slot)
      if (getMethodName(slot) != base.getMethodName(slot))
        return emitOpError("method table slot ")
               << slot << " is '" << getMethodName(slot)
               << "' but the base's is '" << base.getMethodName(slot) << "'";
  }
  for (Attribute method : getMethods()) {
    auto ref = cast<FlatSymbolRefAttr>(method);
    auto fn = symbolTable.lookupNearestSymbolFrom<FuncOp>(*this, ref);
    if (!fn)
      return emitOpError("method ") << ref << " does not reference a roast.func";
    auto self = fn.getArgumentTypes().empty()
                    ? ObjectType()
                    : dyn_cast<ObjectType>(fn.getArgumentTypes().front());
    if (!self)
      return emitOpError("method ") << ref << " takes no instance";
    if (!derivesFrom(*this, self.getClassName().getValue(), symbolTable))
      return emitOpError("method ") << ref << " takes " << self
                                    << ", not an instance of a base class";
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Instances
//===----------------------------------------------------------------------===//

LogicalResult NewOp::verifySymbolUses(SymbolTableCollection &symbolTable) {
  ClassOp cls = lookupClass(*this, getType(), symbolTable);
  if (!cls)
    return failure();
  // A stack instance is never freed: references in its fields would leak.
  if (getStack() && (cls.getBuiltin() || cls.fieldsHoldReferences(getType())))
    return emitOpError("stack instance of class ")
           << getType().getClassName()
           << ", whose fields hold references (they would leak)";
  return success();
}

/// The type of field `name` of `type`'s class, or null after an error.
static Type lookupFieldType(Operation *op, ObjectType type, StringRef name,
                            SymbolTableCollection &symbolTable) {
  ClassOp cls = lookupClass(op, type, symbolTable);
  if (!cls)
    return nullptr;
  int index = cls.lookupField(name);
  if (index < 0) {
    op->emitOpError("class ") << type.getClassName() << " has no field '"
                              << name << "'";
    return nullptr;
  }
  return cls.getFieldType(index, type);
}

LogicalResult
GetFieldOp::verifySymbolUses(SymbolTableCollection &symbolTable) {
  Type type =
      lookupFieldType(*this, getObject().getType(), getField(), symbolTable);
  if (!type)
    return failure();
  if (type != getType())
    return emitOpError("field '") << getField() << "' has type " << type
                                  << ", not " << getType();
  return success();
}

LogicalResult
SetFieldOp::verifySymbolUses(SymbolTableCollection &symbolTable) {
  Type type =
      lookupFieldType(*this, getObject().getType(), getField(), symbolTable);
  if (!type)
    return failure();
  if (type != getValue().getType())
    return emitOpError("field '") << getField() << "' has type " << type
                                  << ", not " << getValue().getType();
  return success();
}

//===----------------------------------------------------------------------===//
// Dispatch
//===----------------------------------------------------------------------===//

LogicalResult
MethodCallOp::verifySymbolUses(SymbolTableCollection &symbolTable) {
  ClassOp cls = lookupClass(*this, getReceiver().getType(), symbolTable);
  if (!cls)
    return failure();
  int slot = cls.lookupMethod(getMethod());
  if (slot < 0)
    return emitOpError("class ") << cls.getSymName() << " has no method '"
                                 << getMethod() << "' in its method table";
  auto fn = symbolTable.lookupNearestSymbolFrom<FuncOp>(
      cls, cast<FlatSymbolRefAttr>(cls.getMethods()[slot]));
  FunctionType type = fn.getFunctionType();
  // A generic class's method, with the receiver's type arguments.
  if (cls.isGeneric())
    type = cast<FunctionType>(substituteTypeParams(
        type, *cls.getTypeParams(), getReceiver().getType().getTypeArgs()));
  if (!llvm::equal(type.getInputs().drop_front(), getArgs().getTypes()) ||
      !llvm::equal(type.getResults(), getResultTypes()))
    return emitOpError("arguments and results do not match method ")
           << fn.getName() << " of type " << type;
  return success();
}

LogicalResult
IsInstanceOp::verifySymbolUses(SymbolTableCollection &symbolTable) {
  auto object = dyn_cast<ObjectType>(getObject().getType());
  if (object && !lookupClass(*this, object, symbolTable))
    return failure();
  if (!symbolTable.lookupNearestSymbolFrom<ClassOp>(*this, getTargetAttr()))
    return emitOpError("class ") << getTargetAttr()
                                 << " does not reference a roast.class";
  return success();
}

LogicalResult UpcastOp::verifySymbolUses(SymbolTableCollection &symbolTable) {
  ClassOp from = lookupClass(*this, getObject().getType(), symbolTable);
  if (!from)
    return failure();
  StringRef to = getType().getClassName().getValue();
  if (!derivesFrom(from, to, symbolTable))
    return emitOpError("class ") << from.getSymName()
                                 << " does not derive from " << to;
  return success();
}

OpFoldResult UpcastOp::fold(FoldAdaptor) {
  if (getObject().getType() == getType())
    return getObject();
  // upcast(upcast(x)) is one upcast.
  if (auto inner = getObject().getDefiningOp<UpcastOp>()) {
    getObjectMutable().assign(inner.getObject());
    return getResult();
  }
  return nullptr;
}

LogicalResult
DowncastOp::verifySymbolUses(SymbolTableCollection &symbolTable) {
  ClassOp to = lookupClass(*this, getType(), symbolTable);
  if (!to)
    return failure();
  StringRef from = getObject().getType().getClassName().getValue();
  if (!derivesFrom(to, from, symbolTable))
    return emitOpError("class ") << to.getSymName()
                                 << " does not derive from " << from;
  return success();
}
