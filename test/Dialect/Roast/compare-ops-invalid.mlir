// RUN: roast-opt %s -split-input-file -verify-diagnostics

roast.func @m.bad(%a: i64, %b: i64) -> i1 {
  // expected-error @+1 {{operand #0 must be tuple}}
  %x = "roast.tuple_cmp"(%a, %b) {predicate = 2 : i64} : (i64, i64) -> i1
  roast.return %x : i1
}

// -----

roast.func @m.bad(%a: !roast.list<i64>, %b: !roast.list<f64>) -> i1 {
  // expected-error @+1 {{requires all operands to have the same type}}
  %x = "roast.is"(%a, %b) : (!roast.list<i64>, !roast.list<f64>) -> i1
  roast.return %x : i1
}

// -----

roast.func @m.bad(%a: i64, %b: i64) -> i1 {
  // expected-error @+1 {{operand #0 must be}}
  %x = "roast.is"(%a, %b) : (i64, i64) -> i1
  roast.return %x : i1
}

// -----

roast.func @m.bad(%x: i64) -> i64 {
  // expected-error @+1 {{sqrt must have type ('f64') -> ('f64')}}
  %r = roast.math_call sqrt(%x) : (i64) -> i64
  roast.return %r : i64
}

// -----

roast.func @m.bad(%x: f64) -> f64 {
  // expected-error @+1 {{pow must have type ('f64', 'f64') -> ('f64')}}
  %r = roast.math_call pow(%x) : (f64) -> f64
  roast.return %r : f64
}

// -----

roast.func @m.bad() -> f64 {
  // expected-error @+1 {{clock must be perf_counter or time, not process_time}}
  %t = roast.clock "process_time"
  roast.return %t : f64
}
