//===- Sema.h - Name resolution and type checking ---------------*- C++ -*-===//
//
// Sema resolves every name to a Symbol, infers the types of locals, checks
// the program against Python's typing rules and annotates the AST in place.
// Its result, a Program, is all CodeGen needs.
//
//===----------------------------------------------------------------------===//

#ifndef ROAST_SEMA_SEMA_H
#define ROAST_SEMA_SEMA_H

#include "Roast/AST/AST.h"
#include "Roast/Basic/Diagnostics.h"
#include "Roast/Sema/Types.h"

#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/StringMap.h"

#include <deque>

namespace roast::sema {

/// The built-in functions Sema knows; CodeGen expands each one inline.
enum class Builtin {
  Print,
  Range,
  Abs,
  Min,
  Max,
  Int,
  Float,
  Bool,
  Pow,
  DivMod,
  Len,
  Str,
  Repr,
  Ord,
  Chr,
  Sum,
  Sorted,
  Any,
  All,
  Round,
  Enumerate,
  Zip,
  Reversed,
  List,
  Set,
  Dict,
  Hash,
  IsInstance,
  Super,
  Input,
  Map,
  Filter,
  Open,
  // Functions of the built-in math module (math.f, or from math import f).
  MathSqrt, MathExp, MathLog, MathLog2, MathLog10, MathPow, MathSin, MathCos,
  MathTan, MathAsin, MathAcos, MathAtan, MathAtan2, MathHypot, MathFabs,
  MathFloor, MathCeil, MathTrunc, MathIsFinite, MathIsInf, MathIsNan,
  MathGcd, MathIsqrt, MathFactorial, MathIsClose,
  // The sys module (argv, stdout and stderr are values, not functions).
  SysExit, SysArgv, SysStdout, SysStderr,
  // The time module.
  TimePerfCounter, TimeTime, TimeSleep,
  // The random module.
  RandomSeed, RandomRandom, RandomUniform, RandomGetrandbits, RandomRandrange,
  RandomRandint, RandomChoice, RandomShuffle
};

/// The index of `builtin` among the built-ins that dynamic code may use as
/// values (`[abs, str]`, `key=len`): Runtime.h's RoastBuiltin, which the
/// roast.builtin_value op numbers the same way; -1 for the others.
int builtinValueIndex(Builtin builtin);

/// Whether `builtin` is a function of the math module.
inline bool isMathBuiltin(Builtin builtin) {
  return builtin >= Builtin::MathSqrt && builtin <= Builtin::MathIsClose;
}

/// Whether `builtin` is a value member of a module (sys.argv, sys.stdout),
/// not a function.
inline bool isModuleValue(Builtin builtin) {
  return builtin == Builtin::SysArgv || builtin == Builtin::SysStdout ||
         builtin == Builtin::SysStderr;
}

/// Methods of `str` that Sema types and CodeGen lowers to roast.str_method.
enum class StrMethod {
  Upper,
  Lower,
  Strip,
  LStrip,
  RStrip,
  StartsWith,
  EndsWith,
  Find,
  Count,
  Replace,
  IsDigit,
  IsAlpha,
  Split,
  Join
};

/// The `str` method called `name`, if there is one.
std::optional<StrMethod> lookupStrMethod(llvm::StringRef name);

struct FunctionInfo;
struct ClassInfo;
struct ModuleInfo;

/// What a name refers to.
struct Symbol {
  enum class Kind { Local, Global, Function, Builtin, Module, Constant, Class };
  Kind kind;
  std::string name;
  const Type *type = nullptr; // null while a local's type is not known yet
  ast::Loc loc;               // where it is defined
  FunctionInfo *function = nullptr; // Kind::Function
  Builtin builtin = Builtin::Print; // Kind::Builtin
  double constant = 0;              // Kind::Constant (a float: math.pi)
  ClassInfo *classInfo = nullptr;   // Kind::Class
  /// The module whose global, function or class this is.
  ModuleInfo *owner = nullptr;
  /// Kind::Module: the .roast module it names (null for a built-in one).
  ModuleInfo *module = nullptr;
  /// Kind::Local: the function whose local it is; whether it is one of its
  /// parameters; whether its function assigns it after entry.
  FunctionInfo *definedIn = nullptr;
  bool isParam = false;
  bool reassigned = false;
  /// Whether its type comes from its first assignment (no annotation): a
  /// later value of another type makes it dynamic.
  bool inferred = false;
  /// Whether the program gives the container it holds elements of
  /// different types (`xs.append(1)`, `xs.append("a")`): they are dynamic.
  bool dynamicElements = false;
  /// Kind::Local read or written by a nested function; whether a nested
  /// function assigns it (`nonlocal`).
  bool captured = false;
  bool nonlocalWritten = false;
  /// Local or Global: how many assignments its scope makes to it; and,
  /// when the only one is `name = f` of a known function, that function
  /// (calls through the name are direct calls of it, keywords included).
  unsigned assignments = 0;
  FunctionInfo *alias = nullptr;
  /// Whether the local lives in a heap cell shared with the closures that
  /// capture it (docs/rationale/closures.md): a captured variable that is
  /// not a parameter left unassigned after entry.
  bool isCell() const {
    return captured && (!isParam || reassigned || nonlocalWritten);
  }
};

/// One user function, after checking.
struct FunctionInfo {
  ast::FunctionDefStmt *def = nullptr;
  Symbol *symbol = nullptr;
  const FunctionType *type = nullptr;
  std::vector<Symbol *> params;
  /// Every local, parameters first, in order of first definition.
  std::vector<Symbol *> locals;
  /// Names declared `global` in this function.
  llvm::StringMap<Symbol *> globalDecls;
  /// Names declared `nonlocal`: locals of enclosing functions.
  llvm::StringMap<Symbol *> nonlocalDecls;
  /// The function's own names: parameters, locals, nested functions.
  llvm::StringMap<Symbol *> scope;
  /// For a nested `def` or a lambda: the function it is nested in, and the
  /// locals of enclosing functions it (or a function nested in it) uses,
  /// which its closure captures, in order of first use.
  FunctionInfo *enclosing = nullptr;
  std::vector<Symbol *> captures;
  /// The nested functions this one calls or makes closures of.
  llvm::SmallSetVector<FunctionInfo *, 4> referenced;
  /// Whether the function is taken as a value somewhere (a closure class
  /// and its call thunk are emitted for it).
  bool usedAsValue = false;
  /// A lambda's signature as a value: its parameters without the trailing
  /// ones bound by defaults (`lambda x, i=i: ...` is a (int) -> int).
  const FunctionType *valueType = nullptr;
  /// The class whose method this is, or null for a plain function.
  ClassInfo *owner = nullptr;
  /// A generic function's type parameters (`def f[T, U]`), which its
  /// annotations may name; empty for others.
  std::vector<const TypeParamType *> typeParams;
  enum class MethodKind { Instance, Static, Property } methodKind =
      MethodKind::Instance;
  /// A typed plain function called with dynamic arguments: its copy with
  /// unannotated parameters and return, which runs when an argument does
  /// not hold its parameter's type (CallExpr::mayFallBack). Null until
  /// made, and when the body does not check as dynamic code.
  FunctionInfo *fallback = nullptr;
  /// Whether a fallback was asked for (made, or found impossible).
  bool fallbackRequested = false;
  /// Whether this is the fallback of another function; its symbol is
  /// `module.<dynamic>.name`, its traceback frames show `name`.
  bool isFallback = false;
  /// The symbol name in the generated code ("Point.move" for a method).
  std::string qualifiedName() const;
  /// The type parameters its signature and body may name, which a call
  /// gives type arguments for: its own, or those of the generic class
  /// whose method it is (`Stack.push` of `class Stack[T]`).
  llvm::ArrayRef<const TypeParamType *> genericParams() const;
};

/// An instance field of a class.
struct FieldInfo {
  std::string name;
  const Type *type;
  ast::Loc loc;
};

/// The built-in exception classes (roast-language.md's hierarchy), in the
/// order of the roast dialect's ExceptionKind where they have one.
struct BuiltinClass {
  const char *name;
  const char *base; // null for BaseException
};

/// One class: a user class, or a built-in exception class (no `def`).
struct ClassInfo {
  ast::ClassDefStmt *def = nullptr;
  std::string name;
  /// The module defining it; null for a built-in class.
  ModuleInfo *module = nullptr;
  ClassInfo *base = nullptr;
  /// A generic class's type parameters (`class Stack[T]`); empty for
  /// others.
  std::vector<const TypeParamType *> typeParams;
  /// The type of `self`: the class's instances, with its own type
  /// parameters as type arguments if it is generic (`Stack[T]`).
  const ClassType *type = nullptr;
  /// The fields this class adds to its base's.
  std::deque<FieldInfo> ownFields;
  /// Every instance field, the base class's first (so a subclass instance
  /// is laid out as a base instance followed by its own fields); complete
  /// once Sema has finished.
  std::vector<FieldInfo> fields;
  /// Methods that dispatch through the class's method table, in slot
  /// order: the base class's slots first, overridden in place.
  std::vector<FunctionInfo *> vtable;
  /// The methods, static methods and properties the class defines.
  llvm::StringMap<FunctionInfo *> methods;
  /// Class attributes (`count: int = 0` in the body), as globals.
  llvm::StringMap<Symbol *> classAttrs;
  /// The statements of the class body that assign them, in order.
  std::vector<ast::Stmt *> attrStatements;
  /// Methods Sema wrote: the getters of class attributes.
  std::vector<std::unique_ptr<ast::FunctionDefStmt>> synthesized;
  bool isBuiltin() const { return def == nullptr; }
  /// A class written without any annotation holds dynamic fields: its
  /// `__init__` fixes no types (gradual typing).
  bool dynamicFields = false;
  /// Whether instances are exceptions (the class derives BaseException).
  bool isException() const;
  /// The method table slot of `method`, or -1.
  int vtableSlot(llvm::StringRef name) const;
  /// The field, class attribute or method `name` of this class or the
  /// nearest base that has one; null if none has.
  const FieldInfo *findField(llvm::StringRef name) const;
  Symbol *findClassAttr(llvm::StringRef name) const;
  FunctionInfo *findMethod(llvm::StringRef name) const;
};

/// An operator on class instances, implemented by a method: `a + b` calls
/// `a.__add__(b)`, or `b.__radd__(a)` (reflected) when only that exists.
struct OperatorCall {
  FunctionInfo *method = nullptr;
  bool reflected = false;
};

/// The method implementing `lhs op rhs` when an operand is an instance
/// (method null if none applies).
OperatorCall findBinaryOperator(ast::BinaryOp op, const Type *lhs,
                                const Type *rhs);
/// The method implementing `lhs op= rhs` on an instance: the in-place
/// `__iadd__`... when the left operand's class defines it, else what
/// findBinaryOperator finds. The result is stored back into the target.
OperatorCall findAugmentedOperator(ast::BinaryOp op, const Type *lhs,
                                   const Type *rhs);
/// The method implementing an ordering comparison (`<` is `__lt__`, or the
/// reflected `__gt__`); == uses __eq__, != __ne__ or else the negation of
/// __eq__ (see emitInstanceEquality).
OperatorCall findCompareOperator(ast::CmpOp op, const Type *lhs,
                                 const Type *rhs);
/// The method `name` of an instance type taking exactly `arity` arguments
/// besides self, or null.
FunctionInfo *findDunder(const Type *type, llvm::StringRef name,
                         size_t arity);

/// The methods a loop over an instance calls: `__iter__` once, then
/// `__next__` on what it returned until that raises StopIteration.
struct IteratorMethods {
  FunctionInfo *iter = nullptr;
  FunctionInfo *next = nullptr;
  explicit operator bool() const { return next != nullptr; }
};
/// The iterator protocol of an instance type: `__iter__(self)` returning an
/// instance whose class has `__next__(self)`; both null if `type` has none.
IteratorMethods findIterator(const Type *type);

/// isinstance(<value of static type `value`>, <built-in type>): known at
/// compile time for int, float, bool, str, list, dict and set; none for
/// other built-ins.
std::optional<bool> staticIsInstance(const Type *value, Builtin builtin);

/// The built-in exception classes, each after its base.
llvm::ArrayRef<BuiltinClass> getBuiltinClasses();

/// One module of the program: its main file or a .roast module it imports.
struct ModuleInfo {
  /// The name code imports it by; the main module's is its file's stem.
  std::string name;
  ast::Module *ast = nullptr;
  bool isMain = false;
  /// The names the module defines, as `m.x` and `from m import x` see them.
  llvm::StringMap<Symbol *> scope;
  /// Module-level code in order (everything but the `def`s).
  std::vector<ast::Stmt *> topLevel;
  /// A second parse of the module, from which fallbacks' `def`s are taken.
  std::unique_ptr<ast::Module> pristine;
};

/// A checked program: CodeGen's input.
struct Program {
  /// Every module, each after the modules it imports; the main one last.
  std::vector<ModuleInfo *> modules;
  /// Every function, methods included.
  std::vector<FunctionInfo *> functions;
  /// Every class: the built-in exception classes, then the user's classes
  /// in source order (a base always precedes its subclasses).
  std::vector<ClassInfo *> classes;
  std::vector<Symbol *> globals;

  ModuleInfo &mainModule() const { return *modules.back(); }

  TypeContext types;
  std::deque<Symbol> symbolStorage;
  std::deque<FunctionInfo> functionStorage;
  std::deque<ClassInfo> classStorage;
  std::deque<ModuleInfo> moduleStorage;
  /// The `def`s Sema wrote for lambdas taken as values.
  std::deque<std::unique_ptr<ast::FunctionDefStmt>> lambdaDefs;
  /// The `def`s of fallbacks (FunctionInfo::fallback), with their
  /// annotations removed.
  std::deque<ast::StmtPtr> fallbackDefs;
};

/// A piece of a str.format() template: literal text, or a replacement field
/// `{index!conversion:spec}` / `{name...}` (automatic numbering resolved).
struct FormatPiece {
  std::string literal;
  bool isField = false;
  size_t index = 0;      // positional argument, when name is empty
  std::string name;      // keyword argument
  char conversion = 0;   // 'r', 's', 'a' or 0
  std::string spec;
};

/// Parses a str.format() template as CPython's string formatter does
/// (`{{` and `}}` escapes, `{}` / `{0}` / `{name}`, `!r`, `:spec`). Returns
/// false and sets `error` to CPython's ValueError message for a malformed
/// one; nested fields in specs are rejected as not supported.
bool parseFormatTemplate(llvm::StringRef text, std::vector<FormatPiece> &pieces,
                         std::string &error);

/// Parses `text` as Python's float() does ("  2.5 ", "-inf", "1_0.5").
bool parsePythonFloat(llvm::StringRef text, double &value);

/// Whether `lhs ** rhsExpr` with int operands is a float power (the exponent
/// is a negative literal, so Python gives a float).
bool isFloatPower(const Type *lhs, const ast::Expr *rhsExpr);

/// The element a constant index selects in a tuple of `size` elements
/// (negative indices count from the end), or -1 if `index` is not a
/// constant or out of range.
int64_t constantTupleIndex(const ast::Expr &index, size_t size);

/// The value of an int literal, possibly negated.
std::optional<int64_t> constantInt(const ast::Expr &expr);

/// The indices `slice` selects from a tuple of `size` elements, when its
/// bounds are constants (Python's slice.indices()); none otherwise.
std::optional<std::vector<size_t>>
constantSliceIndices(const ast::SliceExpr &slice, size_t size);

/// A module to check: its name and its syntax tree.
struct SourceModule {
  std::string name;
  ast::Module *ast;
};

/// Checks the modules of a program, given each after the modules it imports
/// and the main module last; diagnostics go to `diags`. Returns null if
/// there were errors.
std::unique_ptr<Program> check(llvm::ArrayRef<SourceModule> modules,
                               DiagEngine &diags);

} // namespace roast::sema

#endif // ROAST_SEMA_SEMA_H
