//===- JIT.h - Run a compiled Roast module in-process with ORC --*- C++ -*-===//
//
// `roastc run` executes the optimised LLVM module inside roastc itself
// (LLVM ORC's LLJIT) instead of linking a temporary executable and starting
// it: no linker process, no temporary files. The runtime archive is linked
// into the JIT on demand, so the program sees the same runtime as a built
// executable does.
//
//===----------------------------------------------------------------------===//

#ifndef ROAST_DRIVER_JIT_H
#define ROAST_DRIVER_JIT_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <string>

namespace llvm {
class LLVMContext;
class Module;
} // namespace llvm

namespace roast {

struct JITOptions {
  /// Code generation level, 0..3, as BackendOptions::optLevel. The module
  /// itself should already be optimised (translateAndOptimize).
  unsigned optLevel = 2;
};

/// Compiles `module` (an optimised module from translateAndOptimize) to
/// host code in this process, links it with the static runtime archive at
/// `runtimeLibrary` and the C library of this process, and runs the program
/// as the runtime's own `main` would: `roast_rt_main(argc, argv,
/// roast_module_init)`. `argv[0]` should be the script path, as in CPython's
/// sys.argv. Returns the program's exit status, or an error if the program
/// could not be started (nothing of it has run then) or the handlers it
/// registered with atexit could not be run.
///
/// A run-time error in the program ends the whole process with status 1
/// (the runtime's roast_rt_raise calls exit), as it would end the program's
/// own executable.
llvm::Expected<int> runInJIT(std::unique_ptr<llvm::Module> module,
                             std::unique_ptr<llvm::LLVMContext> context,
                             llvm::StringRef runtimeLibrary,
                             llvm::ArrayRef<std::string> argv,
                             const JITOptions &options = {});

} // namespace roast

#endif // ROAST_DRIVER_JIT_H
