// RUN: roast-opt %s --convert-roast-to-standard -split-input-file | FileCheck %s
// Dynamic values (docs/rationale/dynamic-values.md) are i64s holding a
// NaN-boxed value: a bool, None or a reference is boxed inline (tag << 48
// | payload, a reference retained), everything else through
// roast_rt_value_from_slot; checked unboxes and
// every dyn op call the runtime and test roast_rt_exception (+ - * of two
// doubles run inline first); calls pass their arguments in an entry-block
// array; retain/release touch the refcount only of a value whose tag is
// 0xFFFC (an object); classes export their member tables and call entries
// as RoastMember/RoastCallable globals.

// A bool is 0xFFFA << 48 | b, computed inline.
// CHECK-LABEL: func.func @m.box_bool(
// CHECK-SAME:      %[[B:.*]]: i1) -> i64
// CHECK:         %[[BIT:.*]] = arith.extui %[[B]] : i1 to i64
// CHECK:         %[[TAG:.*]] = arith.constant -1688849860263936 : i64
// CHECK:         %[[V:.*]] = arith.ori %[[BIT]], %[[TAG]] : i64
// CHECK:         return %[[V]] : i64
roast.func @m.box_bool(%b: i1) -> !roast.value {
  %v = roast.box %b : i1
  roast.return %v : !roast.value
}

// -----

// None is the constant 0xFFFB << 48.
// CHECK-LABEL: func.func @m.box_none() -> i64
// CHECK-NOT:     llvm.call
// CHECK:         %[[NONE:.*]] = arith.constant -1407374883553280 : i64
// CHECK:         return %[[NONE]] : i64
roast.func @m.box_none() -> !roast.value {
  %n = roast.none
  %v = roast.box %n : !roast.none
  roast.return %v : !roast.value
}

// -----

// An int may need a heap box (beyond 48 bits): the runtime boxes it from
// its slot, with the slot kind (1 int). A str is retained inline and
// tagged 0xFFFC << 48 (None if null).
// CHECK-LABEL: func.func @m.box_slots(
// CHECK-SAME:      %[[I:.*]]: i64, %[[S:.*]]: !llvm.ptr)
// CHECK:         %[[KI:.*]] = arith.constant 1 : i32
// CHECK:         llvm.call @roast_rt_value_from_slot(%[[KI]], %[[I]]) : (i32, i64) -> i64
// CHECK-NOT:     llvm.call
// CHECK:         llvm.store
// CHECK:         %[[BITS:.*]] = llvm.ptrtoint %[[S]] : !llvm.ptr to i64
// CHECK:         %[[TAGGED:.*]] = arith.ori %[[BITS]], %{{.*}} : i64
// CHECK:         %[[NULL:.*]] = llvm.icmp "eq" %[[S]], %{{.*}} : !llvm.ptr
// CHECK:         %[[NONE:.*]] = arith.constant -1407374883553280 : i64
// CHECK:         arith.select %[[NULL]], %[[NONE]], %[[TAGGED]] : i64
roast.func @m.box_slots(%i: i64, %s: !roast.str) -> (!roast.value, !roast.value) {
  %vi = roast.box %i : i64
  %vs = roast.box %s : !roast.str
  roast.return %vi, %vs : !roast.value, !roast.value
}

// -----

// An optional reference boxes inline as a reference does, None for null;
// borrowed, it is not retained (no load of the count).
// CHECK-LABEL: func.func @m.box_optional(
// CHECK-SAME:      %[[O:.*]]: !llvm.ptr, %[[P:.*]]: !llvm.ptr)
// CHECK:         %[[OC:.*]] = llvm.load %[[O]] {alignment = 8 : i64} : !llvm.ptr -> i64
// CHECK:         %[[OBITS:.*]] = llvm.ptrtoint %[[O]] : !llvm.ptr to i64
// CHECK:         %[[ONULL:.*]] = llvm.icmp "eq" %[[O]], %{{.*}} : !llvm.ptr
// CHECK:         arith.select %[[ONULL]], %{{.*}}, %{{.*}} : i64
// CHECK-NOT:     llvm.load
// CHECK:         %[[PBITS:.*]] = llvm.ptrtoint %[[P]] : !llvm.ptr to i64
// CHECK:         %[[PNULL:.*]] = llvm.icmp "eq" %[[P]], %{{.*}} : !llvm.ptr
// CHECK:         arith.select %[[PNULL]], %{{.*}}, %{{.*}} : i64
// CHECK-NOT:     llvm.call
roast.func @m.box_optional(%o: !roast.optional<!roast.str>, %p: !roast.optional<!roast.str>) -> (!roast.value, !roast.value) {
  %vo = roast.box %o : !roast.optional<!roast.str>
  %vp = roast.box borrowed %p : !roast.optional<!roast.str>
  roast.return %vo, %vp : !roast.value, !roast.value
}

// -----

// A checked unbox: the runtime raises TypeError, the caller returns.
// CHECK-LABEL: func.func @m.unbox_int(
// CHECK-SAME:      %[[V:.*]]: i64) -> i64
// CHECK:         %[[N:.*]] = llvm.call @roast_rt_value_unbox_int(%[[V]], %{{.*}}, %{{.*}}, %{{.*}}) : (i64, !llvm.ptr, i32, !llvm.ptr) -> i64
// CHECK:         %[[EXC:.*]] = llvm.mlir.addressof @roast_rt_exception
// CHECK:         %[[PENDING:.*]] = llvm.load %[[EXC]]
// CHECK:         %[[RAISED:.*]] = llvm.icmp "ne" %[[PENDING]], %{{.*}} : !llvm.ptr
// CHECK:         cf.cond_br %[[RAISED]] weights([1, 2000]), ^[[UNWIND:.*]], ^[[OK:.*]]
// CHECK:       ^[[OK]]:
// CHECK:         return %[[N]] : i64
roast.func @m.unbox_int(%v: !roast.value) -> i64 {
  %i = roast.unbox %v : i64
  roast.return %i : i64
}

// -----

// Unboxing to a container passes its type id (2 list) and element kind.
// CHECK-LABEL: func.func @m.unbox_list(
// CHECK:         %[[NONE_OK:.*]] = arith.constant 0 : i32
// CHECK:         %[[LIST:.*]] = arith.constant 2 : i32
// CHECK:         %[[FLOAT:.*]] = arith.constant 2 : i32
// CHECK:         llvm.call @roast_rt_value_unbox_object(%{{.*}}, %[[LIST]], %[[FLOAT]], %[[NONE_OK]], {{.*}}) : (i64, i32, i32, i32, !llvm.ptr, i32, !llvm.ptr) -> !llvm.ptr
// CHECK:         llvm.icmp "ne"
roast.func @m.unbox_list(%v: !roast.value) -> !roast.list<f64> {
  %l = roast.unbox %v : !roast.list<f64>
  roast.return %l : !roast.list<f64>
}

// -----

// Operators are numbered as the runtime's RoastBinaryOp (add 0, sub 1,
// truediv 3); the trailing i32 is the in-place flag. + - * of two doubles
// (both below the first tag, 0xFFF9 << 48) run inline, the result's NaN
// made canonical (0x7FF8 << 48); anything else calls the runtime.
// CHECK-LABEL: func.func @m.add(
// CHECK-SAME:      %[[A:.*]]: i64, %[[B:.*]]: i64) -> i64
// CHECK:         %[[FIRST_TAG:.*]] = arith.constant -1970324836974592 : i64
// CHECK:         %[[AD:.*]] = arith.cmpi ult, %[[A]], %[[FIRST_TAG]] : i64
// CHECK:         %[[BD:.*]] = arith.cmpi ult, %[[B]], %[[FIRST_TAG]] : i64
// CHECK:         %[[BOTH:.*]] = arith.andi %[[AD]], %[[BD]] : i1
// CHECK:         cf.cond_br %[[BOTH]], ^[[FAST:.*]], ^[[SLOW:[a-z0-9]+]]
// CHECK:       ^[[FAST]]:
// CHECK:         %[[X:.*]] = arith.bitcast %[[A]] : i64 to f64
// CHECK:         %[[Y:.*]] = arith.bitcast %[[B]] : i64 to f64
// CHECK:         %[[SUM:.*]] = arith.addf %[[X]], %[[Y]] : f64
// CHECK:         %[[ISNAN:.*]] = arith.cmpf uno, %[[SUM]], %[[SUM]] : f64
// CHECK:         %[[NAN:.*]] = arith.constant 9221120237041090560 : i64
// CHECK:         %[[BITS:.*]] = arith.bitcast %[[SUM]] : f64 to i64
// CHECK:         %[[R:.*]] = arith.select %[[ISNAN]], %[[NAN]], %[[BITS]] : i64
// CHECK:         cf.br ^[[MERGE:.*]](%[[R]] : i64)
// CHECK:       ^[[MERGE]](%[[RESULT:.*]]: i64):
// CHECK:         return %[[RESULT]] : i64
// CHECK:       ^[[SLOW]]:
// CHECK:         %[[ADD:.*]] = arith.constant 0 : i32
// CHECK:         %[[NOT_INPLACE:.*]] = arith.constant 0 : i32
// CHECK:         %[[CALL:.*]] = llvm.call @roast_rt_value_binary(%[[ADD]], %[[A]], %[[B]], %[[NOT_INPLACE]], {{.*}}) : (i32, i64, i64, i32, !llvm.ptr, i32, !llvm.ptr) -> i64
// CHECK:         cf.cond_br %{{.*}} weights([1, 2000]), ^{{.*}}, ^[[OK:[a-z0-9]+]]
// CHECK:       ^[[OK]]:
// CHECK:         cf.br ^[[MERGE]](%[[CALL]] : i64)
// CHECK-LABEL: func.func @m.isub(
// CHECK:         arith.subf
// CHECK:         %[[SUB:.*]] = arith.constant 1 : i32
// CHECK:         %[[INPLACE:.*]] = arith.constant 1 : i32
// CHECK:         llvm.call @roast_rt_value_binary(%[[SUB]], %{{.*}}, %{{.*}}, %[[INPLACE]],
// CHECK-LABEL: func.func @m.div(
// CHECK-SAME:      %[[A:.*]]: i64, %[[B:.*]]: i64) -> i64
// CHECK-NOT:     arith.divf
// CHECK:         %[[DIV:.*]] = arith.constant 3 : i32
// CHECK:         %[[R:.*]] = llvm.call @roast_rt_value_binary(%[[DIV]], %[[A]], %[[B]],
// CHECK:         cf.cond_br %{{.*}} weights([1, 2000])
// CHECK:         return %[[R]] : i64
roast.func @m.add(%a: !roast.value, %b: !roast.value) -> !roast.value {
  %r = roast.dyn.binary add %a, %b
  roast.return %r : !roast.value
}
roast.func @m.isub(%a: !roast.value, %b: !roast.value) -> !roast.value {
  %r = roast.dyn.binary sub %a, %b {inplace}
  roast.return %r : !roast.value
}
roast.func @m.div(%a: !roast.value, %b: !roast.value) -> !roast.value {
  %r = roast.dyn.binary truediv %a, %b
  roast.return %r : !roast.value
}

// -----

// Comparisons are numbered as CPython's Py_LT .. Py_GE; truth, `in` and
// len come back as C ints made into i1s or i64s.
// CHECK-LABEL: func.func @m.compare(
// CHECK:         %[[GE:.*]] = arith.constant 5 : i32
// CHECK:         llvm.call @roast_rt_value_compare(%[[GE]], %{{.*}}, %{{.*}},
// CHECK:         %[[T:.*]] = llvm.call @roast_rt_value_truth(
// CHECK:         arith.cmpi sgt, %[[T]], %{{.*}} : i32
// CHECK:         %[[C:.*]] = llvm.call @roast_rt_value_contains(%arg1, %arg0,
// CHECK:         arith.cmpi sgt, %[[C]], %{{.*}} : i32
// CHECK:         llvm.call @roast_rt_value_len(%arg1,
roast.func @m.compare(%a: !roast.value, %b: !roast.value) -> i64 {
  %r = roast.dyn.compare ge, %a, %b
  %t = roast.dyn.truth %r
  %c = roast.dyn.contains %a in %b
  %n = roast.dyn.len %b
  roast.return %n : i64
}

// -----

// The arguments of a dynamic call go in an array allocated in the entry
// block (a call in a loop reuses it), then the runtime gets (callee, argc,
// argv).
// CHECK-LABEL: func.func @m.call(
// CHECK-SAME:      %[[F:.*]]: i64, %[[A:.*]]: i64, %[[B:.*]]: i64, %{{.*}}: i1)
// CHECK:         %[[ONE:.*]] = llvm.mlir.constant(1 : i64) : i64
// CHECK:         %[[ARGV:.*]] = llvm.alloca %[[ONE]] x !llvm.array<2 x i64> {alignment = 8 : i64}
// CHECK:         cf.cond_br
// CHECK:         %[[P0:.*]] = llvm.getelementptr %[[ARGV]][0] : (!llvm.ptr) -> !llvm.ptr, i64
// CHECK:         llvm.store %[[A]], %[[P0]] {alignment = 8 : i64}
// CHECK:         %[[P1:.*]] = llvm.getelementptr %[[ARGV]][1] : (!llvm.ptr) -> !llvm.ptr, i64
// CHECK:         llvm.store %[[B]], %[[P1]] {alignment = 8 : i64}
// CHECK:         %[[ARGC:.*]] = arith.constant 2 : i64
// CHECK:         llvm.call @roast_rt_value_call(%[[F]], %[[ARGC]], %[[ARGV]], {{.*}}) : (i64, i64, !llvm.ptr, !llvm.ptr, i32, !llvm.ptr) -> i64
roast.func @m.call(%f: !roast.value, %a: !roast.value, %b: !roast.value,
                   %c: i1) -> !roast.value {
  cf.cond_br %c, ^call, ^skip
^call:
  %r = roast.dyn.call %f(%a, %b)
  roast.return %r : !roast.value
^skip:
  roast.return %f : !roast.value
}

// -----

// Without arguments argv is null; a method call adds the name.
// CHECK:       llvm.mlir.global private unnamed_addr constant @[[UPPER:roast.cstr.[0-9]+]]("upper\00")
// CHECK-LABEL: func.func @m.call_method(
// CHECK-NOT:     llvm.alloca
// CHECK:         %[[NULL:.*]] = llvm.mlir.zero : !llvm.ptr
// CHECK:         %[[ARGC:.*]] = arith.constant 0 : i64
// CHECK:         %[[NAME:.*]] = llvm.mlir.addressof @[[UPPER]]
// CHECK:         llvm.call @roast_rt_value_call_method(%arg0, %[[NAME]], %[[ARGC]], %[[NULL]],
roast.func @m.call_method(%v: !roast.value) -> !roast.value {
  %r = roast.dyn.call_method %v "upper"()
  roast.return %r : !roast.value
}

// -----

// The next item comes back through an entry-block slot that starts as
// None; the call's result says whether there was one.
// CHECK-LABEL: func.func @m.next(
// CHECK-SAME:      %[[IT:.*]]: i64) -> i64
// CHECK:         %[[SLOT:.*]] = llvm.alloca %{{.*}} x i64 {alignment = 8 : i64}
// CHECK:         %[[NONE:.*]] = arith.constant -1407374883553280 : i64
// CHECK:         llvm.store %[[NONE]], %[[SLOT]] {alignment = 8 : i64} : i64, !llvm.ptr
// CHECK:         %[[MORE:.*]] = llvm.call @roast_rt_value_next(%[[IT]], %[[SLOT]], {{.*}}) : (i64, !llvm.ptr, !llvm.ptr, i32, !llvm.ptr) -> i1
// CHECK:         cf.cond_br %{{.*}} weights([1, 2000])
// CHECK:         %[[ITEM:.*]] = llvm.load %[[SLOT]] {alignment = 8 : i64} : !llvm.ptr -> i64
// CHECK:         arith.select %[[MORE]], %[[ITEM]], %{{.*}} : i64
roast.func @m.next(%it: !roast.value) -> !roast.value {
  %more, %item = roast.dyn.next %it
  %none = roast.none
  %n = roast.box %none : !roast.none
  %r = arith.select %more, %item, %n : !roast.value
  roast.return %r : !roast.value
}

// -----

// Only an object value (tag 0xFFFC) has a refcount: retain and release
// test the tag, take the low 48 bits as the address, and skip immortal
// objects as for any reference.
// CHECK-LABEL: func.func @m.refcount(
// CHECK-SAME:      %[[V:.*]]: i64)
// CHECK:         %[[SHIFT:.*]] = arith.constant 48 : i64
// CHECK:         %[[TAG:.*]] = arith.shrui %[[V]], %[[SHIFT]] : i64
// CHECK:         %[[OBJTAG:.*]] = arith.constant 65532 : i64
// CHECK:         %[[ISOBJ:.*]] = arith.cmpi eq, %[[TAG]], %[[OBJTAG]] : i64
// CHECK:         %[[MASK:.*]] = arith.constant 281474976710655 : i64
// CHECK:         %[[BITS:.*]] = arith.andi %[[V]], %[[MASK]] : i64
// CHECK:         %[[ADDR:.*]] = llvm.inttoptr %[[BITS]] : i64 to !llvm.ptr
// CHECK:         %[[REF:.*]] = arith.select %[[ISOBJ]], %[[ADDR]], %{{.*}} : !llvm.ptr
// CHECK:         %[[ISNULL:.*]] = llvm.icmp "eq" %[[REF]], %{{.*}} : !llvm.ptr
// CHECK:         cf.cond_br %[[ISNULL]], ^[[DONE:.*]], ^[[COUNTED:[a-z0-9]+]]
// CHECK:       ^[[COUNTED]]:
// CHECK:         %[[COUNT:.*]] = llvm.load %[[REF]] {alignment = 8 : i64} : !llvm.ptr -> i64
// CHECK:         arith.addi %[[COUNT]], %{{.*}} : i64
// CHECK:         arith.shrui %[[V]], %{{.*}} : i64
// CHECK:         arith.cmpi eq, %{{.*}}, %{{.*}} : i64
// CHECK:         llvm.load
// CHECK:         arith.subi
// CHECK:         llvm.call @roast_rt_dealloc(
roast.func @m.refcount(%v: !roast.value) {
  roast.retain %v : !roast.value
  roast.release %v : !roast.value
  roast.return
}

// -----

// isinstance of a built-in type asks the runtime with the type's number;
// `is None` is a compare with None's bits.
// CHECK-LABEL: func.func @m.isinstance(
// CHECK-SAME:      %[[V:.*]]: i64)
// CHECK:         %[[STR:.*]] = arith.constant 2 : i32
// CHECK:         llvm.call @roast_rt_value_isinstance_builtin(%[[V]], %[[STR]]) : (i64, i32) -> i1
// CHECK:         %[[NONE:.*]] = arith.constant -1407374883553280 : i64
// CHECK:         arith.cmpi eq, %[[V]], %[[NONE]] : i64
// isinstance of a class passes the class's descriptor.
// CHECK:         %[[DESC:.*]] = llvm.mlir.addressof @P.class : !llvm.ptr
// CHECK:         llvm.call @roast_rt_value_isinstance_class(%[[V]], %[[DESC]]) : (i64, !llvm.ptr) -> i1
roast.class @P {fields = ["x"], field_types = [i64], methods = []}
roast.func @m.isinstance(%v: !roast.value) -> i1 {
  %s = roast.dyn.isinstance %v, str
  %n = roast.dyn.isinstance %v, none
  %b = roast.isinstance %v, @P : !roast.value
  roast.return %b : i1
}

// -----

// Built-ins as values are the runtime's immortal objects, by number.
// CHECK-LABEL: func.func @m.builtin()
// CHECK:         %[[ABS:.*]] = arith.constant 0 : i32
// CHECK:         llvm.call @roast_rt_builtin_value(%[[ABS]]) : (i32) -> i64
roast.func @m.builtin() -> !roast.value {
  %f = roast.builtin_value abs
  roast.return %f : !roast.value
}

// -----

// A class with a member table and a call entry: the descriptor points at
// an array of RoastMember {name, kind, slot_kind, offset, get, set, call}
// and at a RoastCallable {name, min_args, max_args, entry}. A field member
// has its offset and slot kind (1 int, 5 value); a method member its
// callable.
// CHECK:       llvm.mlir.global private constant @Counter.class.values(dense<32> : tensor<1xi64>)
// CHECK:       llvm.mlir.global private constant @Counter.class.member0.name("n\00")
// CHECK:       llvm.mlir.global private constant @Counter.class.member1.name("tag\00")
// CHECK:       llvm.mlir.global private constant @Counter.class.member2.name("__call__\00")
// CHECK:       llvm.mlir.global private constant @Counter.class.member2.call.name("Counter.__call__\00")
// CHECK:       llvm.mlir.global private constant @Counter.class.member2.call() {{.*}} : !llvm.struct<(ptr, i32, i32, ptr)> {
// CHECK:         llvm.mlir.addressof @Counter.class.member2.call.name
// CHECK:         llvm.mlir.constant(1 : i32) : i32
// CHECK:         llvm.mlir.constant(2 : i32) : i32
// CHECK:         func.constant @"Counter.__call__.<dyn>" : (!llvm.ptr, i64, i64, i64) -> i64
// CHECK:       llvm.mlir.global private constant @Counter.class.members() {{.*}} : !llvm.array<3 x struct<(ptr, i32, i32, i64, ptr, ptr, ptr)>> {
// CHECK:         llvm.mlir.addressof @Counter.class.member0.name
// CHECK-NEXT:    llvm.insertvalue %{{.*}}[0, 0]
// CHECK-NEXT:    %[[FIELD:.*]] = llvm.mlir.constant(1 : i32) : i32
// CHECK-NEXT:    llvm.insertvalue %[[FIELD]], %{{.*}}[0, 1]
// CHECK-NEXT:    %[[INT:.*]] = llvm.mlir.constant(1 : i32) : i32
// CHECK-NEXT:    llvm.insertvalue %[[INT]], %{{.*}}[0, 2]
// CHECK-NEXT:    %[[OFF:.*]] = llvm.mlir.constant(24 : i64) : i64
// CHECK-NEXT:    llvm.insertvalue %[[OFF]], %{{.*}}[0, 3]
// CHECK-NEXT:    func.constant @"Counter.<dyn-get>.n"
// CHECK:         func.constant @"Counter.<dyn-set>.n"
// CHECK:         llvm.mlir.addressof @Counter.class.member1.name
// CHECK:         %[[VALUE:.*]] = llvm.mlir.constant(5 : i32) : i32
// CHECK-NEXT:    llvm.insertvalue %[[VALUE]], %{{.*}}[1, 2]
// CHECK-NEXT:    %[[OFF1:.*]] = llvm.mlir.constant(32 : i64) : i64
// CHECK-NEXT:    llvm.insertvalue %[[OFF1]], %{{.*}}[1, 3]
// CHECK-NEXT:    %[[NOGET:.*]] = llvm.mlir.zero : !llvm.ptr
// CHECK-NEXT:    llvm.insertvalue %[[NOGET]], %{{.*}}[1, 4]
// CHECK:         %[[METHOD:.*]] = llvm.mlir.constant(2 : i32) : i32
// CHECK-NEXT:    llvm.insertvalue %[[METHOD]], %{{.*}}[2, 1]
// CHECK:         %[[CALL:.*]] = llvm.mlir.addressof @Counter.class.member2.call : !llvm.ptr
// CHECK-NEXT:    llvm.insertvalue %[[CALL]], %{{.*}}[2, 6]
// CHECK:       llvm.mlir.global private constant @Counter.class.call() {{.*}} : !llvm.struct<(ptr, i32, i32, ptr)> {
// CHECK:         func.constant @"Counter.__call__.<self>.<dyn>" : (!llvm.ptr, i64, i64) -> i64
// CHECK:       llvm.mlir.global private constant @Counter.class()
// CHECK:         %[[NMEMBERS:.*]] = llvm.mlir.constant(3 : i64) : i64
// CHECK-NEXT:    llvm.insertvalue %[[NMEMBERS]], %{{.*}}[13]
// CHECK-NEXT:    %[[MEMBERS:.*]] = llvm.mlir.addressof @Counter.class.members : !llvm.ptr
// CHECK-NEXT:    llvm.insertvalue %[[MEMBERS]], %{{.*}}[14]
// CHECK-NEXT:    %[[CALLABLE:.*]] = llvm.mlir.addressof @Counter.class.call : !llvm.ptr
// CHECK-NEXT:    llvm.insertvalue %[[CALLABLE]], %{{.*}}[15]
// CHECK-NOT:   roast.class
roast.class @Counter {fields = ["n", "tag"], field_types = [i64, !roast.value],
                      methods = [@Counter.__call__],
                      members = [{name = "n", kind = 1 : i32, field = "n",
                                  get = @"Counter.<dyn-get>.n",
                                  set = @"Counter.<dyn-set>.n"},
                                 {name = "tag", kind = 1 : i32, field = "tag"},
                                 {name = "__call__", kind = 2 : i32,
                                  call = {name = "Counter.__call__", min = 1 : i32,
                                          max = 2 : i32,
                                          entry = @"Counter.__call__.<dyn>"}}],
                      call = {name = "Counter.__call__", min = 0 : i32,
                              max = 1 : i32,
                              entry = @"Counter.__call__.<self>.<dyn>"}}

roast.func @Counter.__call__(%self: !roast.object<@Counter>, %by: i64) -> i64 {
  %n = roast.get_field %self["n"] : !roast.object<@Counter> -> i64
  roast.return %n : i64
}

roast.func @"Counter.<dyn-get>.n"(%self: !roast.object<@Counter>) -> !roast.value {
  %n = roast.get_field %self["n"] : !roast.object<@Counter> -> i64
  %v = roast.box %n : i64
  roast.return %v : !roast.value
}

roast.func @"Counter.<dyn-set>.n"(%self: !roast.object<@Counter>,
                                  %v: !roast.value) -> i1 {
  %n = roast.unbox %v : i64
  roast.set_field %self["n"], %n : !roast.object<@Counter>, i64
  %t = arith.constant true
  roast.return %t : i1
}

roast.func @"Counter.__call__.<dyn>"(%none: !roast.none, %argc: i64,
                                     %a0: !roast.value, %a1: !roast.value)
    -> !roast.value {
  %self = roast.unbox %a0 : !roast.object<@Counter>
  %by = roast.unbox %a1 : i64
  %r = roast.call @Counter.__call__(%self, %by) : (!roast.object<@Counter>, i64) -> i64
  roast.release %self : !roast.object<@Counter>
  %v = roast.box %r : i64
  roast.return %v : !roast.value
}

roast.func @"Counter.__call__.<self>.<dyn>"(%self: !roast.object<@Counter>,
                                            %argc: i64, %a0: !roast.value)
    -> !roast.value {
  %by = roast.unbox %a0 : i64
  %r = roast.call @Counter.__call__(%self, %by) : (!roast.object<@Counter>, i64) -> i64
  %v = roast.box %r : i64
  roast.return %v : !roast.value
}
