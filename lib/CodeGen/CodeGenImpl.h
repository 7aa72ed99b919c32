//===- CodeGenImpl.h - The generator shared by CodeGen's files --*- C++ -*-===//

#ifndef ROAST_LIB_CODEGEN_CODEGENIMPL_H
#define ROAST_LIB_CODEGEN_CODEGENIMPL_H

#include "Roast/CodeGen/CodeGen.h"
#include "Roast/Dialect/Roast/IR/RoastOps.h"

#include "mlir/IR/Builders.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/SourceMgr.h"

#include <functional>

namespace roast::codegen {

class Generator {
public:
  Generator(mlir::MLIRContext &context, sema::Program &program,
            llvm::SourceMgr &sourceMgr);
  mlir::OwningOpRef<mlir::ModuleOp> run();

private:
  // CodeGen.cpp: functions and statements.
  mlir::Location loc(ast::Loc l);
  mlir::Type convertType(const sema::Type *type);
  std::string symbolName(const sema::ModuleInfo &module,
                         llvm::StringRef name) const;
  std::string globalSymbol(const sema::Symbol &global) const;
  std::string functionSymbol(const sema::FunctionInfo &info) const;
  FuncOp declareFunction(sema::FunctionInfo &info);
  void emitFunctionBody(sema::FunctionInfo &info, FuncOp func);
  /// The function running a module's top-level code: roast_module_init for
  /// the main module, `m.<module>` (run by the first import) for module m.
  std::string moduleInitSymbol(const sema::ModuleInfo &module) const;
  FuncOp declareModuleInit(sema::ModuleInfo &info);
  /// The global that is true once module `info`'s code has started.
  std::string importedFlagSymbol(const sema::ModuleInfo &info) const;
  void emitModuleInit(sema::ModuleInfo &info);
  void releaseGlobals(mlir::Location l);
  void emitImport(ast::ImportStmt &stmt);
  // CodeGenFunctions.cpp: function values, closures and cells.
  mlir::FlatSymbolRefAttr
  emitClassOp(llvm::StringRef name,
              llvm::ArrayRef<std::pair<std::string, mlir::Type>> fields,
              llvm::ArrayRef<mlir::Attribute> methods, mlir::Location l);
  /// The class of the cells holding values of `valueType`.
  ObjectType cellType(const sema::Type *valueType);
  /// What a closure holds for captured `sym`: its cell, or its value.
  mlir::Type captureType(sema::Symbol *sym);
  mlir::Value newCell(sema::Symbol *sym, mlir::Location l);
  mlir::Value loadCell(sema::Symbol *sym, mlir::Location l);
  void storeCell(sema::Symbol *sym, mlir::Value value, mlir::Location l);
  /// The capture arguments of a direct call of nested function `callee`.
  llvm::SmallVector<mlir::Value> captureArguments(sema::FunctionInfo &callee,
                                                  mlir::Location l);
  /// Slots for the captures a lifted function receives as `args`.
  void bindCaptures(sema::FunctionInfo &info, mlir::ValueRange args,
                    mlir::Location l);
  /// The cells of the function's captured locals, made at entry.
  void makeCells(sema::FunctionInfo &info, mlir::Location l);
  /// The signature of `info` taken as a value.
  const sema::FunctionType &valueSignature(const sema::FunctionInfo &info);
  /// The closure class of `info` and its call thunk, emitted once.
  mlir::FlatSymbolRefAttr closureClass(sema::FunctionInfo &info);
  /// A new function value of `info`, with the values of its bound defaults.
  mlir::Value makeClosure(sema::FunctionInfo &info, mlir::ValueRange defaults,
                          mlir::Location l);
  mlir::Value emitLambda(ast::LambdaExpr &lambda);
  /// A call of function value `callee` of type `type`.
  mlir::Value emitValueCall(ast::CallExpr &call, mlir::Value callee,
                            const sema::FunctionType &type);
  void finishFunction(FuncOp func, const sema::Type *resultType);
  bool isTerminated();
  void emitBlock(ast::Block &block);
  void emitStmt(ast::Stmt &stmt);
  void emitStmtImpl(ast::Stmt &stmt);
  void startBlock(mlir::Block *block);
  void emitBlockThenBranch(mlir::Block *block, ast::Block &stmts,
                           mlir::Block *next, mlir::Location l);
  void emitLoopBody(ast::Block &stmts, mlir::Block *breakDest,
                    mlir::Block *continueDest, mlir::Location l);
  void emitIf(ast::IfStmt &stmt);
  void emitWhile(ast::WhileStmt &stmt);
  void emitFor(ast::ForStmt &stmt);
  /// A `for` loop over `iter`: assign(element, type) takes each element
  /// (a temporary of the iteration), then emitBody(exit, latch) fills the
  /// body block and ends it (branching to latch to continue). When the
  /// number of iterations is known before the loop (a range of step 1, one
  /// sequence), tripCount gets it (maybe negative: no iteration).
  void emitForLoop(
      ast::Expr &iter, mlir::Location l,
      llvm::function_ref<void(mlir::Value, const sema::Type *)> assign,
      llvm::function_ref<void(mlir::Block *, mlir::Block *)> emitBody,
      ast::Block &orElse,
      llvm::function_ref<void(mlir::Value)> tripCount = {});
  /// range(), enumerate(), zip() and reversed() outside a `for` header: the
  /// list of what the loop would see.
  mlir::Value emitWalkAsList(ast::CallExpr &call);
  /// Emits `for i in range(count): body(i)`.
  void emitCountedLoop(mlir::Value count, mlir::Location l,
                       llvm::function_ref<void(mlir::Value)> body);
  void emitReturn(ast::ReturnStmt &stmt);
  void emitAugAssign(ast::AugAssignStmt &stmt);
  bool emitLocalStrAppend(sema::Symbol *sym, ast::BinaryOp op, ast::Expr &rhs,
                          mlir::Location l);
  void emitAssert(ast::AssertStmt &stmt);
  void assignTo(ast::Expr &target, mlir::Value value,
                const sema::Type *valueType, mlir::Location l);
  void storeTo(sema::Symbol *sym, mlir::Value value, const sema::Type *valueType,
               mlir::Location l);
  mlir::Value loadFrom(sema::Symbol *sym, mlir::Location l);
  mlir::Value newSlot(llvm::StringRef name, mlir::Type type);

  // CodeGenExpr.cpp: expressions.
  mlir::Value emitExpr(ast::Expr &expr);
  /// An operand the operation only reads during the statement (a subscript
  /// base, a method receiver, len()'s argument): a local variable is then
  /// read without taking a reference, as nothing can reassign it before the
  /// statement ends; anything else is emitExpr.
  mlir::Value emitOperand(ast::Expr &expr);
  /// A str argument of a file operation; a dynamic one unboxed (checked).
  mlir::Value emitStrArgument(ast::Expr &expr);
  mlir::Value emitExprImpl(ast::Expr &expr);
  /// `value`, read from `sym`, as the `type` Sema gave this use of it:
  /// unwrapped where Sema narrowed an optional.
  mlir::Value narrowed(mlir::Value value, sema::Symbol *sym,
                       const sema::Type *type, mlir::Location l);
  /// The value of an optional `name` that Sema narrowed but that code Sema
  /// cannot see may have set to None since (a field, a global): TypeError
  /// then.
  mlir::Value checkedUnwrap(mlir::Value value, llvm::StringRef name,
                            mlir::Location l);
  mlir::Value emitExprAs(ast::Expr &expr, const sema::Type *type);
  /// The value of an optional known not to be None.
  mlir::Value unwrapOptional(mlir::Value value, mlir::Location l);
  /// `value is None` for a value of any type (false unless optional or None).
  mlir::Value optionalIsNone(mlir::Value value, const sema::Type *type,
                             mlir::Location l);
  mlir::Value coerce(mlir::Value value, const sema::Type *from, const sema::Type *to,
                     mlir::Location l);
  mlir::Value truthValue(ast::Expr &expr);
  mlir::Value truthValue(mlir::Value value, const sema::Type *type,
                         mlir::Location l);
  mlir::Value intConstant(int64_t value, mlir::Location l);
  mlir::Value boolConstant(bool value, mlir::Location l);
  mlir::Value emitUnary(ast::UnaryExpr &expr);
  mlir::Value emitBinary(ast::BinaryExpr &expr);
  mlir::Value emitArithmetic(ast::BinaryOp op, mlir::Value lhs,
                             mlir::Value rhs, const sema::Type *operandType,
                             mlir::Location l);
  mlir::Value emitStrArithmetic(ast::BinaryOp op, mlir::Value lhs,
                                const sema::Type *lt, mlir::Value rhs,
                                const sema::Type *rt, mlir::Location l);
  mlir::Value emitBoolOp(ast::BoolOpExpr &expr);
  mlir::Value emitCompare(ast::CompareExpr &expr);
  mlir::Value emitComparison(ast::CmpOp op, mlir::Value lhs, const sema::Type *lt,
                             mlir::Value rhs, const sema::Type *rt,
                             mlir::Location l);
  mlir::Value emitOptionalComparison(ast::CmpOp op, mlir::Value lhs,
                                     const sema::Type *lt, mlir::Value rhs,
                                     const sema::Type *rt, mlir::Location l);
  mlir::Value emitIfExp(ast::IfExpExpr &expr);
  /// Whether emitComparison can test values of these types for equality
  /// (values of other type pairs are never equal in Python).
  static bool canCompareEqual(const sema::Type *a, const sema::Type *b);
  mlir::Value emitCall(ast::CallExpr &call);
  mlir::Value emitBuiltinCall(ast::CallExpr &call, sema::Builtin builtin);
  mlir::Value noneValue(mlir::Location l);
  mlir::Value emitMathCall(ast::CallExpr &call, sema::Builtin builtin);
  mlir::Value emitRandomCall(ast::CallExpr &call, sema::Builtin builtin);
  /// A module's value member: math.pi, sys.argv.
  mlir::Value emitModuleValue(sema::Symbol *member, mlir::Location l);
  mlir::Value emitStrMethodCall(ast::CallExpr &call,
                                ast::AttributeExpr &callee);
  std::tuple<mlir::Value, mlir::Value, mlir::Value>
  emitSliceBounds(ast::SliceExpr &slice);
  mlir::Value emitStrSubscript(ast::SubscriptExpr &expr);
  mlir::Value emitComputedTupleIndex(mlir::Value tuple, size_t size,
                                     ast::Expr &indexExpr, mlir::Location l);
  mlir::Value emitFString(ast::FStringExpr &expr);
  /// One formatted field as an owned str: `!r`/`!s` conversion, then
  /// format(value, spec) or str(value).
  mlir::Value emitFormatField(mlir::Value value, const sema::Type *type,
                              char conversion, mlir::Value spec,
                              mlir::Location l);
  mlir::Value emitStrFormat(ast::CallExpr &call, ast::AttributeExpr &callee);
  /// lhs + rhs on strs, tracked.
  mlir::Value concatTracked(mlir::Value lhs, mlir::Value rhs, mlir::Location l);
  mlir::Value emitListSubscript(ast::SubscriptExpr &expr);
  mlir::Value emitListMethodCall(ast::CallExpr &call,
                                 ast::AttributeExpr &callee);
  // CodeGenCollections.cpp: dicts, sets and iterables.
  /// `value` of list, dict or set type as a list (a tracked snapshot of a
  /// dict's keys or a set's elements).
  mlir::Value asList(mlir::Value value, const sema::Type *type,
                     mlir::Location l);
  mlir::Value emitDict(ast::DictExpr &expr);
  mlir::Value emitSet(ast::SetExpr &expr);
  mlir::Value emitDictSubscript(ast::SubscriptExpr &expr);
  mlir::Value emitDictMethodCall(ast::CallExpr &call,
                                 ast::AttributeExpr &callee);
  mlir::Value emitSetMethodCall(ast::CallExpr &call,
                                ast::AttributeExpr &callee);
  /// `lhs op rhs` on sets; in place (|= &= -=) returns null.
  mlir::Value emitSetOperator(ast::BinaryOp op, mlir::Value lhs,
                              mlir::Value rhs, bool inPlace, mlir::Location l);
  mlir::Value emitComprehension(ast::ComprehensionExpr &expr);
  /// The loops of clauses[index...] around the element's insertion.
  void emitComprehensionClauses(ast::ComprehensionExpr &expr, size_t index,
                                mlir::Value result, mlir::Location l);
  // key= functions (CodeGenCollections.cpp).
  static ast::LambdaExpr *findKey(std::vector<ast::Keyword> &keywords);
  /// The reverse= flag, False when absent.
  mlir::Value findReverse(std::vector<ast::Keyword> &keywords,
                          mlir::Location l);
  /// The order sort(key=, reverse=) gives a list's elements.
  struct KeyOrder {
    /// The elements' indices (int keys), or the sorted (key, index) pairs.
    mlir::Value list;
    bool pairs;
  };
  KeyOrder emitKeyOrder(mlir::Value list, const sema::Type *element,
                        ast::LambdaExpr &key, mlir::Value reverse,
                        mlir::Location l);
  /// The original index of the element at `position` of the order.
  mlir::Value orderIndex(const KeyOrder &order, mlir::Value position,
                         mlir::Value reverse, mlir::Location l);
  /// Moves `list`'s elements into the order.
  void emitReorder(mlir::Value list, const KeyOrder &order,
                   mlir::Value reverse, mlir::Location l);
  mlir::Value emitSortedWithKey(mlir::Value list, const sema::Type *listType,
                                std::vector<ast::Keyword> &keywords,
                                mlir::Location l);
  void emitSortWithKey(mlir::Value list, const sema::Type *listType,
                       std::vector<ast::Keyword> &keywords, mlir::Location l);
  mlir::Value emitExtremeWithKey(mlir::Value list, const sema::Type *listType,
                                 ast::LambdaExpr &key, bool wantMax,
                                 llvm::StringRef name, mlir::Location l);
  mlir::Value emitContainerConstructor(ast::CallExpr &call,
                                       sema::Builtin builtin);
  mlir::Value emitStrConversion(sema::Builtin builtin, ast::Expr &arg,
                                mlir::Location l);

  // CodeGenClasses.cpp: classes, instances and method calls.
  std::string classSymbolName(const sema::ClassInfo &info) const;
  /// The symbol of `info`'s roast.class, emitting the op on first use.
  mlir::FlatSymbolRefAttr classSymbol(sema::ClassInfo &info);
  mlir::Block::iterator classInsertPoint();
  ObjectType objectType(sema::ClassInfo &info);
  mlir::Value upcast(mlir::Value object, sema::ClassInfo &to,
                     mlir::Location l);
  /// The arguments of a call of `callee` bound to its parameters from
  /// `firstParam` on, defaults filled in.
  /// With `givenTypes`, the arguments the call gives keep their own types,
  /// stored there (defaults have their parameters' types).
  llvm::SmallVector<mlir::Value>
  emitArguments(ast::CallExpr &call, sema::FunctionInfo &callee,
                size_t firstParam,
                llvm::SmallVectorImpl<const sema::Type *> *givenTypes = nullptr);
  /// A direct call; its result, or None.
  mlir::Value callFunction(sema::FunctionInfo &callee, mlir::ValueRange args,
                           mlir::Location l,
      llvm::ArrayRef<const sema::Type *> typeArgs = {});
  /// A direct call of `fn`, a generic one with `typeArgs`; its result, or
  /// None.
  mlir::Value emitCallOp(FuncOp fn, mlir::ValueRange args, mlir::Location l,
                         llvm::ArrayRef<mlir::Type> typeArgs);
  /// `type_params` of a generic function or class.
  mlir::ArrayAttr
  typeParamNames(llvm::ArrayRef<const sema::TypeParamType *> params);
  /// Parameter `index` of `method` called on an instance of type
  /// `receiver` (a generic class's method takes the instance's type
  /// arguments).
  const sema::Type *paramOn(sema::FunctionInfo &method,
                            const sema::Type *receiver, unsigned index);
  /// The result types of `method` called on `self`: a generic class's
  /// method returns its result with self's type arguments.
  llvm::SmallVector<mlir::Type> methodResults(sema::FunctionInfo &method,
                                              mlir::Value self);
  mlir::Value emitConstruction(ast::CallExpr &call, sema::ClassInfo &info);
  /// Sets the message of a new exception of class `info` from the
  /// constructor's optional argument.
  void storeExceptionMessage(mlir::Value exception, sema::ClassInfo &info,
                             ast::CallExpr &call, mlir::Location l);
  /// Stores an owned or tracked `value` in a field, releasing the old one.
  void storeField(mlir::Value object, llvm::StringRef field, mlir::Value value,
                  const sema::Type *type, mlir::Location l);
  mlir::Value emitAttribute(ast::AttributeExpr &attr);
  void assignToAttribute(ast::AttributeExpr &target, mlir::Value value,
                         const sema::Type *valueType, mlir::Location l);
  mlir::Value emitMethodCall(ast::CallExpr &call, ast::AttributeExpr &callee);
  mlir::Value emitIsInstance(ast::CallExpr &call);
  /// self.method(args...): virtual when the method has a table slot.
  mlir::Value callMethod(sema::FunctionInfo &method, mlir::Value self,
                         mlir::ValueRange args, mlir::Location l);
  /// An operator implemented by a method (`a + b` is a.__add__(b)).
  mlir::Value emitOperatorCall(sema::OperatorCall call, mlir::Value lhs,
                               const sema::Type *lt, mlir::Value rhs,
                               const sema::Type *rt, mlir::Location l);
  mlir::Value emitOperatorCall(ast::BinaryOp op, mlir::Value lhs,
                               const sema::Type *lt, mlir::Value rhs,
                               const sema::Type *rt, mlir::Location l);
  /// Both instances viewed as their nearest common base class.
  std::pair<mlir::Value, mlir::Value>
  upcastToCommonBase(mlir::Value lhs, const sema::Type *lt, mlir::Value rhs,
                     const sema::Type *rt, mlir::Location l);
  /// `lhs == rhs` / `!=`: __eq__ when the class defines it, else identity.
  mlir::Value emitInstanceEquality(ast::CmpOp op, mlir::Value lhs,
                                   const sema::Type *lt, mlir::Value rhs,
                                   const sema::Type *rt, mlir::Location l);

  /// `for x in obj` / `for i, x in enumerate(obj[, start])` over an
  /// instance: calls `__iter__` once, then `__next__` per step until it
  /// raises StopIteration, which ends the loop (into `orElse`); any other
  /// exception goes on. `iterable` is a value the caller keeps alive.
  /// enumerate() over a lazily walked iterable (a file, a user iterator):
  /// the index slot, the (index, value) pair of a step, the step's end.
  mlir::Value newEnumerateCounter(mlir::Location l);
  void pairWithIndex(mlir::Value counter, mlir::Value start, mlir::Value &value,
                     const sema::Type *&type, mlir::Location l);
  void advanceCounter(mlir::Value counter, mlir::Location l);
  void emitIteratorLoop(
      mlir::Value iterable, const sema::Type *type, bool enumerate,
      mlir::Value start, mlir::Location l,
      llvm::function_ref<void(mlir::Value, const sema::Type *)> assign,
      llvm::function_ref<void(mlir::Block *, mlir::Block *)> emitBody,
      ast::Block &orElse);
  /// `x in obj` for an instance without `__contains__`: walks it until an
  /// element equals `x`.
  mlir::Value emitIteratorContains(mlir::Value x, const sema::Type *xType,
                                   mlir::Value iterable, const sema::Type *type,
                                   mlir::Location l);
  /// The built-in class `name` (StopIteration...).
  sema::ClassInfo &builtinClass(llvm::StringRef name);

  // CodeGenFiles.cpp: open(), file methods, sys.stdout/stderr and with.
  mlir::Value emitOpen(ast::CallExpr &call);
  mlir::Value emitFileMethodCall(ast::CallExpr &call,
                                 ast::AttributeExpr &callee);
  /// `for line in f` / `for i, line in enumerate(f[, start])`: reads one
  /// line per step until readline() gives "", so that the file position
  /// after a `break` is the line after the last one seen.
  void emitFileLoop(
      ast::Expr &fileExpr, bool enumerate, mlir::Value start, mlir::Location l,
      llvm::function_ref<void(mlir::Value, const sema::Type *)> assign,
      llvm::function_ref<void(mlir::Block *, mlir::Block *)> emitBody,
      ast::Block &orElse);
  /// `with` over items[index...] around the body.
  void emitWith(ast::WithStmt &stmt, size_t index = 0);

  // CodeGenExceptions.cpp: try, except, finally and raise.
  /// Follows each op that may raise, built inside a try body, with
  /// roast.check_raised to the innermost handler.
  struct RaiseRouter : public mlir::OpBuilder::Listener {
    explicit RaiseRouter(Generator &generator) : generator(generator) {}
    void notifyOperationInserted(mlir::Operation *op,
                                 mlir::OpBuilder::InsertPoint) override;
    Generator &generator;
  };
  mlir::Block *currentHandler() const;
  void pushHandler(mlir::Block *handler);
  void popHandler();
  /// The temporaries of the scopes from `depth` on.
  llvm::SmallVector<mlir::Value> tempsAbove(size_t depth) const;
  /// A fresh block branching to the innermost handler, for a raising
  /// terminator's unwind successor; null outside a handler.
  mlir::Block *unwindLanding(mlir::Location l);
  void emitBuiltinRaise(ExceptionKind kind, llvm::StringRef message,
                        mlir::Value text, mlir::Location l);
  /// Raises `exception` (an owned or tracked instance), releasing the
  /// statement's other temporaries.
  void emitThrow(mlir::Value exception, const sema::Type *type,
                 mlir::Location l, bool reraise = false);
  /// Around a function body: the handler that releases the frame's
  /// references (and `releaseMore`'s) when an exception leaves it, then
  /// raises again.
  void beginFrameCleanup();
  void endFrameCleanup(mlir::Location l,
                       llvm::function_ref<void()> releaseMore = {});
  /// Before a raise: releases the temporaries of the scopes it leaves (and
  /// keeps tracking them, for the paths that go on without raising).
  void releaseTempsLeftByRaise(mlir::Location l);
  void emitRaise(ast::RaiseStmt &stmt);
  void emitTry(ast::TryStmt &stmt);
  /// `try: emitBody() finally: emitFinally()`: the finally code runs once
  /// per way out of the body (fall through, exception, return, break,
  /// continue).
  void emitTryFinally(llvm::function_ref<void()> emitBody,
                      std::function<void()> emitFinally, mlir::Location l);
  void emitTryExcept(ast::TryStmt &stmt);
  /// Whether `exception` is an instance of the class or classes `classes`
  /// names.
  mlir::Value emitExceptMatch(mlir::Value exception, ast::Expr &classes,
                              mlir::Location l);
  /// Emits the finally bodies a jump out of the try statements entered at
  /// loop depth >= `loopDepth` must run (0: all, for return).
  void emitFinalliesBefore(size_t loopDepth, mlir::Location l);
  const sema::Type *exceptionType();

  // CodeGenDynamic.cpp: dynamic values (docs/rationale/dynamic-values.md).
  /// `value` of type `from` as a dynamic value (owned, tracked).
  mlir::Value boxValue(mlir::Value value, const sema::Type *from,
                       mlir::Location l);
  /// A dynamic value as `to`, checked at run time (owned, tracked).
  mlir::Value unboxValue(mlir::Value value, const sema::Type *to,
                         mlir::Location l);
  mlir::Value emitDynamic(ast::Expr &expr);
  /// The truth of a comparison method's result (it may be dynamic).
  mlir::Value asCondition(mlir::Value value, const sema::Type *type,
                          mlir::Location l);
  mlir::Value dynamicConstant(mlir::Value value, const sema::Type *type,
                              mlir::Location l);
  /// f(args) of a dynamic f, and v.m(args) of a dynamic v.
  mlir::Value emitDynamicCall(ast::CallExpr &call);
  /// A built-in called with a dynamic argument: the runtime's built-in.
  mlir::Value emitDynamicBuiltinCall(ast::CallExpr &call, sema::Builtin builtin);
  static bool hasDynamicArgument(ast::CallExpr &call);
  /// list(value) of a dynamic iterable, as a list[Any].
  mlir::Value dynamicList(mlir::Value value, mlir::Location l);
  /// The list[Any] a `for` walks over a dynamic iterable: a list[Any]
  /// itself (walked live), else list(value).
  mlir::Value dynamicIterList(mlir::Value value, mlir::Location l);
  mlir::Value emitDynamicIsInstance(mlir::Value value, sema::Symbol *type,
                                    mlir::Location l);
  /// A call of a typed function given dynamic arguments (mayFallBack): the
  /// typed function if every argument holds its parameter's type, else its
  /// dynamic copy; the result as a dynamic value.
  mlir::Value emitCallWithFallback(ast::CallExpr &call,
                                   sema::FunctionInfo &callee);
  /// Whether dynamic `value` holds what a parameter of `type` accepts (a
  /// type sema's hasRuntimeTest allows).
  mlir::Value holdsParamType(mlir::Value value, const sema::Type *type,
                             mlir::Location l);
  mlir::Value emitDynamicSubscript(ast::SubscriptExpr &expr);
  mlir::Value emitDynamicBinary(ast::BinaryOp op, mlir::Value lhs,
                                mlir::Value rhs, bool inplace,
                                mlir::Location l);
  mlir::Value emitDynamicComparison(ast::CmpOp op, mlir::Value lhs,
                                    const sema::Type *lt, mlir::Value rhs,
                                    const sema::Type *rt, mlir::Location l);
  /// Stores into an attribute, an item or the items of a dynamic value.
  void assignToDynamic(ast::Expr &target, mlir::Value value, mlir::Location l);

  // CodeGenMembers.cpp: what dynamic code finds by name.
  /// `<name>.<dyn>`: calls `callee` with dynamic arguments (after the
  /// closure, when `passClosure`), filling in `defs`' defaults.
  mlir::FlatSymbolRefAttr
  dynamicEntry(llvm::StringRef name, FuncOp callee,
               llvm::ArrayRef<const sema::Type *> params,
               llvm::ArrayRef<ast::Param> defs, const sema::Type *result,
               mlir::Type closureType, bool passClosure, mlir::Location l);
  mlir::DictionaryAttr callableAttr(llvm::StringRef displayName,
                                    mlir::FlatSymbolRefAttr entry, size_t min,
                                    size_t max);
  /// Makes instances of closure class `cls` callable from dynamic code.
  void addClosureCall(sema::FunctionInfo &info, ClassOp cls, FuncOp thunk);
  /// The member table of a user class.
  void emitDynamicMembers(sema::ClassInfo &info);
  mlir::Value boxBorrowed(mlir::Value value, mlir::Location l);

  // Ownership (docs/rationale/refcounting.md): every expression value of a
  // reference type is owned; unconsumed ones are released when their scope
  // (a statement, a condition, an arm of a conditional) ends.
  static bool isRefCounted(const sema::Type *type);
  void pushTemps();
  /// Releases the innermost scope's temporaries, except `keep`, which moves
  /// to the enclosing scope.
  void popTemps(mlir::Value keep = nullptr);
  void track(mlir::Value value, const sema::Type *type);
  /// Takes ownership of `value` for a consumer (store, return): removes it
  /// from the temporaries, or retains it if it was not owned.
  void consume(mlir::Value value, const sema::Type *type);
  mlir::Value emitCondition(ast::Expr &expr);
  void emitBranch(ast::Expr &test, mlir::Block *ifTrue, mlir::Block *ifFalse,
                  mlir::Location l);
  void releaseLocals(mlir::Location l);

  struct LoopTargets {
    mlir::Block *breakDest;
    mlir::Block *continueDest;
  };

  mlir::MLIRContext &context;
  sema::Program &program;
  llvm::SourceMgr &sourceMgr;
  mlir::OpBuilder builder;
  mlir::ModuleOp module;
  /// The main module's file: the location of what has no source position.
  mlir::StringAttr fileName;
  llvm::DenseMap<sema::FunctionInfo *, FuncOp> functions;
  llvm::DenseMap<sema::ModuleInfo *, FuncOp> moduleInits;
  llvm::DenseMap<mlir::Type, mlir::FlatSymbolRefAttr> cellClasses;
  llvm::DenseMap<sema::FunctionInfo *, mlir::FlatSymbolRefAttr> closureClasses;
  /// The symbol of each function.
  llvm::DenseMap<const sema::FunctionInfo *, std::string> functionNames;
  /// The symbol of each global variable.
  llvm::DenseMap<const sema::Symbol *, std::string> globalNames;
  llvm::DenseMap<sema::Symbol *, mlir::Value> slots;
  llvm::SmallVector<LoopTargets> loops;
  /// Owned temporaries, innermost scope last.
  llvm::SmallVector<llvm::SmallVector<mlir::Value>> temps;
  /// Slots of the current function that hold references, in creation order.
  llvm::SmallVector<mlir::Value> refSlots;
  const sema::Type *currentResult = nullptr;
  FuncOp currentFunc;
  sema::FunctionInfo *currentInfo = nullptr;
  /// The handler blocks of the enclosing try bodies, innermost last; a null
  /// entry (a finally body being emitted for a jump) shadows none.
  llvm::SmallVector<mlir::Block *> handlers;
  /// For each handler, how many temporary scopes enclosed its try: an
  /// exception reaching it leaves the scopes above.
  llvm::SmallVector<size_t> handlerTemps;
  /// The exceptions the enclosing except clauses handle (bare `raise`).
  llvm::SmallVector<mlir::Value> caught;
  struct FinallyScope {
    std::function<void()> emit; // the finally body
    size_t loopDepth;
    llvm::SmallVector<mlir::Block *> handlers;
  /// For each handler, how many temporary scopes enclosed its try: an
  /// exception reaching it leaves the scopes above.
  llvm::SmallVector<size_t> handlerTemps; // around the try statement
  };
  llvm::SmallVector<FinallyScope> finallies;
  mlir::Block *frameCleanup = nullptr;
  RaiseRouter raiseRouter{*this};
  /// Classes whose roast.class op exists, and the last such op.
  llvm::SmallPtrSet<sema::ClassInfo *, 8> emittedClasses;
  ClassOp lastClassOp;
};

} // namespace roast::codegen

#endif // ROAST_LIB_CODEGEN_CODEGENIMPL_H
