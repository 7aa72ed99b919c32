// RUN: roast-opt %s --convert-roast-to-standard -split-input-file | FileCheck %s

// Functions keep their symbols and visibility; object types become
// pointers in signatures, calls and block arguments.

// CHECK-LABEL: func.func @m.greet(
// CHECK-SAME:      %[[S:.*]]: !llvm.ptr, %[[N:.*]]: i64) -> !llvm.ptr
// CHECK:         return %[[S]] : !llvm.ptr
roast.func @m.greet(%s: !roast.str, %n: i64) -> !roast.str {
  roast.return %s : !roast.str
}

// A function returning None has no results.
// CHECK-LABEL: func.func @roast_module_init() {
// CHECK:         %[[S:.*]] = llvm.mlir.addressof @roast.str.{{[0-9]+}} : !llvm.ptr
// CHECK:         %[[R:.*]] = call @m.greet(%[[S]], %{{.*}}) : (!llvm.ptr, i64) -> !llvm.ptr
// CHECK:         return
roast.func @roast_module_init() {
  %s = roast.string "hi"
  %n = arith.constant 1 : i64
  %r = roast.call @m.greet(%s, %n) : (!roast.str, i64) -> !roast.str
  roast.return
}

// -----

// mem2reg turns slots of objects into block arguments.
// CHECK-LABEL: func.func @m.pick(
// CHECK-SAME:      %[[C:.*]]: i1, %[[A:.*]]: !llvm.ptr, %[[B:.*]]: !llvm.ptr) -> !llvm.ptr
// CHECK:         cf.cond_br %[[C]], ^[[JOIN:.*]](%[[A]] : !llvm.ptr), ^[[JOIN]](%[[B]] : !llvm.ptr)
// CHECK:       ^[[JOIN]](%[[R:.*]]: !llvm.ptr):
// CHECK:         return %[[R]] : !llvm.ptr
roast.func @m.pick(%c: i1, %a: !roast.str, %b: !roast.str) -> !roast.str {
  cf.cond_br %c, ^join(%a : !roast.str), ^join(%b : !roast.str)
^join(%r: !roast.str):
  roast.return %r : !roast.str
}

// Canonicalization may turn such diamonds into selects.
// CHECK-LABEL: func.func @m.select(
// CHECK-SAME:      %[[C:.*]]: i1, %[[A:.*]]: !llvm.ptr, %[[B:.*]]: !llvm.ptr) -> !llvm.ptr
// CHECK:         %[[R:.*]] = arith.select %[[C]], %[[A]], %[[B]] : !llvm.ptr
roast.func @m.select(%c: i1, %a: !roast.none, %b: !roast.none) -> !roast.none {
  %r = arith.select %c, %a, %b : !roast.none
  roast.return %r : !roast.none
}

// -----

// Declarations stay private; visibility is kept.
// CHECK: func.func private @m.external(i64) -> !llvm.ptr
roast.func private @m.external(i64) -> !roast.none
// CHECK-LABEL: func.func private @m.helper(
roast.func private @m.helper() {
  roast.return
}
