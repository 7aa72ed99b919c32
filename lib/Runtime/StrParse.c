/* StrParse.c - int(str) and float(str): CPython's accepted syntax and error messages. */
#include "StrInternal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The whitespace int() and float() skip around a number.  CPython turns
 * every non-ASCII Unicode space into ' ' and then skips only C's ASCII
 * isspace set, so the ASCII separators 0x1c..0x1f, which str.strip()
 * removes, are NOT skipped here. */
static bool is_number_space(uint32_t cp) {
  if (cp < 0x80)
    return cp == ' ' || (cp >= '\t' && cp <= '\r');
  return roast_rt_unicode_isspace(cp);
}

/* Narrow [*begin, *end) of s's bytes to exclude surrounding number spaces. */
static void trim_number_spaces(const RoastStr *s, size_t *begin, size_t *end) {
  size_t n = (size_t)s->length, left = 0, right = n;
  while (left < n) {
    size_t next = left;
    if (!is_number_space(roast_rt_utf8_decode(s->data, n, &next)))
      break;
    left = next;
  }
  while (right > left) {
    size_t prev = roast_rt_utf8_prev(s->data, right), at = prev;
    if (!is_number_space(roast_rt_utf8_decode(s->data, n, &at)))
      break;
    right = prev;
  }
  *begin = left;
  *end = right;
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Raise ValueError "<prefix><repr(s)>", the repr cut to max_chars code
 * points when max_chars >= 0 (CPython's "%.200R" in the int() message). */
static void raise_with_repr(const char *prefix, const RoastStr *s, int64_t max_chars,
                            const char *file, int32_t line, const char *fn) {
  RoastStr *repr = roast_rt_str_repr(s);
  size_t repr_bytes = (size_t)repr->length;
  if (max_chars >= 0)
    repr_bytes = roast_rt_utf8_offset(repr->data, repr_bytes, max_chars);
  size_t prefix_bytes = strlen(prefix);
  char *message = roast_rt_malloc(prefix_bytes + repr_bytes + 1);
  memcpy(message, prefix, prefix_bytes);
  memcpy(message + prefix_bytes, repr->data, repr_bytes);
  message[prefix_bytes + repr_bytes] = '\0';
  roast_rt_release(&repr->header);
  roast_rt_raise(ROAST_ERR_VALUE, message, file, line, fn); /* copies the message */
  free(message);
}

int64_t roast_rt_str_to_int(const RoastStr *s, const char *file, int32_t line, const char *fn) {
  size_t i, end;
  trim_number_spaces(s, &i, &end);
  const char *p = s->data;
  bool negative = false;
  if (i < end && (p[i] == '+' || p[i] == '-'))
    negative = p[i++] == '-';
  /* Digits, with single underscores allowed only between two digits. */
  uint64_t magnitude = 0;
  bool overflow = false, valid = i < end && is_digit(p[i]);
  for (; valid && i < end; ++i) {
    if (p[i] == '_') {
      ++i;
      valid = i < end && is_digit(p[i]);
      if (!valid)
        break;
    } else if (!is_digit(p[i])) {
      valid = false;
      break;
    }
    /* Keep checking the syntax after an overflow: "9...9x" is a ValueError. */
    unsigned digit = (unsigned)(p[i] - '0');
    if (magnitude > (UINT64_MAX - digit) / 10)
      overflow = true;
    else
      magnitude = magnitude * 10 + digit;
  }
  if (!valid) {
    raise_with_repr("invalid literal for int() with base 10: ", s, 200, file, line, fn);
    return 0;
  }
  /* int64 holds magnitudes up to 2^63 - 1, or 2^63 when negative. */
  if (overflow || magnitude > (negative ? UINT64_C(1) << 63 : (uint64_t)INT64_MAX)) {
    roast_rt_raise(ROAST_ERR_OVERFLOW, "integer overflow", file, line, fn);
    return 0;
  }
  return negative ? (int64_t)(0 - magnitude) : (int64_t)magnitude;
}

/* Case-insensitive match of the ASCII word at p[0..n). */
static bool matches_word(const char *p, size_t n, const char *word) {
  if (strlen(word) != n)
    return false;
  for (size_t k = 0; k < n; ++k)
    if ((p[k] | 0x20) != word[k])
      return false;
  return true;
}

/* Whether p[0..n) is a decimal float as CPython reads it: digits with an
 * optional point (at least one digit in all), then optionally e or E, an
 * optional sign and at least one digit.  No sign (already consumed), no
 * underscores (already removed), no hex. */
static bool is_decimal_syntax(const char *p, size_t n) {
  size_t i = 0, digits = 0;
  for (; i < n && is_digit(p[i]); ++i)
    ++digits;
  if (i < n && p[i] == '.')
    for (++i; i < n && is_digit(p[i]); ++i)
      ++digits;
  if (digits == 0)
    return false;
  if (i < n && (p[i] == 'e' || p[i] == 'E')) {
    ++i;
    if (i < n && (p[i] == '+' || p[i] == '-'))
      ++i;
    size_t exponent_digits = 0;
    for (; i < n && is_digit(p[i]); ++i)
      ++exponent_digits;
    if (exponent_digits == 0)
      return false;
  }
  return i == n;
}

/* CPython's _Py_string_to_number_with_underscores: an underscore must sit
 * between two digits; copies text[0..n) to out without them, returning the
 * new length, or -1 if an underscore is misplaced. */
static int64_t remove_underscores(const char *text, size_t n, char *out) {
  size_t used = 0;
  char prev = '\0';
  for (size_t i = 0; i < n; ++i) {
    char c = text[i];
    if (c == '_') {
      if (!is_digit(prev))
        return -1;
    } else {
      if (prev == '_' && !is_digit(c))
        return -1;
      out[used++] = c;
    }
    prev = c;
  }
  return prev == '_' ? -1 : (int64_t)used;
}

/* The digits are validated here and converted by strtod, which rounds
 * correctly in glibc and every modern libc.  strtod reads the decimal
 * point of the C locale, which Roast programs never change. */
double roast_rt_str_to_float(const RoastStr *s, const char *file, int32_t line,
                             const char *fn) {
  size_t begin, end;
  trim_number_spaces(s, &begin, &end);
  size_t n = end - begin;
  char small[64];
  char *text = n < sizeof small ? small : roast_rt_malloc(n + 1);
  int64_t used = remove_underscores(s->data + begin, n, text);
  bool valid = used > 0;
  double result = 0.0;
  if (valid) {
    text[used] = '\0';
    const char *p = text;
    bool negative = *p == '-';
    if (*p == '+' || *p == '-')
      ++p;
    size_t rest = (size_t)(text + used - p);
    if (matches_word(p, rest, "inf") || matches_word(p, rest, "infinity"))
      result = negative ? -HUGE_VAL : HUGE_VAL;
    else if (matches_word(p, rest, "nan"))
      result = negative ? -NAN : NAN;
    else if ((valid = is_decimal_syntax(p, rest)))
      result = strtod(text, NULL); /* the sign is still in text */
  }
  if (text != small)
    free(text);
  if (!valid) {
    raise_with_repr("could not convert string to float: ", s, -1, file, line, fn);
    return 0.0;
  }
  return result;
}
