// RUN: roast-opt %s --convert-roast-to-standard -split-input-file | FileCheck %s

// Checked +, -, * and unary -: the overflow bit of the intrinsic branches to
// a cold block that raises OverflowError with the op's source location,
// then to the function's unwind block, which returns (the caller tests the
// pending exception: docs/rationale/exceptions.md).

// CHECK-DAG: llvm.mlir.global private unnamed_addr constant @[[MSG:roast\.cstr\.[0-9]+]]("integer overflow\00")
// CHECK-DAG: llvm.mlir.global private unnamed_addr constant @[[FILE:roast\.cstr\.[0-9]+]]("t.roast\00")
// CHECK-DAG: llvm.mlir.global private unnamed_addr constant @[[FN:roast\.cstr\.[0-9]+]]("add\00")
// CHECK-DAG: llvm.func @roast_rt_raise(i32, !llvm.ptr, !llvm.ptr, i32, !llvm.ptr) attributes {passthrough = ["cold"]}
// CHECK-LABEL: func.func @m.add(
// CHECK-SAME:      %[[A:.*]]: i64, %[[B:.*]]: i64) -> i64
// CHECK:         %[[PAIR:.*]] = "llvm.intr.sadd.with.overflow"(%[[A]], %[[B]]) : (i64, i64) -> !llvm.struct<(i64, i1)>
// CHECK:         %[[SUM:.*]] = llvm.extractvalue %[[PAIR]][0]
// CHECK:         %[[OVF:.*]] = llvm.extractvalue %[[PAIR]][1]
// CHECK-DAG:     %[[KIND:.*]] = arith.constant 2 : i32
// CHECK-DAG:     %[[MSGP:.*]] = llvm.mlir.addressof @[[MSG]]
// CHECK-DAG:     %[[FILEP:.*]] = llvm.mlir.addressof @[[FILE]]
// CHECK-DAG:     %[[LINE:.*]] = arith.constant 3 : i32
// CHECK:         cf.cond_br %[[OVF]] weights([1, 2000]), ^[[COLD:[a-z0-9]+]](%[[KIND]], %[[MSGP]], %[[FILEP]], %[[LINE]] : i32, !llvm.ptr, !llvm.ptr, i32), ^[[CONT:[a-z0-9]+]]
// CHECK:       ^[[CONT]]:
// CHECK-NEXT:    return %[[SUM]] : i64
// CHECK:       ^[[UNWIND:[a-z0-9]+]]:
// CHECK-NEXT:    %[[ZERO:.*]] = llvm.mlir.zero : i64
// CHECK-NEXT:    return %[[ZERO]] : i64
// CHECK:       ^[[COLD]](%[[K:.*]]: i32, %[[M:.*]]: !llvm.ptr, %[[F:.*]]: !llvm.ptr, %[[L:.*]]: i32):
// CHECK:         %[[FNP:.*]] = llvm.mlir.addressof @[[FN]]
// CHECK:         llvm.call @roast_rt_raise(%[[K]], %[[M]], %[[F]], %[[L]], %[[FNP]])
// CHECK-NEXT:    cf.br ^[[UNWIND]]
roast.func @m.add(%a: i64, %b: i64) -> i64 {
  %r = roast.add %a, %b : i64 loc("t.roast":3:12)
  roast.return %r : i64
}

// -----

// CHECK-LABEL: func.func @m.sub(
// CHECK:         "llvm.intr.ssub.with.overflow"
// CHECK:         cf.cond_br %{{.*}} weights([1, 2000])
// CHECK:         llvm.call @roast_rt_raise
roast.func @m.sub(%a: i64, %b: i64) -> i64 {
  %r = roast.sub %a, %b : i64
  roast.return %r : i64
}

// -----

// CHECK-LABEL: func.func @m.mul(
// CHECK:         "llvm.intr.smul.with.overflow"
// CHECK:         cf.cond_br %{{.*}} weights([1, 2000])
// CHECK:         llvm.call @roast_rt_raise
roast.func @m.mul(%a: i64, %b: i64) -> i64 {
  %r = roast.mul %a, %b : i64
  roast.return %r : i64
}

// -----

// -x is 0 - x: only -(-2**63) overflows.
// CHECK-LABEL: func.func @m.neg(
// CHECK-SAME:      %[[X:.*]]: i64
// CHECK:         %[[ZERO:.*]] = arith.constant 0 : i64
// CHECK:         "llvm.intr.ssub.with.overflow"(%[[ZERO]], %[[X]])
// CHECK:         cf.cond_br %{{.*}} weights([1, 2000])
roast.func @m.neg(%x: i64) -> i64 {
  %r = roast.neg %x : i64
  roast.return %r : i64
}

// -----

// Every check of a function branches to its one raise block, which takes
// the kind, message, file and line as arguments (so that checked code stays
// small enough to inline); the strings and the declaration exist once per
// module.
// CHECK:     ("integer overflow\00")
// CHECK-NOT: ("integer overflow\00")
// CHECK:     llvm.func @roast_rt_raise(
// CHECK-NOT: llvm.func @roast_rt_raise(
// CHECK-LABEL: func.func @m.two(
// CHECK:         cf.cond_br %{{.*}} weights([1, 2000]), ^[[RAISE:[a-z0-9]+]](
// CHECK:         cf.cond_br %{{.*}} weights([1, 2000]), ^[[RAISE]](
// CHECK:         llvm.call @roast_rt_raise
// CHECK-NOT:     llvm.call @roast_rt_raise
roast.func @m.two(%a: i64) -> i64 {
  %r = roast.add %a, %a : i64
  %s = roast.mul %r, %r : i64
  roast.return %s : i64
}
