//===- PassStatistics.cpp - Totals of the Roast passes' counters ----------===//

#include "Roast/Dialect/Roast/Transforms/PassStatistics.h"

#include "llvm/Support/Format.h"

#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

using namespace roast;

namespace {

struct Total {
  std::string description;
  uint64_t value = 0;
};

/// Totals by pass, in the order they were first added, then by counter
/// name (MLIR sorts a pass's statistics by name). Passes on parallel
/// pipelines finish on their own threads.
struct Totals {
  std::mutex mutex;
  std::vector<std::pair<std::string, std::map<std::string, Total>>> byPass;

  std::map<std::string, Total> &of(llvm::StringRef pass) {
    for (auto &[name, counters] : byPass)
      if (name == pass)
        return counters;
    return byPass.emplace_back(pass.str(), std::map<std::string, Total>())
        .second;
  }
};

Totals &totals() {
  static Totals instance;
  return instance;
}

} // namespace

PassStatistic::~PassStatistic() {
  if (value == 0)
    return; // an instance made only to be registered, or one that found nothing
  Totals &all = totals();
  std::lock_guard<std::mutex> lock(all.mutex);
  Total &total = all.of(pass)[name];
  total.description = description;
  total.value += value;
}

void roast::printPassStatistics(llvm::raw_ostream &os) {
  Totals &all = totals();
  std::lock_guard<std::mutex> lock(all.mutex);
  for (auto &[pass, counters] : all.byPass) {
    os << pass << "\n";
    size_t valueWidth = 0, nameWidth = 0;
    for (auto &[name, total] : counters) {
      valueWidth = std::max(valueWidth, std::to_string(total.value).size());
      nameWidth = std::max(nameWidth, name.size());
    }
    for (auto &[name, total] : counters)
      os << "  (S) "
         << llvm::right_justify(std::to_string(total.value), valueWidth) << " "
         << llvm::left_justify(name, nameWidth) << " - " << total.description
         << "\n";
  }
  os.flush();
}
