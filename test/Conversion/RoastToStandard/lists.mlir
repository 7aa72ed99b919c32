// RUN: roast-opt %s --convert-roast-to-standard -split-input-file | FileCheck %s

// l[i] is inline: the length is read at offset 16, a negative index counts
// from the end, one unsigned compare catches both out-of-range sides and
// branches to the function's raise block; the slot is loaded from the
// items pointer at offset 32 and decoded (bits of a double here). Header
// fields and element slots carry different TBAA tags (they never overlap),
// so LLVM keeps the length and items in registers across element stores.
// CHECK-DAG: #[[HEADERTYPE:tbaa_type_desc[0-9]*]] = #llvm.tbaa_type_desc<id = "roast list header"
// CHECK-DAG: #[[SLOTTYPE:tbaa_type_desc[0-9]*]] = #llvm.tbaa_type_desc<id = "roast list slot"
// CHECK-DAG: #[[HEADER:tbaa_tag[0-9]*]] = #llvm.tbaa_tag<base_type = #[[HEADERTYPE]], access_type = #[[HEADERTYPE]], offset = 0>
// CHECK-DAG: #[[SLOTS:tbaa_tag[0-9]*]] = #llvm.tbaa_tag<base_type = #[[SLOTTYPE]], access_type = #[[SLOTTYPE]], offset = 0>
// CHECK-DAG: ("list index out of range\00")
// CHECK-LABEL: func.func @m.get(
// CHECK-SAME:      %[[L:.*]]: !llvm.ptr, %[[I:.*]]: i64) -> f64
// CHECK:         %[[LENP:.*]] = llvm.getelementptr %[[L]][16] : (!llvm.ptr) -> !llvm.ptr, i8
// CHECK:         %[[LEN:.*]] = llvm.load %[[LENP]] {alignment = 8 : i64, tbaa = [#[[HEADER]]]} : !llvm.ptr -> i64
// CHECK:         %[[NEG:.*]] = arith.cmpi slt, %[[I]], %{{.*}} : i64
// CHECK:         %[[FROMEND:.*]] = arith.addi %[[I]], %[[LEN]] : i64
// CHECK:         %[[IDX:.*]] = arith.select %[[NEG]], %[[FROMEND]], %[[I]] : i64
// CHECK:         %[[BAD:.*]] = arith.cmpi uge, %[[IDX]], %[[LEN]] : i64
// CHECK:         cf.cond_br %[[BAD]] weights([1, 2000]), ^[[RAISE:[a-z0-9]+]](
// CHECK:         %[[ITEMSP:.*]] = llvm.getelementptr %[[L]][32] : (!llvm.ptr) -> !llvm.ptr, i8
// CHECK:         %[[ITEMS:.*]] = llvm.load %[[ITEMSP]] {alignment = 8 : i64, tbaa = [#{{tbaa_tag[0-9]*}}]} : !llvm.ptr -> !llvm.ptr
// CHECK:         %[[SLOTP:.*]] = llvm.getelementptr inbounds %[[ITEMS]][%[[IDX]]] : (!llvm.ptr, i64) -> !llvm.ptr, i64
// CHECK:         %[[SLOT:.*]] = llvm.load %[[SLOTP]] {alignment = 8 : i64, tbaa = [#[[SLOTS]]]} : !llvm.ptr -> i64
// CHECK:         %[[X:.*]] = llvm.bitcast %[[SLOT]] : i64 to f64
// CHECK:         return %[[X]]
// CHECK-NOT:     roast_rt_list_get
roast.func @m.get(%l: !roast.list<f64>, %i: i64) -> f64 {
  %x = roast.list_get %l[%i] : !roast.list<f64>
  roast.return %x : f64
}

// -----

// A list[bool] packs one byte per element: l[i] indexes the items as i8
// (after the same index check) and truncates the 0/1 byte to the i1.
// CHECK-LABEL: func.func @m.get_bool(
// CHECK-SAME:      %[[L:.*]]: !llvm.ptr, %[[I:.*]]: i64) -> i1
// CHECK:         %[[IDX:.*]] = arith.select %{{.*}}, %{{.*}}, %[[I]] : i64
// CHECK:         cf.cond_br %{{.*}} weights([1, 2000]), ^[[RAISE:[a-z0-9]+]](
// CHECK:         %[[ITEMSP:.*]] = llvm.getelementptr %[[L]][32] : (!llvm.ptr) -> !llvm.ptr, i8
// CHECK:         %[[ITEMS:.*]] = llvm.load %[[ITEMSP]] {alignment = 8 : i64, tbaa = [#{{tbaa_tag[0-9]*}}]} : !llvm.ptr -> !llvm.ptr
// CHECK:         %[[BYTEP:.*]] = llvm.getelementptr inbounds %[[ITEMS]][%[[IDX]]] : (!llvm.ptr, i64) -> !llvm.ptr, i8
// CHECK:         %[[BYTE:.*]] = llvm.load %[[BYTEP]] {alignment = 1 : i64, tbaa = [#{{tbaa_tag[0-9]*}}]} : !llvm.ptr -> i8
// CHECK:         %[[X:.*]] = arith.trunci %[[BYTE]] : i8 to i1
// CHECK:         return %[[X]]
// CHECK-NOT:     roast_rt_list_get
roast.func @m.get_bool(%l: !roast.list<i1>, %i: i64) -> i1 {
  %x = roast.list_get %l[%i] : !roast.list<i1>
  roast.return %x : i1
}

// -----

// l[i] = v of a number kind stores inline, with its own message: a bool as
// one byte at items + i, a float as its 8-byte slot at items + 8*i; of an
// object kind it calls the runtime, which retains the new element and
// releases the old one.
// CHECK-DAG: ("list assignment index out of range\00")
// CHECK-LABEL: func.func @m.set(
// CHECK-SAME:      %[[L:.*]]: !llvm.ptr, %[[I:.*]]: i64, %[[B:.*]]: i1, %[[S:.*]]: !llvm.ptr, %[[T:.*]]: !llvm.ptr, %[[F:.*]]: !llvm.ptr, %[[X:.*]]: f64)
// CHECK:         %[[BYTE:.*]] = arith.extui %[[B]] : i1 to i8
// CHECK:         cf.cond_br %{{.*}} weights([1, 2000]), ^[[RAISE:[a-z0-9]+]](
// CHECK:         %[[ITEMSP:.*]] = llvm.getelementptr %[[L]][32] : (!llvm.ptr) -> !llvm.ptr, i8
// CHECK:         %[[ITEMS:.*]] = llvm.load %[[ITEMSP]] {alignment = 8 : i64, tbaa = [#{{tbaa_tag[0-9]*}}]} : !llvm.ptr -> !llvm.ptr
// CHECK:         %[[BYTEP:.*]] = llvm.getelementptr inbounds %[[ITEMS]][%{{.*}}] : (!llvm.ptr, i64) -> !llvm.ptr, i8
// CHECK:         llvm.store %[[BYTE]], %[[BYTEP]] {alignment = 1 : i64, tbaa = [#{{tbaa_tag[0-9]*}}]} : i8, !llvm.ptr
// CHECK-NOT:     roast_rt_list_set
// CHECK:         %[[OBJ:.*]] = llvm.ptrtoint %[[S]] : !llvm.ptr to i64
// CHECK:         llvm.call @roast_rt_list_set(%[[T]], %[[I]], %[[OBJ]],
// CHECK:         %[[SLOT:.*]] = llvm.bitcast %[[X]] : f64 to i64
// CHECK:         cf.cond_br %{{.*}} weights([1, 2000]), ^[[RAISE]](
// CHECK:         %[[FITEMSP:.*]] = llvm.getelementptr %[[F]][32] : (!llvm.ptr) -> !llvm.ptr, i8
// CHECK:         %[[FITEMS:.*]] = llvm.load %[[FITEMSP]] {alignment = 8 : i64, tbaa = [#{{tbaa_tag[0-9]*}}]} : !llvm.ptr -> !llvm.ptr
// CHECK:         %[[SLOTP:.*]] = llvm.getelementptr inbounds %[[FITEMS]][%{{.*}}] : (!llvm.ptr, i64) -> !llvm.ptr, i64
// CHECK:         llvm.store %[[SLOT]], %[[SLOTP]] {alignment = 8 : i64, tbaa = [#{{tbaa_tag[0-9]*}}]} : i64, !llvm.ptr
// CHECK-NOT:     roast_rt_list_set
roast.func @m.set(%l: !roast.list<i1>, %i: i64, %b: i1, %s: !roast.str,
                  %t: !roast.list<!roast.str>, %f: !roast.list<f64>, %x: f64) {
  roast.list_set %l[%i], %b : !roast.list<i1>
  roast.list_set %t[%i], %s : !roast.list<!roast.str>
  roast.list_set %f[%i], %x : !roast.list<f64>
  roast.return
}

// -----

// An unchecked l[i] and l[i] = v (roast-loop-versioning proved the index
// in range): no length load, no negative-index select, no branch to a
// raise block; only the items pointer and the element.
// CHECK-LABEL: func.func @m.unchecked(
// CHECK-SAME:      %[[L:.*]]: !llvm.ptr, %[[I:.*]]: i64, %[[B:.*]]: !llvm.ptr)
// CHECK-NOT:     llvm.getelementptr %[[L]][16]
// CHECK-NOT:     arith.select
// CHECK-NOT:     cf.cond_br
// CHECK:         %[[ITEMSP:.*]] = llvm.getelementptr %[[L]][32] : (!llvm.ptr) -> !llvm.ptr, i8
// CHECK:         %[[ITEMS:.*]] = llvm.load %[[ITEMSP]] {alignment = 8 : i64, tbaa = [#{{tbaa_tag[0-9]*}}]} : !llvm.ptr -> !llvm.ptr
// CHECK:         %[[SLOTP:.*]] = llvm.getelementptr inbounds %[[ITEMS]][%[[I]]] : (!llvm.ptr, i64) -> !llvm.ptr, i64
// CHECK:         %[[SLOT:.*]] = llvm.load %[[SLOTP]] {alignment = 8 : i64, tbaa = [#{{tbaa_tag[0-9]*}}]} : !llvm.ptr -> i64
// CHECK:         %[[BITEMSP:.*]] = llvm.getelementptr %[[B]][32] : (!llvm.ptr) -> !llvm.ptr, i8
// CHECK:         %[[BITEMS:.*]] = llvm.load %[[BITEMSP]]
// CHECK:         %[[BYTEP:.*]] = llvm.getelementptr inbounds %[[BITEMS]][%[[I]]] : (!llvm.ptr, i64) -> !llvm.ptr, i8
// CHECK:         llvm.store %{{.*}}, %[[BYTEP]]
// CHECK-NOT:     cf.cond_br
// CHECK-NOT:     roast_rt_raise
// CHECK:         return %[[SLOT]]
roast.func @m.unchecked(%l: !roast.list<i64>, %i: i64, %b: !roast.list<i1>) -> i64 {
  %x = roast.list_get %l[%i] unchecked : !roast.list<i64>
  %t = arith.constant true
  roast.list_set %b[%i] unchecked, %t : !roast.list<i1>
  roast.return %x : i64
}

// -----

// sort(key=): the (key, index) pairs are sorted, then the list is reordered
// by them in one runtime call (elements only move: no retain or release).
// CHECK-LABEL: func.func @sort_by_key(
// CHECK-SAME:      %[[L:[^:]*]]: !llvm.ptr, %[[P:[^:]*]]: !llvm.ptr, %[[R:[^:]*]]: i1
// CHECK:         %[[R32:.*]] = arith.extui %[[R]] : i1 to i32
// CHECK:         llvm.call @roast_rt_list_sort(%[[P]], %[[R32]],
// CHECK:         %[[R32B:.*]] = arith.extui %[[R]] : i1 to i32
// CHECK:         llvm.call @roast_rt_list_reorder(%[[L]], %[[P]], %[[R32B]],
// CHECK-NOT:     roast_rt_retain
roast.func @sort_by_key(%l: !roast.list<!roast.str>, %pairs: !roast.list<tuple<i64, i64>>, %reverse: i1) {
  roast.list_method sort(%pairs, %reverse) : (!roast.list<tuple<i64, i64>>, i1) -> ()
  roast.list_method reorder(%l, %pairs, %reverse) : (!roast.list<!roast.str>, !roast.list<tuple<i64, i64>>, i1) -> ()
  roast.return
}

// -----

// sort(key=) with int keys: the keys' stable order in one call (no pair
// tuples), then the list permuted by it (elements only move).
// CHECK-LABEL: func.func @sort_by_int_key(
// CHECK-SAME:      %[[L:[^:]*]]: !llvm.ptr, %[[K:[^:]*]]: !llvm.ptr, %[[R:[^:]*]]: i1
// CHECK:         %[[R32:.*]] = arith.extui %[[R]] : i1 to i32
// CHECK:         %[[O:.*]] = llvm.call @roast_rt_list_argsort(%[[K]], %[[R32]]) : (!llvm.ptr, i32) -> !llvm.ptr
// CHECK:         llvm.call @roast_rt_list_permute(%[[L]], %[[O]],
// CHECK-NOT:     roast_rt_retain
roast.func @sort_by_int_key(%l: !roast.list<!roast.str>, %keys: !roast.list<i64>, %reverse: i1) {
  %o = roast.list_method argsort(%keys, %reverse) : (!roast.list<i64>, i1) -> !roast.list<i64>
  roast.list_method permute(%l, %o) : (!roast.list<!roast.str>, !roast.list<i64>) -> ()
  roast.return
}

// sorted(key=): a new list gathered in the order (raising if a key changed
// the list's length).
// CHECK-LABEL: func.func @sorted_by_int_key(
// CHECK:         %[[P:.*]] = llvm.call @roast_rt_list_permuted(
// CHECK:         cf.cond_br
// CHECK:         return %[[P]]
roast.func @sorted_by_int_key(%l: !roast.list<!roast.str>, %o: !roast.list<i64>) -> !roast.list<!roast.str> {
  %p = roast.list_method permuted(%l, %o) : (!roast.list<!roast.str>, !roast.list<i64>) -> !roast.list<!roast.str>
  roast.return %p : !roast.list<!roast.str>
}

// A reserve hint is a plain call: it cannot raise.
// CHECK-LABEL: func.func @reserve(
// CHECK-SAME:      %[[L:[^:]*]]: !llvm.ptr, %[[N:[^:]*]]: i64
// CHECK-NEXT:    llvm.call @roast_rt_list_reserve_hint(%[[L]], %[[N]]) : (!llvm.ptr, i64) -> ()
// CHECK-NEXT:    return
roast.func @reserve(%l: !roast.list<i64>, %n: i64) {
  roast.list_method reserve(%l, %n) : (!roast.list<i64>, i64) -> ()
  roast.return
}

// -----

// append is inline while the list has room (length != capacity, at offsets
// 16 and 24): the slot is stored at items[length] and the length counted;
// only a full list calls the runtime, which grows it.
// CHECK-LABEL: func.func @append_int(
// CHECK-SAME:      %[[L:[^:]*]]: !llvm.ptr, %[[V:[^:]*]]: i64
// CHECK:         %[[LEN:.*]] = llvm.load %{{.*}} {alignment = 8 : i64, tbaa = [#{{.*}}]} : !llvm.ptr -> i64
// CHECK:         %[[CAPP:.*]] = llvm.getelementptr %[[L]][24]
// CHECK:         %[[CAP:.*]] = llvm.load %[[CAPP]]
// CHECK:         %[[FULL:.*]] = arith.cmpi eq, %[[LEN]], %[[CAP]] : i64
// CHECK:         cf.cond_br %[[FULL]] weights([1, 2000]), ^[[GROW:.*]], ^[[STORE:.*]]
// CHECK:       ^[[GROW]]:
// CHECK-NEXT:    llvm.call @roast_rt_list_append(%[[L]], %[[V]])
// CHECK-NEXT:    cf.br ^[[DONE:.*]]
// CHECK:       ^[[STORE]]:
// CHECK:         %[[ITEMS:.*]] = llvm.load %{{.*}} : !llvm.ptr -> !llvm.ptr
// CHECK:         %[[AT:.*]] = llvm.getelementptr inbounds %[[ITEMS]][%[[LEN]]] : (!llvm.ptr, i64) -> !llvm.ptr, i64
// CHECK:         llvm.store %[[V]], %[[AT]]
// CHECK:         %[[NEXT:.*]] = arith.addi %[[LEN]], %{{.*}} : i64
// CHECK:         llvm.store %[[NEXT]], %{{.*}}
// CHECK-NEXT:    cf.br ^[[DONE]]
// CHECK:       ^[[DONE]]:
// CHECK-NEXT:    return
roast.func @append_int(%l: !roast.list<i64>, %v: i64) {
  roast.list_append %l, %v : !roast.list<i64>
  roast.return
}

// An object appended inline is retained there (the runtime retains it on
// the slow path).
// CHECK-LABEL: func.func @append_str(
// CHECK-SAME:      %{{[^:]*}}: !llvm.ptr, %[[S:[^:]*]]: !llvm.ptr
// CHECK:         cf.cond_br %{{.*}} weights([1, 2000]), ^[[GROW:.*]], ^[[STORE:.*]]
// CHECK:       ^[[GROW]]:
// CHECK-NEXT:    llvm.call @roast_rt_list_append(
// CHECK-NOT:     roast_rt_release
// CHECK:       ^[[STORE]]:
// CHECK:         %[[COUNT:.*]] = llvm.load %[[S]] {alignment = 8 : i64} : !llvm.ptr -> i64
// CHECK:         %[[MORE:.*]] = arith.addi %[[COUNT]], %{{.*}} : i64
// CHECK-NEXT:    llvm.store %[[MORE]], %[[S]]
roast.func @append_str(%l: !roast.list<!roast.str>, %s: !roast.str) {
  roast.list_append %l, %s : !roast.list<!roast.str>
  roast.return
}

// A tuple is boxed for the list: inline, the list takes the new box's
// reference (no retain, no release); the slow path releases it after the
// runtime retained it.
// CHECK-LABEL: func.func @append_tuple(
// CHECK:         %[[BOX:.*]] = llvm.call @roast_rt_tuple_new(
// CHECK:         cf.cond_br %{{.*}} weights([1, 2000]), ^[[GROW:.*]], ^[[STORE:.*]]
// CHECK:       ^[[GROW]]:
// CHECK-NEXT:    llvm.call @roast_rt_list_append(
// CHECK-NEXT:    llvm.call @roast_rt_release(%[[BOX]])
// CHECK:       ^[[STORE]]:
// CHECK-NOT:     llvm.icmp
// CHECK-NOT:     llvm.call
// CHECK:         cf.br
roast.func @append_tuple(%l: !roast.list<tuple<i64, !roast.str>>, %t: tuple<i64, !roast.str>) {
  roast.list_append %l, %t : !roast.list<tuple<i64, !roast.str>>
  roast.return
}

// A list of bools packs bytes: append always calls.
// CHECK-LABEL: func.func @append_bool(
// CHECK:         llvm.call @roast_rt_list_append(
// CHECK-NOT:     cf.cond_br
// CHECK:         return
roast.func @append_bool(%l: !roast.list<i1>, %b: i1) {
  roast.list_append %l, %b : !roast.list<i1>
  roast.return
}
