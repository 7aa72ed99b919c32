//===- ModuleLoader.cpp - Finding and parsing imported modules ------------===//
//
// A depth-first walk over import statements: a module is emitted once all
// the modules it imports are, so the result is a topological order. A module
// met again while its own imports are still being walked closes a cycle.
// Python would run a cyclic import half-initialised; Roast reports it, since
// names used across the cycle could not be typed in any order.
//
//===----------------------------------------------------------------------===//

#include "Roast/Parse/ModuleLoader.h"

#include "Roast/Basic/BuiltinModules.h"
#include "Roast/Basic/Diagnostics.h"
#include "Roast/Parse/Parser.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"

using namespace roast;
using namespace roast::ast;

namespace {

/// One imported name: the module and where the import statement names it.
struct ModuleReference {
  std::string name;
  llvm::SMLoc loc;
};

/// The modules `block` imports, in order, including imports nested in
/// if/try/loop blocks (imports inside functions are Sema's to reject).
void collectImports(const Block &block,
                    std::vector<ModuleReference> &imports) {
  for (const StmtPtr &stmt : block) {
    if (auto *import = llvm::dyn_cast<ImportStmt>(stmt.get())) {
      if (!import->from.empty())
        imports.push_back({import->from, import->getLoc()});
      else
        for (const ImportStmt::Name &name : import->names)
          imports.push_back({name.name, name.loc});
    }
    forEachChildBlock(*stmt, [&](const Block &child) {
      collectImports(child, imports);
    });
  }
}

class Loader {
public:
  Loader(llvm::SourceMgr &sourceMgr, llvm::ArrayRef<std::string> searchPaths,
         DiagEngine &diags)
      : sourceMgr(sourceMgr), searchPaths(searchPaths), diags(diags) {}

  /// Parses the module in `buffer` and, first, the modules it imports.
  void load(llvm::StringRef name, unsigned buffer);

  std::vector<ParsedModule> loaded;

private:
  /// The buffer holding module `name`, read from the directory of
  /// `importer` or a search path; 0 if there is none.
  unsigned findModule(llvm::StringRef name, llvm::StringRef importer);
  void reportCycle(const ModuleReference &import);

  enum class State { Loading, Loaded };
  llvm::SourceMgr &sourceMgr;
  llvm::ArrayRef<std::string> searchPaths;
  DiagEngine &diags;
  llvm::StringMap<State> states;
  /// The modules being loaded, importer first.
  std::vector<std::string> stack;
};

} // namespace

unsigned Loader::findModule(llvm::StringRef name, llvm::StringRef importer) {
  std::vector<std::string> dirs;
  llvm::StringRef importerDir = llvm::sys::path::parent_path(importer);
  dirs.push_back(importerDir.str()); // "": the current directory
  dirs.insert(dirs.end(), searchPaths.begin(), searchPaths.end());
  for (const std::string &dir : dirs) {
    llvm::SmallString<128> path(dir);
    llvm::sys::path::append(path, name + ".roast");
    if (!llvm::sys::fs::is_regular_file(path))
      continue;
    auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
    if (!buffer)
      continue;
    return sourceMgr.AddNewSourceBuffer(std::move(*buffer), llvm::SMLoc());
  }
  return 0;
}

void Loader::reportCycle(const ModuleReference &import) {
  auto first = llvm::find(stack, import.name);
  std::string chain;
  for (auto it = first; it != stack.end(); ++it)
    chain += *it + " -> ";
  chain += import.name;
  diags.error(import.loc, "import cycle: " + chain +
                              " (a module cannot import, directly or not, a "
                              "module that imports it)");
}

void Loader::load(llvm::StringRef name, unsigned buffer) {
  states[name] = State::Loading;
  stack.push_back(name.str());
  std::unique_ptr<Module> module = parseModule(sourceMgr, buffer, diags);
  module->reparse = [&sourceMgr = sourceMgr, buffer, &diags = diags] {
    return parseModule(sourceMgr, buffer, diags);
  };
  std::vector<ModuleReference> imports;
  collectImports(module->body, imports);
  for (const ModuleReference &import : imports) {
    if (isBuiltinModuleName(import.name))
      continue;
    auto state = states.find(import.name);
    if (state != states.end()) {
      if (state->second == State::Loading)
        reportCycle(import);
      continue;
    }
    if (llvm::StringRef(import.name).contains('.')) {
      diags.error(import.loc, "No module named '" + import.name +
                                  "' (packages are not supported yet)");
      continue;
    }
    unsigned imported = findModule(import.name, module->fileName);
    if (!imported) {
      diags.error(import.loc,
                  "No module named '" + import.name + "' (looked for " +
                      import.name + ".roast beside " +
                      llvm::sys::path::filename(module->fileName) +
                      (searchPaths.empty() ? "" : " and on the -I paths") +
                      ")");
      continue;
    }
    load(import.name, imported);
  }
  stack.pop_back();
  states[name] = State::Loaded;
  loaded.push_back({name.str(), std::move(module)});
}

std::vector<ParsedModule>
roast::loadProgram(llvm::SourceMgr &sourceMgr, unsigned mainBuffer,
                   llvm::StringRef mainName,
                   llvm::ArrayRef<std::string> searchPaths, DiagEngine &diags) {
  unsigned errorsBefore = diags.getNumErrors();
  Loader loader(sourceMgr, searchPaths, diags);
  loader.load(mainName, mainBuffer);
  if (diags.getNumErrors() != errorsBefore)
    return {};
  return std::move(loader.loaded);
}
