/* Str.c - str objects: creation, shared constants, +, *, comparison, len and hash. */
#include "StrInternal.h"

#include <stdint.h>
#include <string.h>

/* "" and the 128 one-character ASCII strs are immortal constants, as in
 * CPython: indexing an ASCII str then never allocates. */
typedef struct SmallStr {
  RoastObject header;
  int64_t length;
  char data[2];
} SmallStr;

#define SMALL_HEADER {ROAST_REFCOUNT_IMMORTAL, ROAST_TYPE_STR, ROAST_STR_ASCII}
#define CHAR1(c) {SMALL_HEADER, 1, {(char)(c), 0}}
#define CHAR4(c) CHAR1(c), CHAR1((c) + 1), CHAR1((c) + 2), CHAR1((c) + 3)
#define CHAR16(c) CHAR4(c), CHAR4((c) + 4), CHAR4((c) + 8), CHAR4((c) + 12)
#define CHAR64(c) CHAR16(c), CHAR16((c) + 16), CHAR16((c) + 32), CHAR16((c) + 48)

static const SmallStr ascii_chars[128] = {CHAR64(0), CHAR64(64)};
static const SmallStr empty_str = {SMALL_HEADER, 0, {0, 0}};

RoastStr *roast_rt_str_empty(void) { return roast_rt_str_unconst(&empty_str); }

RoastStr *roast_rt_str_ascii_char(char c) {
  return roast_rt_str_unconst(&ascii_chars[(unsigned char)c & 0x7f]);
}

RoastStr *roast_rt_str_alloc(int64_t length) {
  /* Only reachable with absurd lengths (callers check int64 overflow), but
   * the size_t sum below must not wrap on a 32-bit size_t. */
  if ((uint64_t)length > SIZE_MAX - sizeof(RoastStr) - 1)
    roast_rt_fatal(ROAST_ERR_MEMORY, "out of memory");
  RoastStr *s = roast_rt_object_alloc(roast_rt_str_size(length));
  s->header.refcount = 1;
  s->header.type_id = ROAST_TYPE_STR;
  s->header.flags = 0;
  s->length = length;
  s->data[length] = '\0';
  return s;
}

RoastStr *roast_rt_str_seal(RoastStr *s) {
  return roast_rt_str_seal_as(s, roast_rt_utf8_is_ascii(s->data, (size_t)s->length));
}

RoastStr *roast_rt_str_from_bytes(const char *data, int64_t length, bool ascii) {
  if (length == 0)
    return roast_rt_str_empty();
  if (length == 1 && ascii)
    return roast_rt_str_ascii_char(data[0]);
  RoastStr *s = roast_rt_str_alloc(length);
  memcpy(s->data, data, (size_t)length);
  return roast_rt_str_seal_as(s, ascii);
}

RoastStr *roast_rt_str_share(const RoastStr *s) {
  RoastStr *shared = roast_rt_str_unconst(s);
  roast_rt_retain(&shared->header); /* writes only if s is mortal */
  return shared;
}

/* Always a fresh object, never a shared constant: its documented refcount
 * is exactly 1. */
RoastStr *roast_rt_str_new(const char *data, int64_t length) {
  RoastStr *s = roast_rt_str_alloc(length);
  if (length > 0)
    memcpy(s->data, data, (size_t)length);
  return roast_rt_str_seal(s);
}

RoastStr *roast_rt_str_concat(const RoastStr *a, const RoastStr *b) {
  if (b->length == 0)
    return roast_rt_str_share(a);
  if (a->length == 0)
    return roast_rt_str_share(b);
  /* Two existing objects cannot together exceed int64. */
  RoastStr *s = roast_rt_str_alloc(a->length + b->length);
  memcpy(s->data, a->data, (size_t)a->length);
  memcpy(s->data + a->length, b->data, (size_t)b->length);
  return roast_rt_str_seal_as(s, roast_rt_str_is_ascii(a) && roast_rt_str_is_ascii(b));
}

RoastStr *roast_rt_str_append(RoastStr *a, const RoastStr *b) {
  if (b->length == 0)
    return a; /* the caller's reference passes through */
  /* Shared (or immortal: its count is never 1), empty, or appended to
   * itself: a new str, as a + b. */
  if (a->header.refcount != 1 || a->length == 0 || a == b) {
    RoastStr *s = roast_rt_str_concat(a, b);
    roast_rt_release(&a->header);
    return s;
  }
  /* Nobody else can see a: grow it (often within its allocator block).
   * Two existing objects cannot together exceed int64. */
  bool ascii = roast_rt_str_is_ascii(a) && roast_rt_str_is_ascii(b);
  int64_t old = a->length, length = old + b->length;
  a = roast_rt_object_resize(a, roast_rt_str_size(old), roast_rt_str_size(length));
  memcpy(a->data + old, b->data, (size_t)b->length);
  a->length = length;
  a->data[length] = '\0';
  return roast_rt_str_seal_as(a, ascii); /* also forgets the old hash */
}

RoastStr *roast_rt_str_repeat(const RoastStr *s, int64_t n, const char *file, int32_t line,
                              const char *fn) {
  if (n <= 0 || s->length == 0)
    return roast_rt_str_empty();
  if (n == 1)
    return roast_rt_str_share(s);
  /* CPython checks in code points (and its storage width); Roast in bytes,
   * the unit of its storage. */
  if (s->length > INT64_MAX / n) {
    roast_rt_raise(ROAST_ERR_OVERFLOW, "repeated string is too long", file, line, fn);
    return NULL;
  }
  int64_t total = s->length * n;
  RoastStr *r = roast_rt_str_alloc(total);
  if (s->length == 1) {
    memset(r->data, s->data[0], (size_t)total);
  } else {
    /* Copy once, then keep doubling what is already there: O(log n) memcpys. */
    memcpy(r->data, s->data, (size_t)s->length);
    int64_t done = s->length;
    while (done < total) {
      int64_t chunk = done <= total - done ? done : total - done;
      memcpy(r->data + done, r->data, (size_t)chunk);
      done += chunk;
    }
  }
  return roast_rt_str_seal_as(r, roast_rt_str_is_ascii(s));
}

/* UTF-8 was designed so that byte order is code point order, which is
 * Python's str order; a proper prefix sorts first. */
int64_t roast_rt_str_compare(const RoastStr *a, const RoastStr *b) {
  int64_t common = a->length < b->length ? a->length : b->length;
  int c = common > 0 ? memcmp(a->data, b->data, (size_t)common) : 0;
  if (c == 0)
    return (a->length > b->length) - (a->length < b->length);
  return c < 0 ? -1 : 1;
}

bool roast_rt_str_eq(const RoastStr *a, const RoastStr *b) {
  if (a == b)
    return true;
  if (a->length != b->length)
    return false;
  return roast_rt_bytes_equal(a->data, b->data, (size_t)a->length);
}

int64_t roast_rt_str_len(const RoastStr *s) {
  if (roast_rt_str_is_ascii(s))
    return s->length;
  return roast_rt_utf8_count(s->data, (size_t)s->length);
}

/* Fold a 64x64-bit product to 64 bits: every input bit affects the middle
 * output bits, which the xor of both halves spreads everywhere. */
static uint64_t fold_multiply(uint64_t a, uint64_t b) {
  __extension__ typedef unsigned __int128 u128;
  u128 product = (u128)a * b;
  return (uint64_t)product ^ (uint64_t)(product >> 64);
}

/* The 1 to 7 bytes at p as one word, without a variable-length memcpy
 * (a libc call, most of the cost of hashing a short word): two overlapping
 * 4-byte reads, or the first, middle and last byte (wyhash's _wyr3).  Either
 * way every byte takes part, and the length, hashed first, tells apart the
 * strings whose reads would coincide. */
static uint64_t read_tail(const char *p, size_t k) {
  if (k >= 4) {
    uint32_t lo, hi;
    memcpy(&lo, p, 4);
    memcpy(&hi, p + k - 4, 4);
    return (uint64_t)hi << 32 | lo;
  }
  return (uint64_t)(unsigned char)p[0] << 16 | (uint64_t)(unsigned char)p[k >> 1] << 8 |
         (unsigned char)p[k - 1];
}

/* A multiply-fold hash in the style of wyhash, eight bytes per step.  Not
 * seeded: Roast programs are meant to be reproducible, and nothing (yet)
 * depends on hash randomization.  The length goes in first, so zero-padding
 * the tail cannot make two different strings collide trivially. */
int64_t roast_rt_str_hash(const RoastStr *s) {
  if (s->header.flags & ROAST_STR_HASHED)
    return (int64_t)(s->header.flags >> ROAST_STR_HASH_SHIFT);
  static const uint64_t k0 = UINT64_C(0xa0761d6478bd642f), k1 = UINT64_C(0xe7037ed1a0b428db),
                        k2 = UINT64_C(0x8ebc6af09c88c6e3);
  const char *p = s->data;
  size_t n = (size_t)s->length;
  uint64_t h = fold_multiply((uint64_t)n ^ k0, k1);
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    memcpy(&w, p + i, sizeof w);
    h = fold_multiply(h ^ w, k1);
  }
  if (i < n)
    h = fold_multiply(h ^ read_tail(p + i, n - i), k2);
  h = fold_multiply(h ^ (h >> 29), k0);
  /* The top 29 bits, which fit the flags beside the ASCII bits; dict and
   * set tables index with the low bits of this, so 29 bits suffice. */
  uint32_t hash = (uint32_t)(h >> 35);
  if (s->header.refcount < ROAST_REFCOUNT_IMMORTAL)
    roast_rt_str_unconst(s)->header.flags |= ROAST_STR_HASHED | hash << ROAST_STR_HASH_SHIFT;
  return (int64_t)hash;
}
