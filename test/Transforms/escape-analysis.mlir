// RUN: roast-opt %s -split-input-file --roast-escape-analysis | FileCheck %s
// roast-escape-analysis: a roast.new whose instance, and every value that
// may be it (block arguments, upcasts), is only read, written, counted and
// lent to callees that keep nothing becomes `roast.new stack`, and its
// retains and releases go. Anything that may keep it (returning, storing
// it into a list or a field, a callee that lets the parameter escape,
// boxing, raising), a class whose fields hold references, a variable that
// may also hold a parameter, or two instances of one op alive at once
// (a loop keeping the last iteration's object) keeps it on the heap.

roast.class @Vec {fields = ["x", "y"], field_types = [f64, f64], methods = []}

// __init__ only writes self's fields: self does not escape.
roast.func @Vec.__init__(%self: !roast.object<@Vec>, %x: f64, %y: f64) {
  roast.retain %self : !roast.object<@Vec>
  roast.set_field %self["x"], %x : !roast.object<@Vec>, f64
  roast.set_field %self["y"], %y : !roast.object<@Vec>, f64
  roast.release %self : !roast.object<@Vec>
  roast.return
}

// add reads both operands (neither escapes) and returns a new Vec, which
// escapes: it stays on the heap.
// CHECK-LABEL: roast.func @Vec.add
// CHECK:         %[[R:.*]] = roast.new : !roast.object<@Vec>
// CHECK:         roast.return %[[R]]
roast.func @Vec.add(%self: !roast.object<@Vec>, %o: !roast.object<@Vec>) -> !roast.object<@Vec> {
  roast.retain %self : !roast.object<@Vec>
  roast.retain %o : !roast.object<@Vec>
  %r = roast.new : !roast.object<@Vec>
  %x1 = roast.get_field %self["x"] : !roast.object<@Vec> -> f64
  %x2 = roast.get_field %o["x"] : !roast.object<@Vec> -> f64
  %x = arith.addf %x1, %x2 : f64
  %y1 = roast.get_field %self["y"] : !roast.object<@Vec> -> f64
  %y2 = roast.get_field %o["y"] : !roast.object<@Vec> -> f64
  %y = arith.addf %y1, %y2 : f64
  roast.call @Vec.__init__(%r, %x, %y) : (!roast.object<@Vec>, f64, f64) -> ()
  roast.release %self : !roast.object<@Vec>
  roast.release %o : !roast.object<@Vec>
  roast.return %r : !roast.object<@Vec>
}

// A temporary used only for its fields: on the stack, with no counting.
// CHECK-LABEL: roast.func @fields_only
// CHECK:         %[[V:.*]] = roast.new stack : !roast.object<@Vec>
// CHECK-NEXT:    roast.set_field %[[V]]["x"]
// CHECK-NEXT:    roast.get_field %[[V]]["x"]
// CHECK-NOT:     roast.retain
// CHECK-NOT:     roast.release
// CHECK:         roast.return
roast.func @fields_only(%a: f64) -> f64 {
  %v = roast.new : !roast.object<@Vec>
  roast.set_field %v["x"], %a : !roast.object<@Vec>, f64
  %x = roast.get_field %v["x"] : !roast.object<@Vec> -> f64
  roast.retain %v : !roast.object<@Vec>
  roast.release %v : !roast.object<@Vec>
  roast.release %v : !roast.object<@Vec>
  roast.return %x : f64
}

// `Vec(a, b).add(Vec(b, a))`: both temporaries are lent to __init__ and
// add, whose parameters do not escape; add's result is a heap object
// (a call result) and keeps its release.
// CHECK-LABEL: roast.func @chain
// CHECK:         %[[A:.*]] = roast.new stack : !roast.object<@Vec>
// CHECK:         roast.call @Vec.__init__(%[[A]]
// CHECK:         %[[B:.*]] = roast.new stack : !roast.object<@Vec>
// CHECK:         roast.call @Vec.__init__(%[[B]]
// CHECK:         %[[S:.*]] = roast.call @Vec.add(%[[A]], %[[B]])
// CHECK-NOT:     roast.release %[[A]]
// CHECK-NOT:     roast.release %[[B]]
// CHECK:         roast.release %[[S]]
// CHECK-NEXT:    roast.return
roast.func @chain(%a: f64, %b: f64) -> f64 {
  %v = roast.new : !roast.object<@Vec>
  roast.call @Vec.__init__(%v, %a, %b) : (!roast.object<@Vec>, f64, f64) -> ()
  %w = roast.new : !roast.object<@Vec>
  roast.call @Vec.__init__(%w, %b, %a) : (!roast.object<@Vec>, f64, f64) -> ()
  %s = roast.call @Vec.add(%v, %w) : (!roast.object<@Vec>, !roast.object<@Vec>) -> !roast.object<@Vec>
  roast.release %v : !roast.object<@Vec>
  roast.release %w : !roast.object<@Vec>
  %x = roast.get_field %s["x"] : !roast.object<@Vec> -> f64
  roast.release %s : !roast.object<@Vec>
  roast.return %x : f64
}

// `p = Vec(...)` in both arms of an if: the merged variable is the group
// of both allocations, which both go on the stack. Identity and isinstance
// read the header, which stays.
// CHECK-LABEL: roast.func @merge
// CHECK:         roast.new stack : !roast.object<@Vec>
// CHECK:         roast.new stack : !roast.object<@Vec>
// CHECK:       ^bb3(%[[P:.*]]: !roast.object<@Vec>):
// CHECK-NEXT:    roast.get_field %[[P]]["x"]
// CHECK-NEXT:    roast.is %[[P]], %[[P]]
// CHECK-NEXT:    roast.isinstance %[[P]], @Vec
// CHECK-NEXT:    roast.return
roast.func @merge(%c: i1, %a: f64) -> f64 {
  cf.cond_br %c, ^left, ^right
^left:
  %l = roast.new : !roast.object<@Vec>
  roast.set_field %l["x"], %a : !roast.object<@Vec>, f64
  cf.br ^join(%l : !roast.object<@Vec>)
^right:
  %r = roast.new : !roast.object<@Vec>
  cf.br ^join(%r : !roast.object<@Vec>)
^join(%p: !roast.object<@Vec>):
  %x = roast.get_field %p["x"] : !roast.object<@Vec> -> f64
  %same = roast.is %p, %p : !roast.object<@Vec>
  %is = roast.isinstance %p, @Vec : !roast.object<@Vec>
  roast.release %p : !roast.object<@Vec>
  roast.return %x : f64
}

// `a = Vec(); c = Vec(); if k: c = a`: `a` is still used after the second
// roast.new, but only holds the first one's instance; each op has its own
// slot, so both go on the stack.
// CHECK-LABEL: roast.func @two_sites
// CHECK:         %[[A:.*]] = roast.new stack : !roast.object<@Vec>
// CHECK:         %[[C:.*]] = roast.new stack : !roast.object<@Vec>
// CHECK-NOT:     roast.release
// CHECK:         roast.return
roast.func @two_sites(%k: i1, %x: f64) -> f64 {
  %a = roast.new : !roast.object<@Vec>
  roast.set_field %a["x"], %x : !roast.object<@Vec>, f64
  %c = roast.new : !roast.object<@Vec>
  cf.cond_br %k, ^join(%a : !roast.object<@Vec>), ^join(%c : !roast.object<@Vec>)
^join(%d: !roast.object<@Vec>):
  %ax = roast.get_field %a["x"] : !roast.object<@Vec> -> f64
  %dx = roast.get_field %d["x"] : !roast.object<@Vec> -> f64
  %sum = arith.addf %ax, %dx : f64
  roast.release %d : !roast.object<@Vec>
  roast.release %a : !roast.object<@Vec>
  roast.return %sum : f64
}

// A loop variable that each iteration replaces (the old value is only
// released after the new one is made, as CodeGen's stores do), with the
// null of the unassigned variable flowing in first, and a handler block
// that only releases the variable: one instance at a time is used, so the
// allocation goes on the stack.
// CHECK-LABEL: roast.func @loop_replaces
// CHECK:         roast.new stack : !roast.object<@Vec>
// CHECK-NOT:     roast.release
// CHECK:         roast.return
roast.func @loop_replaces(%n: i64) -> f64 {
  %null = roast.null : !roast.object<@Vec>
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  %zero = arith.constant 0.0 : f64
  cf.br ^head(%c0, %null, %zero : i64, !roast.object<@Vec>, f64)
^head(%i: i64, %old: !roast.object<@Vec>, %acc: f64):
  %more = arith.cmpi slt, %i, %n : i64
  cf.cond_br %more, ^body, ^done
^body:
  %v = roast.new : !roast.object<@Vec>
  %f = arith.sitofp %i : i64 to f64
  roast.call @Vec.__init__(%v, %f, %f) : (!roast.object<@Vec>, f64, f64) -> ()
  roast.check_raised ^failed, ^ok
^ok:
  roast.release %old : !roast.object<@Vec>
  %x = roast.get_field %v["x"] : !roast.object<@Vec> -> f64
  %sum = arith.addf %acc, %x : f64
  %next = arith.addi %i, %c1 : i64
  cf.br ^head(%next, %v, %sum : i64, !roast.object<@Vec>, f64)
^failed:
  cf.br ^cleanup(%old : !roast.object<@Vec>)
^done:
  roast.release %old : !roast.object<@Vec>
  roast.return %acc : f64
^cleanup(%live: !roast.object<@Vec>):
  %e = roast.catch : !roast.object<@BaseException>
  roast.release %live : !roast.object<@Vec>
  roast.throw %e reraise : !roast.object<@BaseException>
}

roast.class @BaseException builtin {fields = ["__message__"], field_types = [!roast.str], methods = []}

// -----

roast.class @Vec {fields = ["x", "y"], field_types = [f64, f64], methods = []}
roast.class @Pair {fields = ["n"], field_types = [!roast.object<@Vec>], methods = []}
roast.class @Named {fields = ["name"], field_types = [!roast.str], methods = []}
roast.global @keep : !roast.object<@Vec>

// Stores its parameter into a global: the parameter escapes.
roast.func @keep_it(%v: !roast.object<@Vec>) {
  roast.retain %v : !roast.object<@Vec>
  roast.global_store %v, @keep : !roast.object<@Vec>
  roast.return
}

// A self-recursive function's parameters are proven from "escapes": the
// recursive call of a parameter keeps it escaping (conservative).
roast.func @recurse(%v: !roast.object<@Vec>, %n: i64) {
  roast.call @recurse(%v, %n) : (!roast.object<@Vec>, i64) -> ()
  roast.return
}

// A declaration: nothing is known of its body.
roast.func private @unknown(!roast.object<@Vec>)

// CHECK-LABEL: roast.func @returned
// CHECK:         roast.new : !roast.object<@Vec>
roast.func @returned() -> !roast.object<@Vec> {
  %v = roast.new : !roast.object<@Vec>
  roast.return %v : !roast.object<@Vec>
}

// CHECK-LABEL: roast.func @into_list
// CHECK:         roast.new : !roast.object<@Vec>
// CHECK:         roast.release
roast.func @into_list() -> !roast.list<!roast.object<@Vec>> {
  %v = roast.new : !roast.object<@Vec>
  %l = roast.list_new %v : (!roast.object<@Vec>) -> !roast.list<!roast.object<@Vec>>
  roast.release %v : !roast.object<@Vec>
  roast.return %l : !roast.list<!roast.object<@Vec>>
}

// Storing the Vec as the value of another object's field keeps it there
// (the Pair itself owns a reference, so it stays on the heap too).
// CHECK-LABEL: roast.func @into_field
// CHECK:         roast.new : !roast.object<@Vec>
// CHECK:         roast.new : !roast.object<@Pair>
roast.func @into_field() -> !roast.object<@Pair> {
  %v = roast.new : !roast.object<@Vec>
  %p = roast.new : !roast.object<@Pair>
  roast.set_field %p["n"], %v : !roast.object<@Pair>, !roast.object<@Vec>
  roast.return %p : !roast.object<@Pair>
}

// CHECK-LABEL: roast.func @to_escaping_param
// CHECK:         roast.new : !roast.object<@Vec>
// CHECK:         roast.new : !roast.object<@Vec>
// CHECK:         roast.new : !roast.object<@Vec>
roast.func @to_escaping_param(%n: i64) {
  %v = roast.new : !roast.object<@Vec>
  roast.call @keep_it(%v) : (!roast.object<@Vec>) -> ()
  roast.release %v : !roast.object<@Vec>
  %w = roast.new : !roast.object<@Vec>
  roast.call @recurse(%w, %n) : (!roast.object<@Vec>, i64) -> ()
  roast.release %w : !roast.object<@Vec>
  %u = roast.new : !roast.object<@Vec>
  roast.call @unknown(%u) : (!roast.object<@Vec>) -> ()
  roast.release %u : !roast.object<@Vec>
  roast.return
}

// CHECK-LABEL: roast.func @boxed
// CHECK:         roast.new : !roast.object<@Vec>
roast.func @boxed() -> !roast.value {
  %v = roast.new : !roast.object<@Vec>
  %b = roast.box %v : !roast.object<@Vec>
  roast.return %b : !roast.value
}

// `raise` takes the object to whoever catches it.
// CHECK-LABEL: roast.func @thrown
// CHECK:         roast.new : !roast.object<@Vec>
roast.func @thrown() {
  %v = roast.new : !roast.object<@Vec>
  roast.throw %v : !roast.object<@Vec>
}

// `last = v` in a loop: the previous iteration's object is read after the
// next one is made, so one slot cannot hold both: the heap keeps them.
// CHECK-LABEL: roast.func @keeps_last
// CHECK:         roast.new : !roast.object<@Vec>
// CHECK:         roast.retain
roast.func @keeps_last(%n: i64) -> f64 {
  %null = roast.null : !roast.object<@Vec>
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  %zero = arith.constant 0.0 : f64
  cf.br ^head(%c0, %null, %zero : i64, !roast.object<@Vec>, f64)
^head(%i: i64, %last: !roast.object<@Vec>, %acc: f64):
  %more = arith.cmpi slt, %i, %n : i64
  cf.cond_br %more, ^body, ^done
^body:
  %v = roast.new : !roast.object<@Vec>
  %has = roast.is %last, %null : !roast.object<@Vec>
  cf.cond_br %has, ^next(%acc : f64), ^read
^read:
  %x = roast.get_field %last["x"] : !roast.object<@Vec> -> f64
  %sum = arith.addf %acc, %x : f64
  cf.br ^next(%sum : f64)
^next(%t: f64):
  roast.retain %v : !roast.object<@Vec>
  roast.release %last : !roast.object<@Vec>
  roast.release %v : !roast.object<@Vec>
  %i1 = arith.addi %i, %c1 : i64
  cf.br ^head(%i1, %v, %t : i64, !roast.object<@Vec>, f64)
^done:
  roast.release %last : !roast.object<@Vec>
  roast.return %acc : f64
}

// A stack instance is never freed: a str field would leak.
// CHECK-LABEL: roast.func @str_field
// CHECK:         roast.new : !roast.object<@Named>
roast.func @str_field(%s: !roast.str) {
  %v = roast.new : !roast.object<@Named>
  roast.retain %s : !roast.str
  roast.set_field %v["name"], %s : !roast.object<@Named>, !roast.str
  roast.release %v : !roast.object<@Named>
  roast.return
}

// `v = Vec() if c else param`: the variable may hold the caller's object,
// whose releases must stay, so the new one stays on the heap as well.
// CHECK-LABEL: roast.func @mixed_with_param
// CHECK:         roast.new : !roast.object<@Vec>
// CHECK:         roast.release
roast.func @mixed_with_param(%c: i1, %p: !roast.object<@Vec>) -> f64 {
  cf.cond_br %c, ^new, ^old
^new:
  %v = roast.new : !roast.object<@Vec>
  cf.br ^join(%v : !roast.object<@Vec>)
^old:
  roast.retain %p : !roast.object<@Vec>
  cf.br ^join(%p : !roast.object<@Vec>)
^join(%w: !roast.object<@Vec>):
  %x = roast.get_field %w["x"] : !roast.object<@Vec> -> f64
  roast.release %w : !roast.object<@Vec>
  roast.return %x : f64
}
