/* ValueContainerMethods.c - the list, dict, set and tuple methods dynamic code calls, on containers of any kind. */
#include "HashTableInternal.h"

#include <stdlib.h>

#define UNUSED_ARGS (void)argc, (void)argv, (void)at
#define METHOD(name)                                                                               \
  static RoastValue name(RoastObject *self, int64_t argc, const RoastValue *argv,                  \
                         const RoastWhere *at)

static RoastValue object_value(void *o) { return roast_rt_exception ? 0 : roast_rt_value_take_object(o); }

/* A slot the container gave up (pop) as a value: the slot's reference passes to it. */
static RoastValue owned_slot_value(uint32_t kind, uint64_t slot) {
  RoastValue v = roast_rt_value_from_slot(kind, slot);
  roast_rt_slot_release(kind, slot);
  return v;
}

/* list.index / tuple.index bounds: argv[1] and argv[2] clamped into [0, length]. */
static bool index_bounds(int64_t argc, const RoastValue *argv, int64_t length, int64_t *start,
                         int64_t *stop, const RoastWhere *at) {
  int64_t bounds[2] = {0, length};
  for (int k = 0; k < 2 && k + 1 < argc; ++k) {
    if (!roast_rt_value_int_arg(argv[k + 1], &bounds[k], at))
      return false;
    if (bounds[k] < 0 && (bounds[k] += length) < 0)
      bounds[k] = 0;
  }
  *start = bounds[0];
  *stop = bounds[1];
  return true;
}

/* ---- list ------------------------------------------------------------------------------- */

#define LIST ((RoastList *)self)

METHOD(list_append) {
  (void)argc;
  uint32_t kind = roast_rt_list_kind(LIST);
  uint64_t slot = roast_rt_slot_convert_owned(argv[0], ROAST_ELEM_VALUE, kind, at);
  if (roast_rt_exception)
    return 0;
  roast_rt_list_append(LIST, slot);
  roast_rt_slot_release(kind, slot);
  return ROAST_VALUE_NONE;
}

METHOD(list_pop) {
  int64_t i = -1;
  if (argc > 0 && !roast_rt_value_int_arg(argv[0], &i, at))
    return 0;
  uint64_t slot = roast_rt_list_pop(LIST, i, argc > 0, at->file, at->line, at->fn);
  return roast_rt_exception ? 0 : owned_slot_value(roast_rt_list_kind(LIST), slot);
}

METHOD(list_insert) {
  (void)argc;
  int64_t i;
  if (!roast_rt_value_int_arg(argv[0], &i, at))
    return 0;
  uint32_t kind = roast_rt_list_kind(LIST);
  uint64_t slot = roast_rt_slot_convert_owned(argv[1], ROAST_ELEM_VALUE, kind, at);
  if (roast_rt_exception)
    return 0;
  roast_rt_list_insert(LIST, i, slot);
  roast_rt_slot_release(kind, slot);
  return ROAST_VALUE_NONE;
}

METHOD(list_extend) {
  (void)argc;
  return roast_rt_list_extend_value(LIST, argv[0], at) ? ROAST_VALUE_NONE : 0;
}

METHOD(list_remove) {
  (void)argc;
  int64_t i = roast_rt_list_find_value(LIST, argv[0], 0, INT64_MAX, at);
  if (i >= 0)
    roast_rt_list_del_item(LIST, i, at->file, at->line, at->fn);
  else if (!roast_rt_exception)
    roast_rt_raisef(ROAST_ERR_VALUE, at, "list.remove(x): x not in list");
  return roast_rt_exception ? 0 : ROAST_VALUE_NONE;
}

METHOD(list_index) {
  int64_t start, stop;
  if (!index_bounds(argc, argv, LIST->length, &start, &stop, at))
    return 0;
  int64_t i = roast_rt_list_find_value(LIST, argv[0], start, stop, at);
  if (i >= 0 || roast_rt_exception)
    return roast_rt_exception ? 0 : roast_rt_value_from_int(i);
  RoastStr *item = roast_rt_value_repr(argv[0]);
  if (item) {
    roast_rt_raisef(ROAST_ERR_VALUE, at, "%.*s is not in list", (int)item->length, item->data);
    roast_rt_release(&item->header);
  }
  return 0;
}

METHOD(list_count) {
  (void)argc;
  int64_t n = 0;
  for (int64_t i = 0;; ++i) {
    i = roast_rt_list_find_value(LIST, argv[0], i, INT64_MAX, at);
    if (i < 0)
      break;
    ++n;
  }
  return roast_rt_exception ? 0 : roast_rt_value_from_int(n);
}

METHOD(list_sort) {
  UNUSED_ARGS;
  roast_rt_list_sort(LIST, 0, at->file, at->line, at->fn);
  return roast_rt_exception ? 0 : ROAST_VALUE_NONE;
}

METHOD(list_reverse) {
  UNUSED_ARGS;
  roast_rt_list_reverse(LIST);
  return ROAST_VALUE_NONE;
}

METHOD(list_copy) {
  UNUSED_ARGS;
  return object_value(roast_rt_list_copy(LIST));
}

METHOD(list_clear) {
  UNUSED_ARGS;
  roast_rt_list_clear(LIST);
  return ROAST_VALUE_NONE;
}

const RoastMethodDef roast_rt_list_methods[] = {
    {"append", 1, 1, ROAST_ARITY_ONE, list_append},
    {"pop", 0, 1, ROAST_ARITY_EXPECTED, list_pop},
    {"insert", 2, 2, ROAST_ARITY_EXPECTED, list_insert},
    {"extend", 1, 1, ROAST_ARITY_ONE, list_extend},
    {"remove", 1, 1, ROAST_ARITY_ONE, list_remove},
    {"index", 1, 3, ROAST_ARITY_EXPECTED, list_index},
    {"count", 1, 1, ROAST_ARITY_ONE, list_count},
    {"sort", 0, 0, ROAST_ARITY_NO_POSITIONAL, list_sort},
    {"reverse", 0, 0, ROAST_ARITY_NOARGS, list_reverse},
    {"copy", 0, 0, ROAST_ARITY_NOARGS, list_copy},
    {"clear", 0, 0, ROAST_ARITY_NOARGS, list_clear},
    {NULL, 0, 0, 0, NULL},
};

/* ---- dict ------------------------------------------------------------------------------- */

#define DICT ((RoastDict *)self)

/* The entry of argv[0] in the dict, or -1 (also on error). */
static int64_t dict_find(RoastObject *self, RoastValue key, const RoastWhere *at) {
  return roast_rt_table_find_value(&DICT->table, roast_rt_dict_key_kind(DICT), key, at);
}

static RoastValue entry_value(RoastObject *self, int64_t ix) {
  return roast_rt_value_from_slot(roast_rt_dict_value_kind(DICT),
                                  roast_rt_table_entry(&DICT->table, ix)[2]);
}

/* argv[1] retained, or None: the default of get, pop and setdefault. */
static RoastValue default_arg(int64_t argc, const RoastValue *argv) {
  if (argc < 2)
    return ROAST_VALUE_NONE;
  roast_rt_value_retain(argv[1]);
  return argv[1];
}

METHOD(dict_get) {
  int64_t ix = dict_find(self, argv[0], at);
  if (roast_rt_exception)
    return 0;
  return ix >= 0 ? entry_value(self, ix) : default_arg(argc, argv);
}

METHOD(dict_keys) {
  UNUSED_ARGS;
  return object_value(roast_rt_dict_keys(DICT));
}
METHOD(dict_values) {
  UNUSED_ARGS;
  return object_value(roast_rt_dict_values(DICT));
}
METHOD(dict_items) {
  UNUSED_ARGS;
  return object_value(roast_rt_dict_items(DICT));
}

METHOD(dict_pop) {
  int64_t ix = dict_find(self, argv[0], at);
  if (roast_rt_exception)
    return 0;
  if (ix < 0) {
    if (argc < 2)
      roast_rt_raise_key_error(ROAST_ELEM_VALUE, argv[0], at->file, at->line, at->fn);
    return argc < 2 ? 0 : default_arg(argc, argv);
  }
  /* By the dict's own key slot, which the typed path finds again. */
  uint64_t slot = roast_rt_dict_pop(DICT, roast_rt_table_entry(&DICT->table, ix)[1], at->file,
                                    at->line, at->fn);
  return roast_rt_exception ? 0 : owned_slot_value(roast_rt_dict_value_kind(DICT), slot);
}

METHOD(dict_setdefault) {
  int64_t ix = dict_find(self, argv[0], at);
  if (roast_rt_exception)
    return 0;
  if (ix >= 0)
    return entry_value(self, ix);
  RoastValue value = default_arg(argc, argv);
  if (roast_rt_dict_set_value(DICT, argv[0], value, at))
    return value;
  roast_rt_value_release(value);
  return 0;
}

/* d.update(pairs): each item a 2-item iterable, as CPython's dict_merge_from_seq2. */
static bool update_from_pairs(RoastDict *d, RoastValue iterable, const RoastWhere *at) {
  RoastList *items = roast_rt_value_to_list(iterable, at);
  for (int64_t i = 0; items && i < items->length && !roast_rt_exception; ++i) {
    RoastValue item = roast_rt_list_slots(items)[i];
    RoastList *pair = NULL;
    uint32_t type = roast_rt_value_type_id(item);
    if (type == ROAST_TYPE_STR || type == ROAST_TYPE_LIST || type == ROAST_TYPE_TUPLE ||
        type == ROAST_TYPE_DICT || type == ROAST_TYPE_SET || type == ROAST_TYPE_ITERATOR)
      pair = roast_rt_value_to_list(item, at);
    else
      roast_rt_raisef(ROAST_ERR_TYPE, at,
                      "cannot convert dictionary update sequence element #%lld to a sequence",
                      (long long)i);
    if (pair && pair->length != 2)
      roast_rt_raisef(ROAST_ERR_VALUE, at,
                      "dictionary update sequence element #%lld has length %lld; 2 is required",
                      (long long)i, (long long)pair->length);
    else if (pair)
      roast_rt_dict_set_value(d, roast_rt_list_slots(pair)[0], roast_rt_list_slots(pair)[1], at);
    if (pair)
      roast_rt_release(&pair->header);
  }
  if (items)
    roast_rt_release(&items->header);
  return !roast_rt_exception;
}

METHOD(dict_update) {
  if (argc == 0)
    return ROAST_VALUE_NONE;
  if (roast_rt_value_type_id(argv[0]) != ROAST_TYPE_DICT)
    return update_from_pairs(DICT, argv[0], at) ? ROAST_VALUE_NONE : 0;
  const RoastDict *other = (const RoastDict *)roast_rt_value_object(argv[0]);
  uint32_t kk = roast_rt_dict_key_kind(other), vk = roast_rt_dict_value_kind(other);
  /* Entry by entry as values: the kinds may differ, and the dicts may be one. */
  for (int64_t i = 0; i < other->table.nentries && !roast_rt_exception; ++i) {
    const uint64_t *e = roast_rt_table_entry(&other->table, i);
    if (!roast_rt_entry_live(e))
      continue;
    RoastValue key = roast_rt_value_from_slot(kk, e[1]), value = roast_rt_value_from_slot(vk, e[2]);
    roast_rt_dict_set_value(DICT, key, value, at);
    roast_rt_value_release(key);
    roast_rt_value_release(value);
  }
  return roast_rt_exception ? 0 : ROAST_VALUE_NONE;
}

METHOD(dict_copy) {
  UNUSED_ARGS;
  return object_value(roast_rt_dict_copy(DICT));
}
METHOD(dict_clear) {
  UNUSED_ARGS;
  roast_rt_dict_clear(DICT);
  return ROAST_VALUE_NONE;
}

const RoastMethodDef roast_rt_dict_methods[] = {
    {"get", 1, 2, ROAST_ARITY_EXPECTED, dict_get},
    {"keys", 0, 0, ROAST_ARITY_NOARGS, dict_keys},
    {"values", 0, 0, ROAST_ARITY_NOARGS, dict_values},
    {"items", 0, 0, ROAST_ARITY_NOARGS, dict_items},
    {"pop", 1, 2, ROAST_ARITY_EXPECTED, dict_pop},
    {"setdefault", 1, 2, ROAST_ARITY_EXPECTED, dict_setdefault},
    {"update", 0, 1, ROAST_ARITY_EXPECTED, dict_update},
    {"copy", 0, 0, ROAST_ARITY_NOARGS, dict_copy},
    {"clear", 0, 0, ROAST_ARITY_NOARGS, dict_clear},
    {NULL, 0, 0, 0, NULL},
};

/* ---- set -------------------------------------------------------------------------------- */

#define SET ((RoastSet *)self)

METHOD(set_add) {
  (void)argc;
  return roast_rt_set_add_value(SET, argv[0], at) ? ROAST_VALUE_NONE : 0;
}

/* remove (missing: KeyError) and discard (missing: nothing). */
static RoastValue set_drop(RoastObject *self, RoastValue item, bool must_exist,
                           const RoastWhere *at) {
  int64_t ix = roast_rt_table_find_value(&SET->table, roast_rt_set_kind(SET), item, at);
  if (ix >= 0)
    roast_rt_set_discard(SET, roast_rt_table_entry(&SET->table, ix)[1]);
  else if (must_exist && !roast_rt_exception)
    roast_rt_raise_key_error(ROAST_ELEM_VALUE, item, at->file, at->line, at->fn);
  return roast_rt_exception ? 0 : ROAST_VALUE_NONE;
}
METHOD(set_remove) {
  (void)argc;
  return set_drop(self, argv[0], true, at);
}
METHOD(set_discard) {
  (void)argc;
  return set_drop(self, argv[0], false, at);
}

METHOD(set_pop) {
  UNUSED_ARGS;
  uint64_t slot = roast_rt_set_pop(SET, at->file, at->line, at->fn);
  return roast_rt_exception ? 0 : owned_slot_value(roast_rt_set_kind(SET), slot);
}
METHOD(set_clear) {
  UNUSED_ARGS;
  roast_rt_set_clear(SET);
  return ROAST_VALUE_NONE;
}
METHOD(set_copy) {
  UNUSED_ARGS;
  return object_value(roast_rt_set_copy(SET));
}

/* An argument of union & co. as a set value: a set itself, else set(iterable). */
static RoastValue as_set(RoastValue v, const RoastWhere *at) {
  if (roast_rt_value_type_id(v) == ROAST_TYPE_SET) {
    roast_rt_value_retain(v);
    return v;
  }
  RoastList *items = roast_rt_value_to_list(v, at);
  if (!items)
    return 0;
  RoastSet *s = roast_rt_set_from_list(items, ROAST_ELEM_VALUE);
  roast_rt_release(&items->header);
  return s ? roast_rt_value_take_object(s) : 0;
}

/* self OP other1 OP other2 ..., by the set operators. */
static RoastValue set_fold(RoastObject *self, int64_t argc, const RoastValue *argv, int32_t op,
                           const RoastWhere *at) {
  RoastValue acc = object_value(roast_rt_set_copy(SET));
  for (int64_t i = 0; i < argc && !roast_rt_exception; ++i) {
    RoastValue other = as_set(argv[i], at);
    if (roast_rt_exception)
      break;
    RoastValue next = roast_rt_value_binary(op, acc, other, false, at->file, at->line, at->fn);
    roast_rt_value_release(other);
    roast_rt_value_release(acc);
    acc = next;
  }
  if (!roast_rt_exception)
    return acc;
  roast_rt_value_release(acc);
  return 0;
}
METHOD(set_union) { return set_fold(self, argc, argv, ROAST_BINOP_OR, at); }
METHOD(set_intersection) { return set_fold(self, argc, argv, ROAST_BINOP_AND, at); }
METHOD(set_difference) { return set_fold(self, argc, argv, ROAST_BINOP_SUB, at); }

const RoastMethodDef roast_rt_set_methods[] = {
    {"add", 1, 1, ROAST_ARITY_ONE, set_add},
    {"remove", 1, 1, ROAST_ARITY_ONE, set_remove},
    {"discard", 1, 1, ROAST_ARITY_ONE, set_discard},
    {"pop", 0, 0, ROAST_ARITY_NOARGS, set_pop},
    {"clear", 0, 0, ROAST_ARITY_NOARGS, set_clear},
    {"copy", 0, 0, ROAST_ARITY_NOARGS, set_copy},
    {"union", 0, -1, ROAST_ARITY_TAKES, set_union},
    {"intersection", 0, -1, ROAST_ARITY_TAKES, set_intersection},
    {"difference", 0, -1, ROAST_ARITY_TAKES, set_difference},
    {NULL, 0, 0, 0, NULL},
};

/* ---- tuple ------------------------------------------------------------------------------ */

#define TUPLE ((const RoastTuple *)self)

/* The first index in [start, stop) of a field equal to item, or -1. */
static int64_t tuple_find(RoastObject *self, RoastValue item, int64_t start, int64_t stop,
                          const RoastWhere *at) {
  const uint8_t *kinds = roast_rt_tuple_kinds(TUPLE);
  for (int64_t i = start; i < stop && i < TUPLE->length; ++i) {
    if (roast_rt_slot_eq(kinds[i], TUPLE->items[i], ROAST_ELEM_VALUE, item, at->file, at->line,
                         at->fn))
      return i;
    if (roast_rt_exception)
      return -1;
  }
  return -1;
}

METHOD(tuple_index) {
  int64_t start, stop;
  if (!index_bounds(argc, argv, TUPLE->length, &start, &stop, at))
    return 0;
  int64_t i = tuple_find(self, argv[0], start, stop, at);
  if (i < 0 && !roast_rt_exception)
    roast_rt_raisef(ROAST_ERR_VALUE, at, "tuple.index(x): x not in tuple");
  return roast_rt_exception ? 0 : roast_rt_value_from_int(i);
}

METHOD(tuple_count) {
  (void)argc;
  int64_t n = 0;
  for (int64_t i = tuple_find(self, argv[0], 0, INT64_MAX, at); i >= 0;
       i = tuple_find(self, argv[0], i + 1, INT64_MAX, at))
    ++n;
  return roast_rt_exception ? 0 : roast_rt_value_from_int(n);
}

const RoastMethodDef roast_rt_tuple_methods[] = {
    {"index", 1, 3, ROAST_ARITY_EXPECTED, tuple_index},
    {"count", 1, 1, ROAST_ARITY_ONE, tuple_count},
    {NULL, 0, 0, 0, NULL},
};
