//===- PassStatistics.h - Pass counters that count in any build -*- C++ -*-===//
//
// MLIR's Pass::Statistic is an llvm::Statistic, which counts only in an LLVM
// built with assertions or LLVM_FORCE_ENABLE_STATS. Debian's LLVM 22 is
// neither: its statistics are no-ops and `-mlir-pass-statistics` prints an
// empty report. Roast passes count with PassStatistic instead, which always
// counts; roast-opt prints the counts after MLIR's report header, in its
// list format, when `-mlir-pass-statistics` is given.
//
//===----------------------------------------------------------------------===//

#ifndef ROAST_DIALECT_ROAST_TRANSFORMS_PASSSTATISTICS_H
#define ROAST_DIALECT_ROAST_TRANSFORMS_PASSSTATISTICS_H

#include "mlir/Pass/Pass.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>

namespace roast {

/// A counter of a pass, declared as a member of the pass:
///   PassStatistic numStack{this, "allocations-on-stack", "..."};
/// What it counted is added to the process's totals when the pass instance
/// goes away; a copy (a pass cloned by the pass manager) starts at zero.
class PassStatistic {
public:
  PassStatistic(mlir::Pass *owner, const char *name, const char *description)
      : pass(owner->getName()), name(name), description(description) {}
  PassStatistic(const PassStatistic &other)
      : pass(other.pass), name(other.name), description(other.description) {}
  PassStatistic &operator=(const PassStatistic &) = delete;
  ~PassStatistic();

  PassStatistic &operator++() {
    ++value;
    return *this;
  }
  PassStatistic &operator+=(uint64_t n) {
    value += n;
    return *this;
  }
  uint64_t getValue() const { return value; }

private:
  llvm::StringRef pass;
  const char *name;
  const char *description;
  uint64_t value = 0;
};

/// Prints the totals of every pass whose counters counted anything, grouped
/// by pass as `-mlir-pass-statistics=list` prints them.
void printPassStatistics(llvm::raw_ostream &os);

} // namespace roast

#endif // ROAST_DIALECT_ROAST_TRANSFORMS_PASSSTATISTICS_H
