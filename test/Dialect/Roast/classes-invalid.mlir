// RUN: roast-opt %s -split-input-file -verify-diagnostics
// The verifiers of the class ops: layouts and method tables extend the
// base's, fields and methods exist with their types, upcasts go up.

// expected-error@+1 {{'roast.class' op fields do not start with the fields of base @A}}
roast.class @B : @A {fields = ["y"], field_types = [i64], methods = []}
roast.class @A {fields = ["x"], field_types = [i64], methods = []}

// -----

// expected-error@+1 {{'roast.class' op has 1 fields but 2 field types}}
roast.class @A {fields = ["x"], field_types = [i64, i64], methods = []}

// -----

// expected-error@+1 {{'roast.class' op has two fields named "x"}}
roast.class @A {fields = ["x", "x"], field_types = [i64, i64], methods = []}

// -----

// expected-error@+1 {{'roast.class' op base @Nope does not reference a roast.class}}
roast.class @A : @Nope {fields = [], field_types = [], methods = []}

// -----

roast.class @A {fields = [], field_types = [], methods = [@A.f]}
// expected-error@+1 {{'roast.class' op method table slot 0 is 'g' but the base's is 'f'}}
roast.class @B : @A {fields = [], field_types = [], methods = [@B.g]}
roast.func @A.f(%self: !roast.object<@A>) { roast.return }
roast.func @B.g(%self: !roast.object<@B>) { roast.return }

// -----

// expected-error@+1 {{'roast.class' op method @f takes no instance}}
roast.class @A {fields = [], field_types = [], methods = [@f]}
roast.func @f(%x: i64) { roast.return }

// -----

roast.class @A {fields = ["x"], field_types = [i64], methods = []}
roast.func @f(%a: !roast.object<@A>) -> f64 {
  // expected-error@+1 {{'roast.get_field' op field 'x' has type 'i64', not 'f64'}}
  %x = roast.get_field %a["x"] : !roast.object<@A> -> f64
  roast.return %x : f64
}

// -----

roast.class @A {fields = ["x"], field_types = [i64], methods = []}
roast.func @f(%a: !roast.object<@A>, %v: i64) {
  // expected-error@+1 {{'roast.set_field' op class @A has no field 'y'}}
  roast.set_field %a["y"], %v : !roast.object<@A>, i64
  roast.return
}

// -----

roast.class @A {fields = [], field_types = [], methods = [@A.f]}
roast.func @A.f(%self: !roast.object<@A>) -> i64 {
  %c = arith.constant 1 : i64
  roast.return %c : i64
}
roast.func @g(%a: !roast.object<@A>) {
  // expected-error@+1 {{'roast.method_call' op class A has no method 'h' in its method table}}
  roast.method_call %a, "h"() : (!roast.object<@A>) -> ()
  roast.return
}

// -----

roast.class @A {fields = [], field_types = [], methods = [@A.f]}
roast.func @A.f(%self: !roast.object<@A>) -> i64 {
  %c = arith.constant 1 : i64
  roast.return %c : i64
}
roast.func @g(%a: !roast.object<@A>) {
  // expected-error@+1 {{'roast.method_call' op arguments and results do not match method A.f}}
  %r = roast.method_call %a, "f"() : (!roast.object<@A>) -> f64
  roast.return
}

// -----

roast.class @A {fields = [], field_types = [], methods = []}
roast.class @B {fields = [], field_types = [], methods = []}
roast.func @g(%a: !roast.object<@A>) {
  // expected-error@+1 {{'roast.upcast' op class A does not derive from B}}
  %b = roast.upcast %a : !roast.object<@A> to !roast.object<@B>
  roast.return
}

// -----

roast.func @g() {
  // expected-error@+1 {{'roast.new' op class @Missing does not reference a roast.class}}
  %a = roast.new : !roast.object<@Missing>
  roast.return
}

// -----

// A stack instance is never freed: its fields may not own references.
roast.class @Named {fields = ["name"], field_types = [!roast.str], methods = []}
roast.func @g() {
  // expected-error@+1 {{'roast.new' op stack instance of class @Named, whose fields hold references (they would leak)}}
  %a = roast.new stack : !roast.object<@Named>
  roast.return
}

// -----

roast.class @A {fields = [], field_types = [], methods = []}
roast.func @g(%a: !roast.object<@A>) {
  // expected-error@+1 {{'roast.throw' op unwind successor must take no arguments}}
  roast.throw %a unwind ^h : !roast.object<@A>
^h(%x: i64):
  roast.return
}

// -----

roast.func @g(%a: i64) {
  %s = roast.add %a, %a : i64
  // expected-error@+1 {{'roast.check_raised' op normal successor must take no arguments}}
  "roast.check_raised"()[^h, ^n] : () -> ()
^h:
  roast.return
^n(%x: i64):
  roast.return
}
