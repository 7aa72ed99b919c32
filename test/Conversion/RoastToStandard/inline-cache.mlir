// RUN: roast-opt %s --convert-roast-to-standard -split-input-file | FileCheck %s
// Inline caches (docs/rationale/dynamic-values.md, "Inline caches"): a
// roast.inline_cache is a zeroed, writable RoastInlineCache (two {class,
// data} entries). A cached site tests the receiver inline: an object tag,
// type_id ROAST_TYPE_INSTANCE (6), then its class (offset 16) against both
// entries; a hit uses the matching entry's data, anything else calls the
// runtime's _ic function with the cache's address (which fills read caches
// with float fields too, marked by a bit of the data).

// CHECK:       llvm.mlir.global private @ic0() {{.*}}alignment = 16 : i64} : !llvm.array<2 x struct<(ptr, i64)>> {
// CHECK-NEXT:    %[[ZERO:.*]] = llvm.mlir.zero : !llvm.array<2 x struct<(ptr, i64)>>
// CHECK-NEXT:    llvm.return %[[ZERO]]
// CHECK-LABEL: func.func @m.get(
// CHECK-SAME:      %[[V:.*]]: i64) -> i64
// CHECK:         %[[TAG:.*]] = arith.shrui %[[V]], %{{.*}} : i64
// CHECK:         %[[ISOBJ:.*]] = arith.cmpi eq, %[[TAG]], %{{.*}} : i64
// CHECK:         cf.cond_br %[[ISOBJ]] weights([2000, 1]), ^[[OBJ:.*]], ^[[MISS:bb[0-9]+]]
// CHECK:       ^[[OBJ]]:
// CHECK:         %[[ADDR:.*]] = llvm.inttoptr
// CHECK:         %[[TYPEID:.*]] = llvm.load %{{.*}} {alignment = 4 : i64} : !llvm.ptr -> i32
// CHECK:         %[[SIX:.*]] = arith.constant 6 : i32
// CHECK:         %[[ISINST:.*]] = arith.cmpi eq, %[[TYPEID]], %[[SIX]] : i32
// CHECK:         cf.cond_br %[[ISINST]] weights([2000, 1]), ^[[INST:.*]], ^[[MISS]]
// CHECK:       ^[[INST]]:
// CHECK:         %[[SIXTEEN:.*]] = arith.constant 16 : i64
// CHECK:         %[[CLSADDR:.*]] = llvm.getelementptr %[[ADDR]][%[[SIXTEEN]]]
// CHECK:         %[[CLS:.*]] = llvm.load %[[CLSADDR]] {{.*}} -> !llvm.ptr
// CHECK:         %[[CACHE:.*]] = llvm.mlir.addressof @ic0
// CHECK:         %[[C0:.*]] = llvm.load %{{.*}} -> !llvm.ptr
// CHECK:         %[[EQ0:.*]] = llvm.icmp "eq" %[[CLS]], %[[C0]]
// CHECK:         %[[D0:.*]] = llvm.load %{{.*}} -> i64
// CHECK:         %[[C1:.*]] = llvm.load %{{.*}} -> !llvm.ptr
// CHECK:         %[[EQ1:.*]] = llvm.icmp "eq" %[[CLS]], %[[C1]]
// CHECK:         %[[D1:.*]] = llvm.load %{{.*}} -> i64
// CHECK:         %[[HIT:.*]] = arith.ori %[[EQ0]], %[[EQ1]] : i1
// CHECK:         %[[DATA:.*]] = arith.select %[[EQ1]], %[[D1]], %[[D0]] : i64
// CHECK:         cf.cond_br %[[HIT]] weights([2000, 1]), ^[[FAST:.*]](%[[ADDR]], %[[DATA]] : !llvm.ptr, i64), ^[[MISS]]
// The hit loads the field at the offset (the data without its float bit,
// 1 << 32) and retains it, as its getter; a float field's NaN becomes the
// canonical one (0x7FF8 << 48).
// CHECK:       ^[[FAST]](%[[OBJECT:.*]]: !llvm.ptr, %[[DATA2:.*]]: i64):
// CHECK:         %[[FLAG:.*]] = arith.constant 4294967296 : i64
// CHECK:         %[[NOFLAG:.*]] = arith.constant -4294967297 : i64
// CHECK:         %[[OFFSET:.*]] = arith.andi %[[DATA2]], %[[NOFLAG]] : i64
// CHECK:         %[[FIELD:.*]] = llvm.getelementptr %[[OBJECT]][%[[OFFSET]]] : (!llvm.ptr, i64) -> !llvm.ptr, i8
// CHECK:         %[[LOADED:.*]] = llvm.load %[[FIELD]] {alignment = 8 : i64} : !llvm.ptr -> i64
// CHECK:         %[[BIT:.*]] = arith.andi %[[DATA2]], %[[FLAG]] : i64
// CHECK:         %[[ISFLOAT:.*]] = arith.cmpi ne, %[[BIT]], %{{.*}} : i64
// CHECK:         %[[D:.*]] = arith.bitcast %[[LOADED]] : i64 to f64
// CHECK:         %[[NAN:.*]] = arith.cmpf uno, %[[D]], %[[D]] : f64
// CHECK:         %[[BOTH:.*]] = arith.andi %[[ISFLOAT]], %[[NAN]] : i1
// CHECK:         %[[CANON:.*]] = arith.constant 9221120237041090560 : i64
// CHECK:         %[[X:.*]] = arith.select %[[BOTH]], %[[CANON]], %[[LOADED]] : i64
// CHECK:         arith.addi
// CHECK:         cf.br ^[[MERGE:.*]](%[[X]] : i64)
// CHECK:       ^[[MERGE]](%[[R:.*]]: i64):
// CHECK-NEXT:    return %[[R]] : i64
// CHECK:       ^[[MISS]]:
// CHECK:         %[[MISSCACHE:.*]] = llvm.mlir.addressof @ic0
// CHECK:         llvm.call @roast_rt_value_getattr_ic(%[[V]], %{{.*}}, %[[MISSCACHE]],
roast.inline_cache @ic0 : field "x"
roast.func @m.get(%v: !roast.value) -> !roast.value {
  %x = roast.dyn.getattr %v "x" cache @ic0
  roast.return %x : !roast.value
}

// -----

// A store retains the item, stores it and releases the old value, as the
// field's setter; the miss passes the item to the runtime.
// CHECK-LABEL: func.func @m.set(
// CHECK-SAME:      %[[V:.*]]: i64, %[[ITEM:.*]]: i64)
// CHECK:         cf.cond_br %{{.*}} weights([2000, 1]), ^[[FAST:.*]](%{{.*}}, %{{.*}} : !llvm.ptr, i64), ^[[MISS:bb[0-9]+]]
// CHECK:       ^[[FAST]](%[[OBJECT:.*]]: !llvm.ptr, %[[OFFSET:.*]]: i64):
// CHECK:         %[[FIELD:.*]] = llvm.getelementptr %[[OBJECT]][%[[OFFSET]]]
// CHECK:         %[[OLD:.*]] = llvm.load %[[FIELD]] {{.*}} -> i64
// CHECK:         arith.shrui %[[ITEM]]
// CHECK:         arith.addi
// CHECK:         llvm.store %[[ITEM]], %[[FIELD]]
// CHECK:         arith.shrui %[[OLD]]
// CHECK:         arith.subi
// CHECK:         llvm.call @roast_rt_dealloc
// CHECK:       ^[[MISS]]:
// CHECK:         llvm.call @roast_rt_value_setattr_ic(%[[V]], %{{.*}}, %[[ITEM]], %{{.*}})
roast.inline_cache @ic0 : field "x"
roast.func @m.set(%v: !roast.value, %a: !roast.value) {
  roast.dyn.setattr %v "x" = %a cache @ic0
  roast.return
}

// -----

// A method hit calls the cached entry with a null closure, argc = the
// arguments + 1, the receiver and the arguments; when it raised, the call
// site's frame joins the traceback (roast_rt_callable_invoke does the same
// on the miss path). The miss passes argv as the uncached call does.
// CHECK-LABEL: func.func @m.call(
// CHECK-SAME:      %[[V:.*]]: i64, %[[A:.*]]: i64) -> i64
// CHECK:         %[[ARGV:.*]] = llvm.alloca %{{.*}} x !llvm.array<1 x i64>
// CHECK:         cf.cond_br %{{.*}} weights([2000, 1]), ^[[FAST:.*]](%{{.*}}, %{{.*}} : !llvm.ptr, i64), ^[[MISS:bb[0-9]+]]
// CHECK:       ^[[FAST]](%{{.*}}: !llvm.ptr, %[[DATA:.*]]: i64):
// CHECK:         %[[ENTRY:.*]] = llvm.inttoptr %[[DATA]] : i64 to !llvm.ptr
// CHECK:         %[[NULL:.*]] = llvm.mlir.zero : !llvm.ptr
// CHECK:         %[[ARGC:.*]] = arith.constant 2 : i64
// CHECK:         %[[R:.*]] = llvm.call %[[ENTRY]](%[[NULL]], %[[ARGC]], %[[V]], %[[A]]) : !llvm.ptr, (!llvm.ptr, i64, i64, i64) -> i64
// CHECK:         llvm.load %{{.*}} : !llvm.ptr -> !llvm.ptr
// CHECK:         cf.cond_br %{{.*}} weights([1, 2000]), ^[[RAISED:.*]], ^
// CHECK:       ^[[MISS]]:
// CHECK:         llvm.store %[[A]], %{{.*}}
// CHECK:         %[[ONE:.*]] = arith.constant 1 : i64
// CHECK:         llvm.call @roast_rt_value_call_method_ic(%[[V]], %{{.*}}, %[[ONE]], %[[ARGV]], %{{.*}})
// CHECK:       ^[[RAISED]]:
// CHECK:         llvm.call @roast_rt_traceback_push(
roast.inline_cache @ic1 : method "move"(1)
roast.func @m.call(%v: !roast.value, %a: !roast.value) -> !roast.value {
  %r = roast.dyn.call_method %v "move"(%a) cache @ic1
  roast.return %r : !roast.value
}

// -----

// Without a cache the ops call the plain runtime functions.
// CHECK-LABEL: func.func @m.uncached(
// CHECK-NOT:     _ic
// CHECK:         llvm.call @roast_rt_value_getattr(
// CHECK-NOT:     _ic
// CHECK:         llvm.call @roast_rt_value_call_method(
// CHECK-NOT:     _ic
// CHECK:         return
roast.func @m.uncached(%v: !roast.value) -> !roast.value {
  %x = roast.dyn.getattr %v "x"
  %r = roast.dyn.call_method %v "move"(%x)
  roast.return %r : !roast.value
}
