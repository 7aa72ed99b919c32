// RUN: roast-opt %s | roast-opt | FileCheck %s

// Round trip of the comparisons that are not roast.cmp: tuples of any two
// shapes, and identity of containers.

// CHECK-LABEL: roast.func @m.cmp(
// CHECK:         roast.tuple_cmp lt, %{{.*}}, %{{.*}} : tuple<i64, !roast.str>, tuple<i64, !roast.str, f64>
// CHECK:         roast.tuple_cmp eq, %{{.*}}, %{{.*}} : tuple<i64>, tuple<f64>
// CHECK:         roast.is %{{.*}}, %{{.*}} : !roast.list<i64>
roast.func @m.cmp(%a: tuple<i64, !roast.str>, %b: tuple<i64, !roast.str, f64>,
                  %c: tuple<i64>, %d: tuple<f64>, %l: !roast.list<i64>,
                  %k: !roast.list<i64>) -> (i1, i1, i1) {
  %x = roast.tuple_cmp lt, %a, %b : tuple<i64, !roast.str>, tuple<i64, !roast.str, f64>
  %y = roast.tuple_cmp eq, %c, %d : tuple<i64>, tuple<f64>
  %z = roast.is %l, %k : !roast.list<i64>
  roast.return %x, %y, %z : i1, i1, i1
}

// CHECK-LABEL: roast.func @m.hash(
// CHECK:         roast.hash %{{.*}} : tuple<i64, !roast.str>
roast.func @m.hash(%t: tuple<i64, !roast.str>) -> i64 {
  %h = roast.hash %t : tuple<i64, !roast.str>
  roast.return %h : i64
}

// CHECK-LABEL: roast.func @m.math(
// CHECK:         roast.math_call sqrt(%{{.*}}) : (f64) -> f64
// CHECK:         roast.math_call log_base(%{{.*}}, %{{.*}}) : (f64, f64) -> f64
// CHECK:         roast.math_call gcd(%{{.*}}, %{{.*}}) : (i64, i64) -> i64
roast.func @m.math(%x: f64, %n: i64) -> (f64, f64, i64) {
  %a = roast.math_call sqrt(%x) : (f64) -> f64
  %b = roast.math_call log_base(%x, %x) : (f64, f64) -> f64
  %c = roast.math_call gcd(%n, %n) : (i64, i64) -> i64
  roast.return %a, %b, %c : f64, f64, i64
}

// CHECK-LABEL: roast.func @m.sys(
// CHECK:         %[[ARGV:.*]] = roast.sys_argv : !roast.list<!roast.str>
// CHECK:         roast.exit %{{.*}}
roast.func @m.sys(%n: i64) -> !roast.list<!roast.str> {
  %argv = roast.sys_argv : !roast.list<!roast.str>
  roast.exit %n
  roast.return %argv : !roast.list<!roast.str>
}

// CHECK-LABEL: roast.func @m.time(
// CHECK:         %[[T:.*]] = roast.clock "perf_counter"
// CHECK:         roast.clock "time"
// CHECK:         roast.sleep %[[T]]
roast.func @m.time() -> f64 {
  %t = roast.clock "perf_counter"
  %u = roast.clock "time"
  roast.sleep %t
  roast.return %u : f64
}
