// RUN: roast-opt %s --convert-roast-to-standard | FileCheck %s
// A function value is a pointer to its closure instance; a call loads the
// class descriptor after the 16-byte header, then method slot 0 (byte 112
// of the descriptor), and calls it with the instance first.

roast.class @"adder.<closure>" {fields = ["n"], field_types = [i64], methods = [@"adder.<call>"]}

roast.func @"adder.<call>"(%self: !roast.object<@"adder.<closure>">, %x: i64) -> i64 {
  %n = roast.get_field %self["n"] : !roast.object<@"adder.<closure>"> -> i64
  %r = roast.add %x, %n : i64
  roast.return %r : i64
}

// CHECK-LABEL: func.func @make(
// CHECK:         %[[C:.*]] = llvm.call @roast_rt_object_new(
// CHECK:         llvm.store
// CHECK-NEXT:    return %[[C]] : !llvm.ptr
roast.func @make(%n: i64) -> !roast.callable<(i64) -> i64> {
  %c = roast.new : !roast.object<@"adder.<closure>">
  roast.set_field %c["n"], %n : !roast.object<@"adder.<closure>">, i64
  %f = roast.as_callable %c : !roast.object<@"adder.<closure>"> to !roast.callable<(i64) -> i64>
  roast.return %f : !roast.callable<(i64) -> i64>
}

// CHECK-LABEL: func.func @use(
// CHECK-SAME:      %[[F:.*]]: !llvm.ptr
// CHECK:         %[[SLOT:.*]] = llvm.getelementptr %[[F]][16] : (!llvm.ptr) -> !llvm.ptr, i8
// CHECK-NEXT:    %[[CLS:.*]] = llvm.load %[[SLOT]] invariant {alignment = 8 : i64} : !llvm.ptr -> !llvm.ptr
// CHECK-NEXT:    %[[ENTRY:.*]] = llvm.getelementptr %[[CLS]][112] : (!llvm.ptr) -> !llvm.ptr, i8
// CHECK-NEXT:    %[[CODE:.*]] = llvm.load %[[ENTRY]] invariant {alignment = 8 : i64} : !llvm.ptr -> !llvm.ptr
// CHECK-NEXT:    %[[R:.*]] = llvm.call %[[CODE]](%[[F]], %{{.*}}) : !llvm.ptr, (!llvm.ptr, i64) -> i64
// CHECK:         llvm.mlir.addressof @roast_rt_exception
roast.func @use(%f: !roast.callable<(i64) -> i64>) -> i64 {
  %c1 = arith.constant 1 : i64
  %r = roast.call_callable %f(%c1) : !roast.callable<(i64) -> i64>
  roast.return %r : i64
}
