// RUN: roast-opt %s --roast-monomorphize -split-input-file | FileCheck %s
// roast-monomorphize on generic classes: one copy of the class and of each
// of its methods per instance type used, every instance type pointing at
// its copy; unused generic classes disappear; nested instance types are
// instantiated in turn.

// CHECK-DAG: roast.class @"m.Box<i64>" {display_name = "Box", field_types = [i64], fields = ["value"], methods = [@"m.Box<i64>.get"]}
// CHECK-DAG: roast.class @"m.Box<!roast.str>" {display_name = "Box", field_types = [!roast.str], fields = ["value"], methods = [@"m.Box<!roast.str>.get"]}
// CHECK-NOT: roast.class @m.Box {
// CHECK-DAG: roast.func @"m.Box<i64>.__init__"(%{{.*}}: !roast.object<@"m.Box<i64>">, %{{.*}}: i64) {
// CHECK-DAG: roast.func @"m.Box<i64>.get"(%{{.*}}: !roast.object<@"m.Box<i64>">) -> i64 {
// CHECK-DAG: roast.func @"m.Box<!roast.str>.__init__"(%{{.*}}: !roast.object<@"m.Box<!roast.str>">, %{{.*}}: !roast.str) {
// CHECK-DAG: roast.func @"m.Box<!roast.str>.get"(%{{.*}}: !roast.object<@"m.Box<!roast.str>">) -> !roast.str {
// CHECK-LABEL: roast.func @m.main
// CHECK: %[[B:.*]] = roast.new : !roast.object<@"m.Box<i64>">
// CHECK: roast.call @"m.Box<i64>.__init__"(%[[B]], %{{.*}}) : (!roast.object<@"m.Box<i64>">, i64) -> ()
// CHECK: roast.method_call %[[B]], "get"() : (!roast.object<@"m.Box<i64>">) -> i64
// CHECK: %[[S:.*]] = roast.new : !roast.object<@"m.Box<!roast.str>">
// CHECK: roast.call @"m.Box<!roast.str>.__init__"(%[[S]], %{{.*}})
// CHECK: roast.method_call %[[S]], "get"() : (!roast.object<@"m.Box<!roast.str>">) -> !roast.str
// CHECK-NOT: type_args
// CHECK-NOT: type_param
roast.class @m.Box {fields = ["value"], field_types = [!roast.type_param<"T">], methods = [@m.Box.get], type_params = ["T"]}
roast.func @m.Box.__init__(%self: !roast.object<@m.Box, [!roast.type_param<"T">]>, %v: !roast.type_param<"T">) attributes {type_params = ["T"]} {
  roast.retain %v : !roast.type_param<"T">
  roast.set_field %self["value"], %v : !roast.object<@m.Box, [!roast.type_param<"T">]>, !roast.type_param<"T">
  roast.return
}
roast.func @m.Box.get(%self: !roast.object<@m.Box, [!roast.type_param<"T">]>) -> !roast.type_param<"T"> attributes {type_params = ["T"]} {
  %0 = roast.get_field %self["value"] : !roast.object<@m.Box, [!roast.type_param<"T">]> -> !roast.type_param<"T">
  roast.return %0 : !roast.type_param<"T">
}
roast.func @m.main(%x: i64, %s: !roast.str) {
  %b = roast.new : !roast.object<@m.Box, [i64]>
  roast.call @m.Box.__init__(%b, %x) {type_args = [i64]} : (!roast.object<@m.Box, [i64]>, i64) -> ()
  %0 = roast.method_call %b, "get"() : (!roast.object<@m.Box, [i64]>) -> i64
  %c = roast.new : !roast.object<@m.Box, [!roast.str]>
  roast.call @m.Box.__init__(%c, %s) {type_args = [!roast.str]} : (!roast.object<@m.Box, [!roast.str]>, !roast.str) -> ()
  %1 = roast.method_call %c, "get"() : (!roast.object<@m.Box, [!roast.str]>) -> !roast.str
  roast.return
}

// -----

// A generic class never instantiated is erased with its methods.
// CHECK-NOT: m.Unused
// CHECK-LABEL: roast.func @m.empty()
// CHECK-NOT: m.Unused
roast.class @m.Unused {fields = ["value"], field_types = [!roast.type_param<"T">], methods = [@m.Unused.get], type_params = ["T"]}
roast.func @m.Unused.get(%self: !roast.object<@m.Unused, [!roast.type_param<"T">]>) -> !roast.type_param<"T"> attributes {type_params = ["T"]} {
  %0 = roast.get_field %self["value"] : !roast.object<@m.Unused, [!roast.type_param<"T">]> -> !roast.type_param<"T">
  roast.return %0 : !roast.type_param<"T">
}
roast.func @m.empty() {
  roast.return
}

// -----

// Stack[Pair[str, int]]: the Stack copy's field holds Pair instances,
// whose class is instantiated in turn (and only that one).
// CHECK-DAG: roast.class @"m.Pair<!roast.str,i64>" {display_name = "Pair", field_types = [!roast.str, i64], fields = ["key", "value"], methods = []}
// CHECK-DAG: roast.class @"m.Stack<!roast.object<@m.Pair, [!roast.str, i64]>>" {display_name = "Stack", field_types = [!roast.list<!roast.object<@"m.Pair<!roast.str,i64>">>], fields = ["items"], methods = [@"m.Stack<!roast.object<@m.Pair, [!roast.str, i64]>>.pop"]}
// CHECK-DAG: roast.func @"m.Stack<!roast.object<@m.Pair, [!roast.str, i64]>>.pop"(%{{.*}}: !roast.object<@"m.Stack<!roast.object<@m.Pair, [!roast.str, i64]>>">) -> !roast.object<@"m.Pair<!roast.str,i64>">
// CHECK-NOT: roast.class @m.Pair {
// CHECK-NOT: roast.class @m.Stack {
// CHECK-LABEL: roast.func @m.main
// CHECK: roast.method_call %{{.*}}, "pop"() : (!roast.object<@"m.Stack<!roast.object<@m.Pair, [!roast.str, i64]>>">) -> !roast.object<@"m.Pair<!roast.str,i64>">
roast.class @m.Pair {fields = ["key", "value"], field_types = [!roast.type_param<"K">, !roast.type_param<"V">], methods = [], type_params = ["K", "V"]}
roast.class @m.Stack {fields = ["items"], field_types = [!roast.list<!roast.type_param<"T">>], methods = [@m.Stack.pop], type_params = ["T"]}
roast.func @m.Stack.pop(%self: !roast.object<@m.Stack, [!roast.type_param<"T">]>) -> !roast.type_param<"T"> attributes {type_params = ["T"]} {
  %0 = roast.get_field %self["items"] : !roast.object<@m.Stack, [!roast.type_param<"T">]> -> !roast.list<!roast.type_param<"T">>
  %c0 = arith.constant 0 : i64
  %1 = roast.list_get %0[%c0] : !roast.list<!roast.type_param<"T">>
  roast.retain %1 : !roast.type_param<"T">
  roast.return %1 : !roast.type_param<"T">
}
roast.func @m.main(%s: !roast.object<@m.Stack, [!roast.object<@m.Pair, [!roast.str, i64]>]>) {
  %0 = roast.method_call %s, "pop"() : (!roast.object<@m.Stack, [!roast.object<@m.Pair, [!roast.str, i64]>]>) -> !roast.object<@m.Pair, [!roast.str, i64]>
  roast.release %0 : !roast.object<@m.Pair, [!roast.str, i64]>
  roast.return
}

// -----

// `==` on instances in a copy is what it is outside generic code: the
// class's __eq__ when it has one, else identity.
// CHECK-LABEL: roast.func @"m.same<!roast.object<@m.P>>"
// CHECK: roast.is %{{.*}}, %{{.*}} : !roast.object<@m.P>
// CHECK-LABEL: roast.func @"m.same<!roast.object<@m.Q>>"
// CHECK: roast.method_call %{{.*}}, "__eq__"(%{{.*}}) : (!roast.object<@m.Q>, !roast.object<@m.Q>) -> i1
// CHECK-NOT: roast.cmp
roast.class @m.P {fields = [], field_types = [], methods = []}
roast.class @m.Q {fields = [], field_types = [], methods = [@m.Q.__eq__]}
roast.func @m.Q.__eq__(%self: !roast.object<@m.Q>, %other: !roast.object<@m.Q>) -> i1 {
  %true = arith.constant true
  roast.return %true : i1
}
roast.func @m.same(%a: !roast.type_param<"T">, %b: !roast.type_param<"T">) -> i1 attributes {type_params = ["T"]} {
  %0 = roast.cmp eq, %a, %b : !roast.type_param<"T">
  roast.return %0 : i1
}
roast.func @m.main(%p: !roast.object<@m.P>, %q: !roast.object<@m.Q>) {
  %0 = roast.call @m.same(%p, %p) {type_args = [!roast.object<@m.P>]} : (!roast.object<@m.P>, !roast.object<@m.P>) -> i1
  %1 = roast.call @m.same(%q, %q) {type_args = [!roast.object<@m.Q>]} : (!roast.object<@m.Q>, !roast.object<@m.Q>) -> i1
  roast.return
}
