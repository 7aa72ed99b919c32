// RUN: roast-opt %s --convert-roast-to-standard -split-input-file | FileCheck %s

// Slots left after mem2reg live in the frame, allocated in the entry block
// even when declared further down.

// CHECK-LABEL: func.func @m.slots(
// CHECK-SAME:      %[[C:.*]]: i1, %[[V:.*]]: i64)
// CHECK-NEXT:    %[[ONE_S:.*]] = llvm.mlir.constant(1 : i64) : i64
// CHECK-NEXT:    %[[S:.*]] = llvm.alloca %[[ONE_S]] x !llvm.ptr : (i64) -> !llvm.ptr
// CHECK-NEXT:    %[[ONE_X:.*]] = llvm.mlir.constant(1 : i64) : i64
// CHECK-NEXT:    %[[X:.*]] = llvm.alloca %[[ONE_X]] x i64 : (i64) -> !llvm.ptr
// CHECK-NEXT:    llvm.store %[[V]], %[[X]] : i64, !llvm.ptr
// CHECK:       ^{{.*}}:
// CHECK:         %[[STR:.*]] = llvm.mlir.addressof @roast.str.{{[0-9]+}}
// CHECK-NEXT:    llvm.store %[[STR]], %[[S]] : !llvm.ptr, !llvm.ptr
// CHECK-NEXT:    %{{.*}} = llvm.load %[[S]] : !llvm.ptr -> !llvm.ptr
// CHECK:         %{{.*}} = llvm.load %[[X]] : !llvm.ptr -> i64
roast.func @m.slots(%c: i1, %v: i64) -> i64 {
  %x = roast.alloca "x" : !roast.ref<i64>
  roast.store %v, %x : !roast.ref<i64>
  cf.cond_br %c, ^a, ^b
^a:
  %s = roast.alloca "s" : !roast.ref<!roast.str>
  %h = roast.string "a"
  roast.store %h, %s : !roast.ref<!roast.str>
  %l = roast.load %s : !roast.ref<!roast.str>
  roast.print %l : !roast.str
  cf.br ^b
^b:
  %r = roast.load %x : !roast.ref<i64>
  roast.return %r : i64
}

// -----

// Module variables: internal, zero-initialised, prefixed so they never clash
// with a function's symbol.
// CHECK-DAG: llvm.mlir.global internal @roast.global.m.count(0 : i64)
// CHECK-DAG: llvm.mlir.global internal @roast.global.m.ratio(0.000000e+00 : f64)
// CHECK-DAG: llvm.mlir.global internal @roast.global.m.flag(false)
// CHECK-DAG: llvm.mlir.global internal @roast.global.m.name() {{.*}} : !llvm.ptr {
// CHECK-DAG:   %[[NULL:.*]] = llvm.mlir.zero : !llvm.ptr
// CHECK-DAG:   llvm.return %[[NULL]] : !llvm.ptr
roast.global @m.count : i64
roast.global @m.ratio : f64
roast.global @m.flag : i1
roast.global @m.name : !roast.str

// CHECK-LABEL: func.func @m.bump(
// CHECK:         %[[ADDR:.*]] = llvm.mlir.addressof @roast.global.m.count : !llvm.ptr
// CHECK-NEXT:    %[[V:.*]] = llvm.load %[[ADDR]] : !llvm.ptr -> i64
// CHECK:         %[[ADDR2:.*]] = llvm.mlir.addressof @roast.global.m.count : !llvm.ptr
// CHECK-NEXT:    llvm.store %{{.*}}, %[[ADDR2]] : i64, !llvm.ptr
// CHECK:         %[[NADDR:.*]] = llvm.mlir.addressof @roast.global.m.name : !llvm.ptr
// CHECK-NEXT:    %{{.*}} = llvm.load %[[NADDR]] : !llvm.ptr -> !llvm.ptr
roast.func @m.bump() -> !roast.str {
  %v = roast.global_load @m.count : i64
  %c1 = arith.constant 1 : i64
  %w = arith.addi %v, %c1 : i64
  roast.global_store %w, @m.count : i64
  %n = roast.global_load @m.name : !roast.str
  roast.return %n : !roast.str
}
