// Scratch driver: dumps the tokens or the AST of a file.
#include "Roast/AST/AST.h"
#include "Roast/Basic/Diagnostics.h"
#include "Roast/Parse/Lexer.h"
#include "Roast/Parse/Parser.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"
#include <cstring>

int main(int argc, char **argv) {
  if (argc < 3) {
    llvm::errs() << "usage: driver tokens|ast|parse FILE\n";
    return 2;
  }
  auto buf = llvm::MemoryBuffer::getFileOrSTDIN(argv[2]);
  if (!buf) {
    llvm::errs() << "cannot read " << argv[2] << "\n";
    return 2;
  }
  llvm::SourceMgr sm;
  unsigned id = sm.AddNewSourceBuffer(std::move(*buf), llvm::SMLoc());
  roast::DiagEngine diags(sm);
  if (!strcmp(argv[1], "tokens")) {
    roast::dumpTokens(sm, id, diags, llvm::outs());
  } else {
    auto module = roast::parseModule(sm, id, diags);
    if (!strcmp(argv[1], "ast"))
      roast::ast::dump(*module, llvm::outs());
  }
  return diags.hadErrors() ? 1 : 0;
}
