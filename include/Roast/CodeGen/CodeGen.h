//===- CodeGen.h - Typed AST to the roast dialect ---------------*- C++ -*-===//
//
// The only bridge between the front end and MLIR: turns a checked Program
// into a module of roast.func ops whose bodies are CFGs.
//
//===----------------------------------------------------------------------===//

#ifndef ROAST_CODEGEN_CODEGEN_H
#define ROAST_CODEGEN_CODEGEN_H

#include "Roast/Sema/Sema.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"

namespace llvm {
class SourceMgr;
} // namespace llvm

namespace roast {

/// The symbol of the function holding the main module's top-level code; the
/// runtime's `main` calls it.
inline constexpr llvm::StringLiteral kModuleInitName = "roast_module_init";

/// Emits roast IR for `program`. Every op carries a file:line:col location
/// from `sourceMgr`.
mlir::OwningOpRef<mlir::ModuleOp> generateModule(mlir::MLIRContext &context,
                                                 sema::Program &program,
                                                 llvm::SourceMgr &sourceMgr);

} // namespace roast

#endif // ROAST_CODEGEN_CODEGEN_H
