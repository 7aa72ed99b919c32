// RUN: roast-opt %s -roast-specialize-types -split-input-file | FileCheck %s
// roast-specialize-types types a dynamic field that only ever holds one
// scalar type (FieldTyping.cpp): every store into it that can run from
// roast_module_init, typed or dynamic, stores that type once the fields
// are assumed typed, and every instance gets it before anything can read
// it. Otherwise the field stays `!roast.value`.

// Every store is a float, one of them computed from the field itself
// (`p.v = p.v * 0.5`) and one from a loop variable that sums it: the field
// is an f64, the arithmetic on it is typed, dynamic reads box it, and the
// `<dyn-set>` entry the runtime calls for `o.v = 2.5` on a dynamic `o`
// unboxes, as for an annotated field.
// CHECK-LABEL: roast.class @P
// CHECK-SAME:    field_types = [f64]
// CHECK-LABEL: roast.func @"P.__init__(f64)"(
// CHECK:         roast.set_field %{{.*}}["v"], %{{.*}} : !roast.object<@P>, f64
// CHECK-LABEL: roast.func @halve(
// CHECK:         %[[V:.*]] = roast.get_field %{{.*}}["v"] : !roast.object<@P> -> f64
// CHECK:         %[[H:.*]] = arith.mulf %[[V]], %{{.*}} : f64
// CHECK:         roast.set_field %{{.*}}["v"], %[[H]] : !roast.object<@P>, f64
// CHECK-NOT:     roast.dyn
// CHECK-LABEL: roast.func @accumulate(
// CHECK:         ^bb1(%{{.*}}: i64, %{{.*}}: f64):
// CHECK:         arith.addf
// CHECK:         roast.set_field %{{.*}}["v"], %{{.*}} : !roast.object<@P>, f64
// CHECK-LABEL: roast.func @"P.<dyn-get>.v"(
// CHECK:         %[[G:.*]] = roast.get_field %{{.*}}["v"] : !roast.object<@P> -> f64
// CHECK:         %[[B:.*]] = roast.box %[[G]] : f64
// CHECK:         roast.return %[[B]] : !roast.value
// CHECK-LABEL: roast.func @"P.<dyn-set>.v"(
// CHECK-NEXT:    %[[T:.*]] = arith.constant true
// CHECK-NEXT:    %[[U:.*]] = roast.unbox %{{.*}} : f64
// CHECK-NEXT:    roast.set_field %{{.*}}["v"], %[[U]] : !roast.object<@P>, f64
// CHECK-NEXT:    roast.return %[[T]] : i1
// CHECK-LABEL: roast.func @poke(
// CHECK:         roast.dyn.setattr %{{.*}} "v" = %{{.*}}
roast.class @P {fields = ["v"], field_types = [!roast.value], methods = [],
  members = [{name = "v", kind = 1 : i32, field = "v",
              get = @"P.<dyn-get>.v", set = @"P.<dyn-set>.v"}]}
roast.global @g : !roast.value
roast.func @"P.__init__(f64)"(%self: !roast.object<@P>, %v: f64) {
  %b = roast.box %v : f64
  %old = roast.get_field %self["v"] : !roast.object<@P> -> !roast.value
  roast.set_field %self["v"], %b : !roast.object<@P>, !roast.value
  roast.release %old : !roast.value
  roast.return
}
roast.func @halve(%p: !roast.object<@P>) {
  %c = arith.constant 0.5 : f64
  %half = roast.box %c : f64
  %v = roast.get_field %p["v"] : !roast.object<@P> -> !roast.value
  roast.retain %v : !roast.value
  %h = roast.dyn.binary mul %v, %half
  roast.release %v : !roast.value
  %old = roast.get_field %p["v"] : !roast.object<@P> -> !roast.value
  roast.set_field %p["v"], %h : !roast.object<@P>, !roast.value
  roast.release %old : !roast.value
  roast.return
}
roast.func @accumulate(%p: !roast.object<@P>, %n: i64) {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  %zero = arith.constant 0.0 : f64
  %z = roast.box %zero : f64
  cf.br ^head(%c0, %z : i64, !roast.value)
^head(%i: i64, %acc: !roast.value):
  %more = arith.cmpi slt, %i, %n : i64
  cf.cond_br %more, ^body, ^done
^body:
  %v = roast.get_field %p["v"] : !roast.object<@P> -> !roast.value
  %s = roast.dyn.binary add %acc, %v
  %j = arith.addi %i, %c1 : i64
  cf.br ^head(%j, %s : i64, !roast.value)
^done:
  %old = roast.get_field %p["v"] : !roast.object<@P> -> !roast.value
  roast.set_field %p["v"], %acc : !roast.object<@P>, !roast.value
  roast.release %old : !roast.value
  roast.return
}
roast.func @"P.<dyn-get>.v"(%self: !roast.object<@P>) -> !roast.value {
  %v = roast.get_field %self["v"] : !roast.object<@P> -> !roast.value
  roast.retain %v : !roast.value
  roast.return %v : !roast.value
}
roast.func @"P.<dyn-set>.v"(%self: !roast.object<@P>, %v: !roast.value) -> i1 {
  %true = arith.constant true
  roast.retain %v : !roast.value
  %old = roast.get_field %self["v"] : !roast.object<@P> -> !roast.value
  roast.set_field %self["v"], %v : !roast.object<@P>, !roast.value
  roast.release %old : !roast.value
  roast.return %true : i1
}
roast.func @poke() {
  %o = roast.global_load @g : !roast.value
  %c = arith.constant 2.5 : f64
  %b = roast.box %c : f64
  roast.dyn.setattr %o "v" = %b
  roast.return
}
roast.func @roast_module_init() {
  %one = arith.constant 1.0 : f64
  %n = arith.constant 3 : i64
  %p = roast.new : !roast.object<@P>
  roast.call @"P.__init__(f64)"(%p, %one) : (!roast.object<@P>, f64) -> ()
  roast.call @halve(%p) : (!roast.object<@P>) -> ()
  roast.call @accumulate(%p, %n) : (!roast.object<@P>, i64) -> ()
  roast.call @poke() : () -> ()
  roast.release %p : !roast.object<@P>
  roast.return
}

// -----

// What cannot run does not count: the dynamic original of a clone (it
// stores a str) and the member entry of a method no dynamic code calls by
// name (`__init__`). A dynamic store into an instance of another class with
// a field of that name is not a store into this one. Ints and bools are
// typed too (both worlds raise OverflowError beyond 64 bits).
// CHECK-LABEL: roast.class @Q
// CHECK-SAME:    field_types = [i64, i1]
// CHECK-LABEL: roast.class @Other
// CHECK-SAME:    field_types = [!roast.value]
// CHECK-LABEL: roast.func @Q.__init__(
// CHECK:         %[[U:.*]] = roast.unbox %{{.*}} : i64
// CHECK:         roast.set_field %{{.*}}["n"], %[[U]] : !roast.object<@Q>, i64
roast.class @Q {fields = ["n", "on"], field_types = [!roast.value, !roast.value],
  methods = [],
  members = [{name = "__init__", kind = 2 : i32,
              call = {name = "Q.__init__", entry = @"Q.__init__.<dyn>",
                      min = 3 : i32, max = 3 : i32}}]}
roast.class @Other {fields = ["n"], field_types = [!roast.value], methods = []}
roast.func @Q.__init__(%self: !roast.object<@Q>, %n: !roast.value, %on: !roast.value) {
  %s = roast.string "many"
  %b = roast.box %s : !roast.str
  roast.set_field %self["n"], %b : !roast.object<@Q>, !roast.value
  roast.set_field %self["on"], %on : !roast.object<@Q>, !roast.value
  roast.return
}
roast.func @"Q.__init__.<dyn>"(%c: !roast.none, %argc: i64, %self: !roast.value,
                               %n: !roast.value, %on: !roast.value) -> !roast.value {
  %q = roast.unbox %self : !roast.object<@Q>
  roast.call @Q.__init__(%q, %n, %on) : (!roast.object<@Q>, !roast.value, !roast.value) -> ()
  %none = roast.none
  %r = roast.box %none : !roast.none
  roast.return %r : !roast.value
}
roast.func @"Q.__init__(i64,i1)"(%self: !roast.object<@Q>, %n: i64, %on: i1) {
  %bn = roast.box %n : i64
  roast.set_field %self["n"], %bn : !roast.object<@Q>, !roast.value
  %bo = roast.box %on : i1
  roast.set_field %self["on"], %bo : !roast.object<@Q>, !roast.value
  roast.return
}
roast.func @roast_module_init() {
  %n = arith.constant 7 : i64
  %on = arith.constant true
  %q = roast.new : !roast.object<@Q>
  roast.call @"Q.__init__(i64,i1)"(%q, %n, %on) : (!roast.object<@Q>, i64, i1) -> ()
  %o = roast.new : !roast.object<@Other>
  %bo = roast.box %o : !roast.object<@Other>
  %s = roast.string "n"
  %bs = roast.box %s : !roast.str
  roast.dyn.setattr %bo "n" = %bs
  roast.return
}

// -----

// A subclass shares its base's field: stores through either type count,
// the subclass's `__init__` gives it through the base's, and both classes
// get the type.
// CHECK-LABEL: roast.class @Base
// CHECK-SAME:    field_types = [f64]
// CHECK-LABEL: roast.class @Sub : @Base
// CHECK-SAME:    field_types = [f64, !roast.value]
roast.class @Base {fields = ["x"], field_types = [!roast.value], methods = []}
roast.class @Sub : @Base {fields = ["x", "tag"], field_types = [!roast.value, !roast.value], methods = []}
roast.func @"Base.__init__(f64)"(%self: !roast.object<@Base>, %x: f64) {
  %b = roast.box %x : f64
  roast.set_field %self["x"], %b : !roast.object<@Base>, !roast.value
  roast.return
}
roast.func @"Sub.__init__(f64)"(%self: !roast.object<@Sub>, %x: f64) {
  %base = roast.upcast %self : !roast.object<@Sub> to !roast.object<@Base>
  roast.call @"Base.__init__(f64)"(%base, %x) : (!roast.object<@Base>, f64) -> ()
  roast.return
}
roast.func @move(%s: !roast.object<@Sub>, %dx: f64) {
  %x = roast.get_field %s["x"] : !roast.object<@Sub> -> !roast.value
  %d = roast.box %dx : f64
  %y = roast.dyn.binary add %x, %d
  roast.set_field %s["x"], %y : !roast.object<@Sub>, !roast.value
  roast.return
}
roast.func @roast_module_init() {
  %one = arith.constant 1.0 : f64
  %b = roast.new : !roast.object<@Base>
  roast.call @"Base.__init__(f64)"(%b, %one) : (!roast.object<@Base>, f64) -> ()
  %s = roast.new : !roast.object<@Sub>
  roast.call @"Sub.__init__(f64)"(%s, %one) : (!roast.object<@Sub>, f64) -> ()
  roast.call @move(%s, %one) : (!roast.object<@Sub>, f64) -> ()
  roast.return
}

// -----

// An int field: the box a read makes is a reference of its own (a heap
// box, beyond 48 bits), so it takes the place of the retain that made the
// reader's reference. Must not fire: an int field read only borrowed (no
// one would free its box).
// CHECK-LABEL: roast.class @I
// CHECK-SAME:    field_types = [i64, !roast.value]
// CHECK-LABEL: roast.func @show(
// CHECK:         %[[N:.*]] = roast.get_field %{{.*}}["n"] : !roast.object<@I> -> i64
// CHECK-NEXT:    %[[B:.*]] = roast.box %[[N]] : i64
// CHECK-NEXT:    roast.print %[[B]] : !roast.value
// CHECK-NEXT:    roast.release %[[B]] : !roast.value
// CHECK:         %[[M:.*]] = roast.get_field %{{.*}}["m"] : !roast.object<@I> -> !roast.value
// CHECK-NEXT:    roast.print %[[M]] : !roast.value
roast.class @I {fields = ["n", "m"], field_types = [!roast.value, !roast.value], methods = []}
roast.func @"I.__init__(i64)"(%self: !roast.object<@I>, %n: i64) {
  %b = roast.box %n : i64
  roast.set_field %self["n"], %b : !roast.object<@I>, !roast.value
  %c = roast.box %n : i64
  roast.set_field %self["m"], %c : !roast.object<@I>, !roast.value
  roast.return
}
roast.func @show(%p: !roast.object<@I>) {
  %n = roast.get_field %p["n"] : !roast.object<@I> -> !roast.value
  roast.retain %n : !roast.value
  roast.print %n : !roast.value
  roast.release %n : !roast.value
  %m = roast.get_field %p["m"] : !roast.object<@I> -> !roast.value
  roast.print %m : !roast.value
  roast.return
}
roast.func @roast_module_init() {
  %big = arith.constant 1000000000000000 : i64
  %p = roast.new : !roast.object<@I>
  roast.call @"I.__init__(i64)"(%p, %big) : (!roast.object<@I>, i64) -> ()
  roast.call @show(%p) : (!roast.object<@I>) -> ()
  roast.return
}

// -----

// Must not fire: a str stored somewhere that runs.
// CHECK-LABEL: roast.class @S
// CHECK-SAME:    field_types = [!roast.value]
// CHECK-LABEL: roast.func @rename(
// CHECK:         roast.set_field %{{.*}}["x"], %{{.*}} : !roast.object<@S>, !roast.value
roast.class @S {fields = ["x"], field_types = [!roast.value], methods = []}
roast.func @"S.__init__(f64)"(%self: !roast.object<@S>, %x: f64) {
  %b = roast.box %x : f64
  roast.set_field %self["x"], %b : !roast.object<@S>, !roast.value
  roast.return
}
roast.func @rename(%p: !roast.object<@S>) {
  %s = roast.string "x"
  %b = roast.box %s : !roast.str
  roast.set_field %p["x"], %b : !roast.object<@S>, !roast.value
  roast.return
}
roast.func @roast_module_init() {
  %one = arith.constant 1.0 : f64
  %p = roast.new : !roast.object<@S>
  roast.call @"S.__init__(f64)"(%p, %one) : (!roast.object<@S>, f64) -> ()
  roast.call @rename(%p) : (!roast.object<@S>) -> ()
  roast.return
}

// -----

// Must not fire: a dynamic store of that name into a receiver that may be
// an instance, of a value of unknown type.
// CHECK-LABEL: roast.class @D
// CHECK-SAME:    field_types = [!roast.value]
roast.class @D {fields = ["x"], field_types = [!roast.value], methods = []}
roast.global @g : !roast.value
roast.func @"D.__init__(f64)"(%self: !roast.object<@D>, %x: f64) {
  %b = roast.box %x : f64
  roast.set_field %self["x"], %b : !roast.object<@D>, !roast.value
  roast.return
}
roast.func @roast_module_init() {
  %one = arith.constant 1.0 : f64
  %p = roast.new : !roast.object<@D>
  roast.call @"D.__init__(f64)"(%p, %one) : (!roast.object<@D>, f64) -> ()
  %o = roast.global_load @g : !roast.value
  roast.dyn.setattr %o "x" = %o
  roast.return
}

// -----

// Must not fire: an int here, a float there (type(x) tells them apart).
// CHECK-LABEL: roast.class @M
// CHECK-SAME:    field_types = [!roast.value]
roast.class @M {fields = ["x"], field_types = [!roast.value], methods = []}
roast.func @"M.__init__(i64)"(%self: !roast.object<@M>, %x: i64) {
  %b = roast.box %x : i64
  roast.set_field %self["x"], %b : !roast.object<@M>, !roast.value
  roast.return
}
roast.func @scale(%p: !roast.object<@M>) {
  %h = arith.constant 0.5 : f64
  %bh = roast.box %h : f64
  %x = roast.get_field %p["x"] : !roast.object<@M> -> !roast.value
  %y = roast.dyn.binary mul %x, %bh
  roast.set_field %p["x"], %y : !roast.object<@M>, !roast.value
  roast.return
}
roast.func @roast_module_init() {
  %one = arith.constant 1 : i64
  %p = roast.new : !roast.object<@M>
  roast.call @"M.__init__(i64)"(%p, %one) : (!roast.object<@M>, i64) -> ()
  roast.call @scale(%p) : (!roast.object<@M>) -> ()
  roast.return
}

// -----

// Must not fire: a field `__init__` gives only on one path (Python would
// raise AttributeError reading it; a typed field would read as 0).
// CHECK-LABEL: roast.class @C
// CHECK-SAME:    field_types = [!roast.value]
roast.class @C {fields = ["x"], field_types = [!roast.value], methods = []}
roast.func @"C.__init__(i1)"(%self: !roast.object<@C>, %flag: i1) {
  cf.cond_br %flag, ^set, ^done
^set:
  %one = arith.constant 1 : i64
  %b = roast.box %one : i64
  roast.set_field %self["x"], %b : !roast.object<@C>, !roast.value
  cf.br ^done
^done:
  roast.return
}
roast.func @roast_module_init() {
  %f = arith.constant false
  %p = roast.new : !roast.object<@C>
  roast.call @"C.__init__(i1)"(%p, %f) : (!roast.object<@C>, i1) -> ()
  roast.return
}

// -----

// Must not fire: a store of a value whose type is not known (a dynamic
// variable that may hold anything), nor a field read before it is set.
// CHECK-LABEL: roast.class @U
// CHECK-SAME:    field_types = [!roast.value, !roast.value]
roast.class @U {fields = ["x", "y"], field_types = [!roast.value, !roast.value], methods = []}
roast.global @g : !roast.value
roast.func @"U.__init__(f64)"(%self: !roast.object<@U>, %x: f64) {
  %b = roast.box %x : f64
  %y = roast.get_field %self["y"] : !roast.object<@U> -> !roast.value
  roast.set_field %self["x"], %y : !roast.object<@U>, !roast.value
  roast.set_field %self["y"], %b : !roast.object<@U>, !roast.value
  roast.return
}
roast.func @load(%p: !roast.object<@U>) {
  %v = roast.global_load @g : !roast.value
  roast.set_field %p["x"], %v : !roast.object<@U>, !roast.value
  roast.return
}
roast.func @roast_module_init() {
  %one = arith.constant 1.0 : f64
  %p = roast.new : !roast.object<@U>
  roast.call @"U.__init__(f64)"(%p, %one) : (!roast.object<@U>, f64) -> ()
  roast.call @load(%p) : (!roast.object<@U>) -> ()
  roast.return
}

// -----

// Must not fire: without roast_module_init nothing is known to be dead, so
// the str this function stores counts.
// CHECK-LABEL: roast.class @L
// CHECK-SAME:    field_types = [!roast.value]
roast.class @L {fields = ["x"], field_types = [!roast.value], methods = []}
roast.func @"L.__init__(f64)"(%self: !roast.object<@L>, %x: f64) {
  %b = roast.box %x : f64
  roast.set_field %self["x"], %b : !roast.object<@L>, !roast.value
  roast.return
}
roast.func @rename(%p: !roast.object<@L>) {
  %s = roast.string "x"
  %b = roast.box %s : !roast.str
  roast.set_field %p["x"], %b : !roast.object<@L>, !roast.value
  roast.return
}

// -----

// A field that holds instances of one class or None (a tree's children)
// becomes `!roast.optional<!roast.object<@N>>`: stores wrap the instance
// or store None, the `<dyn-set>` entry unboxes and releases the old
// child, reads box the field for dynamic code (borrowed where the reader
// did not retain it), and `x is None` of such a box is the optional's own
// test. Below that test's false side, the box passed to a call is the
// instance itself, so @walk recurses into its own clone for @N.
// CHECK-LABEL: roast.class @N
// CHECK-SAME:    field_types = [!roast.optional<!roast.object<@N>>]
// CHECK-LABEL: roast.func @"N.__init__(!roast.object<@N>,!roast.object<@N>)"(
// CHECK:         %[[W:.*]] = roast.optional_wrap %{{.*}} : !roast.optional<!roast.object<@N>>
// CHECK:         roast.set_field %{{.*}}["next"], %[[W]] : !roast.object<@N>, !roast.optional<!roast.object<@N>>
// CHECK-LABEL: roast.func @"N.__init__(!roast.object<@N>,!roast.none)"(
// CHECK:         %[[NONE:.*]] = roast.optional_none : !roast.optional<!roast.object<@N>>
// CHECK:         roast.set_field %{{.*}}["next"], %[[NONE]] : !roast.object<@N>, !roast.optional<!roast.object<@N>>
// CHECK-LABEL: roast.func @"walk(!roast.object<@N>)"(
// CHECK:         %[[NEXT:.*]] = roast.get_field %{{.*}}["next"] : !roast.object<@N> -> !roast.optional<!roast.object<@N>>
// CHECK:         %[[END:.*]] = roast.optional_is_none %[[NEXT]]
// CHECK:         cf.cond_br %[[END]], ^{{.*}}, ^[[MORE:.*]]
// CHECK:       ^[[MORE]]:
// CHECK:         %[[I:.*]] = roast.optional_unwrap %[[NEXT]]
// CHECK:         roast.call @"walk(!roast.object<@N>)"(%[[I]])
// Not narrowed where the test's sides meet again: the call passes the box.
// CHECK-LABEL: roast.func @"peek(!roast.object<@N>)"(
// CHECK:         %[[P:.*]] = roast.get_field %{{.*}}["next"] : !roast.object<@N> -> !roast.optional<!roast.object<@N>>
// CHECK:         %[[PB:.*]] = roast.box %[[P]] : !roast.optional<!roast.object<@N>>
// CHECK:         roast.call @walk(%[[PB]]) : (!roast.value) -> i64
// CHECK-LABEL: roast.func @"N.<dyn-get>.next"(
// CHECK:         %[[G:.*]] = roast.get_field %{{.*}}["next"] : !roast.object<@N> -> !roast.optional<!roast.object<@N>>
// CHECK-NEXT:    %[[B:.*]] = roast.box %[[G]] : !roast.optional<!roast.object<@N>>
// CHECK-NEXT:    roast.return %[[B]] : !roast.value
// CHECK-LABEL: roast.func @"N.<dyn-set>.next"(
// CHECK:         %[[U:.*]] = roast.unbox %{{.*}} : !roast.optional<!roast.object<@N>>
// CHECK-NEXT:    %[[OLD:.*]] = roast.get_field %{{.*}}["next"]
// CHECK-NEXT:    roast.set_field %{{.*}}["next"], %[[U]]
// CHECK-NEXT:    roast.release %[[OLD]] : !roast.optional<!roast.object<@N>>
roast.class @N {fields = ["next"], field_types = [!roast.value], methods = [],
  members = [{name = "next", kind = 1 : i32, field = "next",
              get = @"N.<dyn-get>.next", set = @"N.<dyn-set>.next"}]}
roast.func @N.__init__(%self: !roast.object<@N>, %next: !roast.value) {
  roast.retain %next : !roast.value
  %old = roast.get_field %self["next"] : !roast.object<@N> -> !roast.value
  roast.set_field %self["next"], %next : !roast.object<@N>, !roast.value
  roast.release %old : !roast.value
  roast.return
}
roast.func @walk(%n: !roast.value) -> i64 {
  %c1 = arith.constant 1 : i64
  %next = roast.dyn.getattr %n "next"
  %end = roast.dyn.isinstance %next, none
  cf.cond_br %end, ^last, ^more
^last:
  roast.release %next : !roast.value
  roast.return %c1 : i64
^more:
  %rest = roast.call @walk(%next) : (!roast.value) -> i64
  roast.release %next : !roast.value
  %sum = arith.addi %rest, %c1 : i64
  roast.return %sum : i64
}
roast.func @peek(%n: !roast.value) -> i64 {
  %next = roast.dyn.getattr %n "next"
  %end = roast.dyn.isinstance %next, none
  cf.cond_br %end, ^a, ^b
^a:
  cf.br ^join
^b:
  cf.br ^join
^join:
  %r = roast.call @walk(%next) : (!roast.value) -> i64
  roast.release %next : !roast.value
  roast.return %r : i64
}
roast.func @"N.<dyn-get>.next"(%self: !roast.object<@N>) -> !roast.value {
  %v = roast.get_field %self["next"] : !roast.object<@N> -> !roast.value
  roast.retain %v : !roast.value
  roast.return %v : !roast.value
}
roast.func @"N.<dyn-set>.next"(%self: !roast.object<@N>, %v: !roast.value) -> i1 {
  %true = arith.constant true
  roast.retain %v : !roast.value
  %old = roast.get_field %self["next"] : !roast.object<@N> -> !roast.value
  roast.set_field %self["next"], %v : !roast.object<@N>, !roast.value
  roast.release %old : !roast.value
  roast.return %true : i1
}
roast.func @roast_module_init() {
  %none = roast.none
  %bn = roast.box %none : !roast.none
  %tail = roast.new : !roast.object<@N>
  roast.call @N.__init__(%tail, %bn) : (!roast.object<@N>, !roast.value) -> ()
  %head = roast.new : !roast.object<@N>
  %bt = roast.box %tail : !roast.object<@N>
  roast.call @N.__init__(%head, %bt) : (!roast.object<@N>, !roast.value) -> ()
  %bh = roast.box %head : !roast.object<@N>
  %n = roast.call @walk(%bh) : (!roast.value) -> i64
  %m = roast.call @peek(%bh) : (!roast.value) -> i64
  roast.release %bt : !roast.value
  roast.release %bh : !roast.value
  roast.return
}

// -----

// Must not fire: an instance here, a value of unknown type there (nothing
// is speculated about references), and a field only ever None.
// CHECK-LABEL: roast.class @K
// CHECK-SAME:    field_types = [!roast.value, !roast.value]
roast.class @K {fields = ["next", "nothing"], field_types = [!roast.value, !roast.value], methods = []}
roast.func @"K.__init__(!roast.object<@K>)"(%self: !roast.object<@K>, %k: !roast.object<@K>) {
  %b = roast.box %k : !roast.object<@K>
  roast.set_field %self["next"], %b : !roast.object<@K>, !roast.value
  %none = roast.none
  %bn = roast.box %none : !roast.none
  roast.set_field %self["nothing"], %bn : !roast.object<@K>, !roast.value
  roast.return
}
roast.func @relink(%self: !roast.object<@K>, %v: !roast.value) {
  roast.set_field %self["next"], %v : !roast.object<@K>, !roast.value
  roast.return
}
roast.global @g : !roast.value
roast.func @roast_module_init() {
  %p = roast.new : !roast.object<@K>
  roast.call @"K.__init__(!roast.object<@K>)"(%p, %p) : (!roast.object<@K>, !roast.object<@K>) -> ()
  %o = roast.global_load @g : !roast.value
  roast.call @relink(%p, %o) : (!roast.object<@K>, !roast.value) -> ()
  roast.return
}
