//===- InlinedLocations.cpp - Where an inlined op was written -------------===//

#include "Roast/Dialect/Roast/IR/InlinedLocations.h"

#include "mlir/IR/BuiltinAttributes.h"

using namespace mlir;
using namespace roast;

Location roast::getInlinedLocation(Location original, StringAttr callee,
                                   Location callSite) {
  if (auto site = dyn_cast<CallSiteLoc>(original)) {
    // MLIR's inliner appends the call site to the chain; the function
    // whose code it was is the callee.
    if (site.getCaller() == callSite)
      return CallSiteLoc::get(NameLoc::get(callee, site.getCallee()),
                              callSite);
    // Code the callee had inlined: its chain ends in the callee's own
    // frame, below which the new call goes.
    return CallSiteLoc::get(site.getCallee(),
                            getInlinedLocation(site.getCaller(), callee,
                                               callSite));
  }
  return CallSiteLoc::get(NameLoc::get(callee, original), callSite);
}

/// The outermost call-site location in `loc` (passes may fuse locations).
static CallSiteLoc findCallSite(Location loc) {
  if (auto site = dyn_cast<CallSiteLoc>(loc))
    return site;
  return loc->findInstanceOf<CallSiteLoc>();
}

SmallVector<InlinedCall> roast::getInlinedCalls(Location loc) {
  SmallVector<InlinedCall> calls;
  CallSiteLoc site = findCallSite(loc);
  if (!site)
    return calls;
  Location rest = site.getCaller();
  while (auto outer = dyn_cast<CallSiteLoc>(rest)) {
    auto named = dyn_cast<NameLoc>(outer.getCallee());
    calls.push_back({outer.getCallee(), named ? named.getName() : nullptr});
    rest = outer.getCaller();
  }
  calls.push_back({rest, nullptr});
  return calls;
}

StringAttr roast::getInlinedFunction(Location loc) {
  CallSiteLoc site = findCallSite(loc);
  if (!site)
    return nullptr;
  auto named = dyn_cast<NameLoc>(site.getCallee());
  return named ? named.getName() : nullptr;
}
