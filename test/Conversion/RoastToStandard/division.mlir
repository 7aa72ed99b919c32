// RUN: roast-opt %s --convert-roast-to-standard -split-input-file | FileCheck %s

// int // int: one cold branch for both errors (zero divisor, -2**63 // -1),
// to the function's raise block with the kind and message chosen by
// selects, then a branch-free floor fix-up of the truncating division.

// CHECK-DAG: ("integer division or modulo by zero\00")
// CHECK-DAG: ("integer overflow\00")
// CHECK-LABEL: func.func @m.floordiv(
// CHECK-SAME:      %[[A:.*]]: i64, %[[B:.*]]: i64) -> i64
// CHECK:         %[[ZERO:.*]] = arith.cmpi eq, %[[B]], %{{.*}} : i64
// CHECK:         %[[MIN:.*]] = arith.cmpi eq, %[[A]], %{{.*}} : i64
// CHECK:         %[[M1:.*]] = arith.cmpi eq, %[[B]], %{{.*}} : i64
// CHECK:         %[[OVF:.*]] = arith.andi %[[MIN]], %[[M1]] : i1
// CHECK:         %[[BAD:.*]] = arith.ori %[[ZERO]], %[[OVF]] : i1
// CHECK:         %[[KIND:.*]] = arith.select %[[ZERO]], %{{.*}}, %{{.*}} : i32
// CHECK:         %[[MSG:.*]] = arith.select %[[ZERO]], %{{.*}}, %{{.*}} : !llvm.ptr
// CHECK:         cf.cond_br %[[BAD]] weights([1, 2000]), ^[[COLD:[a-z0-9]+]](%[[KIND]], %[[MSG]], %{{.*}}, %{{.*}} : i32, !llvm.ptr, !llvm.ptr, i32), ^[[CONT:[a-z0-9]+]]
// CHECK:       ^[[CONT]]:
// CHECK-NEXT:    %[[Q:.*]] = arith.divsi %[[A]], %[[B]] : i64
// CHECK-NEXT:    %[[R:.*]] = arith.remsi %[[A]], %[[B]] : i64
// CHECK:         %[[NZ:.*]] = arith.cmpi ne, %[[R]], %{{.*}} : i64
// CHECK:         %[[X:.*]] = arith.xori %[[R]], %[[B]] : i64
// CHECK:         %[[SIGN:.*]] = arith.cmpi slt, %[[X]], %{{.*}} : i64
// CHECK:         %[[FIX:.*]] = arith.andi %[[NZ]], %[[SIGN]] : i1
// CHECK:         %[[FIX64:.*]] = arith.extui %[[FIX]] : i1 to i64
// CHECK:         %[[RES:.*]] = arith.subi %[[Q]], %[[FIX64]] : i64
// CHECK:         return %[[RES]]
// CHECK:       ^[[COLD]](%[[K:.*]]: i32, %[[M:.*]]: !llvm.ptr, %{{.*}}: !llvm.ptr, %{{.*}}: i32):
// CHECK:         llvm.call @roast_rt_raise(%[[K]], %[[M]],
// CHECK-NEXT:    cf.br
roast.func @m.floordiv(%a: i64, %b: i64) -> i64 {
  %r = roast.floordiv %a, %b : i64
  roast.return %r : i64
}

// -----

// int % int: only a zero divisor raises; -1 is replaced by 1 (same result,
// 0) because -2**63 % -1 traps in hardware. The result takes the divisor's
// sign.
// CHECK-LABEL: func.func @m.mod(
// CHECK-SAME:      %[[A:.*]]: i64, %[[B:.*]]: i64) -> i64
// CHECK:         %[[ZERO:.*]] = arith.cmpi eq, %[[B]], %{{.*}} : i64
// CHECK:         %[[KIND:.*]] = arith.constant 1 : i32
// CHECK:         cf.cond_br %[[ZERO]] weights([1, 2000]), ^[[COLD:[a-z0-9]+]](%[[KIND]], {{.*}}), ^[[CONT:[a-z0-9]+]]
// CHECK:       ^[[CONT]]:
// CHECK-DAG:     %[[ONE:.*]] = arith.constant 1 : i64
// CHECK-DAG:     %[[M1:.*]] = arith.constant -1 : i64
// CHECK:         %[[ISM1:.*]] = arith.cmpi eq, %[[B]], %[[M1]] : i64
// CHECK:         %[[DIV:.*]] = arith.select %[[ISM1]], %[[ONE]], %[[B]] : i64
// CHECK:         %[[R:.*]] = arith.remsi %[[A]], %[[DIV]] : i64
// CHECK:         %[[X:.*]] = arith.xori %[[R]], %[[B]] : i64
// CHECK:         %[[FIX:.*]] = arith.andi
// CHECK:         %[[ADJ:.*]] = arith.select %[[FIX]], %[[B]], %{{.*}} : i64
// CHECK:         %[[RES:.*]] = arith.addi %[[R]], %[[ADJ]] : i64
// CHECK:         return %[[RES]]
// CHECK:       ^[[COLD]](%[[K:.*]]: i32,
// CHECK:         llvm.call @roast_rt_raise(%[[K]],
roast.func @m.mod(%a: i64, %b: i64) -> i64 {
  %r = roast.mod %a, %b : i64
  roast.return %r : i64
}

// -----

// float //, % and ** and int ** are runtime calls that raise by themselves;
// they take the source location after the operands.
// CHECK-DAG: llvm.func @roast_rt_float_floordiv(f64, f64, !llvm.ptr, i32, !llvm.ptr) -> f64
// CHECK-DAG: llvm.func @roast_rt_float_mod(f64, f64, !llvm.ptr, i32, !llvm.ptr) -> f64
// CHECK-DAG: llvm.func @roast_rt_float_pow(f64, f64, !llvm.ptr, i32, !llvm.ptr) -> f64
// CHECK-DAG: llvm.func @roast_rt_int_pow(i64, i64, !llvm.ptr, i32, !llvm.ptr) -> i64
// CHECK-DAG: ("f.roast\00")
// CHECK-LABEL: func.func @m.float_ops(
// CHECK-SAME:      %[[X:.*]]: f64, %[[Y:.*]]: f64, %[[I:.*]]: i64, %[[J:.*]]: i64)
// CHECK:         %[[LINE:.*]] = arith.constant 5 : i32
// CHECK:         %[[Q:.*]] = llvm.call @roast_rt_float_floordiv(%[[X]], %[[Y]], %{{.*}}, %[[LINE]], %{{.*}})
// CHECK:         %[[R:.*]] = llvm.call @roast_rt_float_mod(%[[Q]], %[[Y]],
// CHECK:         %[[P:.*]] = llvm.call @roast_rt_float_pow(%[[R]], %[[Y]],
// CHECK:         %[[IP:.*]] = llvm.call @roast_rt_int_pow(%[[I]], %[[J]],
// CHECK:         return %[[P]], %[[IP]]
roast.func @m.float_ops(%x: f64, %y: f64, %i: i64, %j: i64) -> (f64, i64) {
  %q = roast.floordiv %x, %y : f64 loc("f.roast":5:7)
  %r = roast.mod %q, %y : f64
  %p = roast.pow %r, %y : f64
  %ip = roast.pow %i, %j : i64
  roast.return %p, %ip : f64, i64
}

// -----

// float / float: only a zero divisor (oeq: 0.0 and -0.0, not NaN) raises.
// CHECK: ("float division by zero\00")
// CHECK-LABEL: func.func @m.truediv(
// CHECK-SAME:      %[[A:.*]]: f64, %[[B:.*]]: f64) -> f64
// CHECK:         %[[ZERO:.*]] = arith.constant 0.000000e+00 : f64
// CHECK:         %[[IS0:.*]] = arith.cmpf oeq, %[[B]], %[[ZERO]] : f64
// CHECK:         cf.cond_br %[[IS0]] weights([1, 2000]), ^[[COLD:[a-z0-9]+]]({{.*}}), ^[[CONT:[a-z0-9]+]]
// CHECK:       ^[[CONT]]:
// CHECK-NEXT:    %[[Q:.*]] = arith.divf %[[A]], %[[B]] : f64
// CHECK-NEXT:    return %[[Q]]
// CHECK:       ^[[COLD]](
// CHECK:         llvm.call @roast_rt_raise
roast.func @m.truediv(%a: f64, %b: f64) -> f64 {
  %r = roast.truediv %a, %b : f64
  roast.return %r : f64
}

// -----

// x << n: ValueError for n < 0, OverflowError when bits are lost (n >= 64
// or shifting back differs), except that 0 << n is 0 for any n >= 0.
// CHECK-DAG: ("negative shift count\00")
// CHECK-DAG: ("integer overflow\00")
// CHECK-LABEL: func.func @m.shl(
// CHECK-SAME:      %[[X:.*]]: i64, %[[N:.*]]: i64) -> i64
// CHECK:         %[[AMT:.*]] = arith.andi %[[N]], %{{.*}} : i64
// CHECK:         %[[SH:.*]] = arith.shli %[[X]], %[[AMT]] : i64
// CHECK:         %[[INRANGE:.*]] = arith.cmpi ult, %[[N]], %{{.*}} : i64
// CHECK:         %[[BACK:.*]] = arith.shrsi %[[SH]], %[[AMT]] : i64
// CHECK:         %[[SAME:.*]] = arith.cmpi eq, %[[BACK]], %[[X]] : i64
// CHECK:         %[[EXACT:.*]] = arith.andi %[[INRANGE]], %[[SAME]] : i1
// CHECK:         %[[XZERO:.*]] = arith.cmpi eq, %[[X]], %{{.*}} : i64
// CHECK:         %[[NNONNEG:.*]] = arith.cmpi sge, %[[N]], %{{.*}} : i64
// CHECK:         %[[ZEROSHIFT:.*]] = arith.andi %[[XZERO]], %[[NNONNEG]] : i1
// CHECK:         %[[OK:.*]] = arith.ori %[[EXACT]], %[[ZEROSHIFT]] : i1
// CHECK:         %[[BAD:.*]] = arith.xori %[[OK]], %{{.*}} : i1
// CHECK:         %[[NEG:.*]] = arith.cmpi slt, %[[N]], %{{.*}} : i64
// CHECK:         %[[KIND:.*]] = arith.select %[[NEG]], %{{.*}}, %{{.*}} : i32
// CHECK:         cf.cond_br %[[BAD]] weights([1, 2000]), ^[[COLD:[a-z0-9]+]](%[[KIND]], {{.*}}), ^[[CONT:[a-z0-9]+]]
// CHECK:       ^[[CONT]]:
// CHECK-NEXT:    return %[[SH]]
// CHECK:       ^[[COLD]](
// CHECK:         llvm.call @roast_rt_raise
roast.func @m.shl(%x: i64, %n: i64) -> i64 {
  %r = roast.shl %x, %n : i64
  roast.return %r : i64
}

// -----

// x >> n: ValueError for n < 0; counts of 64 or more act as 63.
// CHECK: ("negative shift count\00")
// CHECK-LABEL: func.func @m.shr(
// CHECK-SAME:      %[[X:.*]]: i64, %[[N:.*]]: i64) -> i64
// CHECK:         %[[NEG:.*]] = arith.cmpi slt, %[[N]], %{{.*}} : i64
// CHECK:         %[[KIND:.*]] = arith.constant 3 : i32
// CHECK:         cf.cond_br %[[NEG]] weights([1, 2000]), ^[[COLD:[a-z0-9]+]](%[[KIND]], {{.*}}), ^[[CONT:[a-z0-9]+]]
// CHECK:       ^[[CONT]]:
// CHECK-NEXT:    %[[C63:.*]] = arith.constant 63 : i64
// CHECK-NEXT:    %[[AMT:.*]] = arith.minui %[[N]], %[[C63]] : i64
// CHECK-NEXT:    %[[R:.*]] = arith.shrsi %[[X]], %[[AMT]] : i64
// CHECK-NEXT:    return %[[R]]
// CHECK:       ^[[COLD]](%[[K:.*]]: i32,
// CHECK:         llvm.call @roast_rt_raise(%[[K]],
roast.func @m.shr(%x: i64, %n: i64) -> i64 {
  %r = roast.shr %x, %n : i64
  roast.return %r : i64
}

// -----

// pow(b, e, m) is the runtime's, which raises ValueError for m == 0.
// CHECK: llvm.func @roast_rt_int_pow_mod(i64, i64, i64, !llvm.ptr, i32, !llvm.ptr) -> i64
// CHECK-LABEL: func.func @m.powmod(
// CHECK-SAME:      %[[B:.*]]: i64, %[[E:.*]]: i64, %[[M:.*]]: i64) -> i64
// CHECK:         %[[R:.*]] = llvm.call @roast_rt_int_pow_mod(%[[B]], %[[E]], %[[M]],
// CHECK:         return %[[R]]
roast.func @m.powmod(%b: i64, %e: i64, %m: i64) -> i64 {
  %r = roast.powmod %b, %e, %m : i64
  roast.return %r : i64
}
