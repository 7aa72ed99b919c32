// RUN: roast-opt %s -split-input-file -verify-diagnostics
// A cache answers one question (where member `member` lives, for field
// sites or for method calls with `num_args` arguments), so a site must use
// a cache of its own kind, member and argument count.

// expected-error@+1 {{'roast.inline_cache' op method cache needs the number of arguments}}
roast.inline_cache @ic0 : method "move"

// -----

// expected-error@+1 {{'roast.inline_cache' op field cache takes no number of arguments}}
roast.inline_cache @ic0 : field "x"(1)

// -----

// expected-error@+1 {{'roast.inline_cache' op number of arguments must not be negative}}
roast.inline_cache @ic0 : method "move"(-1)

// -----

// expected-error@+1 {{expected string or keyword containing one of the following enum values for attribute 'kind' [field, method]}}
roast.inline_cache @ic0 : attribute "x"

// -----

roast.func @f(%v: !roast.value) {
  // expected-error@+1 {{'roast.dyn.getattr' op cache @nowhere does not reference a roast.inline_cache}}
  %x = roast.dyn.getattr %v "x" cache @nowhere
  roast.return
}

// -----

roast.func @g(%v: !roast.value) {
  roast.return
}
roast.func @f(%v: !roast.value) {
  // expected-error@+1 {{'roast.dyn.setattr' op cache @g does not reference a roast.inline_cache}}
  roast.dyn.setattr %v "x" = %v cache @g
  roast.return
}

// -----

roast.inline_cache @ic0 : field "y"
roast.func @f(%v: !roast.value) {
  // expected-error@+1 {{'roast.dyn.getattr' op cache @ic0 is for 'y', not 'x'}}
  %x = roast.dyn.getattr %v "x" cache @ic0
  roast.return
}

// -----

roast.inline_cache @ic0 : method "x"(0)
roast.func @f(%v: !roast.value) {
  // expected-error@+1 {{'roast.dyn.setattr' op needs a field cache, but @ic0 is a method cache}}
  roast.dyn.setattr %v "x" = %v cache @ic0
  roast.return
}

// -----

roast.inline_cache @ic0 : field "move"
roast.func @f(%v: !roast.value) {
  // expected-error@+1 {{'roast.dyn.call_method' op needs a method cache, but @ic0 is a field cache}}
  %r = roast.dyn.call_method %v "move"() cache @ic0
  roast.return
}

// -----

roast.inline_cache @ic0 : method "move"(2)
roast.func @f(%v: !roast.value) {
  // expected-error@+1 {{'roast.dyn.call_method' op cache @ic0 is for calls with 2 arguments, not 1}}
  %r = roast.dyn.call_method %v "move"(%v) cache @ic0
  roast.return
}

// -----

roast.func @f(%v: !roast.value) {
  // expected-error@+1 {{'roast.inline_cache' op expects parent op 'builtin.module'}}
  "roast.inline_cache"() {sym_name = "ic0", kind = 0 : i32, member = "x"} : () -> ()
  roast.return
}
