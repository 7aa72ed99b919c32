/* FormatFloat.c - format() of float (e E f F g G n % and none), as CPython's format_float_short. */
#include "FormatInternal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * CPython gets the digits from David Gay's dtoa, correctly rounded: mode 2
 * (n significant digits) for 'e' and 'g', mode 3 (n digits after the point)
 * for 'f', mode 0 (shortest round-trip) when there is no type.  printf's
 * "%.*e" and "%.*f" give the same correctly rounded digits (glibc's printf,
 * like every modern libc's, is exact), and roast_rt_format_float gives the
 * shortest ones; from those digits on, this file follows CPython's
 * format_float_short (Python/pystrtod.c) step by step.
 */

/* A double has at most 767 significant decimal digits and at most 1074
 * digits after the point, so printf is asked for no more than these (its
 * text then fits a fixed buffer); any further zeros come from the layout. */
enum { MAX_E_DIGITS = 800, MAX_F_DECIMALS = 1100, TEXT_SIZE = 1536 };

/* 0.DIGITS x 10^decpt, as dtoa reports it: no leading or trailing zeros,
 * zero as "0" with decpt 1. */
typedef struct Digits {
  char digits[TEXT_SIZE];
  int64_t ndigits;
  int64_t decpt;
} Digits;

/* Digits of a decimal text "ddd.ddde+XX" (printf %e or %f output, or repr).
 * Any non-digit before the exponent is the decimal point, whatever the
 * locale's character. */
static void parse_decimal(const char *text, Digits *d) {
  int64_t n = 0, point = -1;
  const char *p = text;
  for (; *p && *p != 'e'; ++p) {
    if (*p >= '0' && *p <= '9')
      d->digits[n++] = *p;
    else if (point < 0)
      point = n;
  }
  if (point < 0)
    point = n;
  int64_t exponent = *p == 'e' ? strtol(p + 1, NULL, 10) : 0;
  int64_t lead = 0;
  while (lead < n && d->digits[lead] == '0')
    ++lead;
  if (lead == n) {
    d->digits[0] = '0';
    d->ndigits = 1;
    d->decpt = 1;
    return;
  }
  memmove(d->digits, d->digits + lead, (size_t)(n - lead));
  n -= lead;
  while (d->digits[n - 1] == '0')
    --n;
  d->ndigits = n;
  d->decpt = point - lead + exponent;
}

/* The digits of finite v >= 0 for format code 'e'/'g' (mode 2: precision
 * significant digits), 'f' (mode 3: precision digits after the point) or
 * 'r' (mode 0: shortest). */
static void get_digits(double v, char code, int64_t precision, Digits *d) {
  char text[TEXT_SIZE];
  if (code == 'r') {
    roast_rt_format_float(v, text);
  } else if (code == 'f') {
    int decimals = (int)(precision < MAX_F_DECIMALS ? precision : MAX_F_DECIMALS);
    snprintf(text, sizeof text, "%.*f", decimals, v);
  } else {
    int digits = (int)(precision < MAX_E_DIGITS ? precision : MAX_E_DIGITS);
    snprintf(text, sizeof text, "%.*e", digits - 1, v);
  }
  parse_decimal(text, d);
}

static char *put_zeros(char *p, int64_t count) {
  if (count > 0) {
    memset(p, '0', (size_t)count);
    p += count;
  }
  return p;
}

static int64_t max64(int64_t a, int64_t b) { return a > b ? a : b; }

/* Where format_float_short puts the digits: the output is the slice
 * [start, end) of the digits padded with zeros on both sides, with the
 * point after digit decpt, and then the exponent. */
typedef struct Layout {
  int64_t decpt, start, end, exp;
  bool use_exp;
} Layout;

static Layout plan_layout(const Digits *d, char code, int64_t precision, bool add_dot_0,
                          bool alternate) {
  Layout l = {d->decpt, 0, d->ndigits, 0, false};
  switch (code) {
  case 'e':
    l.use_exp = true;
    l.end = precision;
    break;
  case 'f':
    l.end = l.decpt + precision;
    break;
  case 'g':
    /* With no type (add_dot_0) one digit less goes before an exponent:
     * format(123.0, ".3") is "1.23e+02", so as not to print "123.0". */
    l.use_exp = l.decpt <= -4 || l.decpt > (add_dot_0 ? precision - 1 : precision);
    if (alternate)
      l.end = precision;
    break;
  default: /* 'r': repr switches to an exponent at 1e16 */
    l.use_exp = l.decpt <= -4 || l.decpt > 16;
    break;
  }
  if (l.use_exp) {
    l.exp = l.decpt - 1;
    l.decpt = 1;
  }
  l.start = l.decpt <= 0 ? l.decpt - 1 : 0;
  l.end = max64(l.end, !l.use_exp && add_dot_0 ? l.decpt + 1 : l.decpt);
  return l;
}

/* Upper bound of the text's size: digits and zeros, point, "e+308", '%'. */
static int64_t layout_size(const Layout *l) { return l->end - l->start + 8; }

/* Write the digits as laid out; returns the end of the text. */
static char *write_layout(const Digits *d, const Layout *l, bool alternate, bool upper, char *p) {
  if (l->decpt <= 0) {
    p = put_zeros(p, l->decpt - l->start);
    *p++ = '.';
    p = put_zeros(p, -l->decpt);
  } else {
    p = put_zeros(p, -l->start);
  }
  if (l->decpt > 0 && l->decpt <= d->ndigits) {
    memcpy(p, d->digits, (size_t)l->decpt);
    p += l->decpt;
    *p++ = '.';
    memcpy(p, d->digits + l->decpt, (size_t)(d->ndigits - l->decpt));
    p += d->ndigits - l->decpt;
  } else {
    memcpy(p, d->digits, (size_t)d->ndigits);
    p += d->ndigits;
  }
  if (d->ndigits < l->decpt) {
    p = put_zeros(p, l->decpt - d->ndigits);
    *p++ = '.';
    p = put_zeros(p, l->end - l->decpt);
  } else {
    p = put_zeros(p, l->end - d->ndigits);
  }
  if (p[-1] == '.' && !alternate) /* '#' keeps a trailing point */
    --p;
  if (l->use_exp) /* a sign and at least two digits */
    p += sprintf(p, "%c%c%02d", upper ? 'E' : 'e', l->exp < 0 ? '-' : '+',
                 (int)(l->exp < 0 ? -l->exp : l->exp));
  return p;
}

/* Split CPython's number text (no sign) into digits, point and the rest, and lay it out. */
static RoastStr *lay_out_text(const char *text, int64_t length, bool negative,
                              const RoastFormatSpec *spec) {
  int64_t k = 0;
  while (k < length && text[k] >= '0' && text[k] <= '9')
    ++k;
  bool has_decimal = k < length && text[k] == '.';
  int64_t rest = k + has_decimal;
  RoastFormatNumber number = {negative, NULL, 0, text, k, has_decimal, text + rest,
                              length - rest, length - rest};
  return roast_rt_format_number(&number, spec);
}

/* CPython's format_float_internal. */
RoastStr *roast_rt_format_float_parsed(double v, const RoastFormatSpec *spec,
                                       const RoastFormatSite *site) {
  if (spec->precision > INT32_MAX) /* CPython's dtoa takes an int */
    return roast_rt_format_error("precision too big", site);
  char code = (char)spec->type;
  int64_t precision = spec->precision, default_precision = 6;
  bool add_dot_0 = false, add_pct = false;
  if (code == 0) { /* no type: repr, or with a precision 'g' keeping a ".0" */
    add_dot_0 = true;
    code = 'r';
    default_precision = 0;
  }
  if (code == 'n') /* 'g' with the locale's separators, and Roast has only the C locale */
    code = 'g';
  if (code == '%') {
    code = 'f';
    v *= 100;
    add_pct = true;
  }
  if (precision < 0)
    precision = default_precision;
  else if (code == 'r')
    code = 'g';
  bool upper = code == 'E' || code == 'F' || code == 'G';
  if (upper)
    code = (char)(code - 'A' + 'a');
  if (code == 'e')
    ++precision; /* digits after the point -> significant digits */
  else if (code == 'g' && precision == 0)
    precision = 1;

  /* NaN prints without its sign; -0.0 keeps its sign unless 'z'. */
  bool negative = signbit(v) && !isnan(v);
  if (!isfinite(v)) {
    char text[8];
    memcpy(text, isnan(v) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"), 3);
    text[3] = '%';
    return lay_out_text(text, add_pct ? 4 : 3, negative, spec);
  }

  Digits d;
  get_digits(fabs(v), code, precision, &d);
  /* 'z': a value that rounds to zero loses its sign. */
  if (spec->no_neg_0 && d.ndigits == 1 && d.digits[0] == '0')
    negative = false;
  Layout l = plan_layout(&d, code, precision, add_dot_0, spec->alternate);
  char small[512];
  int64_t size = layout_size(&l);
  char *text = size <= (int64_t)sizeof small ? small : roast_rt_malloc((size_t)size);
  char *end = write_layout(&d, &l, spec->alternate, upper, text);
  if (add_pct)
    *end++ = '%';
  RoastStr *result = lay_out_text(text, end - text, negative, spec);
  if (text != small)
    free(text);
  return result;
}

RoastStr *roast_rt_format_float_spec(double v, const RoastStr *spec, const char *file,
                                     int32_t line, const char *fn) {
  if (spec->length == 0)
    return roast_rt_str_from_float(v);
  RoastFormatSite site = {file, line, fn};
  RoastFormatSpec parsed;
  if (!roast_rt_format_parse(spec, 0, '>', "float", &parsed, &site))
    return NULL;
  switch (parsed.type) {
  case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
    return roast_rt_format_float_parsed(v, &parsed, &site);
  default:
    return roast_rt_format_unknown_type(parsed.type, "float", &site);
  }
}
