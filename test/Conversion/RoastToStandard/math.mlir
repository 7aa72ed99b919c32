// RUN: roast-opt %s --convert-roast-to-standard -split-input-file | FileCheck %s

// math functions that may raise are one runtime call each: the float ones
// through roast_rt_math_float (MathFunction number, x, y), the int ones
// through roast_rt_math_int, both with the source location.
// CHECK-LABEL: func.func @m.math(
// CHECK-SAME:      %[[X:.*]]: f64, %[[N:.*]]: i64)
// CHECK:         %[[SQRT:.*]] = arith.constant 0 : i32
// CHECK:         %[[UNUSED:.*]] = arith.constant 0.000000e+00 : f64
// CHECK:         llvm.call @roast_rt_math_float(%[[SQRT]], %[[X]], %[[UNUSED]],
// CHECK:         %[[BASE:.*]] = arith.constant 3 : i32
// CHECK:         llvm.call @roast_rt_math_float(%[[BASE]], %[[X]], %[[X]],
// CHECK:         %[[GCD:.*]] = arith.constant 15 : i32
// CHECK:         llvm.call @roast_rt_math_int(%[[GCD]], %[[N]], %[[N]],
roast.func @m.math(%x: f64, %n: i64) -> (f64, f64, i64) {
  %a = roast.math_call sqrt(%x) : (f64) -> f64
  %b = roast.math_call log_base(%x, %x) : (f64, f64) -> f64
  %c = roast.math_call gcd(%n, %n) : (i64, i64) -> i64
  roast.return %a, %b, %c : f64, f64, i64
}

// -----

// sys.argv and sys.exit are runtime calls; roast_rt_exit is declared
// noreturn, so LLVM treats what follows as unreachable.
// CHECK-DAG: llvm.func @roast_rt_exit(i64) attributes {passthrough = ["cold"]}
// CHECK-LABEL: func.func @m.sys(
// CHECK:         %[[ARGV:.*]] = llvm.call @roast_rt_sys_argv()
// CHECK:         llvm.call @roast_rt_exit(%{{.*}})
roast.func @m.sys(%n: i64) -> !roast.list<!roast.str> {
  %argv = roast.sys_argv : !roast.list<!roast.str>
  roast.exit %n
  roast.return %argv : !roast.list<!roast.str>
}

// -----

// The time module's clocks and sleep are runtime calls; sleep may raise, so
// it passes its location.
// CHECK-LABEL: func.func @m.time(
// CHECK:         %[[T:.*]] = llvm.call @roast_rt_time_perf_counter()
// CHECK:         llvm.call @roast_rt_time_time()
// CHECK:         llvm.call @roast_rt_time_sleep(%[[T]], %{{.*}}, %{{.*}}, %{{.*}})
roast.func @m.time() -> f64 {
  %t = roast.clock "perf_counter"
  %u = roast.clock "time"
  roast.sleep %t
  roast.return %u : f64
}
