//===- RuntimeABI.h - The C runtime as seen from lowered IR -----*- C++ -*-===//
//
// One place that knows the names and signatures of the runtime entry points
// (Roast/Runtime/Runtime.h) and the layout of static objects, so patterns
// never spell a runtime symbol themselves and each declaration, C string and
// str constant exists once per module however many ops need it.
//
//===----------------------------------------------------------------------===//

#ifndef ROAST_CONVERSION_ROASTTOSTANDARD_RUNTIMEABI_H
#define ROAST_CONVERSION_ROASTTOSTANDARD_RUNTIMEABI_H

#include "Roast/Dialect/Roast/IR/RoastOps.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/IR/SymbolTable.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"

#include <optional>

namespace roast {

/// The runtime functions lowered code calls.
enum class RuntimeFunction {
#define ROAST_RUNTIME_FUNCTION(Enum, Name, Result, Args, Flags) Enum,
#include "Roast/Conversion/RoastToStandard/RuntimeFunctions.def"
};

/// Branch weights that make an error path cold: the values clang gives
/// `__builtin_expect`, so LLVM lays the raising block out of line.
constexpr int32_t kUnlikelyWeight = 1;
constexpr int32_t kLikelyWeight = 2000;

/// Per-module cache of runtime declarations and constant globals. Create one
/// per run of a lowering pass; everything it creates is inserted at the top
/// of the module, in creation order.
class RuntimeABI {
public:
  explicit RuntimeABI(mlir::ModuleOp module);

  /// The declaration of `fn`, created on first use.
  mlir::LLVM::LLVMFuncOp getFunction(mlir::OpBuilder &builder,
                                     RuntimeFunction fn);

  /// Calls `fn` with `args`; returns its result, or null if it returns void.
  mlir::Value call(mlir::OpBuilder &builder, mlir::Location loc,
                   RuntimeFunction fn, mlir::ValueRange args);

  /// Calls `fn`, which may raise, with `args` followed by the source
  /// location of `op` (see getSourceLocation), then unwinds if it raised.
  /// The rewriter is left in the continuation block.
  mlir::Value callAt(mlir::RewriterBase &rewriter, mlir::Operation *op,
                     RuntimeFunction fn, mlir::ValueRange args);

  /// Where an exception raised by `op` goes (docs/rationale/exceptions.md):
  /// the handler of the roast.check_raised after it (or a raising
  /// terminator's unwind successor), else a block that returns from the
  /// function.
  mlir::Block *getUnwindDestination(mlir::OpBuilder &builder,
                                    mlir::Operation *op);

  /// Branches, cold, to `op`'s unwind destination if an exception is
  /// pending; `pushFrame` first records `op`'s location in the traceback
  /// (a call whose callee raised). The rewriter is left in the
  /// continuation block.
  void unwindIfRaised(mlir::RewriterBase &rewriter, mlir::Operation *op,
                      bool pushFrame);

  /// Address of the runtime's `roast_rt_exception` variable.
  mlir::Value getExceptionAddress(mlir::OpBuilder &builder,
                                  mlir::Location loc);
  /// Address of a private NUL-terminated copy of `text`.
  mlir::Value getCString(mlir::OpBuilder &builder, mlir::Location loc,
                         llvm::StringRef text);

  /// Address of an immortal static str object holding `text`.
  mlir::Value getStrObject(mlir::OpBuilder &builder, mlir::Location loc,
                           llvm::StringRef text);

  /// Address of the runtime's `roast_rt_stack_limit` variable.
  mlir::Value getStackLimitAddress(mlir::OpBuilder &builder,
                                   mlir::Location loc);

  /// The symbol of the function `op` was written in: the one its location
  /// names when it was inlined (InlinedLocations.h), else the function
  /// around it; empty outside functions.
  llvm::StringRef getSourceFunction(mlir::Operation *op);

  /// The name tracebacks show for the function `op` was written in (a C
  /// string; null for module code).
  mlir::Value getFunctionName(mlir::OpBuilder &builder, mlir::Operation *op);
  /// The same for function symbol `symbol`.
  mlir::Value getFunctionName(mlir::OpBuilder &builder, mlir::Location loc,
                              llvm::StringRef symbol);

  /// The (file, line, function) arguments that every raising runtime
  /// function takes, naming where `op` is in the Roast source.
  llvm::SmallVector<mlir::Value, 3> getSourceLocation(mlir::OpBuilder &builder,
                                                      mlir::Operation *op);
  /// The same for source location `loc` in function `function` (a symbol).
  llvm::SmallVector<mlir::Value, 3> getSourceLocation(mlir::OpBuilder &builder,
                                                      mlir::Location loc,
                                                      llvm::StringRef function);

  /// Emits `roast_rt_raise(kind, message, <where op is>)` and a branch to
  /// `op`'s unwind destination. `kind` is an i32 and `message` a C string
  /// pointer; `afterCall` emits code between the two (the runtime has
  /// copied the message by then).
  void emitRaise(mlir::OpBuilder &builder, mlir::Operation *op,
                 mlir::Value kind, mlir::Value message,
                 llvm::function_ref<void()> afterCall = {});
  void emitRaise(mlir::OpBuilder &builder, mlir::Operation *op,
                 ExceptionKind kind, llvm::StringRef message);

  /// Raises `kind` (an i32) with `message` (a C string) at `op` when
  /// `failed` holds. Every such check in a function branches, with cold
  /// weights, to one shared raise block that takes the kind, message, file
  /// and line as block arguments: one call to roast_rt_raise per function
  /// keeps checked code small enough for LLVM to inline. The rewriter is
  /// left at the start of the continuation block.
  void raiseIf(mlir::RewriterBase &rewriter, mlir::Operation *op,
               mlir::Value failed, mlir::Value kind, mlir::Value message);
  void raiseIf(mlir::RewriterBase &rewriter, mlir::Operation *op,
               mlir::Value failed, ExceptionKind kind, llvm::StringRef message);

  /// Splits the block at the rewriter's insertion point and branches, with
  /// cold branch weights, to a new block filled by `fillCold` (which must end
  /// it with a terminator) when `failed` holds. The rewriter is left at the
  /// start of the continuation block.
  void branchToColdIf(mlir::RewriterBase &rewriter, mlir::Location loc,
                      mlir::Value failed,
                      llvm::function_ref<void(mlir::OpBuilder &)> fillCold);

private:
  /// Points `builder` past the declarations created so far.
  void setInsertionPointForDeclaration(mlir::OpBuilder &builder);
  /// Records `op` as the latest declaration.
  void noteDeclaration(mlir::Operation *op) { lastDeclaration = op; }
  /// A fresh symbol name starting with `prefix`.
  std::string uniqueName(llvm::StringRef prefix);

  mlir::ModuleOp module;
  /// The module's symbols before lowering started; symbols this class
  /// creates are tracked by the caches below.
  mlir::SymbolTable symbols;
  mlir::Operation *lastDeclaration = nullptr;
  unsigned nextName = 0;
  llvm::DenseMap<unsigned, mlir::LLVM::LLVMFuncOp> functions;
  llvm::StringMap<mlir::LLVM::GlobalOp> cStrings;
  llvm::StringMap<mlir::LLVM::GlobalOp> strObjects;
  mlir::LLVM::GlobalOp stackLimit;
  mlir::LLVM::GlobalOp pendingException;
  /// The shared raise block of each function, unwind destination and
  /// source function (see raiseIf), the blocks that record a call site's
  /// traceback frame, and each function's block that returns after an
  /// exception.
  using BlockKey = std::tuple<mlir::Operation *, mlir::Block *, llvm::StringRef>;
  llvm::DenseMap<BlockKey, mlir::Block *> raiseBlocks, propagateBlocks;
  llvm::DenseMap<mlir::Operation *, mlir::Block *> unwindBlocks;
  /// Per function, unwind target and list of inlined calls left: the block
  /// that records those calls' frames, then goes to the target.
  llvm::DenseMap<std::tuple<mlir::Operation *, mlir::Block *, const void *>,
                 mlir::Block *>
      inlinedUnwindBlocks;
};

} // namespace roast

#endif // ROAST_CONVERSION_ROASTTOSTANDARD_RUNTIMEABI_H
