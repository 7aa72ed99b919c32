// RUN: roast-opt %s --convert-roast-to-standard -split-input-file | FileCheck %s
// Dicts are runtime calls on 8-byte slots (Runtime.h): keys and values are
// passed as i64 slots, those that may raise KeyError also pass their
// location, and len() reads the length at offset 16 inline.

// Element kinds: 1 int, 2 float, 3 bool, 4 object.
// CHECK-DAG: llvm.func @roast_rt_dict_new(i32, i32) -> !llvm.ptr
// CHECK-DAG: llvm.func @roast_rt_dict_set(!llvm.ptr, i64, i64)
// CHECK-DAG: llvm.func @roast_rt_dict_get(!llvm.ptr, i64, !llvm.ptr, i32, !llvm.ptr) -> i64
// CHECK-DAG: llvm.func @roast_rt_dict_lookup(!llvm.ptr, i64, !llvm.ptr) -> i1
// CHECK-DAG: @[[FILE:roast\.cstr\.[0-9]+]]("{{.*}}dict.mlir\00")
// CHECK-DAG: @[[FN:roast\.cstr\.[0-9]+]]("ops\00")
// CHECK-LABEL: func.func @m.ops(
// CHECK-SAME:      %[[D:.*]]: !llvm.ptr, %[[K:.*]]: !llvm.ptr, %[[V:.*]]: f64) -> i64
// CHECK:         %[[STR:.*]] = arith.constant 4 : i32
// CHECK:         %[[FLOAT:.*]] = arith.constant 2 : i32
// CHECK:         %[[NEW:.*]] = llvm.call @roast_rt_dict_new(%[[STR]], %[[FLOAT]])
// An object key is its pointer, a float value its bits.
// CHECK:         %[[KS:.*]] = llvm.ptrtoint %[[K]] : !llvm.ptr to i64
// CHECK:         %[[VS:.*]] = llvm.bitcast %[[V]] : f64 to i64
// CHECK:         llvm.call @roast_rt_dict_set(%[[NEW]], %[[KS]], %[[VS]])
// d[k] may raise KeyError: it passes file, line and function.
// CHECK:         %[[KS2:.*]] = llvm.ptrtoint %[[K]] : !llvm.ptr to i64
// CHECK:         %[[F:.*]] = llvm.mlir.addressof @[[FILE]]
// CHECK:         %[[N:.*]] = llvm.mlir.addressof @[[FN]]
// CHECK:         %[[LINE:.*]] = arith.constant [[@LINE+15]] : i32
// CHECK:         %[[SLOT:.*]] = llvm.call @roast_rt_dict_get(%[[D]], %[[KS2]], %[[F]], %[[LINE]], %[[N]])
// CHECK:         llvm.bitcast %[[SLOT]] : i64 to f64
// `k in d` is a lookup without an out pointer.
// CHECK:         %[[KS3:.*]] = llvm.ptrtoint %[[K]] : !llvm.ptr to i64
// CHECK:         %[[NOOUT:.*]] = llvm.mlir.zero : !llvm.ptr
// CHECK:         llvm.call @roast_rt_dict_lookup(%[[D]], %[[KS3]], %[[NOOUT]])
// len(d): no call, a load at offset 16.
// CHECK-NOT:     llvm.call
// CHECK:         %[[LENP:.*]] = llvm.getelementptr %[[D]][16] : (!llvm.ptr) -> !llvm.ptr, i8
// CHECK:         %[[LEN:.*]] = llvm.load %[[LENP]] {alignment = 8 : i64} : !llvm.ptr -> i64
// CHECK:         return %[[LEN]]
roast.func @m.ops(%d: !roast.dict<!roast.str, f64>, %k: !roast.str, %v: f64) -> i64 {
  %new = roast.dict_new : !roast.dict<!roast.str, f64>
  roast.dict_set %new[%k], %v : !roast.dict<!roast.str, f64>
  %0 = roast.dict_get %d[%k] : !roast.dict<!roast.str, f64>
  %1 = roast.dict_contains %k, %d : !roast.dict<!roast.str, f64>
  %n = roast.len %d : !roast.dict<!roast.str, f64>
  roast.return %n : i64
}

// -----

// A tuple key is boxed into a RoastTuple for the call (its field kinds a
// constant string, its fields stored at offset 24 + 8 * i, object fields
// retained by the box) and the box is released right after the call.
// CHECK-DAG: @[[KINDS:roast\.cstr\.[0-9]+]]("\01\04\00")
// CHECK-DAG: llvm.func @roast_rt_tuple_new(i64, !llvm.ptr) -> !llvm.ptr
// CHECK-LABEL: func.func @m.tuple_key(
// CHECK-SAME:      %[[D:.*]]: !llvm.ptr, %[[K:.*]]: !llvm.struct<(i64, ptr)>, %[[V:.*]]: i1)
// CHECK:         %[[LEN:.*]] = arith.constant 2 : i64
// CHECK:         %[[KA:.*]] = llvm.mlir.addressof @[[KINDS]]
// CHECK:         %[[BOX:.*]] = llvm.call @roast_rt_tuple_new(%[[LEN]], %[[KA]])
// CHECK:         %[[F0:.*]] = llvm.extractvalue %[[K]][0]
// CHECK:         %[[P0:.*]] = llvm.getelementptr %[[BOX]][24]
// CHECK:         llvm.store %[[F0]], %[[P0]] {alignment = 8 : i64} : i64, !llvm.ptr
// CHECK:         %[[F1:.*]] = llvm.extractvalue %[[K]][1]
// CHECK:         llvm.call @roast_rt_retain(%[[F1]])
// CHECK:         %[[S1:.*]] = llvm.ptrtoint %[[F1]]
// CHECK:         %[[P1:.*]] = llvm.getelementptr %[[BOX]][32]
// CHECK:         llvm.store %[[S1]], %[[P1]]
// CHECK:         %[[KS:.*]] = llvm.ptrtoint %[[BOX]] : !llvm.ptr to i64
// A bool value is zero-extended into its slot.
// CHECK:         %[[VS:.*]] = arith.extui %[[V]] : i1 to i64
// CHECK:         llvm.call @roast_rt_dict_set(%[[D]], %[[KS]], %[[VS]])
// CHECK-NEXT:    llvm.call @roast_rt_release(%[[BOX]])
// Each op boxes its own key, and releases it after its own call.
// CHECK:         %[[BOX2:.*]] = llvm.call @roast_rt_tuple_new(
// CHECK:         %[[KS2:.*]] = llvm.ptrtoint %[[BOX2]] : !llvm.ptr to i64
// CHECK:         %[[SLOT:.*]] = llvm.call @roast_rt_dict_get(%[[D]], %[[KS2]],
// A KeyError unwinds (the pending exception is tested after the call).
// CHECK:         llvm.load %{{.*}} : !llvm.ptr -> !llvm.ptr
// CHECK:         cf.cond_br
// CHECK:         llvm.call @roast_rt_release(%[[BOX2]])
// CHECK-NEXT:    arith.trunci %[[SLOT]] : i64 to i1
// CHECK:         %[[BOX3:.*]] = llvm.call @roast_rt_tuple_new(
// CHECK:         %[[KS3:.*]] = llvm.ptrtoint %[[BOX3]] : !llvm.ptr to i64
// CHECK:         llvm.call @roast_rt_dict_lookup(%[[D]], %[[KS3]], %{{.*}})
// CHECK-NEXT:    llvm.call @roast_rt_release(%[[BOX3]])
// CHECK:         %[[BOX4:.*]] = llvm.call @roast_rt_tuple_new(
// CHECK:         %[[KS4:.*]] = llvm.ptrtoint %[[BOX4]] : !llvm.ptr to i64
// CHECK:         llvm.call @roast_rt_dict_del(%[[D]], %[[KS4]],
// CHECK:         cf.cond_br
// CHECK:         llvm.call @roast_rt_release(%[[BOX4]])
// CHECK-NEXT:    return
roast.func @m.tuple_key(%d: !roast.dict<tuple<i64, !roast.str>, i1>,
                        %k: tuple<i64, !roast.str>, %v: i1) {
  roast.dict_set %d[%k], %v : !roast.dict<tuple<i64, !roast.str>, i1>
  %0 = roast.dict_get %d[%k] : !roast.dict<tuple<i64, !roast.str>, i1>
  %1 = roast.dict_contains %k, %d : !roast.dict<tuple<i64, !roast.str>, i1>
  roast.dict_method del(%d, %k) : (!roast.dict<tuple<i64, !roast.str>, i1>, tuple<i64, !roast.str>) -> ()
  roast.return
}

// -----

// A tuple value read back from a dict is unboxed: its fields are loaded
// from offset 24 + 8 * i (a nested tuple from its own box).
// CHECK-DAG: @[[OUTER:roast\.cstr\.[0-9]+]]("\04\02\00")
// CHECK-DAG: @[[INNER:roast\.cstr\.[0-9]+]]("\01\01\00")
// CHECK-LABEL: func.func @m.tuple_value(
// CHECK-SAME:      %[[D:.*]]: !llvm.ptr, %[[K:.*]]: i64, %[[V:.*]]: !llvm.struct<(struct<(i64, i64)>, f64)>)
// Boxing the nested tuple value: the inner box goes in the outer's first field.
// CHECK:         %[[OBOX:.*]] = llvm.call @roast_rt_tuple_new(%{{.*}}, %{{.*}})
// CHECK:         %[[IN:.*]] = llvm.extractvalue %[[V]][0]
// CHECK:         %[[IBOX:.*]] = llvm.call @roast_rt_tuple_new(
// CHECK:         %[[IS:.*]] = llvm.ptrtoint %[[IBOX]]
// CHECK:         %[[OP0:.*]] = llvm.getelementptr %[[OBOX]][24]
// CHECK:         llvm.store %[[IS]], %[[OP0]]
// CHECK:         %[[VS:.*]] = llvm.ptrtoint %[[OBOX]]
// CHECK:         llvm.call @roast_rt_dict_set(%[[D]], %[[K]], %[[VS]])
// Only the outer box is the call's temporary: it owns the inner one.
// CHECK-NEXT:    llvm.call @roast_rt_release(%[[OBOX]])
// CHECK-NOT:     llvm.call @roast_rt_release
// CHECK:         %[[SLOT:.*]] = llvm.call @roast_rt_dict_get(%[[D]], %[[K]],
// CHECK:         %[[B:.*]] = llvm.inttoptr %[[SLOT]] : i64 to !llvm.ptr
// CHECK:         %[[Q0:.*]] = llvm.getelementptr %[[B]][24]
// CHECK:         %[[ISLOT:.*]] = llvm.load %[[Q0]]
// CHECK:         %[[IB:.*]] = llvm.inttoptr %[[ISLOT]] : i64 to !llvm.ptr
// CHECK:         llvm.getelementptr %[[IB]][24]
// CHECK:         llvm.getelementptr %[[IB]][32]
// CHECK:         %[[Q1:.*]] = llvm.getelementptr %[[B]][32]
// CHECK:         %[[FS:.*]] = llvm.load %[[Q1]]
// CHECK:         llvm.bitcast %[[FS]] : i64 to f64
// The value is borrowed from the dict: no release of its box.
// CHECK-NOT:     llvm.call @roast_rt_release
// CHECK:         return
roast.func @m.tuple_value(%d: !roast.dict<i64, tuple<tuple<i64, i64>, f64>>, %k: i64,
                          %v: tuple<tuple<i64, i64>, f64>) -> tuple<tuple<i64, i64>, f64> {
  roast.dict_set %d[%k], %v : !roast.dict<i64, tuple<tuple<i64, i64>, f64>>
  %0 = roast.dict_get %d[%k] : !roast.dict<i64, tuple<tuple<i64, i64>, f64>>
  roast.return %0 : tuple<tuple<i64, i64>, f64>
}

// -----

// d.get(k, default): the runtime writes the value into a stack slot and
// says whether it found the key; only the found branch decodes the slot,
// the default reaches the join block directly.
// CHECK-LABEL: func.func @m.get_or(
// CHECK-SAME:      %[[D:.*]]: !llvm.ptr, %[[K:.*]]: f64, %[[DEF:.*]]: !llvm.ptr) -> !llvm.ptr
// CHECK:         %[[ONE:.*]] = llvm.mlir.constant(1 : i64) : i64
// CHECK:         %[[OUT:.*]] = llvm.alloca %[[ONE]] x i64 {alignment = 8 : i64}
// CHECK:         %[[KS:.*]] = llvm.bitcast %[[K]] : f64 to i64
// CHECK:         %[[FOUND:.*]] = llvm.call @roast_rt_dict_lookup(%[[D]], %[[KS]], %[[OUT]])
// CHECK:         cf.cond_br %[[FOUND]], ^[[HIT:.*]], ^[[DONE:bb[0-9]+]](%[[DEF]] : !llvm.ptr)
// CHECK:       ^[[HIT]]:
// CHECK:         %[[SLOT:.*]] = llvm.load %[[OUT]] {alignment = 8 : i64} : !llvm.ptr -> i64
// CHECK:         %[[VAL:.*]] = llvm.inttoptr %[[SLOT]] : i64 to !llvm.ptr
// CHECK:         cf.br ^[[DONE]](%[[VAL]] : !llvm.ptr)
// CHECK:       ^[[DONE]](%[[R:.*]]: !llvm.ptr):
// CHECK:         return %[[R]] : !llvm.ptr
roast.func @m.get_or(%d: !roast.dict<f64, !roast.str>, %k: f64, %default: !roast.str) -> !roast.str {
  %0 = roast.dict_get_or %d[%k], %default : !roast.dict<f64, !roast.str>
  roast.return %0 : !roast.str
}

// -----

// The stack slot is in the entry block even when the lookup is in a loop: an
// alloca elsewhere would grow the stack on every iteration.
// CHECK-LABEL: func.func @m.get_or_in_loop(
// CHECK-NEXT:    llvm.mlir.constant(1 : i64)
// CHECK-NEXT:    %[[OUT:.*]] = llvm.alloca
// CHECK:       ^[[LOOP:bb[0-9]+]]:
// CHECK-NOT:     llvm.alloca
// CHECK:         llvm.call @roast_rt_dict_lookup(%{{.*}}, %{{.*}}, %[[OUT]])
// CHECK-NOT:     llvm.alloca
// CHECK:         return
roast.func @m.get_or_in_loop(%d: !roast.dict<i64, i64>, %k: i64, %again: i1) -> i64 {
  cf.br ^loop
^loop:
  %0 = roast.dict_get_or %d[%k], %k : !roast.dict<i64, i64>
  cf.cond_br %again, ^loop, ^done
^done:
  roast.return %0 : i64
}

// -----

// With a tuple key, the key's box dies right after the lookup, before the
// branch.
// CHECK-LABEL: func.func @m.get_or_tuple(
// CHECK:         %[[OUT:.*]] = llvm.alloca
// CHECK:         %[[BOX:.*]] = llvm.call @roast_rt_tuple_new(
// CHECK:         %[[KS:.*]] = llvm.ptrtoint %[[BOX]] : !llvm.ptr to i64
// CHECK:         %[[FOUND:.*]] = llvm.call @roast_rt_dict_lookup(%{{.*}}, %[[KS]], %[[OUT]])
// CHECK-NEXT:    llvm.call @roast_rt_release(%[[BOX]])
// CHECK-NEXT:    cf.cond_br %[[FOUND]], ^[[HIT:.*]], ^[[DONE:bb[0-9]+]](%{{.*}} : i64)
// CHECK:       ^[[HIT]]:
// CHECK:         llvm.load %[[OUT]]
// CHECK:         cf.br ^[[DONE]](
roast.func @m.get_or_tuple(%d: !roast.dict<tuple<i64, i64>, i64>, %k: tuple<i64, i64>, %default: i64) -> i64 {
  %0 = roast.dict_get_or %d[%k], %default : !roast.dict<tuple<i64, i64>, i64>
  roast.return %0 : i64
}

// -----

// The methods. pop hands over the dict's reference; for a tuple value the
// fields are retained and the box released. pop(k, default) and
// setdefault box their default for the call, then release that box.
// CHECK-DAG: llvm.func @roast_rt_dict_pop(!llvm.ptr, i64, !llvm.ptr, i32, !llvm.ptr) -> i64
// CHECK-DAG: llvm.func @roast_rt_dict_pop_default(!llvm.ptr, i64, i64) -> i64
// CHECK-DAG: llvm.func @roast_rt_dict_setdefault(!llvm.ptr, i64, i64) -> i64
// CHECK-DAG: llvm.func @roast_rt_dict_del(!llvm.ptr, i64, !llvm.ptr, i32, !llvm.ptr)
// CHECK-DAG: llvm.func @roast_rt_dict_update(!llvm.ptr, !llvm.ptr)
// CHECK-DAG: llvm.func @roast_rt_dict_clear(!llvm.ptr)
// CHECK-DAG: llvm.func @roast_rt_dict_copy(!llvm.ptr) -> !llvm.ptr
// CHECK-DAG: llvm.func @roast_rt_dict_keys(!llvm.ptr) -> !llvm.ptr
// CHECK-DAG: llvm.func @roast_rt_dict_values(!llvm.ptr) -> !llvm.ptr
// CHECK-DAG: llvm.func @roast_rt_dict_items(!llvm.ptr) -> !llvm.ptr
// CHECK-LABEL: func.func @m.methods(
// CHECK-SAME:      %[[D:.*]]: !llvm.ptr, %[[K:.*]]: i64, %[[V:.*]]: !llvm.struct<(i64, ptr)>, %[[E:.*]]: !llvm.ptr)
// CHECK:         %[[POPPED:.*]] = llvm.call @roast_rt_dict_pop(%[[D]], %[[K]], %{{.*}}, %{{.*}}, %{{.*}})
// CHECK:         %[[PB:.*]] = llvm.inttoptr %[[POPPED]] : i64 to !llvm.ptr
// CHECK:         llvm.getelementptr %[[PB]][24]
// CHECK:         llvm.getelementptr %[[PB]][32]
// CHECK:         %[[PT:.*]] = llvm.insertvalue
// CHECK:         %[[PS:.*]] = llvm.extractvalue %[[PT]][1]
// CHECK-NEXT:    llvm.call @roast_rt_retain(%[[PS]])
// CHECK-NEXT:    %[[PB2:.*]] = llvm.inttoptr %[[POPPED]] : i64 to !llvm.ptr
// CHECK-NEXT:    llvm.call @roast_rt_release(%[[PB2]])
// CHECK:         %[[DBOX:.*]] = llvm.call @roast_rt_tuple_new(
// CHECK:         %[[DS:.*]] = llvm.ptrtoint %[[DBOX]] : !llvm.ptr to i64
// CHECK:         %[[PD:.*]] = llvm.call @roast_rt_dict_pop_default(%[[D]], %[[K]], %[[DS]])
// CHECK-NEXT:    llvm.call @roast_rt_release(%[[DBOX]])
// CHECK:         llvm.inttoptr %[[PD]] : i64 to !llvm.ptr
// CHECK:         llvm.call @roast_rt_retain(
// CHECK:         %[[PDB:.*]] = llvm.inttoptr %[[PD]] : i64 to !llvm.ptr
// CHECK-NEXT:    llvm.call @roast_rt_release(%[[PDB]])
// setdefault's result is borrowed from the dict: no retain, no release.
// CHECK:         %[[SBOX:.*]] = llvm.call @roast_rt_tuple_new(
// CHECK:         %[[SS:.*]] = llvm.ptrtoint %[[SBOX]] : !llvm.ptr to i64
// CHECK:         %[[SD:.*]] = llvm.call @roast_rt_dict_setdefault(%[[D]], %[[K]], %[[SS]])
// CHECK-NEXT:    llvm.call @roast_rt_release(%[[SBOX]])
// CHECK-NEXT:    llvm.inttoptr %[[SD]] : i64 to !llvm.ptr
// CHECK-NOT:     llvm.call @roast_rt_re
// CHECK:         llvm.call @roast_rt_dict_del(%[[D]], %[[K]], %{{.*}}, %{{.*}}, %{{.*}})
// CHECK:         cf.cond_br
// CHECK:         llvm.call @roast_rt_dict_update(%[[D]], %[[E]])
// CHECK-NEXT:    llvm.call @roast_rt_dict_clear(%[[D]])
// CHECK-NEXT:    llvm.call @roast_rt_dict_copy(%[[D]])
// CHECK-NEXT:    llvm.call @roast_rt_dict_keys(%[[D]])
// CHECK-NEXT:    llvm.call @roast_rt_dict_values(%[[D]])
// CHECK-NEXT:    llvm.call @roast_rt_dict_items(%[[D]])
// CHECK-NEXT:    return
!V = tuple<i64, !roast.str>
!D = !roast.dict<i64, tuple<i64, !roast.str>>
roast.func @m.methods(%d: !D, %k: i64, %v: !V, %e: !D) {
  %0 = roast.dict_method pop(%d, %k) : (!D, i64) -> !V
  %1 = roast.dict_method pop_default(%d, %k, %v) : (!D, i64, !V) -> !V
  %2 = roast.dict_method setdefault(%d, %k, %v) : (!D, i64, !V) -> !V
  roast.dict_method del(%d, %k) : (!D, i64) -> ()
  roast.dict_method update(%d, %e) : (!D, !D) -> ()
  roast.dict_method clear(%d) : (!D) -> ()
  %3 = roast.dict_method copy(%d) : (!D) -> !D
  %4 = roast.dict_method keys(%d) : (!D) -> !roast.list<i64>
  %5 = roast.dict_method values(%d) : (!D) -> !roast.list<!V>
  %6 = roast.dict_method items(%d) : (!D) -> !roast.list<tuple<i64, !V>>
  roast.return
}

// -----

// == and != call roast_rt_dict_eq (!= negates it); printing and repr()
// use the runtime's repr.
// CHECK-DAG: llvm.func @roast_rt_dict_eq(!llvm.ptr, !llvm.ptr) -> i1
// CHECK-LABEL: func.func @m.compare(
// CHECK-SAME:      %[[A:.*]]: !llvm.ptr, %[[B:.*]]: !llvm.ptr)
// CHECK:         %[[EQ:.*]] = llvm.call @roast_rt_dict_eq(%[[A]], %[[B]])
// CHECK:         %[[EQ2:.*]] = llvm.call @roast_rt_dict_eq(%[[A]], %[[B]])
// CHECK:         %[[TRUE:.*]] = arith.constant true
// CHECK:         %[[NE:.*]] = arith.xori %[[EQ2]], %[[TRUE]] : i1
// CHECK:         llvm.call @roast_rt_print_object_repr(%[[A]])
// CHECK:         llvm.call @roast_rt_dict_repr(%[[A]])
// CHECK:         return %[[EQ]], %[[NE]]
roast.func @m.compare(%a: !roast.dict<!roast.str, !roast.list<i64>>, %b: !roast.dict<!roast.str, !roast.list<i64>>) -> (i1, i1) {
  %0 = roast.cmp eq, %a, %b : !roast.dict<!roast.str, !roast.list<i64>>
  %1 = roast.cmp ne, %a, %b : !roast.dict<!roast.str, !roast.list<i64>>
  roast.print %a : !roast.dict<!roast.str, !roast.list<i64>>
  %2 = roast.repr %a : !roast.dict<!roast.str, !roast.list<i64>>
  roast.return %0, %1 : i1, i1
}
