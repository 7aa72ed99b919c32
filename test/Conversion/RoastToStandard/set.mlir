// RUN: roast-opt %s --convert-roast-to-standard -split-input-file | FileCheck %s
// Sets are the dict's runtime table without values: runtime calls on 8-byte
// slots, tuple elements boxed for each call, len() inline at offset 16.

// CHECK-DAG: llvm.func @roast_rt_set_new(i32) -> !llvm.ptr
// CHECK-DAG: llvm.func @roast_rt_set_from_list(!llvm.ptr, i32) -> !llvm.ptr
// CHECK-DAG: llvm.func @roast_rt_set_add(!llvm.ptr, i64)
// CHECK-DAG: llvm.func @roast_rt_set_contains(!llvm.ptr, i64) -> i1
// CHECK-DAG: llvm.func @roast_rt_set_remove(!llvm.ptr, i64, !llvm.ptr, i32, !llvm.ptr)
// CHECK-DAG: llvm.func @roast_rt_set_discard(!llvm.ptr, i64)
// CHECK-DAG: llvm.func @roast_rt_set_pop(!llvm.ptr, !llvm.ptr, i32, !llvm.ptr) -> i64
// CHECK-LABEL: func.func @m.scalars(
// CHECK-SAME:      %[[S:.*]]: !llvm.ptr, %[[X:.*]]: f64, %[[L:.*]]: !llvm.ptr) -> i64
// The element kind is the set's only parameter: 2 for float.
// CHECK:         %[[FLOAT:.*]] = arith.constant 2 : i32
// CHECK:         llvm.call @roast_rt_set_new(%[[FLOAT]])
// CHECK:         %[[FLOAT2:.*]] = arith.constant 2 : i32
// CHECK:         llvm.call @roast_rt_set_from_list(%[[L]], %[[FLOAT2]])
// CHECK:         %[[XS:.*]] = llvm.bitcast %[[X]] : f64 to i64
// CHECK:         llvm.call @roast_rt_set_add(%[[S]], %[[XS]])
// CHECK:         %[[XS2:.*]] = llvm.bitcast %[[X]] : f64 to i64
// CHECK:         llvm.call @roast_rt_set_contains(%[[S]], %[[XS2]])
// CHECK:         %[[XS3:.*]] = llvm.bitcast %[[X]] : f64 to i64
// CHECK:         llvm.call @roast_rt_set_discard(%[[S]], %[[XS3]])
// remove and pop raise KeyError: they pass their location.
// CHECK:         %[[XS4:.*]] = llvm.bitcast %[[X]] : f64 to i64
// CHECK:         %[[LINE:.*]] = arith.constant [[@LINE+14]] : i32
// CHECK:         llvm.call @roast_rt_set_remove(%[[S]], %[[XS4]], %{{.*}}, %[[LINE]], %{{.*}})
// CHECK:         %[[POPPED:.*]] = llvm.call @roast_rt_set_pop(%[[S]], %{{.*}}, %{{.*}}, %{{.*}})
// CHECK:         llvm.bitcast %[[POPPED]] : i64 to f64
// CHECK-NOT:     llvm.call
// CHECK:         %[[LENP:.*]] = llvm.getelementptr %[[S]][16] : (!llvm.ptr) -> !llvm.ptr, i8
// CHECK:         %[[LEN:.*]] = llvm.load %[[LENP]] {alignment = 8 : i64} : !llvm.ptr -> i64
// CHECK:         return %[[LEN]]
roast.func @m.scalars(%s: !roast.set<f64>, %x: f64, %l: !roast.list<f64>) -> i64 {
  %0 = roast.set_new : !roast.set<f64>
  %1 = roast.set_new %l : !roast.list<f64> -> : !roast.set<f64>
  roast.set_method add(%s, %x) : (!roast.set<f64>, f64) -> ()
  %2 = roast.set_contains %x, %s : !roast.set<f64>
  roast.set_method discard(%s, %x) : (!roast.set<f64>, f64) -> ()
  roast.set_method remove(%s, %x) : (!roast.set<f64>, f64) -> ()
  %3 = roast.set_method pop(%s) : (!roast.set<f64>) -> f64
  %n = roast.len %s : !roast.set<f64>
  roast.return %n : i64
}

// -----

// A tuple element is boxed for each call and its box released after it;
// the set retains the box it keeps.
// CHECK-DAG: @[[KINDS:roast\.cstr\.[0-9]+]]("\04\01\00")
// CHECK-LABEL: func.func @m.tuples(
// CHECK-SAME:      %[[S:.*]]: !llvm.ptr, %[[T:.*]]: !llvm.struct<(ptr, i64)>)
// CHECK:         %[[OBJ:.*]] = arith.constant 4 : i32
// CHECK:         llvm.call @roast_rt_set_new(%[[OBJ]])
// CHECK:         %[[K:.*]] = llvm.mlir.addressof @[[KINDS]]
// CHECK:         %[[B1:.*]] = llvm.call @roast_rt_tuple_new(%{{.*}}, %[[K]])
// CHECK:         %[[F0:.*]] = llvm.extractvalue %[[T]][0]
// CHECK:         llvm.call @roast_rt_retain(%[[F0]])
// CHECK:         llvm.getelementptr %[[B1]][24]
// CHECK:         llvm.getelementptr %[[B1]][32]
// CHECK:         %[[S1:.*]] = llvm.ptrtoint %[[B1]] : !llvm.ptr to i64
// CHECK:         llvm.call @roast_rt_set_add(%[[S]], %[[S1]])
// CHECK-NEXT:    llvm.call @roast_rt_release(%[[B1]])
// CHECK:         %[[B2:.*]] = llvm.call @roast_rt_tuple_new(
// CHECK:         %[[S2:.*]] = llvm.ptrtoint %[[B2]] : !llvm.ptr to i64
// CHECK:         llvm.call @roast_rt_set_contains(%[[S]], %[[S2]])
// CHECK-NEXT:    llvm.call @roast_rt_release(%[[B2]])
// CHECK:         %[[B3:.*]] = llvm.call @roast_rt_tuple_new(
// CHECK:         %[[S3:.*]] = llvm.ptrtoint %[[B3]] : !llvm.ptr to i64
// CHECK:         llvm.call @roast_rt_set_remove(%[[S]], %[[S3]],
// CHECK:         cf.cond_br
// CHECK:         llvm.call @roast_rt_release(%[[B3]])
// CHECK:         %[[B4:.*]] = llvm.call @roast_rt_tuple_new(
// CHECK:         %[[S4:.*]] = llvm.ptrtoint %[[B4]] : !llvm.ptr to i64
// CHECK:         llvm.call @roast_rt_set_discard(%[[S]], %[[S4]])
// CHECK-NEXT:    llvm.call @roast_rt_release(%[[B4]])
// pop hands over the set's reference to the box: the fields are unboxed
// and retained, then the box is released.
// CHECK:         %[[P:.*]] = llvm.call @roast_rt_set_pop(%[[S]],
// CHECK:         %[[PB:.*]] = llvm.inttoptr %[[P]] : i64 to !llvm.ptr
// CHECK:         llvm.getelementptr %[[PB]][24]
// CHECK:         llvm.getelementptr %[[PB]][32]
// CHECK:         llvm.call @roast_rt_retain(
// CHECK:         %[[PB2:.*]] = llvm.inttoptr %[[P]] : i64 to !llvm.ptr
// CHECK-NEXT:    llvm.call @roast_rt_release(%[[PB2]])
// CHECK-NEXT:    return
roast.func @m.tuples(%s: !roast.set<tuple<!roast.str, i64>>, %t: tuple<!roast.str, i64>) -> tuple<!roast.str, i64> {
  %0 = roast.set_new : !roast.set<tuple<!roast.str, i64>>
  roast.set_method add(%s, %t) : (!roast.set<tuple<!roast.str, i64>>, tuple<!roast.str, i64>) -> ()
  %1 = roast.set_contains %t, %s : !roast.set<tuple<!roast.str, i64>>
  roast.set_method remove(%s, %t) : (!roast.set<tuple<!roast.str, i64>>, tuple<!roast.str, i64>) -> ()
  roast.set_method discard(%s, %t) : (!roast.set<tuple<!roast.str, i64>>, tuple<!roast.str, i64>) -> ()
  %2 = roast.set_method pop(%s) : (!roast.set<tuple<!roast.str, i64>>) -> tuple<!roast.str, i64>
  roast.return %2 : tuple<!roast.str, i64>
}

// -----

// The operators and the methods on whole sets are one call each;
// issuperset is issubset with the operands swapped.
// CHECK-LABEL: func.func @m.algebra(
// CHECK-SAME:      %[[A:.*]]: !llvm.ptr, %[[B:.*]]: !llvm.ptr)
// CHECK:         llvm.call @roast_rt_set_union(%[[A]], %[[B]]) : (!llvm.ptr, !llvm.ptr) -> !llvm.ptr
// CHECK-NEXT:    llvm.call @roast_rt_set_intersection(%[[A]], %[[B]]) : (!llvm.ptr, !llvm.ptr) -> !llvm.ptr
// CHECK-NEXT:    llvm.call @roast_rt_set_difference(%[[A]], %[[B]]) : (!llvm.ptr, !llvm.ptr) -> !llvm.ptr
// CHECK-NEXT:    llvm.call @roast_rt_set_symmetric_difference(%[[A]], %[[B]]) : (!llvm.ptr, !llvm.ptr) -> !llvm.ptr
// CHECK-NEXT:    llvm.call @roast_rt_set_update(%[[A]], %[[B]]) : (!llvm.ptr, !llvm.ptr) -> ()
// CHECK-NEXT:    llvm.call @roast_rt_set_intersection_update(%[[A]], %[[B]]) : (!llvm.ptr, !llvm.ptr) -> ()
// CHECK-NEXT:    llvm.call @roast_rt_set_difference_update(%[[A]], %[[B]]) : (!llvm.ptr, !llvm.ptr) -> ()
// CHECK-NEXT:    llvm.call @roast_rt_set_issubset(%[[A]], %[[B]]) : (!llvm.ptr, !llvm.ptr) -> i1
// CHECK-NEXT:    llvm.call @roast_rt_set_issubset(%[[B]], %[[A]]) : (!llvm.ptr, !llvm.ptr) -> i1
// CHECK-NEXT:    llvm.call @roast_rt_set_copy(%[[A]]) : (!llvm.ptr) -> !llvm.ptr
// CHECK-NEXT:    llvm.call @roast_rt_set_clear(%[[A]]) : (!llvm.ptr) -> ()
// CHECK-NEXT:    llvm.call @roast_rt_set_to_list(%[[A]]) : (!llvm.ptr) -> !llvm.ptr
// CHECK-NEXT:    return
!S = !roast.set<!roast.str>
roast.func @m.algebra(%a: !S, %b: !S) {
  %0 = roast.set_method union(%a, %b) : (!S, !S) -> !S
  %1 = roast.set_method intersection(%a, %b) : (!S, !S) -> !S
  %2 = roast.set_method difference(%a, %b) : (!S, !S) -> !S
  %3 = roast.set_method symmetric_difference(%a, %b) : (!S, !S) -> !S
  roast.set_method update(%a, %b) : (!S, !S) -> ()
  roast.set_method intersection_update(%a, %b) : (!S, !S) -> ()
  roast.set_method difference_update(%a, %b) : (!S, !S) -> ()
  %4 = roast.set_method issubset(%a, %b) : (!S, !S) -> i1
  %5 = roast.set_method issuperset(%a, %b) : (!S, !S) -> i1
  %6 = roast.set_method copy(%a) : (!S) -> !S
  roast.set_method clear(%a) : (!S) -> ()
  %7 = roast.set_method to_list(%a) : (!S) -> !roast.list<!roast.str>
  roast.return
}

// -----

// Comparisons: == and != by roast_rt_set_eq; <= is issubset, >= swaps the
// operands, and the strict forms also require the sets to differ.
// CHECK-LABEL: func.func @m.compare(
// CHECK-SAME:      %[[A:.*]]: !llvm.ptr, %[[B:.*]]: !llvm.ptr)
// CHECK:         %[[EQ:.*]] = llvm.call @roast_rt_set_eq(%[[A]], %[[B]])
// CHECK:         %[[EQ2:.*]] = llvm.call @roast_rt_set_eq(%[[A]], %[[B]])
// CHECK:         %[[NE:.*]] = arith.xori %[[EQ2]], %{{.*}} : i1
// CHECK:         %[[LE:.*]] = llvm.call @roast_rt_set_issubset(%[[A]], %[[B]])
// CHECK:         %[[LTSUB:.*]] = llvm.call @roast_rt_set_issubset(%[[A]], %[[B]])
// CHECK:         %[[LTEQ:.*]] = llvm.call @roast_rt_set_eq(%[[A]], %[[B]])
// CHECK:         %[[LTNE:.*]] = arith.xori %[[LTEQ]], %{{.*}} : i1
// CHECK:         %[[LT:.*]] = arith.andi %[[LTSUB]], %[[LTNE]] : i1
// CHECK:         %[[GE:.*]] = llvm.call @roast_rt_set_issubset(%[[B]], %[[A]])
// CHECK:         %[[GTSUB:.*]] = llvm.call @roast_rt_set_issubset(%[[B]], %[[A]])
// CHECK:         %[[GTEQ:.*]] = llvm.call @roast_rt_set_eq(%[[A]], %[[B]])
// CHECK:         %[[GTNE:.*]] = arith.xori %[[GTEQ]], %{{.*}} : i1
// CHECK:         %[[GT:.*]] = arith.andi %[[GTSUB]], %[[GTNE]] : i1
// CHECK:         return %[[EQ]], %[[NE]], %[[LE]], %[[LT]], %[[GE]], %[[GT]]
!S = !roast.set<i64>
roast.func @m.compare(%a: !S, %b: !S) -> (i1, i1, i1, i1, i1, i1) {
  %0 = roast.cmp eq, %a, %b : !S
  %1 = roast.cmp ne, %a, %b : !S
  %2 = roast.cmp le, %a, %b : !S
  %3 = roast.cmp lt, %a, %b : !S
  %4 = roast.cmp ge, %a, %b : !S
  %5 = roast.cmp gt, %a, %b : !S
  roast.return %0, %1, %2, %3, %4, %5 : i1, i1, i1, i1, i1, i1
}

// -----

// Lists of tuples use the same boxing: append and `in` box their operand
// for the call and release the box after it (the list retains what it
// keeps).
// CHECK-LABEL: func.func @m.list_of_tuples(
// CHECK-SAME:      %[[L:.*]]: !llvm.ptr, %[[T:.*]]: !llvm.struct<(i64, ptr)>)
// CHECK:         %[[B1:.*]] = llvm.call @roast_rt_tuple_new(
// CHECK:         %[[S1:.*]] = llvm.ptrtoint %[[B1]] : !llvm.ptr to i64
// CHECK:         llvm.call @roast_rt_list_append(%[[L]], %[[S1]])
// CHECK-NEXT:    llvm.call @roast_rt_release(%[[B1]])
// CHECK:         %[[B2:.*]] = llvm.call @roast_rt_tuple_new(
// CHECK:         %[[S2:.*]] = llvm.ptrtoint %[[B2]] : !llvm.ptr to i64
// CHECK:         %[[IN:.*]] = llvm.call @roast_rt_list_contains(%[[L]], %[[S2]])
// CHECK-NEXT:    llvm.call @roast_rt_release(%[[B2]])
// An element's __eq__ may raise: the pending exception is tested.
// CHECK:         llvm.load %{{.*}} : !llvm.ptr -> !llvm.ptr
// CHECK:         return %[[IN]]
roast.func @m.list_of_tuples(%l: !roast.list<tuple<i64, !roast.str>>, %t: tuple<i64, !roast.str>) -> i1 {
  roast.list_append %l, %t : !roast.list<tuple<i64, !roast.str>>
  %0 = roast.list_contains %t, %l : !roast.list<tuple<i64, !roast.str>>
  roast.return %0 : i1
}
