/* StrConvert.c - values to str (str(int), str(float), str(bool), "None"), ord and chr. */
#include "StrInternal.h"

#include <stdio.h>
#include <string.h>

ROAST_STATIC_STR(true_str, "True");
ROAST_STATIC_STR(false_str, "False");
ROAST_STATIC_STR(none_str, "None");

RoastStr *roast_rt_str_from_int(int64_t v) {
  if (v >= 0 && v <= 9)
    return roast_rt_str_ascii_char((char)('0' + v));
  char digits[24];
  char *p = digits + sizeof digits;
  /* The magnitude as unsigned, so INT64_MIN does not overflow. */
  uint64_t magnitude = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
  do {
    *--p = (char)('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude != 0);
  if (v < 0)
    *--p = '-';
  return roast_rt_str_from_bytes(p, digits + sizeof digits - p, true);
}

RoastStr *roast_rt_str_from_float(double v) {
  char text[32];
  roast_rt_format_float(v, text);
  return roast_rt_str_from_bytes(text, (int64_t)strlen(text), true);
}

RoastStr *roast_rt_str_from_bool(bool v) {
  return v ? ROAST_STATIC_STR_REF(true_str) : ROAST_STATIC_STR_REF(false_str);
}

RoastStr *roast_rt_str_none(void) { return ROAST_STATIC_STR_REF(none_str); }

int64_t roast_rt_str_ord(const RoastStr *s, const char *file, int32_t line, const char *fn) {
  int64_t length = roast_rt_str_len(s);
  if (length != 1) {
    char message[96];
    snprintf(message, sizeof message,
             "ord() expected a character, but string of length %lld found", (long long)length);
    roast_rt_raise(ROAST_ERR_TYPE, message, file, line, fn);
    return 0;
  }
  size_t i = 0;
  return roast_rt_utf8_decode(s->data, (size_t)s->length, &i);
}

RoastStr *roast_rt_str_chr(int64_t cp, const char *file, int32_t line, const char *fn) {
  /* CPython converts the argument to a C int first. */
  if (cp < INT32_MIN || cp > INT32_MAX) {
    roast_rt_raise(ROAST_ERR_OVERFLOW, "Python int too large to convert to C int", file, line, fn);
    return NULL;
  }
  if (cp < 0 || cp >= 0x110000) {
    roast_rt_raise(ROAST_ERR_VALUE, "chr() arg not in range(0x110000)", file, line, fn);
    return NULL;
  }
  char bytes[4];
  size_t n = roast_rt_utf8_encode((uint32_t)cp, bytes);
  return roast_rt_str_from_bytes(bytes, (int64_t)n, n == 1);
}
