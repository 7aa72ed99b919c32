// RUN: roast-opt %s --convert-roast-to-standard | FileCheck %s
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
