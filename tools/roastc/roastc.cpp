//===- roastc.cpp - The Roast compiler driver -----------------------------===//
//
// roastc build|run|check [options] prog.roast: source -> AST -> Sema ->
// roast IR -> llvm dialect -> LLVM IR -> native code, stopping early for
// --emit. Exit status: 0 success, 1 compile error, 2 usage error; `run`
// executes the program in-process (ORC JIT) and returns its own status.
//
//===----------------------------------------------------------------------===//

#include "Roast/AST/AST.h"
#include "Roast/Basic/Diagnostics.h"
#include "Roast/CodeGen/CodeGen.h"
#include "Roast/Driver/Backend.h"
#include "Roast/Driver/JIT.h"
#include "Roast/Parse/Lexer.h"
#include "Roast/Parse/ModuleLoader.h"
#include "Roast/Parse/Parser.h"
#include "Roast/Pipeline/Pipeline.h"
#include "Roast/Sema/Sema.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Verifier.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"

#include <CLI/CLI.hpp>

#include <optional>

using namespace roast;

namespace {

enum class Emit { Tokens, Ast, Roast, LLVMDialect, LLVMIR, Asm, Obj, Exe };

struct Options {
  std::string input;
  std::string output;
  Emit emit = Emit::Exe;
  unsigned optLevel = 2;
  std::vector<std::string> programArgs;
  /// Where `import m` looks for m.roast after the importing file's folder.
  std::vector<std::string> importPaths;
  std::string argv0;
  /// `run` through a temporary executable instead of the JIT.
  bool noJIT = false;
  /// --no-inline: keep every call (roast-inline off).
  bool noInline = false;
  /// --no-loop-versioning: keep every list index check
  /// (roast-loop-versioning off).
  bool noLoopVersioning = false;
  /// --no-escape-analysis, --no-rc-elision: keep every heap allocation /
  /// every reference count CodeGen made.
  bool noEscapeAnalysis = false;
  bool noRCElision = false;
};

enum ExitCode { Success = 0, CompileError = 1, UsageError = 2 };

/// Everything the front end produced for one program.
struct Compilation {
  llvm::SourceMgr sourceMgr;
  std::vector<ParsedModule> modules;
  std::unique_ptr<sema::Program> program;
  mlir::MLIRContext context;
  mlir::OwningOpRef<mlir::ModuleOp> module;
};

std::string moduleNameFor(llvm::StringRef path) {
  std::string name = llvm::sys::path::stem(path).str();
  for (char &c : name)
    if (!llvm::isAlnum(c) && c != '_')
      c = '_';
  if (name.empty() || llvm::isDigit(name[0]))
    name = "_" + name;
  return name;
}

/// Opens `output` ("-" is stdout) or reports why not.
std::unique_ptr<llvm::ToolOutputFile> openOutput(llvm::StringRef output,
                                                 bool binary) {
  std::error_code ec;
  auto file = std::make_unique<llvm::ToolOutputFile>(
      output, ec, binary ? llvm::sys::fs::OF_None : llvm::sys::fs::OF_Text);
  if (ec) {
    llvm::errs() << "roastc: error: cannot open '" << output
                 << "': " << ec.message() << "\n";
    return nullptr;
  }
  return file;
}

/// Prints IR with its source locations (as `loc(#locN)` aliases), so that
/// roast-opt replays it with the same file:line in error messages.
void printWithLocations(mlir::ModuleOp module, llvm::raw_ostream &os) {
  mlir::OpPrintingFlags flags;
  flags.enableDebugInfo(/*enable=*/true, /*prettyForm=*/false);
  module.print(os, flags);
}

/// Runs the front end up to `emit`; returns false after reporting errors.
/// Token and AST dumps are printed here since they stop the pipeline.
bool runFrontEnd(Compilation &c, const Options &opts, llvm::raw_ostream &os) {
  auto buffer = llvm::MemoryBuffer::getFileOrSTDIN(opts.input);
  if (!buffer) {
    llvm::errs() << "roastc: error: cannot read '" << opts.input
                 << "': " << buffer.getError().message() << "\n";
    return false;
  }
  unsigned bufferId =
      c.sourceMgr.AddNewSourceBuffer(std::move(*buffer), llvm::SMLoc());
  DiagEngine diags(c.sourceMgr);

  if (opts.emit == Emit::Tokens) {
    dumpTokens(c.sourceMgr, bufferId, diags, os);
    return !diags.hadErrors();
  }
  if (opts.emit == Emit::Ast) {
    std::unique_ptr<ast::Module> module =
        parseModule(c.sourceMgr, bufferId, diags);
    if (module)
      ast::dump(*module, os);
    return !diags.hadErrors();
  }
  c.modules = loadProgram(c.sourceMgr, bufferId, moduleNameFor(opts.input),
                          opts.importPaths, diags);
  if (c.modules.empty())
    return false;
  std::vector<sema::SourceModule> sources;
  for (ParsedModule &module : c.modules)
    sources.push_back({module.name, module.ast.get()});
  c.program = sema::check(sources, diags);
  if (!c.program)
    return false;

  mlir::DialectRegistry registry;
  registerRoastDialects(registry);
  c.context.appendDialectRegistry(registry);
  c.module = generateModule(c.context, *c.program, c.sourceMgr);
  return static_cast<bool>(c.module);
}

int compile(const Options &opts, bool checkOnly) {
  Compilation c;
  mlir::SourceMgrDiagnosticHandler mlirDiags(c.sourceMgr, &c.context);

  bool textual = opts.emit != Emit::Obj && opts.emit != Emit::Exe;
  std::string output = opts.output;
  if (output.empty())
    output = textual ? "-"
                     : (llvm::sys::path::stem(opts.input) +
                        (opts.emit == Emit::Obj ? ".o" : ""))
                           .str();

  // Dumps of early stages go straight to the output.
  std::unique_ptr<llvm::ToolOutputFile> early;
  if (opts.emit == Emit::Tokens || opts.emit == Emit::Ast) {
    early = openOutput(output, false);
    if (!early)
      return CompileError;
  }
  if (!runFrontEnd(c, opts, early ? early->os() : llvm::nulls()))
    return CompileError;
  if (early) {
    early->keep();
    return Success;
  }
  if (checkOnly)
    return Success;

  BackendOptions backend;
  backend.optLevel = opts.optLevel;
  backend.inlineCalls = !opts.noInline;
  backend.versionLoops = !opts.noLoopVersioning;
  backend.analyzeEscapes = !opts.noEscapeAnalysis;
  backend.elideRefCounts = !opts.noRCElision;
  if (mlir::failed(mlir::verify(*c.module)))
    return CompileError;

  if (opts.emit == Emit::Roast) {
    // At -O0, the IR as CodeGen made it, as clang -O0 -emit-llvm does.
    mlir::PassManager pm(&c.context);
    if (opts.optLevel != 0) {
      RoastOptimizationOptions roastOptions;
      roastOptions.inlineCalls = backend.inlineCalls;
      roastOptions.versionLoops = backend.versionLoops;
      buildRoastOptimizationPipeline(pm, roastOptions);
    }
    if (mlir::failed(pm.run(*c.module)))
      return CompileError;
    auto out = openOutput(output, false);
    if (!out)
      return CompileError;
    printWithLocations(*c.module, out->os());
    out->keep();
    return Success;
  }

  if (mlir::failed(lowerToLLVMDialect(*c.module, backend)))
    return CompileError;
  if (opts.emit == Emit::LLVMDialect) {
    auto out = openOutput(output, false);
    if (!out)
      return CompileError;
    printWithLocations(*c.module, out->os());
    out->keep();
    return Success;
  }

  llvm::LLVMContext llvmContext;
  std::unique_ptr<llvm::Module> llvmModule =
      translateAndOptimize(*c.module, llvmContext, backend);
  if (!llvmModule)
    return CompileError;
  if (opts.emit == Emit::LLVMIR) {
    auto out = openOutput(output, false);
    if (!out)
      return CompileError;
    llvmModule->print(out->os(), nullptr);
    out->keep();
    return Success;
  }

  if (opts.emit == Emit::Asm || opts.emit == Emit::Obj) {
    auto out = openOutput(output, opts.emit == Emit::Obj);
    if (!out)
      return CompileError;
    if (llvm::Error err = emitNative(*llvmModule, out->os(),
                                     opts.emit == Emit::Asm, backend)) {
      llvm::errs() << "roastc: error: " << llvm::toString(std::move(err))
                   << "\n";
      return CompileError;
    }
    out->keep();
    return Success;
  }

  // A native executable: object to a temporary file, then link.
  llvm::SmallString<128> objectPath;
  int fd;
  if (std::error_code ec = llvm::sys::fs::createTemporaryFile(
          "roast", "o", fd, objectPath)) {
    llvm::errs() << "roastc: error: cannot create a temporary file: "
                 << ec.message() << "\n";
    return CompileError;
  }
  llvm::FileRemover removeObject(objectPath);
  {
    llvm::raw_fd_ostream objectStream(fd, /*shouldClose=*/true);
    if (llvm::Error err =
            emitNative(*llvmModule, objectStream, /*assembly=*/false, backend)) {
      llvm::errs() << "roastc: error: " << llvm::toString(std::move(err))
                   << "\n";
      return CompileError;
    }
  }
  std::string runtime = findRuntimeLibrary(opts.argv0.c_str());
  if (llvm::Error err = linkExecutable({std::string(objectPath)}, runtime,
                                       output)) {
    llvm::errs() << "roastc: error: " << llvm::toString(std::move(err))
                 << "\n";
    return CompileError;
  }
  return Success;
}

/// `roastc run --no-jit`: build into a temporary executable and run it
/// with the program's arguments, returning its exit status. Slower than the
/// JIT, but it is exactly what `roastc build` produces, and a debugger can
/// be attached to the executable.
int runExecutable(Options opts) {
  llvm::SmallString<128> exePath;
  if (std::error_code ec =
          llvm::sys::fs::createTemporaryFile("roast", "exe", exePath)) {
    llvm::errs() << "roastc: error: cannot create a temporary file: "
                 << ec.message() << "\n";
    return CompileError;
  }
  llvm::FileRemover removeExe(exePath);
  opts.output = std::string(exePath);
  opts.emit = Emit::Exe;
  if (int status = compile(opts, /*checkOnly=*/false))
    return status;

  // argv[0] is the script path, as `python3 prog.roast` gives.
  std::vector<llvm::StringRef> args = {opts.input};
  for (const std::string &arg : opts.programArgs)
    args.push_back(arg);
  std::string errorMessage;
  int status = llvm::sys::ExecuteAndWait(exePath, args, std::nullopt, {}, 0, 0,
                                         &errorMessage);
  if (status < 0) {
    llvm::errs() << "roastc: error: " << errorMessage << "\n";
    return 1;
  }
  return status;
}

/// Source to an optimised LLVM module for the JIT, or null after reporting
/// errors. The front end's state (the MLIR context and its threads among it)
/// is gone once this returns, before the program starts.
std::unique_ptr<llvm::Module> compileForJIT(const Options &opts,
                                            llvm::LLVMContext &llvmContext) {
  Compilation c;
  mlir::SourceMgrDiagnosticHandler mlirDiags(c.sourceMgr, &c.context);
  if (!runFrontEnd(c, opts, llvm::nulls()))
    return nullptr;
  BackendOptions backend;
  backend.optLevel = opts.optLevel;
  backend.inlineCalls = !opts.noInline;
  backend.versionLoops = !opts.noLoopVersioning;
  backend.analyzeEscapes = !opts.noEscapeAnalysis;
  backend.elideRefCounts = !opts.noRCElision;
  if (mlir::failed(mlir::verify(*c.module)) ||
      mlir::failed(lowerToLLVMDialect(*c.module, backend)))
    return nullptr;
  return translateAndOptimize(*c.module, llvmContext, backend);
}

/// `roastc run`: compile and run the program in this process (LLVM ORC),
/// returning its exit status. A run-time error ends roastc itself with the
/// runtime's traceback and status 1, as it would end the program's own
/// executable.
int run(const Options &opts) {
  if (opts.noJIT)
    return runExecutable(opts);
  std::string runtime = findRuntimeLibrary(opts.argv0.c_str());
  if (runtime.empty()) {
    llvm::errs() << "roastc: error: cannot find the runtime library "
                    "libRoastRuntime.a (set ROAST_RUNTIME_LIB)\n";
    return CompileError;
  }
  auto llvmContext = std::make_unique<llvm::LLVMContext>();
  std::unique_ptr<llvm::Module> llvmModule = compileForJIT(opts, *llvmContext);
  if (!llvmModule)
    return CompileError;

  // argv[0] is the script path, as `python3 prog.roast` gives.
  std::vector<std::string> args = {opts.input};
  args.insert(args.end(), opts.programArgs.begin(), opts.programArgs.end());
  JITOptions jitOptions;
  jitOptions.optLevel = opts.optLevel;
  llvm::Expected<int> status = runInJIT(
      std::move(llvmModule), std::move(llvmContext), runtime, args, jitOptions);
  if (!status) {
    llvm::errs() << "roastc: error: " << llvm::toString(status.takeError())
                 << "\n";
    return CompileError;
  }
  return *status;
}

} // namespace

int main(int argc, char **argv) {
  CLI::App app{"roastc: the Roast compiler (typed Python to native code)",
               "roastc"};
  app.set_version_flag("--version", "roastc 0.1.0 (MLIR/LLVM 22)");
  app.require_subcommand(1);

  Options opts;
  opts.argv0 = argv[0];
  std::string emit = "exe";
  std::string optFlag;

  auto addCommon = [&](CLI::App *cmd) {
    cmd->add_option("input", opts.input, "Roast source file (.roast)")
        ->required();
    cmd->add_option("-O", optFlag, "Optimization level 0-3 (default 2)")
        ->check(CLI::IsMember({"0", "1", "2", "3"}));
    cmd->add_option("-I", opts.importPaths,
                    "Also look for imported modules in this folder "
                    "(repeatable)")
        ->allow_extra_args(false);
    cmd->add_flag("--no-inline", opts.noInline,
                  "Keep every call: do not inline functions into callers");
    cmd->add_flag("--no-loop-versioning", opts.noLoopVersioning,
                  "Keep every list index check: no unchecked copies of "
                  "counted loops");
    cmd->add_flag("--no-escape-analysis", opts.noEscapeAnalysis,
                  "Keep every instance on the heap (roast-escape-analysis "
                  "off)");
    cmd->add_flag("--no-rc-elision", opts.noRCElision,
                  "Keep every retain and release CodeGen made "
                  "(roast-rc-elision off)");
  };
  CLI::App *build = app.add_subcommand("build", "Compile to a native executable");
  addCommon(build);
  build->add_option("-o", opts.output, "Output file");
  build->add_flag("--native", "Produce a native executable (the default)");
  build->add_option("--emit", emit,
                    "Stop after a stage: tokens, ast, roast, llvm-dialect, "
                    "llvm-ir, asm, obj, exe")
      ->check(CLI::IsMember({"tokens", "ast", "roast", "llvm-dialect",
                             "llvm-ir", "asm", "obj", "exe"}));
  CLI::App *runCmd =
      app.add_subcommand("run", "Compile and run; arguments after the file "
                                "are the program's");
  addCommon(runCmd);
  runCmd->add_flag("--no-jit", opts.noJIT,
                   "Link a temporary executable and run that instead of "
                   "running in-process (for debugging)");
  runCmd->add_option("args", opts.programArgs,
                     "Program arguments (everything after the file)");
  CLI::App *check = app.add_subcommand("check", "Report diagnostics only");
  check->add_option("input", opts.input, "Roast source file")->required();
  check->add_option("-I", opts.importPaths,
                    "Also look for imported modules in this folder "
                    "(repeatable)")
      ->allow_extra_args(false);

  // `roastc run [options] prog.roast args...`: everything after the source
  // file belongs to the program, even if it looks like an option.
  int ownArgc = argc;
  if (argc > 1 && llvm::StringRef(argv[1]) == "run") {
    for (int i = 2; i < argc; ++i) {
      llvm::StringRef arg = argv[i];
      if (arg == "-O" || arg == "-I") {
        ++i;
        continue;
      }
      if (arg.starts_with("-"))
        continue;
      ownArgc = i + 1;
      for (int j = i + 1; j < argc; ++j)
        opts.programArgs.push_back(argv[j]);
      break;
    }
  }

  try {
    app.parse(ownArgc, argv);
  } catch (const CLI::ParseError &e) {
    int code = app.exit(e);
    return code == 0 ? Success : UsageError;
  }
  if (!optFlag.empty())
    opts.optLevel = std::stoi(optFlag);

  static const std::pair<const char *, Emit> emits[] = {
      {"tokens", Emit::Tokens}, {"ast", Emit::Ast},
      {"roast", Emit::Roast},   {"llvm-dialect", Emit::LLVMDialect},
      {"llvm-ir", Emit::LLVMIR}, {"asm", Emit::Asm},
      {"obj", Emit::Obj},       {"exe", Emit::Exe}};
  for (auto [name, kind] : emits)
    if (emit == name)
      opts.emit = kind;

  if (*runCmd)
    return run(opts);
  return compile(opts, /*checkOnly=*/static_cast<bool>(*check));
}
