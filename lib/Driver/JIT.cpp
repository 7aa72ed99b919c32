//===- JIT.cpp - Run an optimised Roast module in-process with LLJIT ------===//

#include "Roast/Driver/JIT.h"

#include "Roast/Driver/Backend.h"

#include "llvm/ExecutionEngine/Orc/ExecutionUtils.h"
#include "llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h"
#include "llvm/ExecutionEngine/Orc/LLJIT.h"
#include "llvm/ExecutionEngine/Orc/ThreadSafeModule.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/TargetSelect.h"

#include <mutex>
#include <vector>

using namespace roast;

namespace {
/// The C ABI of lib/Runtime/Main.c; the runtime's headers are C-only and
/// roastc does not link the runtime itself.
using ModuleInitFn = void (*)();
using RuntimeMainFn = int (*)(int, char **, ModuleInitFn);
} // namespace

static llvm::Expected<std::unique_ptr<llvm::orc::LLJIT>>
createJIT(const JITOptions &options) {
  static std::once_flag initialized;
  std::call_once(initialized, [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
  });

  auto machineBuilder = llvm::orc::JITTargetMachineBuilder::detectHost();
  if (!machineBuilder)
    return machineBuilder.takeError();
  // PIC as for `roastc build`: JIT memory and the C library can lie
  // anywhere in the address space, so absolute 32-bit addresses would not
  // do; calls out of the module go through JITLink's GOT and stubs.
  machineBuilder->setRelocationModel(llvm::Reloc::PIC_);
  // The host's triple and data layout, but not its CPU: a function without
  // a target-features attribute gets the target machine's, and the host's
  // (AVX-512, FMA, ...) would make `run` generate other code than `build`,
  // fused multiply-adds and so other float results included. The functions
  // carry the CPU translateAndOptimize chose for them.
  machineBuilder->setCPU("");
  machineBuilder->getFeatures() = llvm::SubtargetFeatures();
  machineBuilder->setCodeGenOptLevel(getCodeGenOptLevel(options.optLevel));
  machineBuilder->setOptions(getTargetOptions(machineBuilder->getTargetTriple()));
  // LLJIT links the symbols of this process (libc, libm, libpthread and
  // libgcc_s, which roastc itself depends on) after the main JITDylib by
  // default, through DynamicLibrarySearchGenerator::GetForCurrentProcess.
  // Its default platform also interposes atexit, which lives in
  // libc_nonshared.a and cannot be found with dlsym.
  return llvm::orc::LLJITBuilder()
      .setJITTargetMachineBuilder(std::move(*machineBuilder))
      .create();
}

/// translateAndOptimize targets LLVM's default triple, the JIT the triple of
/// this process. They are the same wherever LLVM was built for the host it
/// runs on (Debian's x86_64-pc-linux-gnu), and then so are the layouts.
/// LLJIT refuses a module with another layout than its own, so should they
/// ever differ the JIT's wins: the code runs in this process and nowhere
/// else.
static void adoptJITTarget(llvm::Module &module, const llvm::orc::LLJIT &jit) {
  if (module.getDataLayout() != jit.getDataLayout())
    module.setDataLayout(jit.getDataLayout());
  if (module.getTargetTriple() != jit.getTargetTriple())
    module.setTargetTriple(jit.getTargetTriple());
}

llvm::Expected<int> roast::runInJIT(std::unique_ptr<llvm::Module> module,
                                    std::unique_ptr<llvm::LLVMContext> context,
                                    llvm::StringRef runtimeLibrary,
                                    llvm::ArrayRef<std::string> argv,
                                    const JITOptions &options) {
  // Owns both at once from here on: the order in which the parameters are
  // destroyed is up to the compiler, and the module must go first.
  llvm::orc::ThreadSafeModule program(std::move(module), std::move(context));
  auto jit = createJIT(options);
  if (!jit)
    return jit.takeError();
  llvm::orc::LLJIT &lljit = **jit;
  llvm::orc::JITDylib &mainLib = lljit.getMainJITDylib();

  // Like the static linker, only the archive members the program needs are
  // loaded; EntryMain.o and its `main` never are, as nothing looks it up.
  auto runtime = llvm::orc::StaticLibraryDefinitionGenerator::Load(
      lljit.getObjLinkingLayer(), runtimeLibrary.str().c_str());
  if (!runtime)
    return llvm::createStringError("cannot load the runtime library: " +
                                   llvm::toString(runtime.takeError()));
  mainLib.addGenerator(std::move(*runtime));

  program.withModuleDo(
      [&](llvm::Module &module) { adoptJITTarget(module, lljit); });
  if (llvm::Error err = lljit.addIRModule(std::move(program)))
    return std::move(err);

  // Looking the entry points up compiles the module and links the runtime;
  // unresolved symbols are reported here, before anything has run.
  auto runtimeMain = lljit.lookup("roast_rt_main");
  if (!runtimeMain)
    return runtimeMain.takeError();
  auto moduleInit = lljit.lookup("roast_module_init");
  if (!moduleInit)
    return moduleInit.takeError();
  if (llvm::Error err = lljit.initialize(mainLib))
    return std::move(err);

  // C's argv: null-terminated, and its strings are the program's to modify.
  std::vector<std::string> args(argv.begin(), argv.end());
  std::vector<char *> cArgs;
  cArgs.reserve(args.size() + 1);
  for (std::string &arg : args)
    cArgs.push_back(arg.data());
  cArgs.push_back(nullptr);
  int status = runtimeMain->toPtr<RuntimeMainFn>()(
      static_cast<int>(args.size()), cArgs.data(),
      moduleInit->toPtr<ModuleInitFn>());

  // Runs the handlers the program registered with atexit (the runtime's
  // stdout flush among them); LLJIT interposed them, so the C library
  // would never call them.
  if (llvm::Error err = lljit.deinitialize(mainLib))
    return std::move(err);
  return status;
}
