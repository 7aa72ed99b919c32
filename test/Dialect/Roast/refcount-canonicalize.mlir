// RUN: roast-opt %s --canonicalize | FileCheck %s
// Counting an immortal literal is a no-op: retain/release of a roast.string
// (or of a tuple holding only literals) fold away; others must stay.

// CHECK-LABEL: roast.func @fold(%arg0: !roast.str)
// CHECK-NOT:     roast.retain %{{[0-9]+}}
// CHECK:         roast.retain %arg0
// CHECK-NEXT:    roast.release %arg0
// CHECK-NOT:     roast.release
// CHECK:         roast.return
roast.func @fold(%s: !roast.str) {
  %lit = roast.string "x"
  %c1 = arith.constant 1 : i64
  %t = roast.make_tuple %lit, %c1 : (!roast.str, i64) -> tuple<!roast.str, i64>
  roast.retain %lit : !roast.str
  roast.retain %t : tuple<!roast.str, i64>
  roast.retain %s : !roast.str
  roast.release %s : !roast.str
  roast.release %t : tuple<!roast.str, i64>
  roast.release %lit : !roast.str
  roast.return
}
