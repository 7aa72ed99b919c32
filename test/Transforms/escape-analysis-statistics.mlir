// RUN: roast-opt %s --roast-escape-analysis -mlir-pass-statistics -o /dev/null 2>&1 | FileCheck %s
// What roast-escape-analysis did, in -mlir-pass-statistics: one allocation
// moved to the stack (the other is returned), its retain and two releases
// removed. Roast's counters count in any LLVM build (PassStatistics.h),
// Debian's too, whose own Pass::Statistic counts nothing.

// CHECK-LABEL: RoastEscapeAnalysis
// CHECK-DAG: (S) 1 allocations-on-stack
// CHECK-DAG: (S) 2 releases-removed
// CHECK-DAG: (S) 1 retains-removed

roast.class @Vec {fields = ["x", "y"], field_types = [f64, f64], methods = []}

roast.func @temporary(%a: f64) -> f64 {
  %v = roast.new : !roast.object<@Vec>
  roast.set_field %v["x"], %a : !roast.object<@Vec>, f64
  roast.retain %v : !roast.object<@Vec>
  %x = roast.get_field %v["x"] : !roast.object<@Vec> -> f64
  roast.release %v : !roast.object<@Vec>
  roast.release %v : !roast.object<@Vec>
  roast.return %x : f64
}

roast.func @returned() -> !roast.object<@Vec> {
  %v = roast.new : !roast.object<@Vec>
  roast.return %v : !roast.object<@Vec>
}
