// RUN: roast-opt %s -split-input-file -verify-diagnostics

roast.func @f(%a: f64) -> f64 {
  // expected-error@+1 {{'roast.add' op operand #0 must be 64-bit signless integer}}
  %0 = "roast.add"(%a, %a) : (f64, f64) -> f64
  roast.return %0 : f64
}

// -----

roast.func @f(%a: i64) -> f64 {
  // expected-error@+1 {{'roast.return' op operand #0 has type 'i64', but @f returns 'f64'}}
  roast.return %a : i64
}

// -----

roast.func @f() -> i64 {
  // expected-error@+1 {{'roast.return' op has 0 operands, but the enclosing function @f returns 1}}
  roast.return
}

// -----

roast.func @f(%a: i64) {
  // expected-error@+1 {{'roast.call' op 'g' does not reference a roast.func}}
  roast.call @g(%a) : (i64) -> ()
  roast.return
}

// -----

roast.func @g(%a: f64) {
  roast.return
}
roast.func @f(%a: i64) {
  // expected-error@+1 {{'roast.call' op type '(i64) -> ()' does not match the callee's type '(f64) -> ()'}}
  roast.call @g(%a) : (i64) -> ()
  roast.return
}

// -----

roast.func @f(%a: i64) {
  // expected-error@+1 {{'roast.cast' op converts 'i64' to itself}}
  %0 = roast.cast %a : i64 to i64
  roast.return
}

// -----

roast.func @f(%a: i64) {
  // expected-error@+1 {{'roast.cast' op result #0 must be}}
  %0 = roast.cast %a : i64 to i32
  roast.return
}

// -----

roast.func @f(%a: i64, %b: f64) {
  // expected-error@+1 {{'roast.cmp' op requires all operands to have the same type}}
  %0 = "roast.cmp"(%a, %b) {predicate = 0 : i64} : (i64, f64) -> i1
  roast.return
}

// -----

roast.func @f() {
  %x = roast.alloca "x" : !roast.ref<i64>
  %c = arith.constant 1.0 : f64
  // expected-error@+1 {{'roast.store' op failed to verify that stored type matches the slot}}
  "roast.store"(%c, %x) : (f64, !roast.ref<i64>) -> ()
  roast.return
}

// -----

roast.global @g : i64
roast.func @f() {
  // expected-error@+1 {{'roast.global_load' op type 'f64' does not match the global's type 'i64'}}
  %0 = roast.global_load @g : f64
  roast.return
}

// -----

roast.func @f() {
  %c = arith.constant 1 : i64
  // expected-error@+1 {{'roast.global_store' op 'nowhere' does not reference a roast.global}}
  roast.global_store %c, @nowhere : i64
  roast.return
}

// -----

roast.func @f() {
  // expected-error@+1 {{expected string or keyword containing one of the following enum values for attribute 'kind'}}
  roast.raise OopsError, "message"
}

// -----

roast.func @f(%s: !roast.ref<i64>) {
  // expected-error@+1 {{'roast.print' op operand #0 must be variadic of}}
  "roast.print"(%s) {operandSegmentSizes = array<i32: 1, 0, 0, 0>} : (!roast.ref<i64>) -> ()
  roast.return
}

// -----

// expected-error@+1 {{'roast.func' op type of entry block argument #0('f64') must match the type of the corresponding argument in function signature('i64')}}
"roast.func"() ({
^bb0(%a: f64):
  roast.return
}) {sym_name = "f", function_type = (i64) -> ()} : () -> ()

// -----

roast.func @f(%a: i64) {
  // expected-error@+1 {{'roast.make_tuple' op element types do not match the result type 'tuple<f64>'}}
  %t = roast.make_tuple %a : (i64) -> tuple<f64>
  roast.return
}

// -----

roast.func @f(%t: tuple<i64, f64>) {
  // expected-error@+1 {{'roast.tuple_get' op index 2 is out of range for 'tuple<i64, f64>'}}
  %0 = roast.tuple_get %t[2] : tuple<i64, f64> -> i64
  roast.return
}

// -----

roast.func @f(%t: tuple<i64, f64>) {
  // expected-error@+1 {{'roast.tuple_get' op result type 'i64' does not match element 1 of 'tuple<i64, f64>'}}
  %0 = roast.tuple_get %t[1] : tuple<i64, f64> -> i64
  roast.return
}

// -----

roast.func @f(%a: f64) {
  // expected-error@+1 {{'roast.powmod' op operand #0 must be 64-bit signless integer}}
  %0 = "roast.powmod"(%a, %a, %a) : (f64, f64, f64) -> f64
  roast.return
}

// -----

roast.func @f(%a: !roast.str) {
  // expected-error@+1 {{'roast.str_method' op str.find takes 1 to 3 arguments besides the receiver}}
  %0 = roast.str_method find(%a) : (!roast.str) -> i64
  roast.return
}

// -----

roast.func @f(%a: !roast.str) {
  // expected-error@+1 {{'roast.str_method' op str.upper returns '!roast.str'}}
  %0 = roast.str_method upper(%a) : (!roast.str) -> i64
  roast.return
}

// -----

roast.func @f(%a: i64) {
  // expected-error@+1 {{'roast.retain' op operand #0 must be}}
  "roast.retain"(%a) : (i64) -> ()
  roast.return
}

// -----

roast.func @f(%a: i64) {
  // expected-error@+1 {{'roast.cast' op cannot convert 'i64' to '!roast.none'}}
  %0 = roast.cast %a : i64 to !roast.none
  roast.return
}

// -----

roast.func @m.find_start(%a: !roast.str, %b: !roast.str) -> i64 {
  // expected-error@+1 {{'roast.str_method' op operand #2 must be 'i64', not '!roast.str'}}
  %0 = roast.str_method find(%a, %b, %b) : (!roast.str, !roast.str, !roast.str) -> i64
  roast.return %0 : i64
}

// -----

roast.func @f(%a: i64) -> !roast.str {
  // expected-error@+1 {{'roast.input' op operand #0 must be}}
  %0 = "roast.input"(%a) : (i64) -> !roast.str
  roast.return %0 : !roast.str
}
