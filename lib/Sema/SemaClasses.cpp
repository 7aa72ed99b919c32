//===- SemaClasses.cpp - Classes, fields, methods and exceptions ----------===//
//
// A class is declared in two steps: declareClass records its base, class
// attributes and method signatures (so any code can use it), then the
// checker reads the `__init__` bodies before anything else to learn the
// fields they assign (`self.x = x`), and finishClasses lays the fields out,
// each class after its base's.
//
//===----------------------------------------------------------------------===//

#include "SemaImpl.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/StringSet.h"

using namespace roast;
using namespace roast::ast;
using namespace roast::sema;

/// The built-in exception hierarchy; a base precedes its subclasses.
static constexpr BuiltinClass builtinClasses[] = {
    {"BaseException", nullptr},
    {"Exception", "BaseException"},
    {"ArithmeticError", "Exception"},
    {"ZeroDivisionError", "ArithmeticError"},
    {"OverflowError", "ArithmeticError"},
    {"ValueError", "Exception"},
    {"RuntimeError", "Exception"},
    {"RecursionError", "RuntimeError"},
    {"NotImplementedError", "RuntimeError"},
    {"TypeError", "Exception"},
    {"LookupError", "Exception"},
    {"IndexError", "LookupError"},
    {"KeyError", "LookupError"},
    {"AssertionError", "Exception"},
    {"AttributeError", "Exception"},
    {"MemoryError", "Exception"},
    {"NameError", "Exception"},
    {"EOFError", "Exception"},
    {"OSError", "Exception"},
    {"FileNotFoundError", "OSError"},
    {"PermissionError", "OSError"},
    {"IsADirectoryError", "OSError"},
    {"NotADirectoryError", "OSError"},
    {"FileExistsError", "OSError"},
    {"UnsupportedOperation", "OSError"}, // io.UnsupportedOperation
    {"StopIteration", "Exception"},
    {"SystemExit", "BaseException"},
    {"KeyboardInterrupt", "BaseException"},
};

llvm::ArrayRef<BuiltinClass> sema::getBuiltinClasses() {
  return builtinClasses;
}

std::string FunctionInfo::qualifiedName() const {
  if (enclosing) // Python's __qualname__: f.<locals>.g
    return enclosing->qualifiedName() + ".<locals>." + def->name;
  if (isFallback)
    return "<dynamic>." + def->name;
  if (!owner)
    return def->name;
  return owner->name + "." + def->name;
}

llvm::ArrayRef<const TypeParamType *> FunctionInfo::genericParams() const {
  if (owner && !owner->typeParams.empty())
    return owner->typeParams;
  return typeParams;
}

bool ClassInfo::isException() const {
  const ClassInfo *root = this;
  while (root->base)
    root = root->base;
  return root->isBuiltin() && root->name == "BaseException";
}

int ClassInfo::vtableSlot(llvm::StringRef name) const {
  for (auto [i, method] : llvm::enumerate(vtable))
    if (method->def->name == name)
      return i;
  return -1;
}

const FieldInfo *ClassInfo::findField(llvm::StringRef name) const {
  for (const ClassInfo *c = this; c; c = c->base)
    for (const FieldInfo &field : c->ownFields)
      if (field.name == name)
        return &field;
  return nullptr;
}

Symbol *ClassInfo::findClassAttr(llvm::StringRef name) const {
  for (const ClassInfo *c = this; c; c = c->base)
    if (Symbol *attr = c->classAttrs.lookup(name))
      return attr;
  return nullptr;
}

FunctionInfo *ClassInfo::findMethod(llvm::StringRef name) const {
  for (const ClassInfo *c = this; c; c = c->base)
    if (FunctionInfo *method = c->methods.lookup(name))
      return method;
  return nullptr;
}

ClassInfo &Checker::newClass(llvm::StringRef name, ClassDefStmt *def,
                             Loc loc) {
  ClassInfo &info = program.classStorage.emplace_back();
  info.def = def;
  info.name = name.str();
  if (def) {
    info.module = currentModule;
    llvm::StringSet<> names;
    for (const TypeParam &param : def->typeParams) {
      if (!names.insert(param.name).second)
        diags.error(param.loc, "duplicate type parameter '" + param.name + "'");
      info.typeParams.push_back(types.newTypeParam(param.name));
    }
  }
  // A generic class's own body sees its instances as `Stack[T]`.
  info.type =
      types.getClass(&info, std::vector<const Type *>(info.typeParams.begin(),
                                                      info.typeParams.end()));
  Symbol *sym = newSymbol(Symbol::Kind::Class, name, nullptr, loc);
  sym->classInfo = &info;
  (def ? moduleScope() : builtins)[name] = sym;
  return info;
}

void Checker::setBase(ClassInfo &info, ClassInfo *base) {
  info.base = base;
  if (base)
    info.vtable = base->vtable;
  program.classes.push_back(&info);
}

void Checker::declareClassName(ClassDefStmt &def) {
  if (Symbol *existing = moduleScope().lookup(def.name)) {
    diags.error(def.getLoc(), "redefinition of '" + def.name + "'");
    diags.note(existing->loc, "previous definition is here");
    return;
  }
  def.info = &newClass(def.name, &def, def.getLoc());
}

void Checker::declareBuiltinClasses() {
  for (const BuiltinClass &builtin : builtinClasses) {
    ClassInfo *base = nullptr;
    if (builtin.base)
      base = builtins.lookup(builtin.base)->classInfo;
    ClassInfo &info = newClass(builtin.name, nullptr, Loc());
    setBase(info, base);
    // Every exception carries its message, str(e), as its first field.
    if (!base)
      info.ownFields.push_back({"__message__", types.getStr(), Loc()});
  }
}

void Checker::declareClass(ClassDefStmt &def) {
  if (!def.info)
    return; // a redefinition
  ClassInfo &info = *def.info;
  for (const std::string &decorator : def.decorators)
    diags.error(def.getLoc(),
                "class decorator '@" + decorator + "' is not supported");
  ClassInfo *base = nullptr;
  if (def.bases.size() > 1)
    diags.error(def.bases[1]->getLoc(),
                "multiple inheritance is not supported");
  if (!def.bases.empty() && !info.typeParams.empty()) {
    unsupported(def.bases.front()->getLoc(), "base classes of generic classes");
  } else if (!def.bases.empty()) {
    Symbol *sym = lookupQualifiedName(*def.bases.front(), /*report=*/true);
    if (sym && sym->kind == Symbol::Kind::Class &&
        !sym->classInfo->typeParams.empty()) {
      unsupported(def.bases.front()->getLoc(), "subclasses of generic classes");
      sym = nullptr;
    }
    if (sym && sym->kind == Symbol::Kind::Class &&
        (sym->classInfo->isBuiltin() ||
         llvm::is_contained(program.classes, sym->classInfo)))
      base = sym->classInfo;
    else if (sym && sym->kind == Symbol::Kind::Class)
      diags.error(def.bases.front()->getLoc(),
                  "base class '" + sym->name + "' must be defined first");
    else if (sym || !llvm::isa<NameExpr, AttributeExpr>(*def.bases.front()))
      diags.error(def.bases.front()->getLoc(),
                  "a base class must be the name of a class");
  }
  setBase(info, base);
  info.dynamicFields = isUnannotated(def) && info.typeParams.empty();

  // Field annotations may name the class's type parameters.
  ClassInfo *outerClass = std::exchange(declaringClass, &info);
  auto restore = llvm::make_scope_exit([&] { declaringClass = outerClass; });
  for (StmtPtr &stmt : def.body) {
    if (auto *method = llvm::dyn_cast<FunctionDefStmt>(stmt.get())) {
      declareMethod(info, *method);
      continue;
    }
    if (auto *ann = llvm::dyn_cast<AnnAssignStmt>(stmt.get())) {
      auto *name = llvm::dyn_cast<NameExpr>(ann->target.get());
      if (!name) {
        diags.error(ann->target->getLoc(), "expected a field name");
        continue;
      }
      const Type *type = resolveAnnotation(ann->annotation.get());
      if (!ann->value) { // `x: int` declares an instance field
        if (info.findField(name->name))
          diags.error(name->getLoc(), "field '" + name->name +
                                          "' is already declared");
        else
          info.ownFields.push_back({name->name, type, name->getLoc()});
        continue;
      }
      declareClassAttr(info, *name, type, *ann->value, *stmt);
      continue;
    }
    if (auto *assign = llvm::dyn_cast<AssignStmt>(stmt.get())) {
      auto *name = llvm::dyn_cast<NameExpr>(assign->targets.front().get());
      if (assign->targets.size() != 1 || !name) {
        diags.error(stmt->getLoc(), "expected `name = value` in a class body");
        continue;
      }
      declareClassAttr(info, *name, nullptr, *assign->value, *stmt);
      continue;
    }
    if (llvm::isa<PassStmt>(stmt.get()))
      continue;
    if (auto *expr = llvm::dyn_cast<ExprStmt>(stmt.get());
        expr && llvm::isa<StrLitExpr>(expr->value.get()))
      continue; // a docstring
    diags.error(stmt->getLoc(), "only fields, class attributes and methods "
                                "may appear in a class body");
  }
}

/// Whether a class body has no annotation at all: no field declarations,
/// no annotated parameter (but self) and no result annotation.
bool Checker::isUnannotated(const ClassDefStmt &def) {
  for (const StmtPtr &stmt : def.body) {
    if (llvm::isa<AnnAssignStmt>(stmt.get()))
      return false;
    auto *method = llvm::dyn_cast<FunctionDefStmt>(stmt.get());
    if (!method)
      continue;
    if (method->returns)
      return false;
    for (const Param &param : method->params)
      if (param.annotation)
        return false;
  }
  return true;
}

void Checker::declareClassAttr(ClassInfo &info, NameExpr &name,
                               const Type *declared, Expr &value,
                               Stmt &stmt) {
  const Type *type = checkExprExpecting(value, declared);
  if (declared && !isAssignable(type, declared)) {
    diags.error(value.getLoc(), "cannot assign a value of type " +
                                    type->str() + " to '" + name.name +
                                    "' of type " + declared->str());
  }
  if (info.classAttrs.count(name.name)) {
    diags.error(name.getLoc(), "class attribute '" + name.name +
                                   "' is already defined");
    return;
  }
  Symbol *attr =
      newSymbol(Symbol::Kind::Global, info.name + "::" + name.name,
                declared ? declared : type, name.getLoc());
  info.classAttrs[name.name] = attr;
  program.globals.push_back(attr);
  name.symbol = attr;
  name.type = attr->type;
  typedExprs.push_back(&name);
  info.attrStatements.push_back(&stmt);
  declareClassAttrGetter(info, *attr, name.name, name.getLoc());
}

/// `self.attr` reads the class attribute of the instance's own class,
/// which a subclass may redefine: it calls a getter, `def attr(self):
/// return Class.attr`, that dispatches like a property.
void Checker::declareClassAttrGetter(ClassInfo &info, Symbol &attr,
                                     llvm::StringRef name, Loc loc) {
  std::vector<Param> params(1);
  params[0].loc = loc;
  params[0].name = "self";
  Block body;
  auto value = std::make_unique<AttributeExpr>(
      loc, std::make_unique<NameExpr>(loc, info.name), name.str());
  body.push_back(std::make_unique<ReturnStmt>(loc, std::move(value)));
  auto def = std::make_unique<FunctionDefStmt>(loc, name.str(),
                                               std::move(params), nullptr,
                                               std::move(body));
  FunctionDefStmt &getter = *def;
  info.synthesized.push_back(std::move(def));

  FunctionInfo &method = program.functionStorage.emplace_back();
  method.def = &getter;
  method.owner = &info;
  method.methodKind = FunctionInfo::MethodKind::Property;
  Symbol *self = newSymbol(Symbol::Kind::Local, "self", info.type, loc);
  getter.params[0].symbol = self;
  method.params.push_back(self);
  method.locals.push_back(self);
  method.type = types.getFunction({info.type}, attr.type);
  method.symbol = newSymbol(Symbol::Kind::Function, name, method.type, loc);
  getter.symbol = method.symbol;
  method.symbol->function = &method;
  program.functions.push_back(&method);
  info.methods[name] = &method;
  addToVtable(info, method);
}

void Checker::declareMethod(ClassInfo &info, FunctionDefStmt &def) {
  FunctionInfo::MethodKind kind = FunctionInfo::MethodKind::Instance;
  for (const std::string &decorator : def.decorators) {
    if (decorator == "staticmethod")
      kind = FunctionInfo::MethodKind::Static;
    else if (decorator == "property")
      kind = FunctionInfo::MethodKind::Property;
    else
      diags.error(def.getLoc(),
                  "decorator '@" + decorator + "' is not supported");
  }
  if (info.methods.count(def.name)) {
    diags.error(def.getLoc(), "redefinition of method '" + def.name + "'");
    return;
  }
  bool hasSelf = kind != FunctionInfo::MethodKind::Static;
  if (!hasSelf && !info.typeParams.empty()) {
    unsupported(def.getLoc(), "static methods of generic classes");
    return;
  }
  if (hasSelf && def.params.empty()) {
    diags.error(def.getLoc(), "method '" + def.name +
                                  "' needs a `self` parameter");
    return;
  }
  FunctionInfo &method =
      makeFunction(def, hasSelf ? info.type : nullptr, &info);
  method.methodKind = kind;
  info.methods[def.name] = &method;
  if (kind == FunctionInfo::MethodKind::Property &&
      method.params.size() != 1)
    diags.error(def.getLoc(), "a property takes only `self`");
  if (!hasSelf || def.name == "__init__")
    return;

  addToVtable(info, method);
}

void Checker::addToVtable(ClassInfo &info, FunctionInfo &method) {
  // Instance methods and properties dispatch through the method table; an
  // override takes its base's slot and must keep its signature.
  FunctionDefStmt &def = *method.def;
  FunctionInfo::MethodKind kind = method.methodKind;
  int slot = info.vtableSlot(def.name);
  if (slot < 0) {
    info.vtable.push_back(&method);
    return;
  }
  FunctionInfo *overridden = info.vtable[slot];
  auto params = method.type->getParams().drop_front();
  auto baseParams = overridden->type->getParams().drop_front();
  if (overridden->methodKind != kind || params != baseParams ||
      method.type->getResult() != overridden->type->getResult()) {
    diags.error(def.getLoc(), "method '" + def.name +
                                  "' overrides '" + overridden->qualifiedName() +
                                  "' with a different signature");
    diags.note(overridden->def->getLoc(), "overridden method is here");
  }
  info.vtable[slot] = &method;
}

void Checker::finishClasses() {
  for (ClassInfo *info : program.classes) {
    info->fields = info->base ? info->base->fields : std::vector<FieldInfo>();
    for (FieldInfo &field : info->ownFields) {
      field.type = resolve(field.type, /*final=*/true);
      info->fields.push_back(field);
    }
  }
}

const FunctionInfo *Checker::currentInit() const {
  if (current && current->owner && current->def->name == "__init__")
    return current;
  return nullptr;
}

/// Whether `expr` is the `self` parameter of the method being checked.
bool Checker::isSelf(const Expr &expr) const {
  auto *name = llvm::dyn_cast<NameExpr>(&expr);
  return name && current && current->owner &&
         current->methodKind != FunctionInfo::MethodKind::Static &&
         !current->params.empty() && name->symbol == current->params.front();
}

const Type *Checker::checkAttribute(AttributeExpr &attr) {
  if (auto *name = llvm::dyn_cast<NameExpr>(attr.value.get())) {
    Symbol *sym = lookupName(*name, /*report=*/false);
    if (sym && sym->kind == Symbol::Kind::Class) {
      name->symbol = sym;
      Symbol *classAttr = sym->classInfo->findClassAttr(attr.attr);
      if (!classAttr) {
        diags.error(attr.getLoc(), "type object '" + sym->name +
                                       "' has no attribute '" + attr.attr +
                                       "'");
        return types.getError();
      }
      attr.member = classAttr;
      return classAttr->type;
    }
  }
  const Type *base = checkExpr(*attr.value);
  if (base->isError() || base->isAny())
    return base; // a dynamic value's attribute is looked up at run time
  auto *cls = llvm::dyn_cast<ClassType>(base);
  if (base->isTypeParam()) {
    genericUnsupported(attr.getLoc(), "attributes", base);
    return types.getError();
  }
  if (!cls) {
    diags.error(attr.getLoc(),
                "'" + base->str() + "' object has no attribute '" + attr.attr +
                    "'" +
                    (base->isOptional() ? " (it may be None: test `is not "
                                          "None` first)"
                                        : ""));
    return types.getError();
  }
  ClassInfo &info = *cls->getInfo();
  if (const FieldInfo *field = info.findField(attr.attr)) {
    const Type *type = memberType(types, field->type, cls);
    if (type->isOptional())
      if (std::optional<Narrowing> narrowing = narrowable(attr))
        if (const Type *narrowed = lookupNarrowed(narrowing->key)) {
          attr.narrowed = true; // `node.next` tested not None
          return narrowed;
        }
    return type;
  }
  if (FunctionInfo *method = info.findMethod(attr.attr)) {
    attr.method = method;
    if (method->methodKind == FunctionInfo::MethodKind::Property)
      return memberType(types, method->type->getResult(), cls);
    if (method->methodKind == FunctionInfo::MethodKind::Static) {
      unsupported(attr.getLoc(), "static methods as values");
      return types.getError();
    }
    return types.getBoundMethod(method, cls); // m = obj.method
  }
  diags.error(attr.getLoc(), "'" + info.name + "' object has no attribute '" +
                                 attr.attr + "'");
  return types.getError();
}

void Checker::assignToAttribute(AttributeExpr &target, const Type *valueType,
                                const Type *declared, Loc loc) {
  if (auto *name = llvm::dyn_cast<NameExpr>(target.value.get())) {
    Symbol *sym = lookupName(*name, /*report=*/false);
    if (sym && sym->kind == Symbol::Kind::Class) {
      name->symbol = sym;
      Symbol *classAttr = sym->classInfo->findClassAttr(target.attr);
      if (!classAttr) {
        diags.error(target.getLoc(), "type object '" + sym->name +
                                         "' has no attribute '" +
                                         target.attr + "'");
        return;
      }
      target.member = classAttr;
      target.type = classAttr->type;
      if (!isAssignable(valueType, classAttr->type))
        diags.error(loc, "cannot assign a value of type " + valueType->str() +
                             " to '" + target.attr + "' of type " +
                             classAttr->type->str());
      return;
    }
  }
  const Type *base = checkExpr(*target.value);
  if (base->isError())
    return;
  if (base->isAny()) { // stored by name at run time
    target.type = base;
    typedExprs.push_back(&target);
    return;
  }
  auto *cls = llvm::dyn_cast<ClassType>(base);
  if (!cls) {
    diags.error(target.getLoc(), "'" + base->str() +
                                     "' object has no attribute '" +
                                     target.attr + "'");
    return;
  }
  ClassInfo &info = *cls->getInfo();
  const FieldInfo *field = info.findField(target.attr);
  if (!field) {
    // `self.x = ...` in __init__ declares the field.
    if (currentInit() && isSelf(*target.value) &&
        !info.findMethod(target.attr)) {
      const Type *type = declared         ? declared
                         : info.dynamicFields ? types.getAny()
                                              : valueType;
      if (type->isAny())
        bindUnknownToAny(valueType);
      info.ownFields.push_back({target.attr, type, target.getLoc()});
      field = &info.ownFields.back();
    } else if (current && current->owner == &info && isSelf(*target.value) &&
               !info.findMethod(target.attr)) {
      // First assigned by another method (`def start(self): self.running
      // = True`): code may read it before or after, so it is dynamic.
      info.ownFields.push_back({target.attr,
                                declared ? declared : types.getAny(),
                                target.getLoc()});
      field = &info.ownFields.back();
    } else {
      diags.error(target.getLoc(),
                  "'" + info.name + "' object has no attribute '" +
                      target.attr +
                      "' (declare fields in the class body or __init__)");
      return;
    }
  } else if (declared && declared != field->type) {
    diags.error(target.getLoc(), "field '" + target.attr +
                                     "' is already declared with type " +
                                     field->type->str());
  }
  const Type *fieldType = memberType(types, field->type, cls);
  target.type = fieldType;
  typedExprs.push_back(&target);
  std::optional<Narrowing> narrowing = narrowable(target);
  const Type *before = narrowing ? lookupNarrowed(narrowing->key) : nullptr;
  forgetAttributeNarrowings(target.attr);
  if (!isAssignable(valueType, fieldType) && !valueType->isError()) {
    diags.error(loc, "cannot assign a value of type " + valueType->str() +
                         " to field '" + target.attr + "' of type " +
                         fieldType->str());
    return;
  }
  // `node.next = Node(...)`: not None until the block ends.
  if (narrowing && !valueType->isOptional() && !valueType->isNone() &&
      !valueType->isError())
    narrowRestOfBlock(*narrowing, before);
}

const Type *Checker::checkConstruction(CallExpr &call, ClassInfo &info) {
  const Type *expected = std::exchange(callExpectedType, nullptr);
  const ClassType *type = info.type;
  if (!info.typeParams.empty()) {
    // Like a generic call: fresh variables, bound by the expected type
    // (`s: Stack[int] = Stack()`) and the arguments (`Box(10)`).
    call.typeArgs.clear();
    for (size_t i = 0; i < info.typeParams.size(); ++i)
      call.typeArgs.push_back(types.newVar());
    type = types.getClass(&info, call.typeArgs);
    if (auto *optional = llvm::dyn_cast_if_present<OptionalType>(expected))
      expected = optional->getValue();
    if (auto *want = llvm::dyn_cast_if_present<ClassType>(resolve(expected));
        want && want->getInfo() == &info)
      unify(type, want);
    genericCalls.push_back(&call);
  }
  FunctionInfo *init = info.findMethod("__init__");
  if (init)
    checkUserCall(call, *init, /*firstParam=*/1, type);
  else if (info.isException())
    checkExceptionArgs(call, info.name);
  else
    checkArgCount(call, info.name, 0, 0);
  if (info.typeParams.empty())
    return type;
  // A type argument nothing gives (an unannotated `__init__`) is dynamic.
  for (const Type *arg : call.typeArgs)
    bindUnknownToAny(arg);
  return resolve(types.getClass(&info, call.typeArgs));
}

void Checker::checkExceptionArgs(CallExpr &call, llvm::StringRef name) {
  for (ExprPtr &arg : call.args)
    checkExpr(*arg);
  if (!call.keywords.empty())
    diags.error(call.keywords.front().loc,
                name + "() takes no keyword arguments");
  if (call.args.size() > 1)
    unsupported(call.args[1]->getLoc(),
                "exceptions with more than one argument");
  if (!call.args.empty() && !call.args.front()->type->isError() &&
      !checkFormatField(call.args.front()->type, 's', false,
                        call.args.front()->getLoc()))
    return;
}

ClassInfo *Checker::resolveClassReceiver(AttributeExpr &callee) {
  if (auto *superCall = llvm::dyn_cast<CallExpr>(callee.value.get())) {
    auto *superName = llvm::dyn_cast<NameExpr>(superCall->callee.get());
    Symbol *sym = superName ? lookupName(*superName, false) : nullptr;
    if (!sym || sym->kind != Symbol::Kind::Builtin ||
        sym->builtin != Builtin::Super)
      return nullptr;
    superName->symbol = sym;
    callee.viaSuper = true;
    if (!current || !current->owner ||
        current->methodKind == FunctionInfo::MethodKind::Static ||
        !superCall->args.empty()) {
      diags.error(superCall->getLoc(),
                  "super() is only supported without arguments in a method");
      return nullptr;
    }
    ClassInfo *base = current->owner->base;
    if (!base) {
      diags.error(superCall->getLoc(),
                  "'" + current->owner->name + "' has no base class");
      return nullptr;
    }
    superCall->type = base->type;
    return base;
  }
  if (auto *name = llvm::dyn_cast<NameExpr>(callee.value.get())) {
    Symbol *sym = lookupName(*name, false);
    if (sym && sym->kind == Symbol::Kind::Class) {
      name->symbol = sym;
      return sym->classInfo;
    }
  }
  return nullptr;
}

const Type *Checker::checkMethodCall(CallExpr &call, AttributeExpr &callee,
                                     ClassInfo *info) {
  // A call through the class itself: `Point.origin()` or `super().f()`.
  bool isStatic = !callee.viaSuper && callee.value->type == nullptr &&
                  llvm::isa<NameExpr>(callee.value.get()) &&
                  llvm::cast<NameExpr>(callee.value.get())->symbol &&
                  llvm::cast<NameExpr>(callee.value.get())->symbol->kind ==
                      Symbol::Kind::Class;
  FunctionInfo *method = info->findMethod(callee.attr);
  if (!method && callee.viaSuper && callee.attr == "__init__" &&
      info->isException()) {
    // The built-in exceptions' constructor stores the message.
    checkExceptionArgs(call, info->name);
    return types.getNone();
  }
  // The receiver's type arguments, for a generic class's members.
  const Type *receiver = isStatic ? nullptr : callee.value->type;
  if (const FieldInfo *field = info->findField(callee.attr);
      !method && !isStatic && !callee.viaSuper && field &&
      field->type->isClass()) {
    // self.handler(x): the field's __call__
    callee.type = memberType(types, field->type, receiver);
    return checkInstanceCall(call, callee.type);
  }
  if (!method || method->methodKind == FunctionInfo::MethodKind::Property) {
    for (ExprPtr &arg : call.args)
      checkExpr(*arg);
    diags.error(callee.getLoc(), "'" + info->name +
                                     "' object has no method '" + callee.attr +
                                     "'");
    return types.getError();
  }
  bool methodIsStatic = method->methodKind == FunctionInfo::MethodKind::Static;
  if (isStatic && !methodIsStatic) {
    for (ExprPtr &arg : call.args)
      checkExpr(*arg);
    unsupported(callee.getLoc(), "calls of instance methods through the class");
    return types.getError();
  }
  callee.method = method;
  return checkUserCall(call, *method, methodIsStatic ? 0 : 1, receiver);
}

const Type *Checker::checkIsInstance(CallExpr &call) {
  if (!checkArgCount(call, "isinstance", 2, 2))
    return types.getBool();
  const Type *value = checkExpr(*call.args[0]);
  if (value->isOptional()) { // decided at run time: narrow it first
    checkExpr(*call.args[1]);
    unsupported(call.args[0]->getLoc(),
                "isinstance() of optional values (test `is not None`)");
    return types.getBool();
  }
  bool anyClass = false;
  auto checkClass = [&](Expr &expr) {
    Symbol *sym = lookupQualifiedName(expr, /*report=*/true);
    if (sym && sym->kind == Symbol::Kind::Class &&
        !sym->classInfo->typeParams.empty()) {
      unsupported(expr.getLoc(), "isinstance() tests of generic classes");
      return;
    }
    if (sym && sym->kind == Symbol::Kind::Class) {
      anyClass = true;
      return;
    }
    // int, float, bool, str, list, dict, set: decided by the static type.
    if (sym && sym->kind == Symbol::Kind::Builtin &&
        staticIsInstance(value, sym->builtin))
      return;
    if (sym || !llvm::isa<NameExpr, AttributeExpr>(expr))
      diags.error(expr.getLoc(), "isinstance() arg 2 must be a class or a "
                                 "tuple of classes");
  };
  if (auto *tuple = llvm::dyn_cast<TupleExpr>(call.args[1].get()))
    for (ExprPtr &element : tuple->elts)
      checkClass(*element);
  else
    checkClass(*call.args[1]);
  if (anyClass && !value->isClass() && !value->isAny() && !value->isError())
    unsupported(call.args[0]->getLoc(),
                "isinstance() of a value that is not a class instance");
  return types.getBool();
}

std::optional<bool> sema::staticIsInstance(const Type *value,
                                           Builtin builtin) {
  switch (builtin) {
  case Builtin::Int: // bool is a subclass of int
    return value->isInt() || value->isBool();
  case Builtin::Float: return value->isFloat();
  case Builtin::Bool: return value->isBool();
  case Builtin::Str: return value->isStr();
  case Builtin::List: return value->isList();
  case Builtin::Dict: return value->isDict();
  case Builtin::Set: return value->isSet();
  default: return std::nullopt;
  }
}

void Checker::checkInstanceComparison(CmpOp op, const Type *lhs,
                                      const Type *rhs, Loc loc) {
  if (op == CmpOp::Eq || op == CmpOp::NotEq) {
    // Identity, unless the left operand's class defines __eq__ (or, for
    // !=, __ne__).
    auto *cls = llvm::dyn_cast<ClassType>(lhs);
    FunctionInfo *eq = nullptr;
    if (cls && op == CmpOp::NotEq)
      eq = cls->getInfo()->findMethod("__ne__");
    if (cls && !eq)
      eq = cls->getInfo()->findMethod("__eq__");
    if (eq && (eq->params.size() != 2 ||
               !isAssignable(rhs, eq->type->getParams()[1]) ||
               (!eq->type->getResult()->isBool() &&
                !eq->type->getResult()->isAny())))
      diags.error(loc, "'" + eq->qualifiedName() + "' cannot compare with a " +
                           rhs->str() + " (it must take one argument and "
                                        "return bool)");
    return;
  }
  OperatorCall call = findCompareOperator(op, lhs, rhs);
  if (!call.method)
    diags.error(loc, "'" + spelling(op).str() +
                         "' not supported between instances of '" +
                         lhs->str() + "' and '" + rhs->str() + "'");
  else if (!call.method->type->getResult()->isBool() &&
           !call.method->type->getResult()->isAny())
    diags.error(loc, "'" + call.method->qualifiedName() +
                         "' must return bool to be a comparison");
}

/// The `self.x` targets `block` assigns (`self.x = v`, `self.a, self.b =
/// ...`, `self.x += 1`), without entering nested functions.
static void collectSelfTargets(const Block &block, llvm::StringRef self,
                               llvm::SmallVectorImpl<AttributeExpr *> &out) {
  std::function<void(Expr *)> add = [&](Expr *target) {
    if (auto *attr = llvm::dyn_cast<AttributeExpr>(target)) {
      if (auto *name = llvm::dyn_cast<NameExpr>(attr->value.get());
          name && name->name == self)
        out.push_back(attr);
    } else if (auto *tuple = llvm::dyn_cast<TupleExpr>(target)) {
      for (ExprPtr &element : tuple->elts)
        add(element.get());
    }
  };
  for (const StmtPtr &stmt : block) {
    if (auto *assign = llvm::dyn_cast<AssignStmt>(stmt.get()))
      for (ExprPtr &target : assign->targets)
        add(target.get());
    else if (auto *aug = llvm::dyn_cast<AugAssignStmt>(stmt.get()))
      add(aug->target.get());
    forEachChildBlock(*stmt, [&](const Block &child) {
      collectSelfTargets(child, self, out);
    });
  }
}

void Checker::declareFieldsAssignedIn(FunctionInfo &method) {
  if (method.methodKind != FunctionInfo::MethodKind::Instance ||
      method.def->params.empty())
    return;
  ClassInfo &info = *method.owner;
  llvm::SmallVector<AttributeExpr *> targets;
  collectSelfTargets(method.def->body, method.def->params.front().name,
                     targets);
  // Fields first assigned outside __init__ (`def start(self): self.running
  // = True`): other code may read them before or after, so they are
  // dynamic, as Python's attributes are.
  for (AttributeExpr *target : targets)
    if (!info.findField(target->attr) && !info.findMethod(target->attr) &&
        !info.findClassAttr(target->attr))
      info.ownFields.push_back({target->attr, types.getAny(), target->getLoc()});
}
