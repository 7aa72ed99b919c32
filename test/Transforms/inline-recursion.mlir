// RUN: roast-opt %s --roast-inline-recursion -split-input-file | FileCheck %s
// RUN: roast-opt %s --roast-inline-recursion=max-ops=4 -split-input-file | FileCheck %s --check-prefix=SMALL

// A small self-recursive function: each self-call becomes one copy of the
// original body, whose own self-calls stay calls; the copies' stack guards
// go, the function's own stays.
// CHECK-LABEL: roast.func @fib(
// CHECK:         roast.stack_guard
// CHECK-NOT:     roast.stack_guard
// CHECK-COUNT-4: roast.call @fib(
// CHECK-NOT:     roast.call
// CHECK:         roast.return
// SMALL-LABEL: roast.func @fib(
// SMALL-COUNT-2: roast.call @fib(
// SMALL-NOT:     roast.call
roast.func @fib(%n: i64) -> i64 {
  roast.stack_guard
  %c1 = arith.constant 1 : i64
  %c2 = arith.constant 2 : i64
  %small = roast.cmp lt, %n, %c2 : i64
  cf.cond_br %small, ^base, ^rec
^base:
  roast.return %n : i64
^rec:
  %a = roast.sub %n, %c1 : i64
  %fa = roast.call @fib(%a) : (i64) -> i64
  %b = roast.sub %n, %c2 : i64
  %fb = roast.call @fib(%b) : (i64) -> i64
  %r = roast.add %fa, %fb : i64
  roast.return %r : i64
}

// -----

// Must not fire: no self-call (mutual recursion is left to the call graph),
// and calls of other functions stay.
// CHECK-LABEL: roast.func @is_even(
// SMALL-LABEL: roast.func @is_even(
// CHECK:         roast.call @is_odd(
// CHECK-LABEL: roast.func @is_odd(
// CHECK:         roast.call @is_even(
roast.func @is_even(%n: i64) -> i1 {
  %r = roast.call @is_odd(%n) : (i64) -> i1
  roast.return %r : i1
}
roast.func @is_odd(%n: i64) -> i1 {
  %r = roast.call @is_even(%n) : (i64) -> i1
  roast.return %r : i1
}

// -----

// Must not fire: a self-call inside a try body (its handler must see what
// the callee raises), so nothing in a function with handlers is inlined.
// CHECK-LABEL: roast.func @guarded(
// SMALL-LABEL: roast.func @guarded(
// CHECK:         roast.call @guarded(
// CHECK-NEXT:    roast.check_raised
// CHECK:         roast.catch
// CHECK-NOT:     roast.catch
roast.class @BaseException builtin {fields = ["__message__"], field_types = [!roast.str], methods = []}
roast.func @guarded(%n: i64) -> i64 {
  %c1 = arith.constant 1 : i64
  %m = roast.sub %n, %c1 : i64
  %r = roast.call @guarded(%m) : (i64) -> i64
  roast.check_raised ^handler, ^ok
^ok:
  roast.return %r : i64
^handler:
  %e = roast.catch : !roast.object<@BaseException>
  roast.release %e : !roast.object<@BaseException>
  roast.return %c1 : i64
}
