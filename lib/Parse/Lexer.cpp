//===- Lexer.cpp - Roast tokenizer ----------------------------------------===//
//
// Python 3.12's tokenizer: indentation stack, implicit and explicit line
// joining, numeric and string literals, and recovery from lexical errors.
//
//===----------------------------------------------------------------------===//

#include "Roast/Parse/Lexer.h"
#include "Roast/AST/AST.h"
#include "Roast/Basic/Diagnostics.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>

using namespace roast;
using llvm::StringRef;

/// CPython's limits; beyond them a recursive-descent parser would risk the
/// native stack, and no real program comes near.
static constexpr unsigned kMaxBracketDepth = 200;
static constexpr unsigned kMaxIndentDepth = 100;
/// f-strings nest inside the replacement fields of f-strings.
static constexpr unsigned kMaxFStringDepth = 32;

//===----------------------------------------------------------------------===//
// Token kinds
//===----------------------------------------------------------------------===//

StringRef roast::getTokenKindName(TokenKind kind) {
  switch (kind) {
#define TOK(ID, NAME)                                                          \
  case TokenKind::ID:                                                          \
    return NAME;
#include "Roast/Parse/TokenKinds.def"
  }
  llvm_unreachable("unknown token kind");
}

StringRef roast::getTokenSpelling(TokenKind kind) {
  switch (kind) {
#define KEYWORD(WORD)                                                          \
  case TokenKind::kw_##WORD:                                                   \
    return #WORD;
#define PUNCT(ID, SPELLING, NAME)                                              \
  case TokenKind::ID:                                                          \
    return SPELLING;
#include "Roast/Parse/TokenKinds.def"
  default:
    return "";
  }
}

bool Token::isKeyword() const {
  switch (kind) {
#define KEYWORD(WORD) case TokenKind::kw_##WORD:
#include "Roast/Parse/TokenKinds.def"
    return true;
  default:
    return false;
  }
}

//===----------------------------------------------------------------------===//
// Character classes and UTF-8
//===----------------------------------------------------------------------===//

static bool isDecimalDigit(char c) { return c >= '0' && c <= '9'; }
static bool isHexadecimalDigit(char c) { return llvm::isHexDigit(c); }
static bool isOctalDigit(char c) { return c >= '0' && c <= '7'; }
static bool isBinaryDigit(char c) { return c == '0' || c == '1'; }
static bool isASCIINameStart(char c) { return llvm::isAlpha(c) || c == '_'; }
static bool isASCIINameChar(char c) { return llvm::isAlnum(c) || c == '_'; }

/// Decodes the well-formed UTF-8 sequence at `p` into `cp` and returns its
/// length, or returns 0 for bytes that are not UTF-8 (stray continuation
/// bytes, overlong forms, surrogates, truncation, beyond U+10FFFF).
static unsigned decodeUTF8(const char *p, const char *end, uint32_t &cp) {
  auto lead = static_cast<unsigned char>(*p);
  unsigned length;
  uint32_t minimum;
  if (lead < 0x80) {
    cp = lead;
    return 1;
  }
  if ((lead & 0xE0) == 0xC0) {
    length = 2, cp = lead & 0x1F, minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, cp = lead & 0x0F, minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, cp = lead & 0x07, minimum = 0x10000;
  } else {
    return 0;
  }
  if (end - p < static_cast<std::ptrdiff_t>(length))
    return 0;
  for (unsigned i = 1; i < length; ++i) {
    auto byte = static_cast<unsigned char>(p[i]);
    if ((byte & 0xC0) != 0x80)
      return 0;
    cp = (cp << 6) | (byte & 0x3F);
  }
  if (cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  return length;
}

static void appendUTF8(std::string &out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

/// Python admits only XID_Start/XID_Continue code points in names. Without
/// the Unicode tables we accept every non-ASCII code point except spaces,
/// punctuation and symbols that end up in code by accident (smart quotes,
/// no-break spaces, dashes, arrows, currency, emoji), so those get a precise
/// "invalid character" diagnostic instead of becoming part of a name.
static bool isNonASCIINameChar(uint32_t cp) {
  if (cp < 0xC0)
    return cp == 0xAA || cp == 0xB5 || cp == 0xB7 || cp == 0xBA;
  if (cp == 0xD7 || cp == 0xF7)
    return false;
  if (cp >= 0x2000 && cp <= 0x206F) // general punctuation
    return cp == 0x203F || cp == 0x2040 || cp == 0x2054;
  if ((cp >= 0x20A0 && cp <= 0x20CF) || // currency symbols
      (cp >= 0x2190 && cp <= 0x2BFF) || // arrows, math operators, shapes
      (cp >= 0x3000 && cp <= 0x3003) || // ideographic space, punctuation
      (cp >= 0x1F000 && cp <= 0x1FAFF)) // emoji
    return false;
  return cp != 0xFEFF && !(cp >= 0xFFF0 && cp <= 0xFFFF);
}

static bool isNonPrintable(uint32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0xA0) ||
         (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
         (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 || cp == 0xFEFF;
}

/// Whether the character at `p` can start no token at all.
static bool isInvalidCharacter(const char *p, const char *end) {
  auto c = static_cast<unsigned char>(*p);
  if (c < 0x80) {
    if (c == '!')
      return p + 1 == end || p[1] != '=';
    return c == '$' || c == '?' || c == '`' || c == 0x7F ||
           (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f');
  }
  uint32_t cp;
  return decodeUTF8(p, end, cp) == 0 || !isNonASCIINameChar(cp);
}

static std::string formatCodePoint(uint32_t cp) {
  return "U+" + llvm::utohexstr(cp, /*LowerCase=*/false, /*Width=*/4);
}

static std::string formatByte(unsigned char byte) {
  return "0x" + llvm::utohexstr(byte, /*LowerCase=*/false, /*Width=*/2);
}

/// The prefixes Python accepts before a quote, any case: u, r, b, f and the
/// two-letter raw combinations.
static bool isStringPrefix(StringRef text) {
  std::string lower = text.lower();
  return lower == "r" || lower == "u" || lower == "b" || lower == "f" ||
         lower == "br" || lower == "rb" || lower == "fr" || lower == "rf";
}

/// `1if x else y` is legal (with a warning) in CPython 3.12: these keywords
/// may follow a number without a space.
static bool mayFollowNumber(StringRef word) {
  return word == "and" || word == "else" || word == "for" || word == "if" ||
         word == "in" || word == "is" || word == "not" || word == "or";
}

//===----------------------------------------------------------------------===//
// Lexer
//===----------------------------------------------------------------------===//

Lexer::Lexer(llvm::SourceMgr &sourceMgr, unsigned bufferId, DiagEngine &diags)
    : diags(diags) {
  StringRef buffer = sourceMgr.getMemoryBuffer(bufferId)->getBuffer();
  cur = lineStart = buffer.begin();
  end = buffer.end();
  // A UTF-8 byte order mark is an encoding signature, not program text.
  if (buffer.starts_with("\xEF\xBB\xBF"))
    cur += 3;
}

Lexer::Lexer(DiagEngine &diags, const char *begin, const char *end)
    : diags(diags), cur(begin), end(end), lineStart(begin) {
  // The field is part of an enclosing line: no indentation to measure.
  atLineStart = false;
}

/// Reports the first lexical error of a logical line only: several on one
/// line nearly always share a cause (a quote too few turns the rest of the
/// line inside out).
void Lexer::error(const char *at, const llvm::Twine &message) {
  ++numErrors;
  if (lineHasError)
    return;
  lineHasError = true;
  diags.error(llvm::SMLoc::getFromPointer(at), message);
}

Token Lexer::makeToken(TokenKind kind, const char *start) {
  Token tok;
  tok.kind = kind;
  tok.loc = llvm::SMLoc::getFromPointer(start);
  tok.spelling = StringRef(start, cur - start);
  lineHasTokens = true;
  lastTokenKind = kind;
  return tok;
}

Token Lexer::makeSyntheticToken(TokenKind kind, const char *at) {
  Token tok;
  tok.kind = kind;
  tok.loc = llvm::SMLoc::getFromPointer(at);
  tok.spelling = StringRef(at, 0);
  return tok;
}

bool Lexer::atNewline() const {
  return cur != end && (*cur == '\n' || *cur == '\r');
}

/// Consumes one line ending: "\n", "\r\n" or a lone "\r", which Python's
/// universal newlines all treat alike.
void Lexer::skipNewline() {
  if (*cur == '\r')
    ++cur;
  if (cur != end && *cur == '\n')
    ++cur;
  lineStart = cur;
}

void Lexer::skipToEndOfLine() {
  while (cur != end && !atNewline())
    ++cur;
}

/// Comments are not tokens, but a program must still be UTF-8 throughout
/// and free of NUL bytes.
void Lexer::skipComment() {
  const char *start = cur;
  skipToEndOfLine();
  checkText(start, cur, "comment");
}

/// Reports the first byte of [from, to) that is not UTF-8, or a NUL, in
/// text that is kept verbatim.
void Lexer::checkText(const char *from, const char *to, const char *what) {
  for (const char *p = from; p != to;) {
    uint32_t cp;
    unsigned length = decodeUTF8(p, to, cp);
    if (length == 0) {
      error(p, "invalid byte " + formatByte(static_cast<unsigned char>(*p)) +
                   " in " + what);
      return;
    }
    if (cp == 0) {
      error(p, "invalid non-printable character U+0000");
      return;
    }
    p += length;
  }
}

void Lexer::dropBracketsOpenedSince(const char *since) {
  while (!brackets.empty() && brackets.back().lineStart >= since)
    brackets.pop_back();
}

Token Lexer::next() {
  while (true) {
    if (pendingIndent) {
      pendingIndent = false;
      Token tok = makeSyntheticToken(TokenKind::indent, cur);
      tok.spelling = StringRef(lineStart, cur - lineStart);
      return tok;
    }
    if (pendingDedents) {
      --pendingDedents;
      return makeSyntheticToken(TokenKind::dedent, cur);
    }
    if (atLineStart && brackets.empty() && cur != end) {
      lexIndentation();
      continue;
    }

    if (cur == end) {
      // Close the last logical line, then every open block.
      if (lineHasTokens) {
        lineHasTokens = false;
        atLineStart = true;
        if (!brackets.empty())
          unclosedBracket = llvm::SMLoc::getFromPointer(brackets.back().loc);
        brackets.clear();
        return makeSyntheticToken(TokenKind::newline, cur);
      }
      while (indents.size() > 1) {
        if (indents.pop_back_val().hasToken)
          return makeSyntheticToken(TokenKind::dedent, cur);
      }
      return makeSyntheticToken(TokenKind::eof, cur);
    }

    const char *start = cur;
    char c = *cur;
    switch (c) {
    case ' ':
    case '\t':
    case '\f':
      ++cur;
      continue;
    case '#':
      skipComment();
      continue;
    case '\n':
    case '\r': {
      skipNewline();
      // Inside brackets a newline is only whitespace (implicit joining).
      if (!brackets.empty())
        continue;
      atLineStart = true;
      if (!lineHasTokens)
        continue;
      lineHasTokens = false;
      lastLineOpenedBlock = lastTokenKind == TokenKind::colon;
      Token tok = makeSyntheticToken(TokenKind::newline, start);
      tok.spelling = StringRef(start, cur - start);
      return tok;
    }
    case '\\': {
      ++cur;
      bool continued = atNewline();
      if (continued)
        skipNewline();
      if (cur == end) {
        error(cur, "unexpected EOF while parsing");
        return makeToken(TokenKind::error, start);
      }
      if (continued)
        continue;
      error(cur, "unexpected character after line continuation character");
      return makeToken(TokenKind::error, start);
    }
    case '\'':
    case '"':
      return lexString(start, start);
    default:
      break;
    }

    if (isDecimalDigit(c) ||
        (c == '.' && cur + 1 != end && isDecimalDigit(cur[1])))
      return lexNumber(start);
    if (isASCIINameStart(c) || static_cast<unsigned char>(c) >= 0x80)
      return lexName(start);
    return lexPunctuation(start);
  }
}

/// Measures the indentation of a new logical line and queues the INDENT or
/// DEDENT tokens it implies. Blank and comment-only lines are consumed
/// whole and leave the block structure alone.
void Lexer::lexIndentation() {
  lineHasError = false;
  unsigned column = 0;
  const char *firstTab = nullptr;
  while (cur != end) {
    if (*cur == ' ') {
      ++column;
    } else if (*cur == '\t') {
      if (!firstTab)
        firstTab = cur;
      column = (column / 8 + 1) * 8;
    } else if (*cur == '\f') {
      column = 0;
    } else if (isInvalidCharacter(cur, end)) {
      // Garbage in the indentation is reported and measured as one column,
      // so that the line still lines up with its neighbours.
      cur += reportInvalidCharacter(cur);
      ++column;
      continue;
    } else {
      break;
    }
    ++cur;
  }
  if (cur != end && *cur == '#')
    skipComment();
  if (cur == end)
    return;
  if (atNewline()) {
    skipNewline();
    return;
  }

  atLineStart = false;
  if (firstTab && !reportedTab) {
    // Once per file: a tab-indented file would otherwise get one per line.
    reportedTab = true;
    error(firstTab, "tab in indentation is not allowed");
  }

  // A width already reported as inconsistent stands for the level it was
  // placed at, so the rest of a shifted block costs no further errors;
  // but a line that opens a block after a ':' is taken at its word, and
  // the aliases it overrides are forgotten.
  if (lastLineOpenedBlock && column > indents.back().width) {
    llvm::erase_if(indentAliases,
                   [&](const auto &alias) { return alias.first >= column; });
  }
  for (const auto &[width, level] : indentAliases) {
    if (width == column) {
      column = level;
      break;
    }
  }
  // Blocks the previous line closed, if this line is the first after it.
  llvm::SmallVector<IndentLevel, 4> closedByPrevious =
      std::move(closedByLastLine);
  closedByLastLine.clear();

  if (column > indents.back().width) {
    if (indents.size() > kMaxIndentDepth) {
      error(cur, "too many levels of indentation");
      return;
    }
    // An indent after a line that opened no block is an error (the parser
    // reports it). If that line had dedented, it was most likely the one
    // misplaced line: the blocks it closed stay open, without tokens, so
    // the lines after this one still match their levels.
    if (!lastLineOpenedBlock)
      for (const IndentLevel &level : llvm::reverse(closedByPrevious))
        if (level.width > indents.back().width && level.width < column)
          indents.push_back({level.width, /*hasToken=*/false});
    indents.push_back({column, /*hasToken=*/true});
    pendingIndent = true;
    return;
  }
  IndentLevel popped;
  while (column < indents.back().width) {
    popped = indents.pop_back_val();
    closedByLastLine.push_back(popped);
    if (popped.hasToken)
      ++pendingDedents;
  }
  if (column != indents.back().width)
    placeInconsistentDedent(column, popped);
  llvm::erase_if(indentAliases, [&](const auto &alias) {
    return llvm::none_of(indents, [&](const IndentLevel &level) {
      return level.width == alias.second;
    });
  });
}

/// Recovers from a dedent to `column`, which lies between the enclosing
/// level and `popped`, the innermost level the line failed to return to.
void Lexer::placeInconsistentDedent(unsigned column, IndentLevel popped) {
  error(cur, "unindent does not match any outer indentation level");
  lastIndentationError = cur;
  // The line joins the nearest level: back into the block it failed to
  // leave, or out to the enclosing one. Halfway between, the whole block
  // was probably shifted, and continues at the new width.
  unsigned outer = indents.back().width;
  if (column - outer < popped.width - column) {
    indentAliases.emplace_back(column, outer);
    return;
  }
  if (popped.width - column < column - outer)
    indentAliases.emplace_back(column, popped.width);
  else
    popped.width = column;
  indents.push_back(popped);
  closedByLastLine.pop_back();
  if (popped.hasToken)
    --pendingDedents;
}

Token Lexer::lexName(const char *start) {
  while (cur != end) {
    if (isASCIINameChar(*cur)) {
      ++cur;
      continue;
    }
    if (static_cast<unsigned char>(*cur) < 0x80)
      break;
    uint32_t cp;
    unsigned length = decodeUTF8(cur, end, cp);
    if (length == 0 || !isNonASCIINameChar(cp))
      break;
    cur += length;
  }
  if (cur == start)
    return lexInvalidCharacter(start);

  StringRef text(start, cur - start);
  if (cur != end && (*cur == '\'' || *cur == '"') && isStringPrefix(text)) {
    std::string prefix = text.lower();
    bool raw = StringRef(prefix).contains('r');
    if (StringRef(prefix).contains('f'))
      return lexFString(start, cur, raw);
    if (StringRef(prefix).contains('b'))
      error(start, "bytes literals are not supported yet");
    return lexString(start, cur);
  }

  TokenKind kind = llvm::StringSwitch<TokenKind>(text)
#define KEYWORD(WORD) .Case(#WORD, TokenKind::kw_##WORD)
#include "Roast/Parse/TokenKinds.def"
                       .Default(TokenKind::name);
  return makeToken(kind, start);
}

/// Reports the character at `at`, which no token can start, and returns
/// its length in bytes.
unsigned Lexer::reportInvalidCharacter(const char *at) {
  uint32_t cp;
  unsigned length = decodeUTF8(at, end, cp);
  if (length == 0) {
    error(at, "invalid byte " + formatByte(static_cast<unsigned char>(*at)));
    return 1;
  }
  if (isNonPrintable(cp))
    error(at, "invalid non-printable character " + formatCodePoint(cp));
  else
    error(at, "invalid character '" + StringRef(at, length) + "' (" +
                  formatCodePoint(cp) + ")");
  return length;
}

Token Lexer::lexInvalidCharacter(const char *start) {
  cur = start + reportInvalidCharacter(start);
  // A run of garbage (a binary file, a pasted line of symbols) is one
  // mistake and one error token.
  while (cur != end && isInvalidCharacter(cur, end)) {
    uint32_t cp;
    unsigned length = decodeUTF8(cur, end, cp);
    cur += length ? length : 1;
  }
  return makeToken(TokenKind::error, start);
}

Token Lexer::lexPunctuation(const char *start) {
  auto consumeIf = [&](char expected) {
    if (cur == end || *cur != expected)
      return false;
    ++cur;
    return true;
  };
  // `op=` forms of the binary operators.
  auto withEqual = [&](TokenKind plain, TokenKind augmented) {
    return consumeIf('=') ? augmented : plain;
  };

  char c = *cur++;
  TokenKind kind;
  switch (c) {
  case '(':
  case '[':
  case '{':
    if (brackets.size() >= kMaxBracketDepth) {
      error(start, "too many nested parentheses");
      return makeToken(TokenKind::error, start);
    }
    brackets.push_back({c, start, lineStart});
    kind = c == '('   ? TokenKind::l_paren
           : c == '[' ? TokenKind::l_square
                      : TokenKind::l_brace;
    break;
  case ')':
  case ']':
  case '}':
    // A mismatched closer still closes the innermost bracket, so the lexer
    // returns to statement level once the line's brackets are spent; the
    // parser reports the mismatch.
    if (!brackets.empty())
      brackets.pop_back();
    kind = c == ')'   ? TokenKind::r_paren
           : c == ']' ? TokenKind::r_square
                      : TokenKind::r_brace;
    break;
  case ':':
    kind = withEqual(TokenKind::colon, TokenKind::colonequal);
    break;
  case ',':
    kind = TokenKind::comma;
    break;
  case ';':
    kind = TokenKind::semicolon;
    break;
  case '~':
    kind = TokenKind::tilde;
    break;
  case '.':
    if (end - cur >= 2 && cur[0] == '.' && cur[1] == '.') {
      cur += 2;
      kind = TokenKind::ellipsis;
    } else {
      kind = TokenKind::period;
    }
    break;
  case '+':
    kind = withEqual(TokenKind::plus, TokenKind::plusequal);
    break;
  case '-':
    kind = consumeIf('>') ? TokenKind::arrow
                          : withEqual(TokenKind::minus, TokenKind::minusequal);
    break;
  case '*':
    kind = consumeIf('*')
               ? withEqual(TokenKind::doublestar, TokenKind::doublestarequal)
               : withEqual(TokenKind::star, TokenKind::starequal);
    break;
  case '/':
    kind = consumeIf('/')
               ? withEqual(TokenKind::doubleslash, TokenKind::doubleslashequal)
               : withEqual(TokenKind::slash, TokenKind::slashequal);
    break;
  case '%':
    kind = withEqual(TokenKind::percent, TokenKind::percentequal);
    break;
  case '@':
    kind = withEqual(TokenKind::at, TokenKind::atequal);
    break;
  case '&':
    kind = withEqual(TokenKind::amp, TokenKind::ampequal);
    break;
  case '|':
    kind = withEqual(TokenKind::pipe, TokenKind::pipeequal);
    break;
  case '^':
    kind = withEqual(TokenKind::caret, TokenKind::caretequal);
    break;
  case '<':
    kind = consumeIf('<') ? withEqual(TokenKind::lshift, TokenKind::lshiftequal)
                          : withEqual(TokenKind::less, TokenKind::lessequal);
    break;
  case '>':
    kind = consumeIf('>')
               ? withEqual(TokenKind::rshift, TokenKind::rshiftequal)
               : withEqual(TokenKind::greater, TokenKind::greaterequal);
    break;
  case '=':
    kind = withEqual(TokenKind::equal, TokenKind::equalequal);
    break;
  case '!':
    if (consumeIf('=')) {
      kind = TokenKind::notequal;
      break;
    }
    [[fallthrough]];
  default:
    return lexInvalidCharacter(start);
  }
  return makeToken(kind, start);
}

//===----------------------------------------------------------------------===//
// Numbers
//===----------------------------------------------------------------------===//

/// Scans digits with single `_` separators between them. Returns false,
/// leaving `cur` on the offending `_`, for a doubled or trailing separator.
bool Lexer::scanDigits(bool (*isDigit)(char)) {
  while (cur != end) {
    if (isDigit(*cur)) {
      ++cur;
      continue;
    }
    if (*cur != '_')
      break;
    if (cur + 1 == end || !isDigit(cur[1]))
      return false;
    ++cur;
  }
  return true;
}

/// Rejects a number glued to a name (`1abc`), which would otherwise lex as
/// two tokens and produce a confusing parse error later. The offending
/// letters join the number token so the parser sees one well-formed
/// literal.
void Lexer::verifyEndOfNumber(const char *start, const char *kindName) {
  if (cur == end ||
      !(isASCIINameChar(*cur) || static_cast<unsigned char>(*cur) >= 0x80))
    return;
  const char *word = cur;
  const char *wordEnd = cur;
  while (wordEnd != end && isASCIINameChar(*wordEnd))
    ++wordEnd;
  if (mayFollowNumber(StringRef(word, wordEnd - word)))
    return;
  error(start, llvm::Twine("invalid ") + kindName + " literal");
  cur = wordEnd == word ? word + 1 : wordEnd;
}

Token Lexer::lexNumber(const char *start) {
  auto makeInteger = [&](uint64_t value, bool fits) {
    Token tok = makeToken(TokenKind::integer, start);
    tok.intValue = value;
    tok.intFits = fits;
    return tok;
  };
  // Accumulates the digits of [from, to) in `radix`, reporting overflow.
  auto integerValue = [&](const char *from, const char *to, unsigned radix) {
    uint64_t value = 0;
    for (const char *p = from; p != to; ++p) {
      if (*p == '_')
        continue;
      unsigned digit = llvm::hexDigitValue(*p);
      if (value > (UINT64_MAX - digit) / radix) {
        error(start, "integer literal is too large");
        return makeInteger(UINT64_MAX, false);
      }
      value = value * radix + digit;
    }
    return makeInteger(value, value <= static_cast<uint64_t>(INT64_MAX));
  };

  // 0x, 0o, 0b.
  if (*start == '0' && start + 1 != end &&
      StringRef("xXoObB").contains(start[1])) {
    char prefix = llvm::toLower(start[1]);
    unsigned radix = prefix == 'x' ? 16 : prefix == 'o' ? 8 : 2;
    const char *kindName = prefix == 'x'   ? "hexadecimal"
                           : prefix == 'o' ? "octal"
                                           : "binary";
    bool (*isDigit)(char) = prefix == 'x'   ? isHexadecimalDigit
                            : prefix == 'o' ? isOctalDigit
                                            : isBinaryDigit;
    cur = start + 2;
    if (cur != end && *cur == '_') // `0x_ff` is allowed
      ++cur;
    const char *digits = cur;
    bool ok = scanDigits(isDigit) && cur != digits;
    if (ok && radix != 16 && cur != end && isDecimalDigit(*cur)) {
      error(cur, llvm::Twine("invalid digit '") + StringRef(cur, 1) + "' in " +
                     kindName + " literal");
      while (cur != end && (isASCIINameChar(*cur)))
        ++cur;
      return makeInteger(0, true);
    }
    if (!ok) {
      error(start, llvm::Twine("invalid ") + kindName + " literal");
      while (cur != end && isASCIINameChar(*cur))
        ++cur;
      return makeInteger(0, true);
    }
    const char *digitsEnd = cur;
    verifyEndOfNumber(start, kindName);
    Token tok = integerValue(digits, digitsEnd, radix);
    tok.spelling = StringRef(start, cur - start);
    return tok;
  }

  // Decimal integers, floats and imaginary numbers.
  cur = start;
  bool ok = true;
  bool isFloat = false;
  if (*cur != '.')
    ok = scanDigits(isDecimalDigit);
  if (ok && cur != end && *cur == '.') {
    isFloat = true;
    ++cur;
    if (cur != end && isDecimalDigit(*cur))
      ok = scanDigits(isDecimalDigit);
    else if (cur != end && *cur == '_')
      ok = false;
  }
  if (ok && cur != end && (*cur == 'e' || *cur == 'E')) {
    // Only an exponent if digits follow: in `1else` the `e` starts a keyword.
    const char *p = cur + 1;
    if (p != end && (*p == '+' || *p == '-'))
      ++p;
    if (p != end && isDecimalDigit(*p)) {
      isFloat = true;
      cur = p;
      ok = scanDigits(isDecimalDigit);
    }
  }
  if (!ok) {
    error(start, "invalid decimal literal");
    while (cur != end && (isASCIINameChar(*cur) || *cur == '.'))
      ++cur;
    return makeInteger(0, true);
  }
  bool imaginary = false;
  if (cur != end && (*cur == 'j' || *cur == 'J')) {
    imaginary = true;
    ++cur;
  }
  const char *numberEnd = imaginary ? cur - 1 : cur;
  verifyEndOfNumber(start, imaginary ? "imaginary" : "decimal");

  std::string digits;
  for (const char *p = start; p != numberEnd; ++p)
    if (*p != '_')
      digits += *p;

  if (imaginary || isFloat) {
    Token tok = makeToken(
        imaginary ? TokenKind::imaginary : TokenKind::floating, start);
    tok.floatValue = std::strtod(digits.c_str(), nullptr);
    return tok;
  }
  if (digits.size() > 1 && digits[0] == '0' &&
      digits.find_first_not_of('0') != std::string::npos)
    error(start, "leading zeros in decimal integer literals are not "
                 "permitted; use an 0o prefix for octal integers");
  const char *spellingEnd = cur;
  Token tok = integerValue(start, numberEnd, 10);
  tok.spelling = StringRef(start, spellingEnd - start);
  return tok;
}

//===----------------------------------------------------------------------===//
// Strings
//===----------------------------------------------------------------------===//

Token Lexer::lexString(const char *start, const char *quote) {
  std::string prefix = StringRef(start, quote - start).lower();
  bool raw = StringRef(prefix).contains('r');
  char q = *quote;
  bool triple = end - quote >= 3 && quote[1] == q && quote[2] == q;
  auto atClosingQuote = [&] {
    return *cur == q &&
           (!triple || (end - cur >= 3 && cur[1] == q && cur[2] == q));
  };

  cur = quote + (triple ? 3 : 1);
  std::string value;
  while (true) {
    if (cur == end || (!triple && atNewline())) {
      error(quote, triple ? "unterminated triple-quoted string literal"
                          : "unterminated string literal");
      // The rest of the line is lost; so are the brackets opened on it, so
      // that the next line starts a fresh statement.
      dropBracketsOpenedSince(lineStart);
      return makeToken(TokenKind::error, start);
    }
    if (atClosingQuote()) {
      cur += triple ? 3 : 1;
      break;
    }
    char c = *cur;
    if (c == '\\') {
      if (!raw) {
        lexEscape(value);
        continue;
      }
      // A raw string keeps its backslashes, but one still stops the next
      // quote (or backslash) from ending the literal.
      value += c;
      ++cur;
      if (cur != end && (*cur == q || *cur == '\\')) {
        value += *cur++;
      } else if (atNewline()) {
        skipNewline();
        value += '\n';
      }
      continue;
    }
    if (atNewline()) { // only in triple-quoted strings
      skipNewline();
      value += '\n';
      continue;
    }
    if (c == '\0') {
      error(cur, "invalid non-printable character U+0000");
      ++cur;
      continue;
    }
    if (static_cast<unsigned char>(c) >= 0x80) {
      uint32_t cp;
      unsigned length = decodeUTF8(cur, end, cp);
      if (length == 0) {
        // Str values are UTF-8 by invariant; the runtime relies on it.
        error(cur, "invalid byte " + formatByte(c) + " in string literal");
        ++cur;
        continue;
      }
      value.append(cur, length);
      cur += length;
      continue;
    }
    value += c;
    ++cur;
  }

  Token tok = makeToken(TokenKind::string, start);
  tok.strValue = std::move(value);
  return tok;
}

/// Decodes the escape sequence at `cur` (a backslash) into `value`.
void Lexer::lexEscape(std::string &value) {
  const char *escape = cur++;
  if (cur == end)
    return; // the caller reports the unterminated literal
  if (atNewline()) {
    skipNewline(); // backslash-newline continues the literal
    return;
  }
  char c = *cur++;
  switch (c) {
  case '\\':
  case '\'':
  case '"':
    value += c;
    return;
  case 'a':
    value += '\a';
    return;
  case 'b':
    value += '\b';
    return;
  case 'f':
    value += '\f';
    return;
  case 'n':
    value += '\n';
    return;
  case 'r':
    value += '\r';
    return;
  case 't':
    value += '\t';
    return;
  case 'v':
    value += '\v';
    return;
  case '0':
  case '1':
  case '2':
  case '3':
  case '4':
  case '5':
  case '6':
  case '7': {
    uint32_t cp = c - '0';
    for (int i = 0; i < 2 && cur != end && isOctalDigit(*cur); ++i)
      cp = cp * 8 + (*cur++ - '0');
    appendUTF8(value, cp);
    return;
  }
  case 'x':
  case 'u':
  case 'U': {
    unsigned numDigits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
    uint32_t cp = 0;
    for (unsigned i = 0; i < numDigits; ++i) {
      if (cur == end || !llvm::isHexDigit(*cur)) {
        error(escape, c == 'x'   ? "truncated \\xXX escape"
                      : c == 'u' ? "truncated \\uXXXX escape"
                                 : "truncated \\UXXXXXXXX escape");
        return;
      }
      cp = cp * 16 + llvm::hexDigitValue(*cur++);
    }
    if (cp > 0x10FFFF) {
      error(escape, "illegal Unicode character in \\U escape");
      return;
    }
    if (cp >= 0xD800 && cp <= 0xDFFF) {
      // Lone surrogates have no UTF-8 form, and Roast strings are UTF-8.
      error(escape, "surrogate code point " + formatCodePoint(cp) +
                        " is not supported in string literals");
      return;
    }
    appendUTF8(value, cp);
    return;
  }
  case 'N':
    error(escape, "\\N{...} escapes are not supported yet");
    if (cur != end && *cur == '{') {
      while (cur != end && *cur != '}' && *cur != '\'' && *cur != '"' &&
             !atNewline())
        ++cur;
      if (cur != end && *cur == '}')
        ++cur;
    }
    return;
  default:
    // Python keeps unknown escapes verbatim (with a SyntaxWarning). Rescan
    // the character itself so a multi-byte one is validated.
    value += '\\';
    cur = escape + 1;
    return;
  }
}

/// f-strings keep their raw text for the f-string parser; the lexer only
/// finds where they end, which since PEP 701 means following replacement
/// fields, since those may hold strings with the same quote.
Token Lexer::lexFString(const char *start, const char *quote, bool raw) {
  char q = *quote;
  bool triple = end - quote >= 3 && quote[1] == q && quote[2] == q;
  const char *openingLine = lineStart;
  cur = quote + (triple ? 3 : 1);
  const char *body = cur;
  fstringDepth = 0;
  if (!skipFStringMiddle(q, triple, raw, /*inSpec=*/false)) {
    error(quote, triple ? "unterminated triple-quoted f-string literal"
                        : "unterminated f-string literal");
    // The failed scan may have run far; resume after the opening line.
    if (!triple) {
      cur = quote;
      lineStart = openingLine;
      skipToEndOfLine();
      dropBracketsOpenedSince(openingLine);
    }
    return makeToken(TokenKind::error, start);
  }
  Token tok = makeToken(TokenKind::fstring, start);
  tok.strValue = std::string(body, cur - (triple ? 3 : 1) - body);
  checkText(body, cur, "string literal");
  return tok;
}

/// Skips the literal part of an f-string up to and including its closing
/// quote, or, in a format spec, up to and including the `}` that ends the
/// replacement field. Returns false if the f-string does not end.
bool Lexer::skipFStringMiddle(char quote, bool triple, bool raw, bool inSpec) {
  while (cur != end) {
    char c = *cur;
    if (c == quote &&
        (!triple || (end - cur >= 3 && cur[1] == quote && cur[2] == quote))) {
      if (inSpec)
        return false;
      cur += triple ? 3 : 1;
      return true;
    }
    if (atNewline()) {
      if (!triple && !inSpec)
        return false;
      skipNewline();
      continue;
    }
    if (c == '\\') {
      ++cur;
      if (cur == end)
        return false;
      if (!raw && *cur == 'N' && cur + 1 != end && cur[1] == '{') {
        while (cur != end && *cur != '}' && !atNewline())
          ++cur;
        if (cur != end && *cur == '}')
          ++cur;
      } else if (atNewline()) {
        skipNewline();
      } else if (*cur != '{' && *cur != '}') { // `\{` still opens a field
        ++cur;
      }
      continue;
    }
    if (c == '{') {
      if (cur + 1 != end && cur[1] == '{') {
        cur += 2;
        continue;
      }
      if (!skipFStringReplacementField(quote, triple, raw))
        return false;
      continue;
    }
    if (c == '}') {
      if (inSpec) {
        ++cur;
        return true;
      }
      cur += cur + 1 != end && cur[1] == '}' ? 2 : 1;
      continue;
    }
    ++cur;
  }
  return false;
}

/// Skips `{expression[!conversion][:spec]}` starting at its `{`.
bool Lexer::skipFStringReplacementField(char quote, bool triple, bool raw) {
  if (++fstringDepth > kMaxFStringDepth)
    return false;
  ++cur;
  unsigned depth = 0;
  bool result = false;
  while (cur != end) {
    char c = *cur;
    if (c == '\'' || c == '"') {
      if (!skipNestedString(cur, /*isFString=*/false, /*raw=*/false))
        break;
      continue;
    }
    if (isASCIINameStart(c)) {
      const char *word = cur;
      while (cur != end && isASCIINameChar(*cur))
        ++cur;
      StringRef text(word, cur - word);
      if (cur != end && (*cur == '\'' || *cur == '"') && isStringPrefix(text)) {
        std::string prefix = text.lower();
        if (!skipNestedString(cur, StringRef(prefix).contains('f'),
                              StringRef(prefix).contains('r')))
          break;
      }
      continue;
    }
    if (atNewline()) { // allowed inside replacement fields since 3.12
      skipNewline();
      continue;
    }
    ++cur;
    if (c == '(' || c == '[' || c == '{') {
      ++depth;
    } else if ((c == ')' || c == ']') && depth) {
      --depth;
    } else if (c == '}') {
      if (depth == 0) {
        result = true;
        break;
      }
      --depth;
    } else if (c == ':' && depth == 0) {
      result = skipFStringMiddle(quote, triple, raw, /*inSpec=*/true);
      break;
    }
  }
  --fstringDepth;
  return result;
}

/// Skips a string literal nested in a replacement field, starting at its
/// opening quote.
bool Lexer::skipNestedString(const char *quote, bool isFString, bool raw) {
  char q = *quote;
  bool triple = end - quote >= 3 && quote[1] == q && quote[2] == q;
  cur = quote + (triple ? 3 : 1);
  if (isFString)
    return skipFStringMiddle(q, triple, raw, /*inSpec=*/false);
  while (cur != end) {
    if (*cur == q &&
        (!triple || (end - cur >= 3 && cur[1] == q && cur[2] == q))) {
      cur += triple ? 3 : 1;
      return true;
    }
    if (atNewline()) {
      if (!triple)
        return false;
      skipNewline();
      continue;
    }
    if (*cur == '\\') {
      ++cur;
      if (cur == end)
        return false;
      if (atNewline())
        skipNewline();
      else
        ++cur;
      continue;
    }
    ++cur;
  }
  return false;
}

//===----------------------------------------------------------------------===//
// Token dump
//===----------------------------------------------------------------------===//

void roast::dumpTokens(llvm::SourceMgr &sourceMgr, unsigned bufferId,
                       DiagEngine &diags, llvm::raw_ostream &os) {
  Lexer lexer(sourceMgr, bufferId, diags);
  while (true) {
    Token tok = lexer.next();
    auto [line, column] = sourceMgr.getLineAndColumn(tok.loc, bufferId);
    os << line << ':' << column << ' ' << getTokenKindName(tok.kind) << ' ';
    ast::printQuoted(os, tok.spelling, '\'');
    os << '\n';
    if (tok.is(TokenKind::eof))
      break;
  }
}
