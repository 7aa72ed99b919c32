/* value_tests.c - unit tests of dynamic values (NaN-boxed RoastValue), against CPython 3.12's results. */
/* White-box where it helps: ValueInternal.h decodes values, so the encoding
 * itself can be checked bit for bit. */
#include "HashTableInternal.h"
#include "runtime_tests.h"

#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define LOC "p.py", 1, "f"
#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

typedef struct ValueCase {
  int op, a, b;
  const char *expected; /* repr of the result, or "!Type: message" */
} ValueCase;

#include "value_expectations.inc"

/* ---- Building values ---------------------------------------------------------------- */

static RoastValue I(int64_t i) { return roast_rt_value_from_int(i); }
static RoastValue F(double d) { return roast_rt_value_from_slot(ROAST_ELEM_FLOAT, roast_rt_double_slot(d)); }
static RoastValue B(bool b) { return roast_rt_value_from_slot(ROAST_ELEM_BOOL, b); }
#define NONE ROAST_VALUE_NONE
/* A fresh str (refcount 1), so that refcounts can be checked exactly. */
static RoastValue S(const char *text) {
  return roast_rt_value_take_object(roast_rt_str_new(text, (int64_t)strlen(text)));
}

/* A list of dynamic values taking over the n values given. */
static RoastValue L(int n, ...) {
  RoastList *l = roast_rt_list_new(n, ROAST_ELEM_VALUE);
  va_list args;
  va_start(args, n);
  for (int i = 0; i < n; ++i) {
    RoastValue v = va_arg(args, RoastValue);
    roast_rt_list_append(l, v);
    roast_rt_value_release(v);
  }
  va_end(args);
  return roast_rt_value_take_object(l);
}

/* A tuple of dynamic values taking over the n values given. */
static RoastValue T(int n, ...) {
  uint8_t kinds[8];
  memset(kinds, ROAST_ELEM_VALUE, sizeof kinds);
  RoastTuple *t = roast_rt_tuple_new(n, kinds);
  va_list args;
  va_start(args, n);
  for (int i = 0; i < n; ++i)
    t->items[i] = va_arg(args, RoastValue);
  va_end(args);
  return roast_rt_value_take_object(t);
}

/* A typed list[int]. */
static RoastValue int_list(int n, const int64_t *items) {
  RoastList *l = roast_rt_list_new(n, ROAST_ELEM_INT);
  for (int i = 0; i < n; ++i)
    roast_rt_list_append(l, (uint64_t)items[i]);
  return roast_rt_value_take_object(l);
}

/* ---- Checking values ---------------------------------------------------------------- */

/* Checks that no exception is pending and that repr(v) is `expected`;
 * releases v (a result the caller owns). */
static void check_repr(RoastValue v, const char *expected, const char *what) {
  if (roast_rt_exception) {
    RoastInstance *e = roast_rt_catch();
    RoastStr *m = *(RoastStr **)((char *)e + ROAST_EXCEPTION_MESSAGE_OFFSET);
    CHECK(false, "%s: raised %s: %.*s", what, e->cls->name, m ? (int)m->length : 0,
          m ? m->data : "");
    roast_rt_release(&e->header);
    return;
  }
  RoastStr *r = roast_rt_value_repr(v);
  CHECK(r && strlen(expected) == (size_t)r->length && memcmp(r->data, expected, (size_t)r->length) == 0,
        "%s: expected %s, got %.*s", what, expected, r ? (int)r->length : 0, r ? r->data : "");
  roast_rt_release(r ? &r->header : NULL);
  roast_rt_value_release(v);
}

/* Checks that an exception of class cls with exactly `message` is pending,
 * and catches it; releases v (0 or a stray result). */
static void check_error(RoastValue v, const RoastClass *cls, const char *message, const char *what) {
  RoastInstance *e = roast_rt_catch();
  if (!e) {
    RoastStr *r = roast_rt_value_repr(v);
    CHECK(false, "%s: expected %s: %s, got the value %.*s", what, cls->name, message,
          r ? (int)r->length : 0, r ? r->data : "");
    roast_rt_release(r ? &r->header : NULL);
    roast_rt_value_release(v);
    return;
  }
  RoastStr *m = *(RoastStr **)((char *)e + ROAST_EXCEPTION_MESSAGE_OFFSET);
  bool same = m && strlen(message) == (size_t)m->length &&
              memcmp(m->data, message, (size_t)m->length) == 0;
  CHECK(roast_rt_isinstance(e, cls) && same, "%s: expected %s: %s, got %s: %.*s", what, cls->name,
        message, e->cls->name, m ? (int)m->length : 0, m ? m->data : "");
  roast_rt_release(&e->header);
}

/* A binary operation on operands it consumes. */
static RoastValue bin(int32_t op, RoastValue a, RoastValue b) {
  RoastValue r = roast_rt_value_binary(op, a, b, false, LOC);
  roast_rt_value_release(a);
  roast_rt_value_release(b);
  return r;
}

static RoastValue cmp(int32_t op, RoastValue a, RoastValue b) {
  RoastValue r = roast_rt_value_compare(op, a, b, LOC);
  roast_rt_value_release(a);
  roast_rt_value_release(b);
  return r;
}

/* A built-in called on the arguments, which it consumes. */
static RoastValue call_builtin(int32_t which, int n, ...) {
  RoastValue args[4];
  va_list list;
  va_start(list, n);
  for (int i = 0; i < n; ++i)
    args[i] = va_arg(list, RoastValue);
  va_end(list);
  RoastValue f = roast_rt_builtin_value(which);
  RoastValue r = roast_rt_value_call(f, n, args, LOC);
  for (int i = 0; i < n; ++i)
    roast_rt_value_release(args[i]);
  return r;
}

/* self.name(args), consuming self and the arguments. */
static RoastValue method(RoastValue self, const char *name, int n, ...) {
  RoastValue args[4];
  va_list list;
  va_start(list, n);
  for (int i = 0; i < n; ++i)
    args[i] = va_arg(list, RoastValue);
  va_end(list);
  RoastValue r = roast_rt_value_call_method(self, name, n, args, LOC);
  for (int i = 0; i < n; ++i)
    roast_rt_value_release(args[i]);
  roast_rt_value_release(self);
  return r;
}

/* ---- Encoding ------------------------------------------------------------------------ */

static uint64_t bits_of(double d) {
  uint64_t b;
  memcpy(&b, &d, sizeof b);
  return b;
}

static void test_encoding(void) {
  const double doubles[] = {0.0, -0.0, 1.5, -2.25, INFINITY, -INFINITY, 5e-324, 1.7976931348623157e308};
  for (size_t i = 0; i < COUNT(doubles); ++i) {
    RoastValue v = F(doubles[i]);
    CHECK(v == bits_of(doubles[i]), "double %g is stored as itself", doubles[i]);
    CHECK(bits_of(roast_rt_value_unbox_float(v, LOC)) == bits_of(doubles[i]), "double %g round trip",
          doubles[i]);
  }
  /* Every NaN, negative and signalling ones too, becomes the canonical one. */
  const uint64_t nans[] = {UINT64_C(0x7FF8000000000000), UINT64_C(0xFFF8000000000000),
                           UINT64_C(0x7FF0000000000001), UINT64_C(0xFFFFFFFFFFFFFFFF),
                           UINT64_C(0xFFF9000000000005)};
  for (size_t i = 0; i < COUNT(nans); ++i) {
    RoastValue v = roast_rt_value_from_slot(ROAST_ELEM_FLOAT, nans[i]);
    CHECK(v == UINT64_C(0x7FF8000000000000), "NaN %" PRIx64 " is canonical", nans[i]);
    CHECK(isnan(roast_rt_value_unbox_float(v, LOC)), "NaN decodes as a NaN");
  }
  check_repr(F(NAN), "nan", "repr(nan)");
  check_repr(F(-0.0), "-0.0", "repr(-0.0)");

  const int64_t inline_ints[] = {0, 1, -1, 42, (INT64_C(1) << 47) - 1, -(INT64_C(1) << 47)};
  for (size_t i = 0; i < COUNT(inline_ints); ++i) {
    RoastValue v = I(inline_ints[i]);
    CHECK(v >> 48 == ROAST_VALUE_TAG_INT, "%" PRId64 " is inline", inline_ints[i]);
    CHECK(roast_rt_value_unbox_int(v, LOC) == inline_ints[i], "%" PRId64 " round trip", inline_ints[i]);
  }
  const int64_t boxed_ints[] = {INT64_C(1) << 47, -(INT64_C(1) << 47) - 1, INT64_MAX, INT64_MIN};
  const char *const boxed_reprs[] = {"140737488355328", "-140737488355329", "9223372036854775807",
                                     "-9223372036854775808"};
  for (size_t i = 0; i < COUNT(boxed_ints); ++i) {
    RoastValue v = I(boxed_ints[i]);
    RoastObject *box = roast_rt_value_owned(v);
    CHECK(box && box->type_id == ROAST_TYPE_BOX && box->refcount == 1, "%" PRId64 " is boxed",
          boxed_ints[i]);
    CHECK(roast_rt_value_unbox_int(v, LOC) == boxed_ints[i], "%" PRId64 " round trip", boxed_ints[i]);
    RoastValue same = roast_rt_value_from_slot(ROAST_ELEM_INT, (uint64_t)boxed_ints[i]);
    check_repr(bin(ROAST_BINOP_ADD, same, I(0)), boxed_reprs[i], "big int + 0");
    check_repr(v, boxed_reprs[i], "repr of a big int");
  }
  /* Crossing the inline boundary by arithmetic: boxed, never wrapped. */
  check_repr(bin(ROAST_BINOP_ADD, I((INT64_C(1) << 47) - 1), I(1)), "140737488355328", "2**47 - 1 + 1");
  check_repr(bin(ROAST_BINOP_SUB, I(INT64_MIN + 1), I(1)), "-9223372036854775808", "INT64_MIN");
  check_error(bin(ROAST_BINOP_SUB, I(INT64_MIN), I(1)), &roast_rt_class_OverflowError,
              "integer overflow", "INT64_MIN - 1");

  CHECK(B(true) == ROAST_VALUE_TRUE && B(false) == ROAST_VALUE_FALSE, "bools");
  CHECK(roast_rt_value_unbox_bool(ROAST_VALUE_TRUE, LOC), "True unboxes");
  CHECK(roast_rt_value_from_slot(ROAST_ELEM_OBJECT, 0) == NONE, "a NULL object is None");
  check_repr(NONE, "None", "repr(None)");

  /* Objects: the value owns a reference. */
  RoastStr *s = roast_rt_str_new("abc", 3);
  RoastValue v = roast_rt_value_from_slot(ROAST_ELEM_OBJECT, (uint64_t)(uintptr_t)s);
  CHECK(roast_rt_value_object(v) == &s->header && s->header.refcount == 2, "object values retain");
  roast_rt_value_release(v);
  CHECK(s->header.refcount == 1, "releasing a value releases its object");
  roast_rt_release(&s->header);

  /* Optionals' boxes decode to their numbers. */
  RoastObject *box = roast_rt_box_optional(true, ROAST_ELEM_FLOAT, roast_rt_double_slot(2.5));
  v = roast_rt_value_from_slot(ROAST_ELEM_OBJECT, (uint64_t)(uintptr_t)box);
  CHECK(roast_rt_value_is_double(v) && box->refcount == 1, "a boxed float becomes the float");
  roast_rt_release(box);

  /* Storing into typed slots (mypyc's messages). */
  uint64_t slot;
  CHECK(roast_rt_value_to_slot(B(true), ROAST_ELEM_INT, &slot, LOC) && slot == 1, "bool into int");
  CHECK(roast_rt_value_to_slot(I(3), ROAST_ELEM_FLOAT, &slot, LOC) && roast_rt_slot_double(slot) == 3.0,
        "int into float");
  CHECK(!roast_rt_value_to_slot(I(1), ROAST_ELEM_BOOL, &slot, LOC), "int into bool fails");
  check_error(0, &roast_rt_class_TypeError, "bool object expected; got int", "int into bool");
  v = S("x");
  CHECK(!roast_rt_value_to_slot(v, ROAST_ELEM_INT, &slot, LOC), "str into int fails");
  check_error(0, &roast_rt_class_TypeError, "int object expected; got str", "str into int");
  CHECK(!roast_rt_value_to_slot(I(1), ROAST_ELEM_OBJECT, &slot, LOC), "int into object fails");
  check_error(0, &roast_rt_class_TypeError, "object expected; got int", "int into object");
  roast_rt_value_unbox_float(v, LOC);
  check_error(0, &roast_rt_class_TypeError, "float object expected; got str", "unbox float");
  roast_rt_value_release(v);
}

/* ---- Arithmetic ------------------------------------------------------------------------ */

static void test_arithmetic(void) {
  check_repr(bin(ROAST_BINOP_ADD, I(1), I(2)), "3", "1 + 2");
  check_repr(bin(ROAST_BINOP_ADD, I(1), F(2.5)), "3.5", "1 + 2.5");
  check_repr(bin(ROAST_BINOP_ADD, B(true), B(true)), "2", "True + True");
  check_repr(bin(ROAST_BINOP_FLOORDIV, I(7), I(2)), "3", "7 // 2");
  check_repr(bin(ROAST_BINOP_FLOORDIV, I(-7), I(2)), "-4", "-7 // 2");
  check_repr(bin(ROAST_BINOP_MOD, I(-7), I(3)), "2", "-7 % 3");
  check_repr(bin(ROAST_BINOP_TRUEDIV, I(7), I(2)), "3.5", "7 / 2");
  check_repr(bin(ROAST_BINOP_POW, I(2), I(10)), "1024", "2 ** 10");
  check_repr(bin(ROAST_BINOP_POW, I(2), I(-1)), "0.5", "2 ** -1");
  check_repr(bin(ROAST_BINOP_AND, B(true), B(false)), "False", "True & False");
  check_repr(bin(ROAST_BINOP_LSHIFT, I(1), I(3)), "8", "1 << 3");
  check_repr(bin(ROAST_BINOP_ADD, F(0.1), F(0.2)), "0.30000000000000004", "0.1 + 0.2");
  check_error(bin(ROAST_BINOP_MUL, I(INT64_C(1) << 40), I(INT64_C(1) << 40)),
              &roast_rt_class_OverflowError, "integer overflow", "2**40 * 2**40");
  check_error(bin(ROAST_BINOP_TRUEDIV, I(1), I(0)), &roast_rt_class_ZeroDivisionError,
              "division by zero", "1 / 0");
  check_error(bin(ROAST_BINOP_FLOORDIV, I(1), I(0)), &roast_rt_class_ZeroDivisionError,
              "integer division or modulo by zero", "1 // 0");
  check_error(bin(ROAST_BINOP_MOD, I(1), I(0)), &roast_rt_class_ZeroDivisionError,
              "integer modulo by zero", "1 % 0");
  check_error(bin(ROAST_BINOP_TRUEDIV, F(1), I(0)), &roast_rt_class_ZeroDivisionError,
              "float division by zero", "1.0 / 0");
  check_error(bin(ROAST_BINOP_POW, I(0), I(-1)), &roast_rt_class_ZeroDivisionError,
              "0.0 cannot be raised to a negative power", "0 ** -1");
  check_error(bin(ROAST_BINOP_LSHIFT, I(1), I(-1)), &roast_rt_class_ValueError,
              "negative shift count", "1 << -1");
  check_error(bin(ROAST_BINOP_AND, F(1.5), I(1)), &roast_rt_class_TypeError,
              "unsupported operand type(s) for &: 'float' and 'int'", "1.5 & 1");

  /* Sequences. */
  check_repr(bin(ROAST_BINOP_ADD, S("a"), S("b")), "'ab'", "'a' + 'b'");
  check_repr(bin(ROAST_BINOP_MUL, S("ab"), I(3)), "'ababab'", "'ab' * 3");
  check_repr(bin(ROAST_BINOP_MUL, I(3), L(1, I(0))), "[0, 0, 0]", "3 * [0]");
  int64_t ints[] = {1, 2};
  check_repr(bin(ROAST_BINOP_ADD, int_list(2, ints), L(1, S("a"))), "[1, 2, 'a']", "[1, 2] + ['a']");
  check_repr(bin(ROAST_BINOP_ADD, T(1, I(1)), T(1, S("t"))), "(1, 't')", "(1,) + ('t',)");
  check_repr(bin(ROAST_BINOP_MUL, T(2, I(1), I(2)), I(2)), "(1, 2, 1, 2)", "(1, 2) * 2");
  check_error(bin(ROAST_BINOP_ADD, I(1), S("a")), &roast_rt_class_TypeError,
              "unsupported operand type(s) for +: 'int' and 'str'", "1 + 'a'");
  check_error(bin(ROAST_BINOP_ADD, S("a"), I(1)), &roast_rt_class_TypeError,
              "can only concatenate str (not \"int\") to str", "'a' + 1");
  check_error(bin(ROAST_BINOP_ADD, L(1, I(1)), I(1)), &roast_rt_class_TypeError,
              "can only concatenate list (not \"int\") to list", "[1] + 1");
  check_error(bin(ROAST_BINOP_MUL, S("a"), F(2.5)), &roast_rt_class_TypeError,
              "can't multiply sequence by non-int of type 'float'", "'a' * 2.5");
  check_error(bin(ROAST_BINOP_POW, S("a"), I(2)), &roast_rt_class_TypeError,
              "unsupported operand type(s) for ** or pow(): 'str' and 'int'", "'a' ** 2");
  check_error(bin(ROAST_BINOP_SUB, L(0), L(0)), &roast_rt_class_TypeError,
              "unsupported operand type(s) for -: 'list' and 'list'", "[] - []");

  /* x += 'ab' extends the list itself. */
  RoastValue xs = int_list(2, ints), extended = L(3, I(1), I(2), I(3)), ab = S("ab");
  RoastValue r = roast_rt_value_binary(ROAST_BINOP_ADD, extended, ab, true, LOC);
  CHECK(r == extended, "list += str is in place");
  roast_rt_value_release(r);
  check_repr(extended, "[1, 2, 3, 'a', 'b']", "x += 'ab'");
  /* A typed list cannot take a str. */
  r = roast_rt_value_binary(ROAST_BINOP_ADD, xs, ab, true, LOC);
  check_error(r, &roast_rt_class_TypeError, "int object expected; got str", "list[int] += 'ab'");
  roast_rt_value_release(ab);
  roast_rt_value_release(xs);

  /* Sets and dicts. */
  RoastSet *s1 = roast_rt_set_new(ROAST_ELEM_INT), *s2 = roast_rt_set_new(ROAST_ELEM_VALUE);
  roast_rt_set_add(s1, 1);
  RoastValue a_value = S("a");
  roast_rt_set_add_value(s2, a_value, ROAST_WHERE("p.py", 1, "f"));
  roast_rt_value_release(a_value);
  check_repr(bin(ROAST_BINOP_OR, roast_rt_value_take_object(s1), roast_rt_value_take_object(s2)),
             "{1, 'a'}", "{1} | {'a'}");

  /* Unary. */
  check_repr(roast_rt_value_unary(ROAST_UNOP_NEG, B(true), LOC), "-1", "-True");
  check_repr(roast_rt_value_unary(ROAST_UNOP_INVERT, I(5), LOC), "-6", "~5");
  RoastValue a = S("a");
  check_error(roast_rt_value_unary(ROAST_UNOP_NEG, a, LOC), &roast_rt_class_TypeError,
              "bad operand type for unary -: 'str'", "-'a'");
  roast_rt_value_release(a);
}

/* ---- Comparisons, truth, containers -------------------------------------------------------- */

static void test_compare(void) {
  check_repr(cmp(ROAST_CMP_LT, I(1), F(2.5)), "True", "1 < 2.5");
  check_repr(cmp(ROAST_CMP_EQ, I(1), F(1.0)), "True", "1 == 1.0");
  check_repr(cmp(ROAST_CMP_EQ, I(1), S("1")), "False", "1 == '1'");
  check_repr(cmp(ROAST_CMP_NE, NONE, I(0)), "True", "None != 0");
  check_repr(cmp(ROAST_CMP_LT, S("a"), S("b")), "True", "'a' < 'b'");
  check_repr(cmp(ROAST_CMP_LT, L(2, I(1), I(2)), L(2, I(1), I(3))), "True", "[1, 2] < [1, 3]");
  check_repr(cmp(ROAST_CMP_EQ, T(2, I(1), S("a")), T(2, F(1.0), S("a"))), "True", "tuple ==");
  check_repr(cmp(ROAST_CMP_GE, I(INT64_MAX), F(9.2e18)), "True", "big int >= float");
  check_error(cmp(ROAST_CMP_LT, I(1), S("a")), &roast_rt_class_TypeError,
              "'<' not supported between instances of 'int' and 'str'", "1 < 'a'");
  check_error(cmp(ROAST_CMP_GE, NONE, NONE), &roast_rt_class_TypeError,
              "'>=' not supported between instances of 'NoneType' and 'NoneType'", "None >= None");

  RoastValue v[] = {I(0), F(0.0), S(""), L(0), NONE, I(-1), F(NAN), S("x"), L(1, NONE)};
  int expected[] = {0, 0, 0, 0, 0, 1, 1, 1, 1};
  for (size_t i = 0; i < COUNT(v); ++i) {
    CHECK(roast_rt_value_truth(v[i], LOC) == expected[i], "truth of value %zu", i);
    roast_rt_value_release(v[i]);
  }
}

static void test_items(void) {
  RoastValue s = S("h\xc3\xa9llo"), l = L(3, I(10), S("b"), F(2.5)), t = T(2, I(1), S("t"));
  CHECK(roast_rt_value_len(s, LOC) == 5, "len of a non-ASCII str");
  check_repr(roast_rt_value_getitem(s, I(-1), LOC), "'o'", "s[-1]");
  check_repr(roast_rt_value_getitem(s, I(1), LOC), "'\xc3\xa9'", "s[1]");
  check_repr(roast_rt_value_getitem(l, B(true), LOC), "'b'", "l[True]");
  check_repr(roast_rt_value_getitem(t, I(-2), LOC), "1", "t[-2]");
  check_error(roast_rt_value_getitem(s, I(5), LOC), &roast_rt_class_IndexError,
              "string index out of range", "s[5]");
  check_error(roast_rt_value_getitem(l, I(3), LOC), &roast_rt_class_IndexError,
              "list index out of range", "l[3]");
  check_error(roast_rt_value_getitem(t, I(2), LOC), &roast_rt_class_IndexError,
              "tuple index out of range", "t[2]");
  check_error(roast_rt_value_getitem(s, s, LOC), &roast_rt_class_TypeError,
              "string indices must be integers, not 'str'", "s[s]");
  check_error(roast_rt_value_getitem(l, F(1.5), LOC), &roast_rt_class_TypeError,
              "list indices must be integers or slices, not float", "l[1.5]");
  check_error(roast_rt_value_getitem(I(1), I(0), LOC), &roast_rt_class_TypeError,
              "'int' object is not subscriptable", "1[0]");
  check_error(roast_rt_value_len(I(1), LOC) < 0 ? 0 : 1, &roast_rt_class_TypeError,
              "object of type 'int' has no len()", "len(1)");
  CHECK(roast_rt_value_setitem(l, I(0), NONE, LOC), "l[0] = None");
  check_error(roast_rt_value_setitem(s, I(0), NONE, LOC), &roast_rt_class_TypeError,
              "'str' object does not support item assignment", "s[0] = None");
  check_repr(roast_rt_value_getslice(s, I(1), I(4), NONE, LOC), "'\xc3\xa9ll'", "s[1:4]");
  check_repr(roast_rt_value_getslice(s, NONE, NONE, I(-1), LOC), "'oll\xc3\xa9h'", "s[::-1]");
  check_repr(roast_rt_value_getslice(l, I(1), NONE, NONE, LOC), "['b', 2.5]", "l[1:]");
  check_repr(roast_rt_value_getslice(t, NONE, NONE, I(-1), LOC), "('t', 1)", "t[::-1]");
  check_error(roast_rt_value_getslice(s, I(1), I(2), I(0), LOC), &roast_rt_class_ValueError,
              "slice step cannot be zero", "s[1:2:0]");
  check_error(roast_rt_value_getslice(s, s, NONE, NONE, LOC), &roast_rt_class_TypeError,
              "slice indices must be integers or None or have an __index__ method", "s[s:]");
  CHECK(roast_rt_value_contains(l, F(2.5), LOC) == 1, "2.5 in l");
  CHECK(roast_rt_value_contains(t, F(1.0), LOC) == 1, "1.0 in t");
  RoastValue ll = S("ll");
  CHECK(roast_rt_value_contains(s, ll, LOC) == 1, "'ll' in s");
  roast_rt_value_release(ll);
  check_error(roast_rt_value_contains(s, I(1), LOC), &roast_rt_class_TypeError,
              "'in <string>' requires string as left operand, not int", "1 in s");
  check_error(roast_rt_value_contains(I(1), I(1), LOC), &roast_rt_class_TypeError,
              "argument of type 'int' is not iterable", "1 in 1");
  check_repr(l, "[None, 'b', 2.5]", "l after l[0] = None");
  roast_rt_value_release(s);
  roast_rt_value_release(t);

  /* A typed list refuses what it cannot hold. */
  int64_t ints[] = {1, 2};
  RoastValue xs = int_list(2, ints);
  check_error(method(xs, "append", 1, S("a")), &roast_rt_class_TypeError,
              "int object expected; got str", "list[int].append('a')");
}

/* A dict of dynamic keys: 1, 1.0 and True are one key, as in CPython. */
static void test_dicts(void) {
  RoastValue d = roast_rt_value_take_object(roast_rt_dict_new(ROAST_ELEM_VALUE, ROAST_ELEM_VALUE));
  RoastValue a = S("a"), b = S("b"), c = S("c"), x = S("x");
  CHECK(roast_rt_value_setitem(d, I(1), a, LOC), "d[1] = 'a'");
  CHECK(roast_rt_value_setitem(d, F(1.0), b, LOC), "d[1.0] = 'b'");
  CHECK(roast_rt_value_setitem(d, B(true), c, LOC), "d[True] = 'c'");
  check_repr(d, "{1: 'c'}", "one key");
  d = roast_rt_value_take_object(roast_rt_dict_new(ROAST_ELEM_VALUE, ROAST_ELEM_VALUE));
  roast_rt_value_setitem(d, I(1), a, LOC);
  roast_rt_value_setitem(d, F(1.0), b, LOC);
  roast_rt_value_setitem(d, x, I(7), LOC);
  check_repr(roast_rt_value_getitem(d, B(true), LOC), "'b'", "d[True]");
  check_repr(roast_rt_value_getitem(d, x, LOC), "7", "d['x']");
  check_error(roast_rt_value_getitem(d, c, LOC), &roast_rt_class_KeyError, "'c'", "d['c']");
  RoastValue key = L(1, I(1));
  check_error(roast_rt_value_getitem(d, key, LOC), &roast_rt_class_TypeError,
              "unhashable type: 'list'", "d[[1]]");
  check_error(roast_rt_value_setitem(d, key, I(1), LOC), &roast_rt_class_TypeError,
              "unhashable type: 'list'", "d[[1]] = 1");
  roast_rt_value_release(key);
  roast_rt_value_retain(d);
  check_repr(method(d, "get", 1, S("zz")), "None", "d.get('zz')");
  roast_rt_value_retain(d);
  check_repr(method(d, "get", 2, S("zz"), I(0)), "0", "d.get('zz', 0)");
  roast_rt_value_retain(d);
  check_repr(method(d, "items", 0), "[(1, 'b'), ('x', 7)]", "d.items()");
  roast_rt_value_retain(d);
  check_repr(method(d, "pop", 1, I(1)), "'b'", "d.pop(1)");
  roast_rt_value_retain(d);
  check_repr(method(d, "setdefault", 2, S("y"), L(0)), "[]", "d.setdefault('y', [])");
  roast_rt_value_retain(d);
  check_error(method(d, "pop", 1, I(5)), &roast_rt_class_KeyError, "5", "d.pop(5)");
  CHECK(roast_rt_value_delitem(d, x, LOC), "del d['x']");
  check_repr(d, "{'y': []}", "d after pop and del");

  /* A typed dict[str, int] looked up and updated with dynamic keys. */
  RoastDict *typed = roast_rt_dict_new(ROAST_ELEM_OBJECT, ROAST_ELEM_INT);
  RoastStr *k = roast_rt_str_new("k", 1);
  roast_rt_dict_set(typed, (uint64_t)(uintptr_t)k, 5);
  RoastValue tv = roast_rt_value_take_object(typed), kv = S("k");
  check_repr(roast_rt_value_getitem(tv, kv, LOC), "5", "typed d['k']");
  check_error(roast_rt_value_setitem(tv, kv, F(1.5), LOC), &roast_rt_class_TypeError,
              "int object expected; got float", "typed d['k'] = 1.5");
  CHECK(roast_rt_value_contains(tv, I(1), LOC) == 0, "1 in dict[str, int]");
  roast_rt_value_release(kv);
  roast_rt_value_release(tv);
  CHECK(k->header.refcount == 1, "a typed dict's key released: refcount %" PRId64, k->header.refcount);
  roast_rt_release(&k->header);
  roast_rt_value_release(a);
  roast_rt_value_release(b);
  roast_rt_value_release(c);
  roast_rt_value_release(x);
}

/* ---- Repr and sorting ----------------------------------------------------------------------- */

static void test_repr_and_sort(void) {
  int64_t ints[] = {1, 2};
  RoastValue mixed = L(6, I(3), S("a"), F(2.0), NONE, int_list(2, ints), T(2, I(1), S("t")));
  RoastStr *r = roast_rt_list_repr((RoastList *)roast_rt_value_object(mixed));
  CHECK(r && strcmp(r->data, "[3, 'a', 2.0, None, [1, 2], (1, 't')]") == 0, "repr of a list[Any]: %s",
        r ? r->data : "");
  roast_rt_release(&r->header);
  check_repr(roast_rt_value_take_object(roast_rt_value_str(mixed)),
             "\"[3, 'a', 2.0, None, [1, 2], (1, 't')]\"", "str of a list[Any]");
  roast_rt_value_release(mixed);

  check_repr(call_builtin(ROAST_BUILTIN_SORTED, 1, L(4, I(3), F(1.5), I(2), I(-1))),
             "[-1, 1.5, 2, 3]", "sorted of mixed numbers");
  check_repr(call_builtin(ROAST_BUILTIN_SORTED, 1, L(3, S("b"), S("c"), S("a"))), "['a', 'b', 'c']",
             "sorted strs");
  check_repr(call_builtin(ROAST_BUILTIN_SORTED, 1, L(3, I(5), I(-(INT64_C(1) << 46)), I(0))),
             "[-70368744177664, 0, 5]", "sorted inline ints");
  check_error(method(L(2, I(3), S("a")), "sort", 0), &roast_rt_class_TypeError,
              "'<' not supported between instances of 'str' and 'int'", "[3, 'a'].sort()");
  check_repr(call_builtin(ROAST_BUILTIN_MIN, 1, L(3, I(1), F(2.0), F(0.5))), "0.5", "min mixed");
  check_repr(call_builtin(ROAST_BUILTIN_MAX, 1, L(2, I(1), B(true))), "1", "max([1, True])");
  check_repr(call_builtin(ROAST_BUILTIN_SUM, 1, L(3, I(1), F(2.5), I(3))), "6.5", "sum mixed");
  RoastList *tenths = roast_rt_list_new(10, ROAST_ELEM_VALUE);
  for (int i = 0; i < 10; ++i)
    roast_rt_list_append(tenths, F(0.1));
  RoastValue sum = roast_rt_list_sum_value(tenths, LOC);
  check_repr(sum, "1.0", "sum([0.1] * 10)");
  roast_rt_release(&tenths->header);
  check_repr(call_builtin(ROAST_BUILTIN_SUM, 1, L(2, B(true), I(2))), "3", "sum([True, 2])");
  check_error(call_builtin(ROAST_BUILTIN_SUM, 1, L(1, S("a"))), &roast_rt_class_TypeError,
              "unsupported operand type(s) for +: 'int' and 'str'", "sum(['a'])");
  check_error(call_builtin(ROAST_BUILTIN_SUM, 1, L(2, I(INT64_MAX), I(1))),
              &roast_rt_class_OverflowError, "integer overflow", "sum overflows");
}

/* ---- Iteration ---------------------------------------------------------------------------- */

/* The repr of the items an iterator yields, joined by spaces. */
static void check_iteration(RoastValue iterable, const char *expected, const char *what) {
  RoastValue it = roast_rt_value_iter(iterable, LOC), x;
  roast_rt_value_release(iterable);
  char text[256] = "";
  while (roast_rt_value_next(it, &x, LOC)) {
    RoastStr *r = roast_rt_value_repr(x);
    if (text[0])
      strncat(text, " ", sizeof text - strlen(text) - 1);
    strncat(text, r->data, sizeof text - strlen(text) - 1);
    roast_rt_release(&r->header);
    roast_rt_value_release(x);
  }
  CHECK(!roast_rt_exception && strcmp(text, expected) == 0, "%s: expected %s, got %s", what, expected,
        text);
  CHECK(!roast_rt_value_next(it, &x, LOC) && !roast_rt_exception, "%s stays exhausted", what);
  roast_rt_value_release(it);
}

static void test_iteration(void) {
  check_iteration(S("h\xc3\xa9y"), "'h' '\xc3\xa9' 'y'", "iter(str)");
  check_iteration(L(3, I(1), S("a"), NONE), "1 'a' None", "iter(list)");
  check_iteration(T(2, F(1.5), B(false)), "1.5 False", "iter(tuple)");
  RoastValue d = call_builtin(ROAST_BUILTIN_DICT, 1, L(2, T(2, I(1), I(2)), T(2, S("k"), I(4))));
  check_iteration(d, "1 'k'", "iter(dict)");
  check_iteration(call_builtin(ROAST_BUILTIN_SET, 1, L(3, I(3), I(1), I(3))), "3 1", "iter(set)");
  check_error(roast_rt_value_iter(I(1), LOC), &roast_rt_class_TypeError,
              "'int' object is not iterable", "iter(1)");

  /* Changing a dict's size while iterating it. */
  d = roast_rt_value_take_object(roast_rt_dict_new(ROAST_ELEM_VALUE, ROAST_ELEM_VALUE));
  roast_rt_value_setitem(d, I(1), I(1), LOC);
  RoastValue it = roast_rt_value_iter(d, LOC), x;
  CHECK(roast_rt_value_next(it, &x, LOC), "first key");
  roast_rt_value_setitem(d, I(2), I(2), LOC);
  CHECK(!roast_rt_value_next(it, &x, LOC), "no second key");
  check_error(0, &roast_rt_class_RuntimeError, "dictionary changed size during iteration",
              "dict grew");
  roast_rt_value_release(it);
  roast_rt_value_release(d);
}

/* ---- Built-ins and methods ------------------------------------------------------------------- */

static void test_builtins(void) {
  check_repr(call_builtin(ROAST_BUILTIN_ABS, 1, I(-3)), "3", "abs(-3)");
  check_repr(call_builtin(ROAST_BUILTIN_ABS, 1, F(-0.0)), "0.0", "abs(-0.0)");
  check_repr(call_builtin(ROAST_BUILTIN_LEN, 1, S("h\xc3\xa9llo")), "5", "len");
  check_repr(call_builtin(ROAST_BUILTIN_INT, 2, S("ff"), I(16)), "255", "int('ff', 16)");
  check_repr(call_builtin(ROAST_BUILTIN_INT, 2, S("-0x_1f"), I(16)), "-31", "int('-0x_1f', 16)");
  check_repr(call_builtin(ROAST_BUILTIN_INT, 2, S("0b101"), I(0)), "5", "int('0b101', 0)");
  check_repr(call_builtin(ROAST_BUILTIN_INT, 1, S(" 7 ")), "7", "int(' 7 ')");
  check_repr(call_builtin(ROAST_BUILTIN_INT, 1, F(2.7)), "2", "int(2.7)");
  check_repr(call_builtin(ROAST_BUILTIN_INT, 1, F(-2.7)), "-2", "int(-2.7)");
  check_repr(call_builtin(ROAST_BUILTIN_FLOAT, 1, S("1.5")), "1.5", "float('1.5')");
  check_repr(call_builtin(ROAST_BUILTIN_ROUND, 1, F(2.5)), "2", "round(2.5)");
  check_repr(call_builtin(ROAST_BUILTIN_ROUND, 2, F(1.25), I(1)), "1.2", "round(1.25, 1)");
  check_repr(call_builtin(ROAST_BUILTIN_ROUND, 2, I(1250), I(-2)), "1200", "round(1250, -2)");
  check_repr(call_builtin(ROAST_BUILTIN_ORD, 1, S("\xc3\xa9")), "233", "ord");
  check_repr(call_builtin(ROAST_BUILTIN_CHR, 1, I(233)), "'\xc3\xa9'", "chr");
  check_repr(call_builtin(ROAST_BUILTIN_MIN, 3, I(3), I(1), I(2)), "1", "min(3, 1, 2)");
  check_repr(call_builtin(ROAST_BUILTIN_MAX, 1, S("abc")), "'c'", "max('abc')");
  check_repr(call_builtin(ROAST_BUILTIN_TUPLE, 1, S("ab")), "('a', 'b')", "tuple('ab')");
  check_repr(call_builtin(ROAST_BUILTIN_LIST, 1, call_builtin(ROAST_BUILTIN_DICT, 0)), "[]", "list({})");
  check_repr(call_builtin(ROAST_BUILTIN_STR, 1, F(1.0)), "'1.0'", "str(1.0)");
  check_repr(call_builtin(ROAST_BUILTIN_REPR, 1, S("it")), "\"'it'\"", "repr('it')");
  check_repr(call_builtin(ROAST_BUILTIN_BOOL, 1, L(0)), "False", "bool([])");
  check_repr(call_builtin(ROAST_BUILTIN_HASH, 1, NONE), "4238894112", "hash(None)");
  RoastValue h1 = call_builtin(ROAST_BUILTIN_HASH, 1, T(2, I(1), S("a")));
  RoastValue h2 = call_builtin(ROAST_BUILTIN_HASH, 1, T(2, F(1.0), S("a")));
  CHECK(roast_rt_value_unbox_int(h1, LOC) == roast_rt_value_unbox_int(h2, LOC),
        "hash((1, 'a')) == hash((1.0, 'a'))");
  roast_rt_value_release(h1);
  roast_rt_value_release(h2);

  check_repr(call_builtin(ROAST_BUILTIN_TYPE, 1, I(1)), "<class 'int'>", "type(1)");
  check_repr(call_builtin(ROAST_BUILTIN_TYPE, 1, NONE), "<class 'NoneType'>", "type(None)");
  RoastValue t1 = call_builtin(ROAST_BUILTIN_TYPE, 1, I(1)), t2 = call_builtin(ROAST_BUILTIN_TYPE, 1, B(true));
  check_repr(cmp(ROAST_CMP_EQ, t1, t2), "False", "type(1) == type(True)");
  t1 = call_builtin(ROAST_BUILTIN_TYPE, 1, L(0)), t2 = call_builtin(ROAST_BUILTIN_TYPE, 1, L(0));
  check_repr(cmp(ROAST_CMP_EQ, t1, t2), "True", "type([]) == type([])");
  check_repr(roast_rt_builtin_value(ROAST_BUILTIN_ABS), "<built-in function abs>", "repr(abs)");
  check_repr(roast_rt_builtin_value(ROAST_BUILTIN_STR), "<class 'str'>", "repr(str)");

  check_error(call_builtin(ROAST_BUILTIN_INT, 2, S("zz"), I(16)), &roast_rt_class_ValueError,
              "invalid literal for int() with base 16: 'zz'", "int('zz', 16)");
  check_error(call_builtin(ROAST_BUILTIN_INT, 2, S("010"), I(0)), &roast_rt_class_ValueError,
              "invalid literal for int() with base 0: '010'", "int('010', 0)");
  check_error(call_builtin(ROAST_BUILTIN_INT, 1, L(0)), &roast_rt_class_TypeError,
              "int() argument must be a string, a bytes-like object or a real number, not 'list'",
              "int([])");
  check_error(call_builtin(ROAST_BUILTIN_ABS, 1, S("a")), &roast_rt_class_TypeError,
              "bad operand type for abs(): 'str'", "abs('a')");
  check_error(call_builtin(ROAST_BUILTIN_LEN, 0), &roast_rt_class_TypeError,
              "len() takes exactly one argument (0 given)", "len()");
  check_error(call_builtin(ROAST_BUILTIN_MIN, 0), &roast_rt_class_TypeError,
              "min expected at least 1 argument, got 0", "min()");
  check_error(call_builtin(ROAST_BUILTIN_MAX, 1, L(0)), &roast_rt_class_ValueError,
              "max() iterable argument is empty", "max([])");
  check_error(call_builtin(ROAST_BUILTIN_SORTED, 0), &roast_rt_class_TypeError,
              "sorted expected 1 argument, got 0", "sorted()");
  check_error(call_builtin(ROAST_BUILTIN_ROUND, 1, S("a")), &roast_rt_class_TypeError,
              "type str doesn't define __round__ method", "round('a')");
  check_error(call_builtin(ROAST_BUILTIN_DICT, 1, L(1, T(3, I(1), I(2), I(3)))), &roast_rt_class_ValueError,
              "dictionary update sequence element #0 has length 3; 2 is required", "dict([(1, 2, 3)])");
  check_error(roast_rt_value_call(I(1), 0, NULL, LOC), &roast_rt_class_TypeError,
              "'int' object is not callable", "1()");
}

static void test_methods(void) {
  check_repr(method(S("a b  c"), "split", 0), "['a', 'b', 'c']", "split()");
  check_repr(method(S("a,b,,c"), "split", 1, S(",")), "['a', 'b', '', 'c']", "split(',')");
  check_repr(method(S("a b c"), "split", 2, NONE, I(1)), "['a', 'b c']", "split(None, 1)");
  check_repr(method(S(","), "join", 1, L(2, S("a"), S("b"))), "'a,b'", "join");
  check_repr(method(S("xxhixx"), "strip", 1, S("x")), "'hi'", "strip('x')");
  check_repr(method(S("hello"), "replace", 3, S("l"), S("L"), I(1)), "'heLlo'", "replace count");
  check_repr(method(S("hello"), "find", 1, S("l")), "2", "find");
  check_repr(method(S("hello"), "count", 1, S("l")), "2", "count");
  check_repr(method(S("abc"), "startswith", 1, T(2, S("x"), S("a"))), "True", "startswith tuple");
  check_repr(method(S("Hello"), "upper", 0), "'HELLO'", "upper");
  check_error(method(S("a"), "join", 1, L(1, I(1))), &roast_rt_class_TypeError,
              "sequence item 0: expected str instance, int found", "join([1])");
  /* The typed join given a list[Any] checks its items the same way. */
  RoastStr *comma = roast_rt_str_new(",", 1);
  RoastValue words = L(2, S("x"), S("y")), mixed = L(2, S("x"), I(2));
  check_repr(roast_rt_value_take_object(roast_rt_str_join(
                 comma, (RoastList *)roast_rt_value_object(words), LOC)),
             "'x,y'", "typed join of a list[Any]");
  roast_rt_str_join(comma, (RoastList *)roast_rt_value_object(mixed), LOC);
  check_error(0, &roast_rt_class_TypeError, "sequence item 1: expected str instance, int found",
              "typed join of [x, 2]");
  roast_rt_value_release(words);
  roast_rt_value_release(mixed);
  roast_rt_release(&comma->header);
  check_error(method(S("a"), "index", 1, S("b")), &roast_rt_class_ValueError, "substring not found",
              "index");
  check_error(method(S("a"), "upper", 1, I(1)), &roast_rt_class_TypeError,
              "str.upper() takes no arguments (1 given)", "upper(1)");
  check_error(method(S("a"), "split", 3, I(1), I(2), I(3)), &roast_rt_class_TypeError,
              "split() takes at most 2 arguments (3 given)", "split(1, 2, 3)");
  check_error(method(S("a"), "count", 1, I(1)), &roast_rt_class_TypeError, "must be str, not int",
              "count(1)");

  RoastValue l = L(2, I(3), I(1));
  roast_rt_value_release(method((roast_rt_value_retain(l), l), "append", 1, S("x")));
  roast_rt_value_release(method((roast_rt_value_retain(l), l), "insert", 2, I(0), F(0.5)));
  check_repr(method((roast_rt_value_retain(l), l), "pop", 0), "'x'", "pop()");
  check_repr(method((roast_rt_value_retain(l), l), "index", 1, F(3.0)), "1", "index(3.0)");
  check_error(method((roast_rt_value_retain(l), l), "index", 1, I(5)), &roast_rt_class_ValueError,
              "5 is not in list", "index(5)");
  check_error(method((roast_rt_value_retain(l), l), "remove", 1, I(5)), &roast_rt_class_ValueError,
              "list.remove(x): x not in list", "remove(5)");
  check_error(method((roast_rt_value_retain(l), l), "pop", 2, I(1), I(2)), &roast_rt_class_TypeError,
              "pop expected at most 1 argument, got 2", "pop(1, 2)");
  check_error(method((roast_rt_value_retain(l), l), "append", 0), &roast_rt_class_TypeError,
              "list.append() takes exactly one argument (0 given)", "append()");
  roast_rt_value_release(method((roast_rt_value_retain(l), l), "sort", 0));
  check_repr(l, "[0.5, 1, 3]", "list after append, insert, pop, sort");

  RoastValue s = call_builtin(ROAST_BUILTIN_SET, 0);
  roast_rt_value_release(method((roast_rt_value_retain(s), s), "add", 1, I(2)));
  roast_rt_value_release(method((roast_rt_value_retain(s), s), "add", 1, F(2.0)));
  check_error(method((roast_rt_value_retain(s), s), "remove", 1, S("q")), &roast_rt_class_KeyError,
              "'q'", "remove('q')");
  check_repr(method((roast_rt_value_retain(s), s), "union", 2, L(1, I(5)), S("a")), "{2, 5, 'a'}",
             "union");
  check_repr(s, "{2}", "set after adds");
  check_repr(method(T(3, I(1), I(2), I(1)), "count", 1, I(1)), "2", "tuple.count");
  check_error(method(T(1, I(1)), "index", 1, I(2)), &roast_rt_class_ValueError,
              "tuple.index(x): x not in tuple", "tuple.index");

  /* Attributes and bound methods. */
  check_error(roast_rt_value_getattr(I(1), "upper", LOC), &roast_rt_class_AttributeError,
              "'int' object has no attribute 'upper'", "(1).upper");
  RoastValue str = S("abc"), bound = roast_rt_value_getattr(str, "upper", LOC);
  roast_rt_value_release(str);
  RoastStr *r = roast_rt_value_repr(bound);
  CHECK(r && strncmp(r->data, "<built-in method upper of str object at 0x", 42) == 0, "bound repr %s",
        r ? r->data : "");
  roast_rt_release(&r->header);
  check_repr(roast_rt_value_call(bound, 0, NULL, LOC), "'ABC'", "'abc'.upper bound and called");
  check_repr(call_builtin(ROAST_BUILTIN_TYPE, 1, bound), "<class 'builtin_function_or_method'>",
             "type of a bound built-in method");
  RoastValue empty_list = L(0);
  CHECK(roast_rt_value_hasattr(empty_list, "append") && !roast_rt_value_hasattr(I(0), "append"),
        "hasattr");
  roast_rt_value_release(empty_list);

  /* format(). */
  RoastStr *spec = roast_rt_str_new(".2f", 3), *empty = roast_rt_str_new("", 0);
  RoastValue pi = F(3.14159), none_v = NONE;
  check_repr(roast_rt_value_take_object(roast_rt_value_format(pi, spec, LOC)), "'3.14'", "format .2f");
  check_repr(roast_rt_value_take_object(roast_rt_value_format(I(42), spec, LOC)), "'42.00'", "format int .2f");
  check_repr(roast_rt_value_take_object(roast_rt_value_format(B(true), empty, LOC)), "'True'", "format bool");
  check_error(roast_rt_value_take_object(roast_rt_value_format(none_v, spec, LOC)), &roast_rt_class_TypeError,
              "unsupported format string passed to NoneType.__format__", "format(None, '.2f')");
  roast_rt_release(&spec->header);
  roast_rt_release(&empty->header);
}

/* ---- Instances through member tables ---------------------------------------------------------- */

/* class Robot: x: int (offset 24, with get/set), tag: Any (offset 32, no
 * accessors: the runtime uses the offset); __add__, __eq__, __len__,
 * __getitem__, __iter__/__next__ (counting x down), scale(self, k, d=1),
 * a class constant K and a static method make(). */
typedef struct Robot {
  RoastInstance base;
  int64_t x;
  RoastValue tag;
} Robot;

static RoastClass *robot_class;

static RoastValue get_x(const RoastInstance *self) { return roast_rt_value_from_int(((const Robot *)self)->x); }
static bool set_x(RoastInstance *self, RoastValue v) {
  int64_t x = roast_rt_value_unbox_int(v, LOC);
  if (roast_rt_exception)
    return false;
  ((Robot *)self)->x = x;
  return true;
}
static RoastValue get_k(const RoastInstance *self) {
  (void)self;
  return roast_rt_value_from_int(99);
}

static Robot *robot(RoastValue v) { return (Robot *)roast_rt_value_object(v); }

static RoastValue robot_add_argv(RoastInstance *closure, int64_t argc, const RoastValue *argv) {
  (void)closure, (void)argc;
  return roast_rt_value_binary(ROAST_BINOP_ADD, get_x(&robot(argv[0])->base), argv[1], false, LOC);
}
static RoastValue robot_eq_argv(RoastInstance *closure, int64_t argc, const RoastValue *argv) {
  (void)closure, (void)argc;
  int64_t other;
  return roast_rt_value_from_bool(roast_rt_value_int_like(argv[1], &other) && other == robot(argv[0])->x);
}
static RoastValue robot_len_argv(RoastInstance *closure, int64_t argc, const RoastValue *argv) {
  (void)closure, (void)argc;
  return get_x(&robot(argv[0])->base);
}
static RoastValue robot_getitem_argv(RoastInstance *closure, int64_t argc, const RoastValue *argv) {
  (void)closure, (void)argc;
  return roast_rt_value_binary(ROAST_BINOP_MUL, argv[1], roast_rt_value_from_int(10), false, LOC);
}
static RoastValue robot_iter_argv(RoastInstance *closure, int64_t argc, const RoastValue *argv) {
  (void)closure, (void)argc;
  roast_rt_value_retain(argv[0]);
  return argv[0];
}
static RoastValue robot_next_argv(RoastInstance *closure, int64_t argc, const RoastValue *argv) {
  (void)closure, (void)argc;
  Robot *r = robot(argv[0]);
  if (r->x == 0) {
    roast_rt_raise(ROAST_ERR_STOP_ITERATION, NULL, LOC);
    return 0;
  }
  return roast_rt_value_from_int(r->x--);
}
static RoastValue robot_scale_argv(RoastInstance *closure, int64_t argc, const RoastValue *argv) {
  (void)closure;
  RoastValue d = argc > 2 ? argv[2] : roast_rt_value_from_int(1);
  RoastValue t = roast_rt_value_binary(ROAST_BINOP_MUL, get_x(&robot(argv[0])->base), argv[1], false, LOC);
  RoastValue r = roast_rt_value_binary(ROAST_BINOP_ADD, t, d, false, LOC);
  roast_rt_value_release(t);
  return r;
}
static RoastValue robot_make_argv(RoastInstance *closure, int64_t argc, const RoastValue *argv) {
  (void)closure, (void)argc, (void)argv;
  return roast_rt_value_from_int(7);
}
/* A method that raises, as compiled code does: at its own line. */
static RoastValue robot_boom_argv(RoastInstance *closure, int64_t argc, const RoastValue *argv) {
  (void)closure, (void)argc, (void)argv;
  roast_rt_raise(ROAST_ERR_VALUE, "boom", "m.py", 5, "boom");
  return 0;
}
static RoastStr *robot_str(const RoastInstance *self) {
  char text[32];
  int n = snprintf(text, sizeof text, "Robot(%lld)", (long long)((const Robot *)self)->x);
  return roast_rt_str_new(text, n);
}

/* Compiled entries take exactly max_args values (RoastCallable in Runtime.h);
 * these adapt the argv-style test bodies above to that convention. */
#define ENTRY0(name) \
  static RoastValue name(RoastInstance *c, int64_t argc) { return name##_argv(c, argc, NULL); }
#define ENTRY1(name) \
  static RoastValue name(RoastInstance *c, int64_t argc, RoastValue a0) { \
    RoastValue argv[] = {a0}; \
    return name##_argv(c, argc, argv); \
  }
#define ENTRY2(name) \
  static RoastValue name(RoastInstance *c, int64_t argc, RoastValue a0, RoastValue a1) { \
    RoastValue argv[] = {a0, a1}; \
    return name##_argv(c, argc, argv); \
  }
#define ENTRY3(name) \
  static RoastValue name(RoastInstance *c, int64_t argc, RoastValue a0, RoastValue a1, \
                         RoastValue a2) { \
    RoastValue argv[] = {a0, a1, a2}; \
    return name##_argv(c, argc, argv); \
  }
ENTRY2(robot_add)
ENTRY2(robot_eq)
ENTRY1(robot_len)
ENTRY2(robot_getitem)
ENTRY1(robot_iter)
ENTRY1(robot_next)
ENTRY3(robot_scale)
ENTRY0(robot_make)
ENTRY1(robot_boom)
static const RoastCallable add_call = {"Robot.__add__", 2, 2, robot_add};
static const RoastCallable eq_call = {"Robot.__eq__", 2, 2, robot_eq};
static const RoastCallable len_call = {"Robot.__len__", 1, 1, robot_len};
static const RoastCallable getitem_call = {"Robot.__getitem__", 2, 2, robot_getitem};
static const RoastCallable iter_call = {"Robot.__iter__", 1, 1, robot_iter};
static const RoastCallable next_call = {"Robot.__next__", 1, 1, robot_next};
static const RoastCallable scale_call = {"Robot.scale", 2, 3, robot_scale};
static const RoastCallable make_call = {"Robot.make", 0, 0, robot_make};
static const RoastCallable boom_call = {"Robot.boom", 1, 1, robot_boom};
static const int64_t robot_value_refs[] = {32};

static const RoastMember robot_members[] = {
    {"x", ROAST_MEMBER_FIELD, ROAST_ELEM_INT, 24, get_x, set_x, NULL},
    {"tag", ROAST_MEMBER_FIELD, ROAST_ELEM_VALUE, 32, NULL, NULL, NULL},
    {"K", ROAST_MEMBER_CONSTANT, 0, 0, get_k, NULL, NULL},
    {"__add__", ROAST_MEMBER_METHOD, 0, 0, NULL, NULL, &add_call},
    {"__eq__", ROAST_MEMBER_METHOD, 0, 0, NULL, NULL, &eq_call},
    {"__len__", ROAST_MEMBER_METHOD, 0, 0, NULL, NULL, &len_call},
    {"__getitem__", ROAST_MEMBER_METHOD, 0, 0, NULL, NULL, &getitem_call},
    {"__iter__", ROAST_MEMBER_METHOD, 0, 0, NULL, NULL, &iter_call},
    {"__next__", ROAST_MEMBER_METHOD, 0, 0, NULL, NULL, &next_call},
    {"scale", ROAST_MEMBER_METHOD, 0, 0, NULL, NULL, &scale_call},
    {"make", ROAST_MEMBER_STATIC, 0, 0, NULL, NULL, &make_call},
    {"boom", ROAST_MEMBER_METHOD, 0, 0, NULL, NULL, &boom_call},
};

/* A closure class, as CodeGen names it, called through `call`. */
typedef struct Adder {
  RoastInstance base;
  int64_t n;
} Adder;
static RoastValue adder_entry_argv(RoastInstance *closure, int64_t argc, const RoastValue *argv) {
  (void)argc;
  return roast_rt_value_binary(ROAST_BINOP_ADD, argv[0], roast_rt_value_from_int(((Adder *)closure)->n),
                               false, LOC);
}
ENTRY1(adder_entry)
static const RoastCallable adder_call = {"make_adder.<locals>.add", 1, 1, adder_entry};

static RoastClass *new_class(const char *name, int64_t size, int64_t nmethods) {
  RoastClass *c = calloc(1, sizeof(RoastClass) + (size_t)nmethods * sizeof(void *));
  c->name = name;
  c->size = size;
  c->str_slot = c->repr_slot = c->eq_slot = c->lt_slot = c->gt_slot = c->hash_slot = -1;
  c->num_methods = nmethods;
  return c;
}

static RoastValue new_robot(int64_t x) {
  Robot *r = (Robot *)roast_rt_object_new(robot_class);
  r->x = x;
  r->tag = ROAST_VALUE_NONE;
  return roast_rt_value_take_object(r);
}

/* r.boom() uncaught: the traceback has the dynamic call site, then the method's line. */
static void call_boom(const void *arg) {
  (void)arg;
  RoastValue r = new_robot(1);
  roast_rt_value_release(roast_rt_value_call_method(r, "boom", 0, NULL, "p.py", 9, "main"));
  roast_rt_value_release(r);
}

static void test_instances(void) {
  robot_class = new_class("Robot", sizeof(Robot), 1);
  robot_class->num_value_refs = 1;
  robot_class->value_ref_offsets = robot_value_refs;
  robot_class->num_members = (int64_t)COUNT(robot_members);
  robot_class->members = robot_members;
  robot_class->methods[0] = (void *)robot_str;
  robot_class->str_slot = 0;

  RoastValue r = new_robot(3);
  check_repr(roast_rt_value_getattr(r, "x", LOC), "3", "r.x");
  check_repr(roast_rt_value_getattr(r, "K", LOC), "99", "r.K");
  CHECK(roast_rt_value_setattr(r, "x", I(4), LOC), "r.x = 4");
  RoastValue tag = L(1, S("t"));
  CHECK(roast_rt_value_setattr(r, "tag", tag, LOC), "r.tag = ['t'] (by offset)");
  roast_rt_value_release(tag);
  check_repr(roast_rt_value_getattr(r, "tag", LOC), "['t']", "r.tag");
  RoastValue s = S("s");
  check_error(roast_rt_value_setattr(r, "x", s, LOC), &roast_rt_class_TypeError,
              "int object expected; got str", "r.x = 's'");
  roast_rt_value_release(s);
  check_error(roast_rt_value_getattr(r, "y", LOC), &roast_rt_class_AttributeError,
              "'Robot' object has no attribute 'y'", "r.y");
  check_error(roast_rt_value_setattr(r, "y", I(1), LOC), &roast_rt_class_AttributeError,
              "'Robot' object has no attribute 'y'", "r.y = 1");

  check_repr(bin(ROAST_BINOP_ADD, (roast_rt_value_retain(r), r), I(10)), "14", "r + 10");
  check_error(bin(ROAST_BINOP_SUB, (roast_rt_value_retain(r), r), I(10)), &roast_rt_class_TypeError,
              "unsupported operand type(s) for -: 'Robot' and 'int'", "r - 10");
  check_repr(cmp(ROAST_CMP_EQ, (roast_rt_value_retain(r), r), I(4)), "True", "r == 4");
  check_repr(cmp(ROAST_CMP_NE, (roast_rt_value_retain(r), r), I(4)), "False", "r != 4 (negated __eq__)");
  CHECK(roast_rt_value_len(r, LOC) == 4, "len(r)");
  CHECK(roast_rt_value_truth(r, LOC) == 1, "bool(r) through __len__");
  check_repr(roast_rt_value_getitem(r, I(2), LOC), "20", "r[2]");
  check_repr(roast_rt_value_take_object(roast_rt_value_str(r)), "'Robot(4)'", "str(r)");
  check_repr(call_builtin(ROAST_BUILTIN_TYPE, 1, (roast_rt_value_retain(r), r)), "<class '__main__.Robot'>",
             "type(r)");
  check_repr(method((roast_rt_value_retain(r), r), "scale", 1, I(2)), "9", "r.scale(2)");
  check_repr(method((roast_rt_value_retain(r), r), "scale", 2, I(2), I(0)), "8", "r.scale(2, 0)");
  check_repr(method((roast_rt_value_retain(r), r), "make", 0), "7", "r.make()");
  check_error(method((roast_rt_value_retain(r), r), "scale", 0), &roast_rt_class_TypeError,
              "Robot.scale() missing 1 required positional argument", "r.scale()");
  check_error(method((roast_rt_value_retain(r), r), "scale", 3, I(1), I(2), I(3)),
              &roast_rt_class_TypeError,
              "Robot.scale() takes from 2 to 3 positional arguments but 4 were given", "r.scale(1, 2, 3)");
  check_error(roast_rt_value_call(r, 0, NULL, LOC), &roast_rt_class_TypeError,
              "'Robot' object is not callable", "r()");
  RoastValue bound = roast_rt_value_getattr(r, "scale", LOC);
  RoastValue three = I(3);
  check_repr(roast_rt_value_call(bound, 1, &three, LOC), "13", "bound r.scale(3)");
  RoastStr *text = roast_rt_value_repr(bound);
  /* repr(self) inside, not str(self): Robot has __str__ only. */
  CHECK(text && strncmp(text->data, "<bound method Robot.scale of <__main__.Robot object at 0x", 57) == 0,
        "bound method repr: %s", text ? text->data : "");
  roast_rt_release(&text->header);
  roast_rt_value_release(bound);
  check_iteration((roast_rt_value_retain(r), r), "4 3 2 1", "iter(r) by __iter__ / __next__");
  CHECK(roast_rt_value_truth(r, LOC) == 0, "bool(r) once x is 0");

  /* A list holding the robot releases it; the robot releases its tag. */
  RoastValue list = L(1, r);
  CHECK(roast_rt_value_owned(r)->refcount == 1, "the list holds the robot");
  roast_rt_value_release(list);

  expect_child_stderr(call_boom, NULL,
                      "Traceback (most recent call last):\n"
                      "  File \"p.py\", line 9, in main\n"
                      "  File \"m.py\", line 5, in boom\n"
                      "ValueError: boom\n",
                      "a method raising through a dynamic call");

  /* Closures. */
  RoastClass *adder_class = new_class("make_adder.<locals>.add.<closure>", sizeof(Adder), 0);
  adder_class->call = &adder_call;
  Adder *adder = (Adder *)roast_rt_object_new(adder_class);
  adder->n = 5;
  RoastValue f = roast_rt_value_take_object(adder), one = I(1);
  check_repr(roast_rt_value_call(f, 1, &one, LOC), "6", "add(1)");
  RoastValue two[2] = {I(1), I(2)};
  check_error(roast_rt_value_call(f, 2, two, LOC), &roast_rt_class_TypeError,
              "make_adder.<locals>.add() takes 1 positional argument but 2 were given", "add(1, 2)");
  text = roast_rt_value_repr(f);
  CHECK(text && strncmp(text->data, "<function make_adder.<locals>.add at 0x", 39) == 0,
        "closure repr: %s", text ? text->data : "");
  roast_rt_release(&text->header);
  CHECK(strcmp(roast_rt_value_type_name(f), "function") == 0 && roast_rt_value_callable(f), "a function");
  roast_rt_value_release(f);
  free(adder_class);
}

/* ---- Inline caches -------------------------------------------------------------------------- */

/* The _ic functions give the uncached functions' results and errors, and
 * fill the cache (one per site, so per name; the ones only missing share
 * one here) only with what compiled code can use inline: a VALUE
 * field's offset ("tag", not the INT field "x"), the entry of a method
 * called with every parameter ("scale" with 2 arguments, not 1); the
 * newest class first, at most two. */
static void test_inline_caches(void) {
  RoastInlineCache cache = {0};
  RoastValue r = new_robot(2);
  check_repr(roast_rt_value_getattr_ic(r, "x", &cache, LOC), "2", "r.x (ic)");
  CHECK(!cache.entries[0].cls, "an INT field is not cached");
  RoastValue tag = S("t");
  CHECK(roast_rt_value_setattr_ic(r, "tag", tag, &cache, LOC), "r.tag = 't' (ic)");
  CHECK(roast_rt_value_owned(tag)->refcount == 2, "the field holds a reference to the item");
  roast_rt_value_release(tag);
  CHECK(cache.entries[0].cls == robot_class && cache.entries[0].data == 32 && !cache.entries[1].cls,
        "a VALUE field is cached by its offset");
  check_repr(roast_rt_value_getattr_ic(r, "tag", &cache, LOC), "'t'", "r.tag (ic)");
  CHECK(!cache.entries[1].cls, "a class already cached takes no second entry");
  check_error(roast_rt_value_getattr_ic(r, "y", &cache, LOC), &roast_rt_class_AttributeError,
              "'Robot' object has no attribute 'y'", "r.y (ic)");
  check_error(roast_rt_value_setattr_ic(r, "K", I(1), &cache, LOC), &roast_rt_class_AttributeError,
              "'Robot' object attribute 'K' is read-only", "r.K = 1 (ic)");
  RoastValue s = S("s");
  check_error(roast_rt_value_getattr_ic(s, "tag", &cache, LOC), &roast_rt_class_AttributeError,
              "'str' object has no attribute 'tag'", "'s'.tag (ic)");
  check_repr(roast_rt_value_call_method_ic(s, "upper", 0, NULL, &cache, LOC), "'S'", "'s'.upper() (ic)");
  roast_rt_value_release(s);

  RoastInlineCache methods = {0};
  RoastValue args[2] = {I(5), I(1)};
  check_repr(roast_rt_value_call_method_ic(r, "scale", 1, args, &methods, LOC), "11", "r.scale(5) (ic)");
  CHECK(!methods.entries[0].cls, "a call leaving a default to the entry is not cached");
  check_repr(roast_rt_value_call_method_ic(r, "scale", 2, args, &methods, LOC), "11", "r.scale(5, 1) (ic)");
  CHECK(methods.entries[0].cls == robot_class && methods.entries[0].data == (intptr_t)robot_scale,
        "a call passing every parameter caches the entry");
  RoastInlineCache raising = {0};
  check_error(roast_rt_value_call_method_ic(r, "boom", 0, NULL, &raising, LOC), &roast_rt_class_ValueError,
              "boom", "r.boom() (ic)");
  CHECK(raising.entries[0].data == (intptr_t)robot_boom, "a method that raised is cached too");

  /* Two more classes: the newest first, the oldest dropped. */
  RoastClass *other = new_class("Other", sizeof(Robot), 0), *third = new_class("Third", sizeof(Robot), 0);
  other->base = third->base = robot_class;
  RoastValue o = roast_rt_value_take_object(roast_rt_object_new(other));
  RoastValue t = roast_rt_value_take_object(roast_rt_object_new(third));
  robot((o))->tag = robot((t))->tag = ROAST_VALUE_NONE;
  check_repr(roast_rt_value_getattr_ic(o, "tag", &cache, LOC), "None", "o.tag (ic, inherited)");
  CHECK(cache.entries[0].cls == other && cache.entries[1].cls == robot_class, "two classes kept");
  check_repr(roast_rt_value_getattr_ic(t, "tag", &cache, LOC), "None", "t.tag (ic)");
  CHECK(cache.entries[0].cls == third && cache.entries[1].cls == other, "a third class evicts the oldest");
  roast_rt_value_release(o);
  roast_rt_value_release(t);
  roast_rt_value_release(r);
  free(other);
  free(third);
}

/* ---- Refcounts ---------------------------------------------------------------------------------- */

static void test_refcounts(void) {
  RoastStr *s = roast_rt_str_new("key", 3);
  RoastValue v = roast_rt_value_from_slot(ROAST_ELEM_OBJECT, (uint64_t)(uintptr_t)s);
  RoastValue l = L(2, (roast_rt_value_retain(v), v), (roast_rt_value_retain(v), v));
  RoastValue d = call_builtin(ROAST_BUILTIN_DICT, 0);
  roast_rt_value_setitem(d, v, l, LOC);
  RoastValue st = call_builtin(ROAST_BUILTIN_SET, 1, (roast_rt_value_retain(l), l));
  RoastValue t = T(2, (roast_rt_value_retain(v), v), (roast_rt_value_retain(d), d));
  RoastValue copies = bin(ROAST_BINOP_MUL, (roast_rt_value_retain(l), l), I(3));
  RoastValue sorted = call_builtin(ROAST_BUILTIN_SORTED, 1, (roast_rt_value_retain(l), l));
  RoastValue keys = method((roast_rt_value_retain(d), d), "keys", 0);
  RoastValue popped = method((roast_rt_value_retain(l), l), "pop", 0);
  RoastValue sliced = roast_rt_value_getslice(t, NONE, NONE, I(-1), LOC);
  CHECK(s->header.refcount > 5, "the key is shared: %" PRId64, s->header.refcount);
  RoastValue all[] = {l, d, st, t, copies, sorted, keys, popped, sliced, v};
  for (size_t i = 0; i < COUNT(all); ++i)
    roast_rt_value_release(all[i]);
  CHECK(s->header.refcount == 1, "every container released the key: refcount %" PRId64, s->header.refcount);
  roast_rt_release(&s->header);
}

/* ---- Every operator on every pair, against CPython -------------------------------------- */

/* gen_value_expectations.py's VALUES, in its order (fresh objects each time). */
static RoastValue make_value(int i) {
  static const int64_t typed[] = {4, 5};
  switch (i) {
  case 0: return I(0);
  case 1: return I(1);
  case 2: return I(-7);
  case 3: return I(3);
  case 4: return I(INT64_C(1) << 47);
  case 5: return B(true);
  case 6: return B(false);
  case 7: return F(2.5);
  case 8: return F(-0.0);
  case 9: return F(NAN);
  case 10: return F(INFINITY);
  case 11: return NONE;
  case 12: return S("");
  case 13: return S("ab");
  case 14: return S("\xc3\xa9");
  case 15: return L(0);
  case 16: return L(2, I(1), S("a"));
  case 17: return T(2, I(1), F(2.5));
  case 18: return T(0);
  case 19: {
    RoastValue d = roast_rt_value_take_object(roast_rt_dict_new(ROAST_ELEM_VALUE, ROAST_ELEM_VALUE));
    RoastValue x = S("x");
    roast_rt_value_setitem(d, I(1), x, LOC);
    roast_rt_value_release(x);
    return d;
  }
  case 20: return call_builtin(ROAST_BUILTIN_SET, 1, L(2, I(2), I(3)));
  default: return int_list(2, typed);
  }
}

/* What an operation gave, as the generator writes it: a repr, or "!Type: message". */
static void outcome(RoastValue r, char *out, size_t size) {
  RoastInstance *e = roast_rt_catch();
  if (e) {
    RoastStr *m = *(RoastStr **)((char *)e + ROAST_EXCEPTION_MESSAGE_OFFSET);
    snprintf(out, size, "!%s: %.*s", e->cls->name, m ? (int)m->length : 0, m ? m->data : "");
    roast_rt_release(&e->header);
    return;
  }
  RoastStr *text = roast_rt_value_repr(r);
  snprintf(out, size, "%.*s", (int)text->length, text->data);
  roast_rt_release(&text->header);
  roast_rt_value_release(r);
}

static RoastValue run_case(const ValueCase *c, RoastValue a, RoastValue b) {
  RoastValue args[2] = {a, b};
  if (c->op >= 600)
    return roast_rt_builtin_call(c->op - 600, 2, args, LOC);
  if (c->op >= 500)
    return roast_rt_value_binary(c->op - 500, a, b, true, LOC);
  if (c->op >= 400)
    return roast_rt_builtin_call(c->op - 400, 1, args, LOC);
  if (c->op >= 300)
    return roast_rt_value_unary(c->op - 300, a, LOC);
  if (c->op < 100)
    return roast_rt_value_binary(c->op, a, b, false, LOC);
  if (c->op < 200)
    return roast_rt_value_compare(c->op - 100, a, b, LOC);
  if (c->op == 200)
    return roast_rt_value_getitem(a, b, LOC);
  int32_t found = roast_rt_value_contains(a, b, LOC);
  return found < 0 ? 0 : roast_rt_value_from_bool(found);
}

static void test_operator_table(void) {
  int failed = 0, limit = getenv("ROAST_VALUE_TESTS_VERBOSE") ? 100000 : 40;
  for (size_t k = 0; k < COUNT(value_cases); ++k) {
    const ValueCase *c = &value_cases[k];
    RoastValue a = make_value(c->a), b = make_value(c->b);
    char got[256];
    outcome(run_case(c, a, b), got, sizeof got);
    bool same = strcmp(got, c->expected) == 0;
    /* Report the first few in full: one root cause tends to fail many. */
    CHECK(same || ++failed > limit, "op %d on values %d and %d: expected %s, got %s", c->op, c->a, c->b,
          c->expected, got);
    roast_rt_value_release(a);
    roast_rt_value_release(b);
  }
  CHECK(failed <= limit, "%d more operator cases failed", failed - limit);
}

/* ---- No crash on any combination --------------------------------------------------------- */

/* make_value's values and the runtime's other kinds of object, fresh each time. */
enum { ANY_VALUES = 32 };
static RoastValue make_any(int i) {
  if (i < 22)
    return make_value(i);
  switch (i) {
  case 22: return new_robot(2);
  case 23: {
    RoastValue f = make_any(22), r = roast_rt_value_getattr(f, "scale", LOC);
    roast_rt_value_release(f);
    return r;
  }
  case 24: return roast_rt_builtin_value(ROAST_BUILTIN_ABS);
  case 25: return roast_rt_builtin_value(ROAST_BUILTIN_STR);
  case 26: return call_builtin(ROAST_BUILTIN_TYPE, 1, new_robot(0));
  case 27: {
    RoastValue s = S("ab"), r = roast_rt_value_getattr(s, "upper", LOC);
    roast_rt_value_release(s);
    return r;
  }
  case 28: {
    RoastValue l = L(2, I(1), S("z")), r = roast_rt_value_iter(l, LOC);
    roast_rt_value_release(l);
    return r;
  }
  case 29: return I(INT64_MIN);
  case 30: return T(2, L(0), I(1)); /* an unhashable tuple */
  default: return F(-1e308);
  }
}

/* Whatever happened, leave nothing pending and nothing leaked. */
static void drop(RoastValue r) {
  RoastInstance *e = roast_rt_catch();
  if (e)
    roast_rt_release(&e->header);
  else
    roast_rt_value_release(r);
}

static bool huge(int i) { return i == 4 || i == 29; } /* seq * huge is a fatal MemoryError */

static void pair_ops(int i, int j) {
  for (int32_t op = ROAST_BINOP_ADD; op <= ROAST_BINOP_XOR; ++op) {
    if (op == ROAST_BINOP_MUL && (huge(i) || huge(j)))
      continue;
    for (int inplace = 0; inplace < 2; ++inplace) {
      RoastValue a = make_any(i), b = make_any(j);
      drop(roast_rt_value_binary(op, a, b, inplace, LOC));
      roast_rt_value_release(a);
      roast_rt_value_release(b);
    }
  }
  RoastValue a = make_any(i), b = make_any(j), args[2] = {a, b};
  for (int32_t op = ROAST_CMP_LT; op <= ROAST_CMP_GE; ++op)
    drop(roast_rt_value_compare(op, a, b, LOC));
  drop(roast_rt_value_getitem(a, b, LOC));
  drop(roast_rt_value_contains(a, b, LOC) < 0 ? 0 : NONE);
  drop(roast_rt_value_getslice(a, b, NONE, b, LOC));
  drop(roast_rt_value_setitem(a, b, b, LOC) ? NONE : 0);
  drop(roast_rt_value_delitem(a, b, LOC) ? NONE : 0);
  drop(roast_rt_value_call_method(a, "append", 1, &b, LOC));
  drop(roast_rt_value_call_method(a, "index", 1, &b, LOC));
  drop(roast_rt_value_call_method(a, "get", 1, &b, LOC));
  drop(roast_rt_value_call_method(a, "union", 1, &b, LOC));
  drop(roast_rt_value_call_method(a, "join", 1, &b, LOC));
  drop(roast_rt_value_call(a, 1, &b, LOC));
  for (int32_t which = 0; which < ROAST_BUILTIN_COUNT; ++which)
    drop(roast_rt_builtin_call(which, 2, args, LOC));
  roast_rt_value_release(a);
  roast_rt_value_release(b);
}

static void single_ops(int i) {
  RoastValue a = make_any(i), x;
  RoastStr *spec = roast_rt_str_new("x", 1), *empty = roast_rt_str_new("", 0);
  for (int32_t op = ROAST_UNOP_NEG; op <= ROAST_UNOP_INVERT; ++op)
    drop(roast_rt_value_unary(op, a, LOC));
  drop(roast_rt_value_len(a, LOC) < 0 ? 0 : NONE);
  drop(roast_rt_value_truth(a, LOC) < 0 ? 0 : NONE);
  drop(roast_rt_value_take_object(roast_rt_value_repr(a)));
  drop(roast_rt_value_take_object(roast_rt_value_str(a)));
  drop(roast_rt_value_hash(a, LOC) ? NONE : NONE);
  drop(roast_rt_value_take_object(roast_rt_value_format(a, spec, LOC)));
  drop(roast_rt_value_take_object(roast_rt_value_format(a, empty, LOC)));
  RoastValue it = roast_rt_value_iter(a, LOC);
  for (int k = 0; k < 4 && !roast_rt_exception && roast_rt_value_next(it, &x, LOC); ++k)
    roast_rt_value_release(x);
  drop(it);
  drop(roast_rt_value_call(a, 0, NULL, LOC));
  drop(roast_rt_value_getattr(a, "upper", LOC));
  drop(roast_rt_value_getattr(a, "x", LOC));
  drop(roast_rt_value_setattr(a, "x", a, LOC) ? NONE : 0);
  drop(roast_rt_value_call_method(a, "pop", 0, NULL, LOC));
  drop(roast_rt_value_call_method(a, "sort", 0, NULL, LOC));
  drop(roast_rt_value_call_method(a, "keys", 0, NULL, LOC));
  for (int32_t which = 0; which < ROAST_BUILTIN_COUNT; ++which)
    drop(roast_rt_builtin_call(which, 1, &a, LOC));
  uint64_t slot;
  for (uint32_t kind = ROAST_ELEM_INT; kind <= ROAST_ELEM_VALUE; ++kind)
    if (roast_rt_value_to_slot(a, kind, &slot, LOC))
      roast_rt_slot_release(kind, slot);
  drop(0);
  roast_rt_release(&spec->header);
  roast_rt_release(&empty->header);
  roast_rt_value_release(a);
}

static void test_no_crash(void) {
  for (int i = 0; i < ANY_VALUES; ++i) {
    single_ops(i);
    for (int j = 0; j < ANY_VALUES; ++j)
      pair_ops(i, j);
  }
  CHECK(!roast_rt_exception, "every combination ran");
}

void test_values(void) {
  test_encoding();
  test_arithmetic();
  test_compare();
  test_items();
  test_dicts();
  test_repr_and_sort();
  test_iteration();
  test_builtins();
  test_methods();
  test_instances();
  test_inline_caches();
  test_refcounts();
  test_operator_table();
  test_no_crash();
  CHECK(!roast_rt_exception, "no exception left pending by the value tests");
}
