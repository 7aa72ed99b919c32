/* str_tests.c - unit tests of the runtime's str objects and operations against CPython 3.12 results. */
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

/* The MemoryError test asks malloc for 4 EiB; under AddressSanitizer that
 * must return NULL, as libc's malloc does, rather than abort the test. */
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ROAST_TEST_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) && !defined(ROAST_TEST_ASAN)
#define ROAST_TEST_ASAN 1
#endif
#ifdef ROAST_TEST_ASAN
const char *__asan_default_options(void);
const char *__asan_default_options(void) { return "allocator_may_return_null=1"; }
#endif

/* ---- Expected values (generated from CPython) ---------------------------- */

#include "str_inputs.h"
typedef struct UnaryCase {
  TStr s;
  int64_t len;
  TStr repr, upper, lower, strip, lstrip, rstrip;
  bool isdigit, isalpha;
  int64_t ord; /* -1 unless len == 1 */
} UnaryCase;

typedef struct PairCase { /* results for (a, b) */
  int cmp;
  bool eq, contains, startswith, endswith; /* b in a, a.startswith(b), ... */
  int64_t find, count;                     /* a.find(b), a.count(b) */
  TStr concat, strip, lstrip, rstrip;      /* a + b, a.strip(b), ... */
} PairCase;

typedef struct RepeatCase { TStr s; int64_t n; TStr result; } RepeatCase;
typedef struct FromIntCase { int64_t v; TStr result; } FromIntCase;
typedef struct FromFloatCase { double v; TStr result; } FromFloatCase;
typedef struct ChrCase { int64_t cp; TStr result; } ChrCase;
typedef struct ToIntCase { TStr s; int64_t v; } ToIntCase;
typedef struct ToFloatCase { TStr s; TStr repr; } ToFloatCase;

enum ErrorOp { E_GETITEM, E_SLICE_STEP_0, E_REPEAT, E_TO_INT, E_TO_FLOAT, E_ORD, E_CHR };
typedef struct ErrorCase {
  enum ErrorOp op;
  TStr s;
  int64_t arg;
  const char *expected; /* the last line of stderr, without the newline */
} ErrorCase;

#include "str_expectations.inc"

#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

/* ---- Tables ---------------------------------------------------------------- */

static void test_unary(void) {
  char what[128];
  for (size_t i = 0; i < COUNT(unary_cases); ++i) {
    const UnaryCase *c = &unary_cases[i];
    for (int v = 0; v < NUM_VARIANTS; ++v) {
      Input in = make_input(c->s, (enum Variant)v);
      const RoastStr *s = in.str;
#define WHAT(op) (snprintf(what, sizeof what, "unary_cases[%zu] (%s): %s", i, variant_names[v], op), what)
      CHECK(roast_rt_str_len(s) == c->len, "%s: got %" PRId64, WHAT("len"), roast_rt_str_len(s));
      expect_str(roast_rt_str_repr(s), c->repr, WHAT("repr"));
      expect_str(roast_rt_str_upper(s), c->upper, WHAT("upper"));
      expect_str(roast_rt_str_lower(s), c->lower, WHAT("lower"));
      expect_str(roast_rt_str_strip(s), c->strip, WHAT("strip"));
      expect_str(roast_rt_str_lstrip(s), c->lstrip, WHAT("lstrip"));
      expect_str(roast_rt_str_rstrip(s), c->rstrip, WHAT("rstrip"));
      CHECK(roast_rt_str_isdigit(s) == c->isdigit, "%s", WHAT("isdigit"));
      CHECK(roast_rt_str_isalpha(s) == c->isalpha, "%s", WHAT("isalpha"));
      if (c->ord >= 0)
        CHECK(roast_rt_str_ord(s, "t.py", 1, "f") == c->ord, "%s", WHAT("ord"));
      /* s == s, s + "" and "" + s share s; compare to itself is 0. */
      CHECK(roast_rt_str_eq(s, s) && roast_rt_str_compare(s, s) == 0, "%s", WHAT("eq self"));
      RoastStr *empty = roast_rt_str_new("", 0);
      expect_str(roast_rt_str_concat(s, empty), c->s, WHAT("s + ''"));
      expect_str(roast_rt_str_concat(empty, s), c->s, WHAT("'' + s"));
      roast_rt_release(&empty->header);
      check_balanced(&in, WHAT("balance"));
#undef WHAT
      free_input(&in);
    }
  }
}

static void test_getitem(void) {
  char what[128];
  size_t row = 0;
  for (size_t i = 0; i < COUNT(unary_cases); ++i) {
    const UnaryCase *c = &unary_cases[i];
    size_t first_row = row;
    for (int v = 0; v < NUM_VARIANTS; ++v) {
      Input in = make_input(c->s, (enum Variant)v);
      row = first_row;
      for (int64_t index = -c->len - 2; index < c->len + 2; ++index, ++row) {
        TStr want = getitem_results[row];
        if (!want.p)
          continue; /* IndexError: checked in a child below */
        snprintf(what, sizeof what, "unary_cases[%zu] (%s)[%" PRId64 "]", i, variant_names[v], index);
        expect_str(roast_rt_str_getitem(in.str, index, "t.py", 1, "f"), want, what);
      }
      check_balanced(&in, "getitem");
      free_input(&in);
    }
  }
  CHECK(row == COUNT(getitem_results), "getitem table has %zu rows, used %zu",
        COUNT(getitem_results), row);
}

static void test_slice(void) {
  char what[160];
  size_t row = 0;
  for (size_t i = 0; i < COUNT(slice_inputs); ++i) {
    Input ins[NUM_VARIANTS];
    for (int v = 0; v < NUM_VARIANTS; ++v)
      ins[v] = make_input(slice_inputs[i], (enum Variant)v);
    for (size_t a = 0; a < COUNT(slice_bounds); ++a)
      for (size_t b = 0; b < COUNT(slice_bounds); ++b)
        for (size_t k = 0; k < COUNT(slice_steps); ++k, ++row) {
          int32_t which = (slice_bounds_given[a] ? ROAST_SLICE_START : 0) |
                          (slice_bounds_given[b] ? ROAST_SLICE_STOP : 0) |
                          (slice_steps_given[k] ? ROAST_SLICE_STEP : 0);
          for (int v = 0; v < NUM_VARIANTS; ++v) {
            snprintf(what, sizeof what,
                     "slice_inputs[%zu] (%s)[%" PRId64 ":%" PRId64 ":%" PRId64 "] which %d", i,
                     variant_names[v], slice_bounds[a], slice_bounds[b], slice_steps[k],
                     (int)which);
            /* Omitted parts get garbage values: they must be ignored. */
            int64_t start = slice_bounds_given[a] ? slice_bounds[a] : 12345;
            int64_t stop = slice_bounds_given[b] ? slice_bounds[b] : -777;
            int64_t step = slice_steps_given[k] ? slice_steps[k] : 0;
            expect_str(roast_rt_str_slice(ins[v].str, start, stop, step, which, "t.py", 1, "f"),
                       slice_results[row], what);
          }
        }
    for (int v = 0; v < NUM_VARIANTS; ++v) {
      check_balanced(&ins[v], "slice");
      free_input(&ins[v]);
    }
  }
  CHECK(row == COUNT(slice_results), "slice table has %zu rows, used %zu", COUNT(slice_results),
        row);
}

static void test_pairs(void) {
  char what[128];
  /* Variant pairs: both as the runtime makes them, and each side once as a
   * read-only constant against a flags-0 one. */
  static const enum Variant combos[][2] = {
      {FRESH, FRESH}, {UNKNOWN_FLAGS, READ_ONLY}, {READ_ONLY, UNKNOWN_FLAGS}};
  size_t n = COUNT(pair_inputs);
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < n; ++j) {
      const PairCase *c = &pair_cases[i * n + j];
      for (size_t v = 0; v < COUNT(combos); ++v) {
        Input a = make_input(pair_inputs[i], combos[v][0]);
        Input b = make_input(pair_inputs[j], combos[v][1]);
#define WHAT(op)                                                                                   \
  (snprintf(what, sizeof what, "pair_inputs[%zu] %s pair_inputs[%zu] (%s, %s)", i, op, j,           \
            variant_names[combos[v][0]], variant_names[combos[v][1]]),                             \
   what)
        int64_t cmp = roast_rt_str_compare(a.str, b.str);
        CHECK(cmp == c->cmp, "%s: got %" PRId64, WHAT("compare"), cmp);
        CHECK(roast_rt_str_eq(a.str, b.str) == c->eq, "%s", WHAT("=="));
        CHECK(roast_rt_str_contains(a.str, b.str) == c->contains, "%s", WHAT("contains"));
        CHECK(roast_rt_str_startswith(a.str, b.str) == c->startswith, "%s", WHAT("startswith"));
        CHECK(roast_rt_str_endswith(a.str, b.str) == c->endswith, "%s", WHAT("endswith"));
        int64_t find = roast_rt_str_find(a.str, b.str);
        CHECK(find == c->find, "%s: got %" PRId64, WHAT("find"), find);
        int64_t count = roast_rt_str_count(a.str, b.str);
        CHECK(count == c->count, "%s: got %" PRId64, WHAT("count"), count);
        if (c->eq)
          CHECK(roast_rt_str_hash(a.str) == roast_rt_str_hash(b.str), "%s", WHAT("hash"));
        expect_str(roast_rt_str_concat(a.str, b.str), c->concat, WHAT("+"));
        expect_str(roast_rt_str_strip_chars(a.str, b.str), c->strip, WHAT("strip"));
        expect_str(roast_rt_str_lstrip_chars(a.str, b.str), c->lstrip, WHAT("lstrip"));
        expect_str(roast_rt_str_rstrip_chars(a.str, b.str), c->rstrip, WHAT("rstrip"));
        for (size_t k = 0; k < COUNT(replace_new); ++k) {
          Input r = make_input(replace_new[k], combos[v][k % 2]);
          char op[32];
          snprintf(op, sizeof op, "replace(new %zu)", k);
          expect_str(roast_rt_str_replace(a.str, b.str, r.str),
                     replace_results[(i * n + j) * COUNT(replace_new) + k], WHAT(op));
          check_balanced(&r, WHAT("balance new"));
          free_input(&r);
        }
        check_balanced(&a, WHAT("balance a"));
        check_balanced(&b, WHAT("balance b"));
#undef WHAT
        free_input(&a);
        free_input(&b);
      }
    }
  }
  CHECK(COUNT(pair_cases) == n * n && COUNT(replace_results) == n * n * COUNT(replace_new),
        "pair tables do not match pair_inputs");
}

static void test_conversions(void) {
  char what[128];
  for (size_t i = 0; i < COUNT(repeat_cases); ++i) {
    for (int v = 0; v < NUM_VARIANTS; ++v) {
      Input in = make_input(repeat_cases[i].s, (enum Variant)v);
      snprintf(what, sizeof what, "repeat_cases[%zu] (%s)", i, variant_names[v]);
      expect_str(roast_rt_str_repeat(in.str, repeat_cases[i].n, "t.py", 1, "f"),
                 repeat_cases[i].result, what);
      check_balanced(&in, what);
      free_input(&in);
    }
  }
  for (size_t i = 0; i < COUNT(from_int_cases); ++i) {
    snprintf(what, sizeof what, "str(%" PRId64 ")", from_int_cases[i].v);
    expect_str(roast_rt_str_from_int(from_int_cases[i].v), from_int_cases[i].result, what);
  }
  for (size_t i = 0; i < COUNT(from_float_cases); ++i) {
    snprintf(what, sizeof what, "from_float_cases[%zu]", i);
    expect_str(roast_rt_str_from_float(from_float_cases[i].v), from_float_cases[i].result, what);
  }
  expect_str(roast_rt_str_from_bool(true), (TStr)S("True"), "str(True)");
  expect_str(roast_rt_str_from_bool(false), (TStr)S("False"), "str(False)");
  expect_str(roast_rt_str_none(), (TStr)S("None"), "str(None)");
  for (size_t i = 0; i < COUNT(chr_cases); ++i) {
    snprintf(what, sizeof what, "chr(%" PRId64 ")", chr_cases[i].cp);
    RoastStr *s = roast_rt_str_chr(chr_cases[i].cp, "t.py", 1, "f");
    CHECK(roast_rt_str_ord(s, "t.py", 1, "f") == chr_cases[i].cp, "%s: ord does not round-trip",
          what);
    expect_str(s, chr_cases[i].result, what);
  }
  for (size_t i = 0; i < COUNT(to_int_cases); ++i) {
    for (int v = 0; v < NUM_VARIANTS; ++v) {
      Input in = make_input(to_int_cases[i].s, (enum Variant)v);
      int64_t got = roast_rt_str_to_int(in.str, "t.py", 1, "f");
      CHECK(got == to_int_cases[i].v, "to_int_cases[%zu] (%s): expected %" PRId64 ", got %" PRId64,
            i, variant_names[v], to_int_cases[i].v, got);
      free_input(&in);
    }
  }
  for (size_t i = 0; i < COUNT(to_float_cases); ++i) {
    for (int v = 0; v < NUM_VARIANTS; ++v) {
      Input in = make_input(to_float_cases[i].s, (enum Variant)v);
      char text[32];
      roast_rt_format_float(roast_rt_str_to_float(in.str, "t.py", 1, "f"), text);
      CHECK(strlen(text) == (size_t)to_float_cases[i].repr.n &&
                memcmp(text, to_float_cases[i].repr.p, strlen(text)) == 0,
            "to_float_cases[%zu] (%s): expected %s, got %s", i, variant_names[v],
            to_float_cases[i].repr.p, text);
      free_input(&in);
    }
  }
}

/* ---- Long strings ------------------------------------------------------------ */

/* The tables hold short strings; here len, indexing, slicing and find run
 * over long pseudo-random mixes of 1- to 4-byte code points (so the
 * eight-bytes-at-a-time scans cross many words and chunk boundaries), and
 * are compared with a plain decode of the same text. */
static void test_long_utf8(void) {
  static const char *const pieces[] = {"a", "Z", " ", "\xc3\xa9", "\xce\xb2", "\xe6\x97\xa5",
                                       "\xe2\x80\xa8", "\xf0\x9f\x98\x80"};
  enum { CODE_POINTS = 1000 };
  char text[CODE_POINTS * 4];
  size_t offsets[CODE_POINTS + 1], n = 0;
  uint32_t state = 12345;
  for (int k = 0; k < CODE_POINTS; ++k) {
    state = state * 1103515245u + 12345u;
    /* Runs of ASCII too, so the word-skipping loops see all-ASCII words. */
    const char *piece = (state >> 16) % 3 == 0 ? "x" : pieces[(state >> 20) % 8];
    offsets[k] = n;
    memcpy(text + n, piece, strlen(piece));
    n += strlen(piece);
  }
  offsets[CODE_POINTS] = n;
  for (int v = 0; v < NUM_VARIANTS; ++v) {
    Input in = make_input((TStr){text, (int64_t)n}, (enum Variant)v);
    const RoastStr *s = in.str;
    char what[96];
    CHECK(roast_rt_str_len(s) == CODE_POINTS, "long: len %" PRId64, roast_rt_str_len(s));
    for (int k = 0; k < CODE_POINTS; ++k) {
      TStr want = {text + offsets[k], (int64_t)(offsets[k + 1] - offsets[k])};
      snprintf(what, sizeof what, "long (%s)[%d]", variant_names[v], k);
      expect_str(roast_rt_str_getitem(s, k, "t.py", 1, "f"), want, what);
      snprintf(what, sizeof what, "long (%s)[%d]", variant_names[v], k - CODE_POINTS);
      expect_str(roast_rt_str_getitem(s, k - CODE_POINTS, "t.py", 1, "f"), want, what);
    }
    for (int start = 0; start <= CODE_POINTS; start += 37) {
      for (int stop = start; stop <= CODE_POINTS; stop += 101) {
        TStr want = {text + offsets[start], (int64_t)(offsets[stop] - offsets[start])};
        snprintf(what, sizeof what, "long (%s)[%d:%d]", variant_names[v], start, stop);
        expect_str(roast_rt_str_slice(s, start, stop, 0, ROAST_SLICE_START | ROAST_SLICE_STOP,
                                      "t.py", 1, "f"),
                   want, what);
        /* find of a slice finds it at start unless the same text occurs earlier. */
        if (stop > start) {
          RoastStr *sub = roast_rt_str_new(want.p, want.n);
          const char *first = memmem(text, n, want.p, (size_t)want.n);
          int64_t expected = 0;
          while (offsets[expected] != (size_t)(first - text))
            ++expected;
          CHECK(roast_rt_str_find(s, sub) == expected, "%s: find", what);
          roast_rt_release(&sub->header);
        }
      }
    }
    /* Stepped slices, both ways: s[k::step] and s[k::-step]. */
    for (int step = 1; step <= 9; step += 4) {
      for (int k = 0; k < 3; ++k) {
        for (int sign = 1; sign >= -1; sign -= 2) {
          char expected_text[sizeof text];
          size_t used = 0;
          int first = sign > 0 ? k : CODE_POINTS - 1 - k;
          for (int i = first; i >= 0 && i < CODE_POINTS; i += sign * step) {
            memcpy(expected_text + used, text + offsets[i], offsets[i + 1] - offsets[i]);
            used += offsets[i + 1] - offsets[i];
          }
          snprintf(what, sizeof what, "long (%s)[%d::%d]", variant_names[v], first, sign * step);
          expect_str(roast_rt_str_slice(s, first, 0, sign * step,
                                        ROAST_SLICE_START | ROAST_SLICE_STEP, "t.py", 1, "f"),
                     (TStr){expected_text, (int64_t)used}, what);
        }
      }
    }
    check_balanced(&in, "long");
    free_input(&in);
  }
}

/* ---- Refcounting, immortals, hashing --------------------------------------- */

/* A compiler-style constant in read-only memory (static const, no
 * relocations: it lands in .rodata). */
static const struct {
  RoastObject header;
  int64_t length;
  char data[7];
} ro_hello = {{ROAST_REFCOUNT_IMMORTAL, ROAST_TYPE_STR, 0}, 6, "h\xc3\xa9llo"};
/* Through uintptr_t: dropping const here is the point of the test. */
#define RO_HELLO ((RoastStr *)(uintptr_t)&ro_hello)

static void test_refcounting(void) {
  RoastStr *s = roast_rt_str_new("abc", 3);
  CHECK(s->header.refcount == 1 && s->header.flags == ROAST_STR_ASCII && s->length == 3,
        "str_new: refcount %" PRId64 ", flags %u", s->header.refcount, s->header.flags);
  roast_rt_retain(&s->header);
  roast_rt_retain(&s->header);
  CHECK(s->header.refcount == 3, "retain: refcount %" PRId64, s->header.refcount);
  roast_rt_release(&s->header);
  roast_rt_release(&s->header);
  CHECK(s->header.refcount == 1, "release: refcount %" PRId64, s->header.refcount);
  roast_rt_release(&s->header); /* freed here; ASan would flag a double free below */
  roast_rt_retain(NULL);
  roast_rt_release(NULL);

  RoastStr *e = roast_rt_str_new(NULL, 0); /* "" from no data at all */
  expect_str(e, (TStr)S(""), "str_new(NULL, 0)");
  RoastStr *u = roast_rt_str_new("\xe6\x97\xa5", 3);
  CHECK(u->header.flags == ROAST_STR_NON_ASCII, "str_new non-ASCII: flags %u", u->header.flags);
  roast_rt_release(&u->header);

  /* Everything on the read-only constant: a write would crash. */
  roast_rt_retain(&RO_HELLO->header);
  roast_rt_release(&RO_HELLO->header);
  roast_rt_release(&RO_HELLO->header);
  CHECK(roast_rt_str_len(RO_HELLO) == 5, "len of read-only constant");
  expect_str(roast_rt_str_concat(RO_HELLO, RO_HELLO), (TStr)S("h\xc3\xa9lloh\xc3\xa9llo"),
             "constant + constant");
  expect_str(roast_rt_str_getitem(RO_HELLO, 1, "t.py", 1, "f"), (TStr)S("\xc3\xa9"),
             "constant[1]");
  expect_str(roast_rt_str_slice(RO_HELLO, 0, 0, 0, 0, "t.py", 1, "f"), (TStr)S("h\xc3\xa9llo"),
             "constant[:]");
  expect_str(roast_rt_str_repeat(RO_HELLO, 1, "t.py", 1, "f"), (TStr)S("h\xc3\xa9llo"),
             "constant * 1");
  expect_str(roast_rt_str_upper(RO_HELLO), (TStr)S("H\xc3\xa9LLO"), "constant.upper()");
  expect_str(roast_rt_str_strip(RO_HELLO), (TStr)S("h\xc3\xa9llo"), "constant.strip()");
  expect_str(roast_rt_str_replace(RO_HELLO, RO_HELLO, RO_HELLO), (TStr)S("h\xc3\xa9llo"),
             "constant.replace(constant, constant)");
  CHECK(RO_HELLO->header.refcount == ROAST_REFCOUNT_IMMORTAL && RO_HELLO->header.flags == 0,
        "read-only constant changed");

  /* Results that are the argument itself come back retained. */
  RoastStr *t = roast_rt_str_new("xyz", 3);
  RoastStr *same = roast_rt_str_slice(t, 0, 0, 0, 0, "t.py", 1, "f");
  CHECK(same == t && t->header.refcount == 2, "t[:] should share t (refcount %" PRId64 ")",
        t->header.refcount);
  roast_rt_release(&same->header);
  CHECK(t->header.refcount == 1, "after releasing t[:]: refcount %" PRId64, t->header.refcount);
  roast_rt_release(&t->header);
}

/* roast_rt_str_append: in place only for the sole reference; a shared str
 * (`a = s; s += "x"`) and an immortal one are left as they were. */
static void test_append(void) {
  /* Sole reference: grows in place (within its allocator block here), and
   * forgets its cached hash and ASCII flag. */
  RoastStr *s = roast_rt_str_new("abc", 3);
  int64_t old_hash = roast_rt_str_hash(s);
  RoastStr *d = roast_rt_str_new("d", 1), *empty = roast_rt_str_new(NULL, 0);
  RoastStr *grown = roast_rt_str_append(s, d);
  CHECK(grown == s && grown->header.refcount == 1, "append to a sole reference should be in place");
  CHECK(roast_rt_str_hash(grown) != old_hash, "append kept the old hash");
  RoastStr *accent = roast_rt_str_new("\xc3\xa9", 2);
  grown = roast_rt_str_append(grown, accent);
  CHECK(grown->header.flags & ROAST_STR_NON_ASCII, "append kept the ASCII flag");
  /* Past the block: it moves, as realloc does, with its contents. */
  for (int i = 0; i < 300; ++i)
    grown = roast_rt_str_append(grown, accent);
  CHECK(grown->length == 6 + 300 * 2 && grown->header.refcount == 1, "long append: length %" PRId64,
        grown->length);
  CHECK(memcmp(grown->data, "abcd\xc3\xa9\xc3\xa9", 8) == 0 && grown->data[grown->length] == '\0',
        "long append: contents");
  roast_rt_release(&grown->header);

  /* Shared: a new str; the other holder still sees the old text. */
  RoastStr *t = roast_rt_str_new("xyz", 3);
  roast_rt_retain(&t->header); /* a = s */
  RoastStr *u = roast_rt_str_append(t, accent);
  CHECK(u != t && t->header.refcount == 1, "append to a shared str changed it");
  expect_str(t, (TStr)S("xyz"), "shared str after append");
  expect_str(u, (TStr)S("xyz\xc3\xa9"), "append to a shared str");

  /* s += s, immortal operands, and empty ones. */
  RoastStr *w = roast_rt_str_new("ab", 2);
  roast_rt_retain(&w->header); /* the right operand's own reference */
  RoastStr *ww = roast_rt_str_append(w, w);
  expect_str(ww, (TStr)S("abab"), "s += s");
  expect_str(w, (TStr)S("ab"), "s after s += s");
  expect_str(roast_rt_str_append(RO_HELLO, RO_HELLO), (TStr)S("h\xc3\xa9lloh\xc3\xa9llo"),
             "constant += constant");
  CHECK(RO_HELLO->header.refcount == ROAST_REFCOUNT_IMMORTAL && RO_HELLO->header.flags == 0,
        "read-only constant changed");
  RoastStr *v = roast_rt_str_new("v", 1);
  CHECK(roast_rt_str_append(v, empty) == v, "s += '' should be s itself");
  roast_rt_release(&v->header);
  expect_str(roast_rt_str_append(empty, accent), (TStr)S("\xc3\xa9"), "'' += s"); /* takes empty */
  roast_rt_release(&accent->header);
  roast_rt_release(&d->header);
}

static int compare_hashes(const void *a, const void *b) {
  int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
  return (x > y) - (x < y);
}

static void test_hash(void) {
  /* Equal content hashes equal whatever the object's form. */
  for (size_t i = 0; i < COUNT(unary_cases); ++i) {
    int64_t h[NUM_VARIANTS];
    for (int v = 0; v < NUM_VARIANTS; ++v) {
      Input in = make_input(unary_cases[i].s, (enum Variant)v);
      h[v] = roast_rt_str_hash(in.str);
      free_input(&in);
    }
    CHECK(h[0] == h[1] && h[1] == h[2] && h[0] != -1, "hash of unary_cases[%zu] differs by form",
          i);
  }
  /* No collisions among 20000 short similar strings (a weak hash, or one
   * that ignores the tail or the length, fails this). */
  enum { N = 20000 };
  int64_t *hashes = malloc(N * sizeof *hashes);
  for (int i = 0; i < N; ++i) {
    char text[32];
    int n = i < N / 2 ? snprintf(text, sizeof text, "%d", i)
                      : snprintf(text, sizeof text, "key_%d%c", i, '\0') + 1; /* trailing NUL */
    RoastStr *s = roast_rt_str_new(text, n);
    hashes[i] = roast_rt_str_hash(s);
    CHECK(hashes[i] != -1, "hash is -1");
    roast_rt_release(&s->header);
  }
  qsort(hashes, N, sizeof *hashes, compare_hashes);
  int collisions = 0;
  for (int i = 1; i < N; ++i)
    collisions += hashes[i] == hashes[i - 1];
  CHECK(collisions == 0, "%d hash collisions among %d strings", collisions, N);
  free(hashes);
}

/* ---- Errors and printing, in child processes ------------------------------ */

/* The children below exit by raising while their strs are still alive, as
 * a program does at an uncaught error; holding them in a global keeps
 * LeakSanitizer from reporting them. */
static RoastStr *live_in_child[2];

static void run_error_case(const void *arg) {
  const ErrorCase *c = arg;
  RoastStr *s = live_in_child[0] = c->s.p ? roast_rt_str_new(c->s.p, c->s.n) : NULL;
  switch (c->op) {
  case E_GETITEM: roast_rt_str_getitem(s, c->arg, "p.py", 1, "f"); break;
  case E_SLICE_STEP_0:
    roast_rt_str_slice(s, 0, 0, 0, ROAST_SLICE_STEP, "p.py", 1, "f");
    break;
  case E_REPEAT: roast_rt_str_repeat(s, c->arg, "p.py", 1, "f"); break;
  case E_TO_INT: roast_rt_str_to_int(s, "p.py", 1, "f"); break;
  case E_TO_FLOAT: roast_rt_str_to_float(s, "p.py", 1, "f"); break;
  case E_ORD: roast_rt_str_ord(s, "p.py", 1, "f"); break;
  case E_CHR: roast_rt_str_chr(c->arg, "p.py", 1, "f"); break;
  }
}

#define TB "Traceback (most recent call last):\n"
#define AT "  File \"p.py\", line 1, in f\n"

static void memory_error(const void *arg) {
  (void)arg;
  RoastStr *a = live_in_child[0] = roast_rt_str_new("a", 1);
  roast_rt_str_repeat(a, INT64_C(1) << 62, "p.py", 1, "f"); /* 4 EiB */
}

/* A str header claiming 2^62 bytes it does not have: replace must detect
 * the overflowing result size before it touches new's bytes. */
static const struct {
  RoastObject header;
  int64_t length;
  char data[2];
} huge_claim = {{ROAST_REFCOUNT_IMMORTAL, ROAST_TYPE_STR, ROAST_STR_ASCII}, INT64_C(1) << 62, "x"};

static void replace_too_long(const void *arg) {
  (void)arg;
  RoastStr *s = live_in_child[0] = roast_rt_str_new("aaa", 3);
  RoastStr *old = live_in_child[1] = roast_rt_str_new("a", 1);
  roast_rt_str_replace(s, old, (const RoastStr *)(uintptr_t)&huge_claim);
}

static void write_to_constant(const void *arg) {
  (void)arg;
  *(volatile int64_t *)(uintptr_t)&ro_hello.header.refcount = 1; /* must fault */
}

static void print_heap_strs(const void *arg) {
  (void)arg;
  RoastStr *a = roast_rt_str_new("h\0llo \xe6\x97\xa5", 9);
  RoastStr *b = roast_rt_str_concat(a, RO_HELLO);
  roast_rt_print_str(b);
  roast_rt_print_cstr(" ");
  roast_rt_print_str_repr(b);
  roast_rt_print_cstr(" ");
  roast_rt_print_str_repr(RO_HELLO);
  roast_rt_print_cstr("\n");
  roast_rt_release(&a->header);
  roast_rt_release(&b->header);
}

static void test_str_errors(void) {
  char expected[1024], what[64];
  for (size_t i = 0; i < COUNT(error_cases); ++i) {
    snprintf(expected, sizeof expected, TB AT "%s\n", error_cases[i].expected);
    snprintf(what, sizeof what, "error_cases[%zu]", i);
    expect_child_stderr(run_error_case, &error_cases[i], expected, what);
  }
  /* Fatal, without a traceback: CPython's is an exception, with a location. */
  expect_child_stderr(memory_error, NULL, FATAL_MEMORY_ERROR, "MemoryError");
  expect_child_stderr(replace_too_long, NULL, TB "OverflowError: replace string is too long\n",
                      "replace too long");

  ChildResult r = run_in_child(write_to_constant, NULL);
  CHECK(r.status != 0, "writing to the static const str did not fault: the read-only tests "
                       "prove nothing");
  free(r.out);
  free(r.err);

  r = run_in_child(print_heap_strs, NULL);
  /* print(s), repr(s) and repr of the constant, as CPython prints them. */
  static const char out[] = "h\0llo \xe6\x97\xa5h\xc3\xa9llo 'h\\x00llo \xe6\x97\xa5h\xc3\xa9llo' "
                            "'h\xc3\xa9llo'\n";
  CHECK(r.status == 0 && r.out_size == sizeof out - 1 && memcmp(r.out, out, sizeof out - 1) == 0,
        "print heap strs: status %d, got '%s'", r.status, r.out);
  free(r.out);
  free(r.err);
}

void test_str(void) {
  test_refcounting();
  test_unary();
  test_getitem();
  test_slice();
  test_pairs();
  test_conversions();
  test_long_utf8();
  test_hash();
  test_append();
  test_str_errors();
}
