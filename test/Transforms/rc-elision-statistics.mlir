// RUN: roast-opt %s --roast-rc-elision -mlir-pass-statistics -o /dev/null 2>&1 | FileCheck %s
// RUN: roast-opt %s --roast-rc-elision -mlir-pass-statistics=false -o /dev/null 2>&1 | FileCheck %s --check-prefix=OFF --allow-empty
// What roast-rc-elision removed, in -mlir-pass-statistics: the pair around
// @borrowed's reads (two releases, one per path, and their retain); the
// pair in @kept stays (the call may drop the last other reference), so it
// adds nothing.

// CHECK-LABEL: RoastRefCountElision
// CHECK-NEXT:  (S) 2 releases-removed - Number of roast.release ops removed
// CHECK-NEXT:  (S) 1 retains-removed  - Number of roast.retain ops removed
// OFF-NOT: RoastRefCountElision

roast.class @m.Vec {fields = ["x", "y"], field_types = [f64, f64], methods = []}

roast.func @m.borrowed(%a: !roast.object<@m.Vec>, %c: i1) -> f64 {
  roast.retain %a : !roast.object<@m.Vec>
  %x = roast.get_field %a["x"] : !roast.object<@m.Vec> -> f64
  cf.cond_br %c, ^one, ^two
^one:
  roast.release %a : !roast.object<@m.Vec>
  roast.return %x : f64
^two:
  roast.release %a : !roast.object<@m.Vec>
  roast.return %x : f64
}

roast.func @m.kept(%l: !roast.list<!roast.object<@m.Vec>>) -> f64 {
  %c0 = arith.constant 0 : i64
  %b = roast.list_get %l[%c0] : !roast.list<!roast.object<@m.Vec>>
  roast.retain %b : !roast.object<@m.Vec>
  roast.call @m.drop() : () -> ()
  %x = roast.get_field %b["x"] : !roast.object<@m.Vec> -> f64
  roast.release %b : !roast.object<@m.Vec>
  roast.return %x : f64
}
roast.func private @m.drop()
