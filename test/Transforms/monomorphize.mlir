// RUN: roast-opt %s --roast-monomorphize -split-input-file | FileCheck %s
// roast-monomorphize: one copy of a generic function per type arguments,
// with no reference counting left in a scalar copy; unused generic
// functions disappear; generic calls inside copies are instantiated too.

// CHECK-LABEL: roast.func @"first<i64>"(%{{.*}}: !roast.list<i64>) -> i64
// CHECK-NOT: roast.retain
// CHECK-NOT: roast.release
// CHECK: roast.return %{{.*}} : i64
// CHECK-LABEL: roast.func @"first<!roast.str>"(%{{.*}}: !roast.list<!roast.str>) -> !roast.str
// CHECK: roast.retain %{{.*}} : !roast.str
// CHECK-NOT: roast.func @first(
// CHECK-NOT: @unused
// CHECK-LABEL: roast.func @main
// CHECK: roast.call @"first<i64>"(%{{.*}}) : (!roast.list<i64>) -> i64
// CHECK: roast.call @"first<!roast.str>"(%{{.*}}) : (!roast.list<!roast.str>) -> !roast.str
// CHECK-NOT: type_args
roast.func @first(%xs: !roast.list<!roast.type_param<"T">>) -> !roast.type_param<"T"> attributes {type_params = ["T"]} {
  %c0 = arith.constant 0 : i64
  %0 = roast.list_get %xs[%c0] : !roast.list<!roast.type_param<"T">>
  roast.retain %0 : !roast.type_param<"T">
  roast.return %0 : !roast.type_param<"T">
}
roast.func @unused(%x: !roast.type_param<"T">) -> !roast.type_param<"T"> attributes {type_params = ["T"]} {
  roast.return %x : !roast.type_param<"T">
}
roast.func @main(%a: !roast.list<i64>, %b: !roast.list<!roast.str>) {
  %0 = roast.call @first(%a) {type_args = [i64]} : (!roast.list<i64>) -> i64
  %1 = roast.call @first(%b) {type_args = [!roast.str]} : (!roast.list<!roast.str>) -> !roast.str
  roast.release %1 : !roast.str
  roast.return
}

// -----

// Generic calling generic: the inner call's type_args are substituted and
// instantiated in turn; `+` on floats and strs becomes their ops.
// CHECK-LABEL: roast.func @"add<!roast.str>"
// CHECK: roast.str_concat
// CHECK-LABEL: roast.func @"add<f64>"
// CHECK: arith.addf
// CHECK-LABEL: roast.func @"twice<f64>"
// CHECK: roast.call @"add<f64>"
// CHECK-LABEL: roast.func @"twice<!roast.str>"
// CHECK: roast.call @"add<!roast.str>"
roast.func @add(%a: !roast.type_param<"T">, %b: !roast.type_param<"T">) -> !roast.type_param<"T"> attributes {type_params = ["T"]} {
  %0 = roast.add %a, %b : !roast.type_param<"T">
  roast.return %0 : !roast.type_param<"T">
}
roast.func @twice(%a: !roast.type_param<"U">) -> !roast.type_param<"U"> attributes {type_params = ["U"]} {
  %0 = roast.call @add(%a, %a) {type_args = [!roast.type_param<"U">]} : (!roast.type_param<"U">, !roast.type_param<"U">) -> !roast.type_param<"U">
  roast.return %0 : !roast.type_param<"U">
}
roast.func @main(%x: f64, %s: !roast.str) {
  %0 = roast.call @twice(%x) {type_args = [f64]} : (f64) -> f64
  %1 = roast.call @twice(%s) {type_args = [!roast.str]} : (!roast.str) -> !roast.str
  roast.return
}

// -----

// Non-generic code is left alone.
// CHECK-LABEL: roast.func @plain(%{{.*}}: !roast.str)
// CHECK: roast.retain
// CHECK: roast.call @helper
roast.func @helper(%s: !roast.str) {
  roast.return
}
roast.func @plain(%s: !roast.str) {
  roast.retain %s : !roast.str
  roast.call @helper(%s) : (!roast.str) -> ()
  roast.return
}

// -----

// str() of a T that is a str is the str itself, a new reference.
// CHECK-LABEL: roast.func @"show<!roast.str>"
// CHECK-SAME: (%[[S:.*]]: !roast.str) -> !roast.str
// CHECK-NOT: roast.cast
// CHECK: roast.retain %[[S]] : !roast.str
// CHECK: roast.return %[[S]] : !roast.str
// CHECK-LABEL: roast.func @"show<i64>"
// CHECK: roast.cast %{{.*}} : i64 to !roast.str
roast.func @show(%x: !roast.type_param<"T">) -> !roast.str attributes {type_params = ["T"]} {
  %0 = roast.cast %x : !roast.type_param<"T"> to !roast.str
  roast.return %0 : !roast.str
}
roast.func @main(%s: !roast.str, %n: i64) {
  %0 = roast.call @show(%s) {type_args = [!roast.str]} : (!roast.str) -> !roast.str
  %1 = roast.call @show(%n) {type_args = [i64]} : (i64) -> !roast.str
  roast.return
}
