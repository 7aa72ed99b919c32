//===- RoastToStandard.cpp - The convert-roast-to-standard pass -----------===//

#include "Roast/Conversion/RoastToStandard/RoastToStandard.h"

#include "Roast/Conversion/Passes.h"
#include "Roast/Conversion/RoastToStandard/ClassLayouts.h"
#include "Roast/Conversion/RoastToStandard/RuntimeABI.h"
#include "Roast/Dialect/Roast/IR/RoastOps.h"

#include "mlir/Dialect/Func/Transforms/FuncConversions.h"

namespace roast {
#define GEN_PASS_DEF_CONVERTROASTTOSTANDARD
#include "Roast/Conversion/Passes.h.inc"
} // namespace roast

using namespace mlir;
using namespace roast;

void roast::populateRoastToStandardPatterns(const TypeConverter &converter,
                                            RuntimeABI &abi,
                                            RewritePatternSet &patterns) {
  populateRoastFunctionPatterns(converter, abi, patterns);
  populateRoastExceptionPatterns(converter, abi, patterns);
  populateRoastArithmeticPatterns(converter, abi, patterns);
  populateRoastTuplePatterns(converter, abi, patterns);
  populateRoastMemoryPatterns(converter, patterns);
  populateRoastOptionalPatterns(converter, patterns);
  populateRoastRuntimePatterns(converter, abi, patterns);
  populateRoastStrPatterns(converter, abi, patterns);
  populateRoastListPatterns(converter, abi, patterns);
  populateRoastDictPatterns(converter, abi, patterns);
  populateRoastSetPatterns(converter, abi, patterns);
  populateRoastFilePatterns(converter, abi, patterns);
  populateRoastRefCountPatterns(converter, abi, patterns);
  populateRoastInlineCachePatterns(converter, abi, patterns);
}

namespace {
struct ConvertRoastToStandardPass
    : public roast::impl::ConvertRoastToStandardBase<
          ConvertRoastToStandardPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    MLIRContext *context = &getContext();
    RoastTypeConverter converter(context);
    RuntimeABI abi(module);
    ClassLayouts classes(module, converter);

    ConversionTarget target(*context);
    target.addIllegalDialect<RoastDialect>();
    // Classes become descriptors once their methods are func.funcs.
    target.addLegalOp<ClassOp>();
    target.addLegalDialect<math::MathDialect, LLVM::LLVMDialect>();
    // Upstream ops that may carry roast values (branch operands, selects,
    // calls) are legal once no roast type is left on them.
    target.addDynamicallyLegalDialect<
        arith::ArithDialect, cf::ControlFlowDialect, func::FuncDialect>(
        [&](Operation *op) { return converter.isLegal(op); });
    target.addDynamicallyLegalOp<func::FuncOp>([&](func::FuncOp op) {
      return converter.isSignatureLegal(op.getFunctionType()) &&
             converter.isLegal(&op.getBody());
    });

    RewritePatternSet patterns(context);
    populateRoastToStandardPatterns(converter, abi, patterns);
    populateRoastClassPatterns(converter, abi, classes, patterns);
    populateRoastDynamicPatterns(converter, abi, classes, patterns);
    if (failed(applyPartialConversion(module, target, std::move(patterns)))) {
      signalPassFailure();
      return;
    }
    classes.emitDescriptors();
  }
};
} // namespace
