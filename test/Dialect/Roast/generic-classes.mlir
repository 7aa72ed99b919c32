// RUN: roast-opt %s -split-input-file -verify-diagnostics | FileCheck %s
// Generic classes: type_params on roast.class, !roast.object with type
// arguments, and the verifiers that substitute them.

// CHECK-LABEL: roast.class @Box {field_types = [!roast.type_param<"T">], fields = ["value"], methods = [@Box.get], type_params = ["T"]}
// CHECK-LABEL: roast.func @Box.get(%{{.*}}: !roast.object<@Box, [!roast.type_param<"T">]>) -> !roast.type_param<"T"> attributes {type_params = ["T"]}
// CHECK-LABEL: roast.func @use
// CHECK: roast.new : !roast.object<@Box, [i64]>
// CHECK: roast.set_field %{{.*}}["value"], %{{.*}} : !roast.object<@Box, [i64]>, i64
// CHECK: roast.method_call %{{.*}}, "get"() : (!roast.object<@Box, [i64]>) -> i64
// CHECK: roast.call @Box.get(%{{.*}}) {type_args = [i64]} : (!roast.object<@Box, [i64]>) -> i64
// CHECK: roast.get_field %{{.*}}["value"] : !roast.object<@Box, [!roast.list<!roast.str>]> -> !roast.list<!roast.str>
// CHECK-LABEL: roast.func @plain(%{{.*}}: !roast.object<@Plain>)
roast.class @Box {fields = ["value"], field_types = [!roast.type_param<"T">], methods = [@Box.get], type_params = ["T"]}
roast.class @Plain {fields = [], field_types = [], methods = []}
roast.func @Box.get(%self: !roast.object<@Box, [!roast.type_param<"T">]>) -> !roast.type_param<"T"> attributes {type_params = ["T"]} {
  %0 = roast.get_field %self["value"] : !roast.object<@Box, [!roast.type_param<"T">]> -> !roast.type_param<"T">
  roast.return %0 : !roast.type_param<"T">
}
roast.func @use(%x: i64, %l: !roast.object<@Box, [!roast.list<!roast.str>]>) {
  %b = roast.new : !roast.object<@Box, [i64]>
  roast.set_field %b["value"], %x : !roast.object<@Box, [i64]>, i64
  %0 = roast.method_call %b, "get"() : (!roast.object<@Box, [i64]>) -> i64
  %1 = roast.call @Box.get(%b) {type_args = [i64]} : (!roast.object<@Box, [i64]>) -> i64
  %2 = roast.get_field %l["value"] : !roast.object<@Box, [!roast.list<!roast.str>]> -> !roast.list<!roast.str>
  roast.return
}
roast.func @plain(%p: !roast.object<@Plain>) {
  roast.return
}

// -----

roast.class @Box {fields = ["value"], field_types = [!roast.type_param<"T">], methods = [], type_params = ["T"]}
roast.func @use(%x: i64) {
  // expected-error@+1 {{type '!roast.object<@Box>' gives 0 type arguments, but class @Box has 1 type parameters}}
  %b = roast.new : !roast.object<@Box>
  roast.return
}

// -----

roast.class @Plain {fields = [], field_types = [], methods = []}
roast.func @use() {
  // expected-error@+1 {{gives 1 type arguments, but class @Plain has 0 type parameters}}
  %b = roast.new : !roast.object<@Plain, [i64]>
  roast.return
}

// -----

roast.class @Box {fields = ["value"], field_types = [!roast.type_param<"T">], methods = [], type_params = ["T"]}
roast.func @use(%b: !roast.object<@Box, [i64]>, %s: !roast.str) {
  // expected-error@+1 {{field 'value' has type 'i64', not '!roast.str'}}
  roast.set_field %b["value"], %s : !roast.object<@Box, [i64]>, !roast.str
  roast.return
}

// -----

roast.class @Box {fields = ["value"], field_types = [!roast.type_param<"T">], methods = [@Box.get], type_params = ["T"]}
roast.func @Box.get(%self: !roast.object<@Box, [!roast.type_param<"T">]>) -> !roast.type_param<"T"> attributes {type_params = ["T"]} {
  %0 = roast.get_field %self["value"] : !roast.object<@Box, [!roast.type_param<"T">]> -> !roast.type_param<"T">
  roast.return %0 : !roast.type_param<"T">
}
roast.func @use(%b: !roast.object<@Box, [i64]>) {
  // expected-error@+1 {{arguments and results do not match method Box.get}}
  %0 = roast.method_call %b, "get"() : (!roast.object<@Box, [i64]>) -> f64
  roast.return
}

// -----

// expected-error@+1 {{field type uses type parameter 'U', which is not one of the class's type_params}}
roast.class @Box {fields = ["value"], field_types = [!roast.type_param<"U">], methods = [], type_params = ["T"]}

// -----

// expected-error@+1 {{uses type parameter 'T', which only a generic function (type_params) may use}}
roast.func @f(%b: !roast.object<@Box, [!roast.type_param<"T">]>) {
  roast.return
}
roast.class @Box {fields = [], field_types = [], methods = [], type_params = ["T"]}
