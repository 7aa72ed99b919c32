//===- Speculation.cpp - Unboxes that optimistic trials assume ------------===//

#include "Speculation.h"

#include "mlir/IR/Builders.h"

using namespace mlir;
using namespace roast;

UnboxOp roast::createSpeculativeUnbox(OpBuilder &builder, Location loc,
                                      Type type, Value value, StringRef marker,
                                      unsigned candidate) {
  auto unbox = UnboxOp::create(builder, loc, type, value);
  unbox->setAttr(marker, builder.getIndexAttr(candidate));
  return unbox;
}

llvm::SmallSetVector<unsigned, 4> roast::failedSpeculations(Operation *root,
                                                            StringRef marker) {
  llvm::SmallSetVector<unsigned, 4> failed;
  root->walk([&](UnboxOp unbox) {
    if (auto index = unbox->getAttrOfType<IntegerAttr>(marker))
      failed.insert(index.getInt());
  });
  return failed;
}
