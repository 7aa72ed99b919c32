//===- AST.cpp - Roast AST printing ---------------------------------------===//
//
// Operator spellings and the `roastc --emit=ast` dump: one node per line,
// children indented by two spaces, and a role label (`test:`, `value:`)
// wherever the child's place is not obvious from its position.
//
//===----------------------------------------------------------------------===//

#include "Roast/AST/AST.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

using namespace roast;
using namespace roast::ast;
using llvm::StringRef;

StringRef ast::spelling(UnaryOp op) {
  switch (op) {
  case UnaryOp::Neg:
    return "-";
  case UnaryOp::Pos:
    return "+";
  case UnaryOp::Invert:
    return "~";
  case UnaryOp::Not:
    return "not";
  }
  llvm_unreachable("unknown unary operator");
}

StringRef ast::spelling(BinaryOp op) {
  switch (op) {
  case BinaryOp::Add:
    return "+";
  case BinaryOp::Sub:
    return "-";
  case BinaryOp::Mul:
    return "*";
  case BinaryOp::Div:
    return "/";
  case BinaryOp::FloorDiv:
    return "//";
  case BinaryOp::Mod:
    return "%";
  case BinaryOp::Pow:
    return "**";
  case BinaryOp::LShift:
    return "<<";
  case BinaryOp::RShift:
    return ">>";
  case BinaryOp::BitAnd:
    return "&";
  case BinaryOp::BitOr:
    return "|";
  case BinaryOp::BitXor:
    return "^";
  case BinaryOp::MatMul:
    return "@";
  }
  llvm_unreachable("unknown binary operator");
}

StringRef ast::spelling(BoolOpKind op) {
  switch (op) {
  case BoolOpKind::And:
    return "and";
  case BoolOpKind::Or:
    return "or";
  }
  llvm_unreachable("unknown boolean operator");
}

StringRef ast::spelling(CmpOp op) {
  switch (op) {
  case CmpOp::Eq:
    return "==";
  case CmpOp::NotEq:
    return "!=";
  case CmpOp::Lt:
    return "<";
  case CmpOp::LtE:
    return "<=";
  case CmpOp::Gt:
    return ">";
  case CmpOp::GtE:
    return ">=";
  case CmpOp::Is:
    return "is";
  case CmpOp::IsNot:
    return "is not";
  case CmpOp::In:
    return "in";
  case CmpOp::NotIn:
    return "not in";
  }
  llvm_unreachable("unknown comparison operator");
}

sema::Symbol *ast::getReferencedSymbol(const Expr &expr) {
  if (auto *name = llvm::dyn_cast<NameExpr>(&expr))
    return name->symbol;
  if (auto *attr = llvm::dyn_cast<AttributeExpr>(&expr))
    return attr->member;
  return nullptr;
}

void ast::forEachChildExpr(const Expr &expr,
                           llvm::function_ref<void(const Expr &)> fn) {
  auto visit = [&](const ExprPtr &child) {
    if (child)
      fn(*child);
  };
  auto visitAll = [&](const std::vector<ExprPtr> &children) {
    for (const ExprPtr &child : children)
      visit(child);
  };
  switch (expr.getKind()) {
  case Expr::Kind::Unary:
    visit(llvm::cast<UnaryExpr>(expr).operand);
    return;
  case Expr::Kind::Binary: {
    auto &binary = llvm::cast<BinaryExpr>(expr);
    visit(binary.lhs);
    visit(binary.rhs);
    return;
  }
  case Expr::Kind::BoolOp:
    visitAll(llvm::cast<BoolOpExpr>(expr).values);
    return;
  case Expr::Kind::Compare: {
    auto &compare = llvm::cast<CompareExpr>(expr);
    visit(compare.left);
    visitAll(compare.comparators);
    return;
  }
  case Expr::Kind::IfExp: {
    auto &ifExp = llvm::cast<IfExpExpr>(expr);
    visit(ifExp.test);
    visit(ifExp.body);
    visit(ifExp.orElse);
    return;
  }
  case Expr::Kind::Call: {
    auto &call = llvm::cast<CallExpr>(expr);
    visit(call.callee);
    visitAll(call.args);
    for (const Keyword &keyword : call.keywords)
      visit(keyword.value);
    return;
  }
  case Expr::Kind::Attribute:
    visit(llvm::cast<AttributeExpr>(expr).value);
    return;
  case Expr::Kind::Subscript: {
    auto &sub = llvm::cast<SubscriptExpr>(expr);
    visit(sub.value);
    visit(sub.index);
    return;
  }
  case Expr::Kind::Slice: {
    auto &slice = llvm::cast<SliceExpr>(expr);
    visit(slice.lower);
    visit(slice.upper);
    visit(slice.step);
    return;
  }
  case Expr::Kind::Tuple:
    visitAll(llvm::cast<TupleExpr>(expr).elts);
    return;
  case Expr::Kind::List:
    visitAll(llvm::cast<ListExpr>(expr).elts);
    return;
  case Expr::Kind::Set:
    visitAll(llvm::cast<SetExpr>(expr).elts);
    return;
  case Expr::Kind::Dict: {
    auto &dict = llvm::cast<DictExpr>(expr);
    visitAll(dict.keys);
    visitAll(dict.values);
    return;
  }
  case Expr::Kind::Comprehension: {
    auto &comp = llvm::cast<ComprehensionExpr>(expr);
    visit(comp.element);
    visit(comp.value);
    for (const ComprehensionClause &clause : comp.clauses) {
      visit(clause.iter);
      visitAll(clause.conditions);
    }
    return;
  }
  case Expr::Kind::FString:
    for (const FStringExpr::Part &part : llvm::cast<FStringExpr>(expr).parts) {
      visit(part.value);
      if (part.spec)
        fn(*part.spec);
    }
    return;
  default: // literals, names, lambdas (their own scope), unsupported
    return;
  }
}

void ast::forEachChildBlock(const Stmt &stmt,
                            llvm::function_ref<void(const Block &)> fn) {
  if (auto *ifStmt = llvm::dyn_cast<IfStmt>(&stmt)) {
    fn(ifStmt->body);
    fn(ifStmt->orElse);
  } else if (auto *whileStmt = llvm::dyn_cast<WhileStmt>(&stmt)) {
    fn(whileStmt->body);
    fn(whileStmt->orElse);
  } else if (auto *forStmt = llvm::dyn_cast<ForStmt>(&stmt)) {
    fn(forStmt->body);
    fn(forStmt->orElse);
  } else if (auto *tryStmt = llvm::dyn_cast<TryStmt>(&stmt)) {
    fn(tryStmt->body);
    for (const ExceptHandler &handler : tryStmt->handlers)
      fn(handler.body);
    fn(tryStmt->orElse);
    fn(tryStmt->finalBody);
  } else if (auto *with = llvm::dyn_cast<WithStmt>(&stmt)) {
    fn(with->body);
  }
}

//===----------------------------------------------------------------------===//
// Dump
//===----------------------------------------------------------------------===//

namespace {

class ASTDumper {
public:
  explicit ASTDumper(llvm::raw_ostream &os) : os(os) {}

  void dumpModule(const Module &module);

private:
  /// Starts a node's line at the current depth, after its role label.
  llvm::raw_ostream &line(StringRef role = "");
  void dumpBlock(StringRef label, const Block &block);
  void dumpStmt(const Stmt &stmt);
  void dumpExpr(const Expr &expr, StringRef role = "");
  void dumpExprs(const std::vector<ExprPtr> &exprs);
  void dumpOptional(const ExprPtr &expr, StringRef role);

  /// Indents the lines printed while it lives by one level.
  struct Nested {
    explicit Nested(ASTDumper &dumper) : dumper(dumper) { ++dumper.depth; }
    ~Nested() { --dumper.depth; }
    ASTDumper &dumper;
  };

  llvm::raw_ostream &os;
  unsigned depth = 0;
};

} // namespace

/// `text` between `quote`s with the escapes Python uses for control
/// characters; UTF-8 passes through so dumps stay readable for non-ASCII
/// strings.
void roast::ast::printQuoted(llvm::raw_ostream &os, StringRef text,
                             char quote) {
  os << quote;
  for (unsigned char c : text) {
    switch (c) {
    case '\n':
      os << "\\n";
      break;
    case '\r':
      os << "\\r";
      break;
    case '\t':
      os << "\\t";
      break;
    case '\\':
      os << "\\\\";
      break;
    default:
      if (c == static_cast<unsigned char>(quote))
        os << '\\' << quote;
      else if (c < 0x20 || c == 0x7F)
        os << "\\x" << llvm::utohexstr(c, /*LowerCase=*/true, /*Width=*/2);
      else
        os << c;
    }
  }
  os << quote;
}

static void printStringLiteral(llvm::raw_ostream &os, StringRef text) {
  roast::ast::printQuoted(os, text, '"');
}

/// Python's repr of a float: the fewest digits that read back as the same
/// double, in positional notation unless the exponent is below -4 or above
/// 15 (`1000.0`, `0.1`, `1e+16`, `1.5e-05`), so the dump is exact and
/// reads like the source.
static void printFloat(llvm::raw_ostream &os, double value) {
  if (std::isnan(value)) {
    os << "nan";
    return;
  }
  if (std::isinf(value)) {
    os << (value < 0 ? "-inf" : "inf");
    return;
  }
  char buffer[64];
  int digits = 1;
  for (; digits < 17; ++digits) {
    std::snprintf(buffer, sizeof(buffer), "%.*e", digits - 1, value);
    if (std::strtod(buffer, nullptr) == value)
      break;
  }
  std::snprintf(buffer, sizeof(buffer), "%.*e", digits - 1, value);
  int exponent = std::atoi(std::strchr(buffer, 'e') + 1);
  if (exponent < -4 || exponent >= 16) {
    os << buffer;
    return;
  }
  std::snprintf(buffer, sizeof(buffer), "%.*f",
                std::max(digits - 1 - exponent, 0), value);
  os << buffer;
  if (!std::strchr(buffer, '.'))
    os << ".0";
}

llvm::raw_ostream &ASTDumper::line(StringRef role) {
  os.indent(2 * depth);
  if (!role.empty())
    os << role << ": ";
  return os;
}

void ASTDumper::dumpModule(const Module &module) {
  line() << "Module\n";
  Nested nested(*this);
  for (const StmtPtr &stmt : module.body)
    dumpStmt(*stmt);
}

void ASTDumper::dumpBlock(StringRef label, const Block &block) {
  line() << label << '\n';
  Nested nested(*this);
  for (const StmtPtr &stmt : block)
    dumpStmt(*stmt);
}

void ASTDumper::dumpExprs(const std::vector<ExprPtr> &exprs) {
  for (const ExprPtr &expr : exprs)
    dumpExpr(*expr);
}

void ASTDumper::dumpOptional(const ExprPtr &expr, StringRef role) {
  if (expr)
    dumpExpr(*expr, role);
}

void ASTDumper::dumpStmt(const Stmt &stmt) {
  switch (stmt.getKind()) {
  case Stmt::Kind::Expr: {
    line() << "ExprStmt\n";
    Nested nested(*this);
    dumpExpr(*llvm::cast<ExprStmt>(stmt).value);
    return;
  }
  case Stmt::Kind::Assign: {
    const auto &assign = llvm::cast<AssignStmt>(stmt);
    line() << "Assign\n";
    Nested nested(*this);
    for (const ExprPtr &target : assign.targets)
      dumpExpr(*target, "target");
    dumpExpr(*assign.value, "value");
    return;
  }
  case Stmt::Kind::AnnAssign: {
    const auto &assign = llvm::cast<AnnAssignStmt>(stmt);
    line() << "AnnAssign\n";
    Nested nested(*this);
    dumpExpr(*assign.target, "target");
    dumpExpr(*assign.annotation, "annotation");
    dumpOptional(assign.value, "value");
    return;
  }
  case Stmt::Kind::AugAssign: {
    const auto &assign = llvm::cast<AugAssignStmt>(stmt);
    line() << "AugAssign " << spelling(assign.op) << "=\n";
    Nested nested(*this);
    dumpExpr(*assign.target, "target");
    dumpExpr(*assign.value, "value");
    return;
  }
  case Stmt::Kind::Pass:
    line() << "Pass\n";
    return;
  case Stmt::Kind::Break:
    line() << "Break\n";
    return;
  case Stmt::Kind::Continue:
    line() << "Continue\n";
    return;
  case Stmt::Kind::Return: {
    line() << "Return\n";
    Nested nested(*this);
    dumpOptional(llvm::cast<ReturnStmt>(stmt).value, "");
    return;
  }
  case Stmt::Kind::If: {
    const auto &ifStmt = llvm::cast<IfStmt>(stmt);
    line() << "If\n";
    Nested nested(*this);
    dumpExpr(*ifStmt.test, "test");
    dumpBlock("Body", ifStmt.body);
    if (!ifStmt.orElse.empty())
      dumpBlock("Else", ifStmt.orElse);
    return;
  }
  case Stmt::Kind::While: {
    const auto &whileStmt = llvm::cast<WhileStmt>(stmt);
    line() << "While\n";
    Nested nested(*this);
    dumpExpr(*whileStmt.test, "test");
    dumpBlock("Body", whileStmt.body);
    if (!whileStmt.orElse.empty())
      dumpBlock("Else", whileStmt.orElse);
    return;
  }
  case Stmt::Kind::For: {
    const auto &forStmt = llvm::cast<ForStmt>(stmt);
    line() << "For\n";
    Nested nested(*this);
    dumpExpr(*forStmt.target, "target");
    dumpExpr(*forStmt.iter, "iter");
    dumpBlock("Body", forStmt.body);
    if (!forStmt.orElse.empty())
      dumpBlock("Else", forStmt.orElse);
    return;
  }
  case Stmt::Kind::FunctionDef: {
    const auto &def = llvm::cast<FunctionDefStmt>(stmt);
    line() << "FunctionDef " << def.name << '\n';
    Nested nested(*this);
    for (const std::string &decorator : def.decorators)
      line() << "Decorator " << decorator << '\n';
    for (const Param &param : def.params) {
      line() << "Param " << param.name << '\n';
      Nested nestedParam(*this);
      dumpOptional(param.annotation, "annotation");
      dumpOptional(param.defaultValue, "default");
    }
    dumpOptional(def.returns, "returns");
    dumpBlock("Body", def.body);
    return;
  }
  case Stmt::Kind::Global:
  case Stmt::Kind::Nonlocal: {
    bool isGlobal = stmt.getKind() == Stmt::Kind::Global;
    const std::vector<std::string> &names =
        isGlobal ? llvm::cast<GlobalStmt>(stmt).names
                 : llvm::cast<NonlocalStmt>(stmt).names;
    line() << (isGlobal ? "Global " : "Nonlocal ") << llvm::join(names, ", ")
           << '\n';
    return;
  }
  case Stmt::Kind::Assert: {
    const auto &assertStmt = llvm::cast<AssertStmt>(stmt);
    line() << "Assert\n";
    Nested nested(*this);
    dumpExpr(*assertStmt.test, "test");
    dumpOptional(assertStmt.message, "message");
    return;
  }
  case Stmt::Kind::Import: {
    const auto &import = llvm::cast<ImportStmt>(stmt);
    line() << "Import";
    if (!import.from.empty())
      os << " from " << import.from;
    for (const ImportStmt::Name &name : import.names) {
      os << ' ' << name.name;
      if (!name.asName.empty())
        os << " as " << name.asName;
    }
    os << '\n';
    return;
  }
  case Stmt::Kind::Del: {
    line() << "Del\n";
    Nested nested(*this);
    dumpExprs(llvm::cast<DelStmt>(stmt).targets);
    return;
  }
  case Stmt::Kind::ClassDef: {
    const auto &def = llvm::cast<ClassDefStmt>(stmt);
    line() << "ClassDef " << def.name << '\n';
    Nested nested(*this);
    for (const std::string &decorator : def.decorators)
      line() << "Decorator " << decorator << '\n';
    for (const ExprPtr &base : def.bases)
      dumpExpr(*base, "base");
    dumpBlock("Body", def.body);
    return;
  }
  case Stmt::Kind::Try: {
    const auto &tryStmt = llvm::cast<TryStmt>(stmt);
    line() << "Try\n";
    Nested nested(*this);
    dumpBlock("Body", tryStmt.body);
    for (const ExceptHandler &handler : tryStmt.handlers) {
      line() << "Except";
      if (!handler.name.empty())
        os << " as " << handler.name;
      os << '\n';
      Nested nestedHandler(*this);
      dumpOptional(handler.type, "type");
      dumpBlock("Body", handler.body);
    }
    if (!tryStmt.orElse.empty())
      dumpBlock("Else", tryStmt.orElse);
    if (!tryStmt.finalBody.empty())
      dumpBlock("Finally", tryStmt.finalBody);
    return;
  }
  case Stmt::Kind::Raise: {
    const auto &raise = llvm::cast<RaiseStmt>(stmt);
    line() << "Raise\n";
    Nested nested(*this);
    dumpOptional(raise.exc, "exc");
    dumpOptional(raise.cause, "cause");
    return;
  }
  case Stmt::Kind::With: {
    const auto &with = llvm::cast<WithStmt>(stmt);
    line() << "With\n";
    Nested nested(*this);
    for (const WithItem &item : with.items) {
      line() << "Item\n";
      Nested nestedItem(*this);
      dumpExpr(*item.context, "context");
      dumpOptional(item.target, "target");
    }
    dumpBlock("Body", with.body);
    return;
  }
  case Stmt::Kind::Unsupported:
    line() << "UnsupportedStmt ";
    printStringLiteral(os, llvm::cast<UnsupportedStmt>(stmt).what);
    os << '\n';
    return;
  }
  llvm_unreachable("unknown statement kind");
}

void ASTDumper::dumpExpr(const Expr &expr, StringRef role) {
  llvm::raw_ostream &out = line(role);
  switch (expr.getKind()) {
  case Expr::Kind::IntLit: {
    const auto &lit = llvm::cast<IntLitExpr>(expr);
    out << "IntLit " << lit.value;
    if (!lit.fitsInt64)
      out << " (exceeds int64)";
    out << '\n';
    return;
  }
  case Expr::Kind::FloatLit:
    out << "FloatLit ";
    printFloat(out, llvm::cast<FloatLitExpr>(expr).value);
    out << '\n';
    return;
  case Expr::Kind::BoolLit:
    out << "BoolLit "
        << (llvm::cast<BoolLitExpr>(expr).value ? "True" : "False") << '\n';
    return;
  case Expr::Kind::NoneLit:
    out << "NoneLit\n";
    return;
  case Expr::Kind::StrLit:
    out << "StrLit ";
    printStringLiteral(out, llvm::cast<StrLitExpr>(expr).value);
    out << '\n';
    return;
  case Expr::Kind::Name:
    out << "Name " << llvm::cast<NameExpr>(expr).name << '\n';
    return;
  case Expr::Kind::Unary: {
    const auto &unary = llvm::cast<UnaryExpr>(expr);
    out << "Unary " << spelling(unary.op) << '\n';
    Nested nested(*this);
    dumpExpr(*unary.operand);
    return;
  }
  case Expr::Kind::Binary: {
    const auto &binary = llvm::cast<BinaryExpr>(expr);
    out << "Binary " << spelling(binary.op) << '\n';
    Nested nested(*this);
    dumpExpr(*binary.lhs);
    dumpExpr(*binary.rhs);
    return;
  }
  case Expr::Kind::BoolOp: {
    const auto &boolOp = llvm::cast<BoolOpExpr>(expr);
    out << "BoolOp " << spelling(boolOp.op) << '\n';
    Nested nested(*this);
    dumpExprs(boolOp.values);
    return;
  }
  case Expr::Kind::Compare: {
    const auto &compare = llvm::cast<CompareExpr>(expr);
    out << "Compare";
    for (CmpOp op : compare.ops)
      out << ' ' << spelling(op);
    out << '\n';
    Nested nested(*this);
    dumpExpr(*compare.left);
    dumpExprs(compare.comparators);
    return;
  }
  case Expr::Kind::IfExp: {
    const auto &ifExp = llvm::cast<IfExpExpr>(expr);
    out << "IfExp\n";
    Nested nested(*this);
    dumpExpr(*ifExp.test, "test");
    dumpExpr(*ifExp.body, "body");
    dumpExpr(*ifExp.orElse, "else");
    return;
  }
  case Expr::Kind::Call: {
    const auto &call = llvm::cast<CallExpr>(expr);
    out << "Call\n";
    Nested nested(*this);
    dumpExpr(*call.callee, "callee");
    dumpExprs(call.args);
    for (const Keyword &keyword : call.keywords)
      dumpExpr(*keyword.value, "keyword " + keyword.name);
    return;
  }
  case Expr::Kind::Attribute: {
    const auto &attr = llvm::cast<AttributeExpr>(expr);
    out << "Attribute " << attr.attr << '\n';
    Nested nested(*this);
    dumpExpr(*attr.value);
    return;
  }
  case Expr::Kind::Subscript: {
    const auto &subscript = llvm::cast<SubscriptExpr>(expr);
    out << "Subscript\n";
    Nested nested(*this);
    dumpExpr(*subscript.value, "value");
    dumpExpr(*subscript.index, "index");
    return;
  }
  case Expr::Kind::Slice: {
    const auto &slice = llvm::cast<SliceExpr>(expr);
    out << "Slice\n";
    Nested nested(*this);
    dumpOptional(slice.lower, "lower");
    dumpOptional(slice.upper, "upper");
    dumpOptional(slice.step, "step");
    return;
  }
  case Expr::Kind::Tuple:
    out << "Tuple\n";
    {
      Nested nested(*this);
      dumpExprs(llvm::cast<TupleExpr>(expr).elts);
    }
    return;
  case Expr::Kind::List:
    out << "List\n";
    {
      Nested nested(*this);
      dumpExprs(llvm::cast<ListExpr>(expr).elts);
    }
    return;
  case Expr::Kind::Set:
    out << "Set\n";
    {
      Nested nested(*this);
      dumpExprs(llvm::cast<SetExpr>(expr).elts);
    }
    return;
  case Expr::Kind::Dict: {
    const auto &dict = llvm::cast<DictExpr>(expr);
    out << "Dict\n";
    Nested nested(*this);
    for (size_t i = 0, e = dict.keys.size(); i != e; ++i) {
      dumpExpr(*dict.keys[i], "key");
      dumpExpr(*dict.values[i], "value");
    }
    return;
  }
  case Expr::Kind::Lambda: {
    const auto &lambda = llvm::cast<LambdaExpr>(expr);
    out << "Lambda";
    for (const Param &param : lambda.params)
      out << ' ' << param.name;
    out << '\n';
    Nested nested(*this);
    dumpExpr(*lambda.body, "body");
    return;
  }
  case Expr::Kind::Comprehension: {
    const auto &comp = llvm::cast<ComprehensionExpr>(expr);
    static const char *const forms[] = {"List", "Set", "Dict", "Generator"};
    out << forms[int(comp.form)] << "Comprehension\n";
    Nested nested(*this);
    dumpExpr(*comp.element, comp.value ? "key" : "element");
    if (comp.value)
      dumpExpr(*comp.value, "value");
    for (const ComprehensionClause &clause : comp.clauses) {
      dumpExpr(*clause.target, "for");
      dumpExpr(*clause.iter, "in");
      for (const ExprPtr &condition : clause.conditions)
        dumpExpr(*condition, "if");
    }
    return;
  }
  case Expr::Kind::FString: {
    out << "FString\n";
    Nested nested(*this);
    for (const FStringExpr::Part &part : llvm::cast<FStringExpr>(expr).parts) {
      if (!part.value) {
        line("literal");
        printStringLiteral(os, part.literal);
        os << '\n';
        continue;
      }
      dumpExpr(*part.value, part.conversion
                                ? StringRef(part.conversion == 'r'   ? "!r"
                                            : part.conversion == 's' ? "!s"
                                                                     : "!a")
                                : StringRef("field"));
      if (part.spec)
        dumpExpr(*part.spec, "spec");
    }
    return;
  }
  case Expr::Kind::Unsupported:
    out << "UnsupportedExpr ";
    printStringLiteral(out, llvm::cast<UnsupportedExpr>(expr).what);
    out << '\n';
    return;
  }
  llvm_unreachable("unknown expression kind");
}

void ast::dump(const Module &module, llvm::raw_ostream &os) {
  ASTDumper(os).dumpModule(module);
}
