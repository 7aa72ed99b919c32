//===- Parser.h - Roast parser ----------------------------------*- C++ -*-===//
//
// Recursive-descent parser for Roast's Python 3.12 syntax, producing the AST
// of include/Roast/AST/AST.h.
//
//===----------------------------------------------------------------------===//

#ifndef ROAST_PARSE_PARSER_H
#define ROAST_PARSE_PARSER_H

#include "Roast/AST/AST.h"

#include <memory>

namespace llvm {
class SourceMgr;
} // namespace llvm

namespace roast {
class DiagEngine;

/// Parses one buffer of `sourceMgr` as a module. Syntax errors go to
/// `diags`; the parser recovers at statement boundaries, so one run reports
/// every independent error, and always returns a module (with the broken
/// statements left out). Valid Python outside the AST becomes
/// UnsupportedExpr / UnsupportedStmt for Sema to report.
std::unique_ptr<ast::Module> parseModule(llvm::SourceMgr &sourceMgr,
                                         unsigned bufferId, DiagEngine &diags);

} // namespace roast

#endif // ROAST_PARSE_PARSER_H
