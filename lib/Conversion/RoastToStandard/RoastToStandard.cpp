//===- RoastToStandard.cpp - Lower roast ops to arith/cf/func + runtime ---===//
// PLACEHOLDER: being written.
#include "Roast/Conversion/Passes.h"
#include "Roast/Dialect/Roast/IR/RoastOps.h"

namespace roast {
#define GEN_PASS_DEF_CONVERTROASTTOSTANDARD
#include "Roast/Conversion/Passes.h.inc"
} // namespace roast

namespace {
struct ConvertRoastToStandardPass
    : public roast::impl::ConvertRoastToStandardBase<ConvertRoastToStandardPass> {
  void runOnOperation() override {}
};
} // namespace
