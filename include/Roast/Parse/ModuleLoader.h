//===- ModuleLoader.h - Finding and parsing imported modules ----*- C++ -*-===//
//
// A program is its main file plus every .roast module it imports, directly
// or not. The loader resolves `import m` / `from m import x` to m.roast
// beside the importing file or on a search path (-I), parses each module
// once, reports missing modules and import cycles, and orders the modules
// so that each comes after the modules it imports: the order Sema checks
// them in and their top-level code first runs in.
//
//===----------------------------------------------------------------------===//

#ifndef ROAST_PARSE_MODULELOADER_H
#define ROAST_PARSE_MODULELOADER_H

#include "Roast/AST/AST.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <memory>
#include <string>
#include <vector>

namespace llvm {
class SourceMgr;
} // namespace llvm

namespace roast {
class DiagEngine;

/// One parsed module of a program.
struct ParsedModule {
  /// The name code imports it by; the main module's is its file's stem.
  std::string name;
  std::unique_ptr<ast::Module> ast;
};

/// Parses the main module in `mainBuffer` of `sourceMgr` and, transitively,
/// the modules it imports, looked up beside the importing file and then in
/// `searchPaths`. Returns the modules imported-first, the main module last;
/// empty after reporting an error to `diags` (a syntax error, a module that
/// is not found, an import cycle).
std::vector<ParsedModule> loadProgram(llvm::SourceMgr &sourceMgr,
                                      unsigned mainBuffer,
                                      llvm::StringRef mainName,
                                      llvm::ArrayRef<std::string> searchPaths,
                                      DiagEngine &diags);

} // namespace roast

#endif // ROAST_PARSE_MODULELOADER_H
