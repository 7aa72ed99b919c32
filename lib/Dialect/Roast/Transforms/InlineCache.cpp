//===- InlineCache.cpp - A cache per dynamic attribute and method site ----===//
//
// Gives each roast.dyn.getattr, roast.dyn.setattr and roast.dyn.call_method
// that could hit a cache its own roast.inline_cache; the lowering then tests
// the receiver's class inline (docs/rationale/dynamic-values.md, "Inline
// caches").
//
//===----------------------------------------------------------------------===//

#include "Roast/Dialect/Roast/Transforms/PassStatistics.h"
#include "Roast/Dialect/Roast/Transforms/Passes.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/SymbolTable.h"
#include "llvm/ADT/SmallSet.h"
#include "llvm/ADT/StringSet.h"

namespace roast {
#define GEN_PASS_DEF_ROASTINLINECACHE
#include "Roast/Dialect/Roast/Transforms/Passes.h.inc"
} // namespace roast

using namespace mlir;
using namespace roast;

namespace {

/// RoastMemberKind (Runtime.h) of the members a cache can hold.
constexpr int64_t kFieldMember = 1, kMethodMember = 2;

/// What the module's classes let a site cache, by member name: the
/// `!roast.value` fields (read and written inline), the `f64` fields (read
/// inline), and the methods with
/// the argument counts (after the instance) whose calls pass every
/// parameter (the entry is called directly, without defaults filled in).
/// Any other name can never hit, so its sites keep the plain runtime call.
class CacheableMembers {
public:
  explicit CacheableMembers(ModuleOp module) {
    for (ClassOp cls : module.getOps<ClassOp>()) {
      if (!cls.getMembers())
        continue;
      for (auto member : cls.getMembers()->getAsRange<DictionaryAttr>()) {
        auto name = member.getAs<StringAttr>("name");
        auto kind = member.getAs<IntegerAttr>("kind");
        if (!name || !kind)
          continue;
        if (kind.getInt() == kFieldMember)
          if (auto field = member.getAs<StringAttr>("field")) {
            int index = cls.lookupField(field.getValue());
            Type type = index >= 0
                            ? cast<TypeAttr>(cls.getFieldTypes()[index]).getValue()
                            : Type();
            if (type && isa<ValueType>(type))
              fields.insert(name.getValue());
            else if (type && type.isF64())
              floatFields.insert(name.getValue());
          }
        if (kind.getInt() == kMethodMember)
          if (auto call = member.getAs<DictionaryAttr>("call"))
            if (auto max = call.getAs<IntegerAttr>("max"); max && max.getInt() > 0)
              methods[name.getValue()].insert(max.getInt() - 1);
      }
    }
  }

  /// Whether a site reading (or writing) `name` may hit.
  bool isField(StringRef name, bool read) const {
    return fields.contains(name) || (read && floatFields.contains(name));
  }
  bool isMethod(StringRef name, size_t numArgs) const {
    auto it = methods.find(name);
    return it != methods.end() && it->second.contains(int64_t(numArgs));
  }

private:
  llvm::StringSet<> fields;
  /// f64 fields: read inline (their double is the value), written by the
  /// runtime, which converts.
  llvm::StringSet<> floatFields;
  llvm::StringMap<llvm::SmallSet<int64_t, 2>> methods;
};

struct InlineCachePass
    : public roast::impl::RoastInlineCacheBase<InlineCachePass> {
  PassStatistic numCached{
      this, "sites-cached",
      "Number of attribute and method sites given an inline cache"};
  PassStatistic numUncached{
      this, "sites-uncached",
      "Number of attribute and method sites that cannot hit a cache"};

  void runOnOperation() override {
    ModuleOp module = getOperation();
    CacheableMembers members(module);
    SymbolTable symbols(module);
    SmallVector<Operation *> sites;
    module.walk([&](Operation *op) {
      if (isa<DynGetAttrOp, DynSetAttrOp, DynCallMethodOp>(op))
        sites.push_back(op);
    });
    for (Operation *op : sites) {
      if (auto get = dyn_cast<DynGetAttrOp>(op))
        cache(get, get.getValue(), InlineCacheKind::field,
              members.isField(get.getName(), /*read=*/true), std::nullopt,
              symbols);
      else if (auto set = dyn_cast<DynSetAttrOp>(op))
        cache(set, set.getValue(), InlineCacheKind::field,
              members.isField(set.getName(), /*read=*/false), std::nullopt,
              symbols);
      else if (auto call = dyn_cast<DynCallMethodOp>(op))
        cache(call, call.getReceiver(), InlineCacheKind::method,
              members.isMethod(call.getName(), call.getArgs().size()),
              int32_t(call.getArgs().size()), symbols);
    }
  }

  /// Gives `site` a new cache of `kind` when it may hit one: `cacheable`
  /// says some class has a member the cache can hold under its name, and
  /// the receiver is not a boxed typed value (whose type, known here, says
  /// what the member is; a cache would only ever miss on built-in types).
  template <typename OpTy>
  void cache(OpTy site, Value receiver, InlineCacheKind kind, bool cacheable,
             std::optional<int32_t> numArgs, SymbolTable &symbols) {
    if (site.getCache())
      return;
    if (!cacheable || receiver.getDefiningOp<BoxOp>()) {
      ++numUncached;
      return;
    }
    Operation *top = site;
    while (!isa<ModuleOp>(top->getParentOp()))
      top = top->getParentOp();
    OpBuilder builder(top);
    IntegerAttr args =
        numArgs ? builder.getI32IntegerAttr(*numArgs) : IntegerAttr();
    std::string name;
    do
      name = "ic" + std::to_string(nextCache++);
    while (symbols.lookup(name));
    auto cacheOp = InlineCacheOp::create(builder, site.getLoc(), name, kind,
                                         site.getName(), args);
    symbols.insert(cacheOp, Block::iterator(top));
    site.setCacheAttr(FlatSymbolRefAttr::get(cacheOp.getSymNameAttr()));
    ++numCached;
  }

  unsigned nextCache = 0;
};

} // namespace
