//===- SemaImpl.h - The checker shared by Sema's source files ---*- C++ -*-===//

#ifndef ROAST_LIB_SEMA_SEMAIMPL_H
#define ROAST_LIB_SEMA_SEMAIMPL_H

#include "Roast/Sema/Sema.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSet.h"

#include <map>
#include <optional>

namespace roast::sema {

class Checker {
public:
  Checker(Program &program, DiagEngine &diags);
  /// Checks one module; the modules it imports must have been checked.
  void checkModule(ModuleInfo &module);
  void declareBuiltinClasses();

  /// What a test can narrow: a variable, or an attribute path from one
  /// (`node.next.left` is {node, ".next.left"}).
  using NarrowKey = std::pair<Symbol *, std::string>;
  /// `key` is known to hold a `type` (an optional's value type).
  struct Narrowing {
    NarrowKey key;
    const Type *type;
  };

private:
  // Sema.cpp: scopes and statements.
  Symbol *newSymbol(Symbol::Kind kind, llvm::StringRef name, const Type *type,
                    ast::Loc loc);
  void unsupported(ast::Loc loc, const llvm::Twine &what);
  const Type *resolveAnnotation(ast::Expr *annotation);
  /// `value | None`, for the reference types optionals are defined on.
  const Type *optionalOf(const Type *value, ast::Loc loc);
  /// The type of a value that is an `a` or a `b` (the branches of `x if c
  /// else y`, the operands of `or`): `a` if they are the same, an optional
  /// when one is None or the other's optional; null if there is none.
  const Type *join(const Type *a, const Type *b);
  void declareFunction(ast::FunctionDefStmt &def);
  /// The FunctionInfo of `def`, its parameters typed from their annotations;
  /// `selfType` types an unannotated first parameter (a method's self).
  FunctionInfo &makeFunction(ast::FunctionDefStmt &def, const Type *selfType,
                             ClassInfo *owner);
  static bool returnsValue(const ast::Block &block);
  static bool isConstantDefault(const ast::Expr &expr);
  void checkDefault(ast::Param &param, const Type *type);
  /// A parameter of `info`, of type `type`.
  Symbol *addParam(FunctionInfo &info, ast::Param &param, const Type *type);
  /// Checks the non-literal defaults of `def` where it runs, giving each a
  /// global to hold its value; returns whether there were any.
  bool checkDefaults(ast::FunctionDefStmt &def);
  /// A module-level `NAME = <literals and names>`: typed before any
  /// function body, as module constants are.
  static bool isConstantDefinition(const ast::Stmt &stmt);
  void checkFunctionBody(FunctionInfo &info);
  /// `sym`, a local of an enclosing function, is used by the current
  /// function: it and every function between them capture it.
  void noteCapture(Symbol *sym);
  /// `f = g` of a known function g, f's only assignment: f aliases g.
  void noteAlias(ast::AssignStmt &assign);
  // SemaFunctions.cpp: functions as values, closures and lambdas.
  const Type *resolveCallable(ast::SubscriptExpr &sub);
  /// `f` used as a value rather than called.
  const Type *checkFunctionValue(ast::NameExpr &name, FunctionInfo &info);
  /// The current function calls `callee` or makes a closure of it.
  void noteReference(FunctionInfo &callee);
  /// Completes the captures of the functions nested in `root`, a function
  /// that is not nested, once all their bodies are checked.
  void finishCaptures(FunctionInfo &root);
  /// A call of a function value of type `type` (positional arguments).
  const Type *checkValueCall(ast::CallExpr &call, const FunctionType &type);
  /// map(f, xs, ...) and filter(f, xs), as the comprehensions they mean.
  const Type *checkMapFilter(ast::CallExpr &call, Builtin builtin);
  /// A lambda called where it is written.
  const Type *checkLambdaCall(ast::CallExpr &call, ast::LambdaExpr &lambda);
  /// A lambda taken as a value where a value of type `expected` is wanted.
  const Type *checkLambda(ast::LambdaExpr &lambda, const Type *expected);
  /// A call of a dynamic value, or of a method of one (SemaDynamic.cpp):
  /// the arguments may be anything; the result is dynamic.
  const Type *checkDynamicCall(ast::CallExpr &call);
  /// The index of a subscript of a dynamic value: any value, or a slice.
  void checkDynamicIndex(ast::Expr &index);
  const Type *dunderResult(llvm::StringRef name);
  bool namesHaveTypes(const ast::Stmt &stmt);
  static bool isUnannotated(const ast::ClassDefStmt &def);
  /// Makes the variables of `info` that a dynamic value is assigned to
  /// besides other values dynamic before its body is checked.
  void markDynamicLocals(FunctionInfo &info);
  /// Element types not known yet in `type` (`[]` going into dynamic code)
  /// become dynamic.
  void bindUnknownToAny(const Type *type);
  /// Declares the fields a method other than __init__ assigns first.
  void declareFieldsAssignedIn(FunctionInfo &method);
  /// Makes the variables `block` assigns literals of different types
  /// dynamic, and those given elements of different types lists of
  /// dynamic values; `lookup` gives the variable of a name, if it may be.
  void markChangingTypes(const ast::Block &block,
                         llvm::function_ref<Symbol *(llvm::StringRef)> lookup);
  void checkBlock(ast::Block &block);
  // SemaNarrowing.cpp: optionals (`T | None`) known not to be None.
  /// What `test` proves when true (`x is not None`, `x`, `and` of those)
  /// and when false (`x is None`, `not x`, `or` of those).
  void collectNoneTests(ast::Expr &test,
                        llvm::SmallVectorImpl<Narrowing> &notNone,
                        llvm::SmallVectorImpl<Narrowing> &none);
  /// The narrowing `expr` (checked) would get from a test: a variable or
  /// attribute path of optional type.
  std::optional<Narrowing> narrowable(ast::Expr &expr);
  const Type *lookupNarrowed(const NarrowKey &key) const;
  /// Narrows until the current block ends; `previous` is what to restore.
  void narrowRestOfBlock(const Narrowing &narrowing, const Type *previous);
  /// Ends a narrowing that set `key` to `set`: back to `previous`, unless
  /// an assignment changed it meanwhile (then nothing is known).
  void restoreNarrowing(const NarrowKey &key, const Type *previous,
                        const Type *set);
  /// Forgets what is known about `sym` and the paths from it.
  void forgetNarrowings(Symbol *sym);
  /// Forgets the paths through attribute `attr` (`x.attr = v` may change
  /// any of them through an alias).
  void forgetAttributeNarrowings(llvm::StringRef attr);
  /// Before a loop or try body: the variables it assigns may be None again
  /// when it repeats (or in a handler).
  void forgetNarrowingsAssignedIn(const ast::Block &block);
  static bool endsAssigningNotNone(const ast::Block &block,
                                   const NarrowKey &key);
  /// Narrows while alive.
  class NarrowingScope {
  public:
    NarrowingScope(Checker &checker, llvm::ArrayRef<Narrowing> narrowings);
    ~NarrowingScope();

  private:
    Checker &checker;
    struct Saved {
      NarrowKey key;
      const Type *previous, *set;
    };
    llvm::SmallVector<Saved, 2> saved;
  };
  void checkStmt(ast::Stmt &stmt);
  const Type *checkIterable(ast::Expr &iter);
  void checkDelTarget(ast::Expr &target);
  Symbol *lookupForAssignment(ast::NameExpr &name);
  void assignTo(ast::Expr &target, const Type *valueType, ast::Loc loc);
  /// Whether a `from` value may be stored where a `to` is expected; binds
  /// the type variables of empty containers as needed.
  bool isAssignable(const Type *from, const Type *to);
  /// Whether `a` and `b` are the same type, binding variables to make them.
  bool unify(const Type *a, const Type *b);
  /// `type` with bound variables replaced by their bindings; unbound ones
  /// stay, or become int when `final` (nothing constrained them).
  const Type *resolve(const Type *type, bool final = false);
  /// Resolves, finally, every type recorded on the tree and the symbols.
  void finishInference();

  // SemaExpr.cpp: expressions and built-ins.
  const Type *checkExpr(ast::Expr &expr);
  const Type *checkExprImpl(ast::Expr &expr);
  void checkCondition(ast::Expr &expr);
  bool checkTruthValue(const Type *type, ast::Loc loc);
  Symbol *lookupName(ast::NameExpr &name, bool report);
  const Type *checkName(ast::NameExpr &name);
  const Type *checkUnary(ast::UnaryExpr &expr);
  const Type *checkBinary(ast::BinaryExpr &expr);
  const Type *binaryResultType(ast::BinaryOp op, const Type *lhs,
                               const Type *rhs, ast::Loc loc, ast::Expr *rhsExpr);
  const Type *checkBoolOp(ast::BoolOpExpr &expr);
  const Type *checkCompare(ast::CompareExpr &expr);
  /// `lhs op rhs` in a comparison (`comparatorLoc` is rhs's location).
  void checkComparison(ast::CmpOp op, const Type *lhs, const Type *rhs,
                       ast::Loc loc, ast::Loc comparatorLoc);
  const Type *checkIfExp(ast::IfExpExpr &expr);
  const Type *checkCall(ast::CallExpr &call);
  const Type *checkTuple(ast::TupleExpr &expr);
  const Type *checkFString(ast::FStringExpr &expr);
  /// A formatted field of `type` (f-string or str.format()): reports and
  /// returns false when it cannot be formatted.
  bool checkFormatField(const Type *type, char conversion, bool hasSpec,
                        ast::Loc loc);
  const Type *checkStrFormat(ast::CallExpr &call, ast::AttributeExpr &callee);
  const Type *checkSubscript(ast::SubscriptExpr &expr);
  const Type *checkStrMethodCall(ast::CallExpr &call,
                                 ast::AttributeExpr &callee);
  const Type *checkStrSlice(ast::SliceExpr &slice);
  const Type *checkList(ast::ListExpr &expr, const Type *expected);
  const Type *checkListMethodCall(ast::CallExpr &call,
                                  ast::AttributeExpr &callee,
                                  const ListType *list);
  /// Checks `expr` where a value of `expected` is wanted (it types `[]`).
  const Type *checkExprExpecting(ast::Expr &expr, const Type *expected);
  bool checkListElement(const Type *element, ast::Loc loc);
  // SemaCollections.cpp: dicts, sets, iterables and comprehensions.
  /// Checks `expr` as the iterable argument of `name` (sum(), sorted()...)
  /// and returns its element type, or null after a diagnostic.
  const Type *checkIterableArg(ast::Expr &expr, llvm::StringRef name);
  /// Reports why instances of `type` cannot be iterated (no `__iter__`, or
  /// a broken iterator protocol), as CPython would at run time.
  void reportNotIterable(const Type *type, ast::Loc loc);
  /// Checks one element of a display against `common`, the type all of
  /// them share so far (null before the first): an annotated container
  /// (`expected`) converts each element to its own element type, otherwise
  /// all must unify. `what` names them in diagnostics ("dict key").
  bool mergeElement(ast::Expr &element, const Type *&common,
                    const Type *expected, llvm::StringRef what);
  const Type *checkDict(ast::DictExpr &expr, const Type *expected);
  const Type *checkSet(ast::SetExpr &expr, const Type *expected);
  const Type *checkDictMethodCall(ast::CallExpr &call,
                                  ast::AttributeExpr &callee,
                                  const DictType *dict);
  const Type *checkSetMethodCall(ast::CallExpr &call,
                                 ast::AttributeExpr &callee,
                                 const SetType *set);
  /// List, set and dict comprehensions; generator expressions are typed
  /// as lists (they are evaluated eagerly).
  const Type *checkComprehension(ast::ComprehensionExpr &expr,
                                 const Type *expected);
  /// The key= and reverse= keywords of sorted(), list.sort(), min() and
  /// max(); `element` is what the key function is applied to.
  bool checkSortKeywords(std::vector<ast::Keyword> &keywords,
                         llvm::StringRef name, const Type *element,
                         bool allowReverse);
  /// A key= function: a one-parameter lambda, or the name of a function or
  /// built-in (rewritten to `lambda x: name(x)`), checked with its
  /// parameter bound to `element`. Returns the key's type, or null.
  const Type *checkKeyFunction(ast::Keyword &keyword, const Type *element);
  // SemaFiles.cpp: open(), file methods and the with statement.
  const Type *checkOpen(ast::CallExpr &call);
  const Type *checkFileMethodCall(ast::CallExpr &call,
                                  ast::AttributeExpr &callee);
  void checkWith(ast::WithStmt &stmt);
  // SemaModules.cpp: imports and the built-in modules.
  /// Binds the names the module's import statements import, before
  /// anything else in the module is checked.
  void declareImports(ast::Block &block);
  void checkImport(ast::ImportStmt &stmt);
  /// The module called `name`: a checked .roast module, or null.
  ModuleInfo *findModule(llvm::StringRef name) const;
  /// The module-level code of the current module in source order: what its
  /// import runs.
  void collectTopLevel(ast::Block &body);
  /// The symbol `expr` names: a name, or `module.name` for a module
  /// imported with `import module`; null (after a diagnostic when
  /// `report`) if there is none.
  Symbol *lookupQualifiedName(ast::Expr &expr, bool report);
  /// The name of the module function a call calls, as its module spells it.
  static llvm::StringRef moduleMemberName(ast::CallExpr &call);
  const Type *checkSysExit(ast::CallExpr &call);
  const Type *checkTimeCall(ast::CallExpr &call, Builtin builtin,
                            llvm::StringRef name);
  const Type *checkRandomCall(ast::CallExpr &call, Builtin builtin,
                              llvm::StringRef name);
  /// Adds a Builtin symbol per function of a built-in module to `members`.
  void addModuleFunctions(
      llvm::StringMap<Symbol *> &members,
      llvm::ArrayRef<std::pair<const char *, Builtin>> functions);
  /// The member `member` of built-in module `module`, or null.
  Symbol *lookupModuleMember(llvm::StringRef module, llvm::StringRef member);
  /// When `attr.value` names a module: sets attr.member (reporting a missing
  /// one) and returns the module; null otherwise.
  Symbol *resolveModuleAttribute(ast::AttributeExpr &attr);
  const Type *checkMathCall(ast::CallExpr &call, Builtin builtin,
                            llvm::StringRef name);
  /// list(), set() and dict() calls.
  const Type *checkContainerConstructor(ast::CallExpr &call, Builtin builtin,
                                        const Type *expected);
  /// A method of a built-in type: its parameters, of which the first
  /// `required` are required, and its result.
  struct MethodSignature {
    llvm::StringRef name;
    std::vector<const Type *> params;
    size_t required;
    const Type *result;
  };
  /// The signature of the method `callee` names among `methods` of type
  /// `typeName`; reports a missing one (and checks the arguments) and
  /// returns null.
  const MethodSignature *findMethod(ast::CallExpr &call,
                                    ast::AttributeExpr &callee,
                                    llvm::StringRef typeName,
                                    llvm::ArrayRef<MethodSignature> methods);
  /// Checks the arguments of a method call against `params`, of which the
  /// first `required` are required; keywords are errors unless the caller
  /// checked them (`keywordsChecked`).
  bool checkMethodArgs(ast::CallExpr &call, llvm::StringRef name,
                       llvm::ArrayRef<const Type *> params, size_t required,
                       bool keywordsChecked = false);
  /// Reports and returns false unless containers can hold values of `type`.
  bool checkSlotType(const Type *type, ast::Loc loc);
  /// Reports and returns false unless `type` can be a dict key or set element.
  bool checkHashable(const Type *type, ast::Loc loc);
  bool checkArgCount(ast::CallExpr &call, llvm::StringRef name, size_t min,
                     size_t max);
  /// `obj(args)` for a callee of type `type`: the `__call__` of its class,
  /// or "'X' object is not callable".
  const Type *checkInstanceCall(ast::CallExpr &call, const Type *type);
  /// A call of `callee` whose arguments bind to its parameters from
  /// `firstParam` on (1 skips a method's self). For a method, `receiver`
  /// is the instance's type, whose type arguments a generic class's
  /// method takes.
  const Type *checkUserCall(ast::CallExpr &call, FunctionInfo &callee,
                            size_t firstParam = 0,
                            const Type *receiver = nullptr);
  /// Replaces `arg`, a built-in function's name given where `param`, a
  /// Callable, is expected, by a lambda calling it.
  void wrapBuiltinValue(ast::ExprPtr &arg, const Type *param);
  /// `method`'s signature on an instance of type `receiver`.
  const FunctionType *signatureOn(const FunctionInfo &method,
                                  const Type *receiver);
  // SemaClasses.cpp: classes and exceptions.
  ClassInfo &newClass(llvm::StringRef name, ast::ClassDefStmt *def,
                      ast::Loc loc);
  /// Links `info` under `base` (null for a root) and lists it in the
  /// program's classes.
  void setBase(ClassInfo &info, ClassInfo *base);
  void declareClassName(ast::ClassDefStmt &def);
  void declareClass(ast::ClassDefStmt &def);
  void declareClassAttr(ClassInfo &info, ast::NameExpr &name,
                        const Type *declared, ast::Expr &value,
                        ast::Stmt &stmt);
  void declareMethod(ClassInfo &info, ast::FunctionDefStmt &def);
  void declareClassAttrGetter(ClassInfo &info, Symbol &attr,
                              llvm::StringRef name, ast::Loc loc);
  /// Gives `method` its method table slot: its base's, if it overrides one.
  void addToVtable(ClassInfo &info, FunctionInfo &method);
  /// Lays out every class's fields once the __init__ bodies are checked.
  void finishClasses();
  /// The __init__ being checked, if any.
  const FunctionInfo *currentInit() const;
  bool isSelf(const ast::Expr &expr) const;
  const Type *checkAttribute(ast::AttributeExpr &attr);
  /// `target = value` (`declared` is the annotation of `self.x: T = v`).
  void assignToAttribute(ast::AttributeExpr &target, const Type *valueType,
                         const Type *declared, ast::Loc loc);
  const Type *checkConstruction(ast::CallExpr &call, ClassInfo &info);
  /// The arguments of a built-in exception's constructor: an optional
  /// message of any type str() accepts.
  void checkExceptionArgs(ast::CallExpr &call, llvm::StringRef name);
  /// The class a method call's receiver names without being a value:
  /// `super()` in a method, or a class name (static methods); null for any
  /// other receiver.
  ClassInfo *resolveClassReceiver(ast::AttributeExpr &callee);
  /// A method call on an instance of `info` (or through it).
  const Type *checkMethodCall(ast::CallExpr &call, ast::AttributeExpr &callee,
                              ClassInfo *info);
  const Type *checkIsInstance(ast::CallExpr &call);
  /// `lhs op rhs` where an operand is a class instance.
  void checkInstanceComparison(ast::CmpOp op, const Type *lhs,
                               const Type *rhs, ast::Loc loc);
  /// The class an `except` clause or isinstance() names, or null.
  ClassInfo *resolveClassName(ast::Expr &expr);
  void checkTry(ast::TryStmt &stmt);
  void checkRaise(ast::RaiseStmt &stmt);
  const Type *checkBuiltinCall(ast::CallExpr &call, Builtin builtin);
  const Type *checkNumericArgs(ast::CallExpr &call, llvm::StringRef name,
                               size_t minArgs, size_t maxArgs);

  Program &program;
  DiagEngine &diags;
  TypeContext &types;
  llvm::StringMap<Symbol *> builtins;
  /// The module being checked.
  ModuleInfo *currentModule = nullptr;
  llvm::StringMap<Symbol *> &moduleScope() { return currentModule->scope; }
  /// The function being checked; null for module-level code.
  FunctionInfo *current = nullptr;
  /// The function whose signature is being resolved (its type parameters
  /// are in scope before it is `current`).
  FunctionInfo *declaring = nullptr;
  /// The class whose body's fields are being declared (its type parameters
  /// are in scope).
  ClassInfo *declaringClass = nullptr;
  /// The type parameter `name` in scope, or null.
  const TypeParamType *lookupTypeParam(llvm::StringRef name) const;
  /// `type` with the type parameters of `params` replaced by `args`.
  const Type *substitute(const Type *type,
                         llvm::ArrayRef<const TypeParamType *> params,
                         llvm::ArrayRef<const Type *> args);
  /// Reports an operation Sema does not allow on a value of a type
  /// parameter (`what` is "attributes", "method calls", ...).
  void genericUnsupported(ast::Loc loc, llvm::StringRef what,
                          const Type *type);
  /// The type an annotation naming class `info` means: with `args` (the
  /// subscript of `Stack[int]`, or null) as its type arguments.
  const Type *classAnnotation(ClassInfo &info, ast::Expr *args,
                              ast::Expr &annotation);
  // SemaFallbacks.cpp: dynamic copies of typed functions.
  /// Notes a call of `callee` whose dynamic arguments (`bound`, by
  /// parameter) meet typed parameters; returns whether its value is then
  /// dynamic (CallExpr::mayFallBack).
  bool noteFallbackCall(ast::CallExpr &call, FunctionInfo &callee,
                        llvm::ArrayRef<ast::Expr *> bound,
                        llvm::ArrayRef<const Type *> paramTypes);
  /// Makes the fallbacks asked for, once the module's bodies are checked.
  void makeFallbacks();
  void makeFallback(FunctionInfo &typed);
  llvm::SmallVector<FunctionInfo *> pendingFallbacks;
  /// The calls of generic functions, whose type arguments finishInference
  /// resolves.
  std::vector<ast::CallExpr *> genericCalls;
  /// The variables of the comprehensions being checked, innermost last.
  llvm::SmallVector<llvm::StringMap<Symbol *>, 2> comprehensionScopes;
  /// The members of the built-in modules, made on first use.
  llvm::StringMap<Symbol *> mathMembers, sysMembers, timeMembers,
      randomMembers;
  /// Every expression given a type, for finishInference.
  std::vector<ast::Expr *> typedExprs;
  unsigned loopDepth = 0;
  /// The `def`s whose defaults are evaluated when they run.
  llvm::SmallPtrSet<ast::FunctionDefStmt *, 8> defsWithDefaults;
  /// Optional variables known not to be None here, with their narrowed
  /// types; and the narrowings to undo when the current block ends.
  std::map<NarrowKey, const Type *> narrowed;
  struct BlockNarrowing {
    NarrowKey key;
    const Type *previous, *set;
  };
  llvm::SmallVector<BlockNarrowing> blockNarrowings;
  /// How many `except` clauses enclose the statement being checked (a bare
  /// `raise` re-raises only inside one).
  unsigned handlerDepth = 0;
  /// The type the expression being checked should have, if known.
  const Type *expectedType = nullptr;
  /// The expected type of the call being checked (types `set()`).
  const Type *callExpectedType = nullptr;
  /// The expected type of the lambda being checked.
  const Type *lambdaExpectedType = nullptr;
};

} // namespace roast::sema

#endif // ROAST_LIB_SEMA_SEMAIMPL_H
