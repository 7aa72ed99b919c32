/* ValueItems.c - len(v), v[k], v[k] = x, del v[k], v[a:b:c] and `x in v` on dynamic values. */
#include "HashTableInternal.h"

#include <stdlib.h>

/* ---- len -------------------------------------------------------------------------------- */

int64_t roast_rt_value_len(RoastValue v, const char *file, int32_t line, const char *fn) {
  const RoastWhere *at = ROAST_WHERE(file, line, fn);
  switch (roast_rt_value_type_id(v)) {
  case ROAST_TYPE_STR: return roast_rt_str_len((const RoastStr *)roast_rt_value_object(v));
  case ROAST_TYPE_LIST:
  case ROAST_TYPE_TUPLE:
  case ROAST_TYPE_DICT:
  case ROAST_TYPE_SET: return ((const RoastList *)roast_rt_value_object(v))->length; /* offset 16 */
  default: break;
  }
  RoastValue r;
  if (roast_rt_value_try_method(v, "__len__", 0, NULL, &r, at)) {
    if (roast_rt_exception)
      return -1;
    int64_t n;
    bool ok = roast_rt_value_int_like(r, &n);
    if (!ok)
      roast_rt_raisef(ROAST_ERR_TYPE, at, "'%s' object cannot be interpreted as an integer",
                      roast_rt_value_type_name(r));
    else if (n < 0)
      roast_rt_raisef(ROAST_ERR_VALUE, at, "__len__() should return >= 0");
    roast_rt_value_release(r);
    return ok && n >= 0 ? n : -1;
  }
  roast_rt_raisef(ROAST_ERR_TYPE, at, "object of type '%s' has no len()",
                  roast_rt_value_type_name(v));
  return -1;
}

/* ---- Indexing ------------------------------------------------------------------------- */

/* An index as an int, or a TypeError in the container's words. */
static bool index_of(RoastValue key, RoastValue container, int64_t *i, const RoastWhere *at) {
  if (roast_rt_value_int_like(key, i))
    return true;
  const char *type = roast_rt_value_type_name(container);
  if (roast_rt_value_type_id(container) == ROAST_TYPE_STR)
    roast_rt_raisef(ROAST_ERR_TYPE, at, "string indices must be integers, not '%s'",
                    roast_rt_value_type_name(key));
  else
    roast_rt_raisef(ROAST_ERR_TYPE, at, "%s indices must be integers or slices, not %s", type,
                    roast_rt_value_type_name(key));
  return false;
}

static RoastValue tuple_getitem(const RoastTuple *t, int64_t i, const RoastWhere *at) {
  if (i < 0)
    i += t->length;
  if (i < 0 || i >= t->length) {
    roast_rt_raisef(ROAST_ERR_INDEX, at, "tuple index out of range");
    return 0;
  }
  return roast_rt_value_from_slot(roast_rt_tuple_kinds(t)[i], t->items[i]);
}

static RoastValue dict_getitem(const RoastDict *d, RoastValue key, const RoastWhere *at) {
  int64_t ix = roast_rt_table_find_value(&d->table, roast_rt_dict_key_kind(d), key, at);
  if (ix >= 0)
    return roast_rt_value_from_slot(roast_rt_dict_value_kind(d),
                                    roast_rt_table_entry(&d->table, ix)[2]);
  if (!roast_rt_exception)
    roast_rt_raise_key_error(ROAST_ELEM_VALUE, key, at->file, at->line, at->fn);
  return 0;
}

RoastValue roast_rt_value_getitem(RoastValue v, RoastValue key, const char *file, int32_t line,
                                  const char *fn) {
  const RoastWhere *at = ROAST_WHERE(file, line, fn);
  RoastObject *o = roast_rt_value_owned(v);
  int64_t i;
  switch (roast_rt_value_type_id(v)) {
  case ROAST_TYPE_STR: {
    if (!index_of(key, v, &i, at))
      return 0;
    RoastStr *s = roast_rt_str_getitem((RoastStr *)o, i, file, line, fn);
    return s ? roast_rt_value_take_object(s) : 0;
  }
  case ROAST_TYPE_LIST: {
    if (!index_of(key, v, &i, at))
      return 0;
    RoastList *l = (RoastList *)o;
    uint64_t slot = roast_rt_list_get(l, i, file, line, fn);
    return roast_rt_exception ? 0 : roast_rt_value_from_slot(roast_rt_list_kind(l), slot);
  }
  case ROAST_TYPE_TUPLE:
    return index_of(key, v, &i, at) ? tuple_getitem((RoastTuple *)o, i, at) : 0;
  case ROAST_TYPE_DICT: return dict_getitem((RoastDict *)o, key, at);
  default: break;
  }
  RoastValue r;
  if (roast_rt_value_try_method(v, "__getitem__", 1, &key, &r, at))
    return r;
  roast_rt_raisef(ROAST_ERR_TYPE, at, "'%s' object is not subscriptable",
                  roast_rt_value_type_name(v));
  return 0;
}

bool roast_rt_value_setitem(RoastValue v, RoastValue key, RoastValue item, const char *file,
                            int32_t line, const char *fn) {
  const RoastWhere *at = ROAST_WHERE(file, line, fn);
  RoastObject *o = roast_rt_value_owned(v);
  int64_t i;
  switch (roast_rt_value_type_id(v)) {
  case ROAST_TYPE_LIST: {
    if (!index_of(key, v, &i, at))
      return false;
    RoastList *l = (RoastList *)o;
    uint32_t kind = roast_rt_list_kind(l);
    uint64_t slot = roast_rt_slot_convert_owned(item, ROAST_ELEM_VALUE, kind, at);
    if (!roast_rt_exception)
      roast_rt_list_set(l, i, slot, file, line, fn);
    roast_rt_slot_release(kind, slot);
    return !roast_rt_exception;
  }
  case ROAST_TYPE_DICT: return roast_rt_dict_set_value((RoastDict *)o, key, item, at);
  default: break;
  }
  RoastValue args[2] = {key, item}, r;
  if (roast_rt_value_try_method(v, "__setitem__", 2, args, &r, at)) {
    roast_rt_value_release(r);
    return !roast_rt_exception;
  }
  roast_rt_raisef(ROAST_ERR_TYPE, at, "'%s' object does not support item assignment",
                  roast_rt_value_type_name(v));
  return false;
}

bool roast_rt_value_delitem(RoastValue v, RoastValue key, const char *file, int32_t line,
                            const char *fn) {
  const RoastWhere *at = ROAST_WHERE(file, line, fn);
  RoastObject *o = roast_rt_value_owned(v);
  int64_t i;
  switch (roast_rt_value_type_id(v)) {
  case ROAST_TYPE_LIST:
    if (!index_of(key, v, &i, at))
      return false;
    roast_rt_list_del_item((RoastList *)o, i, file, line, fn);
    return !roast_rt_exception;
  case ROAST_TYPE_DICT: {
    RoastDict *d = (RoastDict *)o;
    int64_t ix = roast_rt_table_find_value(&d->table, roast_rt_dict_key_kind(d), key, at);
    if (ix < 0) {
      if (!roast_rt_exception)
        roast_rt_raise_key_error(ROAST_ELEM_VALUE, key, file, line, fn);
      return false;
    }
    /* The dict's own key slot, so the typed path finds it again. */
    roast_rt_dict_del(d, roast_rt_table_entry(&d->table, ix)[1], file, line, fn);
    return !roast_rt_exception;
  }
  default: break;
  }
  RoastValue r;
  if (roast_rt_value_try_method(v, "__delitem__", 1, &key, &r, at)) {
    roast_rt_value_release(r);
    return !roast_rt_exception;
  }
  roast_rt_raisef(ROAST_ERR_TYPE, at, "'%s' object doesn't support item deletion",
                  roast_rt_value_type_name(v));
  return false;
}

/* ---- Slicing ---------------------------------------------------------------------------- */

/* A slice bound: an int, or None (absent); sets bit `bit` of *which when given. */
static bool slice_bound(RoastValue b, int32_t bit, int64_t *out, int32_t *which,
                        const RoastWhere *at) {
  if (roast_rt_value_is_none(b))
    return true;
  if (!roast_rt_value_int_like(b, out)) {
    roast_rt_raisef(ROAST_ERR_TYPE, at,
                    "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  *which |= bit;
  return true;
}

static RoastTuple *tuple_slice(const RoastTuple *t, int64_t start, int64_t stop, int64_t step,
                               int32_t which, const RoastWhere *at) {
  int64_t n = roast_rt_slice_indices(t->length, &start, &stop, &step, which, at->file, at->line,
                                     at->fn);
  if (roast_rt_exception)
    return NULL;
  uint8_t *kinds = roast_rt_malloc((size_t)n + 1);
  for (int64_t k = 0; k < n; ++k)
    kinds[k] = roast_rt_tuple_kinds(t)[start + k * step];
  RoastTuple *r = roast_rt_tuple_new(n, kinds);
  for (int64_t k = 0; k < n; ++k) {
    r->items[k] = t->items[start + k * step];
    roast_rt_slot_retain(kinds[k], r->items[k]);
  }
  free(kinds);
  return r;
}

RoastValue roast_rt_value_getslice(RoastValue v, RoastValue start, RoastValue stop,
                                   RoastValue step, const char *file, int32_t line,
                                   const char *fn) {
  const RoastWhere *at = ROAST_WHERE(file, line, fn);
  int64_t a = 0, b = 0, c = 0;
  int32_t which = 0;
  uint32_t type = roast_rt_value_type_id(v);
  if (type != ROAST_TYPE_STR && type != ROAST_TYPE_LIST && type != ROAST_TYPE_TUPLE) {
    /* Roast has no slice objects to pass to __getitem__. */
    roast_rt_raisef(ROAST_ERR_TYPE, at, "'%s' object is not subscriptable",
                    roast_rt_value_type_name(v));
    return 0;
  }
  if (!slice_bound(start, ROAST_SLICE_START, &a, &which, at) ||
      !slice_bound(stop, ROAST_SLICE_STOP, &b, &which, at) ||
      !slice_bound(step, ROAST_SLICE_STEP, &c, &which, at))
    return 0;
  RoastObject *o = roast_rt_value_object(v), *r;
  if (type == ROAST_TYPE_STR)
    r = (RoastObject *)roast_rt_str_slice((RoastStr *)o, a, b, c, which, file, line, fn);
  else if (type == ROAST_TYPE_LIST)
    r = (RoastObject *)roast_rt_list_slice((RoastList *)o, a, b, c, which, file, line, fn);
  else
    r = (RoastObject *)tuple_slice((RoastTuple *)o, a, b, c, which, at);
  return roast_rt_exception ? 0 : roast_rt_value_take_object(r);
}

/* ---- in ---------------------------------------------------------------------------------- */

static int32_t tuple_contains(const RoastTuple *t, RoastValue item, const RoastWhere *at) {
  const uint8_t *kinds = roast_rt_tuple_kinds(t);
  for (int64_t i = 0; i < t->length; ++i) {
    if (roast_rt_slot_eq(kinds[i], t->items[i], ROAST_ELEM_VALUE, item, at->file, at->line, at->fn))
      return 1;
    if (roast_rt_exception)
      return -1;
  }
  return 0;
}

/* item in an iterable without __contains__ (an iterator, a file, an
 * instance with __iter__): the items compared one by one. */
static int32_t iterable_contains(RoastValue v, RoastValue item, const RoastWhere *at) {
  RoastValue it = roast_rt_value_iter(v, at->file, at->line, at->fn), x;
  if (roast_rt_exception)
    return -1;
  int32_t found = 0;
  while (!found && roast_rt_value_next(it, &x, at->file, at->line, at->fn)) {
    found = roast_rt_slot_eq(ROAST_ELEM_VALUE, x, ROAST_ELEM_VALUE, item, at->file, at->line, at->fn);
    roast_rt_value_release(x);
  }
  roast_rt_value_release(it);
  return roast_rt_exception ? -1 : found;
}

int32_t roast_rt_value_contains(RoastValue container, RoastValue item, const char *file,
                                int32_t line, const char *fn) {
  const RoastWhere *at = ROAST_WHERE(file, line, fn);
  RoastObject *o = roast_rt_value_owned(container);
  switch (roast_rt_value_type_id(container)) {
  case ROAST_TYPE_STR:
    if (roast_rt_value_type_id(item) != ROAST_TYPE_STR) {
      roast_rt_raisef(ROAST_ERR_TYPE, at, "'in <string>' requires string as left operand, not %s",
                      roast_rt_value_type_name(item));
      return -1;
    }
    return roast_rt_str_contains((RoastStr *)o, (RoastStr *)roast_rt_value_object(item));
  case ROAST_TYPE_LIST: {
    const RoastList *l = (const RoastList *)o;
    int64_t i = roast_rt_list_find_value(l, item, 0, INT64_MAX, at);
    return roast_rt_exception ? -1 : i >= 0;
  }
  case ROAST_TYPE_TUPLE: return tuple_contains((RoastTuple *)o, item, at);
  case ROAST_TYPE_DICT:
  case ROAST_TYPE_SET: {
    /* CPython looks a set up in a set as a frozenset, which Roast has
     * not: no element can equal it. */
    if (roast_rt_value_type_id(container) == ROAST_TYPE_SET &&
        roast_rt_value_type_id(item) == ROAST_TYPE_SET)
      return 0;
    /* A dict's and a set's table have their kind at the same place. */
    const RoastSet *s = (const RoastSet *)o;
    int64_t ix = roast_rt_table_find_value(&s->table, roast_rt_set_kind(s), item, at);
    return roast_rt_exception ? -1 : ix >= 0;
  }
  default: break;
  }
  RoastValue r;
  if (roast_rt_value_try_method(container, "__contains__", 1, &item, &r, at)) {
    int32_t truth = roast_rt_exception ? -1 : roast_rt_value_truth(r, file, line, fn);
    roast_rt_value_release(r);
    return truth;
  }
  uint32_t type = roast_rt_value_type_id(container);
  if (type == ROAST_TYPE_ITERATOR || type == ROAST_TYPE_FILE ||
      roast_rt_value_hasattr(container, "__iter__"))
    return iterable_contains(container, item, at);
  roast_rt_raisef(ROAST_ERR_TYPE, at, "argument of type '%s' is not iterable",
                  roast_rt_value_type_name(container));
  return -1;
}
