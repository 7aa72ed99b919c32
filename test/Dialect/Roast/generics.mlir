// RUN: roast-opt %s -split-input-file -verify-diagnostics | FileCheck %s
// Generic functions: type_params, !roast.type_param and type_args round-trip.

// CHECK-LABEL: roast.func @id(%{{.*}}: !roast.type_param<"T">) -> !roast.type_param<"T"> attributes {type_params = ["T"]}
// CHECK: roast.call @id(%{{.*}}) {type_args = [!roast.str]} : (!roast.str) -> !roast.str
roast.func @id(%x: !roast.type_param<"T">) -> !roast.type_param<"T"> attributes {type_params = ["T"]} {
  roast.retain %x : !roast.type_param<"T">
  roast.return %x : !roast.type_param<"T">
}
roast.func @use(%s: !roast.str) {
  %0 = roast.call @id(%s) {type_args = [!roast.str]} : (!roast.str) -> !roast.str
  roast.return
}

// -----

// expected-error@+1 {{uses type parameter 'U', which is not one of the function's type_params}}
roast.func @bad(%x: !roast.type_param<"U">) attributes {type_params = ["T"]} {
  roast.return
}

// -----

roast.func @id(%x: !roast.type_param<"T">) -> !roast.type_param<"T"> attributes {type_params = ["T"]} {
  roast.return %x : !roast.type_param<"T">
}
roast.func @use(%x: i64) {
  // expected-error@+1 {{gives 2 type arguments, but 'id' has 1 type parameters}}
  %0 = roast.call @id(%x) {type_args = [i64, i64]} : (i64) -> i64
  roast.return
}

// -----

roast.func @id(%x: !roast.type_param<"T">) -> !roast.type_param<"T"> attributes {type_params = ["T"]} {
  roast.return %x : !roast.type_param<"T">
}
roast.func @use(%x: i64) {
  // expected-error@+1 {{does not match the callee's type}}
  %0 = roast.call @id(%x) {type_args = [f64]} : (i64) -> i64
  roast.return
}
