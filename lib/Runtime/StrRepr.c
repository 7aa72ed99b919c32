/* StrRepr.c - repr(str) as CPython 3.12 writes it, for strings inside tuples
 * and (later) containers. */
#include "Roast/Runtime/Runtime.h"

#include <stddef.h>

/* Decodes one UTF-8 code point at s[*i] (advancing *i); invalid bytes are
 * returned as themselves so that nothing is lost. */
static uint32_t next_code_point(const unsigned char *s, size_t n, size_t *i) {
  unsigned char c = s[*i];
  size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3
                                             : (c >> 3) == 30 ? 4 : 1;
  if (*i + len > n)
    len = 1;
  uint32_t cp = len == 1 ? c : c & (0x7f >> len);
  for (size_t k = 1; k < len; ++k)
    cp = (cp << 6) | (s[*i + k] & 0x3f);
  *i += len;
  return cp;
}

/* CPython escapes what Unicode does not call printable; this covers the
 * Latin-1 controls and separators, the ones real programs meet. */
static int is_printable(uint32_t cp) {
  if (cp < 0x20 || cp == 0x7f)
    return 0;
  if (cp >= 0x80 && cp <= 0xa0)
    return 0;
  return cp != 0xad && cp != 0x2028 && cp != 0x2029;
}

void roast_rt_print_str_repr(const RoastStr *s) {
  const unsigned char *data = (const unsigned char *)s->data;
  size_t n = (size_t)s->length;
  int has_single = 0, has_double = 0;
  for (size_t i = 0; i < n; ++i) {
    has_single |= data[i] == '\'';
    has_double |= data[i] == '"';
  }
  char quote = has_single && !has_double ? '"' : '\'';
  char buf[16];
  buf[0] = quote;
  buf[1] = 0;
  roast_rt_print_cstr(buf);
  static const char hex[] = "0123456789abcdef";
  for (size_t i = 0; i < n;) {
    size_t start = i;
    uint32_t cp = next_code_point(data, n, &i);
    const char *escape = NULL;
    switch (cp) {
    case '\\': escape = "\\\\"; break;
    case '\n': escape = "\\n"; break;
    case '\r': escape = "\\r"; break;
    case '\t': escape = "\\t"; break;
    default: break;
    }
    if (escape) {
      roast_rt_print_cstr(escape);
    } else if (cp == (uint32_t)quote) {
      buf[0] = '\\';
      buf[1] = quote;
      buf[2] = 0;
      roast_rt_print_cstr(buf);
    } else if (!is_printable(cp)) {
      int digits = cp <= 0xff ? 2 : cp <= 0xffff ? 4 : 8;
      buf[0] = '\\';
      buf[1] = digits == 2 ? 'x' : digits == 4 ? 'u' : 'U';
      for (int k = 0; k < digits; ++k)
        buf[2 + k] = hex[(cp >> (4 * (digits - 1 - k))) & 0xf];
      buf[2 + digits] = 0;
      roast_rt_print_cstr(buf);
    } else {
      size_t len = i - start;
      for (size_t k = 0; k < len; ++k)
        buf[k] = (char)data[start + k];
      buf[len] = 0;
      roast_rt_print_cstr(buf);
    }
  }
  buf[0] = quote;
  buf[1] = 0;
  roast_rt_print_cstr(buf);
}
