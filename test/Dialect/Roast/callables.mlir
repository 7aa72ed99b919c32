// RUN: roast-opt %s | roast-opt | FileCheck %s
// Round trip of function values: a closure class whose slot 0 takes the
// instance and then the callable's parameters, viewed as a function value,
// and called.

roast.class @"adder.<closure>" {fields = ["n"], field_types = [i64], methods = [@"adder.<call>"]}

roast.func @"adder.<call>"(%self: !roast.object<@"adder.<closure>">, %x: i64) -> i64 {
  %n = roast.get_field %self["n"] : !roast.object<@"adder.<closure>"> -> i64
  %r = roast.add %x, %n : i64
  roast.return %r : i64
}

// CHECK-LABEL: roast.func @make
roast.func @make(%n: i64) -> !roast.callable<(i64) -> i64> {
  %c = roast.new : !roast.object<@"adder.<closure>">
  roast.set_field %c["n"], %n : !roast.object<@"adder.<closure>">, i64
  // CHECK: roast.as_callable %{{.*}} : !roast.object<@"adder.<closure>"> to !roast.callable<(i64) -> i64>
  %f = roast.as_callable %c : !roast.object<@"adder.<closure>"> to !roast.callable<(i64) -> i64>
  roast.return %f : !roast.callable<(i64) -> i64>
}

// CHECK-LABEL: roast.func @use
roast.func @use(%f: !roast.callable<(i64) -> i64>, %g: !roast.callable<() -> ()>) -> i64 {
  %c1 = arith.constant 1 : i64
  // CHECK: %{{.*}} = roast.call_callable %{{.*}}(%{{.*}}) : !roast.callable<(i64) -> i64>
  %r = roast.call_callable %f(%c1) : !roast.callable<(i64) -> i64>
  // CHECK: roast.call_callable %{{.*}}() : !roast.callable<() -> ()>
  roast.call_callable %g() : !roast.callable<() -> ()>
  roast.return %r : i64
}
