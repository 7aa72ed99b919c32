// RUN: roast-opt %s --convert-roast-to-standard -split-input-file | FileCheck %s

// l[i] is inline: the length is read at offset 16, a negative index counts
// from the end, one unsigned compare catches both out-of-range sides and
// branches to the function's raise block; the slot is loaded from the
// items pointer at offset 32 and decoded (bits of a double here).
// CHECK-DAG: ("list index out of range\00")
// CHECK-LABEL: func.func @m.get(
// CHECK-SAME:      %[[L:.*]]: !llvm.ptr, %[[I:.*]]: i64) -> f64
// CHECK:         %[[LENP:.*]] = llvm.getelementptr %[[L]][16] : (!llvm.ptr) -> !llvm.ptr, i8
// CHECK:         %[[LEN:.*]] = llvm.load %[[LENP]] {alignment = 8 : i64} : !llvm.ptr -> i64
// CHECK:         %[[NEG:.*]] = arith.cmpi slt, %[[I]], %{{.*}} : i64
// CHECK:         %[[FROMEND:.*]] = arith.addi %[[I]], %[[LEN]] : i64
// CHECK:         %[[IDX:.*]] = arith.select %[[NEG]], %[[FROMEND]], %[[I]] : i64
// CHECK:         %[[BAD:.*]] = arith.cmpi uge, %[[IDX]], %[[LEN]] : i64
// CHECK:         cf.cond_br %[[BAD]] weights([1, 2000]), ^[[RAISE:[a-z0-9]+]](
// CHECK:         %[[ITEMSP:.*]] = llvm.getelementptr %[[L]][32] : (!llvm.ptr) -> !llvm.ptr, i8
// CHECK:         %[[ITEMS:.*]] = llvm.load %[[ITEMSP]] {alignment = 8 : i64} : !llvm.ptr -> !llvm.ptr
// CHECK:         %[[SLOTP:.*]] = llvm.getelementptr %[[ITEMS]][%[[IDX]]] : (!llvm.ptr, i64) -> !llvm.ptr, i64
// CHECK:         %[[SLOT:.*]] = llvm.load %[[SLOTP]] {alignment = 8 : i64} : !llvm.ptr -> i64
// CHECK:         %[[X:.*]] = llvm.bitcast %[[SLOT]] : i64 to f64
// CHECK:         return %[[X]]
// CHECK-NOT:     roast_rt_list_get
roast.func @m.get(%l: !roast.list<f64>, %i: i64) -> f64 {
  %x = roast.list_get %l[%i] : !roast.list<f64>
  roast.return %x : f64
}

// -----

// l[i] = v of a number kind stores the slot inline, with its own message;
// of an object kind it calls the runtime, which retains the new element and
// releases the old one.
// CHECK-DAG: ("list assignment index out of range\00")
// CHECK-LABEL: func.func @m.set(
// CHECK-SAME:      %[[L:.*]]: !llvm.ptr, %[[I:.*]]: i64, %[[B:.*]]: i1, %[[S:.*]]: !llvm.ptr, %[[T:.*]]: !llvm.ptr)
// CHECK:         %[[SLOT:.*]] = arith.extui %[[B]] : i1 to i64
// CHECK:         cf.cond_br %{{.*}} weights([1, 2000]), ^[[RAISE:[a-z0-9]+]](
// CHECK:         %[[SLOTP:.*]] = llvm.getelementptr %{{.*}}[%{{.*}}] : (!llvm.ptr, i64) -> !llvm.ptr, i64
// CHECK:         llvm.store %[[SLOT]], %[[SLOTP]] {alignment = 8 : i64} : i64, !llvm.ptr
// CHECK-NOT:     roast_rt_list_set
// CHECK:         %[[OBJ:.*]] = llvm.ptrtoint %[[S]] : !llvm.ptr to i64
// CHECK:         llvm.call @roast_rt_list_set(%[[T]], %[[I]], %[[OBJ]],
roast.func @m.set(%l: !roast.list<i1>, %i: i64, %b: i1, %s: !roast.str,
                  %t: !roast.list<!roast.str>) {
  roast.list_set %l[%i], %b : !roast.list<i1>
  roast.list_set %t[%i], %s : !roast.list<!roast.str>
  roast.return
}
