// RUN: roast-opt %s --cse | FileCheck %s

// Comparisons of scalars are pure and CSE merges them; comparisons of
// containers read the containers, so a mutation in between keeps both.

// CHECK-LABEL: roast.func @m.ints(
// CHECK:         %[[X:.*]] = roast.cmp eq
// CHECK-NOT:     roast.cmp
// CHECK:         roast.return %[[X]], %[[X]]
roast.func @m.ints(%a: i64, %b: i64) -> (i1, i1) {
  %x = roast.cmp eq, %a, %b : i64
  %y = roast.cmp eq, %a, %b : i64
  roast.return %x, %y : i1, i1
}

// CHECK-LABEL: roast.func @m.sets(
// CHECK:         roast.cmp eq
// CHECK:         roast.set_method add
// CHECK:         roast.cmp eq
roast.func @m.sets(%a: !roast.set<i64>, %b: !roast.set<i64>, %v: i64) -> (i1, i1) {
  %x = roast.cmp eq, %a, %b : !roast.set<i64>
  roast.set_method add(%a, %v) : (!roast.set<i64>, i64) -> ()
  %y = roast.cmp eq, %a, %b : !roast.set<i64>
  roast.return %x, %y : i1, i1
}
