/* random_tests.c - the random module's stream against values CPython 3.12 printed. */
#include "Roast/Runtime/Runtime.h"
#include "runtime_tests.h"

#include <string.h>

/* Exact equality: the stream must be CPython's bit for bit. */
static void check_double(double got, double want, const char *what) {
  CHECK(got == want, "%s: got %.17g, want %.17g", what, got, want);
}

static void test_seeding(void) {
  /* random.seed(0); [random.random() for _ in range(3)] */
  roast_rt_random_seed(0);
  check_double(roast_rt_random_random(), 0.8444218515250481, "seed(0) first");
  check_double(roast_rt_random_random(), 0.7579544029403025, "seed(0) second");
  check_double(roast_rt_random_random(), 0.420571580830845, "seed(0) third");
  /* seed(2**40): a two-word key; randint over the whole int64 range. */
  roast_rt_random_seed(INT64_C(1) << 40);
  check_double(roast_rt_random_random(), 0.1036394562812375, "seed(2**40)");
  CHECK(roast_rt_random_randint(INT64_MIN, INT64_MAX, NULL, 0, NULL) ==
            INT64_C(-8012066496292746069),
        "randint(-2**63, 2**63 - 1)");
  /* seed(-2**63): the absolute value, which int64 cannot hold. */
  roast_rt_random_seed(INT64_MIN);
  CHECK(roast_rt_random_getrandbits(63, NULL, 0, NULL) == INT64_C(3633012915649368328),
        "getrandbits(63)");
  CHECK(roast_rt_random_randrange(10, -10, -3, 1, NULL, 0, NULL) == 7, "randrange(10, -10, -3)");
  check_double(roast_rt_random_uniform(-1.5, 2.5), -0.5320227155323667, "uniform(-1.5, 2.5)");
}

static RoastList *int_list(uint32_t kind, const int64_t *values, int64_t n) {
  RoastList *l = roast_rt_list_new(n, kind);
  for (int64_t i = 0; i < n; ++i)
    roast_rt_list_append(l, (uint64_t)values[i]);
  return l;
}

static void test_lists(void) {
  /* A packed bool list shuffles as CPython's list of bools. */
  static const int64_t bits[] = {1, 0, 0, 1, 0, 1, 1, 0};
  static const int64_t shuffled_bits[] = {1, 1, 0, 0, 0, 1, 0, 1};
  RoastList *b = int_list(ROAST_ELEM_BOOL, bits, 8);
  roast_rt_random_seed(3);
  roast_rt_random_shuffle(b);
  for (int64_t i = 0; i < 8; ++i)
    CHECK(((const unsigned char *)b->items)[i] == shuffled_bits[i], "bool shuffle [%lld]",
          (long long)i);
  roast_rt_release(&b->header);

  /* A list of strs: a permutation, every str keeping its one reference. */
  RoastList *s = roast_rt_list_new(5, ROAST_ELEM_OBJECT);
  RoastStr *strs[5];
  for (int i = 0; i < 5; ++i) {
    char c = (char)('a' + i);
    strs[i] = roast_rt_str_new(&c, 1);
    roast_rt_list_append(s, (uint64_t)(uintptr_t)strs[i]);
  }
  roast_rt_random_seed(4);
  roast_rt_random_shuffle(s);
  static const char want[] = "deacb";
  for (int i = 0; i < 5; ++i) {
    const RoastStr *got = (const RoastStr *)(uintptr_t)s->items[i];
    CHECK(got->data[0] == want[i], "str shuffle [%d]: got %c", i, got->data[0]);
    CHECK(strs[i]->header.refcount == 2, "str shuffle keeps refcounts");
  }
  for (int i = 0; i < 5; ++i)
    roast_rt_release(&strs[i]->header);
  roast_rt_release(&s->header);

  /* random.seed(5); [random.choice([10, 20, 30, 40]) for _ in range(6)] */
  static const int64_t tens[] = {10, 20, 30, 40};
  static const int64_t chosen[] = {30, 30, 10, 40, 20, 10};
  RoastList *t = int_list(ROAST_ELEM_INT, tens, 4);
  roast_rt_random_seed(5);
  for (int i = 0; i < 6; ++i)
    CHECK((int64_t)roast_rt_random_choice(t, NULL, 0, NULL) == chosen[i], "choice #%d", i);
  roast_rt_release(&t->header);
}

static void choose_from_empty(const void *arg) {
  (void)arg;
  RoastList *l = roast_rt_list_new(0, ROAST_ELEM_INT);
  roast_rt_random_choice(l, "p.roast", 3, "f");
}

static void randint_empty(const void *arg) {
  (void)arg;
  roast_rt_random_randint(INT64_MAX, INT64_MAX - 1, "p.roast", 4, NULL);
}

static void test_errors(void) {
  expect_child_stderr(choose_from_empty, NULL,
                      "Traceback (most recent call last):\n  File \"p.roast\", line 3, in f\n"
                      "IndexError: Cannot choose from an empty sequence\n",
                      "choice([])");
  /* b + 1 is 2**63 - 1 here, the largest stop the message can show. */
  expect_child_stderr(randint_empty, NULL,
                      "Traceback (most recent call last):\n  File \"p.roast\", line 4, in <module>\n"
                      "ValueError: empty range in randrange(9223372036854775807, "
                      "9223372036854775807)\n",
                      "randint(2**63 - 1, 2**63 - 2)");
}

void test_random(void) {
  test_seeding();
  test_lists();
  test_errors();
}
