/* FormatNumber.c - laying out a formatted number: sign, prefix, padding and digit groups. */
#include "FormatInternal.h"

#include <string.h>

char *roast_rt_format_fill(char *p, const RoastFormatSpec *spec, int64_t count) {
  if (count <= 0)
    return p;
  if (spec->fill_len == 1) {
    memset(p, spec->fill[0], (size_t)count);
    return p + count;
  }
  for (; count > 0; --count) {
    memcpy(p, spec->fill, (size_t)spec->fill_len);
    p += spec->fill_len;
  }
  return p;
}

RoastStr *roast_rt_format_finish(RoastStr *s, bool ascii) {
  if (ascii && s->length <= 1) {
    RoastStr *constant =
        s->length == 0 ? roast_rt_str_empty() : roast_rt_str_ascii_char(s->data[0]);
    roast_rt_release(&s->header);
    return constant;
  }
  return roast_rt_str_seal_as(s, ascii);
}

/* Length of n >= 1 digits written in groups of `group` with a one-character
 * separator between groups. */
static int64_t grouped_length(int64_t n, int group) {
  return group ? roast_rt_format_add(n, (n - 1) / group) : n;
}

/* How many digits (the number's, then leading zeros) CPython's
 * _PyUnicode_InsertThousandsGrouping writes for n_digits >= 1 digits when the
 * grouped text must be at least min_width long: the fewest whose grouped
 * length reaches min_width, so the text never starts with a separator
 * (format(1234, "08,") is "0,001,234", 9 characters).  CPython finds it by
 * walking the groups; a binary search gives the same answer without a
 * loop proportional to an absurd width (such a result then fails to
 * allocate). */
static int64_t padded_digit_count(int64_t n_digits, int64_t min_width, int group) {
  int64_t lo = n_digits;
  if (grouped_length(lo, group) >= min_width)
    return lo;
  int64_t hi = min_width; /* grouped_length(min_width) >= min_width */
  while (lo < hi) {
    int64_t mid = lo + (hi - lo) / 2;
    if (grouped_length(mid, group) >= min_width)
      hi = mid;
    else
      lo = mid + 1;
  }
  return lo;
}

RoastStr *roast_rt_format_number(const RoastFormatNumber *number, const RoastFormatSpec *spec) {
  char sign = number->negative ? '-' : 0;
  if (!number->negative && (spec->sign == '+' || spec->sign == ' '))
    sign = spec->sign;
  int group = spec->separator ? spec->group : 0;

  /* Code points that are neither digits nor padding. */
  int64_t fixed = (sign != 0) + number->prefix_len + number->has_decimal + number->remainder_chars;
  /* A '0' fill with '=' is not padding but leading zeros, which are grouped
   * like digits (format(1234, "010,") is "00,001,234"). */
  int64_t min_width = spec->fill_is_zero && spec->align == '=' ? spec->width - fixed : 0;
  int64_t n_padded = 0, n_grouped = 0;
  if (number->n_digits > 0) { /* inf, nan and 'c' have none, and no zeros either */
    n_padded = padded_digit_count(number->n_digits, min_width, group);
    n_grouped = grouped_length(n_padded, group);
  }

  int64_t padding = spec->width - roast_rt_format_add(fixed, n_grouped); /* < 0: none needed */
  int64_t left = 0, middle = 0, right = 0;
  if (padding > 0) {
    switch (spec->align) {
    case '<': right = padding; break;
    case '^': left = padding / 2; right = padding - left; break;
    case '=': middle = padding; break;
    default: left = padding; break; /* '>' */
    }
  }

  int64_t length = roast_rt_format_mul(padding > 0 ? padding : 0, spec->fill_len);
  length = roast_rt_format_add(length, (sign != 0) + number->prefix_len + number->has_decimal);
  length = roast_rt_format_add(length, roast_rt_format_add(n_grouped, number->remainder_len));
  RoastStr *s = roast_rt_str_alloc(length);
  char *p = roast_rt_format_fill(s->data, spec, left);
  if (sign)
    *p++ = sign;
  if (number->prefix_len) {
    memcpy(p, number->prefix, (size_t)number->prefix_len);
    p += number->prefix_len;
  }
  p = roast_rt_format_fill(p, spec, middle);
  /* The digits right to left, then the zeros, a separator before every
   * group but the first. */
  p += n_grouped;
  char *q = p;
  for (int64_t i = 0; i < n_padded; ++i) {
    if (group && i > 0 && i % group == 0)
      *--q = spec->separator;
    *--q = i < number->n_digits ? number->digits[number->n_digits - 1 - i] : '0';
  }
  if (number->has_decimal)
    *p++ = '.';
  if (number->remainder_len) {
    memcpy(p, number->remainder, (size_t)number->remainder_len);
    p += number->remainder_len;
  }
  roast_rt_format_fill(p, spec, right);

  /* Digits, signs and prefixes are ASCII; the fill (if used) and a 'c'
   * character may not be. */
  bool ascii = number->remainder_len == number->remainder_chars &&
               (padding <= 0 || spec->fill_len == 1); /* one UTF-8 byte: ASCII */
  return roast_rt_format_finish(s, ascii);
}
