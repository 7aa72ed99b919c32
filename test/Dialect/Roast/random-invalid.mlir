// RUN: roast-opt %s -split-input-file -verify-diagnostics

// The verifier of roast.random_call checks each function's signature.

roast.func @m.bad(%x: f64) -> i64 {
  // expected-error @+1 {{randint must have type ('i64', 'i64') -> ('i64')}}
  %r = roast.random_call randint(%x, %x) : (f64, f64) -> i64
  roast.return %r : i64
}

// -----

roast.func @m.bad(%n: i64) -> i64 {
  // expected-error @+1 {{randrange must have type ('i64', 'i64', 'i64') -> ('i64')}}
  %r = roast.random_call randrange(%n, %n, %n, %n) : (i64, i64, i64, i64) -> i64
  roast.return %r : i64
}

// -----

roast.func @m.bad(%n: i64) {
  // expected-error @+1 {{seed must have type ('i64') -> ()}}
  roast.random_call seed(%n, %n) : (i64, i64) -> ()
  roast.return
}

// -----

roast.func @m.bad() -> i64 {
  // expected-error @+1 {{random must have type () -> ('f64')}}
  %r = roast.random_call random() : () -> i64
  roast.return %r : i64
}

// -----

roast.func @m.bad(%s: !roast.str) -> !roast.str {
  // expected-error @+1 {{choice expects a list operand}}
  %r = roast.random_call choice(%s) : (!roast.str) -> !roast.str
  roast.return %r : !roast.str
}

// -----

roast.func @m.bad(%l: !roast.list<i64>) -> f64 {
  // expected-error @+1 {{choice must have type ('!roast.list<i64>') -> ('i64')}}
  %r = roast.random_call choice(%l) : (!roast.list<i64>) -> f64
  roast.return %r : f64
}

// -----

roast.func @m.bad(%l: !roast.list<i64>) -> i64 {
  // expected-error @+1 {{shuffle must have type ('!roast.list<i64>') -> ()}}
  %r = roast.random_call shuffle(%l) : (!roast.list<i64>) -> i64
  roast.return %r : i64
}
