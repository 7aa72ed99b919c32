//===- Passes.td - Lowering passes out of the roast dialect -*- tablegen -*-===//

#ifndef ROAST_CONVERSION_PASSES_TD
#define ROAST_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

def ConvertRoastToStandard : Pass<"convert-roast-to-standard", "::mlir::ModuleOp"> {
  let summary = "Lower roast ops to arith, cf, func, math and runtime calls";
  let description = [{
    The first lowering step. Roast semantics become explicit code:
    checked int arithmetic becomes `llvm.intr.*.with.overflow` plus a branch
    to a cold block that calls `roast_rt_raise`; floor division and modulo
    become `arith` sequences with the sign fix-ups; printing becomes calls
    into the runtime (`roast_rt_print_*`); string constants become immortal
    `llvm.mlir.global` objects with the runtime's object header;
    `roast.func`/`roast.call`/`roast.return` become `func` ops. Upstream
    `*-to-llvm` conversions finish the job (see the `roast-lower-to-llvm`
    pipeline).
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::cf::ControlFlowDialect",
    "::mlir::func::FuncDialect", "::mlir::math::MathDialect",
    "::mlir::LLVM::LLVMDialect"
  ];
}

#endif // ROAST_CONVERSION_PASSES_TD
