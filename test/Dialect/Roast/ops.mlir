// RUN: roast-opt %s | roast-opt | FileCheck %s
// Every roast op survives a print/parse round trip in its custom syntax.

// CHECK: roast.global @counter : i64
roast.global @counter : i64

// CHECK-LABEL: roast.func @arith(
roast.func @arith(%a: i64, %b: i64, %x: f64, %y: f64) -> f64 {
  // CHECK: roast.add %{{.*}}, %{{.*}} : i64
  %0 = roast.add %a, %b : i64
  // CHECK: roast.sub %{{.*}}, %{{.*}} : i64
  %1 = roast.sub %0, %b : i64
  // CHECK: roast.mul %{{.*}}, %{{.*}} : i64
  %2 = roast.mul %1, %a : i64
  // CHECK: roast.neg %{{.*}} : i64
  %3 = roast.neg %2 : i64
  // CHECK: roast.floordiv %{{.*}}, %{{.*}} : i64
  %4 = roast.floordiv %3, %b : i64
  // CHECK: roast.mod %{{.*}}, %{{.*}} : i64
  %5 = roast.mod %4, %b : i64
  // CHECK: roast.pow %{{.*}}, %{{.*}} : i64
  %6 = roast.pow %5, %b : i64
  // CHECK: roast.shl %{{.*}}, %{{.*}} : i64
  %7 = roast.shl %6, %b : i64
  // CHECK: roast.shr %{{.*}}, %{{.*}} : i64
  %8 = roast.shr %7, %b : i64
  // CHECK: roast.floordiv %{{.*}}, %{{.*}} : f64
  %9 = roast.floordiv %x, %y : f64
  // CHECK: roast.mod %{{.*}}, %{{.*}} : f64
  %10 = roast.mod %9, %y : f64
  // CHECK: roast.pow %{{.*}}, %{{.*}} : f64
  %11 = roast.pow %10, %y : f64
  // CHECK: roast.truediv %{{.*}}, %{{.*}} : f64
  %12 = roast.truediv %11, %y : f64
  // CHECK: roast.cast %{{.*}} : i64 to f64
  %13 = roast.cast %8 : i64 to f64
  %14 = arith.addf %12, %13 : f64
  // CHECK: roast.return %{{.*}} : f64
  roast.return %14 : f64
}

// CHECK-LABEL: roast.func @compare(
roast.func @compare(%a: i64, %x: f64, %p: i1) -> i1 {
  // CHECK: roast.cmp lt, %{{.*}}, %{{.*}} : i64
  %0 = roast.cmp lt, %a, %a : i64
  // CHECK: roast.cmp ne, %{{.*}}, %{{.*}} : f64
  %1 = roast.cmp ne, %x, %x : f64
  // CHECK: roast.cmp ge, %{{.*}}, %{{.*}} : i1
  %2 = roast.cmp ge, %0, %p : i1
  // CHECK: roast.cast %{{.*}} : f64 to i1
  %3 = roast.cast %x : f64 to i1
  // CHECK: roast.cast %{{.*}} : i1 to i64
  %4 = roast.cast %3 : i1 to i64
  // CHECK: roast.cast %{{.*}} : f64 to i64
  %5 = roast.cast %x : f64 to i64
  roast.return %2 : i1
}

// CHECK-LABEL: roast.func @effects()
roast.func @effects() {
  // CHECK: roast.stack_guard
  roast.stack_guard
  // CHECK: %[[SLOT:.*]] = roast.alloca "x" : !roast.ref<i64>
  %x = roast.alloca "x" : !roast.ref<i64>
  %c = arith.constant 7 : i64
  // CHECK: roast.store %{{.*}}, %[[SLOT]] : !roast.ref<i64>
  roast.store %c, %x : !roast.ref<i64>
  // CHECK: roast.load %[[SLOT]] : !roast.ref<i64>
  %v = roast.load %x : !roast.ref<i64>
  // CHECK: roast.global_store %{{.*}}, @counter : i64
  roast.global_store %v, @counter : i64
  // CHECK: roast.global_load @counter : i64
  %g = roast.global_load @counter : i64
  // CHECK: roast.call @arith(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) : (i64, i64, f64, f64) -> f64
  %f = arith.constant 1.5 : f64
  %r = roast.call @arith(%g, %v, %f, %f) : (i64, i64, f64, f64) -> f64
  // CHECK: %[[S:.*]] = roast.string "a\0Ab"
  %s = roast.string "a\nb"
  // CHECK: %[[N:.*]] = roast.none
  %n = roast.none
  // CHECK: roast.print %[[S]], %{{.*}}, %[[N]] sep %[[S]] end %[[S]] : !roast.str, f64, !roast.none
  roast.print %s, %r, %n sep %s end %s : !roast.str, f64, !roast.none
  // CHECK: roast.input(){{$}}
  %line = roast.input()
  // CHECK: roast.input(%[[S]]){{$}}
  %answer = roast.input(%s)
  // CHECK: roast.print{{$}}
  roast.print
  // CHECK: roast.return{{$}}
  roast.return
}

// CHECK-LABEL: roast.func @raises()
roast.func @raises() {
  // CHECK: roast.raise ValueError, "range() arg 3 must not be zero"
  roast.raise ValueError, "range() arg 3 must not be zero"
}

// CHECK-LABEL: roast.func @tuples(
roast.func @tuples(%a: i64, %x: f64) -> i64 {
  // CHECK: %[[T:.*]] = roast.make_tuple %{{.*}}, %{{.*}} : (i64, f64) -> tuple<i64, f64>
  %t = roast.make_tuple %a, %x : (i64, f64) -> tuple<i64, f64>
  // CHECK: roast.tuple_get %[[T]][0] : tuple<i64, f64> -> i64
  %0 = roast.tuple_get %t[0] : tuple<i64, f64> -> i64
  // CHECK: roast.make_tuple : () -> tuple<>
  %e = roast.make_tuple : () -> tuple<>
  // CHECK: roast.print %[[T]] : tuple<i64, f64>
  roast.print %t : tuple<i64, f64>
  // CHECK: roast.powmod %{{.*}}, %{{.*}}, %{{.*}} : i64
  %1 = roast.powmod %0, %a, %a : i64
  roast.return %1 : i64
}

// CHECK-LABEL: roast.func @strings(
roast.func @strings(%a: !roast.str, %b: !roast.str, %n: i64) -> i1 {
  // CHECK: roast.retain %{{.*}} : !roast.str
  roast.retain %a : !roast.str
  // CHECK: roast.release %{{.*}} : !roast.str
  roast.release %a : !roast.str
  // CHECK: roast.str_concat %{{.*}}, %{{.*}}
  %0 = roast.str_concat %a, %b
  // CHECK: roast.str_append %{{.*}}, %{{.*}}
  %s = roast.str_append %a, %b
  // CHECK: roast.str_repeat %{{.*}}, %{{.*}}
  %1 = roast.str_repeat %a, %n
  // CHECK: roast.len %{{.*}} : !roast.str
  %2 = roast.len %a : !roast.str
  // CHECK: roast.str_getitem %{{.*}}[%{{.*}}]
  %3 = roast.str_getitem %a[%n]
  // CHECK: roast.str_slice %{{.*}}[%{{.*}} : %{{.*}} : %{{.*}}]
  %4 = roast.str_slice %a[%n : %n : %n]
  // CHECK: roast.str_slice %{{.*}}[ : : %{{.*}}]
  %5 = roast.str_slice %a[ : : %n]
  // CHECK: roast.str_contains %{{.*}}, %{{.*}}
  %6 = roast.str_contains %a, %b
  // CHECK: roast.repr %{{.*}} : !roast.str
  %7 = roast.repr %a : !roast.str
  // CHECK: roast.ord %{{.*}}
  %8 = roast.ord %a
  // CHECK: roast.chr %{{.*}}
  %9 = roast.chr %n
  // CHECK: roast.str_method find(%{{.*}}, %{{.*}}) : (!roast.str, !roast.str) -> i64
  %10 = roast.str_method find(%a, %b) : (!roast.str, !roast.str) -> i64
  // CHECK: roast.str_method upper(%{{.*}}) : (!roast.str) -> !roast.str
  %11 = roast.str_method upper(%a) : (!roast.str) -> !roast.str
  // CHECK: roast.cmp lt, %{{.*}}, %{{.*}} : !roast.str
  %12 = roast.cmp lt, %a, %b : !roast.str
  // CHECK: roast.cast %{{.*}} : !roast.str to i64
  %13 = roast.cast %a : !roast.str to i64
  // CHECK: roast.cast %{{.*}} : f64 to !roast.str
  %f = arith.constant 1.5 : f64
  %14 = roast.cast %f : f64 to !roast.str
  roast.return %12 : i1
}

// CHECK-LABEL: roast.func private @external(i64) -> i64
roast.func private @external(i64) -> i64
