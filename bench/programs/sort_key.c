/* C twin of sort_key.roast: qsort of (i, key) pairs by key, then by -i;
 * both keys are distinct, so stability does not matter. */
#include <stdio.h>
#include <stdlib.h>

typedef struct { long a, b; } Pair;

static int by_second(const void *x, const void *y) {
  long p = ((const Pair *)x)->b, q = ((const Pair *)y)->b;
  return (p > q) - (p < q);
}

static int by_neg_first(const void *x, const void *y) {
  long p = -((const Pair *)x)->a, q = -((const Pair *)y)->a;
  return (p > q) - (p < q);
}

int main(void) {
  long n = 1000000;
  Pair *pairs = malloc(n * sizeof(Pair)), *s = malloc(n * sizeof(Pair)),
       *t = malloc(n * sizeof(Pair));
  for (long i = 0; i < n; ++i) {
    pairs[i].a = i;
    pairs[i].b = (i * 7919) % 1000003;
  }
  for (long i = 0; i < n; ++i) s[i] = t[i] = pairs[i];
  qsort(s, n, sizeof(Pair), by_second);
  qsort(t, n, sizeof(Pair), by_neg_first);
  printf("(%ld, %ld) (%ld, %ld) (%ld, %ld) (%ld, %ld) (%ld, %ld)\n", s[0].a,
         s[0].b, s[n / 2].a, s[n / 2].b, s[n - 1].a, s[n - 1].b, t[0].a, t[0].b,
         t[n - 1].a, t[n - 1].b);
  free(pairs); free(s); free(t);
  return 0;
}
