//===- Parser.cpp - Roast parser ------------------------------------------===//
//
// Recursive descent over Python 3.12's grammar: one function per rule of the
// reference grammar (docs.python.org/3.12/reference/grammar.html), named
// after it. Error recovery is panic mode at statement granularity: the first
// syntax error of a statement is reported, the rest of its logical line is
// skipped, and parsing resumes with the next statement.
//
//===----------------------------------------------------------------------===//

#include "Roast/Parse/Parser.h"
#include "Roast/Basic/Diagnostics.h"
#include "Roast/Parse/Lexer.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/SourceMgr.h"

#include <deque>
#include <optional>

using namespace roast;
using namespace roast::ast;
using llvm::SMLoc;
using llvm::StringRef;
using llvm::Twine;

namespace {

/// Deeper nesting than this is reported instead of recursed into: the
/// parser, every later pass and the AST's destructors recurse over the tree.
constexpr unsigned kMaxNestingDepth = 200;
/// Left-deep chains (`a + b + ...`, `f()()...`, elif ladders) nest the tree
/// as deeply as brackets do; this caps the nodes one statement may chain.
constexpr unsigned kMaxChainLength = 5000;

// What UnsupportedExpr / UnsupportedStmt record; Sema words its errors as
// "<what> are not supported".
constexpr llvm::StringLiteral kStarred("starred expressions");

class Parser {
public:
  Parser(llvm::SourceMgr &sourceMgr, unsigned bufferId, DiagEngine &diags);
  /// A parser for the expression of an f-string field, `[begin, end)` of a
  /// buffer, so that its locations point into the source.
  Parser(llvm::SourceMgr &sourceMgr, DiagEngine &diags, const char *begin,
         const char *end);
  ExprPtr parseFieldExpression();
  /// An annotation; a string annotation (`"Node | None"`, a forward
  /// reference) is parsed as the expression it holds.
  ExprPtr parseAnnotation();

  std::unique_ptr<Module> parseModule();

private:
  //===--------------------------------------------------------------------===//
  // Token stream
  //===--------------------------------------------------------------------===//

  void consume();
  bool consumeIf(TokenKind kind);
  /// The token `n` places after the current one.
  const Token &peek(unsigned n = 1);
  bool expect(TokenKind kind);
  bool expectClosing(TokenKind closer, SMLoc openLoc);
  bool expectName(std::string *name = nullptr);
  bool startsExpression(const Token &token) const;
  bool startsComprehension();

  //===--------------------------------------------------------------------===//
  // Diagnostics and recovery
  //===--------------------------------------------------------------------===//

  void syntaxError(SMLoc loc, const Twine &message);
  void reportUnexpectedToken();
  void error(SMLoc loc, const Twine &message);
  bool isExplainedByLexer(SMLoc loc) const;
  void synchronize(unsigned statementStart);
  unsigned lineOf(SMLoc loc) const;
  bool checkNesting();
  bool extendChain();
  bool checkTarget(const Expr &target, StringRef action);
  bool checkSingleTarget(const Expr &target, bool annotated);

  /// Counts recursion through the nesting rules for the guard above.
  struct NestingScope {
    explicit NestingScope(Parser &parser) : parser(parser) {
      ++parser.nestingDepth;
    }
    ~NestingScope() { --parser.nestingDepth; }
    Parser &parser;
  };

  //===--------------------------------------------------------------------===//
  // Statements
  //===--------------------------------------------------------------------===//

  void parseStatements(Block &block);
  void parseStatementOrRecover(Block &block);
  void parseStatement(Block &block);
  bool parseBlock(Block &body, StringRef construct, SMLoc headerLoc);
  void parseIndentedBlock(Block &body);
  bool parseElseBlock(Block &orElse);
  void parseSimpleStmts(Block &block);
  StmtPtr parseSimpleStmt();
  StmtPtr parseCompoundStmt();
  StmtPtr parseExpressionStmt();
  StmtPtr parseAssignment(SMLoc loc, ExprPtr first);
  StmtPtr parseAnnotatedAssignment(SMLoc loc, ExprPtr target);
  StmtPtr parseAugmentedAssignment(SMLoc loc, ExprPtr target, BinaryOp op);
  ExprPtr parseAnnotatedRhs();
  StmtPtr parseReturnStmt();
  StmtPtr parseGlobalStmt();
  StmtPtr parseNonlocalStmt();
  bool parseNameList(std::vector<std::string> &names);
  StmtPtr parseImportName();
  StmtPtr parseImportFrom();
  bool parseDottedName(std::string &name);
  StmtPtr
  parseFutureImport(SMLoc loc,
                    llvm::ArrayRef<std::pair<std::string, SMLoc>> names);
  StmtPtr parseRaiseStmt();
  StmtPtr parseAssertStmt();
  StmtPtr parseDelStmt();
  StmtPtr parseTypeAlias();
  StmtPtr parseIfStmt();
  StmtPtr parseWhileStmt();
  StmtPtr parseForStmt();
  StmtPtr parseDecorated();
  StmtPtr parseFunctionDef(std::vector<std::string> decorators);
  bool parseParameters(std::vector<Param> &params, bool isLambda,
                       TokenKind terminator);
  bool parseTypeParams(std::vector<TypeParam> *params = nullptr);
  StmtPtr parseClassDef();
  StmtPtr parseTryStmt();
  StmtPtr parseWithStmt();
  bool parseWithItem(std::vector<WithItem> &items);
  bool isParenthesizedWithItems();
  StmtPtr parseAsyncStmt();
  bool isMatchStmtStart();
  StmtPtr parseMatchStmt();
  void parseCaseBlock();
  bool isTypeAliasStart();

  //===--------------------------------------------------------------------===//
  // Expressions
  //===--------------------------------------------------------------------===//

  ExprPtr parseStarExpressions();
  ExprPtr parseStarExpression();
  ExprPtr parseStarNamedExpression();
  ExprPtr parseNamedExpression();
  ExprPtr parseExpression();
  ExprPtr parseLambdef();
  ExprPtr parseYieldExpr();
  ExprPtr parseDisjunction();
  ExprPtr parseConjunction();
  ExprPtr parseBoolOpChain(TokenKind keyword, BoolOpKind kind,
                           ExprPtr (Parser::*parseOperand)());
  ExprPtr parseInversion();
  ExprPtr parseComparison();
  std::optional<CmpOp> parseCompareOp();
  ExprPtr parseBitwiseOr();
  ExprPtr parseBitwiseXor();
  ExprPtr parseBitwiseAnd();
  ExprPtr parseShiftExpr();
  ExprPtr parseSum();
  ExprPtr parseTerm();
  ExprPtr
  parseLeftAssociative(ExprPtr (Parser::*parseOperand)(),
                       llvm::ArrayRef<std::pair<TokenKind, BinaryOp>> ops);
  ExprPtr parseFactor();
  ExprPtr parsePower();
  ExprPtr parseAwaitPrimary();
  ExprPtr parsePrimary();
  ExprPtr parseCall(ExprPtr callee);
  bool parseArguments(std::vector<ExprPtr> &args,
                      std::vector<Keyword> &keywords);
  ExprPtr parseSubscript(ExprPtr value);
  ExprPtr parseSlices();
  ExprPtr parseSlice();
  ExprPtr parseAtom();
  ExprPtr parseStrings();
  bool parseFStringBody(const char *begin, const char *end, bool raw,
                        FStringExpr &out);
  ExprPtr parseTupleGroupOrGenexp();
  ExprPtr parseListOrListcomp();
  ExprPtr parseDictOrSet();
  ExprPtr parseDict(SMLoc openLoc, ExprPtr firstKey);
  bool parseDoubleStarredKvpair(std::vector<ExprPtr> &keys,
                                std::vector<ExprPtr> &values);
  bool parseForIfClauses(std::vector<ComprehensionClause> &clauses);
  ExprPtr parseComprehension(SMLoc openLoc, ComprehensionExpr::Form form,
                             ExprPtr element, ExprPtr value,
                             TokenKind closing);
  ExprPtr parseStarTargets();
  ExprPtr parseStarTarget();

  Lexer lexer;
  DiagEngine &diags;
  llvm::SourceMgr &sourceMgr;
  std::string fileName;
  const char *bufferEnd;

  Token tok;
  std::deque<Token> lookahead;
  TokenKind prevKind = TokenKind::newline;
  const char *prevEnd = nullptr;
  unsigned numConsumed = 0;

  /// Set by a syntax error until the statement is abandoned; further syntax
  /// errors meanwhile would only be consequences of the first.
  bool recovering = false;
  /// The statement's syntax error, held back until recovery has seen the
  /// rest of the line: if the input ends inside an unclosed bracket, that
  /// bracket is the real mistake, as in CPython.
  struct PendingError {
    SMLoc loc;
    std::string message;
  };
  std::optional<PendingError> pendingError;
  /// Two errors at one place are one mistake seen twice (a block that both
  /// fails to start and fails to end with `except`, say).
  SMLoc lastErrorLoc;
  /// Brackets the parser has opened in this statement; tells an unmatched
  /// closer from one that ends an expression too early.
  unsigned openBrackets = 0;
  unsigned nestingDepth = 0;
  unsigned chainLength = 0;
  unsigned lexerErrorsAtStatementStart = 0;
  unsigned errorsAtBlockStart = 0;
};

} // namespace

//===----------------------------------------------------------------------===//
// Token stream
//===----------------------------------------------------------------------===//

Parser::Parser(llvm::SourceMgr &sourceMgr, unsigned bufferId, DiagEngine &diags)
    : lexer(sourceMgr, bufferId, diags), diags(diags), sourceMgr(sourceMgr) {
  const llvm::MemoryBuffer *buffer = sourceMgr.getMemoryBuffer(bufferId);
  fileName = buffer->getBufferIdentifier().str();
  bufferEnd = buffer->getBufferEnd();
  tok = lexer.next();
}

Parser::Parser(llvm::SourceMgr &sourceMgr, DiagEngine &diags,
               const char *begin, const char *end)
    : lexer(diags, begin, end), diags(diags), sourceMgr(sourceMgr) {
  bufferEnd = end;
  tok = lexer.next();
}

/// The expression of a replacement field: everything up to the field's
/// `!`, `:` or `}`.
ExprPtr Parser::parseFieldExpression() {
  if (tok.isAny(TokenKind::newline, TokenKind::eof)) {
    syntaxError(tok.loc, "f-string: valid expression required before '}'");
    return nullptr;
  }
  ExprPtr expr = parseStarExpressions();
  if (expr && !tok.isAny(TokenKind::newline, TokenKind::eof)) {
    syntaxError(tok.loc, "f-string: expecting '}'");
    return nullptr;
  }
  return expr;
}

ExprPtr Parser::parseAnnotation() {
  ExprPtr annotation = parseExpression();
  auto *text = llvm::dyn_cast_or_null<StrLitExpr>(annotation.get());
  if (!text)
    return annotation;
  // Only a plain '...' or "..." literal maps its value back to the source,
  // so that the expression's locations point into it; others stay strings.
  const char *quote = text->getLoc().getPointer();
  const char *begin = quote + 1, *end = begin + text->value.size();
  if ((*quote != '\'' && *quote != '"') || end >= bufferEnd || *end != *quote ||
      llvm::StringRef(begin, end - begin) != text->value)
    return annotation;
  Parser sub(sourceMgr, diags, begin, end);
  ExprPtr parsed = sub.parseExpression();
  if (parsed && !sub.tok.isAny(TokenKind::newline, TokenKind::eof))
    parsed = nullptr;
  if (!parsed) // the statement's one error: the string's first mistake
    syntaxError(sub.pendingError ? sub.pendingError->loc : sub.tok.loc,
                sub.pendingError ? sub.pendingError->message
                                 : "invalid syntax in string annotation");
  return parsed;
}

void Parser::consume() {
  prevKind = tok.kind;
  prevEnd = tok.spelling.end();
  ++numConsumed;
  if (lookahead.empty()) {
    tok = lexer.next();
  } else {
    tok = std::move(lookahead.front());
    lookahead.pop_front();
  }
}

bool Parser::consumeIf(TokenKind kind) {
  if (!tok.is(kind))
    return false;
  consume();
  return true;
}

const Token &Parser::peek(unsigned n) {
  while (lookahead.size() < n)
    lookahead.push_back(lexer.next());
  return lookahead[n - 1];
}

bool Parser::expect(TokenKind kind) {
  if (consumeIf(kind))
    return true;
  syntaxError(tok.loc, "expected '" + getTokenSpelling(kind) + "'");
  return false;
}

bool Parser::expectName(std::string *name) {
  if (!tok.is(TokenKind::name)) {
    reportUnexpectedToken();
    return false;
  }
  if (name)
    *name = tok.spelling.str();
  consume();
  return true;
}

/// Closes a bracket the parser opened at `openLoc`, or explains, as CPython
/// does, why the current token cannot close it.
bool Parser::expectClosing(TokenKind closer, SMLoc openLoc) {
  if (consumeIf(closer)) {
    if (openBrackets)
      --openBrackets;
    return true;
  }
  StringRef open = closer == TokenKind::r_paren    ? "("
                   : closer == TokenKind::r_square ? "["
                                                   : "{";
  if (tok.isAny(TokenKind::newline, TokenKind::eof)) {
    // Inside brackets the lexer emits NEWLINE only at end of file.
    syntaxError(openLoc, "'" + open + "' was never closed");
  } else if (tok.isAny(TokenKind::r_paren, TokenKind::r_square,
                       TokenKind::r_brace)) {
    syntaxError(tok.loc, "closing parenthesis '" + tok.spelling +
                             "' does not match opening parenthesis '" + open +
                             "'");
  } else if (startsExpression(tok)) {
    syntaxError(tok.loc, "invalid syntax. Perhaps you forgot a comma?");
  } else {
    syntaxError(tok.loc, "expected '" + getTokenSpelling(closer) + "'");
  }
  return false;
}

bool Parser::startsExpression(const Token &token) const {
  switch (token.kind) {
  case TokenKind::name:
  case TokenKind::integer:
  case TokenKind::floating:
  case TokenKind::imaginary:
  case TokenKind::string:
  case TokenKind::fstring:
  case TokenKind::kw_True:
  case TokenKind::kw_False:
  case TokenKind::kw_None:
  case TokenKind::kw_not:
  case TokenKind::kw_lambda:
  case TokenKind::kw_await:
  case TokenKind::l_paren:
  case TokenKind::l_square:
  case TokenKind::l_brace:
  case TokenKind::minus:
  case TokenKind::plus:
  case TokenKind::tilde:
  case TokenKind::ellipsis:
    return true;
  default:
    return false;
  }
}

bool Parser::startsComprehension() {
  return tok.is(TokenKind::kw_for) ||
         (tok.is(TokenKind::kw_async) && peek().is(TokenKind::kw_for));
}

//===----------------------------------------------------------------------===//
// Diagnostics and recovery
//===----------------------------------------------------------------------===//

/// Records a syntax error and starts recovery; synchronize() reports it.
/// Silent while recovering, and at an `error` token, which the lexer has
/// already diagnosed.
void Parser::syntaxError(SMLoc loc, const Twine &message) {
  if (!recovering && !tok.is(TokenKind::error) && !isExplainedByLexer(loc) &&
      loc != lastErrorLoc)
    pendingError = PendingError{loc, message.str()};
  recovering = true;
}

/// The lexer has explained an error if it reported one in the statement
/// (`x = 1abc` need not also be "invalid syntax"), or rejected the
/// indentation of the line the error is at the start of (a block that
/// seems to end early or never start).
bool Parser::isExplainedByLexer(SMLoc loc) const {
  return lexer.getNumErrors() != lexerErrorsAtStatementStart ||
         loc.getPointer() == lexer.getLastIndentationError();
}

void Parser::reportUnexpectedToken() {
  if (tok.isAny(TokenKind::r_paren, TokenKind::r_square, TokenKind::r_brace) &&
      openBrackets == 0)
    syntaxError(tok.loc, "unmatched '" + tok.spelling + "'");
  else
    syntaxError(tok.loc, "invalid syntax");
}

/// Reports an error that leaves the parse on track (a misplaced default, an
/// unsupported parameter kind): no recovery needed.
void Parser::error(SMLoc loc, const Twine &message) {
  if (recovering || isExplainedByLexer(loc) || loc == lastErrorLoc)
    return;
  diags.error(loc, message);
  lastErrorLoc = loc;
}

unsigned Parser::lineOf(SMLoc loc) const {
  return sourceMgr.getLineAndColumn(loc).first;
}

/// Abandons a statement after a syntax error: skips to the end of its
/// logical line, and past the indented body of a compound statement whose
/// header was broken.
void Parser::synchronize(unsigned statementStart) {
  // Make progress even if the statement failed at its first token.
  if (numConsumed == statementStart &&
      !tok.isAny(TokenKind::eof, TokenKind::dedent, TokenKind::indent))
    consume();
  while (
      !tok.is(TokenKind::eof) &&
      !llvm::is_contained(
          {TokenKind::newline, TokenKind::indent, TokenKind::dedent}, prevKind))
    consume();
  recovering = false;
  if (pendingError) {
    PendingError report = std::move(*pendingError);
    pendingError.reset();
    if (std::optional<SMLoc> bracket = lexer.getUnclosedBracket()) {
      report.loc = *bracket;
      report.message =
          "'" + std::string(1, *bracket->getPointer()) + "' was never closed";
    }
    if (report.loc != lastErrorLoc)
      diags.error(report.loc, report.message);
    lastErrorLoc = report.loc;
  }
  // The body of a broken header is parsed (its own errors are real ones)
  // and dropped, rather than reported as an unexpected indent; so are the
  // `elif`/`else`/`except`/`finally` clauses that belong to it.
  while (true) {
    if (tok.is(TokenKind::indent)) {
      Block discarded;
      parseIndentedBlock(discarded);
    }
    if (!tok.isAny(TokenKind::kw_elif, TokenKind::kw_else, TokenKind::kw_except,
                   TokenKind::kw_finally))
      break;
    while (!tok.isAny(TokenKind::newline, TokenKind::eof))
      consume();
    consumeIf(TokenKind::newline);
  }
}

bool Parser::checkNesting() {
  if (nestingDepth <= kMaxNestingDepth)
    return true;
  syntaxError(tok.loc, "expression is too deeply nested");
  return false;
}

bool Parser::extendChain() {
  if (++chainLength <= kMaxChainLength)
    return true;
  syntaxError(tok.loc, "expression is too deeply nested");
  return false;
}

/// How CPython names an expression that cannot be assigned to.
static std::string describeTarget(const Expr &expr) {
  switch (expr.getKind()) {
  case Expr::Kind::IntLit:
  case Expr::Kind::FloatLit:
  case Expr::Kind::StrLit:
    return "literal";
  case Expr::Kind::BoolLit:
    return llvm::cast<BoolLitExpr>(expr).value ? "True" : "False";
  case Expr::Kind::NoneLit:
    return "None";
  case Expr::Kind::Compare:
    return "comparison";
  case Expr::Kind::IfExp:
    return "conditional expression";
  case Expr::Kind::Call:
    return "function call";
  case Expr::Kind::Tuple:
    return "tuple";
  case Expr::Kind::List:
    return "list";
  case Expr::Kind::Set:
    return "set display";
  case Expr::Kind::Dict:
    return "dict literal";
  case Expr::Kind::Lambda:
    return "lambda";
  case Expr::Kind::Comprehension:
    switch (llvm::cast<ComprehensionExpr>(expr).form) {
    case ComprehensionExpr::Form::List: return "list comprehension";
    case ComprehensionExpr::Form::Set: return "set comprehension";
    case ComprehensionExpr::Form::Dict: return "dict comprehension";
    case ComprehensionExpr::Form::Generator: return "generator expression";
    }
    break;
  case Expr::Kind::Unsupported:
    return llvm::StringSwitch<std::string>(
               llvm::cast<UnsupportedExpr>(expr).what)
        .Case("lambda expressions", "lambda")
        .Case("list comprehensions", "list comprehension")
        .Case("set comprehensions", "set comprehension")
        .Case("dict comprehensions", "dict comprehension")
        .Case("generator expressions", "generator expression")
        .Case("f-strings", "f-string expression")
        .Case("walrus expressions", "named expression")
        .Case("yield expressions", "yield expression")
        .Case("await expressions", "await expression")
        .Case("ellipsis literals", "ellipsis")
        .Case("complex numbers", "literal")
        .Case(kStarred, "starred")
        .Default("expression");
  default:
    return "expression";
  }
}

/// Checks an assignment, `for` or `del` target. Sema may rely on targets
/// being names, attributes, subscripts, and tuples or lists of those.
bool Parser::checkTarget(const Expr &target, StringRef action) {
  switch (target.getKind()) {
  case Expr::Kind::Name:
  case Expr::Kind::Attribute:
  case Expr::Kind::Subscript:
    return true;
  case Expr::Kind::Tuple:
    for (const ExprPtr &elt : llvm::cast<TupleExpr>(target).elts)
      if (!checkTarget(*elt, action))
        return false;
    return true;
  case Expr::Kind::List:
    for (const ExprPtr &elt : llvm::cast<ListExpr>(target).elts)
      if (!checkTarget(*elt, action))
        return false;
    return true;
  case Expr::Kind::Unsupported:
    if (llvm::cast<UnsupportedExpr>(target).what == kStarred &&
        action == "assign to")
      return true;
    break;
  default:
    break;
  }
  error(target.getLoc(), "cannot " + action + " " + describeTarget(target));
  return false;
}

/// Checks the target of an annotated or augmented assignment, which must be
/// a single name, attribute or subscript.
bool Parser::checkSingleTarget(const Expr &target, bool annotated) {
  if (llvm::isa<NameExpr, AttributeExpr, SubscriptExpr>(target))
    return true;
  std::string what = describeTarget(target);
  if (!annotated)
    error(target.getLoc(),
          "'" + what + "' is an illegal expression for augmented assignment");
  else if (llvm::isa<TupleExpr, ListExpr>(target))
    error(target.getLoc(),
          "only single target (not " + what + ") can be annotated");
  else
    error(target.getLoc(), "illegal target for annotation");
  return false;
}

//===----------------------------------------------------------------------===//
// Statements
//===----------------------------------------------------------------------===//

std::unique_ptr<Module> Parser::parseModule() {
  auto module = std::make_unique<Module>();
  module->fileName = fileName;
  while (!tok.is(TokenKind::eof)) {
    parseStatements(module->body);
    // The lexer balances INDENT and DEDENT, so this is only defensive.
    consumeIf(TokenKind::dedent);
  }
  return module;
}

/// statements: statement+, up to the DEDENT or EOF that ends the block.
void Parser::parseStatements(Block &block) {
  unsigned outerBlockErrors = errorsAtBlockStart;
  errorsAtBlockStart = diags.getNumErrors();
  while (!tok.isAny(TokenKind::dedent, TokenKind::eof))
    parseStatementOrRecover(block);
  errorsAtBlockStart = outerBlockErrors;
}

/// Parses one statement, or abandons it after a syntax error.
void Parser::parseStatementOrRecover(Block &block) {
  unsigned start = numConsumed;
  parseStatement(block);
  if (!recovering && numConsumed == start)
    reportUnexpectedToken(); // every path consumes or reports; defensive
  if (recovering)
    synchronize(start);
}

/// statement: compound_stmt | simple_stmts
void Parser::parseStatement(Block &block) {
  openBrackets = 0;
  chainLength = 0;
  lexerErrorsAtStatementStart = lexer.getNumErrors();
  if (tok.is(TokenKind::indent)) {
    error(tok.loc, "unexpected indent");
    parseIndentedBlock(block);
    return;
  }
  switch (tok.kind) {
  case TokenKind::kw_elif:
  case TokenKind::kw_else:
  case TokenKind::kw_except:
  case TokenKind::kw_finally:
    // An orphan clause; synchronize() skips it with any that follow. After
    // an earlier error in the block it is most likely one of its effects
    // (its statement was broken or mis-indented), so it goes unreported.
    if (diags.getNumErrors() != errorsAtBlockStart)
      recovering = true;
    else
      syntaxError(tok.loc, "invalid syntax");
    return;
  case TokenKind::kw_def:
  case TokenKind::at:
  case TokenKind::kw_if:
  case TokenKind::kw_while:
  case TokenKind::kw_for:
  case TokenKind::kw_class:
  case TokenKind::kw_try:
  case TokenKind::kw_with:
  case TokenKind::kw_async:
    break;
  default:
    if (!isMatchStmtStart()) {
      parseSimpleStmts(block);
      return;
    }
  }
  if (StmtPtr stmt = parseCompoundStmt())
    block.push_back(std::move(stmt));
}

/// block: NEWLINE INDENT statements DEDENT | simple_stmts
/// Returns false if a syntax error left the statement to be abandoned.
bool Parser::parseBlock(Block &body, StringRef construct, SMLoc headerLoc) {
  if (!tok.is(TokenKind::newline)) {
    parseSimpleStmts(body);
    return !recovering;
  }
  SMLoc newlineLoc = tok.loc;
  consume();
  if (!tok.is(TokenKind::indent)) {
    // At end of input, point at the header rather than past the last line.
    bool atEnd = tok.loc.getPointer() == bufferEnd;
    error(atEnd ? newlineLoc : tok.loc, "expected an indented block after " +
                                            construct + " on line " +
                                            Twine(lineOf(headerLoc)));
    // Most likely the body is there but not indented: take the next
    // statement as the body, so that a following `else:` still pairs up.
    if (!tok.isAny(TokenKind::dedent, TokenKind::eof))
      parseStatementOrRecover(body);
    return true;
  }
  parseIndentedBlock(body);
  return true;
}

void Parser::parseIndentedBlock(Block &body) {
  consume(); // INDENT
  parseStatements(body);
  consumeIf(TokenKind::dedent);
}

/// else_block: 'else' ':' block
bool Parser::parseElseBlock(Block &orElse) {
  SMLoc loc = tok.loc;
  consume();
  return expect(TokenKind::colon) &&
         parseBlock(orElse, "'else' statement", loc);
}

/// simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE
void Parser::parseSimpleStmts(Block &block) {
  while (true) {
    StmtPtr stmt = parseSimpleStmt();
    if (recovering)
      return;
    if (stmt)
      block.push_back(std::move(stmt));
    if (!consumeIf(TokenKind::semicolon) || tok.is(TokenKind::newline))
      break;
  }
  if (!tok.is(TokenKind::newline)) {
    reportUnexpectedToken();
    return;
  }
  consume();
}

/// simple_stmt. Returns null, without a syntax error, for statements that
/// produce no node (`from __future__ import annotations`) and for ones
/// already reported as invalid but fully parsed.
StmtPtr Parser::parseSimpleStmt() {
  SMLoc loc = tok.loc;
  switch (tok.kind) {
  case TokenKind::kw_pass:
    consume();
    return std::make_unique<PassStmt>(loc);
  case TokenKind::kw_break:
    consume();
    return std::make_unique<BreakStmt>(loc);
  case TokenKind::kw_continue:
    consume();
    return std::make_unique<ContinueStmt>(loc);
  case TokenKind::kw_return:
    return parseReturnStmt();
  case TokenKind::kw_global:
    return parseGlobalStmt();
  case TokenKind::kw_nonlocal:
    return parseNonlocalStmt();
  case TokenKind::kw_import:
    return parseImportName();
  case TokenKind::kw_from:
    return parseImportFrom();
  case TokenKind::kw_raise:
    return parseRaiseStmt();
  case TokenKind::kw_assert:
    return parseAssertStmt();
  case TokenKind::kw_del:
    return parseDelStmt();
  case TokenKind::name:
    if (isTypeAliasStart())
      return parseTypeAlias();
    break;
  default:
    break;
  }
  return parseExpressionStmt();
}

static std::optional<BinaryOp> getAugmentedOp(TokenKind kind) {
  switch (kind) {
  case TokenKind::plusequal:
    return BinaryOp::Add;
  case TokenKind::minusequal:
    return BinaryOp::Sub;
  case TokenKind::starequal:
    return BinaryOp::Mul;
  case TokenKind::slashequal:
    return BinaryOp::Div;
  case TokenKind::doubleslashequal:
    return BinaryOp::FloorDiv;
  case TokenKind::percentequal:
    return BinaryOp::Mod;
  case TokenKind::doublestarequal:
    return BinaryOp::Pow;
  case TokenKind::atequal:
    return BinaryOp::MatMul;
  case TokenKind::ampequal:
    return BinaryOp::BitAnd;
  case TokenKind::pipeequal:
    return BinaryOp::BitOr;
  case TokenKind::caretequal:
    return BinaryOp::BitXor;
  case TokenKind::lshiftequal:
    return BinaryOp::LShift;
  case TokenKind::rshiftequal:
    return BinaryOp::RShift;
  default:
    return std::nullopt;
  }
}

/// assignment | star_expressions: the first expression decides nothing;
/// what follows it (`=`, `:`, `+=`) does.
StmtPtr Parser::parseExpressionStmt() {
  SMLoc loc = tok.loc;
  ExprPtr first =
      tok.is(TokenKind::kw_yield) ? parseYieldExpr() : parseStarExpressions();
  if (!first)
    return nullptr;
  if (tok.is(TokenKind::colon))
    return parseAnnotatedAssignment(loc, std::move(first));
  if (std::optional<BinaryOp> op = getAugmentedOp(tok.kind))
    return parseAugmentedAssignment(loc, std::move(first), *op);
  if (tok.is(TokenKind::equal))
    return parseAssignment(loc, std::move(first));

  // Python 2's print statement is the most common way to get here.
  auto *name = llvm::dyn_cast<NameExpr>(first.get());
  if (name && (name->name == "print" || name->name == "exec") &&
      tok.isAny(TokenKind::name, TokenKind::string, TokenKind::integer,
                TokenKind::floating)) {
    syntaxError(name->getLoc(), "Missing parentheses in call to '" +
                                    name->name + "'. Did you mean " +
                                    name->name + "(...)?");
    return nullptr;
  }
  return std::make_unique<ExprStmt>(loc, std::move(first));
}

/// annotated_rhs: yield_expr | star_expressions
ExprPtr Parser::parseAnnotatedRhs() {
  return tok.is(TokenKind::kw_yield) ? parseYieldExpr()
                                     : parseStarExpressions();
}

/// (star_targets '=')+ (yield_expr | star_expressions)
StmtPtr Parser::parseAssignment(SMLoc loc, ExprPtr first) {
  std::vector<ExprPtr> targets;
  targets.push_back(std::move(first));
  while (consumeIf(TokenKind::equal)) {
    ExprPtr next = parseAnnotatedRhs();
    if (!next)
      return nullptr;
    targets.push_back(std::move(next));
  }
  ExprPtr value = std::move(targets.back());
  targets.pop_back();
  bool valid = true;
  for (const ExprPtr &target : targets)
    valid &= checkTarget(*target, "assign to");
  if (!valid)
    return nullptr;
  return std::make_unique<AssignStmt>(loc, std::move(targets),
                                      std::move(value));
}

/// single_target ':' expression ['=' annotated_rhs]
StmtPtr Parser::parseAnnotatedAssignment(SMLoc loc, ExprPtr target) {
  consume(); // ':'
  ExprPtr annotation = parseAnnotation();
  if (!annotation)
    return nullptr;
  ExprPtr value;
  if (consumeIf(TokenKind::equal) && !(value = parseAnnotatedRhs()))
    return nullptr;
  if (!checkSingleTarget(*target, /*annotated=*/true))
    return nullptr;
  return std::make_unique<AnnAssignStmt>(
      loc, std::move(target), std::move(annotation), std::move(value));
}

/// single_target augassign (yield_expr | star_expressions)
StmtPtr Parser::parseAugmentedAssignment(SMLoc loc, ExprPtr target,
                                         BinaryOp op) {
  consume(); // the operator
  ExprPtr value = parseAnnotatedRhs();
  if (!value)
    return nullptr;
  if (!checkSingleTarget(*target, /*annotated=*/false))
    return nullptr;
  return std::make_unique<AugAssignStmt>(loc, std::move(target), op,
                                         std::move(value));
}

/// return_stmt: 'return' [star_expressions]
StmtPtr Parser::parseReturnStmt() {
  SMLoc loc = tok.loc;
  consume();
  ExprPtr value;
  if (startsExpression(tok) || tok.is(TokenKind::star)) {
    value = parseStarExpressions();
    if (!value)
      return nullptr;
  }
  return std::make_unique<ReturnStmt>(loc, std::move(value));
}

/// NAME (',' NAME)*
bool Parser::parseNameList(std::vector<std::string> &names) {
  do {
    std::string name;
    if (!expectName(&name))
      return false;
    names.push_back(std::move(name));
  } while (consumeIf(TokenKind::comma));
  return true;
}

/// global_stmt: 'global' NAME (',' NAME)*
StmtPtr Parser::parseGlobalStmt() {
  SMLoc loc = tok.loc;
  consume();
  std::vector<std::string> names;
  if (!parseNameList(names))
    return nullptr;
  return std::make_unique<GlobalStmt>(loc, std::move(names));
}

/// nonlocal_stmt: 'nonlocal' NAME (',' NAME)*
StmtPtr Parser::parseNonlocalStmt() {
  SMLoc loc = tok.loc;
  consume();
  std::vector<std::string> names;
  if (!parseNameList(names))
    return nullptr;
  return std::make_unique<NonlocalStmt>(loc, std::move(names));
}

/// dotted_name: NAME ('.' NAME)*
bool Parser::parseDottedName(std::string &name) {
  if (!expectName(&name))
    return false;
  while (consumeIf(TokenKind::period)) {
    std::string part;
    if (!expectName(&part))
      return false;
    name += "." + part;
  }
  return true;
}

/// import_name: 'import' dotted_as_names
StmtPtr Parser::parseImportName() {
  SMLoc loc = tok.loc;
  consume();
  std::vector<ImportStmt::Name> names;
  do {
    ImportStmt::Name name;
    name.loc = tok.loc;
    if (!parseDottedName(name.name))
      return nullptr;
    if (consumeIf(TokenKind::kw_as) && !expectName(&name.asName))
      return nullptr;
    names.push_back(std::move(name));
  } while (consumeIf(TokenKind::comma));
  return std::make_unique<ImportStmt>(loc, std::string(), std::move(names));
}

/// import_from: 'from' ('.' | '...')* dotted_name 'import' import_from_targets
///            | 'from' ('.' | '...')+ 'import' import_from_targets
StmtPtr Parser::parseImportFrom() {
  SMLoc loc = tok.loc;
  consume();
  unsigned dots = 0;
  for (; tok.isAny(TokenKind::period, TokenKind::ellipsis); consume())
    dots += tok.is(TokenKind::period) ? 1 : 3;
  std::string module;
  if ((dots == 0 || tok.is(TokenKind::name)) && !parseDottedName(module))
    return nullptr;
  if (!expect(TokenKind::kw_import))
    return nullptr;

  std::vector<std::pair<std::string, SMLoc>> names;
  std::vector<std::string> asNames;
  if (tok.is(TokenKind::star)) {
    names.emplace_back("*", tok.loc);
    consume();
  } else {
    SMLoc openLoc = tok.loc;
    bool parenthesized = consumeIf(TokenKind::l_paren);
    if (parenthesized)
      ++openBrackets;
    do {
      if (parenthesized && tok.is(TokenKind::r_paren))
        break;
      if (!parenthesized && !names.empty() && tok.is(TokenKind::newline)) {
        syntaxError(tok.loc, "trailing comma not allowed without surrounding "
                             "parentheses");
        return nullptr;
      }
      SMLoc nameLoc = tok.loc;
      std::string name;
      if (!expectName(&name))
        return nullptr;
      std::string asName;
      if (consumeIf(TokenKind::kw_as) && !expectName(&asName))
        return nullptr;
      names.emplace_back(std::move(name), nameLoc);
      asNames.push_back(std::move(asName));
    } while (consumeIf(TokenKind::comma));
    if (parenthesized && !expectClosing(TokenKind::r_paren, openLoc))
      return nullptr;
  }
  if (dots == 0 && module == "__future__")
    return parseFutureImport(loc, names);
  if (dots != 0 || (names.size() == 1 && names[0].first == "*"))
    return std::make_unique<UnsupportedStmt>(
        loc, dots ? "relative imports" : "'import *' statements");
  std::vector<ImportStmt::Name> imported;
  for (auto [i, entry] : llvm::enumerate(names))
    imported.push_back({entry.second, entry.first, asNames[i]});
  return std::make_unique<ImportStmt>(loc, module, std::move(imported));
}

/// `from __future__ import ...`: every feature CPython 3.12 knows is
/// mandatory now, so the statement has no effect (the language accepts
/// `annotations` explicitly) and produces no node.
StmtPtr
Parser::parseFutureImport(SMLoc loc,
                          llvm::ArrayRef<std::pair<std::string, SMLoc>> names) {
  for (const auto &[name, nameLoc] : names) {
    bool known = llvm::is_contained({"nested_scopes", "generators", "division",
                                     "absolute_import", "with_statement",
                                     "print_function", "unicode_literals",
                                     "generator_stop", "annotations"},
                                    name);
    if (name == "barry_as_FLUFL")
      return std::make_unique<UnsupportedStmt>(loc, "import statements");
    if (!known)
      error(nameLoc, "future feature " + name + " is not defined");
  }
  return nullptr;
}

/// raise_stmt: 'raise' [expression ['from' expression]]
StmtPtr Parser::parseRaiseStmt() {
  SMLoc loc = tok.loc;
  consume();
  ExprPtr exc, cause;
  if (startsExpression(tok)) {
    if (!(exc = parseExpression()))
      return nullptr;
    if (consumeIf(TokenKind::kw_from) && !(cause = parseExpression()))
      return nullptr;
  }
  return std::make_unique<RaiseStmt>(loc, std::move(exc), std::move(cause));
}

/// assert_stmt: 'assert' expression [',' expression]
StmtPtr Parser::parseAssertStmt() {
  SMLoc loc = tok.loc;
  consume();
  ExprPtr test = parseExpression();
  if (!test)
    return nullptr;
  ExprPtr message;
  if (consumeIf(TokenKind::comma) && !(message = parseExpression()))
    return nullptr;
  return std::make_unique<AssertStmt>(loc, std::move(test), std::move(message));
}

/// del_stmt: 'del' del_targets
StmtPtr Parser::parseDelStmt() {
  SMLoc loc = tok.loc;
  consume();
  ExprPtr targets = parseStarTargets();
  if (!targets)
    return nullptr;
  if (!checkTarget(*targets, "delete"))
    return nullptr;
  std::vector<ExprPtr> list;
  if (auto *tuple = llvm::dyn_cast<TupleExpr>(targets.get()))
    list = std::move(tuple->elts);
  else
    list.push_back(std::move(targets));
  return std::make_unique<DelStmt>(loc, std::move(list));
}

/// `type` is a soft keyword: a statement only as `type NAME =` or
/// `type NAME[`.
bool Parser::isTypeAliasStart() {
  return tok.spelling == "type" && peek(1).is(TokenKind::name) &&
         peek(2).isAny(TokenKind::equal, TokenKind::l_square);
}

/// type_alias: 'type' NAME [type_params] '=' expression
StmtPtr Parser::parseTypeAlias() {
  SMLoc loc = tok.loc;
  consume();
  consume(); // the name, checked by isTypeAliasStart
  if (tok.is(TokenKind::l_square) && !parseTypeParams())
    return nullptr;
  if (!expect(TokenKind::equal) || !parseExpression())
    return nullptr;
  return std::make_unique<UnsupportedStmt>(loc, "type aliases");
}

/// compound_stmt
StmtPtr Parser::parseCompoundStmt() {
  switch (tok.kind) {
  case TokenKind::kw_def:
    return parseFunctionDef({});
  case TokenKind::at:
    return parseDecorated();
  case TokenKind::kw_if:
    return parseIfStmt();
  case TokenKind::kw_while:
    return parseWhileStmt();
  case TokenKind::kw_for:
    return parseForStmt();
  case TokenKind::kw_class:
    return parseClassDef();
  case TokenKind::kw_try:
    return parseTryStmt();
  case TokenKind::kw_with:
    return parseWithStmt();
  case TokenKind::kw_async:
    return parseAsyncStmt();
  default:
    return parseMatchStmt();
  }
}

/// if_stmt: 'if' named_expression ':' block (elif_stmt | [else_block])
/// Each `elif` becomes an IfStmt alone in its parent's orElse, as in
/// Python's ast. The clauses are collected first and nested afterwards, so a
/// long elif ladder does not recurse.
StmtPtr Parser::parseIfStmt() {
  struct Clause {
    SMLoc loc;
    ExprPtr test;
    Block body;
  };
  std::vector<Clause> clauses;
  do {
    Clause clause;
    clause.loc = tok.loc;
    StringRef construct =
        clauses.empty() ? "'if' statement" : "'elif' statement";
    consume();
    clause.test = parseNamedExpression();
    if (!clause.test || !expect(TokenKind::colon) ||
        !parseBlock(clause.body, construct, clause.loc) || !extendChain())
      return nullptr;
    clauses.push_back(std::move(clause));
  } while (tok.is(TokenKind::kw_elif));

  Block orElse;
  if (tok.is(TokenKind::kw_else) && !parseElseBlock(orElse))
    return nullptr;
  StmtPtr result;
  for (Clause &clause : llvm::reverse(clauses)) {
    result =
        std::make_unique<IfStmt>(clause.loc, std::move(clause.test),
                                 std::move(clause.body), std::move(orElse));
    orElse.clear();
    orElse.push_back(std::move(result));
  }
  return std::move(orElse.front());
}

/// while_stmt: 'while' named_expression ':' block [else_block]
StmtPtr Parser::parseWhileStmt() {
  SMLoc loc = tok.loc;
  consume();
  ExprPtr test = parseNamedExpression();
  Block body, orElse;
  if (!test || !expect(TokenKind::colon) ||
      !parseBlock(body, "'while' statement", loc))
    return nullptr;
  if (tok.is(TokenKind::kw_else) && !parseElseBlock(orElse))
    return nullptr;
  return std::make_unique<WhileStmt>(loc, std::move(test), std::move(body),
                                     std::move(orElse));
}

/// for_stmt: 'for' star_targets 'in' star_expressions ':' block [else_block]
StmtPtr Parser::parseForStmt() {
  SMLoc loc = tok.loc;
  consume();
  ExprPtr target = parseStarTargets();
  if (!target)
    return nullptr;
  bool valid = checkTarget(*target, "assign to");
  if (!expect(TokenKind::kw_in))
    return nullptr;
  ExprPtr iter = parseStarExpressions();
  Block body, orElse;
  if (!iter || !expect(TokenKind::colon) ||
      !parseBlock(body, "'for' statement", loc))
    return nullptr;
  if (tok.is(TokenKind::kw_else) && !parseElseBlock(orElse))
    return nullptr;
  if (!valid)
    return nullptr;
  return std::make_unique<ForStmt>(loc, std::move(target), std::move(iter),
                                   std::move(body), std::move(orElse));
}

/// `a.b.c` for a chain of names and attributes.
static std::optional<std::string> getDottedName(const Expr &expr) {
  if (auto *name = llvm::dyn_cast<NameExpr>(&expr))
    return name->name;
  if (auto *attr = llvm::dyn_cast<AttributeExpr>(&expr))
    if (std::optional<std::string> base = getDottedName(*attr->value))
      return *base + "." + attr->attr;
  return std::nullopt;
}

/// decorators: ('@' named_expression NEWLINE)+ then a def or class.
/// FunctionDefStmt records each decorator as its dotted name, or as its
/// source text when it is a call or another expression, for Sema to judge.
StmtPtr Parser::parseDecorated() {
  std::vector<std::string> decorators;
  while (tok.is(TokenKind::at)) {
    consume();
    const char *textStart = tok.spelling.begin();
    ExprPtr decorator = parseNamedExpression();
    if (!decorator)
      return nullptr;
    std::optional<std::string> dotted = getDottedName(*decorator);
    decorators.push_back(dotted ? *dotted
                                : std::string(textStart, prevEnd - textStart));
    if (!tok.is(TokenKind::newline)) {
      reportUnexpectedToken();
      return nullptr;
    }
    consume();
  }
  if (tok.is(TokenKind::kw_def))
    return parseFunctionDef(std::move(decorators));
  if (tok.is(TokenKind::kw_class)) {
    StmtPtr def = parseClassDef();
    if (auto *classDef = llvm::dyn_cast_or_null<ClassDefStmt>(def.get()))
      classDef->decorators = std::move(decorators);
    return def;
  }
  if (tok.is(TokenKind::kw_async) && peek().is(TokenKind::kw_def))
    return parseAsyncStmt();
  syntaxError(tok.loc, "expected a function or class definition after "
                       "decorators");
  return nullptr;
}

/// function_def_raw: 'def' NAME [type_params] '(' [params] ')'
///                   ['->' expression] ':' block
StmtPtr Parser::parseFunctionDef(std::vector<std::string> decorators) {
  SMLoc loc = tok.loc;
  consume();
  std::string name;
  if (!expectName(&name))
    return nullptr;
  std::vector<TypeParam> typeParams;
  if (tok.is(TokenKind::l_square) && !parseTypeParams(&typeParams))
    return nullptr;
  SMLoc openLoc = tok.loc;
  if (!expect(TokenKind::l_paren))
    return nullptr;
  ++openBrackets;
  std::vector<Param> params;
  if (!parseParameters(params, /*isLambda=*/false, TokenKind::r_paren) ||
      !expectClosing(TokenKind::r_paren, openLoc))
    return nullptr;
  ExprPtr returns;
  if (consumeIf(TokenKind::arrow) && !(returns = parseAnnotation()))
    return nullptr;
  Block body;
  if (!expect(TokenKind::colon) ||
      !parseBlock(body, "function definition", loc))
    return nullptr;
  auto def =
      std::make_unique<FunctionDefStmt>(loc, std::move(name), std::move(params),
                                        std::move(returns), std::move(body));
  def->decorators = std::move(decorators);
  def->typeParams = std::move(typeParams);
  return def;
}

/// params / lambda_params: parameters with optional annotation (not in a
/// lambda) and default, up to `terminator`. `/`, `*`, `*args` and `**kwargs`
/// parse but have no place in Param, so a def reports them as unsupported
/// (a lambda is reported whole by Sema).
bool Parser::parseParameters(std::vector<Param> &params, bool isLambda,
                             TokenKind terminator) {
  bool seenDefault = false;
  bool seenStar = false;
  while (!tok.is(terminator)) {
    SMLoc loc = tok.loc;
    if (consumeIf(TokenKind::slash)) {
      if (!isLambda)
        error(loc, "positional-only parameters ('/') are not supported yet");
    } else if (consumeIf(TokenKind::star)) {
      seenStar = true;
      if (tok.is(TokenKind::name)) {
        consume();
        if (!isLambda && consumeIf(TokenKind::colon) && !parseStarExpression())
          return false;
        if (!isLambda)
          error(loc, "variadic parameters (*args) are not supported yet");
      } else {
        if (tok.is(terminator) ||
            (tok.is(TokenKind::comma) &&
             peek().isAny(terminator, TokenKind::doublestar))) {
          syntaxError(loc, "named arguments must follow bare *");
          return false;
        }
        if (!isLambda)
          error(loc, "keyword-only parameters ('*') are not supported yet");
      }
    } else if (consumeIf(TokenKind::doublestar)) {
      if (!expectName())
        return false;
      if (!isLambda && consumeIf(TokenKind::colon) && !parseExpression())
        return false;
      if (!isLambda)
        error(loc,
              "variadic keyword parameters (**kwargs) are not supported yet");
      consumeIf(TokenKind::comma);
      if (!tok.is(terminator)) {
        syntaxError(tok.loc, "arguments cannot follow var-keyword argument");
        return false;
      }
      break;
    } else if (tok.is(TokenKind::name)) {
      Param param;
      param.loc = loc;
      param.name = tok.spelling.str();
      consume();
      if (!isLambda && consumeIf(TokenKind::colon) &&
          !(param.annotation = parseAnnotation()))
        return false;
      if (consumeIf(TokenKind::equal)) {
        if (!(param.defaultValue = parseExpression()))
          return false;
        seenDefault = true;
      } else if (seenDefault && !seenStar) {
        error(loc,
              "parameter without a default follows parameter with a default");
      }
      params.push_back(std::move(param));
    } else {
      syntaxError(tok.loc, "expected a parameter name");
      return false;
    }
    if (!consumeIf(TokenKind::comma))
      break;
  }
  return true;
}

/// type_params: '[' type_param (',' type_param)* [','] ']'
/// type_param: NAME [':' expression] | '*' NAME | '**' NAME
bool Parser::parseTypeParams(std::vector<TypeParam> *params) {
  SMLoc openLoc = tok.loc;
  consume();
  ++openBrackets;
  if (tok.is(TokenKind::r_square)) {
    syntaxError(tok.loc, "type parameter list cannot be empty");
    return false;
  }
  do {
    if (tok.is(TokenKind::r_square))
      break;
    SMLoc loc = tok.loc;
    bool variadic =
        consumeIf(TokenKind::star) || consumeIf(TokenKind::doublestar);
    std::string name;
    if (!expectName(&name))
      return false;
    SMLoc boundLoc = tok.loc;
    if (!variadic && consumeIf(TokenKind::colon) && !parseExpression())
      return false;
    if (!params)
      continue;
    if (variadic)
      error(loc, "variadic type parameters are not supported yet");
    else if (boundLoc != tok.loc)
      error(boundLoc, "bounds and constraints of type parameters are not "
                      "supported yet");
    else
      params->push_back({loc, std::move(name)});
  } while (consumeIf(TokenKind::comma));
  return expectClosing(TokenKind::r_square, openLoc);
}

/// class_def_raw: 'class' NAME [type_params] ['(' [arguments] ')'] ':' block
StmtPtr Parser::parseClassDef() {
  SMLoc loc = tok.loc;
  consume();
  std::string name;
  if (!expectName(&name))
    return nullptr;
  std::vector<TypeParam> typeParams;
  if (tok.is(TokenKind::l_square) && !parseTypeParams(&typeParams))
    return nullptr;
  std::vector<ExprPtr> bases;
  if (tok.is(TokenKind::l_paren)) {
    SMLoc openLoc = tok.loc;
    consume();
    ++openBrackets;
    std::vector<Keyword> keywords;
    if (!parseArguments(bases, keywords) ||
        !expectClosing(TokenKind::r_paren, openLoc))
      return nullptr;
    for (Keyword &keyword : keywords)
      error(keyword.loc, "class keyword arguments are not supported");
  }
  Block body;
  if (!expect(TokenKind::colon) || !parseBlock(body, "class definition", loc))
    return nullptr;
  auto def = std::make_unique<ClassDefStmt>(loc, std::move(name),
                                            std::move(bases), std::move(body));
  def->typeParams = std::move(typeParams);
  return def;
}

/// try_stmt: 'try' ':' block finally_block
///         | 'try' ':' block except_block+ [else_block] [finally_block]
/// (and except* blocks).
StmtPtr Parser::parseTryStmt() {
  SMLoc loc = tok.loc;
  consume();
  Block body;
  if (!expect(TokenKind::colon) || !parseBlock(body, "'try' statement", loc))
    return nullptr;
  std::vector<ExceptHandler> handlers;
  while (tok.is(TokenKind::kw_except)) {
    ExceptHandler &handler = handlers.emplace_back();
    handler.loc = tok.loc;
    consume();
    if (tok.is(TokenKind::star))
      error(tok.loc, "except* is not supported");
    consumeIf(TokenKind::star);
    if (!tok.is(TokenKind::colon)) {
      if (!(handler.type = parseExpression()))
        return nullptr;
      if (tok.is(TokenKind::comma)) {
        syntaxError(tok.loc, "multiple exception types must be parenthesized");
        return nullptr;
      }
      if (consumeIf(TokenKind::kw_as) && !expectName(&handler.name))
        return nullptr;
    }
    if (!expect(TokenKind::colon) ||
        !parseBlock(handler.body, "'except' statement", handler.loc))
      return nullptr;
  }
  Block orElse, finalBody;
  if (!handlers.empty() && tok.is(TokenKind::kw_else) &&
      !parseElseBlock(orElse))
    return nullptr;
  bool hasFinally = false;
  if (tok.is(TokenKind::kw_finally)) {
    SMLoc finallyLoc = tok.loc;
    consume();
    if (!expect(TokenKind::colon) ||
        !parseBlock(finalBody, "'finally' statement", finallyLoc))
      return nullptr;
    hasFinally = true;
  }
  if (handlers.empty() && !hasFinally) {
    syntaxError(tok.loc, "expected 'except' or 'finally' block");
    return nullptr;
  }
  return std::make_unique<TryStmt>(loc, std::move(body), std::move(handlers),
                                   std::move(orElse), std::move(finalBody));
}

/// with_stmt: 'with' '(' with_item (',' with_item)* ','? ')' ':' block
///          | 'with' with_item (',' with_item)* ':' block
StmtPtr Parser::parseWithStmt() {
  SMLoc loc = tok.loc;
  consume();
  std::vector<WithItem> items;
  if (tok.is(TokenKind::l_paren) && isParenthesizedWithItems()) {
    SMLoc openLoc = tok.loc;
    consume();
    ++openBrackets;
    do {
      if (tok.is(TokenKind::r_paren))
        break;
      if (!parseWithItem(items))
        return nullptr;
    } while (consumeIf(TokenKind::comma));
    if (!expectClosing(TokenKind::r_paren, openLoc))
      return nullptr;
  } else {
    do {
      if (!parseWithItem(items))
        return nullptr;
    } while (consumeIf(TokenKind::comma));
  }
  Block body;
  if (!expect(TokenKind::colon) || !parseBlock(body, "'with' statement", loc))
    return nullptr;
  return std::make_unique<WithStmt>(loc, std::move(items), std::move(body));
}

/// `with (a as b, c):` versus `with (a, b) as c:`: the items are
/// parenthesized if the bracket closes right before the header's colon.
bool Parser::isParenthesizedWithItems() {
  unsigned depth = 0;
  for (unsigned i = 1;; ++i) {
    const Token &token = peek(i);
    if (token.isAny(TokenKind::newline, TokenKind::eof))
      return false;
    if (token.isAny(TokenKind::l_paren, TokenKind::l_square,
                    TokenKind::l_brace)) {
      ++depth;
    } else if (token.isAny(TokenKind::r_paren, TokenKind::r_square,
                           TokenKind::r_brace)) {
      if (depth == 0)
        return peek(i + 1).is(TokenKind::colon);
      --depth;
    }
  }
}

/// with_item: expression ['as' star_target]
bool Parser::parseWithItem(std::vector<WithItem> &items) {
  SMLoc loc = tok.loc;
  ExprPtr context = parseExpression();
  if (!context)
    return false;
  ExprPtr target;
  if (consumeIf(TokenKind::kw_as)) {
    target = parseStarTarget();
    if (!target)
      return false;
    checkTarget(*target, "assign to");
  }
  items.push_back({loc, std::move(context), std::move(target)});
  return true;
}

/// 'async' (function_def | for_stmt | with_stmt)
StmtPtr Parser::parseAsyncStmt() {
  SMLoc loc = tok.loc;
  consume();
  StringRef what;
  if (tok.is(TokenKind::kw_def)) {
    what = "async functions";
    parseFunctionDef({});
  } else if (tok.is(TokenKind::kw_for)) {
    what = "async for statements";
    parseForStmt();
  } else if (tok.is(TokenKind::kw_with)) {
    what = "async with statements";
    parseWithStmt();
  } else {
    reportUnexpectedToken();
  }
  if (recovering)
    return nullptr;
  return std::make_unique<UnsupportedStmt>(loc, what.str());
}

/// `match` is a soft keyword: `match x:` opens a match statement, while
/// `match = 1` or `match(x)` are ordinary statements. A header line ends
/// with ':'; no simple statement does.
bool Parser::isMatchStmtStart() {
  if (!tok.is(TokenKind::name) || tok.spelling != "match")
    return false;
  const Token &next = peek(1);
  if (next.isAny(TokenKind::equal, TokenKind::colon, TokenKind::period,
                 TokenKind::comma, TokenKind::semicolon, TokenKind::newline) ||
      getAugmentedOp(next.kind))
    return false;
  for (unsigned i = 2;; ++i)
    if (peek(i).isAny(TokenKind::newline, TokenKind::eof))
      return peek(i - 1).is(TokenKind::colon);
}

/// match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT
/// Patterns are outside the AST and skipped token by token; the case bodies
/// are parsed so that their errors are reported.
StmtPtr Parser::parseMatchStmt() {
  SMLoc loc = tok.loc;
  consume();
  do {
    if (tok.is(TokenKind::colon))
      break;
    if (!parseStarNamedExpression())
      return nullptr;
  } while (consumeIf(TokenKind::comma));
  if (!expect(TokenKind::colon) || !expect(TokenKind::newline))
    return nullptr;
  if (!tok.is(TokenKind::indent)) {
    error(tok.loc, "expected an indented block after 'match' statement on "
                   "line " +
                       Twine(lineOf(loc)));
    return std::make_unique<UnsupportedStmt>(loc, "match statements");
  }
  consume();
  while (!tok.isAny(TokenKind::dedent, TokenKind::eof)) {
    unsigned start = numConsumed;
    openBrackets = 0;
    parseCaseBlock();
    if (recovering)
      synchronize(start);
  }
  consumeIf(TokenKind::dedent);
  return std::make_unique<UnsupportedStmt>(loc, "match statements");
}

/// case_block: "case" patterns [guard] ':' block
void Parser::parseCaseBlock() {
  if (!tok.is(TokenKind::name) || tok.spelling != "case") {
    syntaxError(tok.loc, "expected 'case' block");
    return;
  }
  SMLoc loc = tok.loc;
  consume();
  // Skip the pattern and guard: up to the ':' outside brackets.
  unsigned depth = 0;
  while (!tok.isAny(TokenKind::newline, TokenKind::eof) &&
         !(depth == 0 && tok.is(TokenKind::colon))) {
    if (tok.isAny(TokenKind::l_paren, TokenKind::l_square, TokenKind::l_brace))
      ++depth;
    else if (depth && tok.isAny(TokenKind::r_paren, TokenKind::r_square,
                                TokenKind::r_brace))
      --depth;
    consume();
  }
  Block discarded;
  if (expect(TokenKind::colon))
    parseBlock(discarded, "'case' statement", loc);
}

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

/// star_expressions: star_expression (',' star_expression)* [','], a tuple
/// when there is a comma.
ExprPtr Parser::parseStarExpressions() {
  SMLoc loc = tok.loc;
  ExprPtr first = parseStarExpression();
  if (!first || !tok.is(TokenKind::comma))
    return first;
  std::vector<ExprPtr> elts;
  elts.push_back(std::move(first));
  while (consumeIf(TokenKind::comma)) {
    if (!startsExpression(tok) && !tok.is(TokenKind::star))
      break; // trailing comma
    ExprPtr elt = parseStarExpression();
    if (!elt)
      return nullptr;
    elts.push_back(std::move(elt));
  }
  return std::make_unique<TupleExpr>(loc, std::move(elts));
}

/// star_expression: '*' bitwise_or | expression
ExprPtr Parser::parseStarExpression() {
  if (!tok.is(TokenKind::star))
    return parseExpression();
  SMLoc loc = tok.loc;
  consume();
  if (!parseBitwiseOr())
    return nullptr;
  return std::make_unique<UnsupportedExpr>(loc, kStarred.str());
}

/// star_named_expression: '*' bitwise_or | named_expression
ExprPtr Parser::parseStarNamedExpression() {
  if (tok.is(TokenKind::star))
    return parseStarExpression();
  return parseNamedExpression();
}

/// named_expression: NAME ':=' expression | expression
ExprPtr Parser::parseNamedExpression() {
  if (!tok.is(TokenKind::name) || !peek().is(TokenKind::colonequal))
    return parseExpression();
  SMLoc loc = tok.loc;
  consume();
  consume();
  if (!parseExpression())
    return nullptr;
  return std::make_unique<UnsupportedExpr>(loc, "walrus expressions");
}

/// expression: disjunction 'if' disjunction 'else' expression
///           | disjunction | lambdef
ExprPtr Parser::parseExpression() {
  NestingScope scope(*this);
  if (!checkNesting())
    return nullptr;
  if (tok.is(TokenKind::kw_lambda))
    return parseLambdef();
  ExprPtr body = parseDisjunction();
  if (!body || !tok.is(TokenKind::kw_if))
    return body;
  SMLoc loc = tok.loc;
  consume();
  ExprPtr test = parseDisjunction();
  if (!test)
    return nullptr;
  if (!tok.is(TokenKind::kw_else)) {
    syntaxError(tok.loc, "expected 'else' after 'if' expression");
    return nullptr;
  }
  consume();
  ExprPtr orElse = parseExpression();
  if (!orElse)
    return nullptr;
  return std::make_unique<IfExpExpr>(loc, std::move(test), std::move(body),
                                     std::move(orElse));
}

/// lambdef: 'lambda' [lambda_params] ':' expression
ExprPtr Parser::parseLambdef() {
  SMLoc loc = tok.loc;
  consume();
  std::vector<Param> params;
  if (!parseParameters(params, /*isLambda=*/true, TokenKind::colon) ||
      !expect(TokenKind::colon))
    return nullptr;
  ExprPtr body = parseExpression();
  if (!body)
    return nullptr;
  return std::make_unique<LambdaExpr>(loc, std::move(params), std::move(body));
}

/// yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
ExprPtr Parser::parseYieldExpr() {
  SMLoc loc = tok.loc;
  consume();
  if (consumeIf(TokenKind::kw_from)) {
    if (!parseExpression())
      return nullptr;
  } else if (startsExpression(tok) || tok.is(TokenKind::star)) {
    if (!parseStarExpressions())
      return nullptr;
  }
  return std::make_unique<UnsupportedExpr>(loc, "yield expressions");
}

/// `operand (keyword operand)*` as one BoolOpExpr per chain.
ExprPtr Parser::parseBoolOpChain(TokenKind keyword, BoolOpKind kind,
                                 ExprPtr (Parser::*parseOperand)()) {
  ExprPtr first = (this->*parseOperand)();
  if (!first || !tok.is(keyword))
    return first;
  SMLoc loc = tok.loc;
  std::vector<ExprPtr> values;
  values.push_back(std::move(first));
  while (consumeIf(keyword)) {
    ExprPtr value = (this->*parseOperand)();
    if (!value)
      return nullptr;
    values.push_back(std::move(value));
  }
  return std::make_unique<BoolOpExpr>(loc, kind, std::move(values));
}

/// disjunction: conjunction ('or' conjunction)*
ExprPtr Parser::parseDisjunction() {
  return parseBoolOpChain(TokenKind::kw_or, BoolOpKind::Or,
                          &Parser::parseConjunction);
}

/// conjunction: inversion ('and' inversion)*
ExprPtr Parser::parseConjunction() {
  return parseBoolOpChain(TokenKind::kw_and, BoolOpKind::And,
                          &Parser::parseInversion);
}

/// inversion: 'not' inversion | comparison
ExprPtr Parser::parseInversion() {
  if (!tok.is(TokenKind::kw_not))
    return parseComparison();
  NestingScope scope(*this);
  if (!checkNesting())
    return nullptr;
  SMLoc loc = tok.loc;
  consume();
  ExprPtr operand = parseInversion();
  if (!operand)
    return nullptr;
  return std::make_unique<UnaryExpr>(loc, UnaryOp::Not, std::move(operand));
}

/// comparison: bitwise_or compare_op_bitwise_or_pair*; a chain such as
/// `a < b <= c` is one CompareExpr.
ExprPtr Parser::parseComparison() {
  ExprPtr left = parseBitwiseOr();
  if (!left)
    return nullptr;
  SMLoc loc = tok.loc;
  std::vector<CmpOp> ops;
  std::vector<ExprPtr> comparators;
  while (std::optional<CmpOp> op = parseCompareOp()) {
    ExprPtr right = parseBitwiseOr();
    if (!right)
      return nullptr;
    ops.push_back(*op);
    comparators.push_back(std::move(right));
  }
  if (ops.empty())
    return left;
  return std::make_unique<CompareExpr>(loc, std::move(left), std::move(ops),
                                       std::move(comparators));
}

/// Consumes a comparison operator, including `not in` and `is not`.
std::optional<CmpOp> Parser::parseCompareOp() {
  std::optional<CmpOp> op;
  switch (tok.kind) {
  case TokenKind::equalequal:
    op = CmpOp::Eq;
    break;
  case TokenKind::notequal:
    op = CmpOp::NotEq;
    break;
  case TokenKind::less:
    op = CmpOp::Lt;
    break;
  case TokenKind::lessequal:
    op = CmpOp::LtE;
    break;
  case TokenKind::greater:
    op = CmpOp::Gt;
    break;
  case TokenKind::greaterequal:
    op = CmpOp::GtE;
    break;
  case TokenKind::kw_in:
    op = CmpOp::In;
    break;
  case TokenKind::kw_not:
    if (!peek().is(TokenKind::kw_in))
      return std::nullopt;
    consume();
    op = CmpOp::NotIn;
    break;
  case TokenKind::kw_is:
    consume();
    return consumeIf(TokenKind::kw_not) ? CmpOp::IsNot : CmpOp::Is;
  default:
    return std::nullopt;
  }
  consume();
  return op;
}

/// One left-associative binary level: operand (op operand)*.
ExprPtr Parser::parseLeftAssociative(
    ExprPtr (Parser::*parseOperand)(),
    llvm::ArrayRef<std::pair<TokenKind, BinaryOp>> ops) {
  ExprPtr lhs = (this->*parseOperand)();
  while (lhs) {
    const auto *op = llvm::find_if(
        ops, [&](const auto &entry) { return tok.is(entry.first); });
    if (op == ops.end())
      break;
    SMLoc loc = tok.loc;
    consume();
    if (!extendChain())
      return nullptr;
    ExprPtr rhs = (this->*parseOperand)();
    if (!rhs)
      return nullptr;
    lhs = std::make_unique<BinaryExpr>(loc, op->second, std::move(lhs),
                                       std::move(rhs));
  }
  return lhs;
}

/// bitwise_or: bitwise_or '|' bitwise_xor | bitwise_xor
ExprPtr Parser::parseBitwiseOr() {
  return parseLeftAssociative(&Parser::parseBitwiseXor,
                              {{TokenKind::pipe, BinaryOp::BitOr}});
}

/// bitwise_xor: bitwise_xor '^' bitwise_and | bitwise_and
ExprPtr Parser::parseBitwiseXor() {
  return parseLeftAssociative(&Parser::parseBitwiseAnd,
                              {{TokenKind::caret, BinaryOp::BitXor}});
}

/// bitwise_and: bitwise_and '&' shift_expr | shift_expr
ExprPtr Parser::parseBitwiseAnd() {
  return parseLeftAssociative(&Parser::parseShiftExpr,
                              {{TokenKind::amp, BinaryOp::BitAnd}});
}

/// shift_expr: shift_expr ('<<' | '>>') sum | sum
ExprPtr Parser::parseShiftExpr() {
  return parseLeftAssociative(&Parser::parseSum,
                              {{TokenKind::lshift, BinaryOp::LShift},
                               {TokenKind::rshift, BinaryOp::RShift}});
}

/// sum: sum ('+' | '-') term | term
ExprPtr Parser::parseSum() {
  return parseLeftAssociative(
      &Parser::parseTerm,
      {{TokenKind::plus, BinaryOp::Add}, {TokenKind::minus, BinaryOp::Sub}});
}

/// term: term ('*' | '/' | '//' | '%' | '@') factor | factor
ExprPtr Parser::parseTerm() {
  return parseLeftAssociative(&Parser::parseFactor,
                              {{TokenKind::star, BinaryOp::Mul},
                               {TokenKind::slash, BinaryOp::Div},
                               {TokenKind::doubleslash, BinaryOp::FloorDiv},
                               {TokenKind::percent, BinaryOp::Mod},
                               {TokenKind::at, BinaryOp::MatMul}});
}

/// factor: ('+' | '-' | '~') factor | power
ExprPtr Parser::parseFactor() {
  UnaryOp op;
  switch (tok.kind) {
  case TokenKind::plus:
    op = UnaryOp::Pos;
    break;
  case TokenKind::minus:
    op = UnaryOp::Neg;
    break;
  case TokenKind::tilde:
    op = UnaryOp::Invert;
    break;
  default:
    return parsePower();
  }
  NestingScope scope(*this);
  if (!checkNesting())
    return nullptr;
  SMLoc loc = tok.loc;
  consume();
  ExprPtr operand = parseFactor();
  if (!operand)
    return nullptr;
  return std::make_unique<UnaryExpr>(loc, op, std::move(operand));
}

/// power: await_primary '**' factor | await_primary
/// The exponent is a factor: `2 ** -1` is valid, `-2 ** 2` is -(2 ** 2),
/// and `a ** b ** c` groups to the right.
ExprPtr Parser::parsePower() {
  ExprPtr base = parseAwaitPrimary();
  if (!base || !tok.is(TokenKind::doublestar))
    return base;
  NestingScope scope(*this);
  if (!checkNesting())
    return nullptr;
  SMLoc loc = tok.loc;
  consume();
  ExprPtr exponent = parseFactor();
  if (!exponent)
    return nullptr;
  return std::make_unique<BinaryExpr>(loc, BinaryOp::Pow, std::move(base),
                                      std::move(exponent));
}

/// await_primary: 'await' primary | primary
ExprPtr Parser::parseAwaitPrimary() {
  if (!tok.is(TokenKind::kw_await))
    return parsePrimary();
  SMLoc loc = tok.loc;
  consume();
  if (!parsePrimary())
    return nullptr;
  return std::make_unique<UnsupportedExpr>(loc, "await expressions");
}

/// primary: primary '.' NAME | primary genexp | primary '(' [arguments] ')'
///        | primary '[' slices ']' | atom
ExprPtr Parser::parsePrimary() {
  ExprPtr expr = parseAtom();
  while (expr) {
    if (consumeIf(TokenKind::period)) {
      SMLoc loc = tok.loc;
      std::string attr;
      if (!expectName(&attr))
        return nullptr;
      expr = std::make_unique<AttributeExpr>(loc, std::move(expr),
                                             std::move(attr));
    } else if (tok.is(TokenKind::l_paren)) {
      expr = parseCall(std::move(expr));
    } else if (tok.is(TokenKind::l_square)) {
      expr = parseSubscript(std::move(expr));
    } else {
      break;
    }
    if (expr && !extendChain())
      return nullptr;
  }
  return expr;
}

/// primary '(' [arguments] ')'. The call's location is its callee's, so a
/// diagnostic about a call points at the name being called.
ExprPtr Parser::parseCall(ExprPtr callee) {
  SMLoc openLoc = tok.loc;
  consume();
  ++openBrackets;
  std::vector<ExprPtr> args;
  std::vector<Keyword> keywords;
  if (!parseArguments(args, keywords) ||
      !expectClosing(TokenKind::r_paren, openLoc))
    return nullptr;
  SMLoc loc = callee->getLoc();
  return std::make_unique<CallExpr>(loc, std::move(callee), std::move(args),
                                    std::move(keywords));
}

/// arguments: positional arguments, then keyword arguments; `*x` and `**x`
/// become UnsupportedExprs among the positional ones. Stops before ')'.
bool Parser::parseArguments(std::vector<ExprPtr> &args,
                            std::vector<Keyword> &keywords) {
  bool seenKeywordUnpacking = false;
  while (!tok.is(TokenKind::r_paren)) {
    SMLoc loc = tok.loc;
    if (tok.is(TokenKind::star)) {
      ExprPtr starred = parseStarExpression();
      if (!starred)
        return false;
      if (seenKeywordUnpacking)
        error(loc, "iterable argument unpacking follows keyword argument "
                   "unpacking");
      args.push_back(std::move(starred));
    } else if (consumeIf(TokenKind::doublestar)) {
      if (!parseExpression())
        return false;
      seenKeywordUnpacking = true;
      args.push_back(
          std::make_unique<UnsupportedExpr>(loc, "keyword argument unpacking"));
    } else if (tok.is(TokenKind::name) && peek().is(TokenKind::equal)) {
      Keyword keyword;
      keyword.loc = loc;
      keyword.name = tok.spelling.str();
      consume();
      consume();
      if (!(keyword.value = parseExpression()))
        return false;
      if (llvm::any_of(keywords, [&](const Keyword &other) {
            return other.name == keyword.name;
          }))
        error(loc, "keyword argument repeated: " + keyword.name);
      keywords.push_back(std::move(keyword));
    } else {
      ExprPtr arg = parseNamedExpression();
      if (!arg)
        return false;
      if (startsComprehension()) {
        std::vector<ComprehensionClause> clauses;
        if (!parseForIfClauses(clauses))
          return false;
        if (!args.empty() || !keywords.empty() ||
            (tok.is(TokenKind::comma) && !peek().is(TokenKind::r_paren))) {
          syntaxError(loc, "Generator expression must be parenthesized");
          return false;
        }
        arg = std::make_unique<ComprehensionExpr>(
            loc, ComprehensionExpr::Form::Generator, std::move(arg), nullptr,
            std::move(clauses));
      }
      if (tok.is(TokenKind::equal)) {
        syntaxError(loc, "expression cannot contain assignment, perhaps you "
                         "meant \"==\"?");
        return false;
      }
      if (seenKeywordUnpacking)
        error(loc, "positional argument follows keyword argument unpacking");
      else if (!keywords.empty())
        error(loc, "positional argument follows keyword argument");
      args.push_back(std::move(arg));
    }
    if (!consumeIf(TokenKind::comma))
      break;
  }
  return true;
}

/// primary '[' slices ']'
ExprPtr Parser::parseSubscript(ExprPtr value) {
  SMLoc openLoc = tok.loc;
  consume();
  ++openBrackets;
  ExprPtr index = parseSlices();
  if (!index || !expectClosing(TokenKind::r_square, openLoc))
    return nullptr;
  return std::make_unique<SubscriptExpr>(openLoc, std::move(value),
                                         std::move(index));
}

/// slices: slice | ','.(slice | starred_expression)+ [','], a TupleExpr
/// when there is a comma (`d[i, j]`, `a[1:2, ::3]`).
ExprPtr Parser::parseSlices() {
  SMLoc loc = tok.loc;
  ExprPtr first = parseSlice();
  if (!first || !tok.is(TokenKind::comma))
    return first;
  std::vector<ExprPtr> elts;
  elts.push_back(std::move(first));
  while (consumeIf(TokenKind::comma)) {
    if (tok.is(TokenKind::r_square))
      break;
    ExprPtr elt = parseSlice();
    if (!elt)
      return nullptr;
    elts.push_back(std::move(elt));
  }
  return std::make_unique<TupleExpr>(loc, std::move(elts));
}

/// slice: [expression] ':' [expression] [':' [expression]]
///      | named_expression | starred_expression
ExprPtr Parser::parseSlice() {
  if (tok.is(TokenKind::star))
    return parseStarExpression();
  SMLoc loc = tok.loc;
  ExprPtr lower;
  if (!tok.is(TokenKind::colon)) {
    lower = parseNamedExpression();
    if (!lower || !tok.is(TokenKind::colon))
      return lower;
  }
  consume(); // ':'
  auto endsPart = [&] {
    return tok.isAny(TokenKind::colon, TokenKind::comma, TokenKind::r_square);
  };
  ExprPtr upper, step;
  if (!endsPart() && !(upper = parseExpression()))
    return nullptr;
  if (consumeIf(TokenKind::colon) && !endsPart() && !(step = parseExpression()))
    return nullptr;
  return std::make_unique<SliceExpr>(loc, std::move(lower), std::move(upper),
                                     std::move(step));
}

/// atom: NAME | 'True' | 'False' | 'None' | strings | NUMBER
///     | (tuple | group | genexp) | (list | listcomp)
///     | (dict | set | dictcomp | setcomp) | '...'
ExprPtr Parser::parseAtom() {
  SMLoc loc = tok.loc;
  ExprPtr atom;
  switch (tok.kind) {
  case TokenKind::name:
    atom = std::make_unique<NameExpr>(loc, tok.spelling.str());
    break;
  case TokenKind::integer:
    atom = std::make_unique<IntLitExpr>(loc, tok.intValue, tok.intFits);
    break;
  case TokenKind::floating:
    atom = std::make_unique<FloatLitExpr>(loc, tok.floatValue);
    break;
  case TokenKind::imaginary:
    atom = std::make_unique<UnsupportedExpr>(loc, "complex numbers");
    break;
  case TokenKind::kw_True:
  case TokenKind::kw_False:
    atom = std::make_unique<BoolLitExpr>(loc, tok.is(TokenKind::kw_True));
    break;
  case TokenKind::kw_None:
    atom = std::make_unique<NoneLitExpr>(loc);
    break;
  case TokenKind::ellipsis:
    atom = std::make_unique<UnsupportedExpr>(loc, "ellipsis literals");
    break;
  case TokenKind::string:
  case TokenKind::fstring:
    return parseStrings();
  case TokenKind::l_paren:
    return parseTupleGroupOrGenexp();
  case TokenKind::l_square:
    return parseListOrListcomp();
  case TokenKind::l_brace:
    return parseDictOrSet();
  default:
    reportUnexpectedToken();
    return nullptr;
  }
  consume();
  return atom;
}

/// strings: (STRING | FSTRING)+, adjacent literals concatenated. Any
/// f-string part makes the whole an f-string.
ExprPtr Parser::parseStrings() {
  SMLoc loc = tok.loc;
  auto fstring = std::make_unique<FStringExpr>(loc);
  std::string pending; // plain literal text not yet added as a part
  bool isFString = false, ok = true;
  while (tok.isAny(TokenKind::string, TokenKind::fstring)) {
    if (tok.is(TokenKind::string)) {
      pending += tok.strValue;
      consume();
      continue;
    }
    isFString = true;
    if (!pending.empty()) {
      fstring->parts.push_back({std::move(pending), nullptr, 0, nullptr});
      pending.clear();
    }
    // The body starts after the prefix and the opening quote(s).
    StringRef spelling = tok.spelling;
    size_t quote = spelling.find_first_of("'\"");
    bool raw = spelling.take_front(quote).find_first_of("rR") != StringRef::npos;
    bool triple =
        spelling.substr(quote).starts_with(std::string(3, spelling[quote]));
    const char *body = spelling.data() + quote + (triple ? 3 : 1);
    ok &= parseFStringBody(body, body + tok.strValue.size(), raw, *fstring);
    consume();
  }
  if (!isFString)
    return std::make_unique<StrLitExpr>(loc, std::move(pending));
  if (!pending.empty())
    fstring->parts.push_back({std::move(pending), nullptr, 0, nullptr});
  // After an error in a field (already reported), a placeholder keeps the
  // rest of the statement from raising a second, confusing error.
  if (!ok)
    return std::make_unique<StrLitExpr>(loc, "");
  return fstring;
}

/// Decodes the escape sequence at `p` (just after a backslash) of a
/// non-raw f-string literal part, appending to `out`; returns the end.
static const char *decodeEscape(const char *p, const char *end,
                                std::string &out) {
  if (p == end) {
    out += '\\';
    return p;
  }
  char c = *p++;
  auto hex = [&](unsigned digits) {
    uint32_t cp = 0;
    for (unsigned i = 0; i < digits && p != end && llvm::isHexDigit(*p); ++i)
      cp = cp * 16 + llvm::hexDigitValue(*p++);
    return cp;
  };
  uint32_t cp;
  switch (c) {
  case '\n':
    return p; // backslash-newline continues the line
  case 'n': out += '\n'; return p;
  case 't': out += '\t'; return p;
  case 'r': out += '\r'; return p;
  case '0': out += '\0'; return p;
  case 'a': out += '\a'; return p;
  case 'b': out += '\b'; return p;
  case 'f': out += '\f'; return p;
  case 'v': out += '\v'; return p;
  case '\\': case '\'': case '"': out += c; return p;
  case 'x': cp = hex(2); break;
  case 'u': cp = hex(4); break;
  case 'U': cp = hex(8); break;
  default:
    out += '\\';
    out += c;
    return p;
  }
  // UTF-8 encode the code point.
  if (cp < 0x80) {
    out += char(cp);
  } else if (cp < 0x800) {
    out += char(0xC0 | (cp >> 6));
    out += char(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += char(0xE0 | (cp >> 12));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  } else {
    out += char(0xF0 | (cp >> 18));
    out += char(0x80 | ((cp >> 12) & 0x3F));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  }
  return p;
}

/// The literal parts and `{expr!c:spec}` fields of `[begin, end)`; the
/// lexer has already checked that quotes and braces balance.
bool Parser::parseFStringBody(const char *begin, const char *end, bool raw,
                              FStringExpr &out) {
  std::string literal;
  auto flush = [&] {
    if (!literal.empty())
      out.parts.push_back({std::move(literal), nullptr, 0, nullptr});
    literal.clear();
  };
  const char *p = begin;
  while (p != end) {
    char c = *p;
    if (c == '{' && p + 1 != end && p[1] == '{') {
      literal += '{';
      p += 2;
      continue;
    }
    if (c == '}') {
      if (p + 1 != end && p[1] == '}') {
        literal += '}';
        p += 2;
        continue;
      }
      error(SMLoc::getFromPointer(p), "f-string: single '}' is not allowed");
      return false;
    }
    if (c == '\\' && !raw) {
      p = decodeEscape(p + 1, end, literal);
      continue;
    }
    if (c != '{') {
      literal += c;
      ++p;
      continue;
    }
    // A field: find the end of its expression at bracket depth 0.
    flush();
    const char *exprBegin = ++p;
    int depth = 0;
    while (p != end) {
      char d = *p;
      if (d == '\'' || d == '"') {
        for (++p; p != end && *p != d; ++p)
          if (*p == '\\')
            ++p;
        if (p != end)
          ++p;
        continue;
      }
      if (d == '(' || d == '[' || d == '{')
        ++depth;
      else if ((d == ')' || d == ']' || d == '}') && depth > 0)
        --depth;
      else if (depth == 0 &&
               (d == '}' || d == ':' || (d == '!' && p + 1 != end && p[1] != '=')))
        break;
      else if (depth == 0 && d == '=' && p + 1 != end &&
               (p[1] == '}' || p[1] == '!' || p[1] == ':')) {
        error(SMLoc::getFromPointer(p),
              "self-documenting f-string fields ('{x=}') are not supported "
              "yet");
        return false;
      }
      ++p;
    }
    FStringExpr::Part part;
    Parser sub(sourceMgr, diags, exprBegin, p);
    part.value = sub.parseFieldExpression();
    if (!part.value)
      return false;
    if (p != end && *p == '!') {
      if (p + 1 == end || !llvm::is_contained("rsa", p[1])) {
        error(SMLoc::getFromPointer(p),
              "f-string: invalid conversion character: expected 's', 'r', or "
              "'a'");
        return false;
      }
      part.conversion = p[1];
      p += 2;
    }
    if (p != end && *p == ':') {
      // The spec runs to the `}` that closes the field; it may hold fields.
      const char *specBegin = ++p;
      int nested = 0;
      while (p != end && (*p != '}' || nested > 0)) {
        if (*p == '{')
          ++nested;
        else if (*p == '}')
          --nested;
        ++p;
      }
      part.spec = std::make_unique<FStringExpr>(SMLoc::getFromPointer(specBegin));
      if (!parseFStringBody(specBegin, p, /*raw=*/true, *part.spec))
        return false;
    }
    if (p == end || *p != '}') {
      error(SMLoc::getFromPointer(p == end ? end - 1 : p),
            "f-string: expecting '}'");
      return false;
    }
    ++p;
    out.parts.push_back(std::move(part));
  }
  flush();
  return true;
}

/// tuple: '(' [star_named_expression ',' [star_named_expressions]] ')'
/// group: '(' (yield_expr | named_expression) ')'
/// genexp: '(' named_expression for_if_clauses ')'
ExprPtr Parser::parseTupleGroupOrGenexp() {
  SMLoc openLoc = tok.loc;
  consume();
  ++openBrackets;
  if (tok.is(TokenKind::r_paren)) {
    expectClosing(TokenKind::r_paren, openLoc);
    return std::make_unique<TupleExpr>(openLoc, std::vector<ExprPtr>());
  }
  if (tok.is(TokenKind::kw_yield)) {
    ExprPtr yield = parseYieldExpr();
    if (!yield || !expectClosing(TokenKind::r_paren, openLoc))
      return nullptr;
    return yield;
  }
  ExprPtr first = parseStarNamedExpression();
  if (!first)
    return nullptr;
  if (startsComprehension())
    return parseComprehension(openLoc, ComprehensionExpr::Form::Generator,
                              std::move(first), nullptr, TokenKind::r_paren);
  if (!tok.is(TokenKind::comma)) {
    if (!expectClosing(TokenKind::r_paren, openLoc))
      return nullptr;
    return first;
  }
  std::vector<ExprPtr> elts;
  elts.push_back(std::move(first));
  while (consumeIf(TokenKind::comma)) {
    if (tok.is(TokenKind::r_paren))
      break;
    ExprPtr elt = parseStarNamedExpression();
    if (!elt)
      return nullptr;
    elts.push_back(std::move(elt));
  }
  if (!expectClosing(TokenKind::r_paren, openLoc))
    return nullptr;
  return std::make_unique<TupleExpr>(openLoc, std::move(elts));
}

/// list: '[' [star_named_expressions] ']'
/// listcomp: '[' named_expression for_if_clauses ']'
ExprPtr Parser::parseListOrListcomp() {
  SMLoc openLoc = tok.loc;
  consume();
  ++openBrackets;
  std::vector<ExprPtr> elts;
  while (!tok.is(TokenKind::r_square)) {
    ExprPtr elt = parseStarNamedExpression();
    if (!elt)
      return nullptr;
    if (elts.empty() && startsComprehension())
      return parseComprehension(openLoc, ComprehensionExpr::Form::List,
                                std::move(elt), nullptr, TokenKind::r_square);
    elts.push_back(std::move(elt));
    if (!consumeIf(TokenKind::comma))
      break;
  }
  if (!expectClosing(TokenKind::r_square, openLoc))
    return nullptr;
  return std::make_unique<ListExpr>(openLoc, std::move(elts));
}

/// dict: '{' [double_starred_kvpairs] '}'
/// set: '{' star_named_expressions '}'
/// dictcomp / setcomp: '{' (kvpair | named_expression) for_if_clauses '}'
ExprPtr Parser::parseDictOrSet() {
  SMLoc openLoc = tok.loc;
  consume();
  ++openBrackets;
  if (tok.isAny(TokenKind::r_brace, TokenKind::doublestar))
    return parseDict(openLoc, nullptr);
  ExprPtr first = parseStarNamedExpression();
  if (!first)
    return nullptr;
  if (tok.is(TokenKind::colon))
    return parseDict(openLoc, std::move(first));

  if (startsComprehension())
    return parseComprehension(openLoc, ComprehensionExpr::Form::Set,
                              std::move(first), nullptr, TokenKind::r_brace);
  std::vector<ExprPtr> elts;
  elts.push_back(std::move(first));
  while (consumeIf(TokenKind::comma)) {
    if (tok.is(TokenKind::r_brace))
      break;
    ExprPtr elt = parseStarNamedExpression();
    if (!elt)
      return nullptr;
    elts.push_back(std::move(elt));
  }
  if (!expectClosing(TokenKind::r_brace, openLoc))
    return nullptr;
  return std::make_unique<SetExpr>(openLoc, std::move(elts));
}

/// The rest of a dict display or comprehension after '{' and, if not null,
/// its first key (the current token is then the ':').
ExprPtr Parser::parseDict(SMLoc openLoc, ExprPtr firstKey) {
  std::vector<ExprPtr> keys, values;
  if (firstKey) {
    consume(); // ':'
    ExprPtr value = parseExpression();
    if (!value)
      return nullptr;
    if (startsComprehension())
      return parseComprehension(openLoc, ComprehensionExpr::Form::Dict,
                                std::move(firstKey), std::move(value),
                                TokenKind::r_brace);
    keys.push_back(std::move(firstKey));
    values.push_back(std::move(value));
    if (!consumeIf(TokenKind::comma))
      return expectClosing(TokenKind::r_brace, openLoc)
                 ? std::make_unique<DictExpr>(openLoc, std::move(keys),
                                              std::move(values))
                 : nullptr;
  }
  while (!tok.is(TokenKind::r_brace)) {
    if (!parseDoubleStarredKvpair(keys, values))
      return nullptr;
    if (!consumeIf(TokenKind::comma))
      break;
  }
  if (!expectClosing(TokenKind::r_brace, openLoc))
    return nullptr;
  return std::make_unique<DictExpr>(openLoc, std::move(keys),
                                    std::move(values));
}

/// double_starred_kvpair: '**' bitwise_or | expression ':' expression
/// `**d` is kept as a value under an UnsupportedExpr key.
bool Parser::parseDoubleStarredKvpair(std::vector<ExprPtr> &keys,
                                      std::vector<ExprPtr> &values) {
  SMLoc loc = tok.loc;
  ExprPtr key, value;
  if (consumeIf(TokenKind::doublestar)) {
    key = std::make_unique<UnsupportedExpr>(loc, "dict unpackings ('**')");
    value = parseBitwiseOr();
  } else {
    key = parseExpression();
    if (!key || !expect(TokenKind::colon))
      return false;
    value = parseExpression();
  }
  if (!value)
    return false;
  keys.push_back(std::move(key));
  values.push_back(std::move(value));
  return true;
}

/// for_if_clauses: ('async'? 'for' star_targets 'in' disjunction
///                  ('if' disjunction)*)+
bool Parser::parseForIfClauses(std::vector<ComprehensionClause> &clauses) {
  while (startsComprehension()) {
    SMLoc forLoc = tok.loc;
    if (consumeIf(TokenKind::kw_async))
      error(forLoc, "asynchronous comprehension outside of an asynchronous "
                    "function");
    consume(); // 'for'
    ComprehensionClause clause;
    clause.target = parseStarTargets();
    if (!clause.target)
      return false;
    checkTarget(*clause.target, "assign to");
    if (!expect(TokenKind::kw_in) || !(clause.iter = parseDisjunction()))
      return false;
    while (consumeIf(TokenKind::kw_if)) {
      ExprPtr condition = parseDisjunction();
      if (!condition)
        return false;
      clause.conditions.push_back(std::move(condition));
    }
    clauses.push_back(std::move(clause));
  }
  return true;
}

/// The clauses and closing bracket of a comprehension whose element (and,
/// for a dict, value) are parsed.
ExprPtr Parser::parseComprehension(SMLoc openLoc, ComprehensionExpr::Form form,
                                   ExprPtr element, ExprPtr value,
                                   TokenKind closing) {
  std::vector<ComprehensionClause> clauses;
  if (!parseForIfClauses(clauses) || !expectClosing(closing, openLoc))
    return nullptr;
  return std::make_unique<ComprehensionExpr>(openLoc, form, std::move(element),
                                             std::move(value),
                                             std::move(clauses));
}

/// star_targets: star_target (',' star_target)* [','], a tuple when there is
/// a comma. Targets are parsed at bitwise_or level, so that a for-loop's
/// target stops at `in`, and then checked by checkTarget.
ExprPtr Parser::parseStarTargets() {
  SMLoc loc = tok.loc;
  ExprPtr first = parseStarTarget();
  if (!first || !tok.is(TokenKind::comma))
    return first;
  std::vector<ExprPtr> elts;
  elts.push_back(std::move(first));
  while (consumeIf(TokenKind::comma)) {
    if (!startsExpression(tok) && !tok.is(TokenKind::star))
      break;
    ExprPtr elt = parseStarTarget();
    if (!elt)
      return nullptr;
    elts.push_back(std::move(elt));
  }
  return std::make_unique<TupleExpr>(loc, std::move(elts));
}

/// star_target: '*'? target
ExprPtr Parser::parseStarTarget() {
  if (!tok.is(TokenKind::star))
    return parseBitwiseOr();
  SMLoc loc = tok.loc;
  consume();
  if (!parseBitwiseOr())
    return nullptr;
  return std::make_unique<UnsupportedExpr>(loc, kStarred.str());
}

//===----------------------------------------------------------------------===//
// Entry point
//===----------------------------------------------------------------------===//

std::unique_ptr<Module> roast::parseModule(llvm::SourceMgr &sourceMgr,
                                           unsigned bufferId,
                                           DiagEngine &diags) {
  return Parser(sourceMgr, bufferId, diags).parseModule();
}
