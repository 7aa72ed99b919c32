// RUN: roast-opt %s | roast-opt | FileCheck %s
// The dict and set ops and types survive a print/parse round trip in their
// custom syntax; keys, values and elements may be any type, tuples and
// containers included.

// CHECK-LABEL: roast.func @types(
// CHECK-SAME:      %{{.*}}: !roast.dict<!roast.str, i64>
// CHECK-SAME:      %{{.*}}: !roast.dict<tuple<i64, !roast.str>, !roast.list<f64>>
// CHECK-SAME:      %{{.*}}: !roast.dict<i64, !roast.dict<!roast.str, !roast.set<i1>>>
// CHECK-SAME:      %{{.*}}: !roast.set<tuple<i64, tuple<f64, !roast.none>>>
// CHECK-SAME:      %{{.*}}: !roast.ref<!roast.set<!roast.str>>)
// CHECK-SAME:      -> !roast.list<tuple<i64, i64>>
roast.func @types(%a: !roast.dict<!roast.str, i64>,
                  %b: !roast.dict<tuple<i64, !roast.str>, !roast.list<f64>>,
                  %c: !roast.dict<i64, !roast.dict<!roast.str, !roast.set<i1>>>,
                  %d: !roast.set<tuple<i64, tuple<f64, !roast.none>>>,
                  %e: !roast.ref<!roast.set<!roast.str>>)
    -> !roast.list<tuple<i64, i64>> {
  // CHECK: %[[L:.*]] = roast.null : !roast.list<tuple<i64, i64>>
  %l = roast.null : !roast.list<tuple<i64, i64>>
  // CHECK: roast.null : !roast.dict<!roast.str, i64>
  %0 = roast.null : !roast.dict<!roast.str, i64>
  // CHECK: roast.null : !roast.set<f64>
  %1 = roast.null : !roast.set<f64>
  // CHECK: roast.return %[[L]] : !roast.list<tuple<i64, i64>>
  roast.return %l : !roast.list<tuple<i64, i64>>
}

// CHECK-LABEL: roast.func @dicts(
// CHECK-SAME:      %[[D:[^:]*]]: !roast.dict<!roast.str, i64>, %[[K:[^:]*]]: !roast.str, %[[V:[^:]*]]: i64
roast.func @dicts(%d: !roast.dict<!roast.str, i64>, %k: !roast.str, %v: i64) {
  // CHECK: %[[NEW:.*]] = roast.dict_new : !roast.dict<!roast.str, i64>
  %new = roast.dict_new : !roast.dict<!roast.str, i64>
  // CHECK: roast.dict_set %[[NEW]][%[[K]]], %[[V]] : !roast.dict<!roast.str, i64>
  roast.dict_set %new[%k], %v : !roast.dict<!roast.str, i64>
  // CHECK: roast.dict_get %[[D]][%[[K]]] : !roast.dict<!roast.str, i64>
  %0 = roast.dict_get %d[%k] : !roast.dict<!roast.str, i64>
  // CHECK: roast.dict_get_or %[[D]][%[[K]]], %[[V]] : !roast.dict<!roast.str, i64>
  %1 = roast.dict_get_or %d[%k], %v : !roast.dict<!roast.str, i64>
  // CHECK: roast.dict_contains %[[K]], %[[D]] : !roast.dict<!roast.str, i64>
  %2 = roast.dict_contains %k, %d : !roast.dict<!roast.str, i64>
  // CHECK: roast.dict_method pop(%[[D]], %[[K]]) : (!roast.dict<!roast.str, i64>, !roast.str) -> i64
  %3 = roast.dict_method pop(%d, %k) : (!roast.dict<!roast.str, i64>, !roast.str) -> i64
  // CHECK: roast.dict_method pop_default(%[[D]], %[[K]], %[[V]]) : (!roast.dict<!roast.str, i64>, !roast.str, i64) -> i64
  %4 = roast.dict_method pop_default(%d, %k, %v) : (!roast.dict<!roast.str, i64>, !roast.str, i64) -> i64
  // CHECK: roast.dict_method setdefault(%[[D]], %[[K]], %[[V]]) : (!roast.dict<!roast.str, i64>, !roast.str, i64) -> i64
  %5 = roast.dict_method setdefault(%d, %k, %v) : (!roast.dict<!roast.str, i64>, !roast.str, i64) -> i64
  // CHECK: roast.dict_method update(%[[D]], %[[NEW]]) : (!roast.dict<!roast.str, i64>, !roast.dict<!roast.str, i64>) -> ()
  roast.dict_method update(%d, %new) : (!roast.dict<!roast.str, i64>, !roast.dict<!roast.str, i64>) -> ()
  // CHECK: roast.dict_method clear(%[[NEW]]) : (!roast.dict<!roast.str, i64>) -> ()
  roast.dict_method clear(%new) : (!roast.dict<!roast.str, i64>) -> ()
  // CHECK: roast.dict_method copy(%[[D]]) : (!roast.dict<!roast.str, i64>) -> !roast.dict<!roast.str, i64>
  %6 = roast.dict_method copy(%d) : (!roast.dict<!roast.str, i64>) -> !roast.dict<!roast.str, i64>
  // CHECK: roast.dict_method keys(%[[D]]) : (!roast.dict<!roast.str, i64>) -> !roast.list<!roast.str>
  %7 = roast.dict_method keys(%d) : (!roast.dict<!roast.str, i64>) -> !roast.list<!roast.str>
  // CHECK: roast.dict_method values(%[[D]]) : (!roast.dict<!roast.str, i64>) -> !roast.list<i64>
  %8 = roast.dict_method values(%d) : (!roast.dict<!roast.str, i64>) -> !roast.list<i64>
  // CHECK: roast.dict_method items(%[[D]]) : (!roast.dict<!roast.str, i64>) -> !roast.list<tuple<!roast.str, i64>>
  %9 = roast.dict_method items(%d) : (!roast.dict<!roast.str, i64>) -> !roast.list<tuple<!roast.str, i64>>
  // CHECK: roast.dict_method del(%[[D]], %[[K]]) : (!roast.dict<!roast.str, i64>, !roast.str) -> ()
  roast.dict_method del(%d, %k) : (!roast.dict<!roast.str, i64>, !roast.str) -> ()
  // Dicts are compared, measured, printed and converted like lists.
  // CHECK: roast.cmp eq, %[[D]], %[[NEW]] : !roast.dict<!roast.str, i64>
  %10 = roast.cmp eq, %d, %new : !roast.dict<!roast.str, i64>
  // CHECK: roast.cmp ne, %[[D]], %[[NEW]] : !roast.dict<!roast.str, i64>
  %11 = roast.cmp ne, %d, %new : !roast.dict<!roast.str, i64>
  // CHECK: roast.len %[[D]] : !roast.dict<!roast.str, i64>
  %12 = roast.len %d : !roast.dict<!roast.str, i64>
  // CHECK: roast.repr %[[D]] : !roast.dict<!roast.str, i64>
  %13 = roast.repr %d : !roast.dict<!roast.str, i64>
  // CHECK: roast.cast %[[D]] : !roast.dict<!roast.str, i64> to !roast.str
  %14 = roast.cast %d : !roast.dict<!roast.str, i64> to !roast.str
  // CHECK: roast.print %[[D]] : !roast.dict<!roast.str, i64>
  roast.print %d : !roast.dict<!roast.str, i64>
  // CHECK: roast.retain %[[NEW]] : !roast.dict<!roast.str, i64>
  roast.retain %new : !roast.dict<!roast.str, i64>
  // CHECK: roast.release %[[NEW]] : !roast.dict<!roast.str, i64>
  roast.release %new : !roast.dict<!roast.str, i64>
  roast.return
}

// Tuple keys and container values use the same ops.
// CHECK-LABEL: roast.func @tuple_keys(
roast.func @tuple_keys(%d: !roast.dict<tuple<i64, i64>, !roast.list<!roast.str>>,
                       %k: tuple<i64, i64>, %v: !roast.list<!roast.str>) -> !roast.list<!roast.str> {
  // CHECK: roast.dict_set %{{.*}}[%{{.*}}], %{{.*}} : !roast.dict<tuple<i64, i64>, !roast.list<!roast.str>>
  roast.dict_set %d[%k], %v : !roast.dict<tuple<i64, i64>, !roast.list<!roast.str>>
  // CHECK: roast.dict_get %{{.*}}[%{{.*}}] : !roast.dict<tuple<i64, i64>, !roast.list<!roast.str>>
  %0 = roast.dict_get %d[%k] : !roast.dict<tuple<i64, i64>, !roast.list<!roast.str>>
  // CHECK: roast.dict_method items(%{{.*}}) : (!roast.dict<tuple<i64, i64>, !roast.list<!roast.str>>) -> !roast.list<tuple<tuple<i64, i64>, !roast.list<!roast.str>>>
  %1 = roast.dict_method items(%d) : (!roast.dict<tuple<i64, i64>, !roast.list<!roast.str>>) -> !roast.list<tuple<tuple<i64, i64>, !roast.list<!roast.str>>>
  roast.return %0 : !roast.list<!roast.str>
}

// CHECK-LABEL: roast.func @sets(
// CHECK-SAME:      %[[A:[^:]*]]: !roast.set<i64>, %[[B:[^:]*]]: !roast.set<i64>, %[[X:[^:]*]]: i64, %[[L:[^:]*]]: !roast.list<i64>
roast.func @sets(%a: !roast.set<i64>, %b: !roast.set<i64>, %x: i64, %l: !roast.list<i64>) {
  // CHECK: roast.set_new : !roast.set<i64>
  %0 = roast.set_new : !roast.set<i64>
  // set(list): the optional list's group ends in `->`, then the result
  // type follows the usual `:`.
  // CHECK: roast.set_new %[[L]] : !roast.list<i64> -> : !roast.set<i64>
  %1 = roast.set_new %l : !roast.list<i64> -> : !roast.set<i64>
  // CHECK: roast.set_contains %[[X]], %[[A]] : !roast.set<i64>
  %2 = roast.set_contains %x, %a : !roast.set<i64>
  // CHECK: roast.set_method add(%[[A]], %[[X]]) : (!roast.set<i64>, i64) -> ()
  roast.set_method add(%a, %x) : (!roast.set<i64>, i64) -> ()
  // CHECK: roast.set_method remove(%[[A]], %[[X]]) : (!roast.set<i64>, i64) -> ()
  roast.set_method remove(%a, %x) : (!roast.set<i64>, i64) -> ()
  // CHECK: roast.set_method discard(%[[A]], %[[X]]) : (!roast.set<i64>, i64) -> ()
  roast.set_method discard(%a, %x) : (!roast.set<i64>, i64) -> ()
  // CHECK: roast.set_method pop(%[[A]]) : (!roast.set<i64>) -> i64
  %3 = roast.set_method pop(%a) : (!roast.set<i64>) -> i64
  // CHECK: roast.set_method clear(%[[A]]) : (!roast.set<i64>) -> ()
  roast.set_method clear(%a) : (!roast.set<i64>) -> ()
  // CHECK: roast.set_method copy(%[[A]]) : (!roast.set<i64>) -> !roast.set<i64>
  %4 = roast.set_method copy(%a) : (!roast.set<i64>) -> !roast.set<i64>
  // The `union` case is spelled without the C++ enumerator's underscore.
  // CHECK: roast.set_method union(%[[A]], %[[B]]) : (!roast.set<i64>, !roast.set<i64>) -> !roast.set<i64>
  %5 = roast.set_method union(%a, %b) : (!roast.set<i64>, !roast.set<i64>) -> !roast.set<i64>
  // CHECK: roast.set_method intersection(%[[A]], %[[B]]) : (!roast.set<i64>, !roast.set<i64>) -> !roast.set<i64>
  %6 = roast.set_method intersection(%a, %b) : (!roast.set<i64>, !roast.set<i64>) -> !roast.set<i64>
  // CHECK: roast.set_method difference(%[[A]], %[[B]]) : (!roast.set<i64>, !roast.set<i64>) -> !roast.set<i64>
  %7 = roast.set_method difference(%a, %b) : (!roast.set<i64>, !roast.set<i64>) -> !roast.set<i64>
  // CHECK: roast.set_method symmetric_difference(%[[A]], %[[B]]) : (!roast.set<i64>, !roast.set<i64>) -> !roast.set<i64>
  %8 = roast.set_method symmetric_difference(%a, %b) : (!roast.set<i64>, !roast.set<i64>) -> !roast.set<i64>
  // CHECK: roast.set_method update(%[[A]], %[[B]]) : (!roast.set<i64>, !roast.set<i64>) -> ()
  roast.set_method update(%a, %b) : (!roast.set<i64>, !roast.set<i64>) -> ()
  // CHECK: roast.set_method intersection_update(%[[A]], %[[B]]) : (!roast.set<i64>, !roast.set<i64>) -> ()
  roast.set_method intersection_update(%a, %b) : (!roast.set<i64>, !roast.set<i64>) -> ()
  // CHECK: roast.set_method difference_update(%[[A]], %[[B]]) : (!roast.set<i64>, !roast.set<i64>) -> ()
  roast.set_method difference_update(%a, %b) : (!roast.set<i64>, !roast.set<i64>) -> ()
  // CHECK: roast.set_method issubset(%[[A]], %[[B]]) : (!roast.set<i64>, !roast.set<i64>) -> i1
  %9 = roast.set_method issubset(%a, %b) : (!roast.set<i64>, !roast.set<i64>) -> i1
  // CHECK: roast.set_method issuperset(%[[A]], %[[B]]) : (!roast.set<i64>, !roast.set<i64>) -> i1
  %10 = roast.set_method issuperset(%a, %b) : (!roast.set<i64>, !roast.set<i64>) -> i1
  // CHECK: roast.set_method to_list(%[[A]]) : (!roast.set<i64>) -> !roast.list<i64>
  %11 = roast.set_method to_list(%a) : (!roast.set<i64>) -> !roast.list<i64>
  // CHECK: roast.cmp le, %[[A]], %[[B]] : !roast.set<i64>
  %12 = roast.cmp le, %a, %b : !roast.set<i64>
  // CHECK: roast.cmp gt, %[[A]], %[[B]] : !roast.set<i64>
  %13 = roast.cmp gt, %a, %b : !roast.set<i64>
  // CHECK: roast.len %[[A]] : !roast.set<i64>
  %14 = roast.len %a : !roast.set<i64>
  // CHECK: roast.cast %[[A]] : !roast.set<i64> to !roast.str
  %15 = roast.cast %a : !roast.set<i64> to !roast.str
  // CHECK: roast.print %[[A]] : !roast.set<i64>
  roast.print %a : !roast.set<i64>
  // CHECK: roast.retain %[[A]] : !roast.set<i64>
  roast.retain %a : !roast.set<i64>
  // CHECK: roast.release %[[A]] : !roast.set<i64>
  roast.release %a : !roast.set<i64>
  roast.return
}

// CHECK-LABEL: roast.func @tuple_elements(
roast.func @tuple_elements(%s: !roast.set<tuple<!roast.str, i64>>, %t: tuple<!roast.str, i64>) -> i1 {
  // CHECK: roast.set_method add(%{{.*}}, %{{.*}}) : (!roast.set<tuple<!roast.str, i64>>, tuple<!roast.str, i64>) -> ()
  roast.set_method add(%s, %t) : (!roast.set<tuple<!roast.str, i64>>, tuple<!roast.str, i64>) -> ()
  // CHECK: roast.set_contains %{{.*}}, %{{.*}} : !roast.set<tuple<!roast.str, i64>>
  %0 = roast.set_contains %t, %s : !roast.set<tuple<!roast.str, i64>>
  roast.return %0 : i1
}

// sort(key=) in its two shapes: boxed (key, index) pairs, or int keys.
// CHECK-LABEL: roast.func @sort_by_key(
roast.func @sort_by_key(%l: !roast.list<!roast.str>, %pairs: !roast.list<tuple<f64, i64>>,
                        %keys: !roast.list<i64>, %reverse: i1) {
  // CHECK: roast.list_method sort(%{{.*}}, %{{.*}}) : (!roast.list<tuple<f64, i64>>, i1) -> ()
  roast.list_method sort(%pairs, %reverse) : (!roast.list<tuple<f64, i64>>, i1) -> ()
  // CHECK: roast.list_method reorder(%{{.*}}, %{{.*}}, %{{.*}}) : (!roast.list<!roast.str>, !roast.list<tuple<f64, i64>>, i1) -> ()
  roast.list_method reorder(%l, %pairs, %reverse) : (!roast.list<!roast.str>, !roast.list<tuple<f64, i64>>, i1) -> ()
  // CHECK: %[[O:.*]] = roast.list_method argsort(%{{.*}}, %{{.*}}) : (!roast.list<i64>, i1) -> !roast.list<i64>
  %o = roast.list_method argsort(%keys, %reverse) : (!roast.list<i64>, i1) -> !roast.list<i64>
  // CHECK: roast.list_method permute(%{{.*}}, %[[O]]) : (!roast.list<!roast.str>, !roast.list<i64>) -> ()
  roast.list_method permute(%l, %o) : (!roast.list<!roast.str>, !roast.list<i64>) -> ()
  // CHECK: roast.list_method permuted(%{{.*}}, %[[O]]) : (!roast.list<!roast.str>, !roast.list<i64>) -> !roast.list<!roast.str>
  %p = roast.list_method permuted(%l, %o) : (!roast.list<!roast.str>, !roast.list<i64>) -> !roast.list<!roast.str>
  // CHECK: roast.list_method reserve(%{{.*}}, %{{.*}}) : (!roast.list<i64>, i64) -> ()
  %n = roast.len %l : !roast.list<!roast.str>
  roast.list_method reserve(%keys, %n) : (!roast.list<i64>, i64) -> ()
  roast.return
}
