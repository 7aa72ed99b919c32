// RUN: roast-opt %s --convert-roast-to-standard -split-input-file | FileCheck %s

// Tuples are values: literal structs of the converted element types, built
// with insertvalue and read with extractvalue.

// CHECK-LABEL: func.func @m.swap(
// CHECK-SAME:      %[[T:.*]]: !llvm.struct<(i64, ptr)>) -> !llvm.struct<(ptr, i64)>
// CHECK:         %[[A:.*]] = llvm.extractvalue %[[T]][0] : !llvm.struct<(i64, ptr)>
// CHECK:         %[[B:.*]] = llvm.extractvalue %[[T]][1] : !llvm.struct<(i64, ptr)>
// CHECK:         %[[U:.*]] = llvm.mlir.poison : !llvm.struct<(ptr, i64)>
// CHECK:         %[[U0:.*]] = llvm.insertvalue %[[B]], %[[U]][0]
// CHECK:         %[[U1:.*]] = llvm.insertvalue %[[A]], %[[U0]][1]
// CHECK:         return %[[U1]] : !llvm.struct<(ptr, i64)>
roast.func @m.swap(%t: tuple<i64, !roast.str>) -> tuple<!roast.str, i64> {
  %a = roast.tuple_get %t[0] : tuple<i64, !roast.str> -> i64
  %b = roast.tuple_get %t[1] : tuple<i64, !roast.str> -> !roast.str
  %r = roast.make_tuple %b, %a : (!roast.str, i64) -> tuple<!roast.str, i64>
  roast.return %r : tuple<!roast.str, i64>
}

// -----

// Printing a tuple prints its elements' repr: strings quoted by the
// runtime, a one-element tuple with a trailing comma.
// CHECK-DAG: llvm.func @roast_rt_print_str_repr(!llvm.ptr)
// CHECK-DAG: @[[OPEN:roast\.cstr\.[0-9]+]]("(\00")
// CHECK-DAG: @[[COMMA:roast\.cstr\.[0-9]+]](", \00")
// CHECK-DAG: @[[CLOSE:roast\.cstr\.[0-9]+]](")\00")
// CHECK-DAG: @[[CLOSE1:roast\.cstr\.[0-9]+]](",)\00")
// CHECK-LABEL: func.func @m.print(
// CHECK-SAME:      %[[T:.*]]: !llvm.struct<(i64, struct<(ptr)>)>)
// CHECK:         %[[O:.*]] = llvm.mlir.addressof @[[OPEN]]
// CHECK-NEXT:    llvm.call @roast_rt_print_cstr(%[[O]])
// CHECK-NEXT:    %[[I:.*]] = llvm.extractvalue %[[T]][0]
// CHECK-NEXT:    llvm.call @roast_rt_print_int(%[[I]])
// CHECK-NEXT:    %[[C:.*]] = llvm.mlir.addressof @[[COMMA]]
// CHECK-NEXT:    llvm.call @roast_rt_print_cstr(%[[C]])
// CHECK-NEXT:    %[[INNER:.*]] = llvm.extractvalue %[[T]][1]
// CHECK-NEXT:    %[[O2:.*]] = llvm.mlir.addressof @[[OPEN]]
// CHECK-NEXT:    llvm.call @roast_rt_print_cstr(%[[O2]])
// CHECK-NEXT:    %[[S:.*]] = llvm.extractvalue %[[INNER]][0]
// CHECK-NEXT:    llvm.call @roast_rt_print_str_repr(%[[S]])
// CHECK-NEXT:    %[[E1:.*]] = llvm.mlir.addressof @[[CLOSE1]]
// CHECK-NEXT:    llvm.call @roast_rt_print_cstr(%[[E1]])
// CHECK-NEXT:    %[[E:.*]] = llvm.mlir.addressof @[[CLOSE]]
// CHECK-NEXT:    llvm.call @roast_rt_print_cstr(%[[E]])
roast.func @m.print(%t: tuple<i64, tuple<!roast.str>>) {
  roast.print %t : tuple<i64, tuple<!roast.str>>
  roast.return
}

// -----

// Tuple slots and globals hold the struct.
// CHECK: llvm.mlir.global internal @roast.global.m.pair() {{.*}} : !llvm.struct<(i64, f64)> {
// CHECK:   llvm.mlir.zero : !llvm.struct<(i64, f64)>
// CHECK-LABEL: func.func @m.slot(
// CHECK:         llvm.alloca %{{.*}} x !llvm.struct<(i64, f64)>
roast.global @m.pair : tuple<i64, f64>
roast.func @m.slot(%t: tuple<i64, f64>) -> tuple<i64, f64> {
  %s = roast.alloca "t" : !roast.ref<tuple<i64, f64>>
  roast.store %t, %s : !roast.ref<tuple<i64, f64>>
  %v = roast.load %s : !roast.ref<tuple<i64, f64>>
  roast.global_store %v, @m.pair : tuple<i64, f64>
  roast.return %v : tuple<i64, f64>
}

// -----

// Tuple comparisons box both tuples for the runtime's lexicographic
// comparison (RoastCompareOp LT = 0) and release the boxes after it.
// CHECK-LABEL: func.func @m.tuple_lt(
// CHECK:         %[[A:.*]] = llvm.call @roast_rt_tuple_new(
// CHECK:         %[[B:.*]] = llvm.call @roast_rt_tuple_new(
// CHECK:         %[[OP:.*]] = arith.constant 0 : i32
// CHECK:         %[[R:.*]] = llvm.call @roast_rt_tuple_richcompare(%[[A]], %[[B]], %[[OP]],
// CHECK:         llvm.call @roast_rt_release(%[[A]])
// CHECK:         llvm.call @roast_rt_release(%[[B]])
// CHECK:         return %[[R]]
roast.func @m.tuple_lt(%a: tuple<i64, !roast.str>, %b: tuple<i64, !roast.str>) -> i1 {
  %r = roast.tuple_cmp lt, %a, %b : tuple<i64, !roast.str>, tuple<i64, !roast.str>
  roast.return %r : i1
}

// -----

// hash(x) asks the runtime with the slot and its kind (RoastElemKind: int 1,
// object 4); a tuple is boxed for the call and the box released after it.
// CHECK-LABEL: func.func @m.hashes(
// CHECK:         %[[INT:.*]] = arith.constant 1 : i32
// CHECK:         llvm.call @roast_rt_slot_hash(%[[INT]], %{{.*}})
// CHECK:         %[[BOX:.*]] = llvm.call @roast_rt_tuple_new(
// CHECK:         %[[OBJ:.*]] = arith.constant 4 : i32
// CHECK:         llvm.call @roast_rt_slot_hash(%[[OBJ]], %{{.*}})
// CHECK:         llvm.call @roast_rt_release(%[[BOX]])
roast.func @m.hashes(%i: i64, %t: tuple<i64, f64>) -> (i64, i64) {
  %a = roast.hash %i : i64
  %b = roast.hash %t : tuple<i64, f64>
  roast.return %a, %b : i64, i64
}
