// RUN: roast-opt %s --convert-roast-to-standard | FileCheck %s
// Classes lower to descriptors (RoastClass in Runtime.h): name, base,
// instance size, the offsets of owned references and the method table of
// function addresses (func.constant until func-to-llvm). Instances are
// {header, class pointer, fields as a C struct}: fields are GEPs into that
// struct, a virtual call loads the class pointer and the slot at byte
// 112 + 8 * slot, and upcasts vanish.

roast.class @Animal {fields = ["name", "legs"], field_types = [!roast.str, i64],
                     methods = [@Animal.speak]}
roast.class @Dog : @Animal {fields = ["name", "legs", "pos"],
                            field_types = [!roast.str, i64, tuple<f64, !roast.str>],
                            methods = [@Dog.speak]}

roast.func @Animal.speak(%self: !roast.object<@Animal>) -> !roast.str {
  %s = roast.string "..."
  roast.return %s : !roast.str
}

roast.func @Dog.speak(%self: !roast.object<@Dog>) -> !roast.str {
  %s = roast.string "Woof"
  roast.return %s : !roast.str
}

roast.func @use(%a: !roast.object<@Animal>) -> i64 {
  %d = roast.new : !roast.object<@Dog>
  %c4 = arith.constant 4 : i64
  roast.set_field %d["legs"], %c4 : !roast.object<@Dog>, i64
  %legs = roast.get_field %a["legs"] : !roast.object<@Animal> -> i64
  %s = roast.method_call %a, "speak"() : (!roast.object<@Animal>) -> !roast.str
  %b = roast.isinstance %a, @Dog : !roast.object<@Animal>
  %up = roast.upcast %d : !roast.object<@Dog> to !roast.object<@Animal>
  roast.return %legs : i64
}

// CHECK: llvm.mlir.global private constant @Animal.class.refs(dense<24> : tensor<1xi64>)
// CHECK: llvm.mlir.global private constant @Animal.class() {{.*}} : !llvm.struct<(ptr, ptr, i64, i64, ptr, i32, i32, i32, i32, i32, i32, i64, ptr, i64, ptr, ptr, i64, array<1 x ptr>)>
// CHECK:   llvm.mlir.constant(40 : i64)
// CHECK:   func.constant @Animal.speak
// CHECK: llvm.mlir.global private constant @Dog.class.refs(dense<[24, 48]> : tensor<2xi64>)
// CHECK: llvm.mlir.global private constant @Dog.class()
// CHECK:   llvm.mlir.addressof @Animal.class
// CHECK:   llvm.mlir.constant(56 : i64)
// CHECK:   func.constant @Dog.speak
// CHECK-NOT: roast.class

// CHECK-LABEL: func.func @use(%arg0: !llvm.ptr) -> i64
// CHECK:   %[[DESC:.*]] = llvm.mlir.addressof @Dog.class
// CHECK:   %[[D:.*]] = llvm.call @roast_rt_object_new(%[[DESC]])
// CHECK:   %[[LEGS:.*]] = llvm.getelementptr %[[D]][0, 5] : (!llvm.ptr) -> !llvm.ptr, !llvm.struct<(i64, i32, i32, ptr, ptr, i64, struct<(f64, ptr)>)>
// CHECK:   llvm.store %{{.*}}, %[[LEGS]] : i64, !llvm.ptr
// CHECK:   %[[F:.*]] = llvm.getelementptr %arg0[0, 5] : (!llvm.ptr) -> !llvm.ptr, !llvm.struct<(i64, i32, i32, ptr, ptr, i64)>
// CHECK:   %[[V:.*]] = llvm.load %[[F]] : !llvm.ptr -> i64
// CHECK:   %[[CP:.*]] = llvm.getelementptr %arg0[16] : (!llvm.ptr) -> !llvm.ptr, i8
// CHECK:   %[[CLS:.*]] = llvm.load %[[CP]] invariant
// CHECK:   %[[SLOT:.*]] = llvm.getelementptr %[[CLS]][112] : (!llvm.ptr) -> !llvm.ptr, i8
// CHECK:   %[[FN:.*]] = llvm.load %[[SLOT]] invariant
// CHECK:   llvm.call %[[FN]](%arg0) : !llvm.ptr, (!llvm.ptr) -> !llvm.ptr
// CHECK:   llvm.call @roast_rt_isinstance(%arg0, %{{.*}})
// CHECK:   return %[[V]] : i64
