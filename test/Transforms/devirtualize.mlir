// RUN: roast-opt %s --roast-devirtualize | FileCheck %s
// roast-devirtualize: a method call whose slot holds one function in the
// receiver's class and every subclass becomes a direct call (the receiver
// upcast to the defining class); a slot overridden below the receiver's
// class keeps the call virtual.

roast.class @Animal {fields = [], field_types = [],
                     methods = [@Animal.speak, @Animal.legs]}
roast.class @Dog : @Animal {fields = [], field_types = [],
                            methods = [@Dog.speak, @Animal.legs]}
roast.class @Puppy : @Dog {fields = [], field_types = [],
                           methods = [@Puppy.speak, @Animal.legs]}

roast.func @Animal.speak(%self: !roast.object<@Animal>) -> i64 {
  %c = arith.constant 0 : i64
  roast.return %c : i64
}
roast.func @Dog.speak(%self: !roast.object<@Dog>) -> i64 {
  %c = arith.constant 1 : i64
  roast.return %c : i64
}
roast.func @Puppy.speak(%self: !roast.object<@Puppy>) -> i64 {
  %c = arith.constant 2 : i64
  roast.return %c : i64
}
roast.func @Animal.legs(%self: !roast.object<@Animal>) -> i64 {
  %c = arith.constant 4 : i64
  roast.return %c : i64
}

// CHECK-LABEL: roast.func @known_leaf
// Puppy has no subclasses: its speak is known.
// CHECK:         %[[R:.*]] = roast.call @Puppy.speak(%arg0)
// CHECK-NOT:     roast.method_call
roast.func @known_leaf(%p: !roast.object<@Puppy>) -> i64 {
  %r = roast.method_call %p, "speak"() : (!roast.object<@Puppy>) -> i64
  roast.return %r : i64
}

// CHECK-LABEL: roast.func @never_overridden
// Nobody overrides legs: a direct call of the base's method, the receiver
// upcast to Animal.
// CHECK:         %[[UP:.*]] = roast.upcast %arg0 : !roast.object<@Dog> to !roast.object<@Animal>
// CHECK-NEXT:    roast.call @Animal.legs(%[[UP]])
roast.func @never_overridden(%d: !roast.object<@Dog>) -> i64 {
  %r = roast.method_call %d, "legs"() : (!roast.object<@Dog>) -> i64
  roast.return %r : i64
}

// CHECK-LABEL: roast.func @overridden_below
// A Dog may be a Puppy, whose speak differs: the call stays virtual.
// CHECK:         roast.method_call %arg0, "speak"() : (!roast.object<@Dog>) -> i64
// CHECK-NOT:     roast.call
roast.func @overridden_below(%d: !roast.object<@Dog>) -> i64 {
  %r = roast.method_call %d, "speak"() : (!roast.object<@Dog>) -> i64
  roast.return %r : i64
}
