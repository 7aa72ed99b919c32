// RUN: roast-opt %s | roast-opt | FileCheck %s
// `T | None` of any type survives a print/parse round trip, and so do the
// ops that make, test and open optionals; unwrap(wrap(x)) folds to x.
// RUN: roast-opt %s -canonicalize | FileCheck %s --check-prefix=FOLD

// CHECK-LABEL: roast.func @types(
// CHECK-SAME:      %{{.*}}: !roast.optional<i64>
// CHECK-SAME:      %{{.*}}: !roast.optional<!roast.str>
// CHECK-SAME:      %{{.*}}: !roast.optional<tuple<i64, f64>>
// CHECK-SAME:      %{{.*}}: !roast.list<!roast.optional<i1>>
// CHECK-SAME:      -> !roast.optional<f64>
roast.func @types(%a: !roast.optional<i64>, %b: !roast.optional<!roast.str>,
                  %c: !roast.optional<tuple<i64, f64>>,
                  %d: !roast.list<!roast.optional<i1>>)
    -> !roast.optional<f64> {
  // CHECK: roast.optional_none : !roast.optional<f64>
  %n = roast.optional_none : !roast.optional<f64>
  roast.return %n : !roast.optional<f64>
}

// CHECK-LABEL: roast.func @ops(
// FOLD-LABEL: roast.func @ops(
roast.func @ops(%x: i64, %o: !roast.optional<!roast.str>,
                %d: !roast.dict<!roast.str, i64>, %k: !roast.str) -> i64 {
  // CHECK: %[[W:.*]] = roast.optional_wrap %{{.*}} : !roast.optional<i64>
  %w = roast.optional_wrap %x : !roast.optional<i64>
  // CHECK: roast.optional_is_none %[[W]] : !roast.optional<i64>
  %none = roast.optional_is_none %w : !roast.optional<i64>
  // CHECK: roast.optional_unwrap %{{.*}} : !roast.optional<!roast.str>
  %s = roast.optional_unwrap %o : !roast.optional<!roast.str>
  // CHECK: roast.dict_lookup %{{.*}}[%{{.*}}] : !roast.dict<!roast.str, i64>
  %v = roast.dict_lookup %d[%k] : !roast.dict<!roast.str, i64>
  // FOLD-NOT: roast.optional_unwrap
  // FOLD: roast.return %arg0 : i64
  %u = roast.optional_unwrap %w : !roast.optional<i64>
  roast.return %u : i64
}
