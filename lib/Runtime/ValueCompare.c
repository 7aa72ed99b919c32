/* ValueCompare.c - a OP b comparisons and truth testing of dynamic values. */
#include "ListInternal.h"

static const char *const compare_methods[] = {"__lt__", "__le__", "__eq__",
                                              "__ne__", "__gt__", "__ge__"};
/* The operator with the operands swapped: a < b is b > a. */
static const int32_t swapped[] = {ROAST_CMP_GT, ROAST_CMP_GE, ROAST_CMP_EQ,
                                  ROAST_CMP_NE, ROAST_CMP_LT, ROAST_CMP_LE};

/* a != b through a class's __eq__ alone: its negation (object.__ne__). */
static bool negated_eq(RoastValue a, RoastValue b, RoastValue *result, const RoastWhere *at) {
  RoastValue eq;
  if (!roast_rt_value_try_method(a, "__eq__", 1, &b, &eq, at) &&
      !roast_rt_value_try_method(b, "__eq__", 1, &a, &eq, at))
    return false;
  if (roast_rt_exception) {
    *result = 0;
    return true;
  }
  int32_t truth = roast_rt_value_truth(eq, at->file, at->line, at->fn);
  roast_rt_value_release(eq);
  *result = truth < 0 ? 0 : roast_rt_value_from_bool(!truth);
  return true;
}

/* CPython's do_richcompare for instances: a's method, then b's reflected
 * one.  Classes without them fall through to the generic comparison
 * (identity for ==, TypeError for <). */
static bool instance_compare(int32_t op, RoastValue a, RoastValue b, RoastValue *result,
                             const RoastWhere *at) {
  if (roast_rt_value_try_method(a, compare_methods[op], 1, &b, result, at) ||
      roast_rt_value_try_method(b, compare_methods[swapped[op]], 1, &a, result, at))
    return true;
  return op == ROAST_CMP_NE && negated_eq(a, b, result, at);
}

RoastValue roast_rt_value_compare(int32_t op, RoastValue a, RoastValue b, const char *file,
                                  int32_t line, const char *fn) {
  const RoastWhere *at = ROAST_WHERE(file, line, fn);
  if (op < ROAST_CMP_LT || op > ROAST_CMP_GE) {
    roast_rt_raisef(ROAST_ERR_TYPE, at, "invalid comparison"); /* a compiler bug */
    return 0;
  }
  if (roast_rt_value_is_small_int(a) && roast_rt_value_is_small_int(b)) {
    int64_t x = roast_rt_value_small_int(a), y = roast_rt_value_small_int(b);
    int order = x < y ? ROAST_ORDER_LESS : x > y ? ROAST_ORDER_GREATER : ROAST_ORDER_EQUAL;
    return roast_rt_value_from_bool(roast_rt_order_holds(order, op));
  }
  RoastValue r;
  if ((roast_rt_value_type_id(a) == ROAST_TYPE_INSTANCE ||
       roast_rt_value_type_id(b) == ROAST_TYPE_INSTANCE) &&
      instance_compare(op, a, b, &r, at))
    return r;
  int order = roast_rt_slot_order(ROAST_ELEM_VALUE, a, ROAST_ELEM_VALUE, b, op, file, line, fn);
  return roast_rt_exception ? 0 : roast_rt_value_from_bool(roast_rt_order_holds(order, op));
}

/* bool(instance): __bool__ (which must return a bool), then __len__, else true. */
static int32_t instance_truth(RoastValue v, const RoastWhere *at) {
  RoastValue r;
  if (roast_rt_value_try_method(v, "__bool__", 0, NULL, &r, at)) {
    if (roast_rt_exception)
      return -1;
    bool ok = roast_rt_value_is_bool(r);
    if (!ok)
      roast_rt_raisef(ROAST_ERR_TYPE, at, "__bool__ should return bool, returned %s",
                      roast_rt_value_type_name(r));
    roast_rt_value_release(r);
    return ok ? (int32_t)(r & 1) : -1;
  }
  if (roast_rt_value_hasattr(v, "__len__")) {
    int64_t n = roast_rt_value_len(v, at->file, at->line, at->fn);
    return n < 0 ? -1 : n > 0;
  }
  return 1;
}

int32_t roast_rt_value_truth(RoastValue v, const char *file, int32_t line, const char *fn) {
  int64_t i = 0;
  double d = 0;
  switch (roast_rt_value_number(v, &i, &d)) {
  case ROAST_ELEM_FLOAT: return d != 0.0; /* NaN is true */
  case ROAST_ELEM_INT:
  case ROAST_ELEM_BOOL: return i != 0;
  default: break;
  }
  switch (roast_rt_value_type_id(v)) {
  case 0: return 0; /* None */
  case ROAST_TYPE_STR:
  case ROAST_TYPE_LIST:
  case ROAST_TYPE_TUPLE:
  case ROAST_TYPE_DICT:
  case ROAST_TYPE_SET: return ((const RoastList *)roast_rt_value_object(v))->length != 0;
  case ROAST_TYPE_INSTANCE: return instance_truth(v, ROAST_WHERE(file, line, fn));
  default: return 1;
  }
}
