/* StrSearch.c - substring search: in, find, count, startswith, endswith and replace. */
/* memmem is a GNU/BSD extension (glibc, musl and the BSDs all have it).
 * (LLVM's CMake flags already pass -D_GNU_SOURCE; do not redefine it.) */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#include "StrInternal.h"

#include <string.h>

/* Byte offset of the first occurrence of needle in s at or after byte from,
 * or -1.  Matching bytes is matching code points: a valid UTF-8 needle can
 * only match at a code point boundary of a valid UTF-8 haystack. */
static int64_t search(const RoastStr *s, int64_t from, const RoastStr *needle) {
  const char *hit = memmem(s->data + from, (size_t)(s->length - from), needle->data,
                           (size_t)needle->length);
  return hit ? hit - s->data : -1;
}

bool roast_rt_str_contains(const RoastStr *haystack, const RoastStr *needle) {
  return needle->length == 0 || search(haystack, 0, needle) >= 0;
}

bool roast_rt_str_startswith(const RoastStr *s, const RoastStr *prefix) {
  return prefix->length <= s->length &&
         memcmp(s->data, prefix->data, (size_t)prefix->length) == 0;
}

bool roast_rt_str_endswith(const RoastStr *s, const RoastStr *suffix) {
  return suffix->length <= s->length &&
         memcmp(s->data + s->length - suffix->length, suffix->data, (size_t)suffix->length) == 0;
}

int64_t roast_rt_str_find(const RoastStr *s, const RoastStr *sub) {
  if (sub->length == 0)
    return 0;
  int64_t at = search(s, 0, sub);
  if (at <= 0 || roast_rt_str_is_ascii(s))
    return at;
  return roast_rt_utf8_count(s->data, (size_t)at); /* bytes before the match -> code points */
}

/* Non-overlapping occurrences of a non-empty sub. */
static int64_t count_occurrences(const RoastStr *s, const RoastStr *sub) {
  int64_t count = 0;
  for (int64_t at = 0; (at = search(s, at, sub)) >= 0; at += sub->length)
    ++count;
  return count;
}

int64_t roast_rt_str_count(const RoastStr *s, const RoastStr *sub) {
  if (sub->length == 0) /* "" occurs before every code point and at the end */
    return roast_rt_str_len(s) + 1;
  return count_occurrences(s, sub);
}

/* Raise OverflowError; returns the NULL result for the caller to return. */
static RoastStr *raise_too_long(void) {
  roast_rt_raise(ROAST_ERR_OVERFLOW, "replace string is too long", NULL, 0, NULL);
  return NULL;
}

/* s.replace("", new): new before every code point and at the end. */
static RoastStr *insert_everywhere(const RoastStr *s, const RoastStr *new_sub) {
  int64_t slots = roast_rt_str_len(s) + 1, total;
  if (__builtin_mul_overflow(slots, new_sub->length, &total) ||
      __builtin_add_overflow(total, s->length, &total))
    return raise_too_long();
  RoastStr *r = roast_rt_str_alloc(total);
  char *out = r->data;
  size_t n = (size_t)s->length;
  for (size_t i = 0;;) {
    memcpy(out, new_sub->data, (size_t)new_sub->length);
    out += new_sub->length;
    if (i == n)
      break;
    size_t next = roast_rt_utf8_next(s->data, n, i);
    memcpy(out, s->data + i, next - i);
    out += next - i;
    i = next;
  }
  return roast_rt_str_seal_as(r, roast_rt_str_is_ascii(s) && roast_rt_str_is_ascii(new_sub));
}

RoastStr *roast_rt_str_replace(const RoastStr *s, const RoastStr *old_sub,
                               const RoastStr *new_sub) {
  if (old_sub->length == 0) {
    if (new_sub->length == 0)
      return roast_rt_str_share(s);
    return insert_everywhere(s, new_sub);
  }
  int64_t count = count_occurrences(s, old_sub);
  if (count == 0)
    return roast_rt_str_share(s); /* CPython also returns s itself */
  int64_t total;
  if (__builtin_mul_overflow(count, new_sub->length - old_sub->length, &total) ||
      __builtin_add_overflow(total, s->length, &total))
    return raise_too_long();
  if (total == 0)
    return roast_rt_str_empty();
  RoastStr *r = roast_rt_str_alloc(total);
  char *out = r->data;
  int64_t from = 0;
  for (int64_t k = 0; k < count; ++k) {
    int64_t at = search(s, from, old_sub);
    memcpy(out, s->data + from, (size_t)(at - from));
    out += at - from;
    memcpy(out, new_sub->data, (size_t)new_sub->length);
    out += new_sub->length;
    from = at + old_sub->length;
  }
  memcpy(out, s->data + from, (size_t)(s->length - from));
  /* Replacing the only non-ASCII parts can leave an ASCII result, so scan
   * unless both inputs are known to be ASCII. */
  if (roast_rt_str_is_ascii(s) && roast_rt_str_is_ascii(new_sub))
    return roast_rt_str_seal_as(r, true);
  return roast_rt_str_seal(r);
}

/* s[start:end] as find() and count() see it: the slice's bounds in code
 * points, or false when start lies beyond it (nothing is found there). */
static bool search_range(const RoastStr *s, int64_t *start, int64_t *end, int32_t which) {
  int64_t n = roast_rt_str_len(s);
  int64_t lo = (which & ROAST_SLICE_START) ? *start : 0;
  int64_t hi = (which & ROAST_SLICE_STOP) ? *end : n;
  if (lo < 0 && (lo += n) < 0)
    lo = 0;
  if (hi < 0 && (hi += n) < 0)
    hi = 0;
  if (hi > n)
    hi = n;
  if (lo > n || lo > hi)
    return false;
  *start = lo;
  *end = hi;
  return true;
}

int64_t roast_rt_str_find_range(const RoastStr *s, const RoastStr *sub, int64_t start,
                                int64_t end, int32_t which) {
  if (!search_range(s, &start, &end, which))
    return -1;
  RoastStr *part = roast_rt_str_slice(s, start, end, 1,
                                      ROAST_SLICE_START | ROAST_SLICE_STOP | ROAST_SLICE_STEP,
                                      NULL, 0, NULL);
  int64_t at = roast_rt_str_find(part, sub);
  roast_rt_release(&part->header);
  return at < 0 ? -1 : at + start;
}

int64_t roast_rt_str_count_range(const RoastStr *s, const RoastStr *sub, int64_t start,
                                 int64_t end, int32_t which) {
  if (!search_range(s, &start, &end, which))
    return 0;
  RoastStr *part = roast_rt_str_slice(s, start, end, 1,
                                      ROAST_SLICE_START | ROAST_SLICE_STOP | ROAST_SLICE_STEP,
                                      NULL, 0, NULL);
  int64_t count = roast_rt_str_count(part, sub);
  roast_rt_release(&part->header);
  return count;
}
