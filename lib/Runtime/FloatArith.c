/* FloatArith.c - float **, //, % and int(float) with CPython's semantics and errors. */
#include "Roast/Runtime/Runtime.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* CPython's DOUBLE_IS_ODD_INTEGER. */
static bool is_odd_integer(double x) { return fmod(fabs(x), 2.0) == 1.0; }

/* Follows CPython 3.12 float_pow case by case: the special values are sorted
 * out here because C's pow() and Python disagree on several of them. */
double roast_rt_float_pow(double base, double exp, const char *file, int32_t line,
                          const char *fn) {
  if (exp == 0.0) /* x ** 0 is 1, even for 0 and nan */
    return 1.0;
  if (isnan(base)) /* nan ** y is nan unless y == 0 */
    return base;
  if (isnan(exp)) /* x ** nan is nan unless x == 1 */
    return base == 1.0 ? 1.0 : exp;
  if (isinf(exp)) {
    /* |x| < 1: x**inf = 0, x**-inf = inf; |x| > 1: the other way round. */
    double magnitude = fabs(base);
    if (magnitude == 1.0)
      return 1.0;
    if ((exp > 0.0) == (magnitude > 1.0))
      return fabs(exp);
    return 0.0;
  }
  if (isinf(base)) {
    /* inf for positive exponents, 0 for negative, signed for odd ones. */
    bool odd = is_odd_integer(exp);
    if (exp > 0.0)
      return odd ? base : fabs(base);
    return odd ? copysign(0.0, base) : 0.0;
  }
  if (base == 0.0) { /* also -0.0 */
    if (exp < 0.0) {
      roast_rt_raise(ROAST_ERR_ZERO_DIVISION, "0.0 cannot be raised to a negative power", file,
                     line, fn);
      return 0.0;
    }
    return is_odd_integer(exp) ? base : 0.0;
  }
  bool negate = false;
  if (base < 0.0) {
    /* CPython returns a complex number here; Roast has no complex type, so
     * this is a "math domain error" as in math.pow. */
    if (exp != floor(exp)) {
      roast_rt_raise(ROAST_ERR_VALUE, "math domain error", file, line, fn);
      return 0.0;
    }
    base = -base;
    negate = is_odd_integer(exp);
  }
  if (base == 1.0) /* (-1) ** huge_even_or_odd: some libms get this wrong */
    return negate ? -1.0 : 1.0;
  /* Finite, positive base != 1 and finite exponent != 0: only overflow to
   * infinity is an error (underflow to 0 is not, as in CPython).  Checking
   * the result instead of errno also works under -fno-math-errno. */
  double result = pow(base, exp);
  if (isinf(result)) {
    roast_rt_raise(ROAST_ERR_OVERFLOW, "(34, 'Numerical result out of range')", file, line, fn);
    return 0.0;
  }
  return negate ? -result : result;
}

/* CPython's _float_div_mod: fmod is exact, and the quotient is derived from
 * it so that a == b * (a // b) + a % b holds as closely as possible. */
static void float_div_mod(double a, double b, double *floordiv, double *mod) {
  *mod = fmod(a, b);
  /* a - mod is mathematically a multiple of b, but the division may still be
   * a hair off an integer; it is snapped below. */
  double div = (a - *mod) / b;
  if (*mod != 0.0) {
    if ((b < 0) != (*mod < 0)) { /* the remainder takes the sign of b */
      *mod += b;
      div -= 1.0;
    }
  } else {
    /* fmod's sign of zero differs between platforms; use b's. */
    *mod = copysign(0.0, b);
  }
  if (div != 0.0) {
    *floordiv = floor(div); /* snap to the nearest integer */
    if (div - *floordiv > 0.5)
      *floordiv += 1.0;
  } else {
    *floordiv = copysign(0.0, a / b); /* zero with the sign of the true quotient */
  }
}

double roast_rt_float_floordiv(double a, double b, const char *file, int32_t line,
                               const char *fn) {
  if (b == 0.0) {
    roast_rt_raise(ROAST_ERR_ZERO_DIVISION, "float floor division by zero", file, line, fn);
    return 0.0;
  }
  double floordiv, mod;
  float_div_mod(a, b, &floordiv, &mod);
  return floordiv;
}

/* CPython's float_rem (same fix-ups as float_div_mod, without the quotient). */
double roast_rt_float_mod(double a, double b, const char *file, int32_t line, const char *fn) {
  /* CPython 3.12 says just "float modulo" here (unlike "... by zero" for //). */
  if (b == 0.0) {
    roast_rt_raise(ROAST_ERR_ZERO_DIVISION, "float modulo", file, line, fn);
    return 0.0;
  }
  double mod = fmod(a, b);
  if (mod != 0.0) {
    if ((b < 0) != (mod < 0))
      mod += b;
  } else {
    mod = copysign(0.0, b);
  }
  return mod;
}

int64_t roast_rt_float_to_int(double v, const char *file, int32_t line, const char *fn) {
  if (isnan(v)) {
    roast_rt_raise(ROAST_ERR_VALUE, "cannot convert float NaN to integer", file, line, fn);
    return 0;
  }
  if (isinf(v)) {
    roast_rt_raise(ROAST_ERR_OVERFLOW, "cannot convert float infinity to integer", file, line,
                   fn);
    return 0;
  }
  /* int64 covers [-2^63, 2^63); both bounds are exact doubles, and the
   * conversion below truncates toward zero like int(). */
  if (!(v >= -0x1p63 && v < 0x1p63)) {
    roast_rt_raise(ROAST_ERR_OVERFLOW, "integer overflow", file, line, fn);
    return 0;
  }
  return (int64_t)v;
}

/* round(v): the nearest int, halves to even (CPython's float.__round__). */
int64_t roast_rt_float_round(double v, const char *file, int32_t line, const char *fn) {
  return roast_rt_float_to_int(nearbyint(v), file, line, fn);
}

/* round(v, ndigits), correctly rounded as CPython's double_round: the
 * decimal digits come from printf (exact, halves to even on the binary
 * value) and are read back with strtod. */
double roast_rt_float_round_digits(double v, int64_t ndigits) {
  if (!isfinite(v) || v == 0.0 || ndigits > 325)
    return v;
  char buf[400];
  if (ndigits >= 0) {
    snprintf(buf, sizeof buf, "%.*f", (int)ndigits, v);
    return strtod(buf, NULL);
  }
  if (ndigits < -330)
    return copysign(0.0, v);
  /* Round at 10^-ndigits: keep the significant digits above it. */
  int decpt = (int)floor(log10(fabs(v))) + 1; /* digits before the point */
  double unit = pow(10.0, (double)-ndigits);
  int significant = decpt + (int)ndigits;
  if (significant <= 0) {
    /* |v| < unit: 0 or one unit, halves to even (0). */
    double half = unit / 2;
    return fabs(v) > half ? copysign(unit, v) : copysign(0.0, v);
  }
  snprintf(buf, sizeof buf, "%.*e", significant - 1, v);
  return strtod(buf, NULL);
}
