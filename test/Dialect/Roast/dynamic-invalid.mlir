// RUN: roast-opt %s -split-input-file -verify-diagnostics
// The verifiers of dynamic values: box takes typed values and unbox gives
// them (never a `!roast.value`, never a type parameter, which has no
// run-time type to check against); the dyn ops take dynamic operands only,
// and their operator, built-in and type keywords are closed sets.

roast.func @f(%v: !roast.value) {
  // expected-error@+1 {{'roast.box' op operand #0 must be 64-bit signless integer or 64-bit float or 1-bit signless integer or Python's None}}
  %0 = roast.box %v : !roast.value
  roast.return
}

// -----

// Only a reference can be borrowed: a box of a number or a tuple is a
// value of its own.
roast.func @f(%t: tuple<i64, i64>) {
  // expected-error@+1 {{'roast.box' op only a reference can be boxed borrowed}}
  %0 = roast.box borrowed %t : tuple<i64, i64>
  roast.return
}

// -----

// An optional number is boxed on the heap: not a reference either (an
// optional reference is).
roast.func @f(%o: !roast.optional<i64>) {
  // expected-error@+1 {{'roast.box' op only a reference can be boxed borrowed}}
  %0 = roast.box borrowed %o : !roast.optional<i64>
  roast.return
}

// -----

roast.func @f(%v: !roast.value) {
  // expected-error@+1 {{'roast.unbox' op result #0 must be 64-bit signless integer}}
  %0 = "roast.unbox"(%v) : (!roast.value) -> !roast.value
  roast.return
}

// -----

roast.func @f(%v: !roast.value) attributes {type_params = ["T"]} {
  // expected-error@+1 {{'roast.unbox' op result #0 must be 64-bit signless integer}}
  %0 = "roast.unbox"(%v) : (!roast.value) -> !roast.type_param<"T">
  roast.return
}

// -----

roast.func @f(%i: i64) {
  // expected-error@+1 {{'roast.unbox' op operand #0 must be a dynamic value}}
  %0 = "roast.unbox"(%i) : (i64) -> i64
  roast.return
}

// -----

roast.func @f(%v: !roast.value, %i: i64) {
  // expected-error@+1 {{'roast.dyn.binary' op operand #1 must be a dynamic value (unannotated code, `Any`), but got 'i64'}}
  %0 = "roast.dyn.binary"(%v, %i) {kind = 0 : i32} : (!roast.value, i64) -> !roast.value
  roast.return
}

// -----

roast.func @f(%v: !roast.value) {
  // expected-error@+1 {{expected string or keyword containing one of the following enum values for attribute 'kind' [add, sub, mul, truediv, floordiv, mod, pow, lshift, rshift, and, or, xor]}}
  %0 = roast.dyn.binary matmul %v, %v
  roast.return
}

// -----

roast.func @f(%v: !roast.value) {
  // expected-error@+1 {{'roast.dyn.unary' op attribute 'kind' failed to satisfy constraint: a unary operator on a dynamic value}}
  %0 = "roast.dyn.unary"(%v) {kind = 7 : i32} : (!roast.value) -> !roast.value
  roast.return
}

// -----

roast.func @f(%v: !roast.value) {
  // expected-error@+1 {{'roast.dyn.compare' op result #0 must be a dynamic value}}
  %0 = "roast.dyn.compare"(%v, %v) {predicate = 0 : i64} : (!roast.value, !roast.value) -> i1
  roast.return
}

// -----

roast.func @f(%v: !roast.value) {
  // expected-error@+1 {{'roast.dyn.truth' op result #0 must be 1-bit signless integer, but got '!roast.value'}}
  %0 = "roast.dyn.truth"(%v) : (!roast.value) -> !roast.value
  roast.return
}

// -----

roast.func @f(%v: !roast.value) {
  // expected-error@+1 {{'roast.dyn.len' op result #0 must be 64-bit signless integer, but got 'i32'}}
  %0 = "roast.dyn.len"(%v) : (!roast.value) -> i32
  roast.return
}

// -----

roast.func @f(%v: !roast.value, %i: i64) {
  // expected-error@+1 {{'roast.dyn.setitem' op operand #1 must be a dynamic value}}
  "roast.dyn.setitem"(%v, %i, %v) : (!roast.value, i64, !roast.value) -> ()
  roast.return
}

// -----

roast.func @f(%s: !roast.str) {
  // expected-error@+1 {{'roast.dyn.getattr' op operand #0 must be a dynamic value}}
  %0 = "roast.dyn.getattr"(%s) {name = "x"} : (!roast.str) -> !roast.value
  roast.return
}

// -----

roast.func @f(%v: !roast.value) {
  // expected-error@+1 {{'roast.dyn.call_method' op requires attribute 'name'}}
  %0 = "roast.dyn.call_method"(%v, %v) : (!roast.value, !roast.value) -> !roast.value
  roast.return
}

// -----

roast.func @f(%v: !roast.value, %s: !roast.str) {
  // expected-error@+1 {{'roast.dyn.call' op operand #1 must be variadic of a dynamic value}}
  %0 = "roast.dyn.call"(%v, %s) : (!roast.value, !roast.str) -> !roast.value
  roast.return
}

// -----

roast.func @f() {
  // expected-error@+1 {{expected string or keyword containing one of the following enum values for attribute 'builtin' [abs, len, str, repr, int, float, bool, list, tuple, set, dict, sorted, min, max, sum, ord, chr, hash, type, round]}}
  %0 = roast.builtin_value print
  roast.return
}

// -----

// Classes are tested by roast.isinstance, not by keyword.
roast.func @f(%v: !roast.value) {
  // expected-error@+1 {{expected string or keyword containing one of the following enum values for attribute 'type' [none, int, float, bool, str, list, tuple, set, dict]}}
  %0 = roast.dyn.isinstance %v, object
  roast.return
}

// -----

roast.func @f(%i: i64) {
  // expected-error@+1 {{'roast.isinstance' op operand #0 must be a reference to an instance of a class or a dynamic value}}
  %0 = roast.isinstance %i, @P : i64
  roast.return
}

// -----

roast.func @f(%v: !roast.value) {
  // expected-error@+1 {{'roast.isinstance' op class @Nope does not reference a roast.class}}
  %0 = roast.isinstance %v, @Nope : !roast.value
  roast.return
}

// -----

// The member tables of roast.class name real fields and functions.
// expected-error@+1 {{'roast.class' op member field 'y' is not a field of the class}}
roast.class @C {field_types = [i64], fields = ["x"], methods = [], members = [{name = "y", kind = 1 : i32, field = "y"}]}

// -----

// expected-error@+1 {{needs a name and a kind}}
roast.class @C {field_types = [i64], fields = ["x"], methods = [], members = [{kind = 1 : i32, field = "x"}]}

// -----

// expected-error@+1 {{'roast.class' op callable entry @nope does not reference a roast.func}}
roast.class @C {field_types = [i64], fields = ["x"], methods = [], call = {name = "c", entry = @nope, min = 0 : i32, max = 0 : i32}}

// -----

roast.func @entry(%c: !roast.none, %argc: i64) -> !roast.value {
  %n = roast.none
  %v = roast.box %n : !roast.none
  roast.return %v : !roast.value
}
// expected-error@+1 {{'roast.class' op callable arity must be 0 <= min <= max <= 8}}
roast.class @C {field_types = [i64], fields = ["x"], methods = [], call = {name = "c", entry = @entry, min = 2 : i32, max = 1 : i32}}

// -----

roast.func @f(%v: !roast.value) {
  // expected-error@+1 {{'roast.dyn.iter_list' op walks a list of dynamic values}}
  %l = roast.dyn.iter_list %v : !roast.list<i64>
  roast.return
}
