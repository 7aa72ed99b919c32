//===- RuntimeABI.cpp - Runtime declarations and constants in lowered IR --===//

#include "Roast/Conversion/RoastToStandard/RuntimeABI.h"
#include "Roast/Dialect/Roast/IR/InlinedLocations.h"

#include "Roast/Runtime/Runtime.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "llvm/ADT/StringSwitch.h"

using namespace mlir;
using namespace roast;

// The lowering passes these numbers to the runtime; keep them in step.
static_assert(int32_t(ExceptionKind::ZeroDivisionError) ==
              ROAST_ERR_ZERO_DIVISION);
static_assert(int32_t(ExceptionKind::OverflowError) == ROAST_ERR_OVERFLOW);
static_assert(int32_t(ExceptionKind::ValueError) == ROAST_ERR_VALUE);
static_assert(int32_t(ExceptionKind::RecursionError) == ROAST_ERR_RECURSION);
static_assert(int32_t(ExceptionKind::TypeError) == ROAST_ERR_TYPE);
static_assert(int32_t(ExceptionKind::IndexError) == ROAST_ERR_INDEX);
static_assert(int32_t(ExceptionKind::KeyError) == ROAST_ERR_KEY);
static_assert(int32_t(ExceptionKind::RuntimeError) == ROAST_ERR_RUNTIME);
static_assert(int32_t(ExceptionKind::AssertionError) == ROAST_ERR_ASSERTION);

namespace {
/// The Flags column of RuntimeFunctions.def.
enum class RuntimeFlags { Plain, Raises, BoolArg };

/// Name and C signature of a runtime function.
struct RuntimeFunctionInfo {
  StringRef name;
  LLVM::LLVMFunctionType type;
  /// Raises (or records a raise): declared cold so LLVM treats every path
  /// to a call as unlikely and keeps such blocks out of hot code.
  bool raises;
  /// The first argument is a C `bool`, which the x86-64 and AArch64 ABIs pass
  /// zero-extended.
  bool boolArg;
};
} // namespace

static RuntimeFunctionInfo getInfo(MLIRContext *ctx, RuntimeFunction fn) {
  Type ptr = LLVM::LLVMPointerType::get(ctx);
  Type voidType = LLVM::LLVMVoidType::get(ctx);
  Type i1 = IntegerType::get(ctx, 1), i32 = IntegerType::get(ctx, 32);
  Type i64 = IntegerType::get(ctx, 64), f64 = Float64Type::get(ctx);
  auto info = [](StringRef name, Type result, ArrayRef<Type> args,
                 RuntimeFlags flags) {
    return RuntimeFunctionInfo{name, LLVM::LLVMFunctionType::get(result, args),
                               flags == RuntimeFlags::Raises,
                               flags == RuntimeFlags::BoolArg};
  };
  switch (fn) {
#define ROAST_RUNTIME_FUNCTION(Enum, Name, Result, Args, Flags)                 \
  case RuntimeFunction::Enum:                                                  \
    return info(Name, Result, {ROAST_UNPAREN Args}, RuntimeFlags::Flags);
#define ROAST_UNPAREN(...) __VA_ARGS__
#include "Roast/Conversion/RoastToStandard/RuntimeFunctions.def"
#undef ROAST_UNPAREN
  }
  llvm_unreachable("unknown runtime function");
}

RuntimeABI::RuntimeABI(ModuleOp module) : module(module), symbols(module) {}

void RuntimeABI::setInsertionPointForDeclaration(OpBuilder &builder) {
  if (lastDeclaration)
    builder.setInsertionPointAfter(lastDeclaration);
  else
    builder.setInsertionPointToStart(module.getBody());
}

std::string RuntimeABI::uniqueName(StringRef prefix) {
  // CodeGen's symbols are dotted paths of identifiers, and no identifier
  // starts with a digit; the lookup catches anything already in the module.
  std::string name;
  do
    name = (prefix + "." + Twine(nextName++)).str();
  while (symbols.lookup(name));
  return name;
}

LLVM::LLVMFuncOp RuntimeABI::getFunction(OpBuilder &builder,
                                         RuntimeFunction fn) {
  LLVM::LLVMFuncOp &decl = functions[unsigned(fn)];
  if (decl)
    return decl;
  RuntimeFunctionInfo info = getInfo(module.getContext(), fn);
  if ((decl = symbols.lookup<LLVM::LLVMFuncOp>(info.name)))
    return decl;

  OpBuilder::InsertionGuard guard(builder);
  setInsertionPointForDeclaration(builder);
  decl =
      LLVM::LLVMFuncOp::create(builder, module.getLoc(), info.name, info.type);
  if (info.raises)
    decl.setPassthroughAttr(builder.getStrArrayAttr({"cold"}));
  if (info.boolArg)
    decl.setArgAttr(0, LLVM::LLVMDialect::getZExtAttrName(),
                    builder.getUnitAttr());
  noteDeclaration(decl);
  return decl;
}

Value RuntimeABI::call(OpBuilder &builder, Location loc, RuntimeFunction fn,
                       ValueRange args) {
  auto callOp =
      LLVM::CallOp::create(builder, loc, getFunction(builder, fn), args);
  return callOp.getNumResults() ? callOp.getResult() : Value();
}

Value RuntimeABI::getCString(OpBuilder &builder, Location loc, StringRef text) {
  LLVM::GlobalOp &global = cStrings[text];
  if (!global) {
    OpBuilder::InsertionGuard guard(builder);
    setInsertionPointForDeclaration(builder);
    auto type = LLVM::LLVMArrayType::get(builder.getI8Type(), text.size() + 1);
    global = LLVM::GlobalOp::create(
        builder, module.getLoc(), type, /*isConstant=*/true,
        LLVM::Linkage::Private, uniqueName("roast.cstr"),
        builder.getStringAttr(text.str() + '\0'), /*alignment=*/1);
    global.setUnnamedAddr(LLVM::UnnamedAddr::Global);
    noteDeclaration(global);
  }
  return LLVM::AddressOfOp::create(builder, loc, global);
}

Value RuntimeABI::getStrObject(OpBuilder &builder, Location loc,
                               StringRef text) {
  LLVM::GlobalOp &global = strObjects[text];
  if (!global) {
    OpBuilder::InsertionGuard guard(builder);
    setInsertionPointForDeclaration(builder);
    MLIRContext *ctx = builder.getContext();
    Type i32 = builder.getI32Type(), i64 = builder.getI64Type();
    auto bytesType =
        LLVM::LLVMArrayType::get(builder.getI8Type(), text.size() + 1);
    // RoastStr: {refcount, type_id, flags} header, length, bytes + NUL.
    auto type =
        LLVM::LLVMStructType::getLiteral(ctx, {i64, i32, i32, i64, bytesType});
    Location gloc = module.getLoc();
    // Constant: immortal objects are never written, not even their refcount.
    global = LLVM::GlobalOp::create(builder, gloc, type, /*isConstant=*/true,
                                    LLVM::Linkage::Private,
                                    uniqueName("roast.str"), Attribute(),
                                    /*alignment=*/8);
    global.setUnnamedAddr(LLVM::UnnamedAddr::Global);
    builder.createBlock(&global.getInitializerRegion());
    Value object = LLVM::PoisonOp::create(builder, gloc, type);
    auto setField = [&](int64_t index, Value value) {
      object = LLVM::InsertValueOp::create(builder, gloc, object, value, index);
    };
    setField(0, LLVM::ConstantOp::create(builder, gloc, i64,
                                         int64_t(ROAST_REFCOUNT_IMMORTAL)));
    setField(1, LLVM::ConstantOp::create(builder, gloc, i32,
                                         int64_t(ROAST_TYPE_STR)));
    setField(2, LLVM::ConstantOp::create(builder, gloc, i32, int64_t(0)));
    setField(
        3, LLVM::ConstantOp::create(builder, gloc, i64, int64_t(text.size())));
    setField(
        4, LLVM::ConstantOp::create(builder, gloc, bytesType,
                                    builder.getStringAttr(text.str() + '\0')));
    LLVM::ReturnOp::create(builder, gloc, object);
    noteDeclaration(global);
  }
  return LLVM::AddressOfOp::create(builder, loc, global);
}

Value RuntimeABI::getStackLimitAddress(OpBuilder &builder, Location loc) {
  if (!stackLimit &&
      !(stackLimit = symbols.lookup<LLVM::GlobalOp>("roast_rt_stack_limit"))) {
    OpBuilder::InsertionGuard guard(builder);
    setInsertionPointForDeclaration(builder);
    stackLimit =
        LLVM::GlobalOp::create(builder, module.getLoc(),
                               LLVM::LLVMPointerType::get(module.getContext()),
                               /*isConstant=*/false, LLVM::Linkage::External,
                               "roast_rt_stack_limit", Attribute());
    noteDeclaration(stackLimit);
  }
  return LLVM::AddressOfOp::create(builder, loc, stackLimit);
}

/// `symbol` without the type arguments roast-monomorphize names its copies
/// with: `m.first<i64>` is `m.first`, `m.Stack<!roast.list<i64>>.pop` is
/// `m.Stack.pop`. (`<locals>` and `<lambda>` follow a dot: they stay.)
static std::string withoutTypeArgs(StringRef symbol) {
  std::string name;
  int depth = 0;
  for (size_t i = 0; i < symbol.size(); ++i) {
    char c = symbol[i];
    bool opens = c == '<' && (depth > 0 || (i > 0 && symbol[i - 1] != '.'));
    bool closes = c == '>' && depth > 0 && symbol[i - 1] != '-'; // not `->`
    depth += opens - closes;
    if (depth == 0 && !closes)
      name += c;
  }
  return name;
}

/// The function name CPython's traceback shows (the code object's name) for
/// a function symbol.
static std::string getTracebackName(StringRef symbol) {
  std::string name = withoutTypeArgs(symbol);
  // A typed clone (`m.fib(i64)`, roast-specialize-types) is its function.
  StringRef function =
      StringRef(name).take_until([](char c) { return c == '('; });
  size_t dot = function.rfind('.');
  return (dot == StringRef::npos ? function : function.drop_front(dot + 1))
      .str();
}

/// Calls, thunks and dynamic entries (`f.<call>`, `f.<dyn>`) are not
/// Python frames: the runtime records a dynamic call's site itself.
static bool isFrameless(StringRef symbol) {
  return symbol.ends_with(".<call>") || symbol.ends_with(".<dyn>");
}

StringRef RuntimeABI::getSourceFunction(Operation *op) {
  if (StringAttr inlined = getInlinedFunction(op->getLoc()))
    return inlined.getValue();
  auto parent = op->getParentOfType<FunctionOpInterface>();
  return parent ? parent.getName() : StringRef();
}

Value RuntimeABI::getFunctionName(OpBuilder &builder, Location loc,
                                  StringRef symbol) {
  if (!symbol.empty() && symbol != "roast_module_init")
    return getCString(builder, loc, getTracebackName(symbol));
  return LLVM::ZeroOp::create(builder, loc,
                              LLVM::LLVMPointerType::get(builder.getContext()));
}

Value RuntimeABI::getFunctionName(OpBuilder &builder, Operation *op) {
  return getFunctionName(builder, op->getLoc(), getSourceFunction(op));
}

SmallVector<Value, 3> RuntimeABI::getSourceLocation(OpBuilder &builder,
                                                    Operation *op) {
  return getSourceLocation(builder, op->getLoc(), getSourceFunction(op));
}

SmallVector<Value, 3> RuntimeABI::getSourceLocation(OpBuilder &builder,
                                                    Location loc,
                                                    StringRef function) {
  Value file;
  int32_t line = 0;
  // Inlining wraps locations in CallSiteLoc (callee first) and passes fuse
  // them; the first file position found is where the op itself came from.
  if (auto pos = loc->findInstanceOf<FileLineColRange>()) {
    file = getCString(builder, loc, pos.getFilename().getValue());
    line = int32_t(pos.getStartLine());
  } else {
    file = LLVM::ZeroOp::create(builder, loc,
                                LLVM::LLVMPointerType::get(loc.getContext()));
  }
  // Module-level code has no function; the runtime prints "<module>" for a
  // null name, as CPython's traceback does. CodeGen qualifies symbols
  // (`module.f`, `module.Class.f`) but tracebacks show the bare name.
  Value name = getFunctionName(builder, loc, function);
  Value lineValue = arith::ConstantIntOp::create(builder, loc, line, 32);
  return {file, lineValue, name};
}

Value RuntimeABI::callAt(RewriterBase &rewriter, Operation *op,
                         RuntimeFunction fn, ValueRange args) {
  SmallVector<Value, 8> operands(args.begin(), args.end());
  llvm::append_range(operands, getSourceLocation(rewriter, op));
  assert(op->hasTrait<MayRaise>() &&
         "an op lowered to a raising call needs the MayRaise trait");
  Value result = call(rewriter, op->getLoc(), fn, operands);
  // The runtime recorded the traceback frame when it raised.
  unwindIfRaised(rewriter, op, /*pushFrame=*/false);
  return result;
}

void RuntimeABI::emitRaise(OpBuilder &builder, Operation *op, Value kind,
                           Value message, function_ref<void()> afterCall) {
  Location loc = op->getLoc();
  SmallVector<Value, 5> args = {kind, message};
  llvm::append_range(args, getSourceLocation(builder, op));
  call(builder, loc, RuntimeFunction::Raise, args);
  if (afterCall)
    afterCall();
  cf::BranchOp::create(builder, loc, getUnwindDestination(builder, op));
}

void RuntimeABI::emitRaise(OpBuilder &builder, Operation *op,
                           ExceptionKind kind, StringRef message) {
  Location loc = op->getLoc();
  Value kindValue =
      arith::ConstantIntOp::create(builder, loc, int64_t(kind), 32);
  emitRaise(builder, op, kindValue, getCString(builder, loc, message));
}

void RuntimeABI::branchToColdIf(RewriterBase &rewriter, Location loc,
                                Value failed,
                                function_ref<void(OpBuilder &)> fillCold) {
  Block *head = rewriter.getInsertionBlock();
  Block *continuation = rewriter.splitBlock(head, rewriter.getInsertionPoint());
  Region *region = head->getParent();
  // At the end of the function: the initial layout already keeps the hot
  // blocks together.
  Block *cold = rewriter.createBlock(region, region->end());
  fillCold(rewriter);
  rewriter.setInsertionPointToEnd(head);
  cf::CondBranchOp::create(rewriter, loc, failed, cold, ValueRange(),
                           continuation, ValueRange(),
                           {kUnlikelyWeight, kLikelyWeight});
  rewriter.setInsertionPointToStart(continuation);
}

void RuntimeABI::raiseIf(RewriterBase &rewriter, Operation *op, Value failed,
                         Value kind, Value message) {
  Location loc = op->getLoc();
  SmallVector<Value, 3> where = getSourceLocation(rewriter, op);
  rewriter.eraseOp(where[2].getDefiningOp()); // the raise block names it
  Block *destination = getUnwindDestination(rewriter, op);
  auto function = op->getParentOfType<FunctionOpInterface>();
  Block *&raise = raiseBlocks[{function, destination, getSourceFunction(op)}];
  if (!raise) {
    OpBuilder::InsertionGuard guard(rewriter);
    Region &body = function.getFunctionBody();
    auto ptr = LLVM::LLVMPointerType::get(op->getContext());
    Type i32 = rewriter.getI32Type();
    raise = rewriter.createBlock(&body, body.end(), {i32, ptr, ptr, i32},
                                 {loc, loc, loc, loc});
    call(rewriter, loc, RuntimeFunction::Raise,
         {raise->getArgument(0), raise->getArgument(1), raise->getArgument(2),
          raise->getArgument(3), getFunctionName(rewriter, op)});
    cf::BranchOp::create(rewriter, loc, destination);
  }
  Block *head = rewriter.getInsertionBlock();
  Block *continuation = rewriter.splitBlock(head, rewriter.getInsertionPoint());
  rewriter.setInsertionPointToEnd(head);
  cf::CondBranchOp::create(rewriter, loc, failed, raise,
                           ValueRange{kind, message, where[0], where[1]},
                           continuation, ValueRange(),
                           {kUnlikelyWeight, kLikelyWeight});
  rewriter.setInsertionPointToStart(continuation);
}

/// The handler an exception of `op` goes to inside a try body: the one the
/// roast.check_raised after it names, or a raising terminator's unwind
/// successor; null outside.
static Block *getHandler(Operation *op) {
  if (auto check = dyn_cast_or_null<CheckRaisedOp>(op->getNextNode()))
    return check.getHandler();
  if (isa<RaiseOp, ThrowOp>(op) && op->getNumSuccessors() == 1)
    return op->getSuccessor(0);
  return nullptr;
}

Block *RuntimeABI::getUnwindDestination(OpBuilder &builder, Operation *op) {
  auto function = op->getParentOfType<func::FuncOp>();
  assert(function && "raising ops are lowered inside lowered functions");
  Block *handler = getHandler(op);
  Block *target = handler;
  if (!target) {
    // The exception leaves the function, which returns zeros its caller
    // never looks at.
    Block *&unwind = unwindBlocks[function];
    if (!unwind) {
      OpBuilder::InsertionGuard guard(builder);
      Region &body = function.getBody();
      Location loc = function.getLoc();
      unwind = builder.createBlock(&body, body.end());
      SmallVector<Value> zeros;
      for (Type type : function.getResultTypes())
        zeros.push_back(LLVM::ZeroOp::create(builder, loc, type));
      func::ReturnOp::create(builder, loc, zeros);
    }
    target = unwind;
  }

  // An op inlined from other functions (InlinedLocations.h) leaves the
  // frames of the calls it was inlined through, innermost first, down to
  // the handler's own level (where its code was written).
  SmallVector<InlinedCall> calls = getInlinedCalls(op->getLoc());
  size_t handlerDepth =
      handler ? getInlinedCalls(handler->front().getLoc()).size() : 0;
  if (calls.size() <= handlerDepth)
    return target;
  ArrayRef<InlinedCall> left =
      ArrayRef(calls).take_front(calls.size() - handlerDepth);
  SmallVector<Location> sites;
  for (const InlinedCall &call : left)
    sites.push_back(call.site);
  Location frames = FusedLoc::get(op->getContext(), sites);
  Block *&inlined = inlinedUnwindBlocks[{
      function, target, frames.getAsOpaquePointer()}];
  if (!inlined) {
    OpBuilder::InsertionGuard guard(builder);
    Region &body = function.getBody();
    inlined = builder.createBlock(&body, body.end());
    for (const InlinedCall &call : left) {
      StringRef caller =
          call.caller ? call.caller.getValue() : function.getName();
      if (isFrameless(caller))
        continue;
      this->call(builder, call.site, RuntimeFunction::TracebackPush,
                 getSourceLocation(builder, call.site, caller));
    }
    cf::BranchOp::create(builder, function.getLoc(), target);
  }
  return inlined;
}

Value RuntimeABI::getExceptionAddress(OpBuilder &builder, Location loc) {
  if (!pendingException &&
      !(pendingException =
            symbols.lookup<LLVM::GlobalOp>("roast_rt_exception"))) {
    OpBuilder::InsertionGuard guard(builder);
    setInsertionPointForDeclaration(builder);
    pendingException =
        LLVM::GlobalOp::create(builder, module.getLoc(),
                               LLVM::LLVMPointerType::get(module.getContext()),
                               /*isConstant=*/false, LLVM::Linkage::External,
                               "roast_rt_exception", Attribute());
    noteDeclaration(pendingException);
  }
  return LLVM::AddressOfOp::create(builder, loc, pendingException);
}

void RuntimeABI::unwindIfRaised(RewriterBase &rewriter, Operation *op,
                                bool pushFrame) {
  Location loc = op->getLoc();
  auto ptr = LLVM::LLVMPointerType::get(op->getContext());
  Value pending = LLVM::LoadOp::create(rewriter, loc, ptr,
                                       getExceptionAddress(rewriter, loc));
  Value null = LLVM::ZeroOp::create(rewriter, loc, ptr);
  Value raised = LLVM::ICmpOp::create(rewriter, loc, LLVM::ICmpPredicate::ne,
                                      pending, null);
  Block *destination = getUnwindDestination(rewriter, op);
  SmallVector<Value, 2> args;
  if (isFrameless(getSourceFunction(op)))
    pushFrame = false;
  if (pushFrame) {
    // One cold block per destination records the frame of the call site.
    auto function = op->getParentOfType<FunctionOpInterface>();
    Block *&propagate =
        propagateBlocks[{function, destination, getSourceFunction(op)}];
    if (!propagate) {
      OpBuilder::InsertionGuard guard(rewriter);
      Region &body = function.getFunctionBody();
      propagate = rewriter.createBlock(&body, body.end(),
                                       {ptr, rewriter.getI32Type()}, {loc, loc});
      call(rewriter, loc, RuntimeFunction::TracebackPush,
           {propagate->getArgument(0), propagate->getArgument(1),
            getFunctionName(rewriter, op)});
      cf::BranchOp::create(rewriter, loc, destination);
    }
    SmallVector<Value, 3> where = getSourceLocation(rewriter, op);
    rewriter.eraseOp(where[2].getDefiningOp()); // the block names it
    args = {where[0], where[1]};
    destination = propagate;
  }
  Block *head = rewriter.getInsertionBlock();
  Block *continuation = rewriter.splitBlock(head, rewriter.getInsertionPoint());
  rewriter.setInsertionPointToEnd(head);
  cf::CondBranchOp::create(rewriter, loc, raised, destination, args,
                           continuation, ValueRange(),
                           {kUnlikelyWeight, kLikelyWeight});
  rewriter.setInsertionPointToStart(continuation);
}

void RuntimeABI::raiseIf(RewriterBase &rewriter, Operation *op, Value failed,
                         ExceptionKind kind, StringRef message) {
  Location loc = op->getLoc();
  Value kindValue =
      arith::ConstantIntOp::create(rewriter, loc, int64_t(kind), 32);
  raiseIf(rewriter, op, failed, kindValue,
          getCString(rewriter, loc, message));
}
