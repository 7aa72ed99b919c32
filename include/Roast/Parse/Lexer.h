//===- Lexer.h - Roast tokenizer --------------------------------*- C++ -*-===//
//
// Turns a source buffer into Python 3.12 tokens, including the NEWLINE,
// INDENT and DEDENT tokens that carry Python's block structure.
//
//===----------------------------------------------------------------------===//

#ifndef ROAST_PARSE_LEXER_H
#define ROAST_PARSE_LEXER_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/SMLoc.h"

#include <cstdint>
#include <optional>
#include <string>

namespace llvm {
class SourceMgr;
class Twine;
class raw_ostream;
} // namespace llvm

namespace roast {
class DiagEngine;

enum class TokenKind {
#define TOK(ID, NAME) ID,
#include "Roast/Parse/TokenKinds.def"
};

/// The name `--emit=tokens` prints for a kind: NAME, INT, LPAR, KEYWORD, ...
llvm::StringRef getTokenKindName(TokenKind kind);
/// The fixed text of a keyword or operator ("def", "**="); empty for kinds
/// whose text varies (names, literals, NEWLINE, ...).
llvm::StringRef getTokenSpelling(TokenKind kind);

struct Token {
  TokenKind kind = TokenKind::eof;
  llvm::SMLoc loc;
  /// The token's text in the source buffer. INDENT's is the indentation;
  /// DEDENT, EOF and the NEWLINE that ends an unterminated last line have
  /// none.
  llvm::StringRef spelling;

  /// INT: the magnitude as written, saturated at UINT64_MAX when the lexer
  /// already reported it as too large. intFits is value <= INT64_MAX.
  uint64_t intValue = 0;
  bool intFits = true;
  /// FLOAT (and IMAGINARY, the imaginary part).
  double floatValue = 0;
  /// STRING: the value after escape processing, UTF-8. FSTRING: the raw
  /// text between the quotes, left for the f-string parser.
  std::string strValue;

  bool is(TokenKind k) const { return kind == k; }
  template <typename... Ts> bool isAny(TokenKind k, Ts... ks) const {
    return is(k) || (is(ks) || ...);
  }
  bool isKeyword() const;
};

/// A pull tokenizer over one buffer of a SourceMgr. Lexical errors are
/// reported through the DiagEngine; the lexer then either returns a usable
/// token (a too-large integer, a bad escape) or an `error` token that the
/// parser skips without a second diagnostic. After EOF it keeps returning
/// EOF.
class Lexer {
public:
  Lexer(llvm::SourceMgr &sourceMgr, unsigned bufferId, DiagEngine &diags);
  /// Lexes `[begin, end)` of a buffer as one logical line: an expression
  /// inside an f-string's replacement field.
  Lexer(DiagEngine &diags, const char *begin, const char *end);

  /// The next token; NEWLINE, INDENT and DEDENT included, comments and
  /// blank lines not.
  Token next();

  /// If the input ended inside brackets, the innermost one still open:
  /// every later error is then best explained by it.
  std::optional<llvm::SMLoc> getUnclosedBracket() const {
    return unclosedBracket;
  }
  /// Where the last inconsistent dedent was reported: the parser need not
  /// add that the line fails to start an indented block.
  const char *getLastIndentationError() const { return lastIndentationError; }
  /// Errors the lexer has reported so far.
  unsigned getNumErrors() const { return numErrors; }

private:
  struct OpenBracket {
    char kind;
    const char *loc;
    const char *lineStart; // start of the physical line it was opened on
  };
  struct IndentLevel {
    unsigned width = 0;
    /// False for a level kept open through a misplaced line's dedent: it
    /// had no INDENT, so closing it emits no DEDENT.
    bool hasToken = true;
  };

  void lexIndentation();
  void placeInconsistentDedent(unsigned column, IndentLevel popped);
  Token lexName(const char *start);
  Token lexNumber(const char *start);
  Token lexString(const char *start, const char *quote);
  Token lexFString(const char *start, const char *quote, bool raw);
  Token lexPunctuation(const char *start);
  Token lexInvalidCharacter(const char *start);
  unsigned reportInvalidCharacter(const char *at);

  void lexEscape(std::string &value);
  bool scanDigits(bool (*isDigit)(char));
  void verifyEndOfNumber(const char *start, const char *kindName);
  bool skipFStringMiddle(char quote, bool triple, bool raw, bool inSpec);
  bool skipFStringReplacementField(char quote, bool triple, bool raw);
  bool skipNestedString(const char *quote, bool isFString, bool raw);

  Token makeToken(TokenKind kind, const char *start);
  Token makeSyntheticToken(TokenKind kind, const char *at);
  void error(const char *at, const llvm::Twine &message);
  bool atNewline() const;
  void skipNewline();
  void skipToEndOfLine();
  void skipComment();
  void checkText(const char *from, const char *to, const char *what);
  void dropBracketsOpenedSince(const char *lineStart);

  DiagEngine &diags;
  const char *cur;
  const char *end;
  /// Start of the current physical line.
  const char *lineStart;

  /// Column widths of the open blocks; always starts with 0.
  llvm::SmallVector<IndentLevel, 8> indents{IndentLevel()};
  /// The levels the current logical line closed, innermost first.
  llvm::SmallVector<IndentLevel, 4> closedByLastLine;
  /// Whether the last logical line ended with ':', so may be followed by an
  /// indented block.
  bool lastLineOpenedBlock = false;
  TokenKind lastTokenKind = TokenKind::newline;
  /// Inconsistent widths seen so far and the open level each stands for.
  llvm::SmallVector<std::pair<unsigned, unsigned>, 4> indentAliases;
  llvm::SmallVector<OpenBracket, 8> brackets;
  bool atLineStart = true;
  bool lineHasTokens = false;
  bool pendingIndent = false;
  unsigned pendingDedents = 0;
  bool reportedTab = false;
  /// Whether the current logical line already has a lexical error.
  bool lineHasError = false;
  std::optional<llvm::SMLoc> unclosedBracket;
  const char *lastIndentationError = nullptr;
  unsigned numErrors = 0;
  /// Nesting of replacement fields while skipping an f-string.
  unsigned fstringDepth = 0;
};

/// Prints every token of the buffer, one per line as `LINE:COL KIND 'text'`
/// (`roastc --emit=tokens`).
void dumpTokens(llvm::SourceMgr &sourceMgr, unsigned bufferId,
                DiagEngine &diags, llvm::raw_ostream &os);

} // namespace roast

#endif // ROAST_PARSE_LEXER_H
