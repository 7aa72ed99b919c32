// RUN: roast-opt %s | roast-opt | FileCheck %s

// Round trip of roast.random_call for every function of the random module.

// CHECK-LABEL: roast.func @m.numbers(
// CHECK:         roast.random_call seed(%{{.*}}) : (i64) -> ()
// CHECK:         roast.random_call seed() : () -> ()
// CHECK:         roast.random_call random() : () -> f64
// CHECK:         roast.random_call uniform(%{{.*}}, %{{.*}}) : (f64, f64) -> f64
// CHECK:         roast.random_call getrandbits(%{{.*}}) : (i64) -> i64
// CHECK:         roast.random_call randint(%{{.*}}, %{{.*}}) : (i64, i64) -> i64
// CHECK:         roast.random_call randrange(%{{.*}}) : (i64) -> i64
// CHECK:         roast.random_call randrange(%{{.*}}, %{{.*}}, %{{.*}}) : (i64, i64, i64) -> i64
roast.func @m.numbers(%n: i64, %x: f64) -> (f64, f64, i64, i64, i64, i64) {
  roast.random_call seed(%n) : (i64) -> ()
  roast.random_call seed() : () -> ()
  %r = roast.random_call random() : () -> f64
  %u = roast.random_call uniform(%x, %x) : (f64, f64) -> f64
  %b = roast.random_call getrandbits(%n) : (i64) -> i64
  %i = roast.random_call randint(%n, %n) : (i64, i64) -> i64
  %s = roast.random_call randrange(%n) : (i64) -> i64
  %t = roast.random_call randrange(%n, %n, %n) : (i64, i64, i64) -> i64
  roast.return %r, %u, %b, %i, %s, %t : f64, f64, i64, i64, i64, i64
}

// CHECK-LABEL: roast.func @m.lists(
// CHECK:         roast.random_call shuffle(%{{.*}}) : (!roast.list<i1>) -> ()
// CHECK:         roast.random_call choice(%{{.*}}) : (!roast.list<tuple<i64, !roast.str>>) -> tuple<i64, !roast.str>
roast.func @m.lists(%bits: !roast.list<i1>, %pairs: !roast.list<tuple<i64, !roast.str>>) -> tuple<i64, !roast.str> {
  roast.random_call shuffle(%bits) : (!roast.list<i1>) -> ()
  %p = roast.random_call choice(%pairs) : (!roast.list<tuple<i64, !roast.str>>) -> tuple<i64, !roast.str>
  roast.return %p : tuple<i64, !roast.str>
}
