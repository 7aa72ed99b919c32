/* Random.c - the random module: CPython 3.12's Mersenne Twister stream, bit for bit. */
/* getrandom and getpid are POSIX/Linux, not C11. */
#define _DEFAULT_SOURCE

#include "ListInternal.h"

#include <stdio.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

/* uniform() must round a + (b - a) * r in two steps, as CPython does. */
#pragma STDC FP_CONTRACT OFF

/* ---- MT19937, as Modules/_randommodule.c ---------------------------------- */

enum { N = 624, M = 397 };
#define MATRIX_A 0x9908b0dfU
#define UPPER_MASK 0x80000000U
#define LOWER_MASK 0x7fffffffU

/* One generator per program, as the module-level functions share CPython's
 * hidden Random instance; next_word == N + 1 means "not seeded yet". */
static uint32_t state[N];
static int next_word = N + 1;

static void init_genrand(uint32_t s) {
  state[0] = s;
  for (int i = 1; i < N; ++i)
    state[i] = 1812433253U * (state[i - 1] ^ (state[i - 1] >> 30)) + (uint32_t)i;
  next_word = N;
}

static void init_by_array(const uint32_t *key, size_t length) {
  init_genrand(19650218U);
  size_t i = 1, j = 0;
  for (size_t k = N > length ? N : length; k; --k) {
    state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) * 1664525U)) + key[j] +
               (uint32_t)j;
    ++i;
    ++j;
    if (i >= N) {
      state[0] = state[N - 1];
      i = 1;
    }
    if (j >= length)
      j = 0;
  }
  for (size_t k = N - 1; k; --k) {
    state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) * 1566083941U)) - (uint32_t)i;
    ++i;
    if (i >= N) {
      state[0] = state[N - 1];
      i = 1;
    }
  }
  state[0] = 0x80000000U; /* MSB is 1, assuring a non-zero initial array */
}

/* CPython seeds its instance from the OS at import; seeding on first use
 * instead spares programs that never draw a number the 2.5 KB read. */
static void seed_from_os(void) {
  uint32_t key[N];
  size_t got = 0;
  while (got < sizeof key) {
    ssize_t n = getrandom((char *)key + got, sizeof key - got, GRND_NONBLOCK);
    if (n <= 0)
      break;
    got += (size_t)n;
  }
  if (got < sizeof key) { /* no entropy: CPython's fallback of time and pid */
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    uint32_t fallback[5] = {(uint32_t)ts.tv_sec, (uint32_t)((uint64_t)ts.tv_sec >> 32),
                            (uint32_t)ts.tv_nsec, (uint32_t)getpid(), 0};
    init_by_array(fallback, 5);
    return;
  }
  init_by_array(key, N);
}

static uint32_t genrand_uint32(void) {
  static const uint32_t mag01[2] = {0x0U, MATRIX_A};
  if (next_word >= N) {
    if (next_word > N)
      seed_from_os();
    int kk;
    uint32_t y;
    for (kk = 0; kk < N - M; ++kk) {
      y = (state[kk] & UPPER_MASK) | (state[kk + 1] & LOWER_MASK);
      state[kk] = state[kk + M] ^ (y >> 1) ^ mag01[y & 0x1U];
    }
    for (; kk < N - 1; ++kk) {
      y = (state[kk] & UPPER_MASK) | (state[kk + 1] & LOWER_MASK);
      state[kk] = state[kk + (M - N)] ^ (y >> 1) ^ mag01[y & 0x1U];
    }
    y = (state[N - 1] & UPPER_MASK) | (state[0] & LOWER_MASK);
    state[N - 1] = state[M - 1] ^ (y >> 1) ^ mag01[y & 0x1U];
    next_word = 0;
  }
  uint32_t y = state[next_word++];
  y ^= (y >> 11);
  y ^= (y << 7) & 0x9d2c5680U;
  y ^= (y << 15) & 0xefc60000U;
  y ^= (y >> 18);
  return y;
}

/* getrandbits(k) for 0 <= k <= 128: 32-bit words from the least
 * significant up, the last one shifted down to the bits still wanted. */
typedef unsigned __int128 u128;

static u128 getrandbits(int k) {
  if (k <= 32)
    return k == 0 ? 0 : genrand_uint32() >> (32 - k);
  u128 r = 0;
  for (int shift = 0; k > 0; shift += 32, k -= 32) {
    uint32_t word = genrand_uint32();
    if (k < 32)
      word >>= 32 - k;
    r |= (u128)word << shift;
  }
  return r;
}

static int bit_length(u128 n) {
  int k = 0;
  for (; n; n >>= 1)
    ++k;
  return k;
}

/* _randbelow_with_getrandbits: [0, n) for n > 0, by rejection. */
static u128 randbelow(u128 n) {
  int k = bit_length(n);
  u128 r = getrandbits(k);
  while (r >= n)
    r = getrandbits(k);
  return r;
}

/* ---- The module's functions ----------------------------------------------- */

void roast_rt_random_seed(int64_t n) {
  /* random_seed(): the absolute value's 32-bit words, least significant first. */
  uint64_t magnitude = n < 0 ? 0 - (uint64_t)n : (uint64_t)n;
  uint32_t key[2] = {(uint32_t)magnitude, (uint32_t)(magnitude >> 32)};
  init_by_array(key, key[1] ? 2 : 1);
}

void roast_rt_random_seed_os(void) { seed_from_os(); }

double roast_rt_random_random(void) {
  uint32_t a = genrand_uint32() >> 5, b = genrand_uint32() >> 6;
  return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

double roast_rt_random_uniform(double a, double b) {
  return a + (b - a) * roast_rt_random_random();
}

int64_t roast_rt_random_getrandbits(int64_t k, const char *file, int32_t line, const char *fn) {
  if (k < 0) {
    roast_rt_raise(ROAST_ERR_VALUE, "number of bits must be non-negative", file, line, fn);
    return 0;
  }
  if (k > 63) { /* Roast-specific: the result would not fit an int */
    roast_rt_raise(ROAST_ERR_OVERFLOW, "integer overflow", file, line, fn);
    return 0;
  }
  return (int64_t)getrandbits((int)k);
}

/* Widths and counts are 128-bit: randrange(-2**63, 2**63 - 1) spans 2**64 - 1. */
typedef __int128 i128;

static i128 floor_div(i128 a, i128 b) {
  i128 q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

int64_t roast_rt_random_randrange(int64_t start, int64_t stop, int64_t step, int32_t has_stop,
                                  const char *file, int32_t line, const char *fn) {
  char message[96];
  if (!has_stop) {
    if (start > 0)
      return (int64_t)randbelow((u128)start);
    roast_rt_raise(ROAST_ERR_VALUE, "empty range for randrange()", file, line, fn);
    return 0;
  }
  i128 width = (i128)stop - start;
  if (step == 1) {
    if (width > 0)
      return (int64_t)(start + (i128)randbelow((u128)width));
    snprintf(message, sizeof message, "empty range in randrange(%lld, %lld)", (long long)start,
             (long long)stop);
    roast_rt_raise(ROAST_ERR_VALUE, message, file, line, fn);
    return 0;
  }
  if (step == 0) {
    roast_rt_raise(ROAST_ERR_VALUE, "zero step for randrange()", file, line, fn);
    return 0;
  }
  i128 n = floor_div(step > 0 ? width + step - 1 : width + step + 1, step);
  if (n <= 0) {
    snprintf(message, sizeof message, "empty range in randrange(%lld, %lld, %lld)",
             (long long)start, (long long)stop, (long long)step);
    roast_rt_raise(ROAST_ERR_VALUE, message, file, line, fn);
    return 0;
  }
  return (int64_t)(start + step * (i128)randbelow((u128)n));
}

int64_t roast_rt_random_randint(int64_t a, int64_t b, const char *file, int32_t line,
                                const char *fn) {
  /* randrange(a, b + 1), without overflowing at b == INT64_MAX. */
  i128 width = (i128)b + 1 - a;
  if (width > 0)
    return (int64_t)(a + (i128)randbelow((u128)width));
  char message[96];
  snprintf(message, sizeof message, "empty range in randrange(%lld, %lld)", (long long)a,
           (long long)b + 1);
  roast_rt_raise(ROAST_ERR_VALUE, message, file, line, fn);
  return 0;
}

uint64_t roast_rt_random_choice(const RoastList *l, const char *file, int32_t line,
                                const char *fn) {
  if (l->length == 0) {
    roast_rt_raise(ROAST_ERR_INDEX, "Cannot choose from an empty sequence", file, line, fn);
    return 0;
  }
  return roast_rt_list_load(l, (int64_t)randbelow((u128)l->length));
}

void roast_rt_random_shuffle(RoastList *l) {
  /* A permutation: every element keeps its one reference. */
  for (int64_t i = l->length - 1; i >= 1; --i) {
    int64_t j = (int64_t)randbelow((u128)i + 1);
    uint64_t x = roast_rt_list_load(l, i);
    roast_rt_list_store(l, i, roast_rt_list_load(l, j));
    roast_rt_list_store(l, j, x);
  }
}
