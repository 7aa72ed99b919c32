//===- SemaNarrowing.cpp - Optionals known not to be None ----------------===//
//
// Flow-sensitive narrowing of `T | None` to T, as type checkers do it: a
// test (`x is not None`, `x`, `node.next is None`, and `and`/`or`/`not` of
// those) narrows a variable or an attribute path in the code it guards, an
// assignment of a T narrows it until the block ends, and any assignment
// forgets what was known. Attribute paths are checked again at run time
// (CodeGen), since a call may change a field without Sema seeing it.
//
//===----------------------------------------------------------------------===//

#include "SemaImpl.h"

#include "llvm/ADT/StringExtras.h"

using namespace roast;
using namespace roast::ast;
using namespace roast::sema;

/// The variable or attribute path `expr` denotes, if any.
static std::optional<Checker::NarrowKey> keyOf(const Expr &expr) {
  if (auto *name = llvm::dyn_cast<NameExpr>(&expr)) {
    Symbol *sym = name->symbol;
    if (!sym ||
        (sym->kind != Symbol::Kind::Local && sym->kind != Symbol::Kind::Global))
      return std::nullopt;
    return Checker::NarrowKey{sym, ""};
  }
  if (auto *attr = llvm::dyn_cast<AttributeExpr>(&expr)) {
    if (attr->member || attr->method)
      return std::nullopt;
    std::optional<Checker::NarrowKey> base = keyOf(*attr->value);
    if (base)
      base->second += "." + attr->attr;
    return base;
  }
  return std::nullopt;
}

std::optional<Checker::Narrowing> Checker::narrowable(Expr &expr) {
  std::optional<NarrowKey> key = keyOf(expr);
  if (!key)
    return std::nullopt;
  const Type *declared = nullptr;
  if (key->second.empty()) {
    declared = key->first->type;
  } else {
    auto &attr = llvm::cast<AttributeExpr>(expr);
    auto *cls = llvm::dyn_cast_if_present<ClassType>(attr.value->type);
    if (const FieldInfo *field =
            cls ? cls->getInfo()->findField(attr.attr) : nullptr)
      declared = field->type;
  }
  auto *optional = llvm::dyn_cast_if_present<OptionalType>(declared);
  if (!optional)
    return std::nullopt;
  return Narrowing{*key, optional->getValue()};
}

void Checker::collectNoneTests(Expr &test,
                               llvm::SmallVectorImpl<Narrowing> &notNone,
                               llvm::SmallVectorImpl<Narrowing> &none) {
  if (auto *boolOp = llvm::dyn_cast<BoolOpExpr>(&test)) {
    llvm::SmallVector<Narrowing, 2> t, f;
    for (ExprPtr &value : boolOp->values)
      collectNoneTests(*value, t, f);
    if (boolOp->op == BoolOpKind::And)
      notNone.append(t.begin(), t.end());
    else
      none.append(f.begin(), f.end());
    return;
  }
  if (auto *unary = llvm::dyn_cast<UnaryExpr>(&test);
      unary && unary->op == UnaryOp::Not) {
    collectNoneTests(*unary->operand, none, notNone);
    return;
  }
  // `if x:` — a true optional is not None (a false one may be 0 or "").
  if (std::optional<Narrowing> narrowing = narrowable(test)) {
    notNone.push_back(*narrowing);
    return;
  }
  auto *compare = llvm::dyn_cast<CompareExpr>(&test);
  if (!compare || compare->ops.size() != 1)
    return;
  Expr *value = compare->left.get(), *other = compare->comparators[0].get();
  if (llvm::isa<NoneLitExpr>(value))
    std::swap(value, other);
  if (!llvm::isa<NoneLitExpr>(other))
    return;
  std::optional<Narrowing> narrowing = narrowable(*value);
  if (!narrowing)
    return;
  CmpOp op = compare->ops.front();
  if (op == CmpOp::IsNot || op == CmpOp::NotEq)
    notNone.push_back(*narrowing);
  else if (op == CmpOp::Is || op == CmpOp::Eq)
    none.push_back(*narrowing);
}

const Type *Checker::lookupNarrowed(const NarrowKey &key) const {
  auto it = narrowed.find(key);
  return it == narrowed.end() ? nullptr : it->second;
}

void Checker::narrowRestOfBlock(const Narrowing &narrowing,
                                const Type *previous) {
  blockNarrowings.push_back({narrowing.key, previous, narrowing.type});
  narrowed[narrowing.key] = narrowing.type;
}

void Checker::restoreNarrowing(const NarrowKey &key, const Type *previous,
                               const Type *set) {
  if (previous && lookupNarrowed(key) == set)
    narrowed[key] = previous;
  else
    narrowed.erase(key);
}

void Checker::forgetNarrowings(Symbol *sym) {
  for (auto it = narrowed.lower_bound({sym, ""});
       it != narrowed.end() && it->first.first == sym;)
    it = narrowed.erase(it);
}

void Checker::forgetAttributeNarrowings(llvm::StringRef attr) {
  for (auto it = narrowed.begin(); it != narrowed.end();) {
    llvm::SmallVector<llvm::StringRef, 4> parts;
    llvm::StringRef(it->first.second).split(parts, '.');
    if (llvm::is_contained(parts, attr))
      it = narrowed.erase(it);
    else
      ++it;
  }
}

/// Whether the last statement of `block` assigns `key` a value that is not
/// None (and not another optional).
bool Checker::endsAssigningNotNone(const Block &block, const NarrowKey &key) {
  if (block.empty())
    return false;
  const Expr *target = nullptr, *value = nullptr;
  if (auto *assign = llvm::dyn_cast<AssignStmt>(block.back().get());
      assign && assign->targets.size() == 1) {
    target = assign->targets.front().get();
    value = assign->value.get();
  } else if (auto *ann = llvm::dyn_cast<AnnAssignStmt>(block.back().get())) {
    target = ann->target.get();
    value = ann->value.get();
  }
  if (!target || !value || !value->type || value->type->isNone() ||
      value->type->isOptional() || value->type->isError())
    return false;
  std::optional<NarrowKey> assigned = keyOf(*target);
  return assigned && *assigned == key;
}

Checker::NarrowingScope::NarrowingScope(Checker &checker,
                                        llvm::ArrayRef<Narrowing> narrowings)
    : checker(checker) {
  for (const Narrowing &narrowing : narrowings) {
    saved.push_back(
        {narrowing.key, checker.lookupNarrowed(narrowing.key), narrowing.type});
    checker.narrowed[narrowing.key] = narrowing.type;
  }
}

Checker::NarrowingScope::~NarrowingScope() {
  for (const Saved &s : llvm::reverse(saved))
    checker.restoreNarrowing(s.key, s.previous, s.set);
}
