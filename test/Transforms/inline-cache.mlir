// RUN: roast-opt %s --roast-inline-cache -split-input-file | FileCheck %s
// roast-inline-cache: attribute and method sites on dynamic receivers get a
// cache of their own when some class has a member the cache can hold under
// that name (a !roast.value field; a method whose call passes every
// parameter); the others keep the plain runtime call.

roast.class @m.A {fields = ["x", "n"], field_types = [!roast.value, i64],
  methods = [@m.A.get],
  members = [{name = "x", kind = 1 : i32, field = "x"},
             {name = "n", kind = 1 : i32, field = "n"},
             {name = "get", kind = 2 : i32,
              call = {name = "A.get", entry = @"m.A.get.<dyn>",
                      min = 2 : i32, max = 2 : i32}},
             {name = "scaled", kind = 2 : i32,
              call = {name = "A.scaled", entry = @"m.A.get.<dyn>",
                      min = 1 : i32, max = 2 : i32}}]}
roast.func @m.A.get(%self: !roast.object<@m.A>, %k: !roast.value) -> !roast.value {
  roast.return %k : !roast.value
}
roast.func @"m.A.get.<dyn>"(%c: !roast.none, %argc: i64, %self: !roast.value,
                            %k: !roast.value) -> !roast.value {
  roast.return %k : !roast.value
}

// Each site gets its own cache, declared before its function.
// CHECK:       roast.inline_cache @ic0 : field "x"
// CHECK-NEXT:  roast.inline_cache @ic1 : field "x"
// CHECK-NEXT:  roast.inline_cache @ic2 : method "get"(1)
// CHECK-NEXT:  roast.inline_cache @ic3 : method "scaled"(1)
// CHECK-LABEL: roast.func @m.use(
// CHECK:         roast.dyn.getattr %{{.*}} "x" cache @ic0
// CHECK:         roast.dyn.setattr %{{.*}} "x" = %{{.*}} cache @ic1
// CHECK:         roast.dyn.call_method %{{.*}} "get"(%{{.*}}) cache @ic2
// CHECK:         roast.dyn.call_method %{{.*}} "scaled"(%{{.*}}) cache @ic3
roast.func @m.use(%o: !roast.value, %k: !roast.value) -> !roast.value {
  %x = roast.dyn.getattr %o "x"
  roast.dyn.setattr %o "x" = %k
  %r = roast.dyn.call_method %o "get"(%k)
  %s = roast.dyn.call_method %o "scaled"(%k)
  roast.return %r : !roast.value
}

// Negative cases: a typed field ("n": boxing and converting stay in the
// runtime), a method call leaving a parameter to its default (the entry
// would fill it in from argc) or passing too few or too many (arity
// errors), names only
// built-in types have, a receiver that is a box of a typed value, and
// typed receivers, whose ops are not dynamic at all.
// CHECK-NOT:   roast.inline_cache
// CHECK-LABEL: roast.func @m.uncached(
// CHECK:         roast.dyn.getattr %{{.*}} "n"{{$}}
// CHECK:         roast.dyn.setattr %{{.*}} "n" = %{{.*}}{{$}}
// CHECK:         roast.dyn.call_method %{{.*}} "scaled"(){{$}}
// CHECK:         roast.dyn.call_method %{{.*}} "get"(){{$}}
// CHECK:         roast.dyn.call_method %{{.*}} "get"(%{{.*}}, %{{.*}}){{$}}
// CHECK:         roast.dyn.call_method %{{.*}} "append"(%{{.*}}){{$}}
// CHECK:         roast.dyn.call_method %{{.*}} "upper"(){{$}}
// CHECK:         roast.dyn.getattr %{{.*}} "y"{{$}}
// CHECK:         roast.dyn.getattr %{{.*}} "x"{{$}}
// CHECK:         roast.dyn.call_method %{{.*}} "get"(%{{.*}}){{$}}
// CHECK:         roast.get_field %{{.*}}["x"]
// CHECK:         roast.method_call %{{.*}}, "get"(%{{.*}})
roast.func @m.uncached(%o: !roast.value, %k: !roast.value,
                       %a: !roast.object<@m.A>) {
  %n = roast.dyn.getattr %o "n"
  roast.dyn.setattr %o "n" = %k
  %s0 = roast.dyn.call_method %o "scaled"()
  %g0 = roast.dyn.call_method %o "get"()
  %g2 = roast.dyn.call_method %o "get"(%k, %k)
  %ap = roast.dyn.call_method %o "append"(%k)
  %up = roast.dyn.call_method %o "upper"()
  %y = roast.dyn.getattr %o "y"
  %boxed = roast.box %a : !roast.object<@m.A>
  %bx = roast.dyn.getattr %boxed "x"
  %bg = roast.dyn.call_method %boxed "get"(%k)
  %tx = roast.get_field %a["x"] : !roast.object<@m.A> -> !roast.value
  %tg = roast.method_call %a, "get"(%k) : (!roast.object<@m.A>, !roast.value) -> !roast.value
  roast.return
}

// -----

// A site that already has a cache keeps it (running the pass twice adds
// nothing), and a new cache's name avoids the module's symbols.
roast.class @m.B {fields = ["x"], field_types = [!roast.value], methods = [],
  members = [{name = "x", kind = 1 : i32, field = "x"}]}
roast.inline_cache @ic0 : field "x"

// CHECK-LABEL: roast.inline_cache @ic0 : field "x"
// CHECK:       roast.inline_cache @ic1 : field "x"
// CHECK-LABEL: roast.func @m.again(
// CHECK:         roast.dyn.getattr %{{.*}} "x" cache @ic0
// CHECK:         roast.dyn.getattr %{{.*}} "x" cache @ic1
roast.func @m.again(%o: !roast.value) {
  %a = roast.dyn.getattr %o "x" cache @ic0
  %b = roast.dyn.getattr %o "x"
  roast.return
}

// -----

// A float field is read inline (its double is the value) but written by
// the runtime, which converts: a read site gets a cache, a store does not.
// CHECK:       roast.inline_cache @ic0 : field "w"
// CHECK-NOT:   roast.inline_cache
// CHECK-LABEL: roast.func @m.weigh(
// CHECK:         roast.dyn.getattr %{{.*}} "w" cache @ic0
// CHECK:         roast.dyn.setattr %{{.*}} "w" = %{{.*}}{{$}}
roast.class @m.W {fields = ["w"], field_types = [f64], methods = [],
  members = [{name = "w", kind = 1 : i32, field = "w"}]}
roast.func @m.weigh(%o: !roast.value) -> !roast.value {
  %w = roast.dyn.getattr %o "w"
  roast.dyn.setattr %o "w" = %w
  roast.return %w : !roast.value
}
