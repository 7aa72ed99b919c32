/* FormatSpec.c - parsing the format-spec mini-language, and its errors, as CPython 3.12 does. */
#include "FormatInternal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

RoastStr *roast_rt_format_error(const char *message, const RoastFormatSite *site) {
  roast_rt_raise(ROAST_ERR_VALUE, message, site->file, site->line, site->fn);
  return NULL;
}

/* CPython prints a printable ASCII code as itself and anything else (control
 * characters, space, non-ASCII) as a hex escape without leading zeros. */
static void describe_code(uint32_t code, char *out, size_t size) {
  if (code > 32 && code < 128)
    snprintf(out, size, "%c", (char)code);
  else
    snprintf(out, size, "\\x%x", (unsigned)code);
}

RoastStr *roast_rt_format_unknown_type(uint32_t type, const char *type_name,
                                       const RoastFormatSite *site) {
  char code[16], message[128];
  describe_code(type, code, sizeof code);
  snprintf(message, sizeof message, "Unknown format code '%s' for object of type '%s'", code,
           type_name);
  return roast_rt_format_error(message, site);
}

/* Raise ValueError for roast_rt_format_parse, which then returns false. */
static bool parse_error(const char *message, const RoastFormatSite *site) {
  roast_rt_format_error(message, site);
  return false;
}

/* The whole spec goes into this message, so it is sized to fit.  (A NUL in
 * the spec ends the message there: roast_rt_raise takes a C string.) */
__attribute__((cold)) static bool invalid_spec(const RoastStr *spec, const char *type_name,
                                               const RoastFormatSite *site) {
  static const char head[] = "Invalid format specifier '", middle[] = "' for object of type '";
  size_t name_len = strlen(type_name);
  char *message =
      roast_rt_malloc(sizeof head + (size_t)spec->length + sizeof middle + name_len + 2);
  char *p = message;
  memcpy(p, head, sizeof head - 1);
  p += sizeof head - 1;
  memcpy(p, spec->data, (size_t)spec->length);
  p += spec->length;
  memcpy(p, middle, sizeof middle - 1);
  p += sizeof middle - 1;
  memcpy(p, type_name, name_len);
  p += name_len;
  *p++ = '\'';
  *p = '\0';
  roast_rt_format_error(message, site); /* copies the message */
  free(message);
  return false;
}

static bool is_align(char c) { return c == '<' || c == '>' || c == '^' || c == '='; }

/* Read a decimal integer at data[*pos] into *value; returns the number of
 * digits, or -1 if it exceeds int64 (CPython: Py_ssize_t).  Only ASCII digits
 * count (Roast-specific, as in int(): CPython accepts any Unicode digit). */
static int parse_integer(const char *data, size_t n, size_t *pos, int64_t *value) {
  int64_t accumulator = 0;
  int digits = 0;
  for (; *pos < n && data[*pos] >= '0' && data[*pos] <= '9'; ++*pos, ++digits) {
    int digit = data[*pos] - '0';
    if (accumulator > (INT64_MAX - digit) / 10)
      return -1;
    accumulator = accumulator * 10 + digit;
  }
  *value = accumulator;
  return digits;
}

bool roast_rt_format_parse(const RoastStr *spec, uint32_t default_type, char default_align,
                           const char *type_name, RoastFormatSpec *out,
                           const RoastFormatSite *site) {
  const char *s = spec->data;
  size_t n = (size_t)spec->length, pos = 0;
  *out = (RoastFormatSpec){{' '}, 1, false, default_align, 0, false, false, -1, 0, 3, -1,
                           default_type};
  bool fill_given = false, align_given = false;

  /* The fill is any single code point, recognized only by the alignment
   * token after it; otherwise the first character may be the alignment. */
  size_t first_end = 0;
  roast_rt_utf8_decode(s, n, &first_end);
  if (first_end < n && is_align(s[first_end])) {
    memcpy(out->fill, s, first_end);
    out->fill_len = (int)first_end;
    out->align = s[first_end];
    pos = first_end + 1;
    fill_given = align_given = true;
  } else if (n > 0 && is_align(s[0])) {
    out->align = s[0];
    pos = 1;
    align_given = true;
  }
  if (pos < n && (s[pos] == '+' || s[pos] == '-' || s[pos] == ' '))
    out->sign = s[pos++];
  if (pos < n && s[pos] == 'z') {
    out->no_neg_0 = true;
    ++pos;
  }
  if (pos < n && s[pos] == '#') {
    out->alternate = true;
    ++pos;
  }
  /* A leading 0 means zero fill, and for numbers (default alignment '>')
   * padding after the sign, unless a fill or an alignment says otherwise. */
  if (!fill_given && pos < n && s[pos] == '0') {
    out->fill[0] = '0';
    if (!align_given && default_align == '>')
      out->align = '=';
    ++pos;
  }
  out->fill_is_zero = out->fill_len == 1 && out->fill[0] == '0';

  int consumed = parse_integer(s, n, &pos, &out->width);
  if (consumed < 0)
    return parse_error("Too many decimal digits in format string", site);
  if (consumed == 0)
    out->width = -1;

  if (pos < n && s[pos] == ',') {
    out->separator = ',';
    ++pos;
  }
  if (pos < n && s[pos] == '_') {
    if (out->separator)
      return parse_error("Cannot specify both ',' and '_'.", site);
    out->separator = '_';
    ++pos;
  }
  /* "_," is an error; a second ',' after ',' is left to become the type. */
  if (pos < n && s[pos] == ',' && out->separator == '_')
    return parse_error("Cannot specify both ',' and '_'.", site);

  if (pos < n && s[pos] == '.') {
    ++pos;
    consumed = parse_integer(s, n, &pos, &out->precision);
    if (consumed < 0)
      return parse_error("Too many decimal digits in format string", site);
    if (consumed == 0)
      return parse_error("Format specifier missing precision", site);
  }

  /* What is left is the type: one code point, or nothing. */
  int64_t rest = roast_rt_utf8_count(s + pos, n - pos);
  if (rest > 1)
    return invalid_spec(spec, type_name, site);
  if (rest == 1)
    out->type = roast_rt_utf8_decode(s, n, &pos);

  if (out->separator) {
    switch (out->type) {
    case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
      break; /* PEP 378 */
    case 'b': case 'o': case 'x': case 'X':
      if (out->separator == '_') { /* PEP 515: every four digits in bin/oct/hex */
        out->group = 4;
        break;
      }
      __attribute__((fallthrough)); /* ',' with b, o, x, X is an error */
    default: {
      char code[16], message[64];
      describe_code(out->type, code, sizeof code);
      snprintf(message, sizeof message, "Cannot specify '%c' with '%s'.", out->separator, code);
      return parse_error(message, site);
    }
    }
  }
  return true;
}
