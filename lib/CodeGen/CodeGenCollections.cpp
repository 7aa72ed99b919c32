//===- CodeGenCollections.cpp - Dicts, sets and iterables to roast IR -----===//
//
// Dict and set displays, subscripts and methods, list()/set()/dict(), and
// the list snapshots through which `for` and the reducing built-ins walk
// dicts and sets.
//
//===----------------------------------------------------------------------===//

#include "CodeGenImpl.h"

using namespace mlir;
using namespace roast;
using namespace roast::codegen;
using sema::Builtin;

Value Generator::asList(Value value, const sema::Type *type, Location l) {
  Value list;
  if (auto *file = llvm::dyn_cast<sema::FileType>(type)) {
    // The remaining lines, read now (for, enumerate(), list(), sorted()...).
    const sema::Type *listType = program.types.getList(file->getLine());
    list = FileMethodOp::create(builder, l, convertType(listType),
                                FileMethod::readlines, ValueRange{value});
    track(list, listType);
  } else if (auto *dict = llvm::dyn_cast<sema::DictType>(type)) {
    const sema::Type *listType = program.types.getList(dict->getKey());
    list = DictMethodOp::create(builder, l, TypeRange{convertType(listType)},
                                DictMethod::keys, ValueRange{value})
               .getResult(0);
    track(list, listType);
  } else if (auto *set = llvm::dyn_cast<sema::SetType>(type)) {
    const sema::Type *listType = program.types.getList(set->getElement());
    list = SetMethodOp::create(builder, l, TypeRange{convertType(listType)},
                               SetMethod::to_list, ValueRange{value})
               .getResult(0);
    track(list, listType);
  } else if (auto *tuple = llvm::dyn_cast<sema::TupleType>(type)) {
    // A tuple of one element type (Sema's rule): a list of its fields.
    const sema::Type *element = tuple->getElements().front();
    auto *listType = program.types.getList(element);
    SmallVector<Value> fields;
    for (size_t i = 0; i < tuple->getElements().size(); ++i)
      fields.push_back(TupleGetOp::create(builder, l, convertType(element),
                                          value, int64_t(i)));
    list = ListNewOp::create(builder, l, convertType(listType), fields);
    track(list, listType);
  } else if (type->isAny()) {
    list = dynamicList(value, l); // list(value), at run time
  } else if (type->isStr()) {
    // The characters, one str each.
    auto *listType = program.types.getList(type);
    list = ListNewOp::create(builder, l, convertType(listType), ValueRange{});
    track(list, listType);
    Value length = LenOp::create(builder, l, value);
    emitCountedLoop(length, l, [&](Value i) {
      Value ch = StrGetItemOp::create(builder, l, value, i);
      ListAppendOp::create(builder, l, list, ch);
      ReleaseOp::create(builder, l, ch);
    });
  } else if (type->isClass()) {
    // An iterable instance: its elements, walked now.
    const sema::Type *element = sema::iterableElement(type);
    auto *listType = program.types.getList(element);
    list = ListNewOp::create(builder, l, convertType(listType), ValueRange{});
    track(list, listType);
    ast::Block noElse;
    emitIteratorLoop(
        value, type, /*enumerate=*/false, Value(), l,
        [&](Value element, const sema::Type *) {
          ListAppendOp::create(builder, l, list, element);
        },
        [&](Block *, Block *latch) { cf::BranchOp::create(builder, l, latch); },
        noElse);
  } else {
    list = value; // already a list
  }
  return list;
}

/// `{k: v, ...}`: entries are stored in source order; the dict retains
/// keys and values, which stay temporaries here.
Value Generator::emitDict(ast::DictExpr &expr) {
  Location l = loc(expr.getLoc());
  auto *type = llvm::cast<sema::DictType>(expr.type);
  Value dict = DictNewOp::create(builder, l, convertType(type));
  track(dict, type);
  for (auto [key, value] : llvm::zip(expr.keys, expr.values)) {
    Value k = emitExprAs(*key, type->getKey());
    Value v = emitExprAs(*value, type->getValue());
    DictSetOp::create(builder, l, dict, k, v);
  }
  consume(dict, type); // the caller tracks it
  return dict;
}

Value Generator::emitSet(ast::SetExpr &expr) {
  Location l = loc(expr.getLoc());
  auto *type = llvm::cast<sema::SetType>(expr.type);
  Value set = SetNewOp::create(builder, l, convertType(type), Value());
  track(set, type);
  for (ast::ExprPtr &elt : expr.elts)
    SetMethodOp::create(builder, l, TypeRange{}, SetMethod::add,
                        ValueRange{set, emitExprAs(*elt, type->getElement())});
  consume(set, type);
  return set;
}

/// `d[k]` reads a borrowed value, retained here.
Value Generator::emitDictSubscript(ast::SubscriptExpr &expr) {
  Location l = loc(expr.getLoc());
  auto *type = llvm::cast<sema::DictType>(expr.value->type);
  Value dict = emitOperand(*expr.value);
  Value value = DictGetOp::create(builder, l, dict,
                                  emitExprAs(*expr.index, type->getKey()));
  if (isRefCounted(expr.type))
    RetainOp::create(builder, l, value);
  return value;
}

Value Generator::emitDictMethodCall(ast::CallExpr &call,
                                    ast::AttributeExpr &callee) {
  Location l = loc(call.getLoc());
  auto *type = llvm::cast<sema::DictType>(callee.value->type);
  Value dict = emitOperand(*callee.value);
  llvm::StringRef name = callee.attr;
  SmallVector<Value, 3> operands = {dict};
  if (!call.args.empty())
    operands.push_back(emitExprAs(*call.args[0], name == "update"
                                                     ? type
                                                     : type->getKey()));
  // d.get(k, None) is d.get(k).
  if (call.args.size() > 1 && !(name == "get" && call.type->isOptional()))
    operands.push_back(emitExprAs(*call.args[1], type->getValue()));
  if (name == "get") {
    // d.get(k) is a `V | None`: None when k is missing (V itself when V
    // is an optional already).
    if (operands.size() == 2 && call.type == type->getValue())
      operands.push_back(
          OptionalNoneOp::create(builder, l, convertType(call.type)));
    Value value =
        operands.size() == 2
            ? Value(DictLookupOp::create(builder, l, convertType(call.type),
                                         dict, operands[1]))
            : Value(DictGetOrOp::create(builder, l, dict, operands[1],
                                        operands[2]));
    if (isRefCounted(call.type))
      RetainOp::create(builder, l, value); // borrowed
    return value;
  }
  DictMethod method = name == "pop" && operands.size() == 3
                          ? DictMethod::pop_default
                          : *symbolizeDictMethod(name);
  SmallVector<Type, 1> results;
  if (!call.type->isNone())
    results.push_back(convertType(call.type));
  auto op = DictMethodOp::create(builder, l, results, method, operands);
  if (results.empty())
    return noneValue(l);
  Value result = op.getResult(0);
  if (method == DictMethod::setdefault && isRefCounted(call.type))
    RetainOp::create(builder, l, result); // borrowed from the dict
  return result;
}

Value Generator::emitSetMethodCall(ast::CallExpr &call,
                                   ast::AttributeExpr &callee) {
  Location l = loc(call.getLoc());
  auto *type = llvm::cast<sema::SetType>(callee.value->type);
  Value set = emitOperand(*callee.value);
  SetMethod method = *symbolizeSetMethod(callee.attr);
  SmallVector<Value, 2> operands = {set};
  for (ast::ExprPtr &arg : call.args)
    operands.push_back(emitExprAs(
        *arg, arg->type->isSet() ? arg->type : type->getElement()));
  SmallVector<Type, 1> results;
  if (!call.type->isNone())
    results.push_back(convertType(call.type));
  auto op = SetMethodOp::create(builder, l, results, method, operands);
  return results.empty() ? noneValue(l) : op.getResult(0);
}

Value Generator::emitSetOperator(ast::BinaryOp op, Value lhs, Value rhs,
                                 bool inPlace, Location l) {
  SetMethod method;
  switch (op) {
  case ast::BinaryOp::BitOr:
    method = inPlace ? SetMethod::update : SetMethod::union_;
    break;
  case ast::BinaryOp::BitAnd:
    method = inPlace ? SetMethod::intersection_update : SetMethod::intersection;
    break;
  case ast::BinaryOp::Sub:
    method = inPlace ? SetMethod::difference_update : SetMethod::difference;
    break;
  default: // ^ and ^=: a new set either way
    method = SetMethod::symmetric_difference;
    break;
  }
  SmallVector<Type, 1> results;
  if (!inPlace || method == SetMethod::symmetric_difference)
    results.push_back(lhs.getType());
  auto setOp =
      SetMethodOp::create(builder, l, results, method, ValueRange{lhs, rhs});
  return results.empty() ? Value() : setOp.getResult(0);
}

/// list(x), set(x), dict(d), and their empty forms.
Value Generator::emitContainerConstructor(ast::CallExpr &call,
                                          Builtin builtin) {
  Location l = loc(call.getLoc());
  Type type = convertType(call.type);
  if (call.args.empty()) {
    if (builtin == Builtin::List)
      return ListNewOp::create(builder, l, type, ValueRange{});
    if (builtin == Builtin::Set)
      return SetNewOp::create(builder, l, type, Value());
    return DictNewOp::create(builder, l, type);
  }
  ast::Expr &arg = *call.args[0];
  Value value = emitExpr(arg);
  if (builtin == Builtin::Dict)
    return DictMethodOp::create(builder, l, TypeRange{type}, DictMethod::copy,
                                ValueRange{value})
        .getResult(0);
  if (builtin == Builtin::Set && arg.type->isSet())
    return SetMethodOp::create(builder, l, TypeRange{type}, SetMethod::copy,
                               ValueRange{value})
        .getResult(0);
  Value list = asList(value, arg.type, l);
  if (builtin == Builtin::Set)
    return SetNewOp::create(builder, l, type, list);
  if (list != value) {
    consume(list, call.type); // the snapshot is already a new list
    return list;
  }
  return ListMethodOp::create(builder, l, TypeRange{type}, ListMethod::copy,
                              ValueRange{list})
      .getResult(0);
}


void Generator::emitCountedLoop(Value count, Location l,
                                function_ref<void(Value)> body) {
  Value counter = newSlot("loop.counter", builder.getI64Type());
  StoreOp::create(builder, l, intConstant(0, l), counter);
  Block *header = new Block(), *bodyBlock = new Block(), *exit = new Block();
  cf::BranchOp::create(builder, l, header);
  startBlock(header);
  Value i = LoadOp::create(builder, l, counter);
  cf::CondBranchOp::create(builder, l,
                           CmpOp::create(builder, l, CmpPredicate::lt, i, count),
                           bodyBlock, exit);
  startBlock(bodyBlock);
  body(i);
  StoreOp::create(builder, l, arith::AddIOp::create(builder, l, i,
                                                    intConstant(1, l)),
                  counter);
  cf::BranchOp::create(builder, l, header);
  startBlock(exit);
}

/// A comprehension is its loops, nested in clause order, around one
/// append/add/store into a new container. Its variables get slots of
/// their own, emptied again when it ends (and released by the frame's
/// cleanup if an exception ends it).
Value Generator::emitComprehension(ast::ComprehensionExpr &expr) {
  Location l = loc(expr.getLoc());
  Type type = convertType(expr.type);
  Value result;
  if (expr.type->isList())
    result = ListNewOp::create(builder, l, type, ValueRange{});
  else if (expr.type->isSet())
    result = SetNewOp::create(builder, l, type, Value());
  else
    result = DictNewOp::create(builder, l, type);
  track(result, expr.type);
  for (sema::Symbol *sym : expr.symbols) {
    if (!sym->type)
      continue;
    Type slotType = convertType(sym->type);
    Value slot = newSlot(sym->name, slotType);
    slots[sym] = slot;
    // Empty from the function's entry on, so that the frame's cleanup can
    // release it whether or not an exception left the comprehension.
    OpBuilder::InsertionGuard guard(builder);
    builder.setInsertionPointAfter(slot.getDefiningOp());
    StoreOp::create(builder, l, buildZeroValue(builder, l, slotType), slot);
    if (isRefCounted(sym->type))
      refSlots.push_back(slot);
  }
  emitComprehensionClauses(expr, 0, result, l);
  for (sema::Symbol *sym : expr.symbols) {
    if (!sym->type || !isRefCounted(sym->type))
      continue;
    Value old = LoadOp::create(builder, l, slots[sym]);
    StoreOp::create(builder, l,
                    buildZeroValue(builder, l, old.getType()), slots[sym]);
    ReleaseOp::create(builder, l, old);
  }
  consume(result, expr.type); // the caller tracks it
  return result;
}

void Generator::emitComprehensionClauses(ast::ComprehensionExpr &expr,
                                         size_t index, Value result,
                                         Location l) {
  ast::ComprehensionClause &clause = expr.clauses[index];
  ast::Block noElse;
  // A list comprehension of one unfiltered clause appends once an
  // iteration: room for all of them up front.
  auto reserve = [&](Value count) {
    ListMethodOp::create(builder, l, TypeRange{}, ListMethod::reserve,
                         ValueRange{result, count});
  };
  bool appendsEach = expr.type->isList() && expr.clauses.size() == 1 &&
                     clause.conditions.empty();
  emitForLoop(
      *clause.iter, l,
      [&](Value value, const sema::Type *type) {
        assignTo(*clause.target, value, type, loc(clause.target->getLoc()));
      },
      [&](Block *, Block *latch) {
        for (ast::ExprPtr &condition : clause.conditions) {
          Block *pass = new Block();
          emitBranch(*condition, pass, latch, l);
          startBlock(pass);
        }
        // Temporaries of one iteration (the element, an inner loop's
        // iterable) die before the next.
        pushTemps();
        if (index + 1 < expr.clauses.size()) {
          emitComprehensionClauses(expr, index + 1, result, l);
        } else {
          // The container retains what it stores.
          if (auto *dict = llvm::dyn_cast<sema::DictType>(expr.type)) {
            Value key = emitExprAs(*expr.element, dict->getKey());
            Value value = emitExprAs(*expr.value, dict->getValue());
            DictSetOp::create(builder, l, result, key, value);
          } else if (auto *set = llvm::dyn_cast<sema::SetType>(expr.type)) {
            SetMethodOp::create(
                builder, l, TypeRange{}, SetMethod::add,
                ValueRange{result, emitExprAs(*expr.element, set->getElement())});
          } else {
            auto *list = llvm::cast<sema::ListType>(expr.type);
            ListAppendOp::create(builder, l, result,
                                 emitExprAs(*expr.element, list->getElement()));
          }
        }
        popTemps();
        cf::BranchOp::create(builder, l, latch);
      },
      noElse, appendsEach ? function_ref<void(Value)>(reserve) : nullptr);
}

Value Generator::emitWalkAsList(ast::CallExpr &call) {
  Location l = loc(call.getLoc());
  auto *listType = llvm::cast<sema::ListType>(call.type);
  Value list = ListNewOp::create(builder, l, convertType(listType), ValueRange{});
  track(list, listType);
  ast::Block noElse;
  emitForLoop(
      call, l,
      [&](Value value, const sema::Type *type) {
        ListAppendOp::create(builder, l, list,
                             coerce(value, type, listType->getElement(), l));
      },
      [&](Block *, Block *latch) { cf::BranchOp::create(builder, l, latch); },
      noElse);
  consume(list, listType); // the caller tracks it
  return list;
}

//===----------------------------------------------------------------------===//
// key= functions: decorate, sort, undecorate
//===----------------------------------------------------------------------===//

ast::LambdaExpr *Generator::findKey(std::vector<ast::Keyword> &keywords) {
  for (ast::Keyword &keyword : keywords)
    if (keyword.name == "key")
      return llvm::cast<ast::LambdaExpr>(keyword.value.get());
  return nullptr;
}

Value Generator::findReverse(std::vector<ast::Keyword> &keywords, Location l) {
  for (ast::Keyword &keyword : keywords)
    if (keyword.name == "reverse")
      return truthValue(*keyword.value);
  return boolConstant(false, l);
}

/// The key is inlined: its parameter gets a slot of its own, assigned each
/// element in turn. Int (and bool) keys go into a list of ints that
/// `argsort` turns into the elements' indices, in order: no tuple per
/// element. Any other key is paired with the element's index, and the
/// pairs (key, index) sort in the order sort(key=, reverse=) gives the
/// elements, by the timsort that makes CPython's comparisons (NaNs, a
/// TypeError's operands); a reverse sort negates the index so that equal
/// keys keep their order (Python's sort is stable either way).
Generator::KeyOrder Generator::emitKeyOrder(Value list,
                                            const sema::Type *element,
                                            ast::LambdaExpr &key, Value reverse,
                                            Location l) {
  const sema::Type *intType = program.types.getInt();
  bool intKeys = key.type->isInt() || key.type->isBool();
  auto *entryType =
      intKeys ? intType : program.types.getTuple({key.type, intType});
  auto *entriesType = program.types.getList(entryType);
  Value entries = ListNewOp::create(builder, l, convertType(entriesType),
                                    ValueRange{});
  track(entries, entriesType);
  sema::Symbol *param = key.params[0].symbol;
  Type slotType = convertType(param->type);
  slots[param] = newSlot(param->name, slotType);
  StoreOp::create(builder, l, buildZeroValue(builder, l, slotType),
                  slots[param]);
  Value length = LenOp::create(builder, l, list);
  ListMethodOp::create(builder, l, TypeRange{}, ListMethod::reserve,
                       ValueRange{entries, length});
  emitCountedLoop(length, l, [&](Value i) {
    pushTemps();
    Value x = ListGetOp::create(builder, l, list, i);
    if (isRefCounted(element))
      RetainOp::create(builder, l, x);
    track(x, element);
    storeTo(param, x, element, l);
    Value k = emitExpr(*key.body);
    if (intKeys) {
      ListAppendOp::create(builder, l, entries,
                           coerce(k, key.type, intType, l));
    } else {
      Value negated = arith::SubIOp::create(builder, l, intConstant(0, l), i);
      Value index = arith::SelectOp::create(builder, l, reverse, negated, i);
      // The list boxes the pair and takes its own references.
      Value pair = MakeTupleOp::create(builder, l, convertType(entryType),
                                       ValueRange{k, index});
      ListAppendOp::create(builder, l, entries, pair);
    }
    popTemps();
  });
  if (isRefCounted(param->type))
    ReleaseOp::create(builder, l, LoadOp::create(builder, l, slots[param]));
  if (!intKeys) {
    ListMethodOp::create(builder, l, TypeRange{}, ListMethod::sort,
                         ValueRange{entries, reverse});
    return {entries, /*pairs=*/true};
  }
  Value indices = ListMethodOp::create(builder, l, TypeRange{entries.getType()},
                                       ListMethod::argsort,
                                       ValueRange{entries, reverse})
                      .getResult(0);
  track(indices, entriesType);
  return {indices, /*pairs=*/false};
}

Value Generator::orderIndex(const KeyOrder &order, Value position,
                            Value reverse, Location l) {
  Value entry = ListGetOp::create(builder, l, order.list, position);
  if (!order.pairs)
    return entry;
  Value stored =
      TupleGetOp::create(builder, l, builder.getI64Type(), entry, int64_t(1));
  Value negated = arith::SubIOp::create(builder, l, intConstant(0, l), stored);
  return arith::SelectOp::create(builder, l, reverse, negated, stored);
}

void Generator::emitReorder(Value list, const KeyOrder &order, Value reverse,
                            Location l) {
  if (order.pairs)
    ListMethodOp::create(builder, l, TypeRange{}, ListMethod::reorder,
                         ValueRange{list, order.list, reverse});
  else
    ListMethodOp::create(builder, l, TypeRange{}, ListMethod::permute,
                         ValueRange{list, order.list});
}

Value Generator::emitSortedWithKey(Value list, const sema::Type *listType,
                                   std::vector<ast::Keyword> &keywords,
                                   Location l) {
  const sema::Type *element = sema::iterableElement(listType);
  Value reverse = findReverse(keywords, l);
  KeyOrder order =
      emitKeyOrder(list, element, *findKey(keywords), reverse, l);
  Value result;
  if (!order.pairs) { // gathered in the order
    result = ListMethodOp::create(builder, l, TypeRange{list.getType()},
                                  ListMethod::permuted,
                                  ValueRange{list, order.list})
                 .getResult(0);
    track(result, listType);
  } else { // the elements, then moved into the order
    result = ListMethodOp::create(builder, l, TypeRange{list.getType()},
                                  ListMethod::copy, ValueRange{list})
                 .getResult(0);
    track(result, listType);
    emitReorder(result, order, reverse, l);
  }
  consume(result, listType); // the caller tracks it
  return result;
}

void Generator::emitSortWithKey(Value list, const sema::Type *listType,
                                std::vector<ast::Keyword> &keywords,
                                Location l) {
  // Read the elements from a copy while writing them back in order.
  Value copy = ListMethodOp::create(builder, l, TypeRange{list.getType()},
                                    ListMethod::copy, ValueRange{list})
                   .getResult(0);
  track(copy, listType);
  const sema::Type *element = sema::iterableElement(listType);
  Value reverse = findReverse(keywords, l);
  KeyOrder order = emitKeyOrder(copy, element, *findKey(keywords), reverse, l);
  emitReorder(list, order, reverse, l);
}

Value Generator::emitExtremeWithKey(Value list, const sema::Type *listType,
                                    ast::LambdaExpr &key, bool wantMax,
                                    llvm::StringRef name, Location l) {
  Block *empty = new Block(), *ok = new Block();
  Value length = LenOp::create(builder, l, list);
  cf::CondBranchOp::create(
      builder, l,
      CmpOp::create(builder, l, CmpPredicate::eq, length, intConstant(0, l)),
      empty, ok);
  startBlock(empty);
  emitBuiltinRaise(ExceptionKind::ValueError,
                   (name + "() iterable argument is empty").str(), Value(), l);
  startBlock(ok);
  // The first element of the stable order: the first minimum, or (reverse)
  // the first maximum.
  Value reverse = boolConstant(wantMax, l);
  const sema::Type *element = sema::iterableElement(listType);
  KeyOrder order = emitKeyOrder(list, element, key, reverse, l);
  Value best = ListGetOp::create(
      builder, l, list, orderIndex(order, intConstant(0, l), reverse, l));
  if (isRefCounted(element))
    RetainOp::create(builder, l, best);
  return best;
}
