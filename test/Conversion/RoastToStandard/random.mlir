// RUN: roast-opt %s --convert-roast-to-standard -split-input-file | FileCheck %s

// The random module's number functions are one runtime call each; the ones
// that may raise pass the source location. randrange(stop) fills in a stop
// and a step and says it has no stop (CPython's message differs then).
// CHECK-LABEL: func.func @m.numbers(
// CHECK-SAME:      %[[N:.*]]: i64, %[[X:.*]]: f64)
// CHECK:         llvm.call @roast_rt_random_seed(%[[N]]) : (i64) -> ()
// CHECK:         llvm.call @roast_rt_random_seed_os() : () -> ()
// CHECK:         llvm.call @roast_rt_random_random() : () -> f64
// CHECK:         llvm.call @roast_rt_random_uniform(%[[X]], %[[X]]) : (f64, f64) -> f64
// CHECK:         llvm.call @roast_rt_random_getrandbits(%[[N]], %{{.*}}, %{{.*}}, %{{.*}})
// CHECK:         llvm.call @roast_rt_random_randint(%[[N]], %[[N]], %{{.*}}, %{{.*}}, %{{.*}})
// CHECK:         %[[ONE:.*]] = arith.constant 1 : i64
// CHECK:         %[[NO_STOP:.*]] = arith.constant 0 : i32
// CHECK:         llvm.call @roast_rt_random_randrange(%[[N]], %[[ONE]], %[[ONE]], %[[NO_STOP]],
// CHECK:         %[[STEP:.*]] = arith.constant 1 : i64
// CHECK:         %[[HAS_STOP:.*]] = arith.constant 1 : i32
// CHECK:         llvm.call @roast_rt_random_randrange(%[[N]], %[[N]], %[[STEP]], %[[HAS_STOP]],
// CHECK:         llvm.call @roast_rt_random_randrange(%[[N]], %[[N]], %[[N]], %{{.*}},
roast.func @m.numbers(%n: i64, %x: f64) -> (f64, f64, i64, i64, i64, i64, i64) {
  roast.random_call seed(%n) : (i64) -> ()
  roast.random_call seed() : () -> ()
  %r = roast.random_call random() : () -> f64
  %u = roast.random_call uniform(%x, %x) : (f64, f64) -> f64
  %b = roast.random_call getrandbits(%n) : (i64) -> i64
  %i = roast.random_call randint(%n, %n) : (i64, i64) -> i64
  %s = roast.random_call randrange(%n) : (i64) -> i64
  %t = roast.random_call randrange(%n, %n) : (i64, i64) -> i64
  %v = roast.random_call randrange(%n, %n, %n) : (i64, i64, i64) -> i64
  roast.return %r, %u, %b, %i, %s, %t, %v : f64, f64, i64, i64, i64, i64, i64
}

// -----

// shuffle and choice work on any list through its slots: choice's slot is
// decoded as the element type (a str pointer, a packed bool, a boxed tuple
// unboxed), borrowed from the list.
// CHECK-LABEL: func.func @m.lists(
// CHECK-SAME:      %[[L:.*]]: !llvm.ptr, %[[B:.*]]: !llvm.ptr, %[[P:.*]]: !llvm.ptr)
// CHECK:         llvm.call @roast_rt_random_shuffle(%[[L]]) : (!llvm.ptr) -> ()
// CHECK:         %[[S:.*]] = llvm.call @roast_rt_random_choice(%[[L]],
// CHECK:         llvm.inttoptr %[[S]] : i64 to !llvm.ptr
// CHECK:         %[[C:.*]] = llvm.call @roast_rt_random_choice(%[[B]],
// CHECK:         arith.trunci %[[C]] : i64 to i1
// CHECK:         %[[T:.*]] = llvm.call @roast_rt_random_choice(%[[P]],
// CHECK:         %[[BOX:.*]] = llvm.inttoptr %[[T]] : i64 to !llvm.ptr
// CHECK:         llvm.getelementptr %[[BOX]][24]
roast.func @m.lists(%l: !roast.list<!roast.str>, %b: !roast.list<i1>,
                    %p: !roast.list<tuple<i64, f64>>) -> (!roast.str, i1, tuple<i64, f64>) {
  roast.random_call shuffle(%l) : (!roast.list<!roast.str>) -> ()
  %s = roast.random_call choice(%l) : (!roast.list<!roast.str>) -> !roast.str
  %c = roast.random_call choice(%b) : (!roast.list<i1>) -> i1
  %t = roast.random_call choice(%p) : (!roast.list<tuple<i64, f64>>) -> tuple<i64, f64>
  roast.return %s, %c, %t : !roast.str, i1, tuple<i64, f64>
}
