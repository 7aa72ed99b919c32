// RUN: roast-opt %s --convert-roast-to-standard | FileCheck %s
// str ops are runtime calls; those that may raise pass their location.

// CHECK-LABEL: func.func @ops(%arg0: !llvm.ptr, %arg1: !llvm.ptr, %arg2: i64)
roast.func @ops(%a: !roast.str, %b: !roast.str, %n: i64) -> i1 {
  // CHECK: llvm.call @roast_rt_str_concat(%arg0, %arg1)
  %0 = roast.str_concat %a, %b
  // CHECK: llvm.call @roast_rt_str_append(%arg0, %arg1)
  %s = roast.str_append %a, %b
  // CHECK: llvm.call @roast_rt_str_repeat(%arg0, %arg2, %{{.*}}, %{{.*}}, %{{.*}})
  %1 = roast.str_repeat %a, %n
  // CHECK: llvm.call @roast_rt_str_len(%arg0)
  %2 = roast.len %a : !roast.str
  // CHECK: %[[WHICH:.*]] = arith.constant 4 : i32
  // CHECK: llvm.call @roast_rt_str_slice(%arg0, %{{.*}}, %{{.*}}, %arg2, %[[WHICH]],
  %3 = roast.str_slice %a[ : : %n]
  // The haystack comes first in the runtime's signature.
  // CHECK: llvm.call @roast_rt_str_contains(%arg1, %arg0)
  %4 = roast.str_contains %a, %b
  // CHECK: %[[ORDER:.*]] = llvm.call @roast_rt_str_compare(%arg0, %arg1)
  // CHECK: arith.cmpi sle, %[[ORDER]], %{{.*}} : i64
  %5 = roast.cmp le, %a, %b : !roast.str
  // CHECK: llvm.call @roast_rt_str_eq(%arg0, %arg1)
  %6 = roast.cmp eq, %a, %b : !roast.str
  // CHECK: llvm.call @roast_rt_str_to_int(%arg0, %{{.*}}, %{{.*}}, %{{.*}})
  %7 = roast.cast %a : !roast.str to i64
  // CHECK: llvm.call @roast_rt_str_from_int(%arg2)
  %8 = roast.cast %n : i64 to !roast.str
  // CHECK: %[[LEN:.*]] = llvm.call @roast_rt_str_len(%arg0)
  // CHECK: arith.cmpi ne, %[[LEN]], %{{.*}} : i64
  %9 = roast.cast %a : !roast.str to i1
  // CHECK: llvm.call @roast_rt_str_strip_chars(%arg0, %arg1)
  %10 = roast.str_method strip(%a, %b) : (!roast.str, !roast.str) -> !roast.str
  // CHECK: llvm.call @roast_rt_str_strip(%arg0)
  %11 = roast.str_method strip(%a) : (!roast.str) -> !roast.str
  // CHECK: llvm.call @roast_rt_str_repr(%arg0)
  %12 = roast.repr %a : !roast.str
  // CHECK: llvm.call @roast_rt_str_from_float(
  %f = arith.constant 2.5 : f64
  %13 = roast.repr %f : f64
  roast.return %6 : i1
}

// -----

// find/count with bounds call the range functions with a slice-style
// `which` (1: start only, 3: start and end); split passes maxsplit, or -1.
// CHECK-LABEL: func.func @m.search(
// CHECK-SAME:      %[[S:.*]]: !llvm.ptr, %[[T:.*]]: !llvm.ptr, %[[I:.*]]: i64, %[[J:.*]]: i64)
// CHECK:         %[[ONE:.*]] = arith.constant 1 : i32
// CHECK:         llvm.call @roast_rt_str_find_range(%[[S]], %[[T]], %[[I]], %{{.*}}, %[[ONE]])
// CHECK:         %[[THREE:.*]] = arith.constant 3 : i32
// CHECK:         llvm.call @roast_rt_str_count_range(%[[S]], %[[T]], %[[I]], %[[J]], %[[THREE]])
// CHECK:         llvm.call @roast_rt_str_split(%[[S]], %[[T]], %[[J]],
// CHECK:         %[[NOLIMIT:.*]] = arith.constant -1 : i64
// CHECK:         llvm.call @roast_rt_str_split(%[[S]], %{{.*}}, %[[NOLIMIT]],
roast.func @m.search(%s: !roast.str, %t: !roast.str, %i: i64, %j: i64) -> (i64, i64, !roast.list<!roast.str>, !roast.list<!roast.str>) {
  %0 = roast.str_method find(%s, %t, %i) : (!roast.str, !roast.str, i64) -> i64
  %1 = roast.str_method count(%s, %t, %i, %j) : (!roast.str, !roast.str, i64, i64) -> i64
  %2 = roast.str_method split(%s, %t, %j) : (!roast.str, !roast.str, i64) -> !roast.list<!roast.str>
  %3 = roast.str_method split(%s) : (!roast.str) -> !roast.list<!roast.str>
  roast.return %0, %1, %2, %3 : i64, i64, !roast.list<!roast.str>, !roast.list<!roast.str>
}
