//===- BuiltinModules.h - Modules the compiler provides ---------*- C++ -*-===//

#ifndef ROAST_BASIC_BUILTINMODULES_H
#define ROAST_BASIC_BUILTINMODULES_H

#include "llvm/ADT/StringRef.h"

namespace roast {

/// Whether `name` is a module the compiler provides (math, sys, time,
/// random, typing) rather than a .roast file.
inline bool isBuiltinModuleName(llvm::StringRef name) {
  return name == "math" || name == "sys" || name == "time" ||
         name == "random" || name == "typing";
}

} // namespace roast

#endif // ROAST_BASIC_BUILTINMODULES_H
