// RUN: roast-opt %s --convert-roast-to-standard -split-input-file | FileCheck %s

// Comparisons: signed on int, unsigned on bool (False < True), ordered on
// float except != (every comparison with NaN is False but !=).

// CHECK-LABEL: func.func @m.cmp_int(
// CHECK:         arith.cmpi eq, %{{.*}}, %{{.*}} : i64
// CHECK:         arith.cmpi ne, %{{.*}}, %{{.*}} : i64
// CHECK:         arith.cmpi slt, %{{.*}}, %{{.*}} : i64
// CHECK:         arith.cmpi sle, %{{.*}}, %{{.*}} : i64
// CHECK:         arith.cmpi sgt, %{{.*}}, %{{.*}} : i64
// CHECK:         arith.cmpi sge, %{{.*}}, %{{.*}} : i64
roast.func @m.cmp_int(%a: i64, %b: i64) -> (i1, i1, i1, i1, i1, i1) {
  %0 = roast.cmp eq, %a, %b : i64
  %1 = roast.cmp ne, %a, %b : i64
  %2 = roast.cmp lt, %a, %b : i64
  %3 = roast.cmp le, %a, %b : i64
  %4 = roast.cmp gt, %a, %b : i64
  %5 = roast.cmp ge, %a, %b : i64
  roast.return %0, %1, %2, %3, %4, %5 : i1, i1, i1, i1, i1, i1
}

// CHECK-LABEL: func.func @m.cmp_bool(
// CHECK:         arith.cmpi eq, %{{.*}}, %{{.*}} : i1
// CHECK:         arith.cmpi ne, %{{.*}}, %{{.*}} : i1
// CHECK:         arith.cmpi ult, %{{.*}}, %{{.*}} : i1
// CHECK:         arith.cmpi ule, %{{.*}}, %{{.*}} : i1
// CHECK:         arith.cmpi ugt, %{{.*}}, %{{.*}} : i1
// CHECK:         arith.cmpi uge, %{{.*}}, %{{.*}} : i1
roast.func @m.cmp_bool(%a: i1, %b: i1) -> (i1, i1, i1, i1, i1, i1) {
  %0 = roast.cmp eq, %a, %b : i1
  %1 = roast.cmp ne, %a, %b : i1
  %2 = roast.cmp lt, %a, %b : i1
  %3 = roast.cmp le, %a, %b : i1
  %4 = roast.cmp gt, %a, %b : i1
  %5 = roast.cmp ge, %a, %b : i1
  roast.return %0, %1, %2, %3, %4, %5 : i1, i1, i1, i1, i1, i1
}

// CHECK-LABEL: func.func @m.cmp_float(
// CHECK:         arith.cmpf oeq, %{{.*}}, %{{.*}} : f64
// CHECK:         arith.cmpf une, %{{.*}}, %{{.*}} : f64
// CHECK:         arith.cmpf olt, %{{.*}}, %{{.*}} : f64
// CHECK:         arith.cmpf ole, %{{.*}}, %{{.*}} : f64
// CHECK:         arith.cmpf ogt, %{{.*}}, %{{.*}} : f64
// CHECK:         arith.cmpf oge, %{{.*}}, %{{.*}} : f64
roast.func @m.cmp_float(%a: f64, %b: f64) -> (i1, i1, i1, i1, i1, i1) {
  %0 = roast.cmp eq, %a, %b : f64
  %1 = roast.cmp ne, %a, %b : f64
  %2 = roast.cmp lt, %a, %b : f64
  %3 = roast.cmp le, %a, %b : f64
  %4 = roast.cmp gt, %a, %b : f64
  %5 = roast.cmp ge, %a, %b : f64
  roast.return %0, %1, %2, %3, %4, %5 : i1, i1, i1, i1, i1, i1
}

// -----

// Exact widenings and truthiness; NaN is truthy, hence une.
// CHECK-LABEL: func.func @m.casts(
// CHECK-SAME:      %[[I:.*]]: i64, %[[B:.*]]: i1, %[[F:.*]]: f64)
// CHECK:         %[[IF:.*]] = arith.sitofp %[[I]] : i64 to f64
// CHECK:         %[[BF:.*]] = arith.uitofp %[[B]] : i1 to f64
// CHECK:         %[[BI:.*]] = arith.extui %[[B]] : i1 to i64
// CHECK:         %[[IZERO:.*]] = arith.constant 0 : i64
// CHECK:         %[[IB:.*]] = arith.cmpi ne, %[[I]], %[[IZERO]] : i64
// CHECK:         %[[FZERO:.*]] = arith.constant 0.000000e+00 : f64
// CHECK:         %[[FB:.*]] = arith.cmpf une, %[[F]], %[[FZERO]] : f64
// CHECK:         return %[[IF]], %[[BF]], %[[BI]], %[[IB]], %[[FB]]
roast.func @m.casts(%i: i64, %b: i1, %f: f64) -> (f64, f64, i64, i1, i1) {
  %0 = roast.cast %i : i64 to f64
  %1 = roast.cast %b : i1 to f64
  %2 = roast.cast %b : i1 to i64
  %3 = roast.cast %i : i64 to i1
  %4 = roast.cast %f : f64 to i1
  roast.return %0, %1, %2, %3, %4 : f64, f64, i64, i1, i1
}

// -----

// int(float): fptosi when -2**63 <= x < 2**63 (NaN fails both compares);
// otherwise the runtime raises ValueError or OverflowError.
// CHECK: llvm.func @roast_rt_float_to_int(f64, !llvm.ptr, i32, !llvm.ptr) -> i64
// CHECK-LABEL: func.func @m.to_int(
// CHECK-SAME:      %[[X:.*]]: f64) -> i64
// CHECK-DAG:     %[[LO:.*]] = arith.constant -9.2233720368547758E+18 : f64
// CHECK-DAG:     %[[HI:.*]] = arith.constant 9.2233720368547758E+18 : f64
// CHECK:         %[[GE:.*]] = arith.cmpf oge, %[[X]], %[[LO]] : f64
// CHECK:         %[[LT:.*]] = arith.cmpf olt, %[[X]], %[[HI]] : f64
// CHECK:         %[[OK:.*]] = arith.andi %[[GE]], %[[LT]] : i1
// CHECK:         %[[FAST:.*]] = arith.fptosi %[[X]] : f64 to i64
// CHECK:         cf.cond_br %[[OK]] weights([2000, 1]), ^[[MERGE:.*]](%[[FAST]] : i64), ^[[COLD:[a-z0-9]+]]
// CHECK:       ^[[MERGE]](%[[R:.*]]: i64):
// CHECK:         return %[[R]] : i64
// CHECK:       ^[[COLD]]:
// CHECK:         %[[SLOW:.*]] = llvm.call @roast_rt_float_to_int(%[[X]],
// CHECK:         cf.br ^[[MERGE]](%[[SLOW]] : i64)
roast.func @m.to_int(%x: f64) -> i64 {
  %r = roast.cast %x : f64 to i64
  roast.return %r : i64
}
