//===- Diagnostics.h - Front-end diagnostics ---------------------*- C++ -*-===//
//
// Errors from the lexer, parser and Sema, printed by llvm::SourceMgr as
// `file.roast:LINE:COL: error: message`, the source line and a caret.
// Sema checks module-level code before function bodies, so diagnostics are
// buffered and printed in source order by flush().
//
//===----------------------------------------------------------------------===//

#ifndef ROAST_BASIC_DIAGNOSTICS_H
#define ROAST_BASIC_DIAGNOSTICS_H

#include "llvm/ADT/Twine.h"
#include "llvm/Support/SourceMgr.h"

#include <algorithm>
#include <cassert>
#include <string>
#include <tuple>
#include <vector>

namespace roast {

class DiagEngine {
public:
  explicit DiagEngine(llvm::SourceMgr &sourceMgr) : sourceMgr(sourceMgr) {}
  DiagEngine(const DiagEngine &) = delete;
  DiagEngine &operator=(const DiagEngine &) = delete;
  ~DiagEngine() { flush(); }

  void error(llvm::SMLoc loc, const llvm::Twine &message) {
    ++numErrors;
    pending.push_back({loc, pending.size(), message.str(), {}});
  }
  /// A note attached to the last error.
  void note(llvm::SMLoc loc, const llvm::Twine &message) {
    if (pending.empty())
      return;
    pending.back().notes.push_back({loc, message.str()});
  }

  /// Prints the buffered diagnostics, ordered by file (in the order they
  /// were read) and by position in the file.
  void flush() {
    // Same position: keep the order of reporting.
    auto key = [&](const Pending &diag) {
      unsigned buffer =
          diag.loc.isValid() ? sourceMgr.FindBufferContainingLoc(diag.loc) : 0;
      return std::make_tuple(buffer, diag.loc.getPointer(), diag.order);
    };
    std::sort(pending.begin(), pending.end(),
              [&](const Pending &a, const Pending &b) {
                return key(a) < key(b);
              });
    const Pending *previous = nullptr;
    for (const Pending &diag : pending) {
      // A construct checked twice reports the same error once.
      if (previous && previous->loc == diag.loc &&
          previous->message == diag.message)
        continue;
      previous = &diag;
      sourceMgr.PrintMessage(diag.loc, llvm::SourceMgr::DK_Error,
                             diag.message);
      for (const auto &[loc, message] : diag.notes)
        sourceMgr.PrintMessage(loc, llvm::SourceMgr::DK_Note, message);
    }
    pending.clear();
  }

  unsigned getNumErrors() const { return numErrors; }

  /// Errors reported since `mark` (a getNumErrors() result) can be taken
  /// back while they are still buffered: Sema tries code it may drop.
  void discardErrorsSince(unsigned mark) {
    assert(numErrors - mark <= pending.size() && "errors already printed");
    pending.resize(pending.size() - (numErrors - mark));
    numErrors = mark;
  }
  bool hadErrors() const { return numErrors != 0; }
  llvm::SourceMgr &getSourceMgr() { return sourceMgr; }

private:
  struct Pending {
    llvm::SMLoc loc;
    size_t order;
    std::string message;
    std::vector<std::pair<llvm::SMLoc, std::string>> notes;
  };
  llvm::SourceMgr &sourceMgr;
  std::vector<Pending> pending;
  unsigned numErrors = 0;
};

} // namespace roast

#endif // ROAST_BASIC_DIAGNOSTICS_H
