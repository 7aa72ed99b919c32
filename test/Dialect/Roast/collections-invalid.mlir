// RUN: roast-opt %s -split-input-file -verify-diagnostics
// The verifiers of the dict and set ops: keys, values and elements have the
// container's types, and each method has exactly its signature.

roast.func @f(%d: !roast.dict<!roast.str, i64>, %k: i64) {
  // expected-error@+1 {{'roast.dict_get' op failed to verify that key is the key type}}
  %0 = "roast.dict_get"(%d, %k) : (!roast.dict<!roast.str, i64>, i64) -> i64
  roast.return
}

// -----

roast.func @f(%d: !roast.dict<!roast.str, i64>, %k: !roast.str) {
  // expected-error@+1 {{'roast.dict_get' op failed to verify that result is the value type}}
  %0 = "roast.dict_get"(%d, %k) : (!roast.dict<!roast.str, i64>, !roast.str) -> f64
  roast.return
}

// -----

roast.func @f(%d: !roast.dict<tuple<i64, i64>, i64>, %k: tuple<i64, f64>) {
  // expected-error@+1 {{'roast.dict_get' op failed to verify that key is the key type}}
  %0 = "roast.dict_get"(%d, %k) : (!roast.dict<tuple<i64, i64>, i64>, tuple<i64, f64>) -> i64
  roast.return
}

// -----

roast.func @f(%d: !roast.dict<!roast.str, i64>, %k: !roast.str, %v: f64) {
  // expected-error@+1 {{'roast.dict_set' op failed to verify that value is the value type}}
  "roast.dict_set"(%d, %k, %v) : (!roast.dict<!roast.str, i64>, !roast.str, f64) -> ()
  roast.return
}

// -----

roast.func @f(%d: !roast.dict<!roast.str, i64>, %k: !roast.str, %v: f64) {
  // expected-error@+1 {{'roast.dict_get_or' op failed to verify that default is the value type}}
  %0 = "roast.dict_get_or"(%d, %k, %v) : (!roast.dict<!roast.str, i64>, !roast.str, f64) -> i64
  roast.return
}

// -----

roast.func @f(%d: !roast.dict<!roast.str, i64>, %k: i64) {
  // expected-error@+1 {{'roast.dict_contains' op failed to verify that key is the key type}}
  %0 = "roast.dict_contains"(%k, %d) : (i64, !roast.dict<!roast.str, i64>) -> i1
  roast.return
}

// -----

roast.func @f(%d: !roast.dict<!roast.str, i64>, %k: i64) {
  // expected-error@+1 {{'roast.dict_method' op pop must have type ('!roast.dict<!roast.str, i64>', '!roast.str') -> ('i64')}}
  %0 = roast.dict_method pop(%d, %k) : (!roast.dict<!roast.str, i64>, i64) -> i64
  roast.return
}

// -----

roast.func @f(%d: !roast.dict<!roast.str, i64>, %k: !roast.str) {
  // expected-error@+1 {{'roast.dict_method' op pop_default must have type ('!roast.dict<!roast.str, i64>', '!roast.str', 'i64') -> ('i64')}}
  roast.dict_method pop_default(%d, %k) : (!roast.dict<!roast.str, i64>, !roast.str) -> ()
  roast.return
}

// -----

roast.func @f(%d: !roast.dict<!roast.str, i64>, %k: !roast.str, %v: i64) {
  // expected-error@+1 {{'roast.dict_method' op setdefault must have type ('!roast.dict<!roast.str, i64>', '!roast.str', 'i64') -> ('i64')}}
  %0 = roast.dict_method setdefault(%d, %k, %v) : (!roast.dict<!roast.str, i64>, !roast.str, i64) -> f64
  roast.return
}

// -----

roast.func @f(%d: !roast.dict<!roast.str, i64>, %e: !roast.dict<!roast.str, f64>) {
  // expected-error@+1 {{'roast.dict_method' op update must have type ('!roast.dict<!roast.str, i64>', '!roast.dict<!roast.str, i64>') -> ()}}
  roast.dict_method update(%d, %e) : (!roast.dict<!roast.str, i64>, !roast.dict<!roast.str, f64>) -> ()
  roast.return
}

// -----

roast.func @f(%d: !roast.dict<!roast.str, i64>) {
  // expected-error@+1 {{'roast.dict_method' op clear must have type ('!roast.dict<!roast.str, i64>') -> ()}}
  %0 = roast.dict_method clear(%d) : (!roast.dict<!roast.str, i64>) -> i1
  roast.return
}

// -----

roast.func @f(%d: !roast.dict<!roast.str, i64>) {
  // expected-error@+1 {{'roast.dict_method' op keys must have type ('!roast.dict<!roast.str, i64>') -> ('!roast.list<!roast.str>')}}
  %0 = roast.dict_method keys(%d) : (!roast.dict<!roast.str, i64>) -> !roast.list<i64>
  roast.return
}

// -----

roast.func @f(%d: !roast.dict<!roast.str, i64>) {
  // expected-error@+1 {{'roast.dict_method' op values must have type ('!roast.dict<!roast.str, i64>') -> ('!roast.list<i64>')}}
  %0 = roast.dict_method values(%d) : (!roast.dict<!roast.str, i64>) -> !roast.list<!roast.str>
  roast.return
}

// -----

// items are (key, value) tuples, in that order.
roast.func @f(%d: !roast.dict<!roast.str, i64>) {
  // expected-error@+1 {{'roast.dict_method' op items must have type ('!roast.dict<!roast.str, i64>') -> ('!roast.list<tuple<!roast.str, i64>>')}}
  %0 = roast.dict_method items(%d) : (!roast.dict<!roast.str, i64>) -> !roast.list<tuple<i64, !roast.str>>
  roast.return
}

// -----

roast.func @f(%d: !roast.dict<!roast.str, i64>) {
  // expected-error@+1 {{'roast.dict_method' op del must have type ('!roast.dict<!roast.str, i64>', '!roast.str') -> ()}}
  roast.dict_method del(%d) : (!roast.dict<!roast.str, i64>) -> ()
  roast.return
}

// -----

roast.func @f(%l: !roast.list<i64>) {
  // expected-error@+1 {{'roast.dict_method' op expects a dict as its first operand}}
  roast.dict_method clear(%l) : (!roast.list<i64>) -> ()
  roast.return
}

// -----

roast.func @f() {
  // expected-error@+1 {{'roast.dict_method' op expects a dict as its first operand}}
  roast.dict_method clear() : () -> ()
  roast.return
}

// -----

roast.func @f(%s: !roast.set<i64>, %x: f64) {
  // expected-error@+1 {{'roast.set_method' op add must have type ('!roast.set<i64>', 'i64') -> ()}}
  roast.set_method add(%s, %x) : (!roast.set<i64>, f64) -> ()
  roast.return
}

// -----

roast.func @f(%s: !roast.set<i64>, %x: i64) {
  // expected-error@+1 {{'roast.set_method' op remove must have type ('!roast.set<i64>', 'i64') -> ()}}
  roast.set_method remove(%s) : (!roast.set<i64>) -> ()
  roast.return
}

// -----

roast.func @f(%s: !roast.set<i64>) {
  // expected-error@+1 {{'roast.set_method' op pop must have type ('!roast.set<i64>') -> ('i64')}}
  %0 = roast.set_method pop(%s) : (!roast.set<i64>) -> f64
  roast.return
}

// -----

roast.func @f(%s: !roast.set<i64>, %t: !roast.set<f64>) {
  // expected-error@+1 {{'roast.set_method' op union must have type ('!roast.set<i64>', '!roast.set<i64>') -> ('!roast.set<i64>')}}
  %0 = roast.set_method union(%s, %t) : (!roast.set<i64>, !roast.set<f64>) -> !roast.set<i64>
  roast.return
}

// -----

roast.func @f(%s: !roast.set<i64>, %t: !roast.set<i64>) {
  // expected-error@+1 {{'roast.set_method' op symmetric_difference must have type ('!roast.set<i64>', '!roast.set<i64>') -> ('!roast.set<i64>')}}
  roast.set_method symmetric_difference(%s, %t) : (!roast.set<i64>, !roast.set<i64>) -> ()
  roast.return
}

// -----

// The in-place forms return nothing.
roast.func @f(%s: !roast.set<i64>, %t: !roast.set<i64>) {
  // expected-error@+1 {{'roast.set_method' op intersection_update must have type ('!roast.set<i64>', '!roast.set<i64>') -> ()}}
  %0 = roast.set_method intersection_update(%s, %t) : (!roast.set<i64>, !roast.set<i64>) -> !roast.set<i64>
  roast.return
}

// -----

roast.func @f(%s: !roast.set<i64>, %t: !roast.set<i64>) {
  // expected-error@+1 {{'roast.set_method' op issubset must have type ('!roast.set<i64>', '!roast.set<i64>') -> ('i1')}}
  %0 = roast.set_method issubset(%s, %t) : (!roast.set<i64>, !roast.set<i64>) -> i64
  roast.return
}

// -----

roast.func @f(%s: !roast.set<i64>) {
  // expected-error@+1 {{'roast.set_method' op to_list must have type ('!roast.set<i64>') -> ('!roast.list<i64>')}}
  %0 = roast.set_method to_list(%s) : (!roast.set<i64>) -> !roast.list<f64>
  roast.return
}

// -----

roast.func @f(%d: !roast.dict<i64, i64>) {
  // expected-error@+1 {{'roast.set_method' op expects a set as its first operand}}
  roast.set_method clear(%d) : (!roast.dict<i64, i64>) -> ()
  roast.return
}

// -----

roast.func @f(%l: !roast.list<f64>) {
  // expected-error@+1 {{'roast.set_new' op list element type 'f64' does not match '!roast.set<i64>'}}
  %0 = roast.set_new %l : !roast.list<f64> -> : !roast.set<i64>
  roast.return
}

// -----

roast.func @f(%l: !roast.list<tuple<i64, !roast.str>>) {
  // expected-error@+1 {{'roast.set_new' op list element type 'tuple<i64, !roast.str>' does not match '!roast.set<tuple<!roast.str, i64>>'}}
  %0 = roast.set_new %l : !roast.list<tuple<i64, !roast.str>> -> : !roast.set<tuple<!roast.str, i64>>
  roast.return
}

// -----

roast.func @f(%s: !roast.set<i64>, %x: !roast.str) {
  // expected-error@+1 {{'roast.set_contains' op failed to verify that value is the element type}}
  %0 = "roast.set_contains"(%x, %s) : (!roast.str, !roast.set<i64>) -> i1
  roast.return
}

// -----

roast.func @f() {
  // expected-error@+1 {{'roast.null' op result #0 must be an immutable Unicode string or a mutable, reference-counted list or a mutable, insertion-ordered hash map or a mutable hash set or a reference to an instance of a class or a text file or a reference to a function value (a closure) or a type parameter of a generic function, but got 'tuple<i64>'}}
  %0 = roast.null : tuple<i64>
  roast.return
}

// -----

roast.func @f() {
  // expected-error@+1 {{'roast.null' op result #0 must be an immutable Unicode string or a mutable, reference-counted list or a mutable, insertion-ordered hash map or a mutable hash set or a reference to an instance of a class or a text file or a reference to a function value (a closure) or a type parameter of a generic function, but got 'i64'}}
  %0 = roast.null : i64
  roast.return
}
