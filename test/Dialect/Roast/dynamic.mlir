// RUN: roast-opt %s | roast-opt | FileCheck %s
// RUN: roast-opt %s -canonicalize | FileCheck %s --check-prefix=FOLD
// Dynamic values (docs/rationale/dynamic-values.md): `!roast.value`, the
// box/unbox pair that joins it to typed values and every `roast.dyn.*` op
// survive a print/parse round trip; unbox(box(x)) folds to x for scalars.

// CHECK-LABEL: roast.func @types(
// CHECK-SAME:      %{{.*}}: !roast.value
// CHECK-SAME:      %{{.*}}: !roast.list<!roast.value>
// CHECK-SAME:      %{{.*}}: !roast.dict<!roast.value, !roast.value>
// CHECK-SAME:      %{{.*}}: tuple<i64, !roast.value>
// CHECK-SAME:      -> !roast.value
roast.func @types(%v: !roast.value, %l: !roast.list<!roast.value>,
                  %d: !roast.dict<!roast.value, !roast.value>,
                  %t: tuple<i64, !roast.value>) -> !roast.value {
  // CHECK: roast.retain %{{.*}} : !roast.value
  roast.retain %v : !roast.value
  // CHECK: roast.release %{{.*}} : !roast.value
  roast.release %v : !roast.value
  roast.return %v : !roast.value
}

// Every typed kind boxes, and unboxes back.
// CHECK-LABEL: roast.func @box_unbox(
roast.func @box_unbox(%i: i64, %f: f64, %b: i1, %s: !roast.str,
                      %l: !roast.list<i64>, %d: !roast.dict<!roast.str, f64>,
                      %st: !roast.set<i64>, %t: tuple<i64, !roast.str>,
                      %o: !roast.optional<!roast.str>,
                      %p: !roast.object<@Point>,
                      %c: !roast.callable<(i64) -> i64>) {
  // CHECK: %[[VI:.*]] = roast.box %{{.*}} : i64
  %vi = roast.box %i : i64
  // CHECK: roast.box %{{.*}} : f64
  %vf = roast.box %f : f64
  // CHECK: roast.box %{{.*}} : i1
  %vb = roast.box %b : i1
  // CHECK: %[[NONE:.*]] = roast.none
  // CHECK: roast.box %[[NONE]] : !roast.none
  %none = roast.none
  %vn = roast.box %none : !roast.none
  // CHECK: roast.box %{{.*}} : !roast.str
  %vs = roast.box %s : !roast.str
  // CHECK: roast.box %{{.*}} : !roast.list<i64>
  %vl = roast.box %l : !roast.list<i64>
  // CHECK: roast.box borrowed %{{.*}} : !roast.list<i64>
  %vlb = roast.box borrowed %l : !roast.list<i64>
  // CHECK: roast.box borrowed %{{.*}} : !roast.optional<!roast.str>
  %vob = roast.box borrowed %o : !roast.optional<!roast.str>
  // CHECK: roast.box %{{.*}} : !roast.dict<!roast.str, f64>
  %vd = roast.box %d : !roast.dict<!roast.str, f64>
  // CHECK: roast.box %{{.*}} : !roast.set<i64>
  %vst = roast.box %st : !roast.set<i64>
  // CHECK: roast.box %{{.*}} : tuple<i64, !roast.str>
  %vt = roast.box %t : tuple<i64, !roast.str>
  // CHECK: roast.box %{{.*}} : !roast.optional<!roast.str>
  %vo = roast.box %o : !roast.optional<!roast.str>
  // CHECK: roast.box %{{.*}} : !roast.object<@Point>
  %vp = roast.box %p : !roast.object<@Point>
  // CHECK: roast.box %{{.*}} : !roast.callable<(i64) -> i64>
  %vc = roast.box %c : !roast.callable<(i64) -> i64>

  // CHECK: roast.unbox %[[VI]] : i64
  %ui = roast.unbox %vi : i64
  // CHECK: roast.unbox %{{.*}} : f64
  %uf = roast.unbox %vf : f64
  // CHECK: roast.unbox %{{.*}} : i1
  %ub = roast.unbox %vb : i1
  // CHECK: roast.unbox %{{.*}} : !roast.none
  %un = roast.unbox %vn : !roast.none
  // CHECK: roast.unbox %{{.*}} : !roast.str
  %us = roast.unbox %vs : !roast.str
  // CHECK: roast.unbox %{{.*}} : !roast.list<f64>
  %ul = roast.unbox %vl : !roast.list<f64>
  // CHECK: roast.unbox %{{.*}} : !roast.dict<!roast.str, f64>
  %ud = roast.unbox %vd : !roast.dict<!roast.str, f64>
  // CHECK: roast.unbox %{{.*}} : tuple<i64, !roast.str>
  %ut = roast.unbox %vt : tuple<i64, !roast.str>
  // CHECK: roast.unbox %{{.*}} : !roast.optional<!roast.str>
  %uo = roast.unbox %vo : !roast.optional<!roast.str>
  // CHECK: roast.unbox %{{.*}} : !roast.object<@Point>
  %up = roast.unbox %vp : !roast.object<@Point>
  roast.return
}

// CHECK-LABEL: roast.func @operators(
roast.func @operators(%a: !roast.value, %b: !roast.value) -> !roast.value {
  // CHECK: roast.dyn.binary add %{{.*}}, %{{.*}}{{$}}
  %0 = roast.dyn.binary add %a, %b
  // CHECK: roast.dyn.binary sub
  %1 = roast.dyn.binary sub %a, %b
  // CHECK: roast.dyn.binary mul
  %2 = roast.dyn.binary mul %a, %b
  // CHECK: roast.dyn.binary truediv
  %3 = roast.dyn.binary truediv %a, %b
  // CHECK: roast.dyn.binary floordiv
  %4 = roast.dyn.binary floordiv %a, %b
  // CHECK: roast.dyn.binary mod
  %5 = roast.dyn.binary mod %a, %b
  // CHECK: roast.dyn.binary pow
  %6 = roast.dyn.binary pow %a, %b
  // CHECK: roast.dyn.binary lshift
  %7 = roast.dyn.binary lshift %a, %b
  // CHECK: roast.dyn.binary rshift
  %8 = roast.dyn.binary rshift %a, %b
  // CHECK: roast.dyn.binary and
  %9 = roast.dyn.binary and %a, %b
  // CHECK: roast.dyn.binary or
  %10 = roast.dyn.binary or %a, %b
  // CHECK: roast.dyn.binary xor
  %11 = roast.dyn.binary xor %a, %b
  // `a += b`: the in-place form.
  // CHECK: roast.dyn.binary add %{{.*}}, %{{.*}} {inplace}
  %12 = roast.dyn.binary add %a, %b {inplace}
  // CHECK: roast.dyn.unary neg %{{.*}}
  %13 = roast.dyn.unary neg %a
  // CHECK: roast.dyn.unary pos
  %14 = roast.dyn.unary pos %a
  // CHECK: roast.dyn.unary invert
  %15 = roast.dyn.unary invert %a
  // CHECK: roast.dyn.compare lt, %{{.*}}, %{{.*}}
  %16 = roast.dyn.compare lt, %a, %b
  // CHECK: roast.dyn.compare le,
  %17 = roast.dyn.compare le, %a, %b
  // CHECK: roast.dyn.compare eq,
  %18 = roast.dyn.compare eq, %a, %b
  // CHECK: roast.dyn.compare ne,
  %19 = roast.dyn.compare ne, %a, %b
  // CHECK: roast.dyn.compare gt,
  %20 = roast.dyn.compare gt, %a, %b
  // CHECK: roast.dyn.compare ge,
  %21 = roast.dyn.compare ge, %a, %b
  // CHECK: roast.dyn.truth %{{.*}}
  %22 = roast.dyn.truth %16
  // CHECK: roast.dyn.contains %{{.*}} in %{{.*}}
  %23 = roast.dyn.contains %a in %b
  // CHECK: roast.dyn.len %{{.*}}
  %24 = roast.dyn.len %b
  roast.return %0 : !roast.value
}

// CHECK-LABEL: roast.func @subscripts(
roast.func @subscripts(%v: !roast.value, %k: !roast.value, %x: !roast.value) {
  // CHECK: roast.dyn.getitem %{{.*}}[%{{.*}}]
  %0 = roast.dyn.getitem %v[%k]
  // CHECK: roast.dyn.setitem %{{.*}}[%{{.*}}] = %{{.*}}
  roast.dyn.setitem %v[%k] = %x
  // CHECK: roast.dyn.delitem %{{.*}}[%{{.*}}]
  roast.dyn.delitem %v[%k]
  // CHECK: roast.dyn.getslice %{{.*}}[%{{.*}} : %{{.*}} : %{{.*}}]
  %none = roast.none
  %n = roast.box %none : !roast.none
  %1 = roast.dyn.getslice %v[%k : %n : %n]
  roast.return
}

// CHECK-LABEL: roast.func @iteration(
roast.func @iteration(%v: !roast.value) {
  // CHECK: %[[IT:.*]] = roast.dyn.iter %{{.*}}
  %it = roast.dyn.iter %v
  cf.br ^loop
^loop:
  // CHECK: %{{.*}}, %{{.*}} = roast.dyn.next %[[IT]]
  %more, %item = roast.dyn.next %it
  cf.cond_br %more, ^body, ^done
^body:
  roast.print %item : !roast.value
  cf.br ^loop
^done:
  roast.release %it : !roast.value
  roast.return
}

// CHECK-LABEL: roast.func @iter_list(
roast.func @iter_list(%v: !roast.value) -> i64 {
  // CHECK: %[[L:.*]] = roast.dyn.iter_list %{{.*}} : !roast.list<!roast.value>
  %l = roast.dyn.iter_list %v : !roast.list<!roast.value>
  // CHECK: roast.len %[[L]]
  %n = roast.len %l : !roast.list<!roast.value>
  roast.release %l : !roast.list<!roast.value>
  roast.return %n : i64
}

// CHECK-LABEL: roast.func @members(
roast.func @members(%v: !roast.value, %x: !roast.value) -> !roast.value {
  // CHECK: roast.dyn.getattr %{{.*}} "x"
  %0 = roast.dyn.getattr %v "x"
  // CHECK: roast.dyn.setattr %{{.*}} "x" = %{{.*}}
  roast.dyn.setattr %v "x" = %x
  // CHECK: roast.dyn.call_method %{{.*}} "append"(%{{.*}})
  %1 = roast.dyn.call_method %v "append"(%x)
  // CHECK: roast.dyn.call_method %{{.*}} "upper"(){{$}}
  %2 = roast.dyn.call_method %v "upper"()
  // CHECK: roast.dyn.call %{{.*}}(%{{.*}}, %{{.*}})
  %3 = roast.dyn.call %v(%x, %0)
  // CHECK: roast.dyn.call %{{.*}}(){{$}}
  %4 = roast.dyn.call %v()
  roast.return %3 : !roast.value
}

// Built-ins as values, and isinstance on dynamic values.
// CHECK-LABEL: roast.func @builtins(
roast.func @builtins(%v: !roast.value) -> i1 {
  // CHECK: roast.builtin_value abs
  %0 = roast.builtin_value abs
  // CHECK: roast.builtin_value len
  %1 = roast.builtin_value len
  // CHECK: roast.builtin_value str
  %2 = roast.builtin_value str
  // CHECK: roast.builtin_value repr
  %3 = roast.builtin_value repr
  // CHECK: roast.builtin_value int
  %4 = roast.builtin_value int
  // CHECK: roast.builtin_value float
  %5 = roast.builtin_value float
  // CHECK: roast.builtin_value bool
  %6 = roast.builtin_value bool
  // CHECK: roast.builtin_value list
  %7 = roast.builtin_value list
  // CHECK: roast.builtin_value tuple
  %8 = roast.builtin_value tuple
  // CHECK: roast.builtin_value set
  %9 = roast.builtin_value set
  // CHECK: roast.builtin_value dict
  %10 = roast.builtin_value dict
  // CHECK: roast.builtin_value sorted
  %11 = roast.builtin_value sorted
  // CHECK: roast.builtin_value min
  %12 = roast.builtin_value min
  // CHECK: roast.builtin_value max
  %13 = roast.builtin_value max
  // CHECK: roast.builtin_value sum
  %14 = roast.builtin_value sum
  // CHECK: roast.builtin_value ord
  %15 = roast.builtin_value ord
  // CHECK: roast.builtin_value chr
  %16 = roast.builtin_value chr
  // CHECK: roast.builtin_value hash
  %17 = roast.builtin_value hash
  // CHECK: roast.builtin_value type
  %18 = roast.builtin_value type
  // CHECK: roast.builtin_value round
  %19 = roast.builtin_value round
  // CHECK: roast.dyn.isinstance %{{.*}}, none
  %20 = roast.dyn.isinstance %v, none
  // CHECK: roast.dyn.isinstance %{{.*}}, int
  %21 = roast.dyn.isinstance %v, int
  // CHECK: roast.dyn.isinstance %{{.*}}, float
  %22 = roast.dyn.isinstance %v, float
  // CHECK: roast.dyn.isinstance %{{.*}}, bool
  %23 = roast.dyn.isinstance %v, bool
  // CHECK: roast.dyn.isinstance %{{.*}}, str
  %24 = roast.dyn.isinstance %v, str
  // CHECK: roast.dyn.isinstance %{{.*}}, list
  %25 = roast.dyn.isinstance %v, list
  // CHECK: roast.dyn.isinstance %{{.*}}, tuple
  %26 = roast.dyn.isinstance %v, tuple
  // CHECK: roast.dyn.isinstance %{{.*}}, set
  %27 = roast.dyn.isinstance %v, set
  // CHECK: roast.dyn.isinstance %{{.*}}, dict
  %28 = roast.dyn.isinstance %v, dict
  // CHECK: roast.isinstance %{{.*}}, @Point : !roast.value
  %29 = roast.isinstance %v, @Point : !roast.value
  roast.return %29 : i1
}

// A class's member table and call entry.
// CHECK: roast.class @Point {call = {entry = @"Point.__call__.<dyn>", max = 2 : i32, min = 1 : i32, name = "__call__"}, field_types = [i64, !roast.value], fields = ["x", "tag"], members = [{field = "x", get = @"Point.<dyn-get>.x", kind = 1 : i32, name = "x", set = @"Point.<dyn-set>.x"}, {field = "tag", kind = 1 : i32, name = "tag"}, {call = {entry = @"Point.__call__.<dyn>", max = 2 : i32, min = 1 : i32, name = "__call__"}, kind = 2 : i32, name = "__call__"}], methods = [@Point.__call__]}
roast.class @Point {fields = ["x", "tag"], field_types = [i64, !roast.value],
                    methods = [@Point.__call__],
                    members = [{name = "x", kind = 1 : i32, field = "x",
                                get = @"Point.<dyn-get>.x",
                                set = @"Point.<dyn-set>.x"},
                               {name = "tag", kind = 1 : i32, field = "tag"},
                               {name = "__call__", kind = 2 : i32,
                                call = {name = "__call__", min = 1 : i32,
                                        max = 2 : i32,
                                        entry = @"Point.__call__.<dyn>"}}],
                    call = {name = "__call__", min = 1 : i32, max = 2 : i32,
                            entry = @"Point.__call__.<dyn>"}}

roast.func @Point.__call__(%self: !roast.object<@Point>) -> i64 {
  %x = roast.get_field %self["x"] : !roast.object<@Point> -> i64
  roast.return %x : i64
}

roast.func @"Point.<dyn-get>.x"(%self: !roast.value) -> !roast.value {
  roast.return %self : !roast.value
}

roast.func @"Point.<dyn-set>.x"(%self: !roast.value, %x: !roast.value) {
  roast.return
}

roast.func @"Point.__call__.<dyn>"(%self: !roast.object<@Point>, %argc: i64,
                                   %a0: !roast.value) -> !roast.value {
  %r = roast.call @Point.__call__(%self) : (!roast.object<@Point>) -> i64
  %v = roast.box %r : i64
  roast.return %v : !roast.value
}

// unbox(box(x)) is x for numbers and bools: nothing to count. (The boxes
// stay: the op is not Pure, as boxing an object retains it.)
// FOLD-LABEL: roast.func @fold_scalars(
// FOLD-NOT:     roast.unbox
// FOLD:         roast.return %arg0, %arg1, %arg2 : i64, f64, i1
roast.func @fold_scalars(%i: i64, %f: f64, %b: i1) -> (i64, f64, i1) {
  %vi = roast.box %i : i64
  %ui = roast.unbox %vi : i64
  %vf = roast.box %f : f64
  %uf = roast.unbox %vf : f64
  %vb = roast.box %b : i1
  %ub = roast.unbox %vb : i1
  roast.return %ui, %uf, %ub : i64, f64, i1
}

// Objects do not fold: the box retains (a new reference the value owns)
// and the unbox makes another new reference, and the code around them
// releases each; folding to %s would drop two references the releases
// still count on.
// FOLD-LABEL: roast.func @no_fold_objects(
// FOLD:         %[[V:.*]] = roast.box %arg0 : !roast.str
// FOLD:         %[[U:.*]] = roast.unbox %[[V]] : !roast.str
// FOLD:         roast.release %[[V]] : !roast.value
// FOLD:         roast.return %[[U]] : !roast.str
roast.func @no_fold_objects(%s: !roast.str) -> !roast.str {
  %v = roast.box %s : !roast.str
  %u = roast.unbox %v : !roast.str
  roast.release %v : !roast.value
  roast.return %u : !roast.str
}

// Only the same type folds: an int boxed and unboxed as a float is a
// conversion the runtime makes.
// FOLD-LABEL: roast.func @no_fold_other_type(
// FOLD:         roast.box %arg0 : i64
// FOLD:         roast.unbox %{{.*}} : f64
roast.func @no_fold_other_type(%i: i64) -> f64 {
  %v = roast.box %i : i64
  %f = roast.unbox %v : f64
  roast.return %f : f64
}
