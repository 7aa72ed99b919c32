// RUN: roast-opt %s --roast-stack-guards -split-input-file | FileCheck %s
// RUN: roast-opt %s --roast-stack-guards --roast-stack-guards -split-input-file | FileCheck %s --check-prefix=TWICE

// Direct recursion gets a guard at entry.
// CHECK-LABEL: roast.func @fib
// CHECK-NEXT: roast.stack_guard
// CHECK-NOT: roast.stack_guard
// TWICE-LABEL: roast.func @fib
// TWICE-NEXT: roast.stack_guard
// TWICE-NEXT: arith.constant
roast.func @fib(%n: i64) -> i64 {
  %c1 = arith.constant 1 : i64
  %a = roast.sub %n, %c1 : i64
  %r = roast.call @fib(%a) : (i64) -> i64
  roast.return %r : i64
}

// -----

// Mutual recursion: both functions of the cycle are guarded; the caller
// outside the cycle is not.
// CHECK-LABEL: roast.func @is_even
// CHECK-NEXT: roast.stack_guard
roast.func @is_even(%n: i64) -> i1 {
  %r = roast.call @is_odd(%n) : (i64) -> i1
  roast.return %r : i1
}
// CHECK-LABEL: roast.func @is_odd
// CHECK-NEXT: roast.stack_guard
roast.func @is_odd(%n: i64) -> i1 {
  %r = roast.call @is_even(%n) : (i64) -> i1
  roast.return %r : i1
}
// CHECK-LABEL: roast.func @main
// CHECK-NOT: roast.stack_guard
// CHECK: roast.return
roast.func @main() {
  %c = arith.constant 3 : i64
  %r = roast.call @is_even(%c) : (i64) -> i1
  roast.return
}

// -----

// Must not fire: a call chain without a cycle, and a leaf function.
// CHECK-LABEL: roast.func @leaf
// CHECK-NOT: roast.stack_guard
// CHECK-LABEL: roast.func @caller
// CHECK-NOT: roast.stack_guard
roast.func @leaf(%n: i64) -> i64 {
  roast.return %n : i64
}
roast.func @caller(%n: i64) -> i64 {
  %r = roast.call @leaf(%n) : (i64) -> i64
  roast.return %r : i64
}

// -----

// A method call may reach any implementation of its slot: the caller and
// those methods are guarded, as the call graph cannot see the cycle.
roast.class @Node {fields = [], field_types = [], methods = [@Node.depth]}
// CHECK-LABEL: roast.func @Node.depth
// CHECK-NEXT: roast.stack_guard
roast.func @Node.depth(%self: !roast.object<@Node>) -> i64 {
  %r = roast.method_call %self, "depth"() : (!roast.object<@Node>) -> i64
  roast.return %r : i64
}
// CHECK-LABEL: roast.func @leaf
// CHECK-NOT: roast.stack_guard
roast.func @leaf() {
  roast.return
}
