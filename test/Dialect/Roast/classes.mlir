// RUN: roast-opt %s | roast-opt | FileCheck %s
// Round trip of the class ops: a class hierarchy, allocation, fields,
// virtual calls, isinstance and upcasts print as they parse.

// CHECK: roast.class @Animal {field_types = [!roast.str], fields = ["name"], methods = [@Animal.speak]}
roast.class @Animal {fields = ["name"], field_types = [!roast.str],
                     methods = [@Animal.speak]}
// CHECK: roast.class @Dog : @Animal {field_types = [!roast.str, i64], fields = ["name", "age"], methods = [@Dog.speak]}
roast.class @Dog : @Animal {fields = ["name", "age"],
                            field_types = [!roast.str, i64],
                            methods = [@Dog.speak]}
// CHECK: roast.class @Exception builtin
roast.class @Exception builtin {fields = ["__message__"],
                                field_types = [!roast.str], methods = []}

roast.func @Animal.speak(%self: !roast.object<@Animal>) -> !roast.str {
  %s = roast.string "..."
  roast.return %s : !roast.str
}

roast.func @Dog.speak(%self: !roast.object<@Dog>) -> !roast.str {
  %s = roast.string "Woof"
  roast.return %s : !roast.str
}

// CHECK: roast.class @Vec {field_types = [f64, f64], fields = ["x", "y"], methods = []}
roast.class @Vec {fields = ["x", "y"], field_types = [f64, f64], methods = []}

// CHECK-LABEL: roast.func @stack_instance
roast.func @stack_instance() -> f64 {
  // CHECK: %[[V:.*]] = roast.new stack : !roast.object<@Vec>
  %v = roast.new stack : !roast.object<@Vec>
  %x = roast.get_field %v["x"] : !roast.object<@Vec> -> f64
  roast.return %x : f64
}

// CHECK-LABEL: roast.func @use
roast.func @use(%name: !roast.str) -> i1 {
  // CHECK: %[[D:.*]] = roast.new : !roast.object<@Dog>
  %d = roast.new : !roast.object<@Dog>
  // CHECK: roast.set_field %[[D]]["age"], %{{.*}} : !roast.object<@Dog>, i64
  %c3 = arith.constant 3 : i64
  roast.set_field %d["age"], %c3 : !roast.object<@Dog>, i64
  // CHECK: roast.get_field %[[D]]["name"] : !roast.object<@Dog> -> !roast.str
  %n = roast.get_field %d["name"] : !roast.object<@Dog> -> !roast.str
  // CHECK: %[[A:.*]] = roast.upcast %[[D]] : !roast.object<@Dog> to !roast.object<@Animal>
  %a = roast.upcast %d : !roast.object<@Dog> to !roast.object<@Animal>
  // CHECK: roast.method_call %[[A]], "speak"() : (!roast.object<@Animal>) -> !roast.str
  %s = roast.method_call %a, "speak"() : (!roast.object<@Animal>) -> !roast.str
  // CHECK: roast.isinstance %[[A]], @Dog : !roast.object<@Animal>
  %b = roast.isinstance %a, @Dog : !roast.object<@Animal>
  roast.return %b : i1
}
