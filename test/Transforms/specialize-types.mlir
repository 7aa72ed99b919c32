// RUN: roast-opt %s -roast-specialize-types | FileCheck %s
// Dynamic functions get one typed clone per combination of scalar types
// their direct calls pass (at most four), dynamic ops on known boxes fold
// into typed ops, and a clone whose returns all give one scalar type
// returns that type, recursion included. Dynamic loop variables that only
// ever hold one scalar type become block arguments of that type.

// A recursive function called with an int: `fib(i64) -> i64`, its body
// plain checked arithmetic, its recursive calls on the clone.
// (Each clone follows its function.)
// CHECK-LABEL: roast.func @"fib(i64)"(%{{.*}}: i64) -> i64
// CHECK-NOT:     roast.dyn
// CHECK:         roast.cmp lt, %{{.*}}, %{{.*}} : i64
// CHECK-NOT:     roast.dyn
// CHECK:         roast.sub
// CHECK:         roast.call @"fib(i64)"(%{{.*}}) : (i64) -> i64
// CHECK-NOT:     roast.dyn
// CHECK:         roast.add %{{.*}}, %{{.*}} : i64
// CHECK-NOT:     roast.dyn
// CHECK-LABEL: roast.func @main_fib(
// CHECK:         %[[R:.*]] = roast.call @"fib(i64)"(%{{.*}}) : (i64) -> i64
// CHECK:         roast.box %[[R]] : i64
roast.func @fib(%n: !roast.value) -> !roast.value {
  %c2 = arith.constant 2 : i64
  %c1 = arith.constant 1 : i64
  %two = roast.box %c2 : i64
  %lt = roast.dyn.compare lt, %n, %two
  %small = roast.dyn.truth %lt
  cf.cond_br %small, ^base, ^rec
^base:
  roast.return %n : !roast.value
^rec:
  %one = roast.box %c1 : i64
  %a = roast.dyn.binary sub %n, %one
  %fa = roast.call @fib(%a) : (!roast.value) -> !roast.value
  %b = roast.dyn.binary sub %n, %two
  %fb = roast.call @fib(%b) : (!roast.value) -> !roast.value
  %sum = roast.dyn.binary add %fa, %fb
  roast.return %sum : !roast.value
}

roast.func @main_fib() {
  %c30 = arith.constant 30 : i64
  %n = roast.box %c30 : i64
  %r = roast.call @fib(%n) : (!roast.value) -> !roast.value
  roast.print %r : !roast.value
  roast.return
}

// Called with an int and with a float: two clones, each typed.
// CHECK-LABEL: roast.func @"twice(f64)"(%{{.*}}: f64) -> f64
// CHECK:         arith.addf
// CHECK-LABEL: roast.func @"twice(i64)"(%{{.*}}: i64) -> i64
// CHECK:         roast.add %{{.*}}, %{{.*}} : i64
// CHECK-LABEL: roast.func @main_twice(
// CHECK:         roast.call @"twice(i64)"(%{{.*}}) : (i64) -> i64
// CHECK:         roast.call @"twice(f64)"(%{{.*}}) : (f64) -> f64
roast.func @twice(%x: !roast.value) -> !roast.value {
  %r = roast.dyn.binary add %x, %x
  roast.return %r : !roast.value
}

roast.func @main_twice() {
  %i = arith.constant 21 : i64
  %f = arith.constant 1.5 : f64
  %bi = roast.box %i : i64
  %bf = roast.box %f : f64
  %ri = roast.call @twice(%bi) : (!roast.value) -> !roast.value
  %rf = roast.call @twice(%bf) : (!roast.value) -> !roast.value
  roast.print %ri, %rf : !roast.value, !roast.value
  roast.return
}

// Five combinations of argument types: four clones, and the fifth call
// keeps the dynamic function.
// CHECK-LABEL: roast.func @main_many(
// CHECK:         roast.call @"pair(i64,i64)"
// CHECK:         roast.call @"pair(i64,f64)"
// CHECK:         roast.call @"pair(f64,i64)"
// CHECK:         roast.call @"pair(f64,f64)"
// CHECK:         roast.call @pair(%{{.*}}, %{{.*}}) : (!roast.value, !roast.value) -> !roast.value
roast.func @pair(%a: !roast.value, %b: !roast.value) -> !roast.value {
  %r = roast.dyn.binary mul %a, %b
  roast.return %r : !roast.value
}

roast.func @main_many() {
  %i = arith.constant 2 : i64
  %f = arith.constant 2.5 : f64
  %t = arith.constant true
  %bi = roast.box %i : i64
  %bf = roast.box %f : f64
  %bt = roast.box %t : i1
  %0 = roast.call @pair(%bi, %bi) : (!roast.value, !roast.value) -> !roast.value
  %1 = roast.call @pair(%bi, %bf) : (!roast.value, !roast.value) -> !roast.value
  %2 = roast.call @pair(%bf, %bi) : (!roast.value, !roast.value) -> !roast.value
  %3 = roast.call @pair(%bf, %bf) : (!roast.value, !roast.value) -> !roast.value
  %4 = roast.call @pair(%bt, %bi) : (!roast.value, !roast.value) -> !roast.value
  roast.print %0, %1, %2, %3, %4 : !roast.value, !roast.value, !roast.value, !roast.value, !roast.value
  roast.return
}

// Not specialised: an argument that is a boxed tuple (boxing makes a new
// heap tuple, no view of the typed one), and a function whose result is
// sometimes a str stays dynamic in its result.
// CHECK-NOT:   @"shout(
// CHECK-LABEL: roast.func @"maybe(i64)"(%{{.*}}: i64) -> !roast.value
// CHECK-LABEL: roast.func @main_negative(
// CHECK:         roast.call @shout(%{{.*}}) : (!roast.value) -> !roast.value
// CHECK:         roast.call @"maybe(i64)"(%{{.*}}) : (i64) -> !roast.value
roast.func @shout(%s: !roast.value) -> !roast.value {
  %r = roast.dyn.call_method %s "count"(%s)
  roast.return %r : !roast.value
}

roast.func @maybe(%n: !roast.value) -> !roast.value {
  %c0 = arith.constant 0 : i64
  %zero = roast.box %c0 : i64
  %pos = roast.dyn.compare gt, %n, %zero
  %b = roast.dyn.truth %pos
  cf.cond_br %b, ^yes, ^no
^yes:
  roast.return %n : !roast.value
^no:
  %s = roast.string "non-positive"
  %v = roast.box %s : !roast.str
  roast.return %v : !roast.value
}

roast.func @main_negative() {
  %c1 = arith.constant 1 : i64
  %t = roast.make_tuple %c1, %c1 : (i64, i64) -> tuple<i64, i64>
  %bs = roast.box %t : tuple<i64, i64>
  %r = roast.call @shout(%bs) : (!roast.value) -> !roast.value
  %c4 = arith.constant 4 : i64
  %b4 = roast.box %c4 : i64
  %m = roast.call @maybe(%b4) : (!roast.value) -> !roast.value
  roast.print %r, %m : !roast.value, !roast.value
  roast.return
}

// Typed code is untouched.
// CHECK-LABEL: roast.func @typed(%{{.*}}: i64) -> i64
// CHECK-NEXT:    roast.add
// CHECK-NEXT:    roast.return
roast.func @typed(%x: i64) -> i64 {
  %r = roast.add %x, %x : i64
  roast.return %r : i64
}

// A dynamic loop variable that only ever holds floats (`x = 0.0`, then
// `x = x * 0.5`): after mem2reg a `!roast.value` block argument, it becomes
// an f64 argument, its value before the first assignment (mem2reg's marked
// None) the zero of that type, and the loop body plain float arithmetic.
// CHECK-LABEL: roast.func @halving(
// CHECK:         cf.br ^[[HEAD:bb[0-9]+]](%{{.*}}, %{{.*}} : i64, f64)
// CHECK:       ^[[HEAD]](%[[I:.*]]: i64, %[[X:.*]]: f64):
// CHECK-NEXT:    %[[BOXED:.*]] = roast.box %[[X]] : f64
// CHECK-NOT:     roast.dyn
// CHECK:         %[[Y:.*]] = arith.mulf %[[X]], %{{.*}} : f64
// CHECK-NOT:     roast.dyn
// CHECK:         cf.br ^[[HEAD]](%{{.*}}, %[[Y]] : i64, f64)
// CHECK:         roast.return %[[BOXED]] : !roast.value
roast.func @halving(%n: i64) -> !roast.value {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  %zero = arith.constant 0.0 : f64
  %half = arith.constant 0.5 : f64
  %x0 = roast.box %zero : f64
  cf.br ^head(%c0, %x0 : i64, !roast.value)
^head(%i: i64, %x: !roast.value):
  %more = roast.cmp lt, %i, %n : i64
  cf.cond_br %more, ^body, ^done
^body:
  %h = roast.box %half : f64
  %y = roast.dyn.binary mul %x, %h
  roast.release %h : !roast.value
  %next = arith.addi %i, %c1 : i64
  cf.br ^head(%next, %y : i64, !roast.value)
^done:
  roast.return %x : !roast.value
}

// A variable not yet assigned on one way in (mem2reg's marked None) takes
// the type of its assignments.
// CHECK-LABEL: roast.func @late(
// CHECK:       ^{{bb[0-9]+}}(%{{.*}}: i64):
// CHECK-NOT:     roast.dyn
roast.func @late(%c: i1) -> i64 {
  %none = roast.none
  %unset = roast.box %none {roast.uninitialized} : !roast.none
  %c7 = arith.constant 7 : i64
  %seven = roast.box %c7 : i64
  cf.cond_br %c, ^set, ^join(%unset : !roast.value)
^set:
  cf.br ^join(%seven : !roast.value)
^join(%v: !roast.value):
  %u = roast.unbox %v : i64
  roast.return %u : i64
}

// Must not fire: a variable that holds an int on one way and a float on
// the other stays dynamic (`x = 1` or `x = 2.5`: type(x) differs).
// CHECK-LABEL: roast.func @mixed(
// CHECK:       ^{{bb[0-9]+}}(%[[V:.*]]: !roast.value):
// CHECK:         roast.dyn.binary add %[[V]]
roast.func @mixed(%c: i1) -> !roast.value {
  %c1 = arith.constant 1 : i64
  %f = arith.constant 2.5 : f64
  %one = roast.box %c1 : i64
  %two = roast.box %f : f64
  cf.cond_br %c, ^join(%one : !roast.value), ^join(%two : !roast.value)
^join(%v: !roast.value):
  %s = roast.dyn.binary add %v, %one
  roast.return %s : !roast.value
}

// Must not fire: a variable some way gives a value of unknown type (a
// call's dynamic result) stays dynamic.
// CHECK-LABEL: roast.func @unknown(
// CHECK:       ^{{bb[0-9]+}}(%[[V:.*]]: !roast.value):
// CHECK:         roast.dyn.binary add %[[V]]
roast.func private @opaque() -> !roast.value
roast.func @unknown(%c: i1) -> !roast.value {
  %c1 = arith.constant 1 : i64
  %one = roast.box %c1 : i64
  %r = roast.call @opaque() : () -> !roast.value
  cf.cond_br %c, ^join(%one : !roast.value), ^join(%r : !roast.value)
^join(%v: !roast.value):
  %s = roast.dyn.binary add %v, %one
  roast.return %s : !roast.value
}

// A list passed to a dynamic function: the clone takes the typed list,
// borrowed as the parameter was, and sees it through a borrowed box (no
// retain); indexing, storing a float of its element type, len and truth
// fold into the typed list ops.
// CHECK-LABEL: roast.func @"scale(!roast.list<f64>)"(
// CHECK-SAME:      %[[L:.*]]: !roast.list<f64>) -> i1
// CHECK-NOT:     roast.dyn
// CHECK:         %[[N:.*]] = roast.len %[[L]] : !roast.list<f64>
// CHECK:         %[[X:.*]] = roast.list_get %[[L]][%{{.*}}] : !roast.list<f64>
// CHECK:         %[[Y:.*]] = arith.mulf %[[X]], %{{.*}} : f64
// CHECK:         roast.list_set %[[L]][%{{.*}}], %[[Y]] : !roast.list<f64>
// CHECK:         roast.len %[[L]] : !roast.list<f64>
// CHECK:         arith.cmpi ne
// CHECK-NOT:     roast.dyn
// CHECK-LABEL: roast.func @main_scale(
// CHECK:         roast.call @"scale(!roast.list<f64>)"(%{{.*}}) : (!roast.list<f64>) -> i1
roast.func @scale(%l: !roast.value) -> !roast.value {
  %c0 = arith.constant 0 : i64
  %zero = roast.box %c0 : i64
  %two = arith.constant 2.0 : f64
  %btwo = roast.box %two : f64
  %n = roast.dyn.len %l
  %x = roast.dyn.getitem %l[%zero]
  %y = roast.dyn.binary mul %x, %btwo
  roast.dyn.setitem %l[%zero] = %y
  %nonempty = roast.dyn.truth %l
  %r = roast.box %nonempty : i1
  roast.return %r : !roast.value
}
roast.func @main_scale(%l: !roast.list<f64>) {
  %v = roast.box %l : !roast.list<f64>
  %r = roast.call @scale(%v) : (!roast.value) -> !roast.value
  roast.release %v : !roast.value
  roast.return
}

// `[x] * n` of a boxed list and int: roast.list_repeat, whose new list
// the box retains, so the typed result is released after boxing.
// CHECK-LABEL: roast.func @repeat(
// CHECK:         %[[R:.*]] = roast.list_repeat %{{.*}}, %{{.*}} : !roast.list<i1>
// CHECK-NEXT:    %[[B:.*]] = roast.box %[[R]] : !roast.list<i1>
// CHECK-NEXT:    roast.release %[[R]] : !roast.list<i1>
// CHECK:         roast.return %[[B]]
roast.func @repeat(%n: i64) -> !roast.value {
  %true = arith.constant true
  %l = roast.list_new %true : (i1) -> !roast.list<i1>
  %bl = roast.box %l : !roast.list<i1>
  roast.release %l : !roast.list<i1>
  %bn = roast.box %n : i64
  %r = roast.dyn.binary mul %bl, %bn
  roast.release %bl : !roast.value
  roast.return %r : !roast.value
}

// Must not fold: an int stored into a list of floats (the list would hold
// an int), and a float index (a TypeError at run time).
// CHECK-LABEL: roast.func @store_other(
// CHECK:         roast.dyn.setitem
// CHECK:         roast.dyn.getitem
roast.func @store_other(%l: !roast.list<f64>) -> !roast.value {
  %c0 = arith.constant 0 : i64
  %f = arith.constant 0.5 : f64
  %bl = roast.box %l : !roast.list<f64>
  %zero = roast.box %c0 : i64
  %half = roast.box %f : f64
  roast.dyn.setitem %bl[%zero] = %zero
  %x = roast.dyn.getitem %bl[%half]
  roast.release %bl : !roast.value
  roast.return %x : !roast.value
}

// An instance passed to a dynamic function: reads and writes of its
// fields fold into roast.get_field / roast.set_field (a dynamic field is
// retained on read; a store retains the new value and releases the old),
// and a method or a name the class has no field of stays dynamic.
// CHECK-LABEL: roast.func @"bump(!roast.object<@Counter>)"(
// CHECK-SAME:      %[[C:.*]]: !roast.object<@Counter>)
// CHECK:         %[[N:.*]] = roast.get_field %[[C]]["n"] : !roast.object<@Counter> -> i64
// CHECK:         %[[M:.*]] = roast.add %[[N]], %{{.*}} : i64
// CHECK:         roast.set_field %[[C]]["n"], %[[M]] : !roast.object<@Counter>, i64
// CHECK:         %[[V:.*]] = roast.get_field %[[C]]["tag"] : !roast.object<@Counter> -> !roast.value
// CHECK-NEXT:    roast.retain %[[V]] : !roast.value
// CHECK:         roast.retain %[[V]] : !roast.value
// CHECK-NEXT:    %[[OLD:.*]] = roast.get_field %[[C]]["last"] : !roast.object<@Counter> -> !roast.value
// CHECK-NEXT:    roast.set_field %[[C]]["last"], %[[V]] : !roast.object<@Counter>, !roast.value
// CHECK-NEXT:    roast.release %[[OLD]] : !roast.value
// CHECK:         roast.dyn.getattr %{{.*}} "reset"
roast.class @Counter {field_types = [i64, !roast.value, !roast.value], fields = ["n", "tag", "last"], methods = []}
roast.func @bump(%c: !roast.value) -> !roast.value {
  %c1 = arith.constant 1 : i64
  %one = roast.box %c1 : i64
  %n = roast.dyn.getattr %c "n"
  %m = roast.dyn.binary add %n, %one
  roast.dyn.setattr %c "n" = %m
  %tag = roast.dyn.getattr %c "tag"
  roast.dyn.setattr %c "last" = %tag
  roast.release %tag : !roast.value
  %reset = roast.dyn.getattr %c "reset"
  roast.return %reset : !roast.value
}
roast.func @main_bump(%c: !roast.object<@Counter>) {
  %v = roast.box %c : !roast.object<@Counter>
  %r = roast.call @bump(%v) : (!roast.value) -> !roast.value
  roast.release %r : !roast.value
  roast.release %v : !roast.value
  roast.return
}

// A function that returns a list on every path returns it typed in its
// clone (zero dynamic arguments are enough): each return retains the
// list and releases the box that was returned (counting a box of a
// reference counts the reference itself, and a box nothing uses then is
// the retain it made); the caller boxes the result for its dynamic users
// and releases the typed reference.
// CHECK-LABEL: roast.func @"make()"() -> !roast.list<i64>
// CHECK:         %[[L:.*]] = roast.list_new
// CHECK-NEXT:    roast.retain %[[L]] : !roast.list<i64>
// CHECK-NEXT:    roast.release %[[L]] : !roast.list<i64>
// CHECK-NEXT:    roast.retain %[[L]] : !roast.list<i64>
// CHECK-NEXT:    roast.release %[[L]] : !roast.list<i64>
// CHECK-NEXT:    roast.return %[[L]] : !roast.list<i64>
// CHECK-LABEL: roast.func @main_make(
// CHECK:         %[[R:.*]] = roast.call @"make()"() : () -> !roast.list<i64>
// CHECK-NEXT:    %[[V:.*]] = roast.box %[[R]] : !roast.list<i64>
// CHECK-NEXT:    roast.release %[[R]] : !roast.list<i64>
roast.func @make() -> !roast.value {
  %c1 = arith.constant 1 : i64
  %l = roast.list_new %c1 : (i64) -> !roast.list<i64>
  %b = roast.box %l : !roast.list<i64>
  roast.release %l : !roast.list<i64>
  roast.return %b : !roast.value
}
roast.func @main_make() {
  %v = roast.call @make() : () -> !roast.value
  roast.print %v : !roast.value
  roast.release %v : !roast.value
  roast.return
}

// The sum of a nested loop: the inner loop's variable only ever gets op
// results (`e += x` before the inner loop, `e -= x` in it), so its type
// shows once the outer one's is assumed (`e = 0.0`); both are tried
// together and become floats.
// CHECK-LABEL: roast.func @nested_sum(
// CHECK:       ^{{bb[0-9]+}}(%{{.*}}: i64, %{{.*}}: f64):
// CHECK:       ^{{bb[0-9]+}}(%{{.*}}: i64, %{{.*}}: f64):
// CHECK-NOT:     roast.dyn
// CHECK:         roast.return
roast.func @nested_sum(%n: i64, %x: f64) -> !roast.value {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  %zero = arith.constant 0.0 : f64
  %e0 = roast.box %zero : f64
  cf.br ^outer(%c0, %e0 : i64, !roast.value)
^outer(%i: i64, %e: !roast.value):
  %more = arith.cmpi slt, %i, %n : i64
  cf.cond_br %more, ^enter, ^done
^enter:
  %bx0 = roast.box %x : f64
  %e2 = roast.dyn.binary add %e, %bx0
  cf.br ^inner(%c0, %e2 : i64, !roast.value)
^inner(%j: i64, %f: !roast.value):
  %again = arith.cmpi slt, %j, %n : i64
  cf.cond_br %again, ^body, ^next
^body:
  %bx = roast.box %x : f64
  %g = roast.dyn.binary sub %f, %bx
  %j1 = arith.addi %j, %c1 : i64
  cf.br ^inner(%j1, %g : i64, !roast.value)
^next:
  %i1 = arith.addi %i, %c1 : i64
  cf.br ^outer(%i1, %f : i64, !roast.value)
^done:
  roast.return %e : !roast.value
}

// A for loop over a boxed typed list walks the list itself, reading its
// items typed and boxing them (borrowed from the list, for references);
// the loop holds a reference to the list where it held the walked one.
// CHECK-LABEL: roast.func @walk_floats(
// CHECK-SAME:      %[[L:.*]]: !roast.list<f64>)
// CHECK-NOT:     roast.dyn.iter_list
// CHECK:         roast.retain %[[L]] : !roast.list<f64>
// CHECK:         roast.len %[[L]] : !roast.list<f64>
// CHECK:         %[[X:.*]] = roast.list_get %[[L]][%{{.*}}] : !roast.list<f64>
// CHECK:         roast.box %[[X]] : f64
// CHECK:         roast.release %[[L]] : !roast.list<f64>
roast.func @walk_floats(%l: !roast.list<f64>) {
  %v = roast.box borrowed %l : !roast.list<f64>
  %w = roast.dyn.iter_list %v : !roast.list<!roast.value>
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  cf.br ^head(%c0 : i64)
^head(%i: i64):
  %n = roast.len %w : !roast.list<!roast.value>
  %more = arith.cmpi slt, %i, %n : i64
  cf.cond_br %more, ^body, ^done
^body:
  %x = roast.list_get %w[%i] : !roast.list<!roast.value>
  roast.print %x : !roast.value
  %j = arith.addi %i, %c1 : i64
  cf.br ^head(%j : i64)
^done:
  roast.release %w : !roast.list<!roast.value>
  roast.return
}

// CHECK-LABEL: roast.func @walk_objects(
// CHECK:         %[[X:.*]] = roast.list_get %{{.*}}[%{{.*}}] : !roast.list<!roast.object<@Counter>>
// CHECK:         roast.box borrowed %[[X]] : !roast.object<@Counter>
roast.func @walk_objects(%l: !roast.list<!roast.object<@Counter>>) {
  %v = roast.box borrowed %l : !roast.list<!roast.object<@Counter>>
  %w = roast.dyn.iter_list %v : !roast.list<!roast.value>
  %c0 = arith.constant 0 : i64
  %x = roast.list_get %w[%c0] : !roast.list<!roast.value>
  roast.print %x : !roast.value
  roast.release %w : !roast.list<!roast.value>
  roast.return
}

// Must not fold: a list of tuples (boxing an item makes a new tuple, not
// a borrowed one), and a value not known to be a list.
// CHECK-LABEL: roast.func @walk_others(
// CHECK:         roast.dyn.iter_list
// CHECK:         roast.dyn.iter_list
roast.func @walk_others(%l: !roast.list<tuple<i64, i64>>, %u: !roast.value) {
  %v = roast.box borrowed %l : !roast.list<tuple<i64, i64>>
  %w = roast.dyn.iter_list %v : !roast.list<!roast.value>
  roast.release %w : !roast.list<!roast.value>
  %w2 = roast.dyn.iter_list %u : !roast.list<!roast.value>
  roast.release %w2 : !roast.list<!roast.value>
  roast.return
}

// A boxed int may be a heap box (beyond 48 bits): its counts stay while
// something else uses it, and go with it when they are all it has. A
// constant that fits 48 bits is boxed inline: its counts go.
// CHECK-LABEL: roast.func @int_boxes(
// CHECK:         %[[B:.*]] = roast.box %{{.*}} : i64
// CHECK-NEXT:    roast.print %[[B]] : !roast.value
// CHECK-NEXT:    roast.release %[[B]] : !roast.value
// CHECK-NEXT:    %[[K:.*]] = roast.box %{{.*}} : i64
// CHECK-NEXT:    roast.print %[[K]] : !roast.value
// CHECK-NEXT:    roast.return
roast.func @int_boxes(%n: i64, %m: i64) {
  %b = roast.box %n : i64
  roast.print %b : !roast.value
  roast.release %b : !roast.value
  %c7 = arith.constant 7 : i64
  %k = roast.box %c7 : i64
  roast.print %k : !roast.value
  roast.release %k : !roast.value
  %c = roast.box %m : i64
  roast.retain %c : !roast.value
  roast.release %c : !roast.value
  roast.release %c : !roast.value
  roast.return
}

// Unboxing a boxed int as a float is the exact widening roast.cast does
// (math.floor of a dynamic int takes that path on one side of a test the
// clone folds), so the box loses that use; a box left with only counts
// goes (an int beyond 48 bits is boxed on the heap). A bool unboxed as an
// int widens too; an int unboxed as a bool does not fold and keeps the box.
// CHECK-LABEL: roast.func @"widen(i64,i1)"(
// CHECK-SAME:    %[[I:.*]]: i64, %[[B:.*]]: i1)
// CHECK:         %[[BOX:.*]] = roast.box %[[I]] : i64
// CHECK:         roast.cast %[[I]] : i64 to f64
// CHECK:         roast.cast %[[B]] : i1 to i64
// CHECK:         roast.unbox %[[BOX]] : i1
roast.func @widen(%v: !roast.value, %w: !roast.value) -> f64 {
  roast.retain %v : !roast.value
  %f = roast.unbox %v : f64
  roast.release %v : !roast.value
  %i = roast.unbox %w : i64
  %g = roast.cast %i : i64 to f64
  %sum = arith.addf %f, %g : f64
  %t = roast.unbox %v : i1
  roast.return %sum : f64
}

roast.func @main_widen(%n: i64, %b: i1) -> f64 {
  %v = roast.box %n : i64
  %w = roast.box %b : i1
  %r = roast.call @widen(%v, %w) : (!roast.value, !roast.value) -> f64
  roast.return %r : f64
}

// An int parameter the clone still needs boxed (printed here) may be beyond
// 48 bits, boxed on the heap: the clone owns that box and releases it
// wherever it leaves. A float needs no release (its box owns nothing).
// CHECK-LABEL: roast.func @"show(i64,f64)"(
// CHECK-SAME:    %[[I:.*]]: i64, %[[F:.*]]: f64)
// CHECK-NEXT:    %[[BOX:.*]] = roast.box %[[I]] : i64
// CHECK-NEXT:    %[[FBOX:.*]] = roast.box %[[F]] : f64
// CHECK-NEXT:    roast.print %[[BOX]], %[[FBOX]]
// CHECK-NEXT:    roast.release %[[BOX]]
// CHECK-NEXT:    roast.return
roast.func @show(%v: !roast.value, %w: !roast.value) {
  roast.print %v, %w : !roast.value, !roast.value
  roast.return
}

roast.func @main_show(%n: i64, %x: f64) {
  %v = roast.box %n : i64
  %w = roast.box %x : f64
  roast.call @show(%v, %w) : (!roast.value, !roast.value) -> ()
  roast.return
}
