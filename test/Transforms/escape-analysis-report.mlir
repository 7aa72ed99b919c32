// RUN: roast-opt %s --roast-escape-analysis=report -verify-diagnostics -o /dev/null
// With `report`, roast-escape-analysis says at each roast.new where its
// instances live and, for the heap, why: the reason names the first rule
// the allocation breaks.

roast.class @Vec {fields = ["x", "y"], field_types = [f64, f64], methods = []}
roast.class @Named {fields = ["name"], field_types = [!roast.str], methods = []}

roast.func @Vec.norm(%self: !roast.object<@Vec>) -> f64 {
  %x = roast.get_field %self["x"] : !roast.object<@Vec> -> f64
  %n = arith.mulf %x, %x : f64
  roast.return %n : f64
}

roast.func @temporary() -> f64 {
  // expected-remark@+1 {{on the stack}}
  %v = roast.new : !roast.object<@Vec>
  %n = roast.call @Vec.norm(%v) : (!roast.object<@Vec>) -> f64
  roast.release %v : !roast.object<@Vec>
  roast.return %n : f64
}

roast.func @returned() -> !roast.object<@Vec> {
  // expected-remark@+1 {{on the heap: escapes through roast.return}}
  %v = roast.new : !roast.object<@Vec>
  roast.return %v : !roast.object<@Vec>
}

roast.global @keep : !roast.object<@Vec>

roast.func @keep_it(%v: !roast.object<@Vec>) {
  roast.retain %v : !roast.object<@Vec>
  roast.global_store %v, @keep : !roast.object<@Vec>
  roast.return
}

roast.func @kept() {
  // expected-remark@+1 {{on the heap: escapes through roast.call of @keep_it}}
  %v = roast.new : !roast.object<@Vec>
  roast.call @keep_it(%v) : (!roast.object<@Vec>) -> ()
  roast.release %v : !roast.object<@Vec>
  roast.return
}

roast.func @named() {
  // expected-remark@+1 {{on the heap: fields of Named hold references}}
  %v = roast.new : !roast.object<@Named>
  roast.release %v : !roast.object<@Named>
  roast.return
}

roast.func @mixed(%c: i1, %p: !roast.object<@Vec>) -> f64 {
  cf.cond_br %c, ^new, ^join(%p : !roast.object<@Vec>)
^new:
  // expected-remark@+1 {{on the heap: may also hold an object made elsewhere}}
  %v = roast.new : !roast.object<@Vec>
  cf.br ^join(%v : !roast.object<@Vec>)
^join(%w: !roast.object<@Vec>):
  %x = roast.get_field %w["x"] : !roast.object<@Vec> -> f64
  roast.return %x : f64
}

roast.func @two_alive(%n: i64) -> f64 {
  %c0 = arith.constant 0 : i64
  %zero = arith.constant 0.0 : f64
  // expected-remark@+1 {{on the heap: an earlier instance is still used after a new one is made}}
  %first = roast.new : !roast.object<@Vec>
  cf.br ^head(%c0, %first : i64, !roast.object<@Vec>)
^head(%i: i64, %last: !roast.object<@Vec>):
  %more = arith.cmpi slt, %i, %n : i64
  cf.cond_br %more, ^body, ^done
^body:
  // expected-remark@+1 {{on the heap: an earlier instance is still used after a new one is made}}
  %v = roast.new : !roast.object<@Vec>
  %x = roast.get_field %last["x"] : !roast.object<@Vec> -> f64
  roast.set_field %v["x"], %x : !roast.object<@Vec>, f64
  %c1 = arith.constant 1 : i64
  %next = arith.addi %i, %c1 : i64
  cf.br ^head(%next, %v : i64, !roast.object<@Vec>)
^done:
  %y = roast.get_field %last["x"] : !roast.object<@Vec> -> f64
  roast.return %y : f64
}
