/* Math.c - the math module's functions that can raise, with CPython's errors. */
#include "StrInternal.h"

#include <math.h>

/* The MathFunction numbering of the roast dialect (RoastOps.td). */
enum {
  MATH_SQRT = 0, MATH_EXP = 1, MATH_LOG = 2, MATH_LOG_BASE = 3, MATH_LOG2 = 4,
  MATH_LOG10 = 5, MATH_POW = 6, MATH_SIN = 7, MATH_COS = 8, MATH_TAN = 9,
  MATH_ASIN = 10, MATH_ACOS = 11, MATH_ATAN = 12, MATH_ATAN2 = 13, MATH_HYPOT = 14,
  MATH_GCD = 15, MATH_ISQRT = 16, MATH_FACTORIAL = 17
};

/* Raise ValueError "math domain error"; returns a dummy result for the
 * caller to return (raising returns, Runtime.h). */
static double domain_error(const char *file, int32_t line, const char *fn) {
  roast_rt_raise(ROAST_ERR_VALUE, "math domain error", file, line, fn);
  return 0.0;
}

/* CPython's math_1 rule: a finite argument with an infinite result is an
 * overflow; NaN from a non-NaN argument is a domain error. */
static double checked(double x, double r, const char *file, int32_t line, const char *fn) {
  if (isnan(r) && !isnan(x))
    return domain_error(file, line, fn);
  if (isinf(r) && isfinite(x)) {
    roast_rt_raise(ROAST_ERR_OVERFLOW, "math range error", file, line, fn);
    return 0.0;
  }
  return r;
}

static double log_checked(double x, const char *file, int32_t line, const char *fn) {
  if (!(x > 0) && !isnan(x))
    return domain_error(file, line, fn);
  return log(x);
}

double roast_rt_math_float(int32_t function, double x, double y, const char *file, int32_t line,
                           const char *fn) {
  switch (function) {
  case MATH_SQRT: return checked(x, sqrt(x), file, line, fn);
  case MATH_EXP: return checked(x, exp(x), file, line, fn);
  case MATH_LOG: return log_checked(x, file, line, fn);
  case MATH_LOG_BASE: {
    double num = log_checked(x, file, line, fn);
    if (roast_rt_exception)
      return 0.0; /* not a second error for y */
    double den = log_checked(y, file, line, fn);
    if (roast_rt_exception)
      return 0.0;
    if (den == 0) {
      roast_rt_raise(ROAST_ERR_ZERO_DIVISION, "float division by zero", file, line, fn);
      return 0.0;
    }
    return num / den;
  }
  case MATH_LOG2:
    if (!(x > 0) && !isnan(x))
      return domain_error(file, line, fn);
    return log2(x);
  case MATH_LOG10:
    if (!(x > 0) && !isnan(x))
      return domain_error(file, line, fn);
    return log10(x);
  case MATH_POW: {
    /* CPython's math.pow: 0 ** negative and negative ** fraction are domain
     * errors, a finite overflow a range error. */
    if (x == 0 && y < 0 && isfinite(y))
      return domain_error(file, line, fn);
    double r = pow(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y))
      return domain_error(file, line, fn);
    if (isinf(r) && isfinite(x) && isfinite(y)) {
      roast_rt_raise(ROAST_ERR_OVERFLOW, "math range error", file, line, fn);
      return 0.0;
    }
    return r;
  }
  case MATH_SIN: return checked(x, sin(x), file, line, fn);
  case MATH_COS: return checked(x, cos(x), file, line, fn);
  case MATH_TAN: return checked(x, tan(x), file, line, fn);
  case MATH_ASIN: return checked(x, asin(x), file, line, fn);
  case MATH_ACOS: return checked(x, acos(x), file, line, fn);
  case MATH_ATAN: return atan(x);
  case MATH_ATAN2: return atan2(x, y);
  case MATH_HYPOT: return hypot(x, y);
  default: return NAN; /* a compiler bug */
  }
}

/* The magnitude of v without overflow (INT64_MIN has none in int64). */
static uint64_t magnitude(int64_t v) { return v < 0 ? 0 - (uint64_t)v : (uint64_t)v; }

int64_t roast_rt_math_int(int32_t function, int64_t a, int64_t b, const char *file, int32_t line,
                          const char *fn) {
  switch (function) {
  case MATH_GCD: {
    uint64_t x = magnitude(a), y = magnitude(b);
    while (y) {
      uint64_t t = x % y;
      x = y;
      y = t;
    }
    if (x > (uint64_t)INT64_MAX) {
      roast_rt_raise(ROAST_ERR_OVERFLOW, "integer overflow", file, line, fn);
      return 0;
    }
    return (int64_t)x;
  }
  case MATH_ISQRT: {
    if (a < 0) {
      roast_rt_raise(ROAST_ERR_VALUE, "isqrt() argument must be nonnegative", file, line, fn);
      return 0;
    }
    /* A double estimate, then exact integer correction. */
    uint64_t r = (uint64_t)sqrt((double)a);
    while (r * r > (uint64_t)a)
      --r;
    while ((r + 1) * (r + 1) <= (uint64_t)a)
      ++r;
    return (int64_t)r;
  }
  case MATH_FACTORIAL: {
    if (a < 0) {
      roast_rt_raise(ROAST_ERR_VALUE, "factorial() not defined for negative values", file, line,
                     fn);
      return 0;
    }
    int64_t r = 1;
    for (int64_t i = 2; i <= a; ++i) {
      if (__builtin_mul_overflow(r, i, &r)) {
        roast_rt_raise(ROAST_ERR_OVERFLOW, "integer overflow", file, line, fn);
        return 0;
      }
    }
    return r;
  }
  default: return 0; /* a compiler bug */
  }
}
