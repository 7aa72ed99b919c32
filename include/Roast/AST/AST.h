//===- AST.h - Roast abstract syntax tree -----------------------*- C++ -*-===//
//
// The parser's output and Sema's input. Knows nothing of MLIR: Sema annotates
// the tree in place (types on expressions, symbols on names) and CodeGen is
// the only bridge to the roast dialect.
//
//===----------------------------------------------------------------------===//

#ifndef ROAST_AST_AST_H
#define ROAST_AST_AST_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Casting.h"
#include "llvm/Support/SMLoc.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace roast {
namespace sema {
class Type;
struct Symbol;
struct ClassInfo;
struct ModuleInfo;
struct FunctionInfo;
} // namespace sema

namespace ast {

/// A position in the source buffer; llvm::SourceMgr turns it into
/// file:line:col for diagnostics and debug locations.
using Loc = llvm::SMLoc;

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

class Expr {
public:
  enum class Kind {
    IntLit,
    FloatLit,
    BoolLit,
    NoneLit,
    StrLit,
    Name,
    Unary,
    Binary,
    BoolOp,
    Compare,
    IfExp,
    Call,
    Attribute,
    Subscript,
    Slice,
    Tuple,
    List,
    Set,
    Dict,
    Comprehension,
    Lambda,
    FString,
    Unsupported, // parsed syntax outside the supported subset
  };

  Expr(Kind kind, Loc loc) : kind(kind), loc(loc) {}
  virtual ~Expr() = default;

  Kind getKind() const { return kind; }
  Loc getLoc() const { return loc; }

  /// Set by Sema: the static type of this expression.
  const sema::Type *type = nullptr;

private:
  Kind kind;
  Loc loc;
};

using ExprPtr = std::unique_ptr<Expr>;

template <Expr::Kind K> class ExprBase : public Expr {
public:
  explicit ExprBase(Loc loc) : Expr(K, loc) {}
  static bool classof(const Expr *e) { return e->getKind() == K; }
};

class IntLitExpr : public ExprBase<Expr::Kind::IntLit> {
public:
  IntLitExpr(Loc loc, uint64_t value, bool fitsInt64)
      : ExprBase(loc), value(value), fitsInt64(fitsInt64) {}
  /// The magnitude as written. `9223372036854775808` is representable only
  /// under unary minus, which Sema folds.
  uint64_t value;
  bool fitsInt64;
};

class FloatLitExpr : public ExprBase<Expr::Kind::FloatLit> {
public:
  FloatLitExpr(Loc loc, double value) : ExprBase(loc), value(value) {}
  double value;
};

class BoolLitExpr : public ExprBase<Expr::Kind::BoolLit> {
public:
  BoolLitExpr(Loc loc, bool value) : ExprBase(loc), value(value) {}
  bool value;
};

class NoneLitExpr : public ExprBase<Expr::Kind::NoneLit> {
public:
  using ExprBase::ExprBase;
};

/// A string literal after escape processing and implicit concatenation of
/// adjacent literals. f-strings are parsed into `Unsupported` for now.
class StrLitExpr : public ExprBase<Expr::Kind::StrLit> {
public:
  StrLitExpr(Loc loc, std::string value)
      : ExprBase(loc), value(std::move(value)) {}
  std::string value; // UTF-8
};

class NameExpr : public ExprBase<Expr::Kind::Name> {
public:
  NameExpr(Loc loc, std::string name) : ExprBase(loc), name(std::move(name)) {}
  std::string name;
  /// Set by Sema: the variable, function or builtin this name refers to.
  sema::Symbol *symbol = nullptr;
};

enum class UnaryOp { Neg, Pos, Invert, Not };
enum class BinaryOp {
  Add,
  Sub,
  Mul,
  Div,
  FloorDiv,
  Mod,
  Pow,
  LShift,
  RShift,
  BitAnd,
  BitOr,
  BitXor,
  MatMul,
};
enum class BoolOpKind { And, Or };
enum class CmpOp { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

llvm::StringRef spelling(UnaryOp op);
llvm::StringRef spelling(BinaryOp op);
llvm::StringRef spelling(BoolOpKind op);
llvm::StringRef spelling(CmpOp op);

class UnaryExpr : public ExprBase<Expr::Kind::Unary> {
public:
  UnaryExpr(Loc loc, UnaryOp op, ExprPtr operand)
      : ExprBase(loc), op(op), operand(std::move(operand)) {}
  UnaryOp op;
  ExprPtr operand;
};

class BinaryExpr : public ExprBase<Expr::Kind::Binary> {
public:
  BinaryExpr(Loc loc, BinaryOp op, ExprPtr lhs, ExprPtr rhs)
      : ExprBase(loc), op(op), lhs(std::move(lhs)), rhs(std::move(rhs)) {}
  BinaryOp op;
  ExprPtr lhs, rhs;
};

/// `a and b and c` is one BoolOpExpr with three values, as in Python's ast.
class BoolOpExpr : public ExprBase<Expr::Kind::BoolOp> {
public:
  BoolOpExpr(Loc loc, BoolOpKind op, std::vector<ExprPtr> values)
      : ExprBase(loc), op(op), values(std::move(values)) {}
  BoolOpKind op;
  std::vector<ExprPtr> values;
};

/// `a < b <= c`: ops.size() == comparators.size().
class CompareExpr : public ExprBase<Expr::Kind::Compare> {
public:
  CompareExpr(Loc loc, ExprPtr left, std::vector<CmpOp> ops,
              std::vector<ExprPtr> comparators)
      : ExprBase(loc), left(std::move(left)), ops(std::move(ops)),
        comparators(std::move(comparators)) {}
  ExprPtr left;
  std::vector<CmpOp> ops;
  std::vector<ExprPtr> comparators;
};

/// `body if test else orElse`.
class IfExpExpr : public ExprBase<Expr::Kind::IfExp> {
public:
  IfExpExpr(Loc loc, ExprPtr test, ExprPtr body, ExprPtr orElse)
      : ExprBase(loc), test(std::move(test)), body(std::move(body)),
        orElse(std::move(orElse)) {}
  ExprPtr test, body, orElse;
};

struct Keyword {
  Loc loc;
  std::string name;
  ExprPtr value;
};

class CallExpr : public ExprBase<Expr::Kind::Call> {
public:
  CallExpr(Loc loc, ExprPtr callee, std::vector<ExprPtr> args,
           std::vector<Keyword> keywords)
      : ExprBase(loc), callee(std::move(callee)), args(std::move(args)),
        keywords(std::move(keywords)) {}
  ExprPtr callee;
  std::vector<ExprPtr> args;
  std::vector<Keyword> keywords;
  /// Set by Sema when the callee is an instance (`obj(x)`): its class's
  /// `__call__`, called with the instance as self.
  sema::FunctionInfo *dunderCall = nullptr;
  /// Set by Sema when the callee is a dynamic value or a method of one:
  /// the call goes through the runtime (roast.dyn.call, dyn.call_method).
  bool dynamic = false;
  /// Set by Sema when the call means other syntax, which is checked and
  /// emitted instead: `map(f, xs)` is `[f(x) for x in xs]`.
  ExprPtr desugared;
  /// Set by Sema for a call of a generic function: its type arguments, in
  /// the order of its type parameters. For a method of a generic class
  /// (and a construction of one), the class's type arguments.
  std::vector<const sema::Type *> typeArgs;
  /// Set by Sema when a dynamic argument meets a typed parameter of a
  /// plain function: the call's value is dynamic, and an argument that
  /// does not hold its parameter's type runs the callee's dynamic copy
  /// (FunctionInfo::fallback) instead, as CPython ignores annotations.
  bool mayFallBack = false;
};

class AttributeExpr : public ExprBase<Expr::Kind::Attribute> {
public:
  AttributeExpr(Loc loc, ExprPtr value, std::string attr)
      : ExprBase(loc), value(std::move(value)), attr(std::move(attr)) {}
  ExprPtr value;
  std::string attr;
  /// Set by Sema when `value` names a module: the member `attr` refers to;
  /// or when `attr` is a class attribute: its global. (An instance field
  /// has neither member nor method.)
  sema::Symbol *member = nullptr;
  /// Set by Sema when `attr` is a method (the callee of a call) or a
  /// property: the function.
  sema::FunctionInfo *method = nullptr;
  /// Set by Sema for `super().attr`: the method is called directly.
  bool viaSuper = false;
  /// Set by Sema when an optional field is read where a test proved it not
  /// None (`if node.next is not None: node.next.value`): `type` is then the
  /// field's value type. The field may have changed since the test (a call
  /// in between), so CodeGen checks it again.
  bool narrowed = false;
};

class SubscriptExpr : public ExprBase<Expr::Kind::Subscript> {
public:
  SubscriptExpr(Loc loc, ExprPtr value, ExprPtr index)
      : ExprBase(loc), value(std::move(value)), index(std::move(index)) {}
  ExprPtr value;
  ExprPtr index; // a SliceExpr for `a[i:j:k]`, a TupleExpr for `d[i, j]`
};

/// `lower:upper:step` inside a subscript; each part may be null.
class SliceExpr : public ExprBase<Expr::Kind::Slice> {
public:
  SliceExpr(Loc loc, ExprPtr lower, ExprPtr upper, ExprPtr step)
      : ExprBase(loc), lower(std::move(lower)), upper(std::move(upper)),
        step(std::move(step)) {}
  ExprPtr lower, upper, step;
};

/// Tuple, List and Set displays share a shape.
template <Expr::Kind K> class SequenceExpr : public ExprBase<K> {
public:
  SequenceExpr(Loc loc, std::vector<ExprPtr> elts)
      : ExprBase<K>(loc), elts(std::move(elts)) {}
  std::vector<ExprPtr> elts;
};
using TupleExpr = SequenceExpr<Expr::Kind::Tuple>;
using ListExpr = SequenceExpr<Expr::Kind::List>;
using SetExpr = SequenceExpr<Expr::Kind::Set>;

class DictExpr : public ExprBase<Expr::Kind::Dict> {
public:
  DictExpr(Loc loc, std::vector<ExprPtr> keys, std::vector<ExprPtr> values)
      : ExprBase(loc), keys(std::move(keys)), values(std::move(values)) {}
  std::vector<ExprPtr> keys, values;
};

/// `for target in iter if cond ...`, one clause of a comprehension.
struct ComprehensionClause {
  ExprPtr target;
  ExprPtr iter;
  std::vector<ExprPtr> conditions;
};

/// `[e for ...]`, `{e for ...}`, `{k: v for ...}` and `(e for ...)`. Sema
/// gives the clause targets their own scope, as Python does.
class ComprehensionExpr : public ExprBase<Expr::Kind::Comprehension> {
public:
  enum class Form { List, Set, Dict, Generator };
  ComprehensionExpr(Loc loc, Form form, ExprPtr element, ExprPtr value,
                    std::vector<ComprehensionClause> clauses)
      : ExprBase(loc), form(form), element(std::move(element)),
        value(std::move(value)), clauses(std::move(clauses)) {}
  Form form;
  ExprPtr element; // the key of a dict comprehension
  ExprPtr value;   // the value of a dict comprehension; null otherwise
  std::vector<ComprehensionClause> clauses;
  /// Set by Sema: the variables the clauses bind, local to the
  /// comprehension.
  std::vector<sema::Symbol *> symbols;
};

/// An f-string (with any adjacent plain literals folded in): literal text
/// and replacement fields `{value!conversion:spec}`, where the spec is
/// itself an f-string (`{x:{width}}`).
class FStringExpr : public ExprBase<Expr::Kind::FString> {
public:
  struct Part {
    std::string literal;   // the text of a literal part
    ExprPtr value;         // the expression of a field; null for literals
    char conversion = 0;   // 'r', 's', 'a' or 0
    std::unique_ptr<FStringExpr> spec; // may be null
  };
  explicit FStringExpr(Loc loc) : ExprBase(loc) {}
  std::vector<Part> parts;
};

/// Syntax the parser recognises but the compiler does not support yet
/// (lambda, comprehensions, f-strings, ...). Sema reports it.
class UnsupportedExpr : public ExprBase<Expr::Kind::Unsupported> {
public:
  UnsupportedExpr(Loc loc, std::string what)
      : ExprBase(loc), what(std::move(what)) {}
  std::string what; // e.g. "lambda expressions"
};

//===----------------------------------------------------------------------===//
// Statements
//===----------------------------------------------------------------------===//

class Stmt;
using StmtPtr = std::unique_ptr<Stmt>;
using Block = std::vector<StmtPtr>;

class Stmt {
public:
  enum class Kind {
    Expr,
    Assign,
    AnnAssign,
    AugAssign,
    Pass,
    Return,
    If,
    While,
    For,
    Break,
    Continue,
    FunctionDef,
    Global,
    Nonlocal,
    Assert,
    Del,
    Import,
    ClassDef,
    Try,
    Raise,
    With,
    Unsupported,
  };

  Stmt(Kind kind, Loc loc) : kind(kind), loc(loc) {}
  virtual ~Stmt() = default;
  Kind getKind() const { return kind; }
  Loc getLoc() const { return loc; }

private:
  Kind kind;
  Loc loc;
};

template <Stmt::Kind K> class StmtBase : public Stmt {
public:
  explicit StmtBase(Loc loc) : Stmt(K, loc) {}
  static bool classof(const Stmt *s) { return s->getKind() == K; }
};

class ExprStmt : public StmtBase<Stmt::Kind::Expr> {
public:
  ExprStmt(Loc loc, ExprPtr value) : StmtBase(loc), value(std::move(value)) {}
  ExprPtr value;
};

/// `a = b = value`: several targets, one value.
class AssignStmt : public StmtBase<Stmt::Kind::Assign> {
public:
  AssignStmt(Loc loc, std::vector<ExprPtr> targets, ExprPtr value)
      : StmtBase(loc), targets(std::move(targets)), value(std::move(value)) {}
  std::vector<ExprPtr> targets;
  ExprPtr value;
};

/// `target: annotation [= value]`.
class AnnAssignStmt : public StmtBase<Stmt::Kind::AnnAssign> {
public:
  AnnAssignStmt(Loc loc, ExprPtr target, ExprPtr annotation, ExprPtr value)
      : StmtBase(loc), target(std::move(target)),
        annotation(std::move(annotation)), value(std::move(value)) {}
  ExprPtr target;
  ExprPtr annotation;
  ExprPtr value; // may be null
};

class AugAssignStmt : public StmtBase<Stmt::Kind::AugAssign> {
public:
  AugAssignStmt(Loc loc, ExprPtr target, BinaryOp op, ExprPtr value)
      : StmtBase(loc), target(std::move(target)), op(op),
        value(std::move(value)) {}
  ExprPtr target;
  BinaryOp op;
  ExprPtr value;
};

class PassStmt : public StmtBase<Stmt::Kind::Pass> {
public:
  using StmtBase::StmtBase;
};

class BreakStmt : public StmtBase<Stmt::Kind::Break> {
public:
  using StmtBase::StmtBase;
};

class ContinueStmt : public StmtBase<Stmt::Kind::Continue> {
public:
  using StmtBase::StmtBase;
};

class ReturnStmt : public StmtBase<Stmt::Kind::Return> {
public:
  ReturnStmt(Loc loc, ExprPtr value) : StmtBase(loc), value(std::move(value)) {}
  ExprPtr value; // may be null
};

/// `elif` chains are nested IfStmts in orElse, as in Python's ast.
class IfStmt : public StmtBase<Stmt::Kind::If> {
public:
  IfStmt(Loc loc, ExprPtr test, Block body, Block orElse)
      : StmtBase(loc), test(std::move(test)), body(std::move(body)),
        orElse(std::move(orElse)) {}
  ExprPtr test;
  Block body, orElse;
};

class WhileStmt : public StmtBase<Stmt::Kind::While> {
public:
  WhileStmt(Loc loc, ExprPtr test, Block body, Block orElse)
      : StmtBase(loc), test(std::move(test)), body(std::move(body)),
        orElse(std::move(orElse)) {}
  ExprPtr test;
  Block body, orElse;
};

class ForStmt : public StmtBase<Stmt::Kind::For> {
public:
  ForStmt(Loc loc, ExprPtr target, ExprPtr iter, Block body, Block orElse)
      : StmtBase(loc), target(std::move(target)), iter(std::move(iter)),
        body(std::move(body)), orElse(std::move(orElse)) {}
  ExprPtr target;
  ExprPtr iter;
  Block body, orElse;
};

struct Param {
  Loc loc;
  std::string name;
  ExprPtr annotation;   // may be null
  ExprPtr defaultValue; // may be null
  /// Set by Sema.
  sema::Symbol *symbol = nullptr;
  /// Set by Sema when the default is not a literal: the global holding the
  /// value it had when the `def` ran, which every call shares (a mutable
  /// default is one object, as in Python).
  sema::Symbol *defaultSymbol = nullptr;
};

/// `lambda a, b: body`. For now only a `key=` argument: Sema checks the
/// body with the parameters bound to the elements, and CodeGen inlines it.
class LambdaExpr : public ExprBase<Expr::Kind::Lambda> {
public:
  LambdaExpr(Loc loc, std::vector<Param> params, ExprPtr body)
      : ExprBase(loc), params(std::move(params)), body(std::move(body)) {}
  std::vector<Param> params;
  ExprPtr body;
  /// Set by Sema for a lambda taken as a value: the function it became
  /// (whose `def` now holds the parameters and the body).
  sema::FunctionInfo *function = nullptr;
};

/// A type parameter of a generic function or class: `T` in
/// `def f[T](x: T)` and `class Stack[T]`.
struct TypeParam {
  Loc loc;
  std::string name;
};

class FunctionDefStmt : public StmtBase<Stmt::Kind::FunctionDef> {
public:
  FunctionDefStmt(Loc loc, std::string name, std::vector<Param> params,
                  ExprPtr returns, Block body)
      : StmtBase(loc), name(std::move(name)), params(std::move(params)),
        returns(std::move(returns)), body(std::move(body)) {}
  std::string name;
  std::vector<Param> params;
  ExprPtr returns; // may be null
  Block body;
  std::vector<std::string> decorators; // dotted names, e.g. "staticmethod"
  std::vector<TypeParam> typeParams;   // empty unless generic
  /// Set by Sema: the function's own symbol.
  sema::Symbol *symbol = nullptr;
};

/// `global a, b` / `nonlocal a, b`.
template <Stmt::Kind K> class NameListStmt : public StmtBase<K> {
public:
  NameListStmt(Loc loc, std::vector<std::string> names)
      : StmtBase<K>(loc), names(std::move(names)) {}
  std::vector<std::string> names;
};
using GlobalStmt = NameListStmt<Stmt::Kind::Global>;
using NonlocalStmt = NameListStmt<Stmt::Kind::Nonlocal>;

/// `assert test[, message]`.
class AssertStmt : public StmtBase<Stmt::Kind::Assert> {
public:
  AssertStmt(Loc loc, ExprPtr test, ExprPtr message)
      : StmtBase(loc), test(std::move(test)), message(std::move(message)) {}
  ExprPtr test;
  ExprPtr message; // may be null
};

/// `del a[i], d[k]`: the targets, deleted left to right.
class DelStmt : public StmtBase<Stmt::Kind::Del> {
public:
  DelStmt(Loc loc, std::vector<ExprPtr> targets)
      : StmtBase(loc), targets(std::move(targets)) {}
  std::vector<ExprPtr> targets;
};

/// `import m [as n], ...` (names empty) or `from m import a [as b], ...`
/// (`from` set): the names each statement binds.
class ImportStmt : public StmtBase<Stmt::Kind::Import> {
public:
  struct Name {
    Loc loc;
    std::string name;   // a module for `import`, a member for `from`
    std::string asName; // empty: bound under `name`
    const std::string &boundName() const { return asName.empty() ? name : asName; }
    /// Set by Sema for `from m import g` of m's global g: the importer's
    /// own variable `copy`, which the import assigns g's value to.
    sema::Symbol *source = nullptr, *copy = nullptr;
  };
  ImportStmt(Loc loc, std::string from, std::vector<Name> names)
      : StmtBase(loc), from(std::move(from)), names(std::move(names)) {}
  std::string from; // the module of `from m import ...`; empty for `import`
  std::vector<Name> names;
  /// Set by Sema: the .roast modules the statement imports, whose
  /// top-level code it runs unless an earlier import has.
  std::vector<sema::ModuleInfo *> modules;
};

/// `class Name(Base): body`.
class ClassDefStmt : public StmtBase<Stmt::Kind::ClassDef> {
public:
  ClassDefStmt(Loc loc, std::string name, std::vector<ExprPtr> bases,
               Block body)
      : StmtBase(loc), name(std::move(name)), bases(std::move(bases)),
        body(std::move(body)) {}
  std::string name;
  std::vector<ExprPtr> bases;
  Block body;
  std::vector<std::string> decorators;
  std::vector<TypeParam> typeParams; // empty unless generic
  /// Set by Sema.
  sema::ClassInfo *info = nullptr;
};

/// One `except [type [as name]]:` clause of a try statement.
struct ExceptHandler {
  Loc loc;
  ExprPtr type; // null for a bare `except:`
  std::string name; // empty without `as`
  Block body;
  /// Set by Sema: the variable `name` binds.
  sema::Symbol *symbol = nullptr;
};

/// `try: body except...: else: finally:`.
class TryStmt : public StmtBase<Stmt::Kind::Try> {
public:
  TryStmt(Loc loc, Block body, std::vector<ExceptHandler> handlers,
          Block orElse, Block finalBody)
      : StmtBase(loc), body(std::move(body)), handlers(std::move(handlers)),
        orElse(std::move(orElse)), finalBody(std::move(finalBody)) {}
  Block body;
  std::vector<ExceptHandler> handlers;
  Block orElse, finalBody;
};

/// `raise [exc [from cause]]`; a bare raise re-raises.
class RaiseStmt : public StmtBase<Stmt::Kind::Raise> {
public:
  RaiseStmt(Loc loc, ExprPtr exc, ExprPtr cause)
      : StmtBase(loc), exc(std::move(exc)), cause(std::move(cause)) {}
  ExprPtr exc;   // may be null
  ExprPtr cause; // may be null
};

/// One `expr [as target]` of a with statement.
struct WithItem {
  Loc loc;
  ExprPtr context;
  ExprPtr target; // null without `as`
};

/// `with a as x, b as y: body`: the items are entered left to right and
/// exited in reverse, as nested with statements would be.
class WithStmt : public StmtBase<Stmt::Kind::With> {
public:
  WithStmt(Loc loc, std::vector<WithItem> items, Block body)
      : StmtBase(loc), items(std::move(items)), body(std::move(body)) {}
  std::vector<WithItem> items;
  Block body;
};

/// A statement the parser recognises but the compiler does not support yet
/// (class, try, with, import, ...). Its body was skipped.
class UnsupportedStmt : public StmtBase<Stmt::Kind::Unsupported> {
public:
  UnsupportedStmt(Loc loc, std::string what)
      : StmtBase(loc), what(std::move(what)) {}
  std::string what; // e.g. "class definitions"
};

/// One source file.
struct Module {
  std::string fileName;
  Block body;
  /// Parses the module's source again into a fresh tree: Sema checks a
  /// second copy of a typed function as dynamic code (its fallback).
  std::function<std::unique_ptr<Module>()> reparse;
};

/// The symbol a name, or a module's member (`m.x`), refers to once Sema
/// has resolved it; null for any other expression.
sema::Symbol *getReferencedSymbol(const Expr &expr);

/// Calls fn on each block nested directly in `stmt` (bodies, else and
/// finally blocks, except clauses); not into function or class bodies.
void forEachChildBlock(const Stmt &stmt,
                       llvm::function_ref<void(const Block &)> fn);

/// Calls fn on each expression nested directly in `expr` (operands,
/// arguments, elements, f-string fields, comprehension clauses); not into
/// lambda bodies.
void forEachChildExpr(const Expr &expr, llvm::function_ref<void(const Expr &)> fn);

/// Prints `text` between `quote`s, escaping backslashes, the quote and
/// control characters (for the token and AST dumps).
void printQuoted(llvm::raw_ostream &os, llvm::StringRef text, char quote);

/// Prints the tree in an indented, readable form (`roastc --emit=ast`).
void dump(const Module &module, llvm::raw_ostream &os);

} // namespace ast
} // namespace roast

#endif // ROAST_AST_AST_H
