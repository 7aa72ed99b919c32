//===- FieldTyping.cpp - Dynamic fields that hold one scalar -------------===//
//
// A field no annotation types holds `!roast.value`s: typed clones read a box
// of unknown type from it, and the arithmetic on what they read stays
// dynamic. A field (of a class, and of its subclasses, which share it)
// becomes an i64, f64 or i1 field when nothing can store anything else:
// - every roast.set_field of it in a function that can run
//   (ReachableFunctions.h) stores a box of that type;
// - so does every roast.dyn.setattr of its name that can run and whose
//   receiver may be an instance of those classes (it is not known to be
//   something else). The runtime sends those, and only those, to the
//   field's `<dyn-set>` member entry, which becomes what CodeGen makes for
//   an annotated field (an unbox, then the store);
// - every instance gets the field before anything can read it
//   (FieldInitialization.h);
// - for an int, every read owns what it reads (readsBalance).
// Dynamic reads (`<dyn-get>`, roast.dyn.getattr through the runtime) box
// the typed value, as for an annotated field.
//
// The proof is optimistic, like BlockArgumentTyping's: `b.vx -= dx * cm`
// stores a float only once `b.vx` reads one. All candidates are assumed
// typed on a copy of the module, stores of values of unknown type
// unboxed speculatively; the functions that store are simplified (which
// types their variables too); a candidate whose unboxes did not all fold
// away, or whose dynamic stores are not all boxes of its type, is dropped
// and the rest tried again.
//
// Ints are typed as well as floats and bools: a dynamic int beyond 48 bits
// is a heap box, never wrapped, and one beyond 64 bits raises
// OverflowError, exactly as typed int arithmetic does (DynamicFolds turns
// the one into the other for the same reason). A field that holds an int
// and a float, or a bool and an int, keeps its dynamic type: type(x)
// tells them apart.
//
// A field that only ever holds instances of one class C, or None, becomes
// `!roast.optional<!roast.object<@C>>` (a nullable pointer) when every
// store that can run stores a box of a C or of None: nothing is speculated
// about references (their stores of values of unknown type rule the field
// out), since a checked unbox of a reference makes a new one. `left` and
// `right` of a tree's nodes are such fields: typed, the code that walks
// the tree reads them without tag tests, and a branch on `x is None`
// narrows x to a C for roast-specialize-types (NarrowOptionalBoxes).
//
//===----------------------------------------------------------------------===//

#include "FieldTyping.h"

#include "ClassHierarchy.h"
#include "DynamicFolds.h"
#include "FieldInitialization.h"
#include "ReachableFunctions.h"
#include "Speculation.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/StringSet.h"

using namespace mlir;
using namespace roast;

namespace {

constexpr StringLiteral kFieldSpeculation = "roast.speculated_field";

/// A dynamic field, shared by the class that declares it and its
/// subclasses (its family), and the type it is assumed to hold.
struct Field {
  StringAttr name;
  std::string key; // `<class>.<field>` of the declaring class
  llvm::StringSet<> family;
  /// The classes the declaring class derives from: a receiver of their
  /// type may be an instance of the family.
  llvm::StringSet<> ancestors;
  /// The family's `<dyn-set>` member entries of the field.
  llvm::StringSet<> setters;
  Type type;

  template <typename OpTy> bool isAccessOf(OpTy op) const {
    return op.getField() == name.getValue() &&
           family.contains(op.getObject().getType().getClassName().getValue());
  }
  bool isStoreOf(SetFieldOp op) const { return isAccessOf(op); }
  bool isReadOf(GetFieldOp op) const { return isAccessOf(op); }
  /// Whether `op` may store into the field: its receiver is not known to
  /// be a str, a container or an instance of an unrelated class.
  bool mayStore(DynSetAttrOp op) const {
    if (op.getName() != name.getValue())
      return false;
    Value object = boxedValue(op.getValue());
    if (!object)
      return true;
    auto type = dyn_cast<ObjectType>(object.getType());
    if (!type)
      return false;
    StringRef cls = type.getClassName().getValue();
    return family.contains(cls) || ancestors.contains(cls);
  }
};

/// Whether each read of a dynamic field by `get` is made an owned
/// reference right away (a retain follows it) or only released (the old
/// value a store replaces). Typed, the field's value is boxed at each read,
/// and a box of an int beyond 48 bits is a heap box, a reference of its
/// own: it takes the retain's place, or the release frees it. A read
/// only borrowed would leak it.
bool readsBalance(GetFieldOp get) {
  auto retain = dyn_cast_or_null<RetainOp>(get->getNextNode());
  return (retain && retain.getValue() == get.getResult()) ||
         llvm::all_of(get->getUsers(),
                      [](Operation *user) { return isa<ReleaseOp>(user); });
}

/// Whether `type` is the type of a field of instances of one class or None.
bool isOptionalInstance(Type type) {
  auto optional = dyn_cast_or_null<OptionalType>(type);
  return optional && isa<ObjectType>(optional.getValueType());
}

/// What a store into a dynamic field stores: a box of a scalar (its type),
/// of an instance or an optional instance (`!roast.optional<C>`), of None
/// (`!roast.none`), a value of unknown type (a null type), or something
/// else (none).
std::optional<Type> storedType(Value value) {
  auto box = value.getDefiningOp<BoxOp>();
  if (!box)
    return Type();
  Type type = box.getValue().getType();
  if (box->hasAttr(kUninitializedAttrName))
    return std::nullopt;
  if (isScalarType(type) || isOptionalInstance(type) ||
      isa<roast::NoneType>(type))
    return type;
  auto object = dyn_cast<ObjectType>(type);
  if (object && object.getTypeArgs().empty())
    return OptionalType::get(object);
  return std::nullopt;
}

/// The type a field holds when it holds `a` and `b` (either may be null,
/// for nothing known yet), or null when no one type holds both: None joins
/// an optional instance.
Type joinStoredTypes(Type a, Type b) {
  if (!a || a == b)
    return b;
  if (!b)
    return a;
  if (isa<roast::NoneType>(a) && isOptionalInstance(b))
    return b;
  if (isa<roast::NoneType>(b) && isOptionalInstance(a))
    return a;
  return Type();
}

/// Whether the field's type holds references (an optional instance).
bool holdsInstances(const Field &field) {
  return isOptionalInstance(field.type);
}

/// What `value` boxes, when it is an instance, an optional instance or
/// None: what a field of instances may store.
Value boxedOptionalInstance(Value value) {
  auto box = value.getDefiningOp<BoxOp>();
  if (!box)
    return Value();
  Type type = box.getValue().getType();
  return isa<ObjectType, roast::NoneType>(type) || isOptionalInstance(type)
             ? box.getValue()
             : Value();
}

/// `value` (an instance, an optional one or None) as a value of
/// optional type `type`, made before `user`.
Value instanceOrNone(Operation *user, Value value, Type type) {
  if (value.getType() == type)
    return value;
  OpBuilder builder(user);
  if (isa<roast::NoneType>(value.getType()))
    return OptionalNoneOp::create(builder, user->getLoc(), type);
  return OptionalWrapOp::create(builder, user->getLoc(), type, value);
}

class FieldTyper {
public:
  FieldTyper(ModuleOp module, function_ref<void(FuncOp)> simplify)
      : module(module), simplify(simplify), reachable(module) {}

  unsigned run();

private:
  SmallVector<Field> findFields();
  /// The fields not in `rejected` that could hold one type, with it.
  SmallVector<Field> findCandidates(const llvm::StringSet<> &rejected);
  /// Gives `fields` their types in `target` (the module or its copy).
  void retype(ModuleOp target, ArrayRef<Field> fields);
  /// The fields whose assumption did not hold in `trial`.
  llvm::SmallSetVector<unsigned, 4> failures(ModuleOp trial,
                                             ArrayRef<Field> fields);
  /// Simplifies the functions of `target` that can run and store into one
  /// of `fields`.
  void simplifyStores(ModuleOp target, ArrayRef<Field> fields);

  /// Calls `fn` with each function of `target` that can run.
  void forEachReachable(ModuleOp target, function_ref<void(FuncOp)> fn) {
    for (FuncOp f : llvm::to_vector(target.getOps<FuncOp>()))
      if (!f.isDeclaration() && reachable.contains(f))
        fn(f);
  }

  ModuleOp module;
  function_ref<void(FuncOp)> simplify;
  ReachableFunctions reachable;
};

SmallVector<Field> FieldTyper::findFields() {
  ClassHierarchy hierarchy(module);
  auto baseOf = [&](ClassOp cls) {
    return cls.getBase() ? hierarchy.lookup(*cls.getBase()) : ClassOp();
  };
  SmallVector<Field> fields;
  for (ClassOp cls : module.getOps<ClassOp>()) {
    if (cls.getBuiltin() || cls.isGeneric())
      continue;
    // The runtime makes and reads exceptions itself.
    llvm::StringSet<> ancestors;
    bool builtin = false;
    for (ClassOp base = baseOf(cls); base; base = baseOf(base)) {
      ancestors.insert(base.getSymName());
      builtin |= base.getBuiltin();
    }
    if (builtin)
      continue;
    ClassOp base = baseOf(cls);
    for (auto [nameAttr, typeAttr] :
         llvm::zip(cls.getFields(), cls.getFieldTypes())) {
      auto name = cast<StringAttr>(nameAttr);
      if (!isa<ValueType>(cast<TypeAttr>(typeAttr).getValue()) ||
          (base && base.lookupField(name) >= 0))
        continue;
      Field field;
      field.name = name;
      field.key = (cls.getSymName() + "." + name.getValue()).str();
      field.ancestors = ancestors;
      for (ClassOp member : hierarchy.subtree(cls)) {
        field.family.insert(member.getSymName());
        if (!member.getMembers())
          continue;
        for (auto entry : member.getMembers()->getAsRange<DictionaryAttr>())
          if (entry.getAs<StringAttr>("field") == name)
            if (auto set = entry.getAs<FlatSymbolRefAttr>("set"))
              field.setters.insert(set.getValue());
      }
      fields.push_back(std::move(field));
    }
  }
  return fields;
}

SmallVector<Field>
FieldTyper::findCandidates(const llvm::StringSet<> &rejected) {
  SmallVector<Field> fields = findFields();
  llvm::erase_if(fields, [&](const Field &f) { return rejected.contains(f.key); });
  // The types the stores that can run store; a store of another kind of
  // value, or of two types, rules a field out.
  llvm::BitVector ruledOut(fields.size()), storesUnknown(fields.size());
  auto note = [&](unsigned index, Value stored) {
    std::optional<Type> type = storedType(stored);
    Type &known = fields[index].type;
    Type joined = type ? joinStoredTypes(known, *type) : Type();
    if (!type || (*type && !joined))
      ruledOut.set(index);
    else if (*type)
      known = joined;
    else
      storesUnknown.set(index);
  };
  SmallVector<NewOp> instances;
  forEachReachable(module, [&](FuncOp fn) {
    fn.walk([&](Operation *op) {
      if (auto create = dyn_cast<NewOp>(op))
        instances.push_back(create);
      for (unsigned index = 0, e = fields.size(); index < e; ++index) {
        const Field &field = fields[index];
        if (auto set = dyn_cast<SetFieldOp>(op);
            set && field.isStoreOf(set) &&
            !field.setters.contains(fn.getSymName()))
          note(index, set.getValue());
        if (auto set = dyn_cast<DynSetAttrOp>(op); set && field.mayStore(set))
          note(index, set.getItem());
      }
    });
  });
  // An int field's reads must each own what they read (readsBalance).
  for (FuncOp fn : module.getOps<FuncOp>())
    fn.walk([&](GetFieldOp get) {
      for (unsigned index = 0, e = fields.size(); index < e; ++index)
        if (fields[index].isReadOf(get) && fields[index].type &&
            fields[index].type.isInteger(64) && !readsBalance(get))
          ruledOut.set(index);
    });
  SymbolTable symbols(module);
  FieldInitialization initialization(symbols);
  SmallVector<Field> candidates;
  for (unsigned index = 0, e = fields.size(); index < e; ++index) {
    Field &field = fields[index];
    // Nothing is speculated about references; a field only ever None
    // stays dynamic.
    if (ruledOut.test(index) || !field.type ||
        isa<roast::NoneType>(field.type) ||
        (holdsInstances(field) && storesUnknown.test(index)))
      continue;
    if (llvm::all_of(instances, [&](NewOp create) {
          return !field.family.contains(
                     create.getType().getClassName().getValue()) ||
                 initialization.storedBeforeRead(create,
                                                 field.name.getValue());
        }))
      candidates.push_back(std::move(field));
  }
  return candidates;
}

/// Makes `setter`, the `<dyn-set>` entry of `field`, store its argument
/// converted to the field's type, as CodeGen's entry of an annotated field
/// does. The argument has that type whenever it runs.
static void retypeSetter(FuncOp setter, const Field &field) {
  if (setter.getNumArguments() != 2 || !setter.getBody().hasOneBlock())
    return;
  Block &entry = setter.getBody().front();
  for (Operation &op : llvm::make_early_inc_range(llvm::reverse(entry)))
    op.erase();
  Location loc = setter.getLoc();
  auto builder = OpBuilder::atBlockEnd(&entry);
  Value object = entry.getArgument(0);
  // Unboxing a reference makes the new one the field keeps; the one it
  // replaces is released.
  Value value = UnboxOp::create(builder, loc, field.type, entry.getArgument(1));
  Value old = holdsInstances(field)
                  ? GetFieldOp::create(builder, loc, field.type, object,
                                       field.name)
                  : Value();
  SetFieldOp::create(builder, loc, object, field.name, value);
  if (old)
    ReleaseOp::create(builder, loc, old);
  Value stored = arith::ConstantIntOp::create(builder, loc, 1, 1);
  ReturnOp::create(builder, loc, ValueRange{stored});
}

void FieldTyper::retype(ModuleOp target, ArrayRef<Field> fields) {
  SymbolTable symbols(target);
  for (const Field &field : fields) {
    for (const auto &name : field.family) {
      auto cls = symbols.lookup<ClassOp>(name.getKey());
      SmallVector<Attribute> types(cls.getFieldTypes().getValue());
      types[cls.lookupField(field.name.getValue())] = TypeAttr::get(field.type);
      cls.setFieldTypesAttr(ArrayAttr::get(target.getContext(), types));
    }
    for (const auto &name : field.setters)
      if (auto setter = symbols.lookup<FuncOp>(name.getKey()))
        retypeSetter(setter, field);
  }
  auto fieldOf = [&](auto op) -> std::optional<unsigned> {
    for (unsigned index = 0, e = fields.size(); index < e; ++index)
      if (fields[index].isAccessOf(op))
        return index;
    return std::nullopt;
  };
  for (FuncOp fn : target.getOps<FuncOp>()) {
    // Reads box the typed value for the dynamic code around them.
    SmallVector<GetFieldOp> reads;
    fn.walk([&](GetFieldOp get) { reads.push_back(get); });
    for (GetFieldOp get : reads) {
      std::optional<unsigned> index = fieldOf(get);
      if (!index || !isa<ValueType>(get.getType()))
        continue;
      get.getResult().setType(fields[*index].type);
      OpBuilder builder(get->getContext());
      builder.setInsertionPointAfter(get);
      auto retain = dyn_cast_or_null<RetainOp>(get->getNextNode());
      bool retained = retain && retain.getValue() == get.getResult();
      // The box is a reference of its own (a heap box, for an int beyond
      // 48 bits; a retained instance) where the field's value was
      // borrowed: it is the one the reader's retain made (readsBalance).
      // A read of an instance that is not retained stays borrowed.
      auto box = BoxOp::create(builder, get.getLoc(), get.getResult(),
                               /*borrowed=*/holdsInstances(fields[*index]) &&
                                   !retained);
      get.getResult().replaceAllUsesExcept(box, box);
      if (retained && !box.getBorrowed())
        retain.erase();
    }
    // Stores unbox, speculatively where they can run: a function that
    // cannot keeps a checked unbox.
    bool speculate = reachable.contains(fn);
    fn.walk([&](SetFieldOp set) {
      std::optional<unsigned> index = fieldOf(set);
      if (!index || !isa<ValueType>(set.getValue().getType()))
        return;
      Type type = fields[*index].type;
      Value value = set.getValue(), scalar = boxedScalar(value);
      if (holdsInstances(fields[*index])) {
        // Where it can run, a box of an instance or of None (findCandidates
        // saw to that). The store keeps the reference the code before it
        // retained; a function that cannot run unboxes (checked), which
        // makes a reference of its own, released after the store.
        if (Value instance = boxedOptionalInstance(value)) {
          set.getValueMutable().assign(instanceOrNone(set, instance, type));
          return;
        }
        OpBuilder builder(set);
        Value unboxed = UnboxOp::create(builder, set.getLoc(), type, value);
        set.getValueMutable().assign(unboxed);
        builder.setInsertionPointAfter(set);
        ReleaseOp::create(builder, set.getLoc(), unboxed);
        return;
      }
      if (!scalar || scalar.getType() != type) {
        OpBuilder builder(set);
        scalar = speculate ? createSpeculativeUnbox(builder, set.getLoc(), type,
                                                    value, kFieldSpeculation,
                                                    *index)
                           : UnboxOp::create(builder, set.getLoc(), type, value);
      }
      set.getValueMutable().assign(scalar);
    });
  }
}

void FieldTyper::simplifyStores(ModuleOp target, ArrayRef<Field> fields) {
  llvm::StringSet<> names;
  for (const Field &field : fields)
    names.insert(field.name.getValue());
  forEachReachable(target, [&](FuncOp fn) {
    bool stores = fn.walk([&](Operation *op) {
                      if (auto set = dyn_cast<SetFieldOp>(op);
                          set && names.contains(set.getField()))
                        return WalkResult::interrupt();
                      if (auto set = dyn_cast<DynSetAttrOp>(op);
                          set && names.contains(set.getName()))
                        return WalkResult::interrupt();
                      return WalkResult::advance();
                    })
                      .wasInterrupted();
    if (stores)
      simplify(fn);
  });
}

llvm::SmallSetVector<unsigned, 4>
FieldTyper::failures(ModuleOp trial, ArrayRef<Field> fields) {
  llvm::SmallSetVector<unsigned, 4> failed =
      failedSpeculations(trial, kFieldSpeculation);
  forEachReachable(trial, [&](FuncOp fn) {
    fn.walk([&](DynSetAttrOp set) {
      for (unsigned index = 0, e = fields.size(); index < e; ++index) {
        if (!fields[index].mayStore(set))
          continue;
        if (holdsInstances(fields[index])) {
          // A box of a C, an optional C or None, and nothing else, joins
          // into the field's type.
          std::optional<Type> stored = storedType(set.getItem());
          if (!stored || !*stored ||
              joinStoredTypes(fields[index].type, *stored) !=
                  fields[index].type)
            failed.insert(index);
          continue;
        }
        Value item = boxedScalar(set.getItem());
        if (!item || item.getType() != fields[index].type)
          failed.insert(index);
      }
    });
  });
  return failed;
}

unsigned FieldTyper::run() {
  llvm::StringSet<> rejected;
  // Each failure rules out at least one field.
  for (unsigned attempt = 0; attempt < 8; ++attempt) {
    SmallVector<Field> candidates = findCandidates(rejected);
    if (candidates.empty())
      return 0;
    OwningOpRef<ModuleOp> trial(cast<ModuleOp>(module->clone()));
    retype(*trial, candidates);
    simplifyStores(*trial, candidates);
    llvm::SmallSetVector<unsigned, 4> failed = failures(*trial, candidates);
    if (failed.empty()) {
      // The same steps on the module fold the same unboxes away.
      retype(module, candidates);
      simplifyStores(module, candidates);
      module.walk([](UnboxOp unbox) { unbox->removeAttr(kFieldSpeculation); });
      return candidates.size();
    }
    for (unsigned index : failed)
      rejected.insert(candidates[index].key);
  }
  return 0;
}

} // namespace

unsigned roast::typeFields(ModuleOp module,
                           function_ref<void(FuncOp)> simplify) {
  return FieldTyper(module, simplify).run();
}
