// RUN: roast-opt %s -roast-specialize-types | FileCheck %s
// Dynamic functions get one typed clone per combination of scalar types
// their direct calls pass (at most four), dynamic ops on known boxes fold
// into typed ops, and a clone whose returns all give one scalar type
// returns that type, recursion included.

// A recursive function called with an int: `fib(i64) -> i64`, its body
// plain checked arithmetic, its recursive calls on the clone.
// (Each clone follows its function.)
// CHECK-LABEL: roast.func @"fib(i64)"(%{{.*}}: i64) -> i64
// CHECK-NOT:     roast.dyn
// CHECK:         roast.cmp lt, %{{.*}}, %{{.*}} : i64
// CHECK-NOT:     roast.dyn
// CHECK:         roast.sub
// CHECK:         roast.call @"fib(i64)"(%{{.*}}) : (i64) -> i64
// CHECK-NOT:     roast.dyn
// CHECK:         roast.add %{{.*}}, %{{.*}} : i64
// CHECK-NOT:     roast.dyn
// CHECK-LABEL: roast.func @main_fib(
// CHECK:         %[[R:.*]] = roast.call @"fib(i64)"(%{{.*}}) : (i64) -> i64
// CHECK:         roast.box %[[R]] : i64
roast.func @fib(%n: !roast.value) -> !roast.value {
  %c2 = arith.constant 2 : i64
  %c1 = arith.constant 1 : i64
  %two = roast.box %c2 : i64
  %lt = roast.dyn.compare lt, %n, %two
  %small = roast.dyn.truth %lt
  cf.cond_br %small, ^base, ^rec
^base:
  roast.return %n : !roast.value
^rec:
  %one = roast.box %c1 : i64
  %a = roast.dyn.binary sub %n, %one
  %fa = roast.call @fib(%a) : (!roast.value) -> !roast.value
  %b = roast.dyn.binary sub %n, %two
  %fb = roast.call @fib(%b) : (!roast.value) -> !roast.value
  %sum = roast.dyn.binary add %fa, %fb
  roast.return %sum : !roast.value
}

roast.func @main_fib() {
  %c30 = arith.constant 30 : i64
  %n = roast.box %c30 : i64
  %r = roast.call @fib(%n) : (!roast.value) -> !roast.value
  roast.print %r : !roast.value
  roast.return
}

// Called with an int and with a float: two clones, each typed.
// CHECK-LABEL: roast.func @"twice(f64)"(%{{.*}}: f64) -> f64
// CHECK:         arith.addf
// CHECK-LABEL: roast.func @"twice(i64)"(%{{.*}}: i64) -> i64
// CHECK:         roast.add %{{.*}}, %{{.*}} : i64
// CHECK-LABEL: roast.func @main_twice(
// CHECK:         roast.call @"twice(i64)"(%{{.*}}) : (i64) -> i64
// CHECK:         roast.call @"twice(f64)"(%{{.*}}) : (f64) -> f64
roast.func @twice(%x: !roast.value) -> !roast.value {
  %r = roast.dyn.binary add %x, %x
  roast.return %r : !roast.value
}

roast.func @main_twice() {
  %i = arith.constant 21 : i64
  %f = arith.constant 1.5 : f64
  %bi = roast.box %i : i64
  %bf = roast.box %f : f64
  %ri = roast.call @twice(%bi) : (!roast.value) -> !roast.value
  %rf = roast.call @twice(%bf) : (!roast.value) -> !roast.value
  roast.print %ri, %rf : !roast.value, !roast.value
  roast.return
}

// Five combinations of argument types: four clones, and the fifth call
// keeps the dynamic function.
// CHECK-LABEL: roast.func @main_many(
// CHECK:         roast.call @"pair(i64,i64)"
// CHECK:         roast.call @"pair(i64,f64)"
// CHECK:         roast.call @"pair(f64,i64)"
// CHECK:         roast.call @"pair(f64,f64)"
// CHECK:         roast.call @pair(%{{.*}}, %{{.*}}) : (!roast.value, !roast.value) -> !roast.value
roast.func @pair(%a: !roast.value, %b: !roast.value) -> !roast.value {
  %r = roast.dyn.binary mul %a, %b
  roast.return %r : !roast.value
}

roast.func @main_many() {
  %i = arith.constant 2 : i64
  %f = arith.constant 2.5 : f64
  %t = arith.constant true
  %bi = roast.box %i : i64
  %bf = roast.box %f : f64
  %bt = roast.box %t : i1
  %0 = roast.call @pair(%bi, %bi) : (!roast.value, !roast.value) -> !roast.value
  %1 = roast.call @pair(%bi, %bf) : (!roast.value, !roast.value) -> !roast.value
  %2 = roast.call @pair(%bf, %bi) : (!roast.value, !roast.value) -> !roast.value
  %3 = roast.call @pair(%bf, %bf) : (!roast.value, !roast.value) -> !roast.value
  %4 = roast.call @pair(%bt, %bi) : (!roast.value, !roast.value) -> !roast.value
  roast.print %0, %1, %2, %3, %4 : !roast.value, !roast.value, !roast.value, !roast.value, !roast.value
  roast.return
}

// Not specialised: an argument that is not a boxed scalar (a str), and a
// function whose result is sometimes a str stays dynamic in its result.
// CHECK-NOT:   @"shout(
// CHECK-LABEL: roast.func @"maybe(i64)"(%{{.*}}: i64) -> !roast.value
// CHECK-LABEL: roast.func @main_negative(
// CHECK:         roast.call @shout(%{{.*}}) : (!roast.value) -> !roast.value
// CHECK:         roast.call @"maybe(i64)"(%{{.*}}) : (i64) -> !roast.value
roast.func @shout(%s: !roast.value) -> !roast.value {
  %r = roast.dyn.call_method %s "upper"()
  roast.return %r : !roast.value
}

roast.func @maybe(%n: !roast.value) -> !roast.value {
  %c0 = arith.constant 0 : i64
  %zero = roast.box %c0 : i64
  %pos = roast.dyn.compare gt, %n, %zero
  %b = roast.dyn.truth %pos
  cf.cond_br %b, ^yes, ^no
^yes:
  roast.return %n : !roast.value
^no:
  %s = roast.string "non-positive"
  %v = roast.box %s : !roast.str
  roast.return %v : !roast.value
}

roast.func @main_negative() {
  %s = roast.string "hey"
  %bs = roast.box %s : !roast.str
  %r = roast.call @shout(%bs) : (!roast.value) -> !roast.value
  %c4 = arith.constant 4 : i64
  %b4 = roast.box %c4 : i64
  %m = roast.call @maybe(%b4) : (!roast.value) -> !roast.value
  roast.print %r, %m : !roast.value, !roast.value
  roast.return
}

// Typed code is untouched.
// CHECK-LABEL: roast.func @typed(%{{.*}}: i64) -> i64
// CHECK-NEXT:    roast.add
// CHECK-NEXT:    roast.return
roast.func @typed(%x: i64) -> i64 {
  %r = roast.add %x, %x : i64
  roast.return %r : i64
}
