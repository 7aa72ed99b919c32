//===- Diagnostics.h - Front-end diagnostics ---------------------*- C++ -*-===//
//
// Errors from the lexer, parser and Sema, printed by llvm::SourceMgr as
// `file.roast:LINE:COL: error: message`, the source line and a caret.
//
//===----------------------------------------------------------------------===//

#ifndef ROAST_BASIC_DIAGNOSTICS_H
#define ROAST_BASIC_DIAGNOSTICS_H

#include "llvm/ADT/Twine.h"
#include "llvm/Support/SourceMgr.h"

namespace roast {

class DiagEngine {
public:
  explicit DiagEngine(llvm::SourceMgr &sourceMgr) : sourceMgr(sourceMgr) {}

  void error(llvm::SMLoc loc, const llvm::Twine &message) {
    ++numErrors;
    sourceMgr.PrintMessage(loc, llvm::SourceMgr::DK_Error, message);
  }
  void note(llvm::SMLoc loc, const llvm::Twine &message) {
    sourceMgr.PrintMessage(loc, llvm::SourceMgr::DK_Note, message);
  }

  unsigned getNumErrors() const { return numErrors; }
  bool hadErrors() const { return numErrors != 0; }
  llvm::SourceMgr &getSourceMgr() { return sourceMgr; }

private:
  llvm::SourceMgr &sourceMgr;
  unsigned numErrors = 0;
};

} // namespace roast

#endif // ROAST_BASIC_DIAGNOSTICS_H
