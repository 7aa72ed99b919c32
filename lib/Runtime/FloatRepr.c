/* FloatRepr.c - repr(float) exactly as CPython 3.12 prints it. */
#include "Roast/Runtime/Runtime.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * CPython's repr uses David Gay's dtoa in mode 0: the shortest digit string
 * that reads back (strtod) as the same double, and of those the one nearest
 * to the exact value.  We get the same digits from the C library: the
 * correctly rounded n-significant-digit decimal (what "%.*e" prints) is the
 * nearest n-digit decimal, so the smallest n whose rounding round-trips
 * gives the shortest one.  This relies on printf and strtod being correctly
 * rounded, as glibc's (and every modern libc's) are.
 *
 * printf is the expensive part (~250 ns a call), so it is called once for
 * 17 digits, which always round-trip, and shorter candidates are rounded
 * from those digits here; printf is asked again only where rounding the
 * 17 digits could differ from rounding the exact value.
 */

/* A positive decimal 0.DIGITS x 10^decpt, as dtoa reports it. */
typedef struct Decimal {
  char digits[24]; /* '0'..'9', not NUL-terminated */
  int ndigits;
  int decpt; /* position of the decimal point relative to digits[0] */
} Decimal;

enum { MAX_DIGITS = 17 }; /* 17 significant digits always round-trip a double */

/* The nearest decimal to v with n significant digits, as "d.ddde+XX" text. */
static void format_digits(double v, int n, char *text, size_t size) {
  snprintf(text, size, "%.*e", n - 1, v);
}

/* Parse "%e" output into a Decimal, keeping every digit.  The decimal point
 * character is skipped rather than matched, so the locale does not matter. */
static void parse_e_format(const char *text, Decimal *d) {
  const char *p = text;
  d->ndigits = 0;
  for (; *p != 'e'; ++p)
    if (*p >= '0' && *p <= '9')
      d->digits[d->ndigits++] = *p;
  d->decpt = atoi(p + 1) + 1; /* d.ddd e X == 0.dddd e X+1 */
}

/* d read back by strtod.  d is written as "DIGITSe<exp>", with no decimal
 * point, so strtod's locale is moot. */
static double read_back(const Decimal *d) {
  char text[48];
  char *p = text;
  memcpy(p, d->digits, (size_t)d->ndigits); /* built by hand: snprintf costs */
  p += d->ndigits;                           /* as much as the strtod itself */
  *p++ = 'e';
  int exponent = d->decpt - d->ndigits;
  if (exponent < 0) {
    *p++ = '-';
    exponent = -exponent;
  }
  char reversed[8];
  int count = 0;
  do {
    reversed[count++] = (char)('0' + exponent % 10);
    exponent /= 10;
  } while (exponent != 0);
  while (count > 0)
    *p++ = reversed[--count];
  *p = '\0';
  return strtod(text, NULL);
}

/* Step d by one unit in its last digit, keeping ndigits significant digits. */
static void step_last_digit(Decimal *d, int direction) {
  int i = d->ndigits - 1;
  if (direction > 0) {
    while (i >= 0 && d->digits[i] == '9')
      d->digits[i--] = '0';
    if (i >= 0) {
      d->digits[i]++;
    } else { /* 99..9 + 1 = 100..0: one more integer digit */
      d->digits[0] = '1';
      d->decpt++;
    }
  } else {
    while (i >= 0 && d->digits[i] == '0')
      d->digits[i--] = '9';
    d->digits[i]--; /* i >= 0: the leading digit is never 0 */
    if (d->digits[0] == '0') { /* 10..0 - 1 = 9..9: one digit fewer, refill */
      memmove(d->digits, d->digits + 1, (size_t)d->ndigits - 1);
      d->digits[d->ndigits - 1] = '9';
      d->decpt--;
    }
  }
}

/* The nearest n-digit decimal to v, given full = its nearest 17-digit one.
 * Rounding full again is exact except when the dropped digits read 50..0:
 * full may itself have been rounded up or down to that tie (or v may be an
 * exact tie, which printf breaks to even), so only printf can tell. */
static void round_to(double v, const Decimal *full, int n, Decimal *d) {
  *d = *full;
  if (n >= full->ndigits)
    return;
  d->ndigits = n;
  bool rest_zero = true;
  for (int i = n + 1; i < full->ndigits; ++i)
    rest_zero = rest_zero && full->digits[i] == '0';
  if (full->digits[n] == '5' && rest_zero) {
    char text[48];
    format_digits(v, n, text, sizeof text);
    parse_e_format(text, d);
  } else if (full->digits[n] >= '5') {
    step_last_digit(d, +1);
  }
}

/* Shortest digits for a power of two.  Its rounding interval is lopsided
 * (the gap to the next smaller double is half the gap to the next larger
 * one), so the nearest n-digit decimal may fall outside it while the
 * neighbour on the other side is inside, and a round-tripping n does not
 * imply n+1 round-trips: scan every n and try both neighbours, as dtoa
 * effectively does.  (Without this, e.g. 2.0**-383 prints 17 digits where
 * CPython prints 16.) */
static void shortest_power_of_two(double v, const Decimal *full, Decimal *d) {
  for (int n = 1; n < MAX_DIGITS; ++n) {
    round_to(v, full, n, d);
    double back = read_back(d);
    if (back == v)
      return;
    /* d lies outside v's interval; try its neighbour on v's other side. */
    Decimal other = *d;
    step_last_digit(&other, back < v ? +1 : -1);
    if (read_back(&other) == v) {
      *d = other;
      return;
    }
  }
  *d = *full;
}

/* Shortest digits for any other finite v > 0.  The rounding interval is
 * symmetric, and the nearest (n+1)-digit decimal is never farther from v
 * than the nearest n-digit one, so "round-trips" is monotone in n and a
 * binary search finds the smallest n. */
static void shortest_general(double v, const Decimal *full, Decimal *d) {
  int lo = 1, hi = MAX_DIGITS;
  *d = *full; /* the candidate for hi */
  while (lo < hi) {
    int mid = lo + (hi - lo) / 2;
    Decimal candidate;
    round_to(v, full, mid, &candidate);
    if (read_back(&candidate) == v) {
      hi = mid;
      *d = candidate;
    } else {
      lo = mid + 1;
    }
  }
}

/* Integers below 2^53 are exact and no shorter digit string reads back as
 * them (the spacing of doubles there is at most 1), so their digits are just
 * the integer's digits: a cheap path for the common "print(float(n))". */
static void shortest_small_integer(double v, Decimal *d) {
  char text[24];
  int n = snprintf(text, sizeof text, "%llu", (unsigned long long)v);
  memcpy(d->digits, text, (size_t)n);
  d->ndigits = n;
  d->decpt = n;
}

static void shortest_digits(double v, Decimal *d) {
  uint64_t bits;
  memcpy(&bits, &v, sizeof bits);
  if (v < 0x1p53 && v == floor(v)) {
    shortest_small_integer(v, d);
  } else {
    char text[48];
    Decimal full;
    format_digits(v, MAX_DIGITS, text, sizeof text);
    parse_e_format(text, &full);
    if ((bits & ((UINT64_C(1) << 52) - 1)) == 0)
      shortest_power_of_two(v, &full, d);
    else
      shortest_general(v, &full, d);
  }
  while (d->ndigits > 1 && d->digits[d->ndigits - 1] == '0')
    d->ndigits--; /* dtoa never reports trailing zeros */
}

static char *put_zeros(char *p, int count) {
  for (; count > 0; --count)
    *p++ = '0';
  return p;
}

/* Lay out digits the way CPython's format_float_short does for repr:
 * fixed notation when -4 < decpt <= 16 (always with a digit after the
 * point), otherwise d.ddde+XX with a sign and at least two exponent digits. */
static void layout(const Decimal *d, char *p) {
  if (d->decpt > -4 && d->decpt <= 16) {
    if (d->decpt <= 0) { /* 0.000ddd */
      *p++ = '0';
      *p++ = '.';
      p = put_zeros(p, -d->decpt);
      memcpy(p, d->digits, (size_t)d->ndigits);
      p += d->ndigits;
    } else if (d->decpt < d->ndigits) { /* ddd.ddd */
      memcpy(p, d->digits, (size_t)d->decpt);
      p += d->decpt;
      *p++ = '.';
      memcpy(p, d->digits + d->decpt, (size_t)(d->ndigits - d->decpt));
      p += d->ndigits - d->decpt;
    } else { /* ddd000.0 */
      memcpy(p, d->digits, (size_t)d->ndigits);
      p = put_zeros(p + d->ndigits, d->decpt - d->ndigits);
      *p++ = '.';
      *p++ = '0';
    }
    *p = '\0';
    return;
  }
  *p++ = d->digits[0];
  if (d->ndigits > 1) { /* no ".0" here: CPython prints 1e+16, not 1.0e+16 */
    *p++ = '.';
    memcpy(p, d->digits + 1, (size_t)d->ndigits - 1);
    p += d->ndigits - 1;
  }
  int exponent = d->decpt - 1;
  sprintf(p, "e%c%02d", exponent < 0 ? '-' : '+', abs(exponent));
}

void roast_rt_format_float(double v, char *buf) {
  if (isnan(v)) { /* CPython prints every NaN, whatever its sign, as nan */
    strcpy(buf, "nan");
    return;
  }
  if (signbit(v)) { /* includes -0.0 */
    *buf++ = '-';
    v = -v;
  }
  if (isinf(v)) {
    strcpy(buf, "inf");
    return;
  }
  if (v == 0.0) {
    strcpy(buf, "0.0");
    return;
  }
  Decimal d;
  shortest_digits(v, &d);
  layout(&d, buf);
}
