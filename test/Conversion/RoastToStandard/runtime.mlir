// RUN: roast-opt %s --convert-roast-to-standard -split-input-file | FileCheck %s

// A str literal is an immortal static RoastStr: {refcount = 1 << 62,
// type_id = 1 (str), flags = 0, length in bytes, bytes + NUL}; equal
// literals share one object.

// CHECK:      llvm.mlir.global private unnamed_addr constant @[[HELLO:roast\.str\.[0-9]+]]() {{{.*}}alignment = 8 : i64} : !llvm.struct<(i64, i32, i32, i64, array<8 x i8>)> {
// CHECK-NEXT:   %[[U:.*]] = llvm.mlir.poison : !llvm.struct<(i64, i32, i32, i64, array<8 x i8>)>
// CHECK-NEXT:   %[[RC:.*]] = llvm.mlir.constant(4611686018427387904 : i64) : i64
// CHECK-NEXT:   %[[S0:.*]] = llvm.insertvalue %[[RC]], %[[U]][0]
// CHECK-NEXT:   %[[TY:.*]] = llvm.mlir.constant(1 : i32) : i32
// CHECK-NEXT:   %[[S1:.*]] = llvm.insertvalue %[[TY]], %[[S0]][1]
// CHECK-NEXT:   %[[FL:.*]] = llvm.mlir.constant(0 : i32) : i32
// CHECK-NEXT:   %[[S2:.*]] = llvm.insertvalue %[[FL]], %[[S1]][2]
// CHECK-NEXT:   %[[LEN:.*]] = llvm.mlir.constant(7 : i64) : i64
// CHECK-NEXT:   %[[S3:.*]] = llvm.insertvalue %[[LEN]], %[[S2]][3]
// CHECK-NEXT:   %[[BYTES:.*]] = llvm.mlir.constant("h\C3\A9llo\0A\00") : !llvm.array<8 x i8>
// CHECK-NEXT:   %[[S4:.*]] = llvm.insertvalue %[[BYTES]], %[[S3]][4]
// CHECK-NEXT:   llvm.return %[[S4]]
// CHECK:      llvm.mlir.global private {{.*}}@[[EMPTY:roast\.str\.[0-9]+]]() {{.*}} : !llvm.struct<(i64, i32, i32, i64, array<1 x i8>)>
// CHECK-NOT:  llvm.mlir.global {{.*}}@roast.str
// CHECK-LABEL: func.func @m.strings()
// CHECK:         %[[A:.*]] = llvm.mlir.addressof @[[HELLO]] : !llvm.ptr
// CHECK:         %[[B:.*]] = llvm.mlir.addressof @[[EMPTY]] : !llvm.ptr
// CHECK:         %[[C:.*]] = llvm.mlir.addressof @[[HELLO]] : !llvm.ptr
// CHECK:         %[[N:.*]] = llvm.mlir.zero : !llvm.ptr
// CHECK:         return %[[A]], %[[B]], %[[C]], %[[N]]
roast.func @m.strings() -> (!roast.str, !roast.str, !roast.str, !roast.none) {
  %a = roast.string "héllo\n"
  %b = roast.string ""
  %c = roast.string "héllo\n"
  %n = roast.none
  roast.return %a, %b, %c, %n : !roast.str, !roast.str, !roast.str, !roast.none
}

// -----

// print: one runtime call per value by its roast type, the separator
// between values (" " unless given), then the end ("\n" unless given).
// C bool arguments are passed zero-extended.
// CHECK-DAG: llvm.func @roast_rt_print_int(i64)
// CHECK-DAG: llvm.func @roast_rt_print_float(f64)
// CHECK-DAG: llvm.func @roast_rt_print_bool(i1 {llvm.zeroext})
// CHECK-DAG: llvm.func @roast_rt_print_none()
// CHECK-DAG: llvm.func @roast_rt_print_str(!llvm.ptr)
// CHECK-DAG: llvm.func @roast_rt_print_cstr(!llvm.ptr)
// CHECK-DAG: llvm.mlir.global private unnamed_addr constant @[[SPACE:roast\.cstr\.[0-9]+]](" \00")
// CHECK-DAG: llvm.mlir.global private unnamed_addr constant @[[NEWLINE:roast\.cstr\.[0-9]+]]("\0A\00")
// CHECK-LABEL: func.func @m.print(
// CHECK-SAME:      %[[I:.*]]: i64, %[[F:.*]]: f64, %[[B:.*]]: i1, %[[N:.*]]: !llvm.ptr, %[[S:.*]]: !llvm.ptr, %[[SEP:.*]]: !llvm.ptr, %[[END:.*]]: !llvm.ptr)
// CHECK:         llvm.call @roast_rt_print_int(%[[I]])
// CHECK-NEXT:    %[[SP:.*]] = llvm.mlir.addressof @[[SPACE]]
// CHECK-NEXT:    llvm.call @roast_rt_print_cstr(%[[SP]])
// CHECK-NEXT:    llvm.call @roast_rt_print_float(%[[F]])
// CHECK:         llvm.call @roast_rt_print_cstr(
// CHECK-NEXT:    llvm.call @roast_rt_print_bool(%[[B]])
// CHECK:         llvm.call @roast_rt_print_cstr(
// CHECK-NEXT:    llvm.call @roast_rt_print_none()
// CHECK:         llvm.call @roast_rt_print_cstr(
// CHECK-NEXT:    llvm.call @roast_rt_print_str(%[[S]])
// CHECK-NEXT:    %[[NL:.*]] = llvm.mlir.addressof @[[NEWLINE]]
// CHECK-NEXT:    llvm.call @roast_rt_print_cstr(%[[NL]])
// print(i, s, sep=sep, end=end)
// CHECK-NEXT:    llvm.call @roast_rt_print_int(%[[I]])
// CHECK-NEXT:    llvm.call @roast_rt_print_str(%[[SEP]])
// CHECK-NEXT:    llvm.call @roast_rt_print_str(%[[S]])
// CHECK-NEXT:    llvm.call @roast_rt_print_str(%[[END]])
// print()
// CHECK-NEXT:    %[[NL2:.*]] = llvm.mlir.addressof @[[NEWLINE]]
// CHECK-NEXT:    llvm.call @roast_rt_print_cstr(%[[NL2]])
// CHECK-NEXT:    return
roast.func @m.print(%i: i64, %f: f64, %b: i1, %n: !roast.none, %s: !roast.str,
                    %sep: !roast.str, %end: !roast.str) {
  roast.print %i, %f, %b, %n, %s : i64, f64, i1, !roast.none, !roast.str
  roast.print %i, %s sep %sep end %end : i64, !roast.str
  roast.print
  roast.return
}

// -----

// input() passes a null prompt, input(s) the str; either may raise EOFError,
// so the call carries the location.
// CHECK-DAG: llvm.func @roast_rt_input(!llvm.ptr, !llvm.ptr, i32, !llvm.ptr) -> !llvm.ptr
// CHECK-LABEL: func.func @m.input(
// CHECK-SAME:      %[[PROMPT:.*]]: !llvm.ptr)
// CHECK:         %[[NULL:.*]] = llvm.mlir.zero : !llvm.ptr
// CHECK:         %[[LINE:.*]] = llvm.call @roast_rt_input(%[[NULL]], %{{.*}}, %{{.*}}, %{{.*}})
// CHECK:         %[[ANSWER:.*]] = llvm.call @roast_rt_input(%[[PROMPT]], %{{.*}}, %{{.*}}, %{{.*}})
// CHECK:         return %[[LINE]], %[[ANSWER]]
roast.func @m.input(%prompt: !roast.str) -> (!roast.str, !roast.str) {
  %line = roast.input()
  %answer = roast.input(%prompt)
  roast.return %line, %answer : !roast.str, !roast.str
}

// -----

// The stack guard: stack pointer below the runtime's limit (unsigned, so a
// null limit never fires) raises RecursionError from a cold block.
// CHECK-DAG: llvm.mlir.global external @roast_rt_stack_limit() {{.*}} : !llvm.ptr
// CHECK-DAG: llvm.func @roast_rt_raise_recursion(!llvm.ptr, i32, !llvm.ptr) attributes {passthrough = ["cold"]}
// CHECK-DAG: ("rec.roast\00")
// CHECK-DAG: ("fact\00")
// CHECK-LABEL: func.func @m.fact(
// CHECK-NEXT:    %[[SP:.*]] = llvm.intr.stacksave : !llvm.ptr
// CHECK-NEXT:    %[[ADDR:.*]] = llvm.mlir.addressof @roast_rt_stack_limit : !llvm.ptr
// CHECK-NEXT:    %[[LIMIT:.*]] = llvm.load %[[ADDR]] : !llvm.ptr -> !llvm.ptr
// CHECK-NEXT:    %[[LOW:.*]] = llvm.icmp "ult" %[[SP]], %[[LIMIT]] : !llvm.ptr
// CHECK-NEXT:    cf.cond_br %[[LOW]] weights([1, 2000]), ^[[COLD:.*]], ^[[BODY:[a-z0-9]+]]
// CHECK:       ^[[BODY]]:
// CHECK:         call @m.fact(
// CHECK:       ^[[COLD]]:
// CHECK:         %[[LINE:.*]] = arith.constant 1 : i32
// CHECK-NEXT:    llvm.call @roast_rt_raise_recursion(%{{.*}}, %[[LINE]], %{{.*}})
// CHECK-NEXT:    cf.br ^{{.*}}
roast.func @m.fact(%n: i64) -> i64 {
  roast.stack_guard loc("rec.roast":1:1)
  %r = roast.call @m.fact(%n) : (i64) -> i64
  roast.return %r : i64
}

// -----

// Where an error is reported: the first file position inside fused, named
// and call-site locations (the callee's, after inlining); a null file and
// line 0 without one. An op inlined at a call site (a CallSiteLoc) leaves
// the call's frame too, pushed on its way out. Tracebacks show the
// function's own name, not the module-qualified symbol, and "<module>" (a
// null name) for module code.
// CHECK-DAG: @[[FUSED:roast\.cstr\.[0-9]+]]("fused.roast\00")
// CHECK-DAG: @[[NAMED:roast\.cstr\.[0-9]+]]("named.roast\00")
// CHECK-DAG: @[[CALLEE:roast\.cstr\.[0-9]+]]("callee.roast\00")
// CHECK-DAG: @[[CALLER:roast\.cstr\.[0-9]+]]("caller.roast\00")
// CHECK-DAG: @[[FN:roast\.cstr\.[0-9]+]]("where\00")
// CHECK-NOT: ("m.where\00")
// Each check passes its file and line to the function's raise block, which
// names the function.
// CHECK-LABEL: func.func @m.where(
// CHECK:         %[[F1:.*]] = llvm.mlir.addressof @[[FUSED]]
// CHECK:         %[[L1:.*]] = arith.constant 11 : i32
// CHECK:         cf.cond_br %{{.*}} weights([1, 2000]), ^[[RAISE:[a-z0-9]+]](%{{.*}}, %{{.*}}, %[[F1]], %[[L1]] :
// CHECK:         %[[F2:.*]] = llvm.mlir.addressof @[[NAMED]]
// CHECK:         %[[L2:.*]] = arith.constant 22 : i32
// CHECK:         cf.cond_br %{{.*}} weights([1, 2000]), ^[[RAISE]](%{{.*}}, %{{.*}}, %[[F2]], %[[L2]] :
// CHECK:         %[[F3:.*]] = llvm.mlir.addressof @[[CALLEE]]
// CHECK:         %[[L3:.*]] = arith.constant 33 : i32
// CHECK:         cf.cond_br %{{.*}} weights([1, 2000]), ^[[INLINED:[a-z0-9]+]](%{{.*}}, %{{.*}}, %[[F3]], %[[L3]] :
// CHECK:         %[[F4:.*]] = llvm.mlir.zero : !llvm.ptr
// CHECK:         %[[L4:.*]] = arith.constant 0 : i32
// CHECK:         cf.cond_br %{{.*}} weights([1, 2000]), ^[[RAISE]](%{{.*}}, %{{.*}}, %[[F4]], %[[L4]] :
// CHECK:       ^[[RAISE]](%[[K:.*]]: i32, %[[M:.*]]: !llvm.ptr, %[[F:.*]]: !llvm.ptr, %[[L:.*]]: i32):
// CHECK:         %[[FN1:.*]] = llvm.mlir.addressof @[[FN]]
// CHECK:         llvm.call @roast_rt_raise(%[[K]], %[[M]], %[[F]], %[[L]], %[[FN1]])
// CHECK:       ^[[PUSH:[a-z0-9]+]]:
// CHECK:         %[[F5:.*]] = llvm.mlir.addressof @[[CALLER]]
// CHECK:         %[[L5:.*]] = arith.constant 44 : i32
// CHECK:         llvm.call @roast_rt_traceback_push(%[[F5]], %[[L5]], %{{.*}})
// CHECK:       ^[[INLINED]](
// CHECK:         llvm.call @roast_rt_raise(
// CHECK-NEXT:    cf.br ^[[PUSH]]
roast.func @m.where(%a: i64) -> i64 {
  %0 = roast.add %a, %a : i64 loc(fused["fused.roast":11:1, "other.roast":99:1])
  %1 = roast.add %0, %a : i64 loc("x"("named.roast":22:1))
  %2 = roast.add %1, %a : i64 loc(callsite("callee.roast":33:1 at "caller.roast":44:1))
  %3 = roast.add %2, %a : i64 loc(unknown)
  roast.return %3 : i64
}

// CHECK-LABEL: func.func @roast_module_init(
// The module's code is no function: its frames have a null name.
// CHECK:       ^bb{{[0-9]+}}(%{{.*}}: !llvm.ptr, %{{.*}}: i32):
// CHECK-NEXT:    %[[NOFN:.*]] = llvm.mlir.zero : !llvm.ptr
// CHECK-NEXT:    llvm.call @roast_rt_traceback_push(%{{.*}}, %{{.*}}, %[[NOFN]])
// CHECK:         %[[NOFN2:.*]] = llvm.mlir.zero : !llvm.ptr
// CHECK-NEXT:    llvm.call @roast_rt_raise(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %[[NOFN2]])
roast.func private @m.get() -> i64
roast.func @roast_module_init() {
  %a = roast.call @m.get() : () -> i64
  %0 = roast.add %a, %a : i64 loc("init.roast":1:1)
  roast.return
}

// -----

// raise: the exception class becomes the runtime's error kind; after the
// runtime records the exception the function unwinds (returns).
// CHECK: @[[MSG:roast\.cstr\.[0-9]+]]("range() arg 3 must not be zero\00")
// CHECK-LABEL: func.func @m.bad_step(
// CHECK:         %[[KIND:.*]] = arith.constant 3 : i32
// CHECK-NEXT:    %[[M:.*]] = llvm.mlir.addressof @[[MSG]]
// CHECK:         llvm.call @roast_rt_raise(%[[KIND]], %[[M]],
// CHECK-NEXT:    cf.br ^[[UNWIND:[a-z0-9]+]]
// CHECK:         %[[KIND2:.*]] = arith.constant 9 : i32
// CHECK:         llvm.call @roast_rt_raise(%[[KIND2]],
// CHECK-NEXT:    cf.br ^[[UNWIND]]
// CHECK:       ^[[UNWIND]]:
// CHECK-NEXT:    return
roast.func @m.bad_step(%c: i1) {
  cf.cond_br %c, ^bad, ^assert
^bad:
  roast.raise ValueError, "range() arg 3 must not be zero"
^assert:
  roast.raise AssertionError, ""
}
