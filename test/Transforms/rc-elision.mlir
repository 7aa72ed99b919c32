// RUN: roast-opt %s --roast-rc-elision -split-input-file | FileCheck %s

roast.class @m.Vec {fields = ["x", "y"], field_types = [f64, f64], methods = []}

// A parameter only read (fields, calls, length tests) needs no count of
// its own, on any path.
// CHECK-LABEL: roast.func @m.dot(
// CHECK-NOT:     roast.retain
// CHECK-NOT:     roast.release
// CHECK:         roast.return
roast.func @m.dot(%a: !roast.object<@m.Vec>, %b: !roast.object<@m.Vec>) -> f64 {
  roast.retain %a : !roast.object<@m.Vec>
  roast.retain %b : !roast.object<@m.Vec>
  %ax = roast.get_field %a["x"] : !roast.object<@m.Vec> -> f64
  %bx = roast.get_field %b["x"] : !roast.object<@m.Vec> -> f64
  %p = arith.mulf %ax, %bx : f64
  roast.call @m.touch(%a) : (!roast.object<@m.Vec>) -> ()
  roast.set_field %b["y"], %p : !roast.object<@m.Vec>, f64
  %zero = arith.constant 0.0 : f64
  %neg = arith.cmpf olt, %p, %zero : f64
  cf.cond_br %neg, ^early, ^late
^early:
  roast.release %a : !roast.object<@m.Vec>
  roast.release %b : !roast.object<@m.Vec>
  roast.return %zero : f64
^late:
  roast.release %a : !roast.object<@m.Vec>
  roast.release %b : !roast.object<@m.Vec>
  roast.return %p : f64
}
roast.func private @m.touch(!roast.object<@m.Vec>)

// -----

roast.class @m.Vec {fields = ["x", "y"], field_types = [f64, f64], methods = []}
roast.class @m.Box {fields = ["v"], field_types = [!roast.object<@m.Vec>], methods = []}

// Must not fire: a parameter that is kept (stored in a field, returned,
// passed on to a block) needs the count it takes.
// CHECK-LABEL: roast.func @m.keep(
// CHECK:         roast.retain %arg1
// CHECK:         roast.set_field %arg0["v"], %arg1
// CHECK-LABEL: roast.func @m.give(
// CHECK:         roast.retain %arg0
// CHECK:         roast.return %arg0
// CHECK-LABEL: roast.func @m.carry(
// CHECK:         roast.retain %arg0
// CHECK:         roast.release %arg0
roast.func @m.keep(%box: !roast.object<@m.Box>, %v: !roast.object<@m.Vec>) {
  roast.retain %v : !roast.object<@m.Vec>
  %old = roast.get_field %box["v"] : !roast.object<@m.Box> -> !roast.object<@m.Vec>
  roast.set_field %box["v"], %v : !roast.object<@m.Box>, !roast.object<@m.Vec>
  roast.release %old : !roast.object<@m.Vec>
  roast.return
}
roast.func @m.give(%v: !roast.object<@m.Vec>) -> !roast.object<@m.Vec> {
  roast.retain %v : !roast.object<@m.Vec>
  roast.return %v : !roast.object<@m.Vec>
}
roast.func @m.carry(%v: !roast.object<@m.Vec>) {
  roast.retain %v : !roast.object<@m.Vec>
  cf.br ^next(%v : !roast.object<@m.Vec>)
^next(%w: !roast.object<@m.Vec>):
  roast.release %v : !roast.object<@m.Vec>
  roast.return
}

// -----

roast.class @m.Node {fields = ["next"], field_types = [!roast.optional<!roast.object<@m.Node>>], methods = []}

// A retain and a release of one value in a block, with only ops between
// that cannot drop a reference, cancel; a call or another release between
// keeps them (either may free what the retain protects).
// CHECK-LABEL: roast.func @m.pairs(
// CHECK:         %[[NEXT:.*]] = roast.get_field %arg0["next"]
// CHECK-NEXT:    %[[NONE:.*]] = roast.optional_is_none %[[NEXT]]
// CHECK-NEXT:    roast.retain %[[NEXT]]
// CHECK-NEXT:    roast.call @m.visit(
// CHECK-NEXT:    roast.release %[[NEXT]]
// CHECK-NEXT:    %[[FRESH:.*]] = roast.call @m.make()
// CHECK-NEXT:    roast.retain %[[NEXT]]
// CHECK-NEXT:    roast.release %[[FRESH]]
// CHECK-NEXT:    roast.release %[[NEXT]]
// CHECK-NEXT:    roast.return %[[NONE]]
roast.func @m.pairs(%n: !roast.object<@m.Node>) -> i1 {
  %next = roast.get_field %n["next"] : !roast.object<@m.Node> -> !roast.optional<!roast.object<@m.Node>>
  roast.retain %next : !roast.optional<!roast.object<@m.Node>>
  %none = roast.optional_is_none %next : !roast.optional<!roast.object<@m.Node>>
  roast.release %next : !roast.optional<!roast.object<@m.Node>>
  roast.retain %next : !roast.optional<!roast.object<@m.Node>>
  roast.call @m.visit(%n) : (!roast.object<@m.Node>) -> ()
  roast.release %next : !roast.optional<!roast.object<@m.Node>>
  %fresh = roast.call @m.make() : () -> !roast.object<@m.Node>
  roast.retain %next : !roast.optional<!roast.object<@m.Node>>
  roast.release %fresh : !roast.object<@m.Node>
  roast.release %next : !roast.optional<!roast.object<@m.Node>>
  roast.return %none : i1
}
roast.func private @m.visit(!roast.object<@m.Node>)
roast.func private @m.make() -> !roast.object<@m.Node>

// -----

roast.class @m.Vec {fields = ["x", "y"], field_types = [f64, f64], methods = []}

// Pairs nest, as around the reads of `b.x - c.x` on two variables: once
// the inner pair cancels, the outer one does.
// CHECK-LABEL: roast.func @m.nested(
// CHECK-NOT:     roast.retain
// CHECK-NOT:     roast.release
// CHECK:         roast.return
roast.func @m.nested(%l: !roast.list<!roast.object<@m.Vec>>) -> f64 {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  %b = roast.list_get %l[%c0] : !roast.list<!roast.object<@m.Vec>>
  %c = roast.list_get %l[%c1] : !roast.list<!roast.object<@m.Vec>>
  roast.retain %b : !roast.object<@m.Vec>
  %bx = roast.get_field %b["x"] : !roast.object<@m.Vec> -> f64
  roast.retain %c : !roast.object<@m.Vec>
  %cx = roast.get_field %c["x"] : !roast.object<@m.Vec> -> f64
  %d = arith.subf %bx, %cx : f64
  roast.release %c : !roast.object<@m.Vec>
  roast.release %b : !roast.object<@m.Vec>
  roast.return %d : f64
}

// -----

roast.class @BaseException builtin {field_types = [!roast.str], fields = ["__message__"], methods = []}

// A retain before a branch cancels with a release at the start of each
// block the branch leads to, when each has no other predecessor: the reads
// of a list held in a dynamic variable (list_get may raise; a scalar
// list_set and arithmetic drop nothing).
// CHECK-LABEL: roast.func @m.across(
// CHECK-NOT:     roast.retain
// CHECK:         roast.check_raised ^[[ERR:.*]], ^[[OK:.*]]
// CHECK-NEXT:  ^[[OK]]:
// CHECK-NEXT:    arith.cmpi
// CHECK-NEXT:    roast.add
// CHECK-NEXT:    cf.cond_br
// CHECK-NEXT:  ^{{.*}}:
// CHECK-NEXT:    roast.release
// CHECK-NEXT:    roast.return
// CHECK-NEXT:  ^{{.*}}:
// CHECK-NEXT:    roast.release
// CHECK-NEXT:    roast.return
// CHECK-NEXT:  ^[[ERR]]:
// CHECK-NEXT:    roast.catch
// CHECK-NEXT:    roast.release
// CHECK-NEXT:    roast.throw
roast.func @m.across(%n: i64, %i: i64) -> i64 {
  %l = roast.list_new %n : (i64) -> !roast.list<i64>
  roast.retain %l : !roast.list<i64>
  roast.list_set %l[%i], %n : !roast.list<i64>
  %v = roast.list_get %l[%i] : !roast.list<i64>
  roast.check_raised ^err, ^ok
^ok:
  roast.release %l : !roast.list<i64>
  %c = arith.cmpi sgt, %v, %n : i64
  roast.retain %l : !roast.list<i64>
  %w = roast.add %v, %n : i64
  cf.cond_br %c, ^yes, ^no
^yes:
  roast.release %l : !roast.list<i64>
  roast.release %l : !roast.list<i64>
  roast.return %w : i64
^no:
  roast.release %l : !roast.list<i64>
  roast.release %l : !roast.list<i64>
  roast.return %v : i64
^err:
  roast.release %l : !roast.list<i64>
  %e = roast.catch : !roast.object<@BaseException>
  roast.release %l : !roast.list<i64>
  roast.throw %e reraise : !roast.object<@BaseException>
}

// -----

// Kept: a successor another block also enters (its release may pair with
// that block's retain); a call before the release on one path; a store
// of a reference into a list before the branch (it releases the element
// it replaces).
// CHECK-LABEL: roast.func @m.kept(
// CHECK:         roast.retain %[[A:.*]] : !roast.list<i64>
// CHECK:         cf.cond_br
// CHECK:         roast.retain %[[A]] : !roast.list<i64>
// CHECK:         roast.call @m.touch(
// CHECK-NEXT:    roast.release %[[A]]
// CHECK:         roast.retain %[[A]] : !roast.list<i64>
// CHECK-NEXT:    roast.list_set
// CHECK:         roast.release %[[A]]
// CHECK:         roast.release %[[A]]
roast.func @m.kept(%n: i64, %c: i1, %s: !roast.str, %ls: !roast.list<!roast.str>) -> i64 {
  %a = roast.list_new %n : (i64) -> !roast.list<i64>
  roast.retain %a : !roast.list<i64>
  cf.cond_br %c, ^shared, ^other
^other:
  cf.br ^shared
^shared:
  roast.release %a : !roast.list<i64>
  roast.retain %a : !roast.list<i64>
  cf.cond_br %c, ^call, ^plain
^call:
  roast.call @m.touch() : () -> ()
  roast.release %a : !roast.list<i64>
  cf.br ^store
^plain:
  roast.release %a : !roast.list<i64>
  cf.br ^store
^store:
  roast.retain %a : !roast.list<i64>
  roast.list_set %ls[%n], %s : !roast.list<!roast.str>
  cf.cond_br %c, ^x, ^y
^x:
  roast.release %a : !roast.list<i64>
  roast.release %a : !roast.list<i64>
  roast.return %n : i64
^y:
  roast.release %a : !roast.list<i64>
  roast.release %a : !roast.list<i64>
  roast.return %n : i64
}
roast.func private @m.touch()
