// RUN: roast-opt %s --convert-roast-to-standard | FileCheck %s
// A `roast.new stack` (roast-escape-analysis) is a slot in the entry block
// of its function, never inside the loop that makes the instance: one slot
// per op, which no two of its instances use at once. Each time the op runs,
// the slot gets the header roast_rt_object_new would write (type_id 6 =
// ROAST_TYPE_INSTANCE, the class pointer, zero fields), but with the
// immortal count 2^62, so that a callee's retain or release leaves it
// alone. A heap roast.new still calls the runtime.

roast.class @Vec {fields = ["x", "y"], field_types = [f64, f64], methods = []}

// CHECK-LABEL: func.func @loop(%arg0: i64) -> f64
// CHECK-NEXT:    %[[ONE:.*]] = llvm.mlir.constant(1 : i64) : i64
// CHECK-NEXT:    %[[SLOT:.*]] = llvm.alloca %[[ONE]] x !llvm.struct<(i64, i32, i32, ptr, f64, f64)> {alignment = 16 : i64} : (i64) -> !llvm.ptr
// CHECK:         cf.br ^bb1
// CHECK:       ^bb2:
// CHECK-NOT:     llvm.alloca
// CHECK:         %[[DESC:.*]] = llvm.mlir.addressof @Vec.class : !llvm.ptr
// CHECK:         %[[ZERO:.*]] = llvm.mlir.zero : !llvm.struct<(i64, i32, i32, ptr, f64, f64)>
// CHECK:         %[[IMMORTAL:.*]] = llvm.mlir.constant(4611686018427387904 : i64) : i64
// CHECK:         %[[H0:.*]] = llvm.insertvalue %[[IMMORTAL]], %[[ZERO]][0]
// CHECK:         %[[TYPE:.*]] = llvm.mlir.constant(6 : i32) : i32
// CHECK:         %[[H1:.*]] = llvm.insertvalue %[[TYPE]], %[[H0]][1]
// CHECK:         %[[H3:.*]] = llvm.insertvalue %[[DESC]], %[[H1]][3]
// CHECK:         llvm.store %[[H3]], %[[SLOT]] : !llvm.struct<(i64, i32, i32, ptr, f64, f64)>, !llvm.ptr
// CHECK-NOT:     roast_rt_object_new
// CHECK:         %[[X:.*]] = llvm.getelementptr %[[SLOT]][0, 4]
// CHECK:         llvm.store %{{.*}}, %[[X]] : f64, !llvm.ptr
// CHECK:       ^bb3:
// CHECK:         llvm.call @roast_rt_object_new
roast.func @loop(%n: i64) -> f64 {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  %zero = arith.constant 0.0 : f64
  cf.br ^head(%c0, %zero : i64, f64)
^head(%i: i64, %acc: f64):
  %more = arith.cmpi slt, %i, %n : i64
  cf.cond_br %more, ^body, ^done
^body:
  %v = roast.new stack : !roast.object<@Vec>
  %f = arith.sitofp %i : i64 to f64
  roast.set_field %v["x"], %f : !roast.object<@Vec>, f64
  %x = roast.get_field %v["x"] : !roast.object<@Vec> -> f64
  %sum = arith.addf %acc, %x : f64
  %next = arith.addi %i, %c1 : i64
  cf.br ^head(%next, %sum : i64, f64)
^done:
  %h = roast.new : !roast.object<@Vec>
  roast.set_field %h["y"], %acc : !roast.object<@Vec>, f64
  %y = roast.get_field %h["y"] : !roast.object<@Vec> -> f64
  roast.release %h : !roast.object<@Vec>
  roast.return %y : f64
}
