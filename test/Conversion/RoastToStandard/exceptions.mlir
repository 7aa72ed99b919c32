// RUN: roast-opt %s --convert-roast-to-standard | FileCheck %s
// RUN: roast-opt %s --convert-roast-to-standard | FileCheck %s --check-prefix=INLINED
// The exception edges lowered (docs/rationale/exceptions.md): after a call
// that may raise, a load of roast_rt_exception and a cold branch; the
// raising path records the call site in the traceback, then goes to the
// handler that roast.check_raised names or, outside a try body, to a block
// that returns zeros. roast.catch takes the pending exception; a reraise
// hands it back to the runtime.

roast.class @BaseException builtin {fields = ["__message__"], field_types = [!roast.str], methods = []}
roast.class @ValueError : @BaseException builtin {fields = ["__message__"], field_types = [!roast.str], methods = []}

roast.func private @m.parse(%s: !roast.str) -> i64

roast.func @m.guarded(%s: !roast.str) -> i64 {
  %r = roast.call @m.parse(%s) : (!roast.str) -> i64 loc("t.roast":3:12)
  roast.check_raised ^handler, ^ok
^ok:
  roast.return %r : i64
^handler:
  %e = roast.catch : !roast.object<@BaseException>
  %m = roast.isinstance %e, @ValueError : !roast.object<@BaseException>
  cf.cond_br %m, ^caught, ^other
^caught:
  roast.release %e : !roast.object<@BaseException>
  %c = arith.constant -1 : i64
  roast.return %c : i64
^other:
  roast.throw %e reraise : !roast.object<@BaseException>
}

roast.func @m.unguarded(%s: !roast.str) -> i64 {
  %r = roast.call @m.parse(%s) : (!roast.str) -> i64 loc("t.roast":9:12)
  roast.return %r : i64
}

// CHECK-LABEL: func.func @m.guarded(
// CHECK:         %[[R:.*]] = call @m.parse(%arg0)
// CHECK-NEXT:    %[[ADDR:.*]] = llvm.mlir.addressof @roast_rt_exception
// CHECK-NEXT:    %[[EXC:.*]] = llvm.load %[[ADDR]] : !llvm.ptr -> !llvm.ptr
// CHECK-NEXT:    %[[NULL:.*]] = llvm.mlir.zero : !llvm.ptr
// CHECK-NEXT:    %[[RAISED:.*]] = llvm.icmp "ne" %[[EXC]], %[[NULL]]
// CHECK:         cf.cond_br %[[RAISED]] weights([1, 2000]), ^[[PUSH:[a-z0-9]+]](%{{.*}}, %{{.*}} : !llvm.ptr, i32), ^[[OK:[a-z0-9]+]]
// CHECK:       ^[[OK]]:
// CHECK-NEXT:    cf.br ^[[RET:[a-z0-9]+]]
// CHECK:       ^[[RET]]:
// CHECK-NEXT:    return %[[R]] : i64
// CHECK:       ^[[HANDLER:[a-z0-9]+]]:
// CHECK-NEXT:    %[[E:.*]] = llvm.call @roast_rt_catch()
// CHECK:         llvm.call @roast_rt_isinstance(%[[E]], %{{.*}})
// CHECK:         llvm.call @roast_rt_reraise(%[[E]])
// CHECK-NEXT:    cf.br ^[[UNWIND:[a-z0-9]+]]
// CHECK:       ^[[PUSH]](%[[FILE:.*]]: !llvm.ptr, %[[LINE:.*]]: i32):
// CHECK:         llvm.call @roast_rt_traceback_push(%[[FILE]], %[[LINE]], %{{.*}})
// CHECK-NEXT:    cf.br ^[[HANDLER]]
// CHECK:       ^[[UNWIND]]:
// CHECK-NEXT:    %[[ZERO:.*]] = llvm.mlir.zero : i64
// CHECK-NEXT:    return %[[ZERO]] : i64

// CHECK-LABEL: func.func @m.unguarded(
// CHECK:         call @m.parse(%arg0)
// CHECK:         cf.cond_br %{{.*}} weights([1, 2000]), ^[[PUSH2:[a-z0-9]+]](%{{.*}}, %{{.*}} : !llvm.ptr, i32), ^{{.*}}
// CHECK:         return
// CHECK:       ^[[UNWIND2:[a-z0-9]+]]:
// CHECK-NEXT:    llvm.mlir.zero : i64
// CHECK:       ^[[PUSH2]](
// CHECK:         llvm.call @roast_rt_traceback_push(
// CHECK-NEXT:    cf.br ^[[UNWIND2]]

// An op inlined from a self-call (its location a CallSiteLoc, as
// roast-inline-recursion leaves it) leaves two frames: its own, recorded
// where it raises, then the inlined call's, pushed on the way out.
// CHECK-LABEL: func.func @m.inlined(
// CHECK:         %[[OWN:.*]] = arith.constant 20 : i32
// CHECK:         cf.cond_br %{{.*}} weights([1, 2000]), ^[[RAISE:[a-z0-9]+]](%{{.*}}, %{{.*}}, %{{.*}}, %[[OWN]] :
// CHECK:         arith.divsi
// CHECK:         return
// CHECK:       ^[[OUT:[a-z0-9]+]]:
// CHECK-NEXT:    llvm.mlir.zero : i64
// CHECK:       ^[[CALLER:[a-z0-9]+]]:
// CHECK:         %[[LINE:.*]] = arith.constant 21 : i32
// CHECK:         llvm.call @roast_rt_traceback_push(%{{.*}}, %[[LINE]], %{{.*}})
// CHECK-NEXT:    cf.br ^[[OUT]]
// CHECK:       ^[[RAISE]](
// CHECK:         llvm.call @roast_rt_raise(
// CHECK-NEXT:    cf.br ^[[CALLER]]
roast.func @m.inlined(%a: i64, %b: i64) -> i64 {
  %q = roast.floordiv %a, %b : i64 loc(callsite("t.roast":20:16 at "t.roast":21:12))
  roast.return %q : i64
}

// An op roast-inline inlined twice (@m.g's code inlined into @m.f, which
// was inlined into @m.main; InlinedLocations.h): it raises as `g`, and on
// its way out of @m.main pushes the frames of the call in `f` (line 30),
// then of the call in `main` (line 40).
// INLINED-DAG: @[[G:roast\.cstr\.[0-9]+]]("g\00")
// INLINED-DAG: @[[F:roast\.cstr\.[0-9]+]]("f\00")
// INLINED-DAG: @[[MAIN:roast\.cstr\.[0-9]+]]("main\00")
// INLINED-LABEL: func.func @m.main(
// INLINED:         arith.divsi
// INLINED:         return
// INLINED-NEXT:  ^[[OUT:bb[0-9]+]]:  // pred: ^[[FRAMES:bb[0-9]+]]
// INLINED-NEXT:    llvm.mlir.zero : i64
// INLINED:       ^[[FRAMES]]:
// INLINED:         %[[FNAME:.*]] = llvm.mlir.addressof @[[F]]
// INLINED-NEXT:    %[[L30:.*]] = arith.constant 30 : i32
// INLINED-NEXT:    llvm.call @roast_rt_traceback_push(%{{.*}}, %[[L30]], %[[FNAME]])
// INLINED:         %[[MNAME:.*]] = llvm.mlir.addressof @[[MAIN]]
// INLINED-NEXT:    %[[L40:.*]] = arith.constant 40 : i32
// INLINED-NEXT:    llvm.call @roast_rt_traceback_push(%{{.*}}, %[[L40]], %[[MNAME]])
// INLINED-NEXT:    cf.br ^[[OUT]]
// INLINED:         %[[GNAME:.*]] = llvm.mlir.addressof @[[G]]
// INLINED-NEXT:    llvm.call @roast_rt_raise(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %[[GNAME]])
// INLINED-NEXT:    cf.br ^[[FRAMES]]
roast.func @m.main(%a: i64, %b: i64) -> i64 {
  %q = roast.floordiv %a, %b : i64 loc(callsite("m.g"("t.roast":20:16) at callsite("m.f"("t.roast":30:3) at "t.roast":40:5)))
  roast.return %q : i64
}

// Inside a try body of @m.handled, the inlined op's exception reaches the
// handler (written in @m.handled itself) through the frame of the call it
// was inlined at.
// INLINED-LABEL: func.func @m.handled(
// INLINED:         arith.divsi
// INLINED:         return
// INLINED-NEXT:  ^[[HANDLER:bb[0-9]+]]:  // pred: ^[[PUSH:bb[0-9]+]]
// INLINED-NEXT:    llvm.call @roast_rt_catch()
// INLINED:       ^[[PUSH]]:
// INLINED:         %[[L50:.*]] = arith.constant 50 : i32
// INLINED-NEXT:    llvm.call @roast_rt_traceback_push(%{{.*}}, %[[L50]], %{{.*}})
// INLINED-NEXT:    cf.br ^[[HANDLER]]
// INLINED:         llvm.call @roast_rt_raise(
// INLINED-NEXT:    cf.br ^[[PUSH]]
roast.func @m.handled(%a: i64, %b: i64) -> i64 {
  %q = roast.floordiv %a, %b : i64 loc(callsite("m.g"("t.roast":20:16) at "t.roast":50:5))
  roast.check_raised ^handler, ^ok loc("t.roast":50:5)
^ok:
  roast.return %q : i64
^handler:
  %e = roast.catch : !roast.object<@BaseException> loc("t.roast":52:3)
  roast.release %e : !roast.object<@BaseException>
  roast.return %b : i64
}
