//===- Backend.cpp - roast IR to optimised host code through LLVM ---------===//

#include "Roast/Driver/Backend.h"

#include "Roast/Pipeline/Pipeline.h"

#include "mlir/Pass/PassManager.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Verifier.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/SubtargetFeature.h"

#include <mutex>

using namespace roast;

mlir::LogicalResult roast::lowerToLLVMDialect(mlir::ModuleOp module,
                                              const BackendOptions &options) {
  mlir::PassManager pm(module->getName());
  RoastOptimizationOptions roastOptions;
  roastOptions.inlineCalls = options.inlineCalls;
  roastOptions.versionLoops = options.versionLoops;
  roastOptions.analyzeEscapes = options.analyzeEscapes;
  roastOptions.elideRefCounts = options.elideRefCounts;
  buildRoastOptimizationPipeline(pm, roastOptions);
  buildRoastToLLVMPipeline(pm);
  return pm.run(module);
}

namespace {
/// The CPU, tuning and features code is generated for.
struct TargetChoice {
  std::string cpu, tuneCPU, features;
};
} // namespace

static TargetChoice chooseTarget(const llvm::Triple &triple,
                                 const BackendOptions &options) {
  if (options.cpu == "native") {
    llvm::SubtargetFeatures features;
    for (const auto &[name, enabled] : llvm::sys::getHostCPUFeatures())
      features.AddFeature(name, enabled);
    std::string cpu = llvm::sys::getHostCPUName().str();
    return {cpu, cpu, features.getString()};
  }
  if (!options.cpu.empty())
    return {options.cpu, options.cpu, ""};
  // clang without -march: baseline x86-64 tuned for current CPUs in
  // general. Without an explicit tune-cpu the X86 backend would tune for
  // an i586.
  if (triple.getArch() == llvm::Triple::x86_64)
    return {"x86-64", "generic", ""};
  return {"generic", "generic", ""};
}

llvm::CodeGenOptLevel roast::getCodeGenOptLevel(unsigned optLevel) {
  switch (optLevel) {
  case 0:
    return llvm::CodeGenOptLevel::None;
  case 1:
    return llvm::CodeGenOptLevel::Less;
  case 2:
    return llvm::CodeGenOptLevel::Default;
  default:
    return llvm::CodeGenOptLevel::Aggressive;
  }
}

llvm::TargetOptions roast::getTargetOptions(const llvm::Triple &triple) {
  llvm::TargetOptions options;
  // Loops start on a 32-byte boundary on x86 rather than LLVM's (and
  // clang's) 16, as with clang -falign-loops=32: particles' vectorized
  // inner loop ran 15% slower when it began in the middle of a 32-byte
  // window (AMD EPYC), and no other benchmark changed
  // (docs/rationale/loop-versioning.md, "Measured").
  if (triple.isX86())
    options.LoopAlignment = 32;
  return options;
}

static llvm::Expected<std::unique_ptr<llvm::TargetMachine>>
createHostTargetMachine(const BackendOptions &options) {
  // Only the host: roastc does not cross-compile, and initialising every
  // target would cost start-up time on each run.
  static std::once_flag initialized;
  std::call_once(initialized, [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
  });

  llvm::Triple triple(llvm::sys::getDefaultTargetTriple());
  std::string error;
  const llvm::Target *target =
      llvm::TargetRegistry::lookupTarget(triple, error);
  if (!target)
    return llvm::createStringError(error);
  TargetChoice choice = chooseTarget(triple, options);
  // PIC, because the system compiler driver links position-independent
  // executables by default.
  std::unique_ptr<llvm::TargetMachine> machine(target->createTargetMachine(
      triple, choice.cpu, choice.features, getTargetOptions(triple),
      llvm::Reloc::PIC_, std::nullopt, getCodeGenOptLevel(options.optLevel)));
  if (!machine)
    return llvm::createStringError("cannot create a target machine for " +
                                   triple.str());
  return machine;
}

/// What clang puts on every function it defines and the LLVM passes read
/// (cost models, vectoriser widths, scheduling).
static void setTargetAttributes(llvm::Module &module,
                                const TargetChoice &choice) {
  for (llvm::Function &function : module) {
    if (function.isDeclaration())
      continue;
    function.addFnAttr("target-cpu", choice.cpu);
    function.addFnAttr("tune-cpu", choice.tuneCPU);
    if (!choice.features.empty())
      function.addFnAttr("target-features", choice.features);
  }
}

/// The module becomes part of an executable together with the static
/// runtime archive, so its own symbols and the runtime's resolve within the
/// executable: direct calls and RIP-relative data instead of GOT loads. It
/// matters on the hottest path there is: the stack guard of every recursive
/// call loads roast_rt_stack_limit, and through the GOT fib(37) ran 20%
/// slower.
static void setDSOLocal(llvm::Module &module) {
  for (llvm::GlobalValue &value : module.global_values())
    if (!value.isDeclaration() || value.getName().starts_with("roast_rt_"))
      value.setDSOLocal(true);
}

static llvm::OptimizationLevel getOptimizationLevel(unsigned optLevel) {
  switch (optLevel) {
  case 0:
    return llvm::OptimizationLevel::O0;
  case 1:
    return llvm::OptimizationLevel::O1;
  case 2:
    return llvm::OptimizationLevel::O2;
  default:
    return llvm::OptimizationLevel::O3;
  }
}

std::unique_ptr<llvm::Module>
roast::translateAndOptimize(mlir::ModuleOp module,
                            llvm::LLVMContext &llvmContext,
                            const BackendOptions &options) {
  mlir::MLIRContext *context = module.getContext();
  mlir::registerBuiltinDialectTranslation(*context);
  mlir::registerLLVMDialectTranslation(*context);
  std::unique_ptr<llvm::Module> llvmModule =
      mlir::translateModuleToLLVMIR(module, llvmContext);
  if (!llvmModule) {
    module.emitError("cannot translate the module to LLVM IR");
    return nullptr;
  }

  auto machine = createHostTargetMachine(options);
  if (!machine) {
    module.emitError(llvm::toString(machine.takeError()));
    return nullptr;
  }
  llvm::TargetMachine &tm = **machine;
  llvmModule->setDataLayout(tm.createDataLayout());
  llvmModule->setTargetTriple(tm.getTargetTriple());
  llvmModule->setPICLevel(llvm::PICLevel::BigPIC);
  llvmModule->setPIELevel(llvm::PIELevel::Large);
  setTargetAttributes(*llvmModule, chooseTarget(tm.getTargetTriple(), options));
  setDSOLocal(*llvmModule);

  std::string errors;
  llvm::raw_string_ostream errorStream(errors);
  if (llvm::verifyModule(*llvmModule, &errorStream)) {
    module.emitError("invalid LLVM IR: ") << errors;
    return nullptr;
  }

  // The switches clang's -O<n> sets on top of the level itself.
  unsigned level = options.optLevel;
  llvm::PipelineTuningOptions tuning;
  tuning.LoopUnrolling = level >= 2;
  tuning.LoopInterleaving = level >= 2;
  tuning.LoopVectorization = level >= 2;
  tuning.SLPVectorization = level >= 2;

  llvm::LoopAnalysisManager loopAM;
  llvm::FunctionAnalysisManager functionAM;
  llvm::CGSCCAnalysisManager cgsccAM;
  llvm::ModuleAnalysisManager moduleAM;
  llvm::PassBuilder builder(&tm, tuning);
  builder.registerModuleAnalyses(moduleAM);
  builder.registerCGSCCAnalyses(cgsccAM);
  builder.registerFunctionAnalyses(functionAM);
  builder.registerLoopAnalyses(loopAM);
  builder.crossRegisterProxies(loopAM, functionAM, cgsccAM, moduleAM);
  llvm::ModulePassManager passes =
      level == 0
          ? builder.buildO0DefaultPipeline(llvm::OptimizationLevel::O0)
          : builder.buildPerModuleDefaultPipeline(getOptimizationLevel(level));
  passes.run(*llvmModule, moduleAM);
  return llvmModule;
}

llvm::Error roast::emitNative(llvm::Module &module,
                              llvm::raw_pwrite_stream &out, bool assembly,
                              const BackendOptions &options) {
  auto machine = createHostTargetMachine(options);
  if (!machine)
    return machine.takeError();
  llvm::TargetMachine &tm = **machine;
  if (module.getTargetTriple().empty()) {
    module.setTargetTriple(tm.getTargetTriple());
    module.setDataLayout(tm.createDataLayout());
  }
  llvm::legacy::PassManager passes;
  if (tm.addPassesToEmitFile(passes, out, /*DwoOut=*/nullptr,
                             assembly ? llvm::CodeGenFileType::AssemblyFile
                                      : llvm::CodeGenFileType::ObjectFile))
    return llvm::createStringError("the target cannot emit this file type");
  passes.run(module);
  return llvm::Error::success();
}
