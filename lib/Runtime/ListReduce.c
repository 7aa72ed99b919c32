/* ListReduce.c - sum(), min(), max(), any() and all() over a list. */
#include "ListInternal.h"

#include <math.h>
#include <string.h>

int64_t roast_rt_list_sum_int(const RoastList *l, const char *file, int32_t line, const char *fn) {
  int64_t total = 0;
  if (roast_rt_list_kind(l) == ROAST_ELEM_BOOL) {
    /* Packed 0/1 bytes: the count of Trues, which cannot overflow. */
    const unsigned char *bytes = roast_rt_list_bytes(l);
    for (int64_t i = 0; i < l->length; ++i)
      total += bytes[i];
    return total;
  }
  const uint64_t *slots = roast_rt_list_slots(l);
  for (int64_t i = 0; i < l->length; ++i) {
    if (__builtin_add_overflow(total, (int64_t)slots[i], &total)) {
      roast_rt_raise(ROAST_ERR_OVERFLOW, "integer overflow", file, line, fn);
      return 0;
    }
  }
  return total;
}

/* CPython 3.12's sum() of floats: the first item is added plainly to the
 * start value 0, the rest with Neumaier's compensated summation, and the
 * compensation is applied only when it is finite (so an infinite sum does
 * not become NaN). */
double roast_rt_list_sum_float(const RoastList *l) {
  if (l->length == 0)
    return 0.0;
  const uint64_t *slots = roast_rt_list_slots(l); /* a list of floats */
  double sum = 0.0 + roast_rt_slot_double(slots[0]);
  double c = 0.0;
  for (int64_t i = 1; i < l->length; ++i) {
    double x = roast_rt_slot_double(slots[i]);
    double t = sum + x;
    if (fabs(sum) >= fabs(x))
      c += (sum - t) + x;
    else
      c += (x - t) + sum;
    sum = t;
  }
  if (c != 0.0 && isfinite(c))
    sum += c;
  return sum;
}

/* Whether `candidate` replaces `best`: strictly less (min) or greater (max),
 * so the first of equal extremes wins and NaN never replaces anything. */
static bool better(uint32_t kind, uint64_t candidate, uint64_t best, int32_t want_max,
                   const char *file, int32_t line, const char *fn) {
  switch (kind) {
  case ROAST_ELEM_INT:
  case ROAST_ELEM_BOOL:
    return want_max ? (int64_t)candidate > (int64_t)best : (int64_t)candidate < (int64_t)best;
  case ROAST_ELEM_FLOAT: {
    double c = roast_rt_slot_double(candidate), b = roast_rt_slot_double(best);
    return want_max ? c > b : c < b;
  }
  default: {
    const RoastObject *c = kind == ROAST_ELEM_OBJECT ? roast_rt_slot_object(candidate) : NULL;
    const RoastObject *b = kind == ROAST_ELEM_OBJECT ? roast_rt_slot_object(best) : NULL;
    if (c && b && c->type_id == ROAST_TYPE_STR && b->type_id == ROAST_TYPE_STR) {
      int64_t order = roast_rt_str_compare((const RoastStr *)c, (const RoastStr *)b);
      return want_max ? order > 0 : order < 0;
    }
    /* Lists, tuples, sets, dynamic values; None and dicts raise the TypeError. */
    int32_t op = want_max ? ROAST_CMP_GT : ROAST_CMP_LT;
    return roast_rt_order_holds(
        roast_rt_slot_order(kind, candidate, kind, best, op, file, line, fn), op);
  }
  }
}

uint64_t roast_rt_list_extreme(const RoastList *l, int32_t want_max, const char *file,
                               int32_t line, const char *fn) {
  if (l->length == 0) {
    roast_rt_raise(ROAST_ERR_VALUE,
                   want_max ? "max() iterable argument is empty" : "min() iterable argument is empty",
                   file, line, fn);
    return 0; /* and no element 0 to read */
  }
  uint32_t kind = roast_rt_list_kind(l);
  uint64_t best = roast_rt_list_load(l, 0);
  for (int64_t i = 1; i < l->length; ++i) {
    uint64_t candidate = roast_rt_list_load(l, i);
    bool replace = better(kind, candidate, best, want_max, file, line, fn);
    if (roast_rt_exception)
      return 0; /* the comparison raised: no more of them */
    if (replace)
      best = candidate;
  }
  return best;
}

static bool truthy(uint32_t kind, uint64_t slot) {
  if (kind == ROAST_ELEM_VALUE) /* an instance's __bool__ may raise: false, and pending */
    return roast_rt_value_truth(slot, NULL, 0, NULL) > 0;
  if (kind == ROAST_ELEM_FLOAT)
    return roast_rt_slot_double(slot) != 0.0; /* NaN is true */
  if (kind != ROAST_ELEM_OBJECT)
    return slot != 0;
  const RoastObject *o = roast_rt_slot_object(slot);
  if (!o)
    return false;
  /* Every sized object (str, list, tuple, dict, set) has its length at
   * offset 16, where the compiler reads len() too. */
  return ((const RoastList *)o)->length != 0;
}

/* Whether a packed bool list holds the byte `value` (0 or 1). */
static bool bool_list_has(const RoastList *l, int value) {
  return l->length > 0 && memchr(roast_rt_list_bytes(l), value, (size_t)l->length) != NULL;
}

bool roast_rt_list_any(const RoastList *l) {
  uint32_t kind = roast_rt_list_kind(l);
  if (kind == ROAST_ELEM_BOOL)
    return bool_list_has(l, 1);
  const uint64_t *slots = roast_rt_list_slots(l);
  for (int64_t i = 0; i < l->length; ++i)
    if (truthy(kind, slots[i]))
      return true;
    else if (roast_rt_exception)
      return false;
  return false;
}

bool roast_rt_list_all(const RoastList *l) {
  uint32_t kind = roast_rt_list_kind(l);
  if (kind == ROAST_ELEM_BOOL)
    return !bool_list_has(l, 0);
  const uint64_t *slots = roast_rt_list_slots(l);
  for (int64_t i = 0; i < l->length; ++i)
    if (!truthy(kind, slots[i]))
      return false; /* also when it raised */
  return true;
}

/* ---- sum() of dynamic values ---------------------------------------------------------- */

/* Element i of l as a value (a new reference). */
static RoastValue item_value(const RoastList *l, int64_t i) {
  return roast_rt_value_from_slot(roast_rt_list_kind(l), roast_rt_list_load(l, i));
}

/* acc + element i by Python's + (acc is consumed). */
static RoastValue add_item(RoastValue acc, const RoastList *l, int64_t i, const RoastWhere *at) {
  RoastValue x = item_value(l, i);
  RoastValue r = roast_rt_value_binary(ROAST_BINOP_ADD, acc, x, false, at->file, at->line, at->fn);
  roast_rt_value_release(x);
  roast_rt_value_release(acc);
  return r;
}

/* CPython 3.12's builtin_sum_impl: exact int addition while the total and
 * the items are ints; once a float joins, float addition with Neumaier's
 * compensation (ints then added as doubles, uncompensated); anything else
 * by the generic +, from where the fast paths stopped. */
RoastValue roast_rt_sum_values(const RoastList *l, RoastValue start, const RoastWhere *at) {
  int64_t i = 0, n = l->length, total, item;
  roast_rt_value_retain(start);
  RoastValue acc = start;
  if (roast_rt_value_int_like(acc, &total) && !roast_rt_value_is_bool(acc)) {
    for (int64_t next; i < n; ++i) {
      RoastValue x = item_value(l, i);
      bool ok = roast_rt_value_int_like(x, &item) && !__builtin_add_overflow(total, item, &next);
      roast_rt_value_release(x);
      if (!ok)
        break; /* the generic + below raises the OverflowError */
      total = next;
    }
    roast_rt_value_release(acc);
    acc = roast_rt_value_from_int(total);
    if (i < n)
      acc = add_item(acc, l, i++, at);
  }
  if (!roast_rt_exception && roast_rt_value_is_double(acc)) {
    double sum = roast_rt_value_double(acc), c = 0.0;
    for (; i < n; ++i) {
      RoastValue x = item_value(l, i);
      if (roast_rt_value_is_double(x)) {
        double v = roast_rt_value_double(x), t = sum + v;
        c += fabs(sum) >= fabs(v) ? (sum - t) + v : (v - t) + sum;
        sum = t;
      } else if (roast_rt_value_int_like(x, &item)) {
        sum += (double)item;
      } else {
        roast_rt_value_release(x);
        break;
      }
      roast_rt_value_release(x); /* a big int's box */
    }
    if (c != 0.0 && isfinite(c))
      sum += c;
    acc = roast_rt_value_from_double(sum);
    if (i < n)
      acc = add_item(acc, l, i++, at);
  }
  for (; i < n && !roast_rt_exception; ++i)
    acc = add_item(acc, l, i, at);
  return roast_rt_exception ? 0 : acc;
}

RoastValue roast_rt_list_sum_value(const RoastList *l, const char *file, int32_t line,
                                   const char *fn) {
  return roast_rt_sum_values(l, roast_rt_value_from_int(0), ROAST_WHERE(file, line, fn));
}
