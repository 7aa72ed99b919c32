/* format_tests.c - unit tests of format() and f-string formatting against CPython 3.12 results. */
/* mmap, mprotect and sysconf are POSIX, not C11, and MAP_ANONYMOUS is not
 * even POSIX.  (LLVM's CMake flags may already pass -D_GNU_SOURCE.) */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#include "Roast/Runtime/Runtime.h"
#include "runtime_tests.h"

#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* ---- Expected values (generated from CPython) ---------------------------- */

#include "str_inputs.h"
typedef struct FloatCase { double v; TStr spec, result; } FloatCase;
typedef struct StrCase { TStr s, spec, result; } StrCase;

enum Kind { K_INT, K_FLOAT, K_STR, K_BOOL };
typedef struct ErrorCase {
  enum Kind kind;
  int64_t i; /* the int, or the bool as 0/1 */
  double f;
  TStr s;
  TStr spec;
  const char *expected; /* the last line of stderr, without the newline */
} ErrorCase;

#include "format_expectations.inc"

#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

/* ---- Result tables ---------------------------------------------------------- */

/* A description of one call for failure messages (specs may hold any byte). */
#define DESCRIBE(buf, fmt_value, value, spec, v)                                                   \
  snprintf(buf, sizeof buf, "format(" fmt_value ", '%.*s') (spec %s)", value, (int)(spec).n,       \
           (spec).p, variant_names[v])

static void test_int_table(void) {
  char what[256];
  size_t nv = COUNT(int_values);
  CHECK(COUNT(int_results) == COUNT(int_specs) * nv, "int tables do not match");
  for (size_t i = 0; i < COUNT(int_specs); ++i) {
    for (int v = 0; v < NUM_VARIANTS; ++v) {
      Input spec = make_input(int_specs[i], (enum Variant)v);
      for (size_t j = 0; j < nv; ++j) {
        TStr want = int_results[i * nv + j];
        if (!want.p)
          continue; /* an error: checked in a child below */
        DESCRIBE(what, "%" PRId64, int_values[j], int_specs[i], v);
        expect_str(roast_rt_format_int_spec(int_values[j], spec.str, "t.py", 1, "f"), want, what);
      }
      check_balanced(&spec, "int spec");
      free_input(&spec);
    }
  }
}

static void test_float_table(void) {
  char what[256];
  size_t nv = COUNT(float_values);
  CHECK(COUNT(float_results) == COUNT(float_specs) * nv, "float tables do not match");
  for (size_t i = 0; i < COUNT(float_specs); ++i) {
    for (int v = 0; v < NUM_VARIANTS; ++v) {
      Input spec = make_input(float_specs[i], (enum Variant)v);
      for (size_t j = 0; j < nv; ++j) {
        TStr want = float_results[i * nv + j];
        if (!want.p)
          continue;
        DESCRIBE(what, "%a", float_values[j], float_specs[i], v);
        expect_str(roast_rt_format_float_spec(float_values[j], spec.str, "t.py", 1, "f"), want,
                   what);
      }
      check_balanced(&spec, "float spec");
      free_input(&spec);
    }
  }
  for (size_t i = 0; i < COUNT(long_float_cases); ++i) {
    const FloatCase *c = &long_float_cases[i];
    Input spec = make_input(c->spec, READ_ONLY);
    DESCRIBE(what, "%a", c->v, c->spec, READ_ONLY);
    expect_str(roast_rt_format_float_spec(c->v, spec.str, "t.py", 1, "f"), c->result, what);
    free_input(&spec);
  }
}

static void test_str_table(void) {
  char what[256];
  size_t nv = COUNT(str_values);
  CHECK(COUNT(str_results) == COUNT(str_specs) * nv, "str tables do not match");
  /* Each value in each form, made once and shared by all specs: the
   * results that are the value itself must come back retained. */
  Input values[NUM_VARIANTS][COUNT(str_values)];
  for (int v = 0; v < NUM_VARIANTS; ++v)
    for (size_t j = 0; j < nv; ++j)
      values[v][j] = make_input(str_values[j], (enum Variant)v);
  for (size_t i = 0; i < COUNT(str_specs); ++i) {
    for (int v = 0; v < NUM_VARIANTS; ++v) {
      Input spec = make_input(str_specs[i], (enum Variant)v);
      for (size_t j = 0; j < nv; ++j) {
        TStr want = str_results[i * nv + j];
        if (!want.p)
          continue;
        DESCRIBE(what, "str_values[%zu]", j, str_specs[i], v);
        expect_str(roast_rt_format_str_spec(values[v][j].str, spec.str, "t.py", 1, "f"), want,
                   what);
      }
      check_balanced(&spec, "str spec");
      free_input(&spec);
    }
  }
  for (int v = 0; v < NUM_VARIANTS; ++v) {
    for (size_t j = 0; j < nv; ++j) {
      check_balanced(&values[v][j], "str value");
      free_input(&values[v][j]);
    }
  }
  for (size_t i = 0; i < COUNT(long_str_cases); ++i) {
    const StrCase *c = &long_str_cases[i];
    Input s = make_input(c->s, UNKNOWN_FLAGS);
    Input spec = make_input(c->spec, READ_ONLY);
    DESCRIBE(what, "long_str_cases[%zu]", i, c->spec, READ_ONLY);
    expect_str(roast_rt_format_str_spec(s.str, spec.str, "t.py", 1, "f"), c->result, what);
    check_balanced(&s, what);
    free_input(&s);
    free_input(&spec);
  }
}

static void test_bool_table(void) {
  char what[256];
  size_t nv = COUNT(bool_values);
  CHECK(COUNT(bool_results) == COUNT(bool_specs) * nv, "bool tables do not match");
  for (size_t i = 0; i < COUNT(bool_specs); ++i) {
    for (int v = 0; v < NUM_VARIANTS; ++v) {
      Input spec = make_input(bool_specs[i], (enum Variant)v);
      for (size_t j = 0; j < nv; ++j) {
        TStr want = bool_results[i * nv + j];
        if (!want.p)
          continue;
        DESCRIBE(what, "%d", (int)bool_values[j], bool_specs[i], v);
        expect_str(roast_rt_format_bool_spec(bool_values[j], spec.str, "t.py", 1, "f"), want,
                   what);
      }
      check_balanced(&spec, "bool spec");
      free_input(&spec);
    }
  }
}

/* ---- Sharing and ownership ---------------------------------------------------- */

static void test_sharing(void) {
  Input empty = make_input((TStr)S(""), READ_ONLY);
  Input width3 = make_input((TStr)S("3"), READ_ONLY);
  Input d = make_input((TStr)S("d"), READ_ONLY);
  Input s = make_input((TStr)S("h\xc3\xa9llo"), FRESH);

  /* format(s, "") and a spec that neither pads nor cuts give s itself, as in CPython. */
  RoastStr *r = roast_rt_format_str_spec(s.str, empty.str, "t.py", 1, "f");
  CHECK(r == s.str && s.str->header.refcount == 2, "format(s, '') should share s");
  roast_rt_release(&r->header);
  r = roast_rt_format_str_spec(s.str, width3.str, "t.py", 1, "f");
  CHECK(r == s.str && s.str->header.refcount == 2, "format(s, '3') should share s");
  roast_rt_release(&r->header);
  check_balanced(&s, "shared s");

  /* Empty and one-ASCII-character results are the runtime's immortal
   * constants, as str(5) is. */
  r = roast_rt_format_int_spec(5, d.str, "t.py", 1, "f");
  CHECK(r->header.refcount >= ROAST_REFCOUNT_IMMORTAL && r->length == 1 && r->data[0] == '5',
        "format(5, 'd') should be the constant '5'");
  RoastStr *r2 = roast_rt_format_int_spec(5, empty.str, "t.py", 1, "f");
  CHECK(r == r2, "format(5, 'd') and format(5, '') should be the same constant");
  roast_rt_release(&r->header);
  roast_rt_release(&r2->header);

  /* Everything else is a fresh str the caller owns alone. */
  Input spec = make_input((TStr)S("\xe2\x86\x92^9.2f"), READ_ONLY);
  r = roast_rt_format_float_spec(3.14159, spec.str, "t.py", 1, "f");
  CHECK(r->header.refcount == 1 && r->header.flags == ROAST_STR_NON_ASCII,
        "fresh float result: refcount %" PRId64 ", flags %u", r->header.refcount, r->header.flags);
  /* Centring puts the odd fill character on the right. */
  expect_str(r, (TStr)S("\xe2\x86\x92\xe2\x86\x92" "3.14\xe2\x86\x92\xe2\x86\x92\xe2\x86\x92"),
             "format(3.14159, '→^9.2f')");

  CHECK(empty.str->header.refcount == ROAST_REFCOUNT_IMMORTAL && empty.str->header.flags == 0,
        "read-only spec changed");
  free_input(&spec);
  free_input(&s);
  free_input(&d);
  free_input(&width3);
  free_input(&empty);
}

/* ---- Errors, in child processes -------------------------------------------- */

/* The children exit by raising while their strs are still alive, as a
 * program does at an uncaught error; holding them in a global keeps
 * LeakSanitizer from reporting them. */
static RoastStr *live_in_child[2];

static void run_error_case(const void *arg) {
  const ErrorCase *c = arg;
  RoastStr *spec = live_in_child[0] = roast_rt_str_new(c->spec.p, c->spec.n);
  switch (c->kind) {
  case K_INT: roast_rt_format_int_spec(c->i, spec, "p.py", 1, "f"); break;
  case K_FLOAT: roast_rt_format_float_spec(c->f, spec, "p.py", 1, "f"); break;
  case K_STR:
    live_in_child[1] = roast_rt_str_new(c->s.p, c->s.n);
    roast_rt_format_str_spec(live_in_child[1], spec, "p.py", 1, "f");
    break;
  case K_BOOL: roast_rt_format_bool_spec(c->i != 0, spec, "p.py", 1, "f"); break;
  }
}

#define TB "Traceback (most recent call last):\n"
#define AT "  File \"p.py\", line 1, in f\n"

/* Each entry point reports the location it was given. */
static void error_at_site(const void *arg) {
  RoastStr *spec = live_in_child[0] = roast_rt_str_new(",s", 2);
  switch (*(const enum Kind *)arg) {
  case K_INT: roast_rt_format_int_spec(1, spec, "prog.py", 7, "<module>"); break;
  case K_FLOAT: roast_rt_format_float_spec(1.0, spec, "lib.py", 1234, "area"); break;
  case K_STR: roast_rt_format_str_spec(spec, spec, "s.py", 2, "show"); break;
  case K_BOOL: roast_rt_format_bool_spec(true, spec, "b.py", 99, "check"); break;
  }
}

/* Widths whose result cannot exist: CPython raises MemoryError, and Roast
 * ends the program with one (fatal: it comes from inside the allocator). */
static const struct {
  enum Kind kind;
  const char *spec;
} huge_widths[] = {
    {K_INT, "9223372036854775807"},
    {K_INT, "09223372036854775807,"},        /* zero padding with separators */
    {K_INT, "\xe2\x86\x92^9223372036854775807"}, /* 3-byte fill: the byte count overflows */
    {K_FLOAT, "4611686018427387904.3f"},
    {K_FLOAT, "0=+4611686018427387904_.2e"},
    {K_STR, "\xf0\x9f\x98\x80<4611686018427387904"},
    {K_BOOL, "1152921504606846976"}, /* 2**60: beyond any address space */
};

static void huge_width(const void *arg) {
  size_t i = *(const size_t *)arg;
  const char *text = huge_widths[i].spec;
  RoastStr *spec = live_in_child[0] = roast_rt_str_new(text, (int64_t)strlen(text));
  switch (huge_widths[i].kind) {
  case K_INT: roast_rt_format_int_spec(-5, spec, "p.py", 1, "f"); break;
  case K_FLOAT: roast_rt_format_float_spec(-1.5, spec, "p.py", 1, "f"); break;
  case K_STR: roast_rt_format_str_spec(spec, spec, "p.py", 1, "f"); break;
  case K_BOOL: roast_rt_format_bool_spec(true, spec, "p.py", 1, "f"); break;
  }
}

static void test_format_errors(void) {
  char expected[1024], what[64];
  for (size_t i = 0; i < COUNT(error_cases); ++i) {
    snprintf(expected, sizeof expected, TB AT "%s\n", error_cases[i].expected);
    snprintf(what, sizeof what, "error_cases[%zu]", i);
    expect_child_stderr(run_error_case, &error_cases[i], expected, what);
  }
  static const enum Kind kinds[] = {K_INT, K_FLOAT, K_STR, K_BOOL};
  static const char *const site_errors[] = {
      TB "  File \"prog.py\", line 7, in <module>\nValueError: Cannot specify ',' with 's'.\n",
      TB "  File \"lib.py\", line 1234, in area\nValueError: Cannot specify ',' with 's'.\n",
      TB "  File \"s.py\", line 2, in show\nValueError: Cannot specify ',' with 's'.\n",
      TB "  File \"b.py\", line 99, in check\nValueError: Cannot specify ',' with 's'.\n",
  };
  for (size_t i = 0; i < COUNT(kinds); ++i) {
    snprintf(what, sizeof what, "error site, kind %zu", i);
    expect_child_stderr(error_at_site, &kinds[i], site_errors[i], what);
  }
  for (size_t i = 0; i < COUNT(huge_widths); ++i) {
    snprintf(what, sizeof what, "huge width '%s'", huge_widths[i].spec);
    expect_child_stderr(huge_width, &i, FATAL_MEMORY_ERROR, what);
  }
}

void test_format(void) {
  test_sharing();
  test_int_table();
  test_float_table();
  test_str_table();
  test_bool_table();
  test_format_errors();
}
