// RUN: roast-opt %s | roast-opt | FileCheck %s
// l[i] and l[i] = v survive a print/parse round trip, with and without
// `unchecked` (an index known to be in range, roast-loop-versioning).

// CHECK-LABEL: roast.func @index(
// CHECK-SAME:      %[[L:[^:]*]]: !roast.list<f64>, %[[I:[^:]*]]: i64
roast.func @index(%l: !roast.list<f64>, %i: i64) -> f64 {
  // CHECK: %[[X:.*]] = roast.list_get %[[L]][%[[I]]] : !roast.list<f64>
  %x = roast.list_get %l[%i] : !roast.list<f64>
  // CHECK: %[[Y:.*]] = roast.list_get %[[L]][%[[I]]] unchecked : !roast.list<f64>
  %y = roast.list_get %l[%i] unchecked : !roast.list<f64>
  // CHECK: roast.list_set %[[L]][%[[I]]], %[[X]] : !roast.list<f64>
  roast.list_set %l[%i], %x : !roast.list<f64>
  // CHECK: roast.list_set %[[L]][%[[I]]] unchecked, %[[Y]] : !roast.list<f64>
  roast.list_set %l[%i] unchecked, %y : !roast.list<f64>
  roast.return %y : f64
}
