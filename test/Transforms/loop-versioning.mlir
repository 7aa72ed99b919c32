// RUN: roast-opt %s --roast-loop-versioning -split-input-file | FileCheck %s

// `for i in range(start, n): ys[i] = xs[i] * k`, summing the products: the
// edge into the loop goes to a test of `start >= 0` and `n <= len(l)` for
// both lists, choosing between the loop and a copy whose accesses are
// unchecked. The sum the header carries out of the loop reaches the exit
// through a block both copies branch to.
// CHECK-LABEL: roast.func @fires(
// CHECK-SAME:      %[[XS:[^:]*]]: !roast.list<f64>, %[[YS:[^:]*]]: !roast.list<f64>, %[[START:[^:]*]]: i64, %[[N:[^:]*]]: i64
// CHECK:         cf.br ^[[TEST:bb[0-9]+]](%[[START]], %{{.*}} : i64, f64)
// CHECK:       ^[[TEST]](%[[S:.*]]: i64, %[[A:.*]]: f64):
// CHECK:         %[[NONNEG:.*]] = arith.cmpi sge, %[[S]], %{{.*}} : i64
// CHECK:         %[[XLEN:.*]] = roast.len %[[XS]] : !roast.list<f64>
// CHECK:         %[[XFITS:.*]] = arith.cmpi sle, %[[N]], %[[XLEN]] : i64
// CHECK:         %[[OK1:.*]] = arith.andi %[[NONNEG]], %[[XFITS]] : i1
// CHECK:         %[[YLEN:.*]] = roast.len %[[YS]] : !roast.list<f64>
// CHECK:         %[[YFITS:.*]] = arith.cmpi sle, %[[N]], %[[YLEN]] : i64
// CHECK:         %[[OK:.*]] = arith.andi %[[OK1]], %[[YFITS]] : i1
// CHECK:         cf.cond_br %[[OK]], ^[[FAST:bb[0-9]+]](%[[S]], %[[A]] : i64, f64), ^[[SLOW:bb[0-9]+]](%[[S]], %[[A]] : i64, f64)
// CHECK:       ^[[SLOW]](%[[I:.*]]: i64, %[[ACC:.*]]: f64):
// CHECK:         roast.cmp lt, %[[I]], %[[N]] : i64
// CHECK:         cf.cond_br %{{.*}}, ^[[BODY:bb[0-9]+]], ^[[LANDING:bb[0-9]+]](%[[ACC]] : f64)
// CHECK:       ^[[BODY]]:
// CHECK:         roast.list_get %[[XS]][%[[I]]] : !roast.list<f64>
// CHECK:         roast.list_set %[[YS]][%[[I]]], %{{.*}} : !roast.list<f64>
// CHECK:         cf.br ^[[SLOW]](
// CHECK:       ^[[FAST]](%[[FI:.*]]: i64, %[[FACC:.*]]: f64):
// CHECK:         roast.cmp lt, %[[FI]], %[[N]] : i64
// CHECK:         cf.cond_br %{{.*}}, ^[[FBODY:bb[0-9]+]], ^[[LANDING]](%[[FACC]] : f64)
// CHECK:       ^[[FBODY]]:
// CHECK:         roast.list_get %[[XS]][%[[FI]]] unchecked : !roast.list<f64>
// CHECK:         roast.list_set %[[YS]][%[[FI]]] unchecked, %{{.*}} : !roast.list<f64>
// CHECK:         cf.br ^[[FAST]](
// CHECK:       ^[[LANDING]](%[[SUM:.*]]: f64):
// CHECK-NEXT:    cf.br ^[[EXIT:bb[0-9]+]]
// CHECK:       ^[[EXIT]]:
// CHECK-NEXT:    roast.return %[[SUM]] : f64
roast.func @fires(%xs: !roast.list<f64>, %ys: !roast.list<f64>, %start: i64,
                  %n: i64, %k: f64) -> f64 {
  %c1 = arith.constant 1 : i64
  %zero = arith.constant 0.0 : f64
  cf.br ^header(%start, %zero : i64, f64)
^header(%i: i64, %acc: f64):
  %c = roast.cmp lt, %i, %n : i64
  cf.cond_br %c, ^body, ^exit
^body:
  %x = roast.list_get %xs[%i] : !roast.list<f64>
  %y = arith.mulf %x, %k : f64
  roast.list_set %ys[%i], %y : !roast.list<f64>
  %sum = arith.addf %acc, %y : f64
  %next = arith.addi %i, %c1 : i64
  cf.br ^header(%next, %sum : i64, f64)
^exit:
  roast.return %acc : f64
}

// -----

// `for i in range(len(xs))` reading only xs: `i < len(xs)` from 0 is the
// proof, and the loop's own accesses become unchecked, with no copy.
// CHECK-LABEL: roast.func @in_range(
// CHECK-NOT:     roast.list_get %{{.*}} :
// CHECK:         roast.list_get %{{.*}} unchecked : !roast.list<i64>
// CHECK-NOT:     roast.list_get
// CHECK:         roast.return
roast.func @in_range(%xs: !roast.list<i64>) -> i64 {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  %n = roast.len %xs : !roast.list<i64>
  cf.br ^header(%c0, %c0 : i64, i64)
^header(%i: i64, %acc: i64):
  %c = roast.cmp lt, %i, %n : i64
  cf.cond_br %c, ^body, ^exit
^body:
  %x = roast.list_get %xs[%i] : !roast.list<i64>
  %sum = roast.add %acc, %x : i64
  %next = arith.addi %i, %c1 : i64
  cf.br ^header(%next, %sum : i64, i64)
^exit:
  roast.return %acc : i64
}

// -----

// `n = len(xs); xs.pop(); for i in range(n)`: n is not xs's length on
// entry any more, so it is tested like any bound.
// CHECK-LABEL: roast.func @stale_length(
// CHECK-SAME:      %[[XS:[^:]*]]: !roast.list<i64>
// CHECK:         %[[N:.*]] = roast.len %[[XS]]
// CHECK:         roast.list_pop %[[XS]]
// CHECK:         %[[LEN:.*]] = roast.len %[[XS]]
// CHECK-NEXT:    arith.cmpi sle, %[[N]], %[[LEN]] : i64
// CHECK:         roast.list_get %[[XS]][%{{.*}}] : !roast.list<i64>
// CHECK:         roast.list_get %[[XS]][%{{.*}}] unchecked : !roast.list<i64>
roast.func @stale_length(%xs: !roast.list<i64>) -> i64 {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  %n = roast.len %xs : !roast.list<i64>
  %last = roast.list_pop %xs : !roast.list<i64>
  cf.br ^header(%c0, %last : i64, i64)
^header(%i: i64, %acc: i64):
  %c = roast.cmp lt, %i, %n : i64
  cf.cond_br %c, ^body, ^exit
^body:
  %x = roast.list_get %xs[%i] : !roast.list<i64>
  %sum = roast.add %acc, %x : i64
  %next = arith.addi %i, %c1 : i64
  cf.br ^header(%next, %sum : i64, i64)
^exit:
  roast.return %acc : i64
}

// -----

// `for i, x in enumerate(xs): ys[i] = x` tests len(xs) at every step. No
// list can change length in the loop, so the length moves to the test,
// which checks ys against it (start 0 needs no test); both copies use it.
// Inside a try body, the roast.check_raised after an unchecked access is
// a plain branch.
// CHECK-LABEL: roast.func @for_each(
// CHECK-SAME:      %[[XS:[^:]*]]: !roast.list<i64>, %[[YS:[^:]*]]: !roast.list<i64>
// CHECK:       ^[[TEST:bb[0-9]+]](%[[S:.*]]: i64):
// CHECK-NEXT:    %[[N:.*]] = roast.len %[[XS]] : !roast.list<i64>
// CHECK-NEXT:    %[[YLEN:.*]] = roast.len %[[YS]] : !roast.list<i64>
// CHECK-NEXT:    %[[OK:.*]] = arith.cmpi sle, %[[N]], %[[YLEN]] : i64
// CHECK-NEXT:    cf.cond_br %[[OK]], ^[[FAST:bb[0-9]+]](%[[S]] : i64), ^[[SLOW:bb[0-9]+]](%[[S]] : i64)
// CHECK:       ^[[SLOW]](%[[I:.*]]: i64):
// CHECK-NEXT:    roast.cmp lt, %[[I]], %[[N]] : i64
// CHECK:         roast.list_get %[[XS]][%[[I]]] : !roast.list<i64>
// CHECK-NEXT:    roast.check_raised
// CHECK:         roast.list_set %[[YS]][%[[I]]], %{{.*}} : !roast.list<i64>
// CHECK-NEXT:    roast.check_raised
// CHECK:       ^[[FAST]](%[[FI:.*]]: i64):
// CHECK-NEXT:    roast.cmp lt, %[[FI]], %[[N]] : i64
// CHECK:         roast.list_get %[[XS]][%[[FI]]] unchecked : !roast.list<i64>
// CHECK-NEXT:    cf.br
// CHECK:         roast.list_set %[[YS]][%[[FI]]] unchecked, %{{.*}} : !roast.list<i64>
// CHECK-NEXT:    cf.br
roast.func @for_each(%xs: !roast.list<i64>, %ys: !roast.list<i64>) {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  cf.br ^header(%c0 : i64)
^header(%i: i64):
  %n = roast.len %xs : !roast.list<i64>
  %c = roast.cmp lt, %i, %n : i64
  cf.cond_br %c, ^body, ^exit
^body:
  %x = roast.list_get %xs[%i] : !roast.list<i64>
  roast.check_raised ^handler, ^store
^store:
  roast.list_set %ys[%i], %x : !roast.list<i64>
  roast.check_raised ^handler, ^latch
^latch:
  %next = arith.addi %i, %c1 : i64
  cf.br ^header(%next : i64)
^exit:
  roast.return
^handler:
  %e = roast.catch : !roast.object<@BaseException>
  roast.print %e : !roast.object<@BaseException>
  roast.return
}

// -----

// A list that may be null (a variable assigned on one path only, read in
// the loop under the same condition) is tested for null in a block of its
// own before its length is read.
// CHECK-LABEL: roast.func @maybe_null(
// CHECK:       ^[[MERGE:bb[0-9]+]](%[[XS:.*]]: !roast.list<i64>):
// CHECK:         %[[NULL:.*]] = roast.null : !roast.list<i64>
// CHECK-NEXT:    %[[IS:.*]] = roast.is %[[XS]], %[[NULL]] : !roast.list<i64>
// CHECK:         %[[SET:.*]] = arith.xori %[[IS]], %{{.*}} : i1
// CHECK-NEXT:    cf.cond_br %[[SET]], ^[[LENGTHS:bb[0-9]+]], ^[[SLOW:bb[0-9]+]](
// CHECK-NEXT:  ^[[LENGTHS]]:
// CHECK-NEXT:    roast.len %[[XS]] : !roast.list<i64>
// CHECK:         cf.cond_br %{{.*}}, ^{{bb[0-9]+}}(%{{.*}} : i64), ^[[SLOW]](
roast.func @maybe_null(%flag: i1, %n: i64) {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  %null = roast.null : !roast.list<i64>
  cf.cond_br %flag, ^assign, ^merge(%null : !roast.list<i64>)
^assign:
  %new = roast.list_new %c1 : (i64) -> !roast.list<i64>
  cf.br ^merge(%new : !roast.list<i64>)
^merge(%xs: !roast.list<i64>):
  cf.br ^header(%c0 : i64)
^header(%i: i64):
  %c = roast.cmp lt, %i, %n : i64
  cf.cond_br %c, ^body, ^exit
^body:
  cf.cond_br %flag, ^read, ^latch
^read:
  roast.list_set %xs[%i], %i : !roast.list<i64>
  cf.br ^latch
^latch:
  %next = arith.addi %i, %c1 : i64
  cf.br ^header(%next : i64)
^exit:
  roast.return
}

// -----

// Only the innermost loop of a nest is versioned: the outer loop's own
// access stays checked.
// CHECK-LABEL: roast.func @nest(
// CHECK:         roast.list_get %{{.*}}[%{{.*}}] : !roast.list<!roast.list<f64>>
// CHECK-NOT:     roast.list_get %{{.*}}[%{{.*}}] unchecked : !roast.list<!roast.list<f64>>
// CHECK:         roast.list_get %{{.*}}[%{{.*}}] unchecked : !roast.list<f64>
roast.func @nest(%rows: !roast.list<!roast.list<f64>>, %n: i64, %m: i64) -> f64 {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  %zero = arith.constant 0.0 : f64
  cf.br ^outer(%c0, %zero : i64, f64)
^outer(%i: i64, %acc: f64):
  %ci = roast.cmp lt, %i, %n : i64
  cf.cond_br %ci, ^row, ^done
^row:
  %r = roast.list_get %rows[%i] : !roast.list<!roast.list<f64>>
  cf.br ^inner(%c0, %acc : i64, f64)
^inner(%j: i64, %acc2: f64):
  %cj = roast.cmp lt, %j, %m : i64
  cf.cond_br %cj, ^body, ^next_row
^body:
  %x = roast.list_get %r[%j] : !roast.list<f64>
  %sum = arith.addf %acc2, %x : f64
  %nj = arith.addi %j, %c1 : i64
  cf.br ^inner(%nj, %sum : i64, f64)
^next_row:
  %ni = arith.addi %i, %c1 : i64
  cf.br ^outer(%ni, %acc2 : i64, f64)
^done:
  roast.return %acc : f64
}

// -----

// Must not fire: an append grows a list the loop indexes.
// CHECK-LABEL: roast.func @appends(
// CHECK-NOT:     unchecked
// CHECK:         roast.return
roast.func @appends(%xs: !roast.list<i64>, %n: i64) {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  cf.br ^header(%c0 : i64)
^header(%i: i64):
  %c = roast.cmp lt, %i, %n : i64
  cf.cond_br %c, ^body, ^exit
^body:
  %x = roast.list_get %xs[%i] : !roast.list<i64>
  roast.list_append %xs, %x : !roast.list<i64>
  %next = arith.addi %i, %c1 : i64
  cf.br ^header(%next : i64)
^exit:
  roast.return
}

// -----

// Must not fire: a call may change any list (and a pop or a clear, any
// list method, any dynamic op).
// CHECK-LABEL: roast.func @calls(
// CHECK-NOT:     unchecked
// CHECK:         roast.return
// CHECK-LABEL: roast.func @pops(
// CHECK-NOT:     unchecked
// CHECK:         roast.return
roast.func private @touch(!roast.list<i64>)
roast.func @calls(%xs: !roast.list<i64>, %n: i64) {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  cf.br ^header(%c0 : i64)
^header(%i: i64):
  %c = roast.cmp lt, %i, %n : i64
  cf.cond_br %c, ^body, ^exit
^body:
  %x = roast.list_get %xs[%i] : !roast.list<i64>
  roast.call @touch(%xs) : (!roast.list<i64>) -> ()
  %next = arith.addi %i, %c1 : i64
  cf.br ^header(%next : i64)
^exit:
  roast.return
}
roast.func @pops(%xs: !roast.list<i64>, %ys: !roast.list<i64>, %n: i64) {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  cf.br ^header(%c0 : i64)
^header(%i: i64):
  %c = roast.cmp lt, %i, %n : i64
  cf.cond_br %c, ^body, ^exit
^body:
  %x = roast.list_get %xs[%i] : !roast.list<i64>
  %y = roast.list_pop %ys : !roast.list<i64>
  %next = arith.addi %i, %c1 : i64
  cf.br ^header(%next : i64)
^exit:
  roast.return
}

// -----

// Must not fire: the index is not the counter (i + 1, another value).
// CHECK-LABEL: roast.func @other_index(
// CHECK-NOT:     unchecked
// CHECK:         roast.return
roast.func @other_index(%xs: !roast.list<i64>, %n: i64, %j: i64) -> i64 {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  cf.br ^header(%c0, %c0 : i64, i64)
^header(%i: i64, %acc: i64):
  %c = roast.cmp lt, %i, %n : i64
  cf.cond_br %c, ^body, ^exit
^body:
  %k = arith.addi %i, %c1 : i64
  %x = roast.list_get %xs[%k] : !roast.list<i64>
  %y = roast.list_get %xs[%j] : !roast.list<i64>
  %s = arith.addi %x, %y : i64
  %sum = arith.addi %acc, %s : i64
  cf.br ^header(%k, %sum : i64, i64)
^exit:
  roast.return %acc : i64
}

// -----

// Must not fire: the list is a new value in every iteration (read from a
// field inside the loop), so a test before the loop cannot know it.
// CHECK-LABEL: roast.func @list_from_loop(
// CHECK-NOT:     unchecked
// CHECK:         roast.return
roast.class @Box {fields = ["items"], field_types = [!roast.list<i64>], methods = []}
roast.func @list_from_loop(%box: !roast.object<@Box>, %n: i64) -> i64 {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  cf.br ^header(%c0, %c0 : i64, i64)
^header(%i: i64, %acc: i64):
  %c = roast.cmp lt, %i, %n : i64
  cf.cond_br %c, ^body, ^exit
^body:
  %xs = roast.get_field %box["items"] : !roast.object<@Box> -> !roast.list<i64>
  %x = roast.list_get %xs[%i] : !roast.list<i64>
  %sum = arith.addi %acc, %x : i64
  %next = arith.addi %i, %c1 : i64
  cf.br ^header(%next, %sum : i64, i64)
^exit:
  roast.return %acc : i64
}

// -----

// Must not fire: a step of 2, a bound that changes in the loop, `<=`.
// CHECK-LABEL: roast.func @step_two(
// CHECK-NOT:     unchecked
// CHECK-LABEL: roast.func @moving_bound(
// CHECK-NOT:     unchecked
// CHECK-LABEL: roast.func @less_or_equal(
// CHECK-NOT:     unchecked
// CHECK:         roast.return
roast.func @step_two(%xs: !roast.list<i64>, %n: i64) {
  %c0 = arith.constant 0 : i64
  %c2 = arith.constant 2 : i64
  cf.br ^header(%c0 : i64)
^header(%i: i64):
  %c = roast.cmp lt, %i, %n : i64
  cf.cond_br %c, ^body, ^exit
^body:
  roast.list_set %xs[%i], %i : !roast.list<i64>
  %next = arith.addi %i, %c2 : i64
  cf.br ^header(%next : i64)
^exit:
  roast.return
}
roast.func @moving_bound(%xs: !roast.list<i64>, %n: i64) {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  cf.br ^header(%c0, %n : i64, i64)
^header(%i: i64, %m: i64):
  %c = roast.cmp lt, %i, %m : i64
  cf.cond_br %c, ^body, ^exit
^body:
  roast.list_set %xs[%i], %i : !roast.list<i64>
  %next = arith.addi %i, %c1 : i64
  %more = arith.addi %m, %c1 : i64
  cf.br ^header(%next, %more : i64, i64)
^exit:
  roast.return
}
roast.func @less_or_equal(%xs: !roast.list<i64>, %n: i64) {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  cf.br ^header(%c0 : i64)
^header(%i: i64):
  %c = roast.cmp le, %i, %n : i64
  cf.cond_br %c, ^body, ^exit
^body:
  roast.list_set %xs[%i], %i : !roast.list<i64>
  %next = arith.addi %i, %c1 : i64
  cf.br ^header(%next : i64)
^exit:
  roast.return
}

// -----

// Must not fire: a negative start (the unchecked copy could never run,
// and its unreachable loop would hang MLIR 22's canonicalizer), and one
// computed from constants that only the lowering folds.
// CHECK-LABEL: roast.func @negative_start(
// CHECK-NOT:     unchecked
// CHECK-LABEL: roast.func @folded_start(
// CHECK-NOT:     unchecked
// CHECK:         roast.return
roast.func @negative_start(%xs: !roast.list<i64>, %n: i64) {
  %cm2 = arith.constant -2 : i64
  %c1 = arith.constant 1 : i64
  cf.br ^header(%cm2 : i64)
^header(%i: i64):
  %c = roast.cmp lt, %i, %n : i64
  cf.cond_br %c, ^body, ^exit
^body:
  roast.list_set %xs[%i], %i : !roast.list<i64>
  %next = arith.addi %i, %c1 : i64
  cf.br ^header(%next : i64)
^exit:
  roast.return
}
roast.func @folded_start(%xs: !roast.list<i64>, %n: i64) {
  %cm4 = arith.constant -4 : i64
  %c2 = arith.constant 2 : i64
  %c1 = arith.constant 1 : i64
  %start = roast.floordiv %cm4, %c2 : i64
  cf.br ^header(%start : i64)
^header(%i: i64):
  %c = roast.cmp lt, %i, %n : i64
  cf.cond_br %c, ^body, ^exit
^body:
  roast.list_set %xs[%i], %i : !roast.list<i64>
  %next = arith.addi %i, %c1 : i64
  cf.br ^header(%next : i64)
^exit:
  roast.return
}

// -----

// Must not fire: storing a str releases the element it replaces, and a
// released list may be freed (its elements with it).
// CHECK-LABEL: roast.func @stores_reference(
// CHECK-NOT:     unchecked
// CHECK-LABEL: roast.func @releases_list(
// CHECK-NOT:     unchecked
// CHECK:         roast.return
roast.func @stores_reference(%xs: !roast.list<!roast.str>, %s: !roast.str, %n: i64) {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  cf.br ^header(%c0 : i64)
^header(%i: i64):
  %c = roast.cmp lt, %i, %n : i64
  cf.cond_br %c, ^body, ^exit
^body:
  roast.list_set %xs[%i], %s : !roast.list<!roast.str>
  %next = arith.addi %i, %c1 : i64
  cf.br ^header(%next : i64)
^exit:
  roast.return
}
roast.func @releases_list(%xs: !roast.list<i64>, %ys: !roast.list<i64>, %n: i64) {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  cf.br ^header(%c0 : i64)
^header(%i: i64):
  %c = roast.cmp lt, %i, %n : i64
  cf.cond_br %c, ^body, ^exit
^body:
  roast.list_set %xs[%i], %i : !roast.list<i64>
  roast.release %ys : !roast.list<i64>
  %next = arith.addi %i, %c1 : i64
  cf.br ^header(%next : i64)
^exit:
  roast.return
}

// -----

// Must not fire: the counter leaves the loop through an exception handler
// (not the header's exit), where the two copies could not meet.
// CHECK-LABEL: roast.func @counter_to_handler(
// CHECK-NOT:     unchecked
// CHECK:         roast.return
roast.func @counter_to_handler(%xs: !roast.list<i64>, %n: i64) -> i64 {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  cf.br ^header(%c0 : i64)
^header(%i: i64):
  %c = roast.cmp lt, %i, %n : i64
  cf.cond_br %c, ^body, ^exit
^body:
  %x = roast.list_get %xs[%i] : !roast.list<i64>
  %q = roast.floordiv %x, %i : i64
  roast.check_raised ^handler, ^latch
^latch:
  %next = arith.addi %i, %c1 : i64
  cf.br ^header(%next : i64)
^exit:
  roast.return %n : i64
^handler:
  %e = roast.catch : !roast.object<@BaseException>
  roast.return %i : i64
}
