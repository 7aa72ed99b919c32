/* StrDecode.c - bytes from the OS to str, as CPython decodes its standard streams. */
#include "StrInternal.h"

#include <string.h>

/* The length of the valid UTF-8 sequence at p (CPython's strict rules: no
 * overlong forms, no encoded surrogates, nothing above U+10FFFF), or 0. */
static size_t valid_sequence(const unsigned char *p, size_t n) {
  unsigned char b = p[0];
  if (b < 0x80)
    return 1;
  size_t length;
  unsigned char low = 0x80, high = 0xBF; /* the second byte's range */
  if (b >= 0xC2 && b <= 0xDF) {
    length = 2;
  } else if (b >= 0xE0 && b <= 0xEF) {
    length = 3;
    if (b == 0xE0)
      low = 0xA0;
    else if (b == 0xED)
      high = 0x9F;
  } else if (b >= 0xF0 && b <= 0xF4) {
    length = 4;
    if (b == 0xF0)
      low = 0x90;
    else if (b == 0xF4)
      high = 0x8F;
  } else {
    return 0;
  }
  if (n < length || p[1] < low || p[1] > high)
    return 0;
  for (size_t i = 2; i < length; ++i)
    if ((p[i] & 0xC0) != 0x80)
      return 0;
  return length;
}

RoastStr *roast_rt_str_from_os_bytes(const char *data, size_t n) {
  /* CPython reads stdin as UTF-8 with surrogateescape (UTF-8 mode, or a
   * UTF-8 locale): a byte outside any valid sequence becomes the lone
   * surrogate U+DC00 + byte, three bytes here, as chr(0xDC80) would be. */
  const unsigned char *bytes = (const unsigned char *)data;
  size_t escaped = 0;
  for (size_t i = 0; i < n;) {
    size_t length = valid_sequence(bytes + i, n - i);
    escaped += length == 0;
    i += length ? length : 1;
  }
  if (escaped == 0)
    return roast_rt_str_new(data, (int64_t)n);
  RoastStr *s = roast_rt_str_alloc((int64_t)(n + 2 * escaped));
  char *out = s->data;
  for (size_t i = 0; i < n;) {
    size_t length = valid_sequence(bytes + i, n - i);
    if (length) {
      memcpy(out, data + i, length);
      out += length;
      i += length;
    } else {
      out += roast_rt_utf8_encode(0xDC00u + bytes[i++], out);
    }
  }
  return roast_rt_str_seal_as(s, false);
}
