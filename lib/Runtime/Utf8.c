/* Utf8.c - UTF-8 scanning for str: ASCII checks, code point counting and offsets, decode/encode. */
#include "StrInternal.h"

#include <string.h>

/* Strings are scanned eight bytes at a time; these masks pick out, in every
 * byte of a word, the high bit. */
#define HIGH_BITS UINT64_C(0x8080808080808080)

static uint64_t load_word(const char *p) {
  uint64_t w;
  memcpy(&w, p, sizeof w); /* unaligned-safe; compiles to one load */
  return w;
}

/* High bit set in each byte of w that is a continuation byte (10xxxxxx):
 * bit 7 set and bit 6 clear.  Shifting left by one moves every byte's bit 6
 * into its bit 7; the bit carried into the next byte is masked off. */
static uint64_t continuation_bits(uint64_t w) { return w & ~(w << 1) & HIGH_BITS; }

bool roast_rt_utf8_is_ascii(const char *data, size_t n) {
  size_t i = 0;
  uint64_t any = 0;
  for (; i + 8 <= n; i += 8)
    any |= load_word(data + i);
  for (; i < n; ++i)
    any |= (unsigned char)data[i];
  return (any & HIGH_BITS) == 0; /* the tail bytes land in the low byte's bit 7 */
}

/* A code point is counted at each byte that is not a continuation byte. */
int64_t roast_rt_utf8_count(const char *data, size_t n) {
  size_t continuations = 0, i = 0;
  for (; i + 8 <= n; i += 8)
    continuations += (size_t)__builtin_popcountll(continuation_bits(load_word(data + i)));
  for (; i < n; ++i)
    continuations += roast_rt_utf8_is_continuation(data[i]);
  return (int64_t)(n - continuations);
}

size_t roast_rt_utf8_offset(const char *data, size_t n, int64_t index) {
  size_t i = 0;
  int64_t remaining = index; /* code points still to skip */
  /* Skip whole words while the target lies beyond them. */
  for (; i + 8 <= n; i += 8) {
    int64_t starts = 8 - __builtin_popcountll(continuation_bits(load_word(data + i)));
    if (starts > remaining)
      break;
    remaining -= starts;
  }
  for (; i < n; ++i) {
    if (!roast_rt_utf8_is_continuation(data[i])) {
      if (remaining == 0)
        return i;
      --remaining;
    }
  }
  return n;
}

uint32_t roast_rt_utf8_decode(const char *data, size_t n, size_t *i) {
  const unsigned char *s = (const unsigned char *)data;
  unsigned char c = s[*i];
  size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  if (*i + len > n)
    len = 1;
  uint32_t cp = len == 1 ? c : c & (0x7fu >> len);
  for (size_t k = 1; k < len; ++k)
    cp = (cp << 6) | (s[*i + k] & 0x3f);
  *i += len;
  return cp;
}

size_t roast_rt_utf8_encode(uint32_t cp, char *out) {
  if (cp < 0x80) {
    out[0] = (char)cp;
    return 1;
  }
  if (cp < 0x800) {
    out[0] = (char)(0xc0 | (cp >> 6));
    out[1] = (char)(0x80 | (cp & 0x3f));
    return 2;
  }
  if (cp < 0x10000) { /* surrogates too: chr(0xd800) is a valid Python str */
    out[0] = (char)(0xe0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
    out[2] = (char)(0x80 | (cp & 0x3f));
    return 3;
  }
  out[0] = (char)(0xf0 | (cp >> 18));
  out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
  out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
  out[3] = (char)(0x80 | (cp & 0x3f));
  return 4;
}

/* The complete list of code points CPython 3.12's str.isspace() accepts
 * (Unicode White_Space plus the ASCII separators 0x1c..0x1f). */
bool roast_rt_unicode_isspace(uint32_t cp) {
  if (cp < 0x80)
    return (cp >= 0x09 && cp <= 0x0d) || (cp >= 0x1c && cp <= 0x20);
  switch (cp) {
  case 0x85: case 0xa0: case 0x1680: case 0x2028: case 0x2029: case 0x202f: case 0x205f:
  case 0x3000:
    return true;
  default:
    return cp >= 0x2000 && cp <= 0x200a;
  }
}
