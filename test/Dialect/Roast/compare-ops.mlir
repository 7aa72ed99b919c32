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
