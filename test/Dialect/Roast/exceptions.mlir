// RUN: roast-opt %s | roast-opt | FileCheck %s
// RUN: roast-opt %s -canonicalize | FileCheck %s --check-prefix=CANON
// Round trip of the exception ops, and check_raised after an op that
// cannot raise canonicalizing to a branch.

roast.class @BaseException builtin {fields = ["__message__"], field_types = [!roast.str], methods = []}
roast.class @ValueError : @BaseException builtin {fields = ["__message__"], field_types = [!roast.str], methods = []}

// CHECK-LABEL: roast.func @f
roast.func @f(%a: i64, %b: i64) -> i64 {
  // CHECK: roast.add
  // CHECK-NEXT: roast.check_raised ^bb2, ^bb1
  %s = roast.add %a, %b : i64
  roast.check_raised ^handler, ^ok
^ok:
  roast.return %s : i64
^handler:
  // CHECK: roast.catch : !roast.object<@BaseException>
  %e = roast.catch : !roast.object<@BaseException>
  // CHECK: roast.downcast %{{.*}} : !roast.object<@BaseException> to !roast.object<@ValueError>
  %v = roast.downcast %e : !roast.object<@BaseException> to !roast.object<@ValueError>
  // CHECK: roast.throw %{{.*}} reraise unwind ^bb3 : !roast.object<@ValueError>
  roast.throw %v reraise unwind ^last : !roast.object<@ValueError>
^last:
  // CHECK: roast.raise ValueError, "bad"
  roast.raise ValueError, "bad"
}

// CANON-LABEL: roast.func @folded
// CANON-NOT: roast.check_raised
roast.func @folded(%a: i64) -> i64 {
  %c = arith.constant 1 : i64
  %s = arith.addi %a, %c : i64
  roast.check_raised ^handler, ^ok
^ok:
  roast.return %s : i64
^handler:
  %e = roast.catch : !roast.object<@BaseException>
  roast.throw %e reraise : !roast.object<@BaseException>
}
