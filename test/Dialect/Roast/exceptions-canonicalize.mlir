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
