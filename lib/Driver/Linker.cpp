//===- Linker.cpp - Link objects with the runtime into an executable ------===//

#include "Roast/Driver/Backend.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

#include <cstdlib>

using namespace roast;

/// The C compiler driver knows the platform's crt files, libc and default
/// link flags (PIE, build-id, ...); roastc does not want to.
static llvm::ErrorOr<std::string> findCompilerDriver() {
  for (const char *name : {"clang-22", "cc"})
    if (auto path = llvm::sys::findProgramByName(name))
      return path;
  return std::make_error_code(std::errc::no_such_file_or_directory);
}

llvm::Error roast::linkExecutable(llvm::ArrayRef<std::string> objects,
                                  llvm::StringRef runtimeLibrary,
                                  llvm::StringRef output) {
  llvm::ErrorOr<std::string> driver = findCompilerDriver();
  if (!driver)
    return llvm::createStringError(
        "cannot link: neither clang-22 nor cc is on PATH");
  llvm::SmallVector<llvm::StringRef, 8> args = {*driver};
  args.append(objects.begin(), objects.end());
  // After the objects: a static archive only supplies what they reference.
  args.append({runtimeLibrary, "-lpthread", "-lm", "-o", output});

  std::string message;
  int status = llvm::sys::ExecuteAndWait(*driver, args, /*Env=*/std::nullopt,
                                         /*Redirects=*/{}, /*SecondsToWait=*/0,
                                         /*MemoryLimit=*/0, &message);
  if (status != 0)
    return llvm::createStringError(
        "linking failed: " + *driver +
        (message.empty() ? " exited with status " + std::to_string(status)
                         : ": " + message));
  return llvm::Error::success();
}

std::string roast::findRuntimeLibrary(const char *argv0) {
  if (const char *path = std::getenv("ROAST_RUNTIME_LIB"))
    return path;
  // Any function of this program will do as the address to resolve.
  std::string executable = llvm::sys::fs::getMainExecutable(
      argv0, reinterpret_cast<void *>(&findRuntimeLibrary));
  if (executable.empty())
    return "";
  llvm::SmallString<256> path(
      llvm::sys::path::parent_path(llvm::sys::path::parent_path(executable)));
  llvm::sys::path::append(path, "lib", "libRoastRuntime.a");
  if (!llvm::sys::fs::exists(path))
    return "";
  return std::string(path);
}
