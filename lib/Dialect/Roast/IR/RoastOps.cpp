//===- RoastOps.cpp - Verifiers, folders and syntax of roast ops ----------===//

#include "Roast/Dialect/Roast/IR/RoastOps.h"

#include "mlir/IR/AttrTypeSubElements.h"
#include "llvm/ADT/StringSet.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/FunctionImplementation.h"

#include <algorithm>

using namespace mlir;
using namespace roast;

bool roast::holdsReferences(Type type) {
  if (auto tuple = dyn_cast<TupleType>(type))
    return llvm::any_of(tuple.getTypes(), holdsReferences);
  if (auto optional = dyn_cast<OptionalType>(type))
    return holdsReferences(optional.getValueType());
  return isObjectType(type) || isa<ValueType>(type);
}

bool roast::mayRaise(Operation *op) {
  if (!op->hasTrait<MayRaise>())
    return false;
  if (auto method = dyn_cast<ListMethodOp>(op))
    return method.getMethod() != ListMethod::reserve;
  // An index known to be in range (roast-loop-versioning).
  if (auto get = dyn_cast<ListGetOp>(op))
    return !get.getUnchecked();
  if (auto set = dyn_cast<ListSetOp>(op))
    return !set.getUnchecked();
  // Comparing ints, floats or bools is arith: only containers and
  // instances can run code that raises.
  if (isa<CmpOp>(op))
    return !isScalarType(op->getOperand(0).getType());
  if (!isa<PrintOp, ReprOp>(op))
    return true;
  if (auto print = dyn_cast<PrintOp>(op); print && print.getFile())
    return true; // the file may be closed
  return llvm::any_of(op->getOperandTypes(), [](Type type) {
    if (auto optional = dyn_cast<OptionalType>(type))
      type = optional.getValueType();
    return isa<ObjectType, ListType, DictType, SetType, TupleType, ValueType>(
        type);
  });
}

Value roast::buildZeroValue(OpBuilder &builder, Location loc, Type type) {
  if (auto tuple = dyn_cast<TupleType>(type)) {
    SmallVector<Value> elements;
    for (Type element : tuple.getTypes())
      elements.push_back(buildZeroValue(builder, loc, element));
    return MakeTupleOp::create(builder, loc, tuple, elements);
  }
  if (isa<StrType>(type))
    return StringOp::create(builder, loc, builder.getStringAttr(""));
  if (isa<roast::NoneType>(type))
    return NoneOp::create(builder, loc);
  if (isa<OptionalType>(type))
    return OptionalNoneOp::create(builder, loc, type);
  if (isa<ValueType>(type))
    return BoxOp::create(builder, loc, NoneOp::create(builder, loc));
  if (isa<ListType, DictType, SetType, ObjectType, FileType, CallableType,
          TypeParamType>(type))
    return NullOp::create(builder, loc, type);
  return arith::ConstantOp::create(builder, loc, type,
                                   builder.getZeroAttr(type));
}

//===----------------------------------------------------------------------===//
// Custom directives
//===----------------------------------------------------------------------===//

/// `unwind ^handler`, or nothing when the op has no handler.
static ParseResult parseUnwind(OpAsmParser &parser,
                               SmallVectorImpl<Block *> &handler) {
  if (failed(parser.parseOptionalKeyword("unwind")))
    return success();
  Block *block;
  if (parser.parseSuccessor(block))
    return failure();
  handler.push_back(block);
  return success();
}

static void printUnwind(OpAsmPrinter &printer, Operation *,
                        SuccessorRange handler) {
  if (!handler.empty())
    printer << " unwind " << handler.front();
}

//===----------------------------------------------------------------------===//
// FuncOp
//===----------------------------------------------------------------------===//

void FuncOp::build(OpBuilder &builder, OperationState &state, StringRef name,
                   FunctionType type) {
  state.addAttribute(SymbolTable::getSymbolAttrName(),
                     builder.getStringAttr(name));
  state.addAttribute(getFunctionTypeAttrName(state.name), TypeAttr::get(type));
  state.addRegion();
}

ParseResult FuncOp::parse(OpAsmParser &parser, OperationState &result) {
  auto buildFuncType = [](Builder &builder, ArrayRef<Type> argTypes,
                          ArrayRef<Type> results,
                          function_interface_impl::VariadicFlag,
                          std::string &) {
    return builder.getFunctionType(argTypes, results);
  };
  return function_interface_impl::parseFunctionOp(
      parser, result, /*allowVariadic=*/false,
      getFunctionTypeAttrName(result.name), buildFuncType,
      getArgAttrsAttrName(result.name), getResAttrsAttrName(result.name));
}

void FuncOp::print(OpAsmPrinter &p) {
  function_interface_impl::printFunctionOp(
      p, *this, /*isVariadic=*/false, getFunctionTypeAttrName(),
      getArgAttrsAttrName(), getResAttrsAttrName());
}

Type roast::substituteTypeParams(Type type, ArrayAttr params,
                                 ArrayRef<Type> args) {
  AttrTypeReplacer replacer;
  replacer.addReplacement([&](TypeParamType param) -> std::optional<Type> {
    for (auto [name, arg] : llvm::zip(params, args))
      if (cast<StringAttr>(name).getValue() == param.getName())
        return arg;
    return std::nullopt;
  });
  return replacer.replace(type);
}

LogicalResult FuncOp::verify() {
  std::optional<ArrayAttr> params = getTypeParams();
  llvm::StringSet<> names;
  if (params)
    for (Attribute name : *params)
      if (!names.insert(cast<StringAttr>(name).getValue()).second)
        return emitOpError("duplicate type parameter ") << name;
  // Every type parameter used in the signature or body must be declared.
  auto check = [&](Type type, Operation *where) -> LogicalResult {
    LogicalResult result = success();
    type.walk([&](TypeParamType param) {
      if (failed(result) || names.contains(param.getName()))
        return;
      result = where->emitOpError("uses type parameter '")
               << param.getName() << "', which "
               << (params ? "is not one of the function's type_params"
                          : "only a generic function (type_params) may use");
    });
    return result;
  };
  if (failed(check(getFunctionType(), *this)))
    return failure();
  WalkResult walk = getBody().walk([&](Operation *op) {
    for (Type type : op->getResultTypes())
      if (failed(check(type, op)))
        return WalkResult::interrupt();
    for (Region &region : op->getRegions())
      for (Block &block : region)
        for (BlockArgument arg : block.getArguments())
          if (failed(check(arg.getType(), op)))
            return WalkResult::interrupt();
    return WalkResult::advance();
  });
  return failure(walk.wasInterrupted());
}

//===----------------------------------------------------------------------===//
// ReturnOp
//===----------------------------------------------------------------------===//

LogicalResult ReturnOp::verify() {
  auto func = (*this)->getParentOfType<FuncOp>();
  ArrayRef<Type> results = func.getResultTypes();
  if (getNumOperands() != results.size())
    return emitOpError("has ")
           << getNumOperands() << " operands, but the enclosing function @"
           << func.getName() << " returns " << results.size();
  for (auto [i, operand, expected] :
       llvm::enumerate(getOperandTypes(), results))
    if (operand != expected)
      return emitOpError("operand #")
             << i << " has type " << operand << ", but @" << func.getName()
             << " returns " << expected;
  return success();
}

//===----------------------------------------------------------------------===//
// CallOp
//===----------------------------------------------------------------------===//

LogicalResult CallOp::verifySymbolUses(SymbolTableCollection &symbolTable) {
  auto fn = symbolTable.lookupNearestSymbolFrom<FuncOp>(*this, getCalleeAttr());
  if (!fn)
    return emitOpError("'") << getCallee()
                            << "' does not reference a roast.func";
  FunctionType type = fn.getFunctionType();
  std::optional<ArrayAttr> params = fn.getTypeParams();
  std::optional<ArrayAttr> args = getTypeArgs();
  if (params.has_value() != args.has_value() ||
      (params && params->size() != args->size()))
    return emitOpError("gives ")
           << (args ? args->size() : 0) << " type arguments, but '"
           << getCallee() << "' has " << (params ? params->size() : 0)
           << " type parameters";
  if (params) {
    SmallVector<Type> argTypes;
    for (Attribute arg : *args)
      argTypes.push_back(cast<TypeAttr>(arg).getValue());
    type = cast<FunctionType>(substituteTypeParams(type, *params, argTypes));
  }
  if (!llvm::equal(type.getInputs(), getOperandTypes()) ||
      !llvm::equal(type.getResults(), getResultTypes()))
    return emitOpError("type ")
           << FunctionType::get(getContext(), getOperandTypes(),
                                getResultTypes())
           << " does not match the callee's type " << type;
  return success();
}

//===----------------------------------------------------------------------===//
// Constants
//===----------------------------------------------------------------------===//

OpFoldResult StringOp::fold(FoldAdaptor) { return getValueAttr(); }

OpFoldResult NoneOp::fold(FoldAdaptor) { return UnitAttr::get(getContext()); }

OpFoldResult NullOp::fold(FoldAdaptor) { return UnitAttr::get(getContext()); }

//===----------------------------------------------------------------------===//
// Checked int arithmetic: folds only when the result fits, so a constant
// expression that overflows still raises at run time, as in Python.
//===----------------------------------------------------------------------===//

/// Folds `fn(lhs, rhs)` on constant operands; `fn` reports overflow.
template <typename Fn>
static OpFoldResult foldChecked(Attribute lhsAttr, Attribute rhsAttr, Fn fn) {
  auto lhs = dyn_cast_if_present<IntegerAttr>(lhsAttr);
  auto rhs = dyn_cast_if_present<IntegerAttr>(rhsAttr);
  if (!lhs || !rhs)
    return {};
  bool overflow = false;
  APInt result = fn(lhs.getValue(), rhs.getValue(), overflow);
  if (overflow)
    return {};
  return IntegerAttr::get(lhs.getType(), result);
}

OpFoldResult AddOp::fold(FoldAdaptor adaptor) {
  if (auto rhs = dyn_cast_if_present<IntegerAttr>(adaptor.getRhs());
      rhs && rhs.getValue().isZero())
    return getLhs();
  return foldChecked(adaptor.getLhs(), adaptor.getRhs(),
                     [](const APInt &a, const APInt &b, bool &overflow) {
                       return a.sadd_ov(b, overflow);
                     });
}

OpFoldResult SubOp::fold(FoldAdaptor adaptor) {
  if (auto rhs = dyn_cast_if_present<IntegerAttr>(adaptor.getRhs());
      rhs && rhs.getValue().isZero())
    return getLhs();
  return foldChecked(adaptor.getLhs(), adaptor.getRhs(),
                     [](const APInt &a, const APInt &b, bool &overflow) {
                       return a.ssub_ov(b, overflow);
                     });
}

OpFoldResult MulOp::fold(FoldAdaptor adaptor) {
  if (auto rhs = dyn_cast_if_present<IntegerAttr>(adaptor.getRhs());
      rhs && rhs.getValue().isOne())
    return getLhs();
  return foldChecked(adaptor.getLhs(), adaptor.getRhs(),
                     [](const APInt &a, const APInt &b, bool &overflow) {
                       return a.smul_ov(b, overflow);
                     });
}

OpFoldResult ShlOp::fold(FoldAdaptor adaptor) {
  return foldChecked(adaptor.getLhs(), adaptor.getRhs(),
                     [](const APInt &a, const APInt &b, bool &overflow) {
                       overflow = b.isNegative() || b.sge(64);
                       return overflow ? a : a.sshl_ov(b, overflow);
                     });
}

OpFoldResult ShrOp::fold(FoldAdaptor adaptor) {
  return foldChecked(adaptor.getLhs(), adaptor.getRhs(),
                     [](const APInt &a, const APInt &b, bool &overflow) {
                       overflow = b.isNegative();
                       return a.ashr(std::min<uint64_t>(
                           b.isNegative() ? 0 : b.getZExtValue(), 63));
                     });
}

OpFoldResult NegOp::fold(FoldAdaptor adaptor) {
  auto operand = dyn_cast_if_present<IntegerAttr>(adaptor.getOperand());
  if (!operand || operand.getValue().isMinSignedValue())
    return {};
  return IntegerAttr::get(operand.getType(), -operand.getValue());
}

LogicalResult RoundOp::verify() {
  bool toFloat = isa<FloatType>(getType());
  if (toFloat != static_cast<bool>(getNdigits()))
    return emitOpError("returns a float exactly when ndigits is given");
  return success();
}

//===----------------------------------------------------------------------===//
// CmpOp
//===----------------------------------------------------------------------===//

void CmpOp::getEffects(
    SmallVectorImpl<SideEffects::EffectInstance<MemoryEffects::Effect>>
        &effects) {
  if (isa<ListType, DictType, SetType>(getLhs().getType()))
    effects.emplace_back(MemoryEffects::Read::get());
}

//===----------------------------------------------------------------------===//
// CastOp
//===----------------------------------------------------------------------===//

LogicalResult CastOp::verify() {
  Type from = getInput().getType(), to = getResult().getType();
  if (from == to)
    return emitOpError("converts ") << from << " to itself";
  // Containers and tuples convert to str only (str(x) is repr(x)).
  if (isa<roast::NoneType, ListType, DictType, SetType, TupleType,
          OptionalType>(to) ||
      (isa<ListType, DictType, SetType, TupleType, OptionalType>(from) &&
       !isa<StrType>(to)))
    return emitOpError("cannot convert ") << from << " to " << to;
  if (isa<StrType>(to) || isa<StrType>(from))
    return success(); // str(x), int(s), float(s), bool(s)
  if (isa<roast::NoneType>(from))
    return emitOpError("cannot convert ") << from << " to " << to;
  return success(); // among i64, f64, i1
}

OpFoldResult CastOp::fold(FoldAdaptor adaptor) {
  Type to = getResult().getType();
  if (isa<StrType>(to) || isa<StrType>(getInput().getType()))
    return {}; // conversions to and from str allocate or may raise
  if (auto i = dyn_cast_if_present<IntegerAttr>(adaptor.getInput())) {
    bool isBool = i.getType().isInteger(1);
    int64_t v = isBool ? int64_t(i.getValue().getBoolValue()) : i.getInt();
    if (isa<FloatType>(to))
      return FloatAttr::get(to, double(v));
    if (to.isInteger(1))
      return IntegerAttr::get(to, v != 0);
    return IntegerAttr::get(to, v);
  }
  if (auto f = dyn_cast_if_present<FloatAttr>(adaptor.getInput())) {
    if (to.isInteger(1))
      return IntegerAttr::get(to, f.getValueAsDouble() != 0.0);
    // float -> int may raise; leave it to the lowering.
  }
  return {};
}

//===----------------------------------------------------------------------===//
// Reference counting
//===----------------------------------------------------------------------===//

/// Whether `value` holds no reference a count could change: a string
/// literal (immortal), or a tuple built only of such values and scalars.
static bool holdsOnlyImmortals(Value value) {
  Operation *def = value.getDefiningOp();
  if (isa_and_present<StringOp, NoneOp, NullOp, OptionalNoneOp>(def))
    return true;
  if (auto tuple = dyn_cast_if_present<MakeTupleOp>(def))
    return llvm::all_of(tuple.getElements(), [](Value element) {
      return !holdsReferences(element.getType()) ||
             holdsOnlyImmortals(element);
    });
  return false;
}

LogicalResult RetainOp::canonicalize(RetainOp op, PatternRewriter &rewriter) {
  if (!holdsOnlyImmortals(op.getValue()))
    return failure();
  rewriter.eraseOp(op);
  return success();
}

LogicalResult ReleaseOp::canonicalize(ReleaseOp op,
                                      PatternRewriter &rewriter) {
  if (!holdsOnlyImmortals(op.getValue()))
    return failure();
  rewriter.eraseOp(op);
  return success();
}

//===----------------------------------------------------------------------===//
// Optionals
//===----------------------------------------------------------------------===//

OpFoldResult OptionalUnwrapOp::fold(FoldAdaptor) {
  if (auto wrap = getValue().getDefiningOp<OptionalWrapOp>())
    return wrap.getValue();
  return {};
}

//===----------------------------------------------------------------------===//
// Lists
//===----------------------------------------------------------------------===//

static LogicalResult verifyElement(Operation *op, ListType list, Type type) {
  if (list.getElementType() != type)
    return op->emitOpError("element type ")
           << type << " does not match " << list;
  return success();
}

LogicalResult ListNewOp::verify() {
  for (Type type : getElements().getTypes())
    if (failed(verifyElement(*this, getType(), type)))
      return failure();
  return success();
}

LogicalResult ListReduceOp::verify() {
  Type element = getList().getType().getElementType();
  Type expected;
  switch (getReduction()) {
  case ListReduction::sum:
    if (!element.isInteger(64) && !element.isInteger(1) &&
        !isa<FloatType>(element))
      return emitOpError("sum() needs a list of numbers, not ")
             << getList().getType();
    expected = element.isInteger(1) ? IntegerType::get(getContext(), 64)
                                    : element;
    break;
  case ListReduction::min:
  case ListReduction::max:
    expected = element;
    break;
  case ListReduction::any:
  case ListReduction::all:
    expected = IntegerType::get(getContext(), 1);
    break;
  }
  if (getType() != expected)
    return emitOpError("result must be ") << expected;
  return success();
}

//===----------------------------------------------------------------------===//
// StrMethodOp
//===----------------------------------------------------------------------===//

LogicalResult StrMethodOp::verify() {
  size_t minArgs = 0, maxArgs = 0;
  Type str = StrType::get(getContext());
  Type result = str;
  Builder b(getContext());
  switch (getMethod()) {
  case StrMethod::upper:
  case StrMethod::lower:
    break;
  case StrMethod::strip:
  case StrMethod::lstrip:
  case StrMethod::rstrip:
    maxArgs = 1;
    break;
  case StrMethod::startswith:
  case StrMethod::endswith:
    minArgs = maxArgs = 1;
    result = b.getI1Type();
    break;
  case StrMethod::find:
  case StrMethod::count:
    minArgs = 1;
    maxArgs = 3; // sub[, start[, end]]
    result = b.getI64Type();
    break;
  case StrMethod::replace:
    minArgs = maxArgs = 2;
    break;
  case StrMethod::isdigit:
  case StrMethod::isalpha:
    result = b.getI1Type();
    break;
  case StrMethod::split:
    maxArgs = 2; // [sep[, maxsplit]]
    result = ListType::get(getContext(), str);
    break;
  case StrMethod::join:
    minArgs = maxArgs = 1;
    break;
  }
  size_t args = getOperands().size();
  if (args < 1 + minArgs || args > 1 + maxArgs)
    return emitOpError("str.") << stringifyStrMethod(getMethod())
                               << " takes " << minArgs << " to " << maxArgs
                               << " arguments besides the receiver";
  for (auto [i, type] : llvm::enumerate(getOperandTypes())) {
    // join's argument is the list of strs to join; find's and count's
    // start and end, and split's maxsplit, are ints.
    bool intArg = (getMethod() == StrMethod::find ||
                   getMethod() == StrMethod::count)
                      ? i >= 2
                      : getMethod() == StrMethod::split && i == 2;
    Type expected = getMethod() == StrMethod::join && i == 1
                        ? Type(ListType::get(getContext(), str))
                    : intArg ? Type(b.getI64Type())
                             : str;
    // join also takes dynamic values, each checked to be a str.
    if (getMethod() == StrMethod::join && i == 1 &&
        type == ListType::get(getContext(), ValueType::get(getContext())))
      continue;
    if (type != expected)
      return emitOpError("operand #") << i << " must be " << expected
                                      << ", not " << type;
  }
  if (getType() != result)
    return emitOpError("str.") << stringifyStrMethod(getMethod())
                               << " returns " << result;
  return success();
}

//===----------------------------------------------------------------------===//
// Tuples
//===----------------------------------------------------------------------===//

LogicalResult MakeTupleOp::verify() {
  auto type = cast<TupleType>(getType());
  if (!llvm::equal(type.getTypes(), getElements().getTypes()))
    return emitOpError("element types do not match the result type ")
           << type;
  return success();
}

LogicalResult TupleGetOp::verify() {
  auto type = cast<TupleType>(getTuple().getType());
  int64_t index = getIndex();
  if (index < 0 || index >= static_cast<int64_t>(type.size()))
    return emitOpError("index ") << index << " is out of range for " << type;
  if (type.getType(index) != getType())
    return emitOpError("result type ")
           << getType() << " does not match element " << index << " of "
           << type;
  return success();
}

OpFoldResult TupleGetOp::fold(FoldAdaptor) {
  if (auto make = getTuple().getDefiningOp<MakeTupleOp>())
    return make.getElements()[getIndex()];
  return {};
}

//===----------------------------------------------------------------------===//
// Globals
//===----------------------------------------------------------------------===//

static LogicalResult verifyGlobalUse(Operation *op, FlatSymbolRefAttr name,
                                     Type type,
                                     SymbolTableCollection &symbolTable) {
  auto global = symbolTable.lookupNearestSymbolFrom<GlobalOp>(op, name);
  if (!global)
    return op->emitOpError("'")
           << name.getValue() << "' does not reference a roast.global";
  if (global.getType() != type)
    return op->emitOpError("type ")
           << type << " does not match the global's type "
           << global.getType();
  return success();
}

LogicalResult
GlobalLoadOp::verifySymbolUses(SymbolTableCollection &symbolTable) {
  return verifyGlobalUse(*this, getGlobalAttr(), getType(), symbolTable);
}

LogicalResult
GlobalStoreOp::verifySymbolUses(SymbolTableCollection &symbolTable) {
  return verifyGlobalUse(*this, getGlobalAttr(), getValue().getType(),
                         symbolTable);
}

#define GET_OP_CLASSES
#include "Roast/Dialect/Roast/IR/RoastOps.cpp.inc"

//===----------------------------------------------------------------------===//
// Dicts and sets
//===----------------------------------------------------------------------===//

/// Checks that a method op's operand and result types are exactly the
/// signature of its method.
static LogicalResult verifyMethodSignature(Operation *op, StringRef method,
                                           ArrayRef<Type> operands,
                                           ArrayRef<Type> results) {
  if (TypeRange(op->getOperandTypes()) == TypeRange(operands) &&
      TypeRange(op->getResultTypes()) == TypeRange(results))
    return success();
  auto diag = op->emitOpError() << method << " must have type (";
  llvm::interleaveComma(operands, diag);
  diag << ") -> (";
  llvm::interleaveComma(results, diag);
  return diag << ")";
}

LogicalResult DictMethodOp::verify() {
  if (getOperands().empty() || !isa<DictType>(getOperands()[0].getType()))
    return emitOpError("expects a dict as its first operand");
  auto dict = cast<DictType>(getOperands()[0].getType());
  Type key = dict.getKeyType(), value = dict.getValueType();
  SmallVector<Type, 3> operands = {dict};
  SmallVector<Type, 1> results;
  switch (getMethod()) {
  case DictMethod::pop:
    operands.push_back(key);
    results.push_back(value);
    break;
  case DictMethod::pop_default:
  case DictMethod::setdefault:
    operands.append({key, value});
    results.push_back(value);
    break;
  case DictMethod::update:
    operands.push_back(dict);
    break;
  case DictMethod::clear:
    break;
  case DictMethod::copy:
    results.push_back(dict);
    break;
  case DictMethod::keys:
    results.push_back(ListType::get(getContext(), key));
    break;
  case DictMethod::values:
    results.push_back(ListType::get(getContext(), value));
    break;
  case DictMethod::items:
    results.push_back(
        ListType::get(getContext(), TupleType::get(getContext(), {key, value})));
    break;
  case DictMethod::del:
    operands.push_back(key);
    break;
  }
  return verifyMethodSignature(*this, stringifyDictMethod(getMethod()),
                               operands, results);
}

LogicalResult SetNewOp::verify() {
  if (getList() && getList().getType().getElementType() !=
                       getType().getElementType())
    return emitOpError("list element type ")
           << getList().getType().getElementType() << " does not match "
           << getType();
  return success();
}

LogicalResult SetMethodOp::verify() {
  if (getOperands().empty() || !isa<SetType>(getOperands()[0].getType()))
    return emitOpError("expects a set as its first operand");
  auto set = cast<SetType>(getOperands()[0].getType());
  Type element = set.getElementType();
  SmallVector<Type, 2> operands = {set};
  SmallVector<Type, 1> results;
  switch (getMethod()) {
  case SetMethod::add:
  case SetMethod::remove:
  case SetMethod::discard:
    operands.push_back(element);
    break;
  case SetMethod::pop:
    results.push_back(element);
    break;
  case SetMethod::clear:
    break;
  case SetMethod::copy:
    results.push_back(set);
    break;
  case SetMethod::union_:
  case SetMethod::intersection:
  case SetMethod::difference:
  case SetMethod::symmetric_difference:
    operands.push_back(set);
    results.push_back(set);
    break;
  case SetMethod::update:
  case SetMethod::intersection_update:
  case SetMethod::difference_update:
    operands.push_back(set);
    break;
  case SetMethod::issubset:
  case SetMethod::issuperset:
    operands.push_back(set);
    results.push_back(IntegerType::get(getContext(), 1));
    break;
  case SetMethod::to_list:
    results.push_back(ListType::get(getContext(), element));
    break;
  }
  return verifyMethodSignature(*this, stringifySetMethod(getMethod()),
                               operands, results);
}

//===----------------------------------------------------------------------===//
// MathCallOp
//===----------------------------------------------------------------------===//

LogicalResult MathCallOp::verify() {
  Builder b(getContext());
  MathFunction fn = getFunction();
  bool ints = fn == MathFunction::gcd || fn == MathFunction::isqrt ||
              fn == MathFunction::factorial;
  size_t arity = fn == MathFunction::log_base || fn == MathFunction::pow ||
                         fn == MathFunction::atan2 ||
                         fn == MathFunction::hypot || fn == MathFunction::gcd
                     ? 2
                     : 1;
  Type type = ints ? Type(b.getI64Type()) : Type(b.getF64Type());
  SmallVector<Type, 2> operands(arity, type);
  return verifyMethodSignature(*this, stringifyMathFunction(fn), operands,
                               {type});
}

LogicalResult ClockOp::verify() {
  if (getClock() != "perf_counter" && getClock() != "time")
    return emitOpError("clock must be perf_counter or time, not ")
           << getClock();
  return success();
}

LogicalResult RandomCallOp::verify() {
  Builder b(getContext());
  Type i64 = b.getI64Type(), f64 = b.getF64Type();
  RandomFunction fn = getFunction();
  size_t given = getOperands().size();
  SmallVector<Type, 3> operands, results;
  switch (fn) {
  case RandomFunction::seed: // seed() seeds from the OS
    operands.assign(std::min<size_t>(given, 1), i64);
    break;
  case RandomFunction::random:
    results.push_back(f64);
    break;
  case RandomFunction::uniform:
    operands.assign(2, f64);
    results.push_back(f64);
    break;
  case RandomFunction::getrandbits:
  case RandomFunction::randint:
  case RandomFunction::randrange:
    operands.assign(fn == RandomFunction::getrandbits ? 1
                    : fn == RandomFunction::randint
                        ? 2
                        : std::clamp<size_t>(given, 1, 3),
                    i64);
    results.push_back(i64);
    break;
  case RandomFunction::choice:
  case RandomFunction::shuffle: {
    auto list =
        given ? dyn_cast<ListType>(getOperands()[0].getType()) : ListType();
    if (!list)
      return emitOpError() << stringifyRandomFunction(fn)
                           << " expects a list operand";
    operands.push_back(list);
    if (fn == RandomFunction::choice)
      results.push_back(list.getElementType());
    break;
  }
  }
  return verifyMethodSignature(*this, stringifyRandomFunction(fn), operands,
                               results);
}
