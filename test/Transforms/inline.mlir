// RUN: roast-opt %s --roast-inline -split-input-file -mlir-print-debuginfo | FileCheck %s
// RUN: roast-opt %s --roast-inline=max-ops=2 -split-input-file | FileCheck %s --check-prefix=SMALL

// A small callee is replaced by its body; its ops' locations name it and
// the call site. With a smaller limit the call stays.
// CHECK-LABEL: roast.func @m.caller(
// CHECK-NOT:     roast.call
// CHECK:         %[[SUM:.*]] = roast.add %arg0, %arg0 : i64 loc(#[[INLINED:loc[0-9]+]])
// CHECK:         roast.return %[[SUM]]
// CHECK-DAG:   #[[BODY:loc[0-9]+]] = loc("t.roast":2:3)
// CHECK-DAG:   #[[CALL:loc[0-9]+]] = loc("t.roast":7:5)
// CHECK-DAG:   #[[NAMED:loc[0-9]+]] = loc("m.twice"(#[[BODY]]))
// CHECK-DAG:   #[[INLINED]] = loc(callsite(#[[NAMED]] at #[[CALL]]))
// SMALL-LABEL: roast.func @m.caller(
// SMALL:         roast.call @m.twice(
roast.func @m.twice(%x: i64) -> i64 {
  %0 = roast.add %x, %x : i64 loc("t.roast":2:3)
  %c1 = arith.constant 1 : i64
  %c2 = arith.constant 2 : i64
  roast.return %0 : i64
}
roast.func @m.caller(%n: i64) -> i64 {
  %r = roast.call @m.twice(%n) : (i64) -> i64 loc("t.roast":7:5)
  roast.return %r : i64
}

// -----

// Must not fire: a recursive callee (it has a stack guard) and a
// declaration.
// CHECK-LABEL: roast.func @m.uses(
// CHECK:         roast.call @m.down(
// CHECK:         roast.call @m.external(
roast.func @m.down(%n: i64) -> i64 {
  roast.stack_guard
  %r = roast.call @m.down(%n) : (i64) -> i64
  roast.return %r : i64
}
roast.func private @m.external(i64) -> i64
roast.func @m.uses(%n: i64) -> i64 {
  %a = roast.call @m.down(%n) : (i64) -> i64
  %b = roast.call @m.external(%a) : (i64) -> i64
  roast.return %b : i64
}

// -----

// Inside a try body, what the inlined body raises goes to the call's
// handler: a check after each op that may raise, an unwind successor on
// each raise. A body that only raises keeps its raise and never reaches
// the code after the call.
// CHECK-LABEL: roast.func @m.guarded(
// CHECK:         roast.floordiv %arg0, %arg1 : i64
// CHECK-NEXT:    roast.check_raised ^[[HANDLER:bb[0-9]+]], ^{{bb[0-9]+}}
// CHECK:         roast.raise ValueError, "negative" unwind ^[[HANDLER]]
// CHECK:         roast.raise KeyError, "k" unwind ^[[HANDLER]]
// CHECK:       ^[[HANDLER]]:
// CHECK-NEXT:    roast.catch
roast.class @BaseException builtin {fields = ["__message__"], field_types = [!roast.str], methods = []}
roast.func @m.divide(%a: i64, %b: i64) -> i64 {
  %q = roast.floordiv %a, %b : i64
  %zero = arith.constant 0 : i64
  %neg = roast.cmp lt, %q, %zero : i64
  cf.cond_br %neg, ^bad, ^ok
^bad:
  roast.raise ValueError, "negative"
^ok:
  roast.return %q : i64
}
roast.func @m.fail() -> i64 {
  roast.raise KeyError, "k"
}
roast.func @m.guarded(%a: i64, %b: i64) -> i64 {
  %r = roast.call @m.divide(%a, %b) : (i64, i64) -> i64
  roast.check_raised ^handler, ^next
^next:
  %s = roast.call @m.fail() : () -> i64
  roast.check_raised ^handler, ^done
^done:
  %t = roast.add %r, %s : i64
  roast.return %t : i64
^handler:
  %e = roast.catch : !roast.object<@BaseException>
  roast.release %e : !roast.object<@BaseException>
  %c0 = arith.constant 0 : i64
  roast.return %c0 : i64
}

// -----

// Outside a try body an inlined op that raises needs no check: the
// exception leaves the function, as it left the callee.
// CHECK-LABEL: roast.func @m.unguarded(
// CHECK-NOT:     roast.check_raised
// CHECK:         roast.floordiv
// CHECK-NOT:     roast.check_raised
// CHECK:         roast.return
roast.func @m.half(%a: i64) -> i64 {
  %c2 = arith.constant 2 : i64
  %q = roast.floordiv %a, %c2 : i64
  roast.return %q : i64
}
roast.func @m.unguarded(%a: i64) -> i64 {
  %r = roast.call @m.half(%a) : (i64) -> i64
  roast.return %r : i64
}
