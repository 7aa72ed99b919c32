// RUN: roast-opt %s -split-input-file -verify-diagnostics
// The verifiers of optionals: no optional of None or of an optional, and
// wrap/unwrap/dict_lookup keep the value type.

// expected-error@+1 {{optional of '!roast.none'}}
roast.func @f(%o: !roast.optional<!roast.none>) {
  roast.return
}

// -----

// expected-error@+1 {{optional of '!roast.optional<i64>'}}
roast.func @f(%o: !roast.optional<!roast.optional<i64>>) {
  roast.return
}

// -----

roast.func @f(%x: f64) {
  // expected-error@+1 {{'roast.optional_wrap' op failed to verify that value is the optional's value type}}
  %0 = "roast.optional_wrap"(%x) : (f64) -> !roast.optional<i64>
  roast.return
}

// -----

roast.func @f(%o: !roast.optional<i64>) {
  // expected-error@+1 {{'roast.optional_unwrap' op failed to verify that result is the optional's value type}}
  %0 = "roast.optional_unwrap"(%o) : (!roast.optional<i64>) -> i1
  roast.return
}

// -----

roast.func @f(%x: i64) {
  // expected-error@+1 {{'roast.optional_is_none' op operand #0 must be}}
  %0 = "roast.optional_is_none"(%x) : (i64) -> i1
  roast.return
}

// -----

roast.func @f(%d: !roast.dict<!roast.str, i64>, %k: !roast.str) {
  // expected-error@+1 {{'roast.dict_lookup' op failed to verify that result is the optional value type}}
  %0 = "roast.dict_lookup"(%d, %k) : (!roast.dict<!roast.str, i64>, !roast.str) -> !roast.optional<f64>
  roast.return
}

// -----

roast.func @f(%o: !roast.optional<i64>) {
  // expected-error@+1 {{'roast.cast' op cannot convert '!roast.optional<i64>' to 'i64'}}
  %0 = roast.cast %o : !roast.optional<i64> to i64
  roast.return
}
