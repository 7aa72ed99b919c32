// RUN: roast-opt %s -split-input-file -verify-diagnostics
// The verifiers of the function-value ops: slot 0 of the closure class
// must take the instance then the signature's parameters.

roast.class @"f.<closure>" {fields = [], field_types = [], methods = [@"f.<call>"]}
roast.func @"f.<call>"(%self: !roast.object<@"f.<closure>">, %x: i64) -> i64 {
  roast.return %x : i64
}
roast.func @wrong_signature(%c: !roast.object<@"f.<closure>">) {
  // expected-error @+1 {{slot 0 of @"f.<closure>" has type '(!roast.object<@"f.<closure>">, i64) -> i64', which does not take the instance then match '(f64) -> i64'}}
  %f = roast.as_callable %c : !roast.object<@"f.<closure>"> to !roast.callable<(f64) -> i64>
  roast.return
}

// -----

roast.class @"g.<closure>" {fields = [], field_types = [], methods = []}
roast.func @no_code(%c: !roast.object<@"g.<closure>">) {
  // expected-error @+1 {{class @"g.<closure>" has no method slot 0 to call}}
  %f = roast.as_callable %c : !roast.object<@"g.<closure>"> to !roast.callable<() -> ()>
  roast.return
}

// -----

roast.func @not_callable(%x: i64) {
  // expected-error @+1 {{expected a !roast.callable type}}
  roast.call_callable %x() : i64
  roast.return
}
