// RUN: roast-opt %s --convert-roast-to-standard -split-input-file | FileCheck %s
// retain/release are inline: None (null) and immortal objects are skipped
// without touching memory; a release that reaches zero deallocates.

// CHECK-LABEL: func.func @retain(%arg0: !llvm.ptr)
// CHECK:         %[[NULL:.*]] = llvm.mlir.zero : !llvm.ptr
// CHECK:         %[[ISNULL:.*]] = llvm.icmp "eq" %arg0, %[[NULL]] : !llvm.ptr
// CHECK:         cf.cond_br %[[ISNULL]], ^[[DONE:.*]], ^[[LOAD:.*]]
// CHECK:       ^[[LOAD]]:
// CHECK:         %[[RC:.*]] = llvm.load %arg0 {alignment = 8 : i64} : !llvm.ptr -> i64
// CHECK:         %[[IMM:.*]] = arith.constant 4611686018427387904 : i64
// CHECK:         %[[COUNTED:.*]] = arith.cmpi slt, %[[RC]], %[[IMM]] : i64
// CHECK:         cf.cond_br %[[COUNTED]], ^[[INC:.*]], ^[[DONE]]
// CHECK:       ^[[INC]]:
// CHECK:         %[[NEXT:.*]] = arith.addi %[[RC]], %{{.*}} : i64
// CHECK:         llvm.store %[[NEXT]], %arg0 {alignment = 8 : i64} : i64, !llvm.ptr
// CHECK-NOT:     roast_rt_dealloc
// CHECK:         return
roast.func @retain(%s: !roast.str) {
  roast.retain %s : !roast.str
  roast.return
}

// -----

// CHECK-LABEL: func.func @release(%arg0: !llvm.ptr)
// CHECK:         llvm.icmp "eq" %arg0
// CHECK:         %[[RC:.*]] = llvm.load %arg0
// CHECK:         %[[NEXT:.*]] = arith.subi %[[RC]], %{{.*}} : i64
// CHECK:         llvm.store %[[NEXT]], %arg0
// CHECK:         %[[DEAD:.*]] = arith.cmpi eq, %[[NEXT]], %{{.*}} : i64
// CHECK:         cf.cond_br %[[DEAD]], ^[[FREE:.*]], ^
// CHECK:       ^[[FREE]]:
// CHECK:         llvm.call @roast_rt_dealloc(%arg0) : (!llvm.ptr) -> ()
roast.func @release(%s: !roast.str) {
  roast.release %s : !roast.str
  roast.return
}

// -----

// A tuple's retain applies to each reference it holds, and to nothing else.
// CHECK-LABEL: func.func @tuple(%arg0: !llvm.struct<(ptr, i64, ptr)>)
// CHECK:         llvm.extractvalue %arg0[0]
// CHECK-NOT:     llvm.extractvalue %arg0[1]
// CHECK:         llvm.extractvalue %arg0[2]
roast.func @tuple(%t: tuple<!roast.str, i64, !roast.str>) {
  roast.retain %t : tuple<!roast.str, i64, !roast.str>
  roast.return
}
