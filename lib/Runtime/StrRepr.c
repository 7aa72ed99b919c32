/* StrRepr.c - repr(str) as CPython 3.12 writes it: as a str, and printed (tuples, containers). */
#include "StrInternal.h"

#include <string.h>

/* The assigned code points CPython 3.12 (Unicode 15.0) does not call
 * printable and so escapes in a repr: categories Cc, Cf, Cs, Co, Zl, Zp
 * and Zs other than ' '.  Unassigned code points (Cn), which CPython also
 * escapes, are printed as they are: that table would be 700 ranges long.
 * Generated with
 *   [c for c in range(0x110000) if not chr(c).isprintable()
 *    and unicodedata.category(chr(c)) != 'Cn'], as ranges. */
static const uint32_t non_printable[][2] = {
    {0x0, 0x1f},         {0x7f, 0xa0},         {0xad, 0xad},       {0x600, 0x605},
    {0x61c, 0x61c},      {0x6dd, 0x6dd},       {0x70f, 0x70f},     {0x890, 0x891},
    {0x8e2, 0x8e2},      {0x1680, 0x1680},     {0x180e, 0x180e},   {0x2000, 0x200f},
    {0x2028, 0x202f},    {0x205f, 0x2064},     {0x2066, 0x206f},   {0x3000, 0x3000},
    {0xd800, 0xf8ff},    {0xfeff, 0xfeff},     {0xfff9, 0xfffb},   {0x110bd, 0x110bd},
    {0x110cd, 0x110cd},  {0x13430, 0x1343f},   {0x1bca0, 0x1bca3}, {0x1d173, 0x1d17a},
    {0xe0001, 0xe0001},  {0xe0020, 0xe007f},   {0xf0000, 0xffffd}, {0x100000, 0x10fffd},
};

static bool is_printable(uint32_t cp) {
  if (cp >= 0x20 && cp < 0x7f)
    return true;
  size_t lo = 0, hi = sizeof non_printable / sizeof non_printable[0];
  while (lo < hi) { /* binary search for the range that could hold cp */
    size_t mid = lo + (hi - lo) / 2;
    if (cp > non_printable[mid][1])
      lo = mid + 1;
    else if (cp < non_printable[mid][0])
      hi = mid;
    else
      return false;
  }
  return true;
}

/* CPython quotes with ' unless the text has ' but no ". */
static char choose_quote(const RoastStr *s) {
  bool has_single = memchr(s->data, '\'', (size_t)s->length) != NULL;
  bool has_double = memchr(s->data, '"', (size_t)s->length) != NULL;
  return has_single && !has_double ? '"' : '\'';
}

/* Writes repr(s) to out and returns its length in bytes; with out == NULL
 * only measures.  One routine for both passes, so the size computed for
 * the allocation cannot disagree with what is written. */
static size_t write_repr(const RoastStr *s, char quote, char *out) {
  static const char hex[] = "0123456789abcdef";
  const char *data = s->data;
  size_t n = (size_t)s->length, size = 0;
  char buf[10];
#define EMIT(ptr, len)                                                                             \
  do {                                                                                             \
    if (out)                                                                                       \
      memcpy(out + size, (ptr), (len));                                                            \
    size += (len);                                                                                 \
  } while (0)
  EMIT(&quote, 1);
  for (size_t i = 0; i < n;) {
    size_t start = i;
    uint32_t cp = roast_rt_utf8_decode(data, n, &i);
    const char *escape = NULL;
    switch (cp) {
    case '\\': escape = "\\\\"; break;
    case '\n': escape = "\\n"; break;
    case '\r': escape = "\\r"; break;
    case '\t': escape = "\\t"; break;
    default: break;
    }
    if (escape) {
      EMIT(escape, 2);
    } else if (cp == (uint32_t)quote) {
      buf[0] = '\\';
      buf[1] = quote;
      EMIT(buf, 2);
    } else if (!is_printable(cp)) {
      size_t digits = cp <= 0xff ? 2 : cp <= 0xffff ? 4 : 8;
      buf[0] = '\\';
      buf[1] = digits == 2 ? 'x' : digits == 4 ? 'u' : 'U';
      for (size_t k = 0; k < digits; ++k)
        buf[2 + k] = hex[(cp >> (4 * (digits - 1 - k))) & 0xf];
      EMIT(buf, 2 + digits);
    } else {
      EMIT(data + start, i - start); /* printable: the original bytes */
    }
  }
  EMIT(&quote, 1);
#undef EMIT
  return size;
}

size_t roast_rt_str_write_repr(const RoastStr *s, char *out) {
  return write_repr(s, choose_quote(s), out);
}

RoastStr *roast_rt_str_repr(const RoastStr *s) {
  size_t size = roast_rt_str_write_repr(s, NULL);
  RoastStr *r = roast_rt_str_alloc((int64_t)size);
  roast_rt_str_write_repr(s, r->data);
  /* Escapes are ASCII, so an ASCII s has an ASCII repr; a non-ASCII one
   * may not (U+0085 becomes \x85), so scan. */
  if (roast_rt_str_is_ascii(s))
    return roast_rt_str_seal_as(r, true);
  return roast_rt_str_seal(r);
}

void roast_rt_print_str_repr(const RoastStr *s) {
  RoastStr *r = roast_rt_str_repr(s);
  roast_rt_print_str(r);
  roast_rt_release(&r->header);
}
