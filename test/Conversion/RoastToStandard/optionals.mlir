// RUN: roast-opt %s --convert-roast-to-standard -split-input-file | FileCheck %s
// `T | None` (docs/rationale/optionals.md): an optional number is an
// {i1 present, T} struct, zero when None; an optional reference is the
// nullable pointer itself. Printing branches on presence; a container slot
// holds a box (null for None); d.get(k) wraps the value it finds.

// CHECK-LABEL: func.func @m.wrap(
// CHECK-SAME:      %[[X:.*]]: i64) -> !llvm.struct<(i1, i64)>
// CHECK:         %[[T:.*]] = llvm.mlir.constant(true) : i1
// CHECK:         %[[Z:.*]] = llvm.mlir.zero : !llvm.struct<(i1, i64)>
// CHECK:         %[[P:.*]] = llvm.insertvalue %[[T]], %[[Z]][0]
// CHECK:         %[[W:.*]] = llvm.insertvalue %[[X]], %[[P]][1]
// CHECK:         return %[[W]]
roast.func @m.wrap(%x: i64) -> !roast.optional<i64> {
  %w = roast.optional_wrap %x : !roast.optional<i64>
  roast.return %w : !roast.optional<i64>
}

// -----

// CHECK-LABEL: func.func @m.none() -> !llvm.struct<(i1, f64)>
// CHECK:         %[[Z:.*]] = llvm.mlir.zero : !llvm.struct<(i1, f64)>
// CHECK:         return %[[Z]]
roast.func @m.none() -> !roast.optional<f64> {
  %n = roast.optional_none : !roast.optional<f64>
  roast.return %n : !roast.optional<f64>
}

// -----

// An optional str is its pointer: None is null, unwrapping is free.
// CHECK-LABEL: func.func @m.ref(
// CHECK-SAME:      %[[O:.*]]: !llvm.ptr) -> !llvm.ptr
// CHECK:         %[[NULL:.*]] = llvm.mlir.zero : !llvm.ptr
// CHECK:         llvm.icmp "eq" %[[O]], %[[NULL]] : !llvm.ptr
// CHECK:         return %[[O]] : !llvm.ptr
roast.func @m.ref(%o: !roast.optional<!roast.str>) -> !roast.str {
  %none = roast.optional_is_none %o : !roast.optional<!roast.str>
  %s = roast.optional_unwrap %o : !roast.optional<!roast.str>
  roast.return %s : !roast.str
}

// -----

// CHECK-LABEL: func.func @m.print(
// CHECK-SAME:      %[[O:.*]]: !llvm.struct<(i1, i64)>)
// CHECK:         %[[P:.*]] = llvm.extractvalue %[[O]][0]
// CHECK:         %[[NONE:.*]] = llvm.xor %[[P]], %{{.*}} : i1
// CHECK:         cf.cond_br %[[NONE]], ^[[ABSENT:.*]], ^[[PRESENT:.*]]
// CHECK:       ^[[PRESENT]]:
// CHECK:         %[[V:.*]] = llvm.extractvalue %[[O]][1]
// CHECK:         llvm.call @roast_rt_print_int(%[[V]])
// CHECK:       ^[[ABSENT]]:
// CHECK:         llvm.call @roast_rt_print_none()
roast.func @m.print(%o: !roast.optional<i64>) {
  roast.print %o : !roast.optional<i64>
  roast.return
}

// -----

// Kind 1 (int): the box holds the number; the list retains it, the call's
// own reference is dropped.
// CHECK-LABEL: func.func @m.append(
// CHECK-SAME:      %[[L:.*]]: !llvm.ptr, %[[O:.*]]: !llvm.struct<(i1, i64)>)
// CHECK:         %[[P:.*]] = llvm.extractvalue %[[O]][0]
// CHECK:         %[[V:.*]] = llvm.extractvalue %[[O]][1]
// CHECK:         %[[INT:.*]] = arith.constant 1 : i32
// CHECK:         %[[BOX:.*]] = llvm.call @roast_rt_box_optional(%[[P]], %[[INT]], %[[V]])
// CHECK:         %[[SLOT:.*]] = llvm.ptrtoint %[[BOX]]
// CHECK:         llvm.call @roast_rt_list_append(%[[L]], %[[SLOT]])
// CHECK:         llvm.call @roast_rt_release(%[[BOX]])
roast.func @m.append(%l: !roast.list<!roast.optional<i64>>, %o: !roast.optional<i64>) {
  roast.list_append %l, %o : !roast.list<!roast.optional<i64>>
  roast.return
}

// -----

// CHECK-LABEL: func.func @m.get(
// CHECK:         %[[FOUND:.*]] = llvm.call @roast_rt_dict_lookup(
// CHECK:         %[[NONE:.*]] = llvm.mlir.zero : !llvm.struct<(i1, i64)>
// CHECK:         cf.cond_br %[[FOUND]], ^[[HIT:.*]], ^[[DONE:.*]](%[[NONE]] : !llvm.struct<(i1, i64)>)
// CHECK:       ^[[HIT]]:
// CHECK:         %[[SLOT:.*]] = llvm.load
// CHECK:         %[[W:.*]] = llvm.insertvalue %[[SLOT]], %{{.*}}[1]
// CHECK:         cf.br ^[[DONE]](%[[W]] : !llvm.struct<(i1, i64)>)
roast.func @m.get(%d: !roast.dict<!roast.str, i64>, %k: !roast.str) -> !roast.optional<i64> {
  %v = roast.dict_lookup %d[%k] : !roast.dict<!roast.str, i64>
  roast.return %v : !roast.optional<i64>
}
