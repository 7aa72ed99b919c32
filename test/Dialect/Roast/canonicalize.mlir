// RUN: roast-opt %s --canonicalize -split-input-file | FileCheck %s
// Checked arithmetic folds on constants only when the result fits: an
// overflowing constant expression must still raise at run time.

// CHECK-LABEL: roast.func @fold_in_range
// CHECK-DAG: arith.constant 12 : i64
// CHECK-DAG: arith.constant -2 : i64
// CHECK-DAG: arith.constant 35 : i64
// CHECK-DAG: arith.constant -17 : i64
// CHECK-DAG: arith.constant 40 : i64
// CHECK-DAG: arith.constant -1 : i64
// CHECK-NOT: roast.
// CHECK: roast.return
roast.func @fold_in_range() -> (i64, i64, i64, i64, i64, i64) {
  %c5 = arith.constant 5 : i64
  %c7 = arith.constant 7 : i64
  %c3 = arith.constant 3 : i64
  %c17 = arith.constant 17 : i64
  %m9 = arith.constant -9 : i64
  %c64 = arith.constant 64 : i64
  %0 = roast.add %c5, %c7 : i64
  %1 = roast.sub %c5, %c7 : i64
  %2 = roast.mul %c5, %c7 : i64
  %3 = roast.neg %c17 : i64
  %4 = roast.shl %c5, %c3 : i64
  %5 = roast.shr %m9, %c64 : i64
  roast.return %0, %1, %2, %3, %4, %5 : i64, i64, i64, i64, i64, i64
}

// -----

// CHECK-LABEL: roast.func @keep_overflow
// CHECK: roast.add
// CHECK: roast.mul
// CHECK: roast.neg
// CHECK: roast.shl
// CHECK: roast.shl
// CHECK: roast.shr
roast.func @keep_overflow() -> (i64, i64, i64, i64, i64, i64) {
  %max = arith.constant 9223372036854775807 : i64
  %min = arith.constant -9223372036854775808 : i64
  %c1 = arith.constant 1 : i64
  %c2 = arith.constant 2 : i64
  %m1 = arith.constant -1 : i64
  %0 = roast.add %max, %c1 : i64
  %1 = roast.mul %max, %c2 : i64
  %2 = roast.neg %min : i64
  %3 = roast.shl %c1, %m1 : i64
  %4 = roast.shl %max, %c1 : i64
  %5 = roast.shr %c1, %m1 : i64
  roast.return %0, %1, %2, %3, %4, %5 : i64, i64, i64, i64, i64, i64
}

// -----

// Identities: x + 0, x - 0, x * 1.
// CHECK-LABEL: roast.func @identities(%arg0: i64)
// CHECK-NEXT: roast.return %arg0, %arg0, %arg0
roast.func @identities(%x: i64) -> (i64, i64, i64) {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  %0 = roast.add %x, %c0 : i64
  %1 = roast.sub %x, %c0 : i64
  %2 = roast.mul %x, %c1 : i64
  roast.return %0, %1, %2 : i64, i64, i64
}

// -----

// Tuple reads of a freshly built tuple fold away; casts of constants fold.
// CHECK-LABEL: roast.func @tuples_and_casts(%arg0: i64, %arg1: f64)
// CHECK-DAG: %[[F:.*]] = arith.constant 3.000000e+00 : f64
// CHECK-DAG: %[[T:.*]] = arith.constant true
// CHECK: roast.return %arg1, %[[F]], %[[T]]
roast.func @tuples_and_casts(%x: i64, %y: f64) -> (f64, f64, i1) {
  %t = roast.make_tuple %x, %y : (i64, f64) -> tuple<i64, f64>
  %0 = roast.tuple_get %t[1] : tuple<i64, f64> -> f64
  %c3 = arith.constant 3 : i64
  %1 = roast.cast %c3 : i64 to f64
  %2 = roast.cast %c3 : i64 to i1
  roast.return %0, %1, %2 : f64, f64, i1
}
