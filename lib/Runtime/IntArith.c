/* IntArith.c - checked int64 exponentiation: a ** b and pow(a, b, m). */
#include "Roast/Runtime/Runtime.h"

int64_t roast_rt_int_pow(int64_t base, int64_t exp, const char *file, int32_t line,
                         const char *fn) {
  /* Python would return a float here; Roast's int ** int is always an int,
   * so a negative exponent is rejected instead. */
  if (exp < 0) {
    roast_rt_raise(ROAST_ERR_VALUE, "negative exponent in integer power", file, line, fn);
    return 0;
  }
  int64_t result = 1;
  /* Square-and-multiply, low bit first.  base is only squared while higher
   * exponent bits remain, so an overflowing square means the final result
   * (which contains that square as a factor) overflows too. */
  for (;;) {
    if ((exp & 1) && __builtin_mul_overflow(result, base, &result))
      goto overflow;
    exp >>= 1;
    if (exp == 0)
      return result;
    if (__builtin_mul_overflow(base, base, &base))
      goto overflow;
  }
overflow:
  roast_rt_raise(ROAST_ERR_OVERFLOW, "integer overflow", file, line, fn);
  return 0;
}

/* (a * b) % m without overflow: the product of two values below 2^64 fits
 * in 128 bits. */
static uint64_t mul_mod(uint64_t a, uint64_t b, uint64_t m) {
  __extension__ typedef unsigned __int128 u128;
  return (uint64_t)((u128)a * b % m);
}

/* Python's a % m for m > 0: always in [0, m). */
static uint64_t floor_mod(int64_t a, uint64_t m) {
  uint64_t magnitude = a < 0 ? 0 - (uint64_t)a : (uint64_t)a;
  uint64_t r = magnitude % m;
  return (a < 0 && r != 0) ? m - r : r;
}

/* Inverse of a (in [0, m)) modulo m > 1, or 0 when gcd(a, m) != 1.
 * Extended Euclid; the Bezout coefficients stay below m in magnitude, so
 * 128-bit signed arithmetic holds them even for m near 2^64. */
static uint64_t inverse_mod(uint64_t a, uint64_t m) {
  __extension__ typedef __int128 i128;
  uint64_t old_r = a, r = m;
  i128 old_s = 1, s = 0;
  while (r != 0) {
    uint64_t q = old_r / r;
    uint64_t next_r = old_r - q * r;
    old_r = r;
    r = next_r;
    i128 next_s = old_s - (i128)q * s;
    old_s = s;
    s = next_s;
  }
  if (old_r != 1)
    return 0;
  return (uint64_t)(old_s < 0 ? old_s + (i128)m : old_s);
}

/* Mirrors CPython's long_pow with a modulus: work modulo |m|, then give the
 * result the sign of m. */
int64_t roast_rt_int_pow_mod(int64_t base, int64_t exp, int64_t mod, const char *file,
                             int32_t line, const char *fn) {
  if (mod == 0) {
    roast_rt_raise(ROAST_ERR_VALUE, "pow() 3rd argument cannot be 0", file, line, fn);
    return 0; /* and no division by zero below */
  }
  /* |INT64_MIN| = 2^63 does not fit int64, but fits uint64. */
  uint64_t m = mod < 0 ? 0 - (uint64_t)mod : (uint64_t)mod;
  if (m == 1)
    return 0; /* checked before invertibility, as CPython does */
  uint64_t b = floor_mod(base, m);
  uint64_t e = (uint64_t)exp;
  if (exp < 0) { /* pow(b, -e, m) == pow(inverse(b), e, m) */
    b = inverse_mod(b, m);
    if (b == 0) {
      roast_rt_raise(ROAST_ERR_VALUE, "base is not invertible for the given modulus", file,
                     line, fn);
      return 0;
    }
    e = 0 - e;
  }
  uint64_t result = 1;
  for (; e != 0; e >>= 1) {
    if (e & 1)
      result = mul_mod(result, b, m);
    b = mul_mod(b, b, m);
  }
  if (mod < 0 && result != 0)
    return (int64_t)(result - m); /* in (-m, 0): fits int64 even for m = 2^63 */
  return (int64_t)result;
}
