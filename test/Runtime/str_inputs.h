/* str_inputs.h - str arguments in the three forms the runtime meets, and
 * checks of str results, shared by the str and format tests. */
#ifndef ROAST_TEST_RUNTIME_STR_INPUTS_H
#define ROAST_TEST_RUNTIME_STR_INPUTS_H

#include "runtime_tests.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

typedef struct TStr {
  const char *p; /* NULL for "no result" (an error) */
  int64_t n;
} TStr;
#define S(lit) {lit, (int64_t)sizeof(lit) - 1}
#define NONE {NULL, -1}


/* ---- Inputs in three forms ------------------------------------------------ */

/* Every operation is run on inputs made three ways: as the runtime makes
 * them (flags known), as a mortal str with flags 0, and as a compiler-style
 * constant (immortal, flags 0) in a page made read-only, so that any write
 * to an immortal object crashes the test. */
enum Variant { FRESH, UNKNOWN_FLAGS, READ_ONLY, NUM_VARIANTS };
static const char *const variant_names[] = {"fresh", "flags 0", "read-only immortal"};

typedef struct Input {
  RoastStr *str;
  enum Variant variant;
  size_t map_size; /* READ_ONLY: size of the mapping */
} Input;

static Input make_input(TStr t, enum Variant variant) {
  Input in = {NULL, variant, 0};
  if (variant != READ_ONLY) {
    in.str = roast_rt_str_new(t.p, t.n);
    if (variant == UNKNOWN_FLAGS)
      in.str->header.flags = 0;
    return in;
  }
  size_t page = (size_t)sysconf(_SC_PAGESIZE);
  in.map_size = (sizeof(RoastStr) + (size_t)t.n + 1 + page - 1) / page * page;
  void *map = mmap(NULL, in.map_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (map == MAP_FAILED) {
    perror("mmap");
    exit(2);
  }
  in.str = map;
  in.str->header.refcount = ROAST_REFCOUNT_IMMORTAL;
  in.str->header.type_id = ROAST_TYPE_STR;
  in.str->header.flags = 0;
  in.str->length = t.n;
  memcpy(in.str->data, t.p, (size_t)t.n);
  in.str->data[t.n] = '\0';
  mprotect(map, in.map_size, PROT_READ);
  return in;
}

/* Every operation must leave its (borrowed) arguments' counts as they were. */
static void check_balanced(const Input *in, const char *what) {
  int64_t expected = in->variant == READ_ONLY ? ROAST_REFCOUNT_IMMORTAL : 1;
  CHECK(in->str->header.refcount == expected, "%s: argument refcount %" PRId64 ", expected %" PRId64,
        what, in->str->header.refcount, expected);
}

static void free_input(Input *in) {
  if (in->variant == READ_ONLY)
    munmap(in->str, in->map_size);
  else
    roast_rt_release(&in->str->header); /* refcount 1 -> freed */
  in->str = NULL;
}

static bool bytes_ascii(const char *p, int64_t n) {
  for (int64_t i = 0; i < n; ++i)
    if ((unsigned char)p[i] >= 0x80)
      return false;
  return true;
}

/* Check a returned str against the expected text, then release it (every
 * result is a new reference the test owns). */
static void expect_str(RoastStr *got, TStr want, const char *what) {
  CHECK(got != NULL, "%s: NULL result", what);
  if (!got)
    return;
  CHECK(got->header.type_id == ROAST_TYPE_STR, "%s: type_id %u", what, got->header.type_id);
  CHECK(got->header.refcount >= 1, "%s: refcount %" PRId64, what, got->header.refcount);
  bool same = got->length == want.n && memcmp(got->data, want.p, (size_t)want.n) == 0;
  CHECK(same, "%s: expected %" PRId64 " bytes '%.*s', got %" PRId64 " bytes '%.*s'", what, want.n,
        (int)want.n, want.p, got->length, (int)got->length, got->data);
  CHECK(got->data[got->length] == '\0', "%s: not NUL-terminated", what);
  /* A str the runtime made has its ASCII flag right; flags 0 is only
   * possible when the result is a (shared) argument.  (Other bits cache
   * the hash.) */
  uint32_t flags = got->header.flags & (ROAST_STR_ASCII | ROAST_STR_NON_ASCII);
  bool ascii = bytes_ascii(got->data, got->length);
  if (flags != 0)
    CHECK(flags == (ascii ? (uint32_t)ROAST_STR_ASCII : (uint32_t)ROAST_STR_NON_ASCII),
          "%s: flags %u for %s text", what, flags, ascii ? "ASCII" : "non-ASCII");
  else
    CHECK(got->header.refcount != 1, "%s: a fresh result with flags 0", what);
  roast_rt_release(&got->header);
}

#endif /* ROAST_TEST_RUNTIME_STR_INPUTS_H */
