// RUN: roast-opt %s --canonicalize -split-input-file | FileCheck %s
// roast.check_raised after an op that may raise: a landing block that only
// branches on (CodeGen gives each check its own, so that mem2reg can pass
// the handler values) is skipped, and so is a handler that only raises on
// what it catches (a frame's cleanup with nothing left to release), which
// is what an exception does without a handler.

// CHECK-LABEL: roast.func @skip_landing(
// CHECK:         %[[Q:.*]] = roast.floordiv
// CHECK-NEXT:    roast.check_raised ^[[HANDLER:bb[0-9]+]], ^[[NORMAL:bb[0-9]+]]
// CHECK:       ^[[HANDLER]]:
// CHECK-NEXT:    roast.catch
// CHECK-NEXT:    roast.print
roast.func @skip_landing(%a: i64, %b: i64) -> i64 {
  %q = roast.floordiv %a, %b : i64
  roast.check_raised ^landing, ^normal
^normal:
  roast.return %q : i64
^landing:
  cf.br ^handler
^handler:
  %e = roast.catch : !roast.object<@BaseException>
  roast.print %e : !roast.object<@BaseException>
  %c0 = arith.constant 0 : i64
  roast.return %c0 : i64
}

// -----

// CHECK-LABEL: roast.func @only_reraises(
// CHECK:         %[[Q:.*]] = roast.floordiv
// CHECK-NEXT:    roast.return %[[Q]] : i64
// CHECK-NOT:     roast.catch
roast.func @only_reraises(%a: i64, %b: i64) -> i64 {
  %q = roast.floordiv %a, %b : i64
  roast.check_raised ^landing, ^normal
^normal:
  roast.return %q : i64
^landing:
  cf.br ^cleanup
^cleanup:
  %e = roast.catch : !roast.object<@BaseException>
  roast.throw %e reraise : !roast.object<@BaseException>
}

// -----

// Must not fire: a landing block that releases something, and a handler
// that does more than raise on.
// CHECK-LABEL: roast.func @keeps_handlers(
// CHECK:         roast.check_raised ^[[LAND:bb[0-9]+]], ^{{bb[0-9]+}}
// CHECK:       ^[[LAND]]:
// CHECK-NEXT:    roast.release %arg2 : !roast.str
roast.func @keeps_handlers(%a: i64, %b: i64, %s: !roast.str) -> i64 {
  %q = roast.floordiv %a, %b : i64
  roast.check_raised ^landing, ^normal
^normal:
  roast.return %q : i64
^landing:
  roast.release %s : !roast.str
  cf.br ^cleanup
^cleanup:
  %e = roast.catch : !roast.object<@BaseException>
  roast.throw %e reraise : !roast.object<@BaseException>
}

// -----

// Ops that cannot raise need no check: an unchecked list access (its index
// is known to be in range) and a comparison of ints, floats or bools. A
// checked access and a comparison of lists (which compares their
// elements, maybe instances with methods) keep theirs.
// CHECK-LABEL: roast.func @cannot_raise(
// CHECK:         roast.list_get %arg0[%arg1] unchecked
// CHECK-NEXT:    roast.cmp lt, %arg1, %arg2 : i64
// CHECK-NEXT:    roast.cmp lt, %{{.*}}, %{{.*}} : f64
// CHECK-NEXT:    roast.list_get %arg0[%arg1] : !roast.list<f64>
// CHECK-NEXT:    roast.check_raised ^[[HANDLER:bb[0-9]+]], ^[[NEXT:bb[0-9]+]]
// CHECK:       ^[[NEXT]]:
// CHECK-NEXT:    roast.cmp eq, %arg0, %arg0 : !roast.list<f64>
// CHECK-NEXT:    roast.check_raised ^[[HANDLER]]
roast.func @cannot_raise(%l: !roast.list<f64>, %i: i64, %n: i64) -> i1 {
  %x = roast.list_get %l[%i] unchecked : !roast.list<f64>
  roast.check_raised ^handler, ^b1
^b1:
  %lt = roast.cmp lt, %i, %n : i64
  roast.check_raised ^handler, ^b2
^b2:
  %flt = roast.cmp lt, %x, %x : f64
  roast.check_raised ^handler, ^b3
^b3:
  %y = roast.list_get %l[%i] : !roast.list<f64>
  roast.check_raised ^handler, ^b4
^b4:
  %eq = roast.cmp eq, %l, %l : !roast.list<f64>
  roast.check_raised ^handler, ^b5
^b5:
  %r = arith.andi %lt, %eq : i1
  %r2 = arith.andi %r, %flt : i1
  roast.return %r2 : i1
^handler:
  %e = roast.catch : !roast.object<@BaseException>
  roast.print %e : !roast.object<@BaseException>
  %false = arith.constant false
  roast.return %false : i1
}
