// RUN: roast-opt %s | roast-opt | FileCheck %s
// Inline caches (docs/rationale/dynamic-values.md, "Inline caches"): the
// roast.inline_cache symbol and the `cache` of the dynamic attribute and
// method ops survive a print/parse round trip.

// CHECK: roast.inline_cache @ic0 : field "x"
// CHECK: roast.inline_cache @ic1 : method "move"(2)
// CHECK: roast.inline_cache @ic2 : method "reset"(0)
roast.inline_cache @ic0 : field "x"
roast.inline_cache @ic1 : method "move"(2)
roast.inline_cache @ic2 : method "reset"(0)

// CHECK-LABEL: roast.func @cached(
// CHECK:         %{{.*}} = roast.dyn.getattr %{{.*}} "x" cache @ic0
// CHECK:         roast.dyn.setattr %{{.*}} "x" = %{{.*}} cache @ic0
// CHECK:         %{{.*}} = roast.dyn.call_method %{{.*}} "move"(%{{.*}}, %{{.*}}) cache @ic1
// CHECK:         %{{.*}} = roast.dyn.call_method %{{.*}} "reset"() cache @ic2
// CHECK:         %{{.*}} = roast.dyn.getattr %{{.*}} "x"{{$}}
roast.func @cached(%v: !roast.value, %a: !roast.value) {
  %x = roast.dyn.getattr %v "x" cache @ic0
  roast.dyn.setattr %v "x" = %a cache @ic0
  %m = roast.dyn.call_method %v "move"(%a, %a) cache @ic1
  %r = roast.dyn.call_method %v "reset"() cache @ic2
  %u = roast.dyn.getattr %v "x"
  roast.return
}
