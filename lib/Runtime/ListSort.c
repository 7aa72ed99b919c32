/* ListSort.c - list.sort(): a port of CPython 3.12's timsort, comparison for comparison. */
#include "ListInternal.h"
#include "StrInternal.h"

#include <stdlib.h>
#include <string.h>

/*
 * A port of listsort() from CPython 3.12's Objects/listobject.c (see its
 * Objects/listsort.txt for the algorithm: natural runs extended to minrun
 * by binary insertion, merged by the "powersort" policy, with galloping).
 * Why a port rather than any stable merge sort: Python code sees which
 * comparisons a sort makes.  A NaN compares false both ways, so where NaNs
 * end up depends on the exact sequence of `<` calls; and in a list holding
 * None the first failing comparison names the TypeError's operand types
 * ('str' and 'NoneType', or the reverse).  Making CPython's comparisons
 * gives CPython's answers in both cases.
 *
 * A comparison that raises (a TypeError for None, a RecursionError)
 * returns -1, and the sort stops at once by CPython's "fail" paths, which
 * put the elements a merge holds in its temporary array back: the list is
 * left a permutation of itself, as in CPython.
 * Left out: key functions (the compiler can decorate), and the
 * "list modified during sort" check (comparisons run no user code).
 */

enum {
  /* Enough for any list: runs on the stack have strictly decreasing
   * powers, which are at most the bits of a 64-bit length. */
  MAX_MERGE_PENDING = 64,
  /* Galloping starts after this many consecutive wins by one run. */
  MIN_GALLOP = 7,
  /* Merges of up to this many slots need no malloc. */
  MERGESTATE_TEMP_SIZE = 256,
};

typedef struct SortState SortState;

typedef struct Run {
  uint64_t *base;
  int64_t len;
  int power; /* node level in the powersort merge tree */
} Run;

struct SortState {
  int (*less)(uint64_t a, uint64_t b, const SortState *ms); /* a < b: 1, 0, or -1 if it raised */
  const char *file;                                          /* for a raising comparison */
  int32_t line;
  const char *fn;
  int64_t min_gallop; /* adapts: lower for structured data, higher for random */
  int64_t listlen;
  uint64_t *basekeys;
  uint64_t *a; /* temporary storage for merges: temparray or malloc'd */
  int64_t alloced;
  int n; /* runs on the pending stack */
  Run pending[MAX_MERGE_PENDING];
  uint64_t temparray[MERGESTATE_TEMP_SIZE];
};

#define ISLT(X, Y) (ms->less((X), (Y), ms))
/* CPython's IFLT: "if (X < Y)", leaving through `fail` when it raised. */
#define IFLT(X, Y)                                                                                 \
  if ((k = ISLT((X), (Y))) < 0)                                                                    \
    goto fail;                                                                                     \
  if (k)

/* ---- Comparisons (CPython's pre-sort check picks one for the whole list) ---- */

static int less_int(uint64_t a, uint64_t b, const SortState *ms) {
  (void)ms;
  return (int64_t)a < (int64_t)b;
}

static int less_float(uint64_t a, uint64_t b, const SortState *ms) {
  (void)ms;
  return roast_rt_slot_double(a) < roast_rt_slot_double(b);
}

static int less_str(uint64_t a, uint64_t b, const SortState *ms) {
  (void)ms;
  return roast_rt_str_compare((const RoastStr *)roast_rt_slot_object(a),
                              (const RoastStr *)roast_rt_slot_object(b)) < 0;
}

/* Anything else: nested lists, None (a TypeError), ... */
static int less_object(uint64_t a, uint64_t b, const SortState *ms) {
  int order = roast_rt_slot_order(ROAST_ELEM_OBJECT, a, ROAST_ELEM_OBJECT, b, ROAST_CMP_LT,
                                  ms->file, ms->line, ms->fn);
  if (roast_rt_exception)
    return -1;
  return order == ROAST_ORDER_LESS;
}

/* Dynamic values: mixed numbers compare by value, and anything else
 * through the generic order ('<' of a str and an int raises the TypeError
 * naming them in the order CPython's comparison does). */
static int less_value(uint64_t a, uint64_t b, const SortState *ms) {
  int order = roast_rt_slot_order(ROAST_ELEM_VALUE, a, ROAST_ELEM_VALUE, b, ROAST_CMP_LT,
                                  ms->file, ms->line, ms->fn);
  if (roast_rt_exception)
    return -1;
  return order == ROAST_ORDER_LESS;
}

/* Dynamic values that are all inline ints or all strs (CPython's
 * unsafe_long_compare and unsafe_latin_compare pick the same way). */
static int less_value_int(uint64_t a, uint64_t b, const SortState *ms) {
  (void)ms;
  return roast_rt_value_small_int(a) < roast_rt_value_small_int(b);
}

static int less_value_str(uint64_t a, uint64_t b, const SortState *ms) {
  (void)ms;
  return roast_rt_str_compare((const RoastStr *)roast_rt_value_object(a),
                              (const RoastStr *)roast_rt_value_object(b)) < 0;
}

/* Tuples whose first items are all ints (CPython's unsafe_tuple_compare):
 * the first items decide unless equal, when the whole tuples are compared.
 * sort(key=) sorts (key, index) pairs, so this is its common case. */
static int less_int_first_tuple(uint64_t a, uint64_t b, const SortState *ms) {
  const RoastTuple *x = (const RoastTuple *)roast_rt_slot_object(a);
  const RoastTuple *y = (const RoastTuple *)roast_rt_slot_object(b);
  int64_t p = (int64_t)x->items[0], q = (int64_t)y->items[0];
  if (p != q)
    return p < q;
  return less_object(a, b, ms);
}

/* ---- Runs ------------------------------------------------------------------- */

static void reverse_slice(uint64_t *lo, uint64_t *hi) {
  for (--hi; lo < hi; ++lo, --hi) {
    uint64_t t = *lo;
    *lo = *hi;
    *hi = t;
  }
}

/* Sort [lo, hi) by binary insertion, given that [lo, start) is sorted.
 * Stable: an element goes after the elements equal to it.  -1 if a
 * comparison raised (the pivot is then still in place). */
static int binarysort(SortState *ms, uint64_t *lo, uint64_t *hi, uint64_t *start) {
  int k;
  if (lo == start)
    ++start;
  for (; start < hi; ++start) {
    uint64_t *l = lo, *r = start, *p;
    uint64_t pivot = *r;
    /* Invariants: pivot >= all in [lo, l), pivot < all in [r, start). */
    do {
      p = l + ((r - l) >> 1);
      IFLT(pivot, *p)
        r = p;
      else
        l = p + 1;
    } while (l < r);
    for (p = start; p > l; --p)
      *p = *(p - 1);
    *l = pivot;
  }
  return 0;
fail:
  return -1;
}

/* The length of the run at the start of [lo, hi): the longest ascending
 * (lo[0] <= lo[1] <= ...) or strictly descending (lo[0] > lo[1] > ...)
 * prefix; strict, so reversing it keeps equal elements in order.  -1 if a
 * comparison raised. */
static int64_t count_run(SortState *ms, uint64_t *lo, uint64_t *hi, bool *descending) {
  int k;
  *descending = false;
  ++lo;
  if (lo == hi)
    return 1;
  int64_t n = 2;
  IFLT(*lo, *(lo - 1)) {
    *descending = true;
    for (lo = lo + 1; lo < hi; ++lo, ++n) {
      if ((k = ISLT(*lo, *(lo - 1))) < 0)
        goto fail;
      if (!k)
        break;
    }
  } else {
    for (lo = lo + 1; lo < hi; ++lo, ++n) {
      IFLT(*lo, *(lo - 1))
        break;
    }
  }
  return n;
fail:
  return -1;
}

/* ---- Galloping -------------------------------------------------------------- */

/* The k in [0, n] with a[k-1] < key <= a[k] in the sorted a[0..n), searched
 * from a[hint] outwards by doubling steps, then by bisection; -1 if a
 * comparison raised. */
static int64_t gallop_left(SortState *ms, uint64_t key, uint64_t *a, int64_t n, int64_t hint) {
  int64_t ofs = 1, lastofs = 0, k;
  a += hint;
  IFLT(*a, key) {
    /* a[hint] < key: gallop right until a[hint + lastofs] < key <= a[hint + ofs]. */
    const int64_t maxofs = n - hint;
    while (ofs < maxofs) {
      IFLT(a[ofs], key) {
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      } else {
        break;
      }
    }
    if (ofs > maxofs)
      ofs = maxofs;
    lastofs += hint;
    ofs += hint;
  } else {
    /* key <= a[hint]: gallop left until a[hint - ofs] < key <= a[hint - lastofs]. */
    const int64_t maxofs = hint + 1;
    while (ofs < maxofs) {
      IFLT(*(a - ofs), key)
        break;
      lastofs = ofs;
      ofs = (ofs << 1) + 1;
    }
    if (ofs > maxofs)
      ofs = maxofs;
    k = lastofs;
    lastofs = hint - ofs;
    ofs = hint - k;
  }
  a -= hint;
  /* Now a[lastofs] < key <= a[ofs]: bisect in between. */
  ++lastofs;
  while (lastofs < ofs) {
    int64_t m = lastofs + ((ofs - lastofs) >> 1);
    IFLT(a[m], key)
      lastofs = m + 1;
    else
      ofs = m;
  }
  return ofs;
fail:
  return -1;
}

/* Like gallop_left, but the k with a[k-1] <= key < a[k]: after any
 * elements equal to key. */
static int64_t gallop_right(SortState *ms, uint64_t key, uint64_t *a, int64_t n, int64_t hint) {
  int64_t ofs = 1, lastofs = 0, k;
  a += hint;
  IFLT(key, *a) {
    /* key < a[hint]: gallop left until a[hint - ofs] <= key < a[hint - lastofs]. */
    const int64_t maxofs = hint + 1;
    while (ofs < maxofs) {
      IFLT(key, *(a - ofs)) {
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      } else {
        break;
      }
    }
    if (ofs > maxofs)
      ofs = maxofs;
    k = lastofs;
    lastofs = hint - ofs;
    ofs = hint - k;
  } else {
    /* a[hint] <= key: gallop right until a[hint + lastofs] <= key < a[hint + ofs]. */
    const int64_t maxofs = n - hint;
    while (ofs < maxofs) {
      IFLT(key, a[ofs])
        break;
      lastofs = ofs;
      ofs = (ofs << 1) + 1;
    }
    if (ofs > maxofs)
      ofs = maxofs;
    lastofs += hint;
    ofs += hint;
  }
  a -= hint;
  /* Now a[lastofs] <= key < a[ofs]: bisect in between. */
  ++lastofs;
  while (lastofs < ofs) {
    int64_t m = lastofs + ((ofs - lastofs) >> 1);
    IFLT(key, a[m])
      ofs = m;
    else
      lastofs = m + 1;
  }
  return ofs;
fail:
  return -1;
}

/* ---- Merging ---------------------------------------------------------------- */

/* Temporary room for `need` slots.  The old contents are not kept. */
static void merge_getmem(SortState *ms, int64_t need) {
  if (need <= ms->alloced)
    return;
  if (ms->a != ms->temparray)
    free(ms->a);
  ms->a = roast_rt_malloc((size_t)need * sizeof(uint64_t)); /* need <= list length */
  ms->alloced = need;
}

static void merge_freemem(SortState *ms) {
  if (ms->a != ms->temparray)
    free(ms->a);
  ms->a = NULL;
}

/* Merge the na slots at ssa with the nb slots at ssb == ssa + na, in place
 * and stably; na <= nb, ssa[na-1] belongs at the end and ssb[0] at the
 * start.  The shorter run A goes to the temporary array.  -1 if a
 * comparison raised: what is left of A is then copied back into the gap
 * (ssb - dest == na throughout), so the list holds every element once. */
static int merge_lo(SortState *ms, uint64_t *ssa, int64_t na, uint64_t *ssb, int64_t nb) {
  uint64_t *dest;
  int64_t min_gallop, acount, bcount, k;
  int result = -1;
  merge_getmem(ms, na);
  memcpy(ms->a, ssa, (size_t)na * sizeof(uint64_t));
  dest = ssa;
  ssa = ms->a;

  *dest++ = *ssb++;
  --nb;
  if (nb == 0)
    goto succeed;
  if (na == 1)
    goto copy_b;

  min_gallop = ms->min_gallop;
  for (;;) {
    acount = 0; /* times A won in a row */
    bcount = 0; /* times B won in a row */
    /* One element at a time until one run seems to win consistently. */
    for (;;) {
      IFLT(*ssb, *ssa) {
        *dest++ = *ssb++;
        ++bcount;
        acount = 0;
        --nb;
        if (nb == 0)
          goto succeed;
        if (bcount >= min_gallop)
          break;
      } else {
        *dest++ = *ssa++;
        ++acount;
        bcount = 0;
        --na;
        if (na == 1)
          goto copy_b;
        if (acount >= min_gallop)
          break;
      }
    }
    /* Gallop while either run keeps winning by MIN_GALLOP or more. */
    ++min_gallop;
    do {
      min_gallop -= min_gallop > 1;
      ms->min_gallop = min_gallop;
      k = gallop_right(ms, *ssb, ssa, na, 0);
      if (k < 0)
        goto fail;
      acount = k;
      if (k) {
        memcpy(dest, ssa, (size_t)k * sizeof(uint64_t));
        dest += k;
        ssa += k;
        na -= k;
        if (na == 1)
          goto copy_b;
        /* na == 0 is impossible with a consistent comparison; CPython
         * does not assume one, nor do we (NaNs are not consistent). */
        if (na == 0)
          goto succeed;
      }
      *dest++ = *ssb++;
      --nb;
      if (nb == 0)
        goto succeed;

      k = gallop_left(ms, *ssa, ssb, nb, 0);
      if (k < 0)
        goto fail;
      bcount = k;
      if (k) {
        memmove(dest, ssb, (size_t)k * sizeof(uint64_t));
        dest += k;
        ssb += k;
        nb -= k;
        if (nb == 0)
          goto succeed;
      }
      *dest++ = *ssa++;
      --na;
      if (na == 1)
        goto copy_b;
    } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
    ++min_gallop; /* penalize leaving galloping mode */
    ms->min_gallop = min_gallop;
  }
succeed:
  result = 0;
fail:
  if (na)
    memcpy(dest, ssa, (size_t)na * sizeof(uint64_t));
  return result;
copy_b:
  /* The last element of A belongs at the end of the merge. */
  memmove(dest, ssb, (size_t)nb * sizeof(uint64_t));
  dest[nb] = *ssa;
  return 0;
}

/* As merge_lo, for na >= nb: the shorter run B goes to the temporary array
 * and the merge runs from the right (on failure what is left of B fills
 * the gap: dest - ssa == nb throughout). */
static int merge_hi(SortState *ms, uint64_t *ssa, int64_t na, uint64_t *ssb, int64_t nb) {
  uint64_t *dest, *basea, *baseb;
  int64_t min_gallop, acount, bcount, k;
  int result = -1;
  merge_getmem(ms, nb);
  dest = ssb + nb - 1;
  memcpy(ms->a, ssb, (size_t)nb * sizeof(uint64_t));
  basea = ssa;
  baseb = ms->a;
  ssb = ms->a + nb - 1;
  ssa += na - 1;

  *dest-- = *ssa--;
  --na;
  if (na == 0)
    goto succeed;
  if (nb == 1)
    goto copy_a;

  min_gallop = ms->min_gallop;
  for (;;) {
    acount = 0;
    bcount = 0;
    for (;;) {
      IFLT(*ssb, *ssa) {
        *dest-- = *ssa--;
        ++acount;
        bcount = 0;
        --na;
        if (na == 0)
          goto succeed;
        if (acount >= min_gallop)
          break;
      } else {
        *dest-- = *ssb--;
        ++bcount;
        acount = 0;
        --nb;
        if (nb == 1)
          goto copy_a;
        if (bcount >= min_gallop)
          break;
      }
    }
    ++min_gallop;
    do {
      min_gallop -= min_gallop > 1;
      ms->min_gallop = min_gallop;
      k = gallop_right(ms, *ssb, basea, na, na - 1);
      if (k < 0)
        goto fail;
      k = na - k;
      acount = k;
      if (k) {
        dest -= k;
        ssa -= k;
        memmove(dest + 1, ssa + 1, (size_t)k * sizeof(uint64_t));
        na -= k;
        if (na == 0)
          goto succeed;
      }
      *dest-- = *ssb--;
      --nb;
      if (nb == 1)
        goto copy_a;

      k = gallop_left(ms, *ssa, baseb, nb, nb - 1);
      if (k < 0)
        goto fail;
      k = nb - k;
      bcount = k;
      if (k) {
        dest -= k;
        ssb -= k;
        memcpy(dest + 1, ssb + 1, (size_t)k * sizeof(uint64_t));
        nb -= k;
        if (nb == 1)
          goto copy_a;
        if (nb == 0) /* as in merge_lo: only with an inconsistent comparison */
          goto succeed;
      }
      *dest-- = *ssa--;
      --na;
      if (na == 0)
        goto succeed;
    } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
    ++min_gallop;
    ms->min_gallop = min_gallop;
  }
succeed:
  result = 0;
fail:
  if (nb)
    memcpy(dest - (nb - 1), baseb, (size_t)nb * sizeof(uint64_t));
  return result;
copy_a:
  /* The first element of B belongs at the front of the merge. */
  memmove(dest + 1 - na, ssa + 1 - na, (size_t)na * sizeof(uint64_t));
  dest -= na;
  *dest = *ssb;
  return 0;
}

/* Merge the runs at stack indices i and i + 1 (i is the 2nd- or 3rd-last);
 * -1 if a comparison raised. */
static int merge_at(SortState *ms, int i) {
  uint64_t *ssa = ms->pending[i].base, *ssb = ms->pending[i + 1].base;
  int64_t na = ms->pending[i].len, nb = ms->pending[i + 1].len;
  ms->pending[i].len = na + nb;
  if (i == ms->n - 3)
    ms->pending[i + 1] = ms->pending[i + 2];
  --ms->n;

  /* Elements of A before where B's first belongs are already in place. */
  int64_t k = gallop_right(ms, *ssb, ssa, na, 0);
  if (k < 0)
    return -1;
  ssa += k;
  na -= k;
  if (na == 0)
    return 0;
  /* So are elements of B after where A's last belongs. */
  nb = gallop_left(ms, ssa[na - 1], ssb, nb, nb - 1);
  if (nb <= 0)
    return (int)nb; /* -1: raised */
  if (na <= nb)
    return merge_lo(ms, ssa, na, ssb, nb);
  return merge_hi(ms, ssa, na, ssb, nb);
}

/* The powersort "power" of the run at s1 (length n1) followed by one of
 * length n2, in a list of length n: the first bit where the binary
 * fractions of the two runs' midpoints (as fractions of n) differ. */
static int powerloop(int64_t s1, int64_t n1, int64_t n2, int64_t n) {
  int result = 0;
  /* Twice the midpoints, to stay in integers. */
  int64_t a = 2 * s1 + n1, b = a + n1 + n2;
  for (;;) {
    ++result;
    if (a >= n) { /* both quotient bits are 1 */
      a -= n;
      b -= n;
    } else if (b >= n) { /* the bits differ */
      break;
    }
    a <<= 1;
    b <<= 1;
  }
  return result;
}

/* A run of length n2 was found: merge the runs on the stack whose power is
 * greater than the new boundary's.  The caller then pushes the run.  -1 if
 * a comparison raised. */
static int found_new_run(SortState *ms, int64_t n2) {
  if (ms->n == 0)
    return 0;
  Run *p = ms->pending;
  int64_t s1 = p[ms->n - 1].base - ms->basekeys;
  int power = powerloop(s1, p[ms->n - 1].len, n2, ms->listlen);
  while (ms->n > 1 && p[ms->n - 2].power > power)
    if (merge_at(ms, ms->n - 2) < 0)
      return -1;
  p[ms->n - 1].power = power;
  return 0;
}

static int merge_force_collapse(SortState *ms) {
  Run *p = ms->pending;
  while (ms->n > 1) {
    int n = ms->n - 2;
    if (n > 0 && p[n - 1].len < p[n + 1].len)
      --n;
    if (merge_at(ms, n) < 0)
      return -1;
  }
  return 0;
}

/* n if n < 64; otherwise a k in [32, 64] with n / k just below a power of 2. */
static int64_t merge_compute_minrun(int64_t n) {
  int64_t r = 0; /* becomes 1 if any 1 bits are shifted off */
  while (n >= 64) {
    r |= n & 1;
    n >>= 1;
  }
  return n + r;
}

/* ---- Entry point ------------------------------------------------------------ */

static bool all_strs(const RoastList *l) {
  for (int64_t i = 0; i < l->length; ++i) {
    const RoastObject *o = roast_rt_slot_object(roast_rt_list_slots(l)[i]);
    if (!o || o->type_id != ROAST_TYPE_STR)
      return false;
  }
  return true;
}

/* The comparison for a list of dynamic values. */
static int (*value_less(const RoastList *l))(uint64_t, uint64_t, const SortState *) {
  const uint64_t *slots = roast_rt_list_slots(l);
  bool ints = true, strs = true;
  for (int64_t i = 0; i < l->length && (ints || strs); ++i) {
    ints = ints && roast_rt_value_is_small_int(slots[i]);
    strs = strs && roast_rt_value_type_id(slots[i]) == ROAST_TYPE_STR;
  }
  return ints ? less_value_int : strs ? less_value_str : less_value;
}

static bool all_int_first_tuples(const RoastList *l) {
  for (int64_t i = 0; i < l->length; ++i) {
    const RoastTuple *t = (const RoastTuple *)roast_rt_slot_object(roast_rt_list_slots(l)[i]);
    if (!t || t->header.type_id != ROAST_TYPE_TUPLE || t->length == 0 ||
        ((const uint8_t *)(t->items + t->length))[0] != ROAST_ELEM_INT)
      return false;
  }
  return true;
}

/* A packed bool list sorts by counting: equal bools cannot be told apart,
 * and comparing them can neither raise nor be inconsistent, so the result
 * is timsort's without its comparisons. */
static void sort_bools(RoastList *l, int32_t reverse) {
  unsigned char *bytes = roast_rt_list_bytes(l);
  size_t n = (size_t)l->length, trues = 0;
  for (size_t i = 0; i < n; ++i)
    trues += bytes[i];
  if (reverse) {
    memset(bytes, 1, trues);
    memset(bytes + trues, 0, n - trues);
  } else {
    memset(bytes, 0, n - trues);
    memset(bytes + (n - trues), 1, trues);
  }
}

/* Element i of `l` becomes the one at index index_at(order, i): the
 * elements only move.  "list modified during sort" if a key function
 * changed the list's length. */
static void move_into_order(RoastList *l, const RoastList *order,
                            int64_t (*index_at)(const uint64_t *order, int64_t i, int32_t reverse),
                            int32_t reverse, const char *file, int32_t line, const char *fn) {
  int64_t n = l->length;
  if (order->length != n) {
    roast_rt_raise(ROAST_ERR_VALUE, "list modified during sort", file, line, fn);
    return;
  }
  size_t size = roast_rt_list_kind(l) == ROAST_ELEM_BOOL ? 1 : 8;
  unsigned char *before = roast_rt_malloc((size_t)n * size + 1);
  unsigned char *bytes = roast_rt_list_bytes(l);
  memcpy(before, bytes, (size_t)n * size);
  const uint64_t *slots = roast_rt_list_slots(order);
  if (size == 8) { /* not a memcpy call per element */
    uint64_t *words = (uint64_t *)bytes;
    const uint64_t *old_words = (const uint64_t *)before;
    for (int64_t i = 0; i < n; ++i)
      words[i] = old_words[index_at(slots, i, reverse)];
  } else {
    for (int64_t i = 0; i < n; ++i)
      bytes[i] = before[index_at(slots, i, reverse)];
  }
  free(before);
}

static int64_t pair_index(const uint64_t *pairs, int64_t i, int32_t reverse) {
  const RoastTuple *pair = (const RoastTuple *)roast_rt_slot_object(pairs[i]);
  int64_t index = (int64_t)pair->items[1];
  return reverse ? -index : index;
}

void roast_rt_list_reorder(RoastList *l, const RoastList *pairs, int32_t reverse, const char *file,
                           int32_t line, const char *fn) {
  move_into_order(l, pairs, pair_index, reverse, file, line, fn);
}

static int64_t plain_index(const uint64_t *indices, int64_t i, int32_t reverse) {
  (void)reverse;
  return (int64_t)indices[i];
}

RoastList *roast_rt_list_permuted(const RoastList *l, const RoastList *indices, const char *file,
                                  int32_t line, const char *fn) {
  int64_t n = indices->length;
  if (l->length != n) { /* a key function changed it */
    roast_rt_raise(ROAST_ERR_VALUE, "list modified during sort", file, line, fn);
    return NULL;
  }
  int32_t kind = roast_rt_list_kind(l);
  RoastList *out = roast_rt_list_new(n, kind);
  const uint64_t *order = roast_rt_list_slots(indices);
  if (kind == ROAST_ELEM_BOOL) {
    const unsigned char *from = roast_rt_list_bytes(l);
    unsigned char *to = roast_rt_list_bytes(out);
    for (int64_t i = 0; i < n; ++i)
      to[i] = from[order[i]];
  } else {
    const uint64_t *from = roast_rt_list_slots(l);
    uint64_t *to = roast_rt_list_slots(out);
    /* `order` is a permutation: each element is retained once, in the
     * list's order, which is usually the order the objects were made in
     * (counting them in sorted order misses the cache on every one). */
    roast_rt_slots_retain(kind, from, n);
    for (int64_t i = 0; i < n; ++i)
      to[i] = from[order[i]];
  }
  out->length = n;
  return out;
}

void roast_rt_list_permute(RoastList *l, const RoastList *indices, const char *file, int32_t line,
                           const char *fn) {
  move_into_order(l, indices, plain_index, 0, file, line, fn);
}

/* ---- argsort: the stable order of int keys ------------------------------------ */

/* Why not timsort on (key, index) pairs: int keys compare without raising
 * and without NaNs, so no Python code can tell one stable sort from
 * another, and an LSD radix sort (stable, one pass per key digit that
 * varies) needs neither boxed pairs nor comparisons. */

static int bit_width(uint64_t x) { return x ? 64 - __builtin_clzll(x) : 0; }

enum { DIGIT_BITS = 11, DIGIT_BUCKETS = 1 << DIGIT_BITS };

/* The usual case: the keys' range and the indices fit one word together,
 * ((key - lo) << index_bits) | index, so each pass moves 8 bytes an
 * element and only the key's own bits are sorted on.  Returns the buffer,
 * a or b, that ends up sorted. */
static uint64_t *radix_sort_packed(uint64_t *a, uint64_t *b, int64_t n, int index_bits,
                                   int key_bits) {
  int digits = (key_bits + DIGIT_BITS - 1) / DIGIT_BITS;
  size_t(*counts)[DIGIT_BUCKETS] = roast_rt_malloc((size_t)digits * sizeof *counts);
  memset(counts, 0, (size_t)digits * sizeof *counts);
  for (int64_t i = 0; i < n; ++i)
    for (int d = 0; d < digits; ++d)
      ++counts[d][(a[i] >> (index_bits + d * DIGIT_BITS)) & (DIGIT_BUCKETS - 1)];
  for (int d = 0; d < digits; ++d) {
    int low = index_bits + d * DIGIT_BITS;
    size_t *count = counts[d];
    if (count[(a[0] >> low) & (DIGIT_BUCKETS - 1)] == (size_t)n)
      continue; /* every key has this digit: the pass would move nothing */
    size_t next = 0;
    for (int v = 0; v < DIGIT_BUCKETS; ++v) {
      size_t c = count[v];
      count[v] = next;
      next += c;
    }
    for (int64_t i = 0; i < n; ++i)
      b[count[(a[i] >> low) & (DIGIT_BUCKETS - 1)]++] = a[i];
    uint64_t *t = a;
    a = b;
    b = t;
  }
  free(counts);
  return a;
}

typedef struct KeyIndex {
  uint64_t key; /* the int key, made an unsigned number in the wanted order */
  int64_t index;
} KeyIndex;

/* Keys too far apart to share a word with their indices: (key, index)
 * pairs, one pass per key byte that varies. */
static void radix_sort_pairs(const uint64_t *slots, uint64_t flip, int64_t n, uint64_t *out) {
  KeyIndex *a = roast_rt_malloc(2 * (size_t)n * sizeof *a), *b = a + n;
  size_t(*counts)[256] = roast_rt_malloc(8 * sizeof *counts);
  memset(counts, 0, 8 * sizeof *counts);
  for (int64_t i = 0; i < n; ++i) {
    uint64_t key = slots[i] ^ flip;
    a[i].key = key;
    a[i].index = i;
    for (int d = 0; d < 8; ++d)
      ++counts[d][(key >> (8 * d)) & 255];
  }
  for (int d = 0; d < 8; ++d) {
    size_t *count = counts[d];
    if (count[(a[0].key >> (8 * d)) & 255] == (size_t)n)
      continue; /* every key has this byte: the pass would move nothing */
    size_t next = 0;
    for (int v = 0; v < 256; ++v) {
      size_t c = count[v];
      count[v] = next;
      next += c;
    }
    for (int64_t i = 0; i < n; ++i)
      b[count[(a[i].key >> (8 * d)) & 255]++] = a[i];
    KeyIndex *t = a;
    a = b;
    b = t;
  }
  for (int64_t i = 0; i < n; ++i)
    out[i] = (uint64_t)a[i].index;
  free(a < b ? a : b);
  free(counts);
}

RoastList *roast_rt_list_argsort(const RoastList *keys, int32_t reverse) {
  int64_t n = keys->length;
  RoastList *order = roast_rt_list_new(n, ROAST_ELEM_INT);
  order->length = n;
  uint64_t *out = roast_rt_list_slots(order);
  /* Flipping the sign bit makes signed order unsigned order; complementing
   * as well reverses it (without negation's overflow at INT64_MIN).  Equal
   * keys keep their order either way, as Python's reverse=True does. */
  const uint64_t sign = UINT64_C(1) << 63, flip = reverse ? ~sign : sign;
  const uint64_t *slots = roast_rt_list_slots(keys);
  uint64_t lo = UINT64_MAX, hi = 0;
  /* Runs sorted either way (as timsort finds them) need no sort: keys in
   * order give 0..n-1, keys strictly against it (no two equal, so
   * stability is not at stake) give n-1..0. */
  bool ascending = true, descending = true;
  for (int64_t i = 0; i < n; ++i) {
    uint64_t key = slots[i] ^ flip;
    lo = key < lo ? key : lo;
    hi = key > hi ? key : hi;
    if (i > 0) {
      uint64_t previous = slots[i - 1] ^ flip;
      ascending = ascending && previous <= key;
      descending = descending && previous > key;
    }
  }
  if (ascending || descending) {
    for (int64_t i = 0; i < n; ++i)
      out[i] = (uint64_t)(ascending ? i : n - 1 - i);
    return order;
  }
  int index_bits = bit_width((uint64_t)n - 1), key_bits = bit_width(hi - lo);
  if (index_bits + key_bits > 64) {
    radix_sort_pairs(slots, flip, n, out);
    return order;
  }
  uint64_t *a = roast_rt_malloc(2 * (size_t)n * sizeof *a);
  for (int64_t i = 0; i < n; ++i)
    a[i] = (((slots[i] ^ flip) - lo) << index_bits) | (uint64_t)i;
  uint64_t *sorted_words = radix_sort_packed(a, a + n, n, index_bits, key_bits);
  const uint64_t index_mask = (UINT64_C(1) << index_bits) - 1;
  for (int64_t i = 0; i < n; ++i)
    out[i] = sorted_words[i] & index_mask;
  free(a);
  return order;
}

void roast_rt_list_sort(RoastList *l, int32_t reverse, const char *file, int32_t line,
                        const char *fn) {
  int64_t length = l->length;
  if (length < 2)
    return;
  if (roast_rt_list_kind(l) == ROAST_ELEM_BOOL) {
    sort_bools(l, reverse);
    return;
  }
  SortState ms;
  switch (roast_rt_list_kind(l)) {
  case ROAST_ELEM_INT: ms.less = less_int; break;
  case ROAST_ELEM_FLOAT: ms.less = less_float; break;
  case ROAST_ELEM_VALUE: ms.less = value_less(l); break;
  default:
    ms.less = all_strs(l)               ? less_str
              : all_int_first_tuples(l) ? less_int_first_tuple
                                        : less_object;
    break;
  }
  ms.file = file;
  ms.line = line;
  ms.fn = fn;
  ms.min_gallop = MIN_GALLOP;
  ms.listlen = length;
  uint64_t *slots = roast_rt_list_slots(l); /* not a bool list: 8-byte slots */
  ms.basekeys = slots;
  ms.a = ms.temparray;
  ms.alloced = MERGESTATE_TEMP_SIZE;
  ms.n = 0;

  /* Descending and stable: reverse, sort ascending, reverse back. */
  uint64_t *lo = slots;
  if (reverse)
    reverse_slice(lo, lo + length);

  int64_t remaining = length, minrun = merge_compute_minrun(length);
  do {
    bool descending;
    int64_t n = count_run(&ms, lo, lo + remaining, &descending);
    if (n < 0)
      goto fail;
    if (descending)
      reverse_slice(lo, lo + n);
    /* A short run is extended to minrun (or the rest) by insertion. */
    if (n < minrun) {
      int64_t force = remaining <= minrun ? remaining : minrun;
      if (binarysort(&ms, lo, lo + force, lo + n) < 0)
        goto fail;
      n = force;
    }
    if (found_new_run(&ms, n) < 0)
      goto fail;
    ms.pending[ms.n].base = lo;
    ms.pending[ms.n].len = n;
    ++ms.n;
    lo += n;
    remaining -= n;
  } while (remaining);
  merge_force_collapse(&ms);

fail:
  /* Done, or a comparison raised: either way the list holds each element
   * once, and CPython reverses it back after a failure too. */
  if (reverse)
    reverse_slice(slots, slots + length);
  merge_freemem(&ms);
}
