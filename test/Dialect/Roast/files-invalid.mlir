// RUN: roast-opt %s -split-input-file -verify-diagnostics

// The verifier of roast.file_method checks each method's operands and
// result.

roast.func @m.bad(%f: !roast.file) -> i64 {
  // expected-error @+1 {{'roast.file_method' op result must be '!roast.str', not 'i64'}}
  %r = roast.file_method read(%f) : (!roast.file) -> i64
  roast.return %r : i64
}

// -----

roast.func @m.bad(%f: !roast.file, %n: i64) -> i64 {
  // expected-error @+1 {{'roast.file_method' op operand #1 must be '!roast.str', not 'i64'}}
  %r = roast.file_method write(%f, %n) : (!roast.file, i64) -> i64
  roast.return %r : i64
}

// -----

roast.func @m.bad(%f: !roast.file) -> i64 {
  // expected-error @+1 {{'roast.file_method' op file.write takes 1 arguments besides the file}}
  %r = roast.file_method write(%f) : (!roast.file) -> i64
  roast.return %r : i64
}

// -----

roast.func @m.bad(%s: !roast.str) -> !roast.str {
  // expected-error @+1 {{'roast.file_method' op receiver must be !roast.file, not '!roast.str'}}
  %r = roast.file_method readline(%s) : (!roast.str) -> !roast.str
  roast.return %r : !roast.str
}

// -----

roast.func @m.bad(%f: !roast.file) -> !roast.list<i64> {
  // expected-error @+1 {{'roast.file_method' op result must be '!roast.list<!roast.str>', not '!roast.list<i64>'}}
  %r = roast.file_method readlines(%f) : (!roast.file) -> !roast.list<i64>
  roast.return %r : !roast.list<i64>
}

// -----

roast.func @m.bad(%s: !roast.str) {
  %n = arith.constant 1 : i64
  // expected-error @+1 {{'roast.file_open' op operand #1 must be an immutable Unicode string, but got 'i64'}}
  %f = "roast.file_open"(%s, %n) : (!roast.str, i64) -> !roast.file
  roast.return
}

// -----

roast.func @m.bad(%s: !roast.str) {
  // expected-error @+1 {{'roast.file_close' op operand #0 must be a text file, but got '!roast.str'}}
  "roast.file_close"(%s) : (!roast.str) -> ()
  roast.return
}
