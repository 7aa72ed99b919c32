/* runtime_tests.c - unit tests for the Roast C runtime; exits non-zero on any failure. */
/* fork, dup2 and friends are POSIX, not C11. */
#define _POSIX_C_SOURCE 200809L

#include "Roast/Runtime/Runtime.h"
#include "runtime_tests.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int failures;
int checks;

/* Compare doubles by their repr, so -0.0 vs 0.0 and nan are told apart. */
static void check_float(double got, const char *expected, const char *what) {
  char text[32];
  roast_rt_format_float(got, text);
  CHECK(strcmp(text, expected) == 0, "%s: expected %s, got %s", what, expected, text);
}

/* ---- repr(float) -------------------------------------------------------- */

static void test_float_repr(void) {
  /* Expected strings are CPython 3.12's repr of the same double. */
  static const struct {
    double value;
    const char *repr;
  } cases[] = {
      {0.1, "0.1"},
      {0.30000000000000004, "0.30000000000000004"},
      {1e-4, "0.0001"},
      {1e-5, "1e-05"},
      {3.0e-5, "3e-05"},
      {1e15, "1000000000000000.0"},
      {1e16, "1e+16"},
      {1e22, "1e+22"},
      {1e23, "1e+23"},
      {1e100, "1e+100"},
      {123456789.0, "123456789.0"},
      {9007199254740993.0, "9007199254740992.0"},
      {1.7976931348623157e308, "1.7976931348623157e+308"},
      {5e-324, "5e-324"},
      {1e-323, "1e-323"},
      {2.2250738585072014e-308, "2.2250738585072014e-308"},
      {1.4142135623730951, "1.4142135623730951"},
      {-123.456e-10, "-1.23456e-08"},
      {99999999999999999.0, "1e+17"},
      {1.0 / 3.0, "0.3333333333333333"},
      {0.0, "0.0"},
      {-0.0, "-0.0"},
      {1.0, "1.0"},
      {-1.5, "-1.5"},
      {0.5, "0.5"},
      {100.0, "100.0"},
      {0.3, "0.3"},
      {123.456, "123.456"},
      {1234567890123456.0, "1234567890123456.0"},
      {12345678901234567.0, "1.2345678901234568e+16"},
      {2.5e-07, "2.5e-07"},
      {-1e-7, "-1e-07"},
      {0x1p53, "9007199254740992.0"},
      {0x1p63, "9.223372036854776e+18"},
      /* A power of two whose shortest repr is the decimal neighbour above
       * the nearest one (its rounding interval is lopsided). */
      {0x1p-383, "5.075883674631299e-116"},
      {0x1p-384, "2.5379418373156492e-116"},
      {0x1p-1022, "2.2250738585072014e-308"},
      {INFINITY, "inf"},
      {-INFINITY, "-inf"},
      {NAN, "nan"},
      {-NAN, "nan"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; ++i)
    check_float(cases[i].value, cases[i].repr, "repr");
  /* Values computed at run time, as the compiled program would. */
  volatile double tenth = 0.1, two = 2.0, hundred = 100.0, x435 = 4.35;
  check_float(tenth + 0.2, "0.30000000000000004", "0.1 + 0.2");
  check_float(x435 * hundred, "434.99999999999994", "4.35 * 100");
  check_float(sqrt(two), "1.4142135623730951", "2 ** 0.5");
}

/* ---- float //, % and ** --------------------------------------------------- */

static void test_float_floordiv_mod(void) {
  /* {a, b, repr(a // b), repr(a % b)} from CPython 3.12. */
  static const struct {
    double a, b;
    const char *floordiv, *mod;
  } cases[] = {
      {7.5, 2.0, "3.0", "1.5"},
      {-7.5, 2.0, "-4.0", "0.5"},
      {7.5, -2.0, "-4.0", "-0.5"},
      {-7.5, -2.0, "3.0", "-1.5"},
      {7.0, -3.0, "-3.0", "-2.0"},
      {-5.5, 1.0, "-6.0", "0.5"},
      {7.0, 0.1, "69.0", "0.09999999999999962"},
      {-7.0, 0.1, "-70.0", "3.885780586188048e-16"},
      {0.0, 5.0, "0.0", "0.0"},
      {-0.0, 5.0, "-0.0", "0.0"},
      {0.0, -5.0, "-0.0", "-0.0"},
      {-0.0, -5.0, "0.0", "-0.0"},
      {-2.0, 2.0, "-1.0", "0.0"},
      {2.0, -2.0, "-1.0", "-0.0"},
      {5.0, 3.0, "1.0", "2.0"},
      {1.0, INFINITY, "0.0", "1.0"},
      {-1.0, INFINITY, "-1.0", "inf"},
      {3.0, -INFINITY, "-1.0", "-inf"},
      {INFINITY, 2.0, "nan", "nan"},
      {1e308, 1e-308, "inf", "3.498445546245627e-309"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
    char what[64];
    snprintf(what, sizeof what, "%g // %g", cases[i].a, cases[i].b);
    check_float(roast_rt_float_floordiv(cases[i].a, cases[i].b, "t.py", 1, "f"),
                cases[i].floordiv, what);
    snprintf(what, sizeof what, "%g %% %g", cases[i].a, cases[i].b);
    check_float(roast_rt_float_mod(cases[i].a, cases[i].b, "t.py", 1, "f"), cases[i].mod, what);
  }
}

static void test_float_pow(void) {
  /* {base, exp, repr(base ** exp)} from CPython 3.12. */
  static const struct {
    double base, exp;
    const char *repr;
  } cases[] = {
      {2.0, 0.5, "1.4142135623730951"},
      {2.0, -1.0, "0.5"},
      {-8.0, 3.0, "-512.0"},
      {-2.0, -1.0, "-0.5"},
      {0.0, 0.0, "1.0"},
      {-0.0, 3.0, "-0.0"},
      {-0.0, 2.0, "0.0"},
      {-0.0, -INFINITY, "inf"},
      {INFINITY, -3.0, "0.0"},
      {-INFINITY, 3.0, "-inf"},
      {-INFINITY, 2.0, "inf"},
      {-INFINITY, -3.0, "-0.0"},
      {NAN, 0.0, "1.0"},
      {NAN, 1.0, "nan"},
      {1.0, NAN, "1.0"},
      {-2.0, NAN, "nan"},
      {0.5, INFINITY, "0.0"},
      {2.0, -INFINITY, "0.0"},
      {-1.5, INFINITY, "inf"},
      {-1.0, INFINITY, "1.0"},
      {-1.0, 1e300, "1.0"},
      {1e-300, 50.0, "0.0"}, /* underflow is not an error */
      {10.0, -400.0, "0.0"},
      {-10.0, -401.0, "-0.0"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
    char what[64];
    snprintf(what, sizeof what, "%g ** %g", cases[i].base, cases[i].exp);
    check_float(roast_rt_float_pow(cases[i].base, cases[i].exp, "t.py", 1, "f"), cases[i].repr,
                what);
  }
}

/* ---- int ** and pow(b, e, m) ------------------------------------------- */

static void test_int_pow(void) {
  static const struct {
    int64_t base, exp, result;
  } cases[] = {
      {2, 10, 1024},
      {2, 62, INT64_C(4611686018427387904)},
      {-2, 63, INT64_MIN},
      {3, 39, INT64_C(4052555153018976267)},
      {10, 18, INT64_C(1000000000000000000)},
      {0, 0, 1},
      {0, 5, 0},
      {5, 0, 1},
      {1, INT64_MAX, 1},
      {-1, INT64_MAX, -1},
      {-1, INT64_MAX - 1, 1},
      {-8, 21, INT64_MIN},
      {-3, 3, -27},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
    int64_t got = roast_rt_int_pow(cases[i].base, cases[i].exp, "t.py", 1, "f");
    CHECK(got == cases[i].result, "%" PRId64 " ** %" PRId64 ": expected %" PRId64 ", got %" PRId64,
          cases[i].base, cases[i].exp, cases[i].result, got);
  }
}

static void test_int_pow_mod(void) {
  /* {b, e, m, pow(b, e, m)} from CPython 3.12. */
  static const struct {
    int64_t base, exp, mod, result;
  } cases[] = {
      {2, 10, 1000, 24},
      {-3, 5, -7, -5},
      {3, -1, -7, -2},
      {5, 0, -1, 0},
      {5, 0, 1, 0},
      {0, 0, 7, 1},
      {123456789, 987654321, 1000000007, 652541198},
      {-7, 3, INT64_MAX, INT64_C(9223372036854775464)},
      {2, 62, INT64_MIN, INT64_C(-4611686018427387904)},
      {3, 5, INT64_MIN, INT64_C(-9223372036854775565)},
      {INT64_MAX, INT64_MAX, INT64_MAX - 1, 1},
      {INT64_MIN, INT64_MAX, INT64_MAX, INT64_C(9223372036854775806)},
      {INT64_MIN, -1, INT64_MAX, INT64_C(9223372036854775806)},
      {7, INT64_MIN, 13, 9},
      {10, -3, 1000000007, 857000006},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
    int64_t got =
        roast_rt_int_pow_mod(cases[i].base, cases[i].exp, cases[i].mod, "t.py", 1, "f");
    CHECK(got == cases[i].result,
          "pow(%" PRId64 ", %" PRId64 ", %" PRId64 "): expected %" PRId64 ", got %" PRId64,
          cases[i].base, cases[i].exp, cases[i].mod, cases[i].result, got);
  }
}

static void test_float_to_int(void) {
  static const struct {
    double value;
    int64_t result;
  } cases[] = {
      {3.9, 3},
      {-3.9, -3},
      {-0.0, 0},
      {0x1p62, INT64_C(4611686018427387904)},
      {-0x1p63, INT64_MIN},
      {9223372036854774784.0, INT64_C(9223372036854774784)}, /* largest double < 2^63 */
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
    int64_t got = roast_rt_float_to_int(cases[i].value, "t.py", 1, "f");
    CHECK(got == cases[i].result, "int(%.17g): expected %" PRId64 ", got %" PRId64,
          cases[i].value, cases[i].result, got);
  }
}

/* ---- Raising returns -------------------------------------------------------- */

/* The pending exception, caught (owned by the caller): NULL, after a
 * failed check, if there is none or it is not a `cls` with `message`. */
static RoastInstance *catch_checked(const RoastClass *cls, const char *message, const char *what) {
  RoastInstance *exc = roast_rt_exception;
  CHECK(exc != NULL, "%s: no exception pending", what);
  if (!exc)
    return NULL;
  CHECK(roast_rt_isinstance(exc, cls), "%s: expected a %s, got a %s", what, cls->name,
        exc->cls->name);
  RoastStr *text = roast_rt_instance_str(exc);
  size_t length = strlen(message);
  CHECK(text->length == (int64_t)length && memcmp(text->data, message, length) == 0,
        "%s: expected message '%s', got '%.*s'", what, message, (int)text->length, text->data);
  roast_rt_release(&text->header);
  RoastInstance *caught = roast_rt_catch();
  CHECK(caught == exc, "%s: catch returned another object", what);
  CHECK(roast_rt_exception == NULL, "%s: catch left the exception pending", what);
  return caught;
}

void expect_raised(const RoastClass *cls, const char *what) {
  RoastInstance *exc = roast_rt_catch();
  CHECK(exc && roast_rt_isinstance(exc, cls), "%s: expected a %s pending, got %s", what, cls->name,
        exc ? exc->cls->name : "none");
  roast_rt_release(exc ? &exc->header : NULL);
}

static void test_raise_returns(void) {
  CHECK(roast_rt_exception == NULL, "an exception is pending before any was raised");
  /* Still running after the raise: it returned (it used to exit). */
  roast_rt_raise(ROAST_ERR_ZERO_DIVISION, "division by zero", "t.py", 3, "f");
  RoastInstance *exc =
      catch_checked(&roast_rt_class_ZeroDivisionError, "division by zero", "raise");
  if (exc) {
    CHECK(roast_rt_isinstance(exc, &roast_rt_class_ArithmeticError) &&
              roast_rt_isinstance(exc, &roast_rt_class_Exception) &&
              !roast_rt_isinstance(exc, &roast_rt_class_ValueError),
          "ZeroDivisionError's bases are wrong");
    roast_rt_release(&exc->header);
  }

  /* A raising runtime function returns too, leaving its error pending. */
  volatile double zero = 0.0;
  (void)roast_rt_float_floordiv(1.0, zero, "t.py", 4, "f");
  exc = catch_checked(&roast_rt_class_ZeroDivisionError, "float floor division by zero",
                      "1.0 // 0.0");
  roast_rt_release(exc ? &exc->header : NULL);
  (void)roast_rt_int_pow(2, 64, "t.py", 5, "f");
  exc = catch_checked(&roast_rt_class_OverflowError, "integer overflow", "2 ** 64");
  roast_rt_release(exc ? &exc->header : NULL);
  roast_rt_raise_recursion("t.py", 6, "f");
  exc = catch_checked(&roast_rt_class_RecursionError, "maximum recursion depth exceeded",
                      "raise_recursion");
  roast_rt_release(exc ? &exc->header : NULL);
  /* No message: str(exc) is "". */
  roast_rt_raise(ROAST_ERR_ASSERTION, NULL, NULL, 0, NULL);
  exc = catch_checked(&roast_rt_class_AssertionError, "", "raise without a message");
  roast_rt_release(exc ? &exc->header : NULL);
  CHECK(roast_rt_catch() == NULL, "catch with nothing pending returned an exception");
}

/* ---- Output and errors, checked in a child process ------------------------ */

/* What a child should do; an uncaught error exits (run_in_child reports it
 * as roast_rt_main does), so each runs in its own process. */
enum Action {
  PRINT_VALUES, PRINT_BIG, RAISE_PLAIN, RAISE_NO_FILE, RAISE_NO_MESSAGE, RAISE_RECURSION,
  RAISE_CAUGHT, RAISE_AFTER_CATCH,
  INT_POW_OVERFLOW, INT_POW_SQUARE_OVERFLOW, INT_POW_NEG_OVERFLOW, INT_POW_NEGATIVE,
  POW_MOD_ZERO, POW_MOD_NOT_INVERTIBLE, FLOAT_FLOORDIV_ZERO, FLOAT_MOD_ZERO, FLOAT_POW_ZERO_NEG,
  FLOAT_POW_DOMAIN, FLOAT_POW_OVERFLOW, TO_INT_NAN, TO_INT_INF, TO_INT_TOO_BIG, TO_INT_TOO_SMALL,
};

/* An immortal str constant, laid out as the compiler emits them. */
static struct {
  RoastObject header;
  int64_t length;
  char data[8];
} hello_str = {{ROAST_REFCOUNT_IMMORTAL, ROAST_TYPE_STR, 0}, 7, "h\0llo\xc3\xa9"};

static void run_action(enum Action action) {
  volatile double zero = 0.0;
  switch (action) {
  case PRINT_VALUES:
    roast_rt_print_int(INT64_MIN);
    roast_rt_print_cstr(" ");
    roast_rt_print_int(0);
    roast_rt_print_cstr(" ");
    roast_rt_print_int(42);
    roast_rt_print_cstr(" ");
    roast_rt_print_bool(true);
    roast_rt_print_bool(false);
    roast_rt_print_cstr(" ");
    roast_rt_print_none();
    roast_rt_print_cstr(" ");
    roast_rt_print_float(-0.5);
    roast_rt_print_cstr(" ");
    roast_rt_print_str((const RoastStr *)&hello_str);
    roast_rt_print_cstr("\n");
    break; /* not flushed here: the atexit hook must do it */
  case PRINT_BIG: /* crosses the 64 KiB buffer many times, in odd-sized pieces */
    for (int i = 0; i < 100000; ++i) {
      roast_rt_print_int(i % 10);
      roast_rt_print_cstr(i % 7 == 0 ? "\n" : "");
    }
    {
      static char big[200001];
      memset(big, 'x', sizeof big - 1);
      roast_rt_print_cstr(big);
    }
    break;
  case RAISE_PLAIN:
    roast_rt_print_cstr("before");
    roast_rt_raise(ROAST_ERR_ZERO_DIVISION, "integer division or modulo by zero", "prog.py", 12,
                   "<module>");
    break;
  case RAISE_NO_FILE: roast_rt_raise(ROAST_ERR_KEY, "'k'", NULL, 0, NULL); break;
  case RAISE_NO_MESSAGE: roast_rt_raise(ROAST_ERR_ASSERTION, "", "a.py", 3, "check"); break;
  case RAISE_RECURSION: roast_rt_raise_recursion("r.py", 2, "f"); break;
  case RAISE_CAUGHT:
  case RAISE_AFTER_CATCH: {
    /* A caught exception is gone, traceback and all. */
    roast_rt_raise(ROAST_ERR_VALUE, "caught", "c.py", 5, "g");
    roast_rt_traceback_push("c.py", 9, "<module>");
    RoastInstance *caught = roast_rt_catch();
    roast_rt_release(caught ? &caught->header : NULL);
    if (action == RAISE_AFTER_CATCH)
      roast_rt_raise(ROAST_ERR_INDEX, "after", "d.py", 7, "h");
    break;
  }
  case INT_POW_OVERFLOW: roast_rt_int_pow(2, 63, "p.py", 1, "f"); break;
  case INT_POW_SQUARE_OVERFLOW: roast_rt_int_pow(3, INT64_C(1) << 40, "p.py", 1, "f"); break;
  case INT_POW_NEG_OVERFLOW: roast_rt_int_pow(-2, 64, "p.py", 1, "f"); break;
  case INT_POW_NEGATIVE: roast_rt_int_pow(2, -1, "p.py", 1, "f"); break;
  case POW_MOD_ZERO: roast_rt_int_pow_mod(2, 3, 0, "p.py", 1, "f"); break;
  case POW_MOD_NOT_INVERTIBLE: roast_rt_int_pow_mod(2, -1, 4, "p.py", 1, "f"); break;
  case FLOAT_FLOORDIV_ZERO: roast_rt_float_floordiv(1.0, zero, "p.py", 1, "f"); break;
  case FLOAT_MOD_ZERO: roast_rt_float_mod(1.0, -zero, "p.py", 1, "f"); break;
  case FLOAT_POW_ZERO_NEG: roast_rt_float_pow(-0.0, -1.0, "p.py", 1, "f"); break;
  case FLOAT_POW_DOMAIN: roast_rt_float_pow(-8.0, 0.5, "p.py", 1, "f"); break;
  case FLOAT_POW_OVERFLOW: roast_rt_float_pow(10.0, 400.0, "p.py", 1, "f"); break;
  case TO_INT_NAN: roast_rt_float_to_int(NAN, "p.py", 1, "f"); break;
  case TO_INT_INF: roast_rt_float_to_int(-INFINITY, "p.py", 1, "f"); break;
  case TO_INT_TOO_BIG: roast_rt_float_to_int(0x1p63, "p.py", 1, "f"); break;
  case TO_INT_TOO_SMALL: roast_rt_float_to_int(-0x1p64, "p.py", 1, "f"); break;
  }
}

static char *read_all(FILE *f, size_t *size) {
  fflush(f);
  rewind(f);
  size_t capacity = 1024, used = 0;
  char *data = malloc(capacity);
  size_t n;
  while ((n = fread(data + used, 1, capacity - used - 1, f)) > 0) {
    used += n;
    if (capacity - used < 2)
      data = realloc(data, capacity *= 2);
  }
  data[used] = '\0';
  if (size)
    *size = used;
  fclose(f);
  return data;
}

/* Run fn(arg) in a child with stdout/stderr captured in temp files (files
 * rather than pipes, so a big output cannot deadlock us).  Raising returns,
 * so an exception fn leaves pending is reported (traceback, exit 1) as
 * roast_rt_main reports an uncaught one. */
ChildResult run_in_child(void (*fn)(const void *arg), const void *arg) {
  FILE *out = tmpfile(), *err = tmpfile();
  fflush(stdout);
  fflush(stderr);
  pid_t pid = fork();
  if (pid == 0) {
    dup2(fileno(out), STDOUT_FILENO);
    dup2(fileno(err), STDERR_FILENO);
    fn(arg);
    roast_rt_report_uncaught();
    exit(0);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  ChildResult r;
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_all(out, &r.out_size);
  r.err = read_all(err, NULL);
  return r;
}

static void run_action_arg(const void *arg) { run_action(*(const enum Action *)arg); }

static ChildResult run_child(enum Action action) { return run_in_child(run_action_arg, &action); }

static void expect_error(enum Action action, const char *expected_stderr) {
  ChildResult r = run_child(action);
  CHECK(r.status == 1, "action %d: expected exit status 1, got %d", (int)action, r.status);
  CHECK(strcmp(r.err, expected_stderr) == 0, "action %d: expected stderr\n%s\ngot\n%s",
        (int)action, expected_stderr, r.err);
  free(r.out);
  free(r.err);
}

#define TB "Traceback (most recent call last):\n"
#define AT "  File \"p.py\", line 1, in f\n"

static void test_errors(void) {
  ChildResult r = run_child(RAISE_PLAIN);
  CHECK(r.status == 1, "raise: exit status %d", r.status);
  CHECK(strcmp(r.out, "before") == 0, "raise must flush stdout first, got '%s'", r.out);
  CHECK(strcmp(r.err, TB "  File \"prog.py\", line 12, in <module>\n"
                         "ZeroDivisionError: integer division or modulo by zero\n") == 0,
        "raise: got stderr\n%s", r.err);
  free(r.out);
  free(r.err);

  expect_error(RAISE_NO_FILE, TB "KeyError: 'k'\n");
  expect_error(RAISE_NO_MESSAGE, TB "  File \"a.py\", line 3, in check\nAssertionError\n");
  expect_error(RAISE_RECURSION, TB "  File \"r.py\", line 2, in f\n"
                                   "RecursionError: maximum recursion depth exceeded\n");
  r = run_child(RAISE_CAUGHT);
  CHECK(r.status == 0 && r.err[0] == '\0', "a caught exception was reported: status %d, stderr\n%s",
        r.status, r.err);
  free(r.out);
  free(r.err);
  expect_error(RAISE_AFTER_CATCH, TB "  File \"d.py\", line 7, in h\nIndexError: after\n");
  expect_error(INT_POW_OVERFLOW, TB AT "OverflowError: integer overflow\n");
  expect_error(INT_POW_SQUARE_OVERFLOW, TB AT "OverflowError: integer overflow\n");
  expect_error(INT_POW_NEG_OVERFLOW, TB AT "OverflowError: integer overflow\n");
  expect_error(INT_POW_NEGATIVE, TB AT "ValueError: negative exponent in integer power\n");
  expect_error(POW_MOD_ZERO, TB AT "ValueError: pow() 3rd argument cannot be 0\n");
  expect_error(POW_MOD_NOT_INVERTIBLE,
               TB AT "ValueError: base is not invertible for the given modulus\n");
  expect_error(FLOAT_FLOORDIV_ZERO, TB AT "ZeroDivisionError: float floor division by zero\n");
  expect_error(FLOAT_MOD_ZERO, TB AT "ZeroDivisionError: float modulo\n");
  expect_error(FLOAT_POW_ZERO_NEG,
               TB AT "ZeroDivisionError: 0.0 cannot be raised to a negative power\n");
  expect_error(FLOAT_POW_DOMAIN, TB AT "ValueError: math domain error\n");
  expect_error(FLOAT_POW_OVERFLOW, TB AT "OverflowError: (34, 'Numerical result out of range')\n");
  expect_error(TO_INT_NAN, TB AT "ValueError: cannot convert float NaN to integer\n");
  expect_error(TO_INT_INF, TB AT "OverflowError: cannot convert float infinity to integer\n");
  expect_error(TO_INT_TOO_BIG, TB AT "OverflowError: integer overflow\n");
  expect_error(TO_INT_TOO_SMALL, TB AT "OverflowError: integer overflow\n");
}

static void test_printing(void) {
  ChildResult r = run_child(PRINT_VALUES);
  static const char expected[] = "-9223372036854775808 0 42 TrueFalse None -0.5 h\0llo\xc3\xa9\n";
  CHECK(r.status == 0 && r.out_size == sizeof expected - 1 &&
            memcmp(r.out, expected, sizeof expected - 1) == 0,
        "print: status %d, got %zu bytes '%s'", r.status, r.out_size, r.out);
  free(r.out);
  free(r.err);

  r = run_child(PRINT_BIG);
  size_t expected_size = 100000 + (100000 + 6) / 7 + 200000;
  bool ok = r.status == 0 && r.out_size == expected_size;
  for (size_t i = 0, digit = 0; ok && i < 100000 + (100000 + 6) / 7; ++digit) {
    ok = r.out[i++] == (char)('0' + digit % 10);
    if (ok && digit % 7 == 0)
      ok = r.out[i++] == '\n';
  }
  CHECK(ok, "big print: status %d, %zu bytes (expected %zu)", r.status, r.out_size,
        expected_size);
  free(r.out);
  free(r.err);
}

/* Drop the lines a sanitizer adds to stderr (they start with "=="), such as
 * ASan's warning when malloc is asked for exabytes. */
static void drop_sanitizer_lines(char *text) {
  char *out = text;
  for (char *line = text; *line;) {
    char *end = strchr(line, '\n');
    size_t length = end ? (size_t)(end - line) + 1 : strlen(line);
    if (strncmp(line, "==", 2) != 0) {
      memmove(out, line, length);
      out += length;
    }
    line += length;
  }
  *out = '\0';
}

void expect_child_stderr(void (*fn)(const void *), const void *arg, const char *expected,
                         const char *what) {
  ChildResult r = run_in_child(fn, arg);
  drop_sanitizer_lines(r.err);
  CHECK(r.status == 1, "%s: expected exit status 1, got %d", what, r.status);
  CHECK(strcmp(r.err, expected) == 0, "%s: expected stderr\n%s\ngot\n%s", what, expected, r.err);
  free(r.out);
  free(r.err);
}

int main(void) {
  test_float_repr();
  test_float_floordiv_mod();
  test_float_pow();
  test_int_pow();
  test_int_pow_mod();
  test_float_to_int();
  test_raise_returns();
  test_printing();
  test_errors();
  test_str();
  test_list();
  test_format();
  test_collections();
  test_random();
  test_files();
  test_values();
  if (failures) {
    fprintf(stderr, "%d of %d checks FAILED\n", failures, checks);
    return 1;
  }
  printf("all %d runtime checks passed\n", checks);
  return 0;
}
