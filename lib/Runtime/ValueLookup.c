/* ValueLookup.c - lists, dicts and sets of any element kind searched and filled with dynamic values. */
#include "HashTableInternal.h"

int64_t roast_rt_list_find_value(const RoastList *l, RoastValue item, int64_t start, int64_t stop,
                                 const RoastWhere *at) {
  uint32_t kind = roast_rt_list_kind(l);
  /* The list may shrink while __eq__ runs: re-read its length each time. */
  for (int64_t i = start < 0 ? 0 : start; i < stop && i < l->length; ++i) {
    if (roast_rt_slot_eq(kind, roast_rt_list_load(l, i), ROAST_ELEM_VALUE, item, at->file,
                         at->line, at->fn))
      return i;
    if (roast_rt_exception)
      return -1;
  }
  return -1;
}

/* hash(key), or -1 with the TypeError raised at `at`. */
static int64_t hash_at(RoastValue key, const RoastWhere *at) {
  return roast_rt_value_hash(key, at->file, at->line, at->fn);
}

/* Hashes are equal across kinds (hash(1) == hash(1.0), a str's is its
 * own), so a typed table is probed with the value's hash and compared
 * with the generic equality. */
int64_t roast_rt_table_find_value(const RoastHashTable *t, uint32_t kind, RoastValue key,
                                  const RoastWhere *at) {
  int64_t hash = hash_at(key, at);
  if (roast_rt_exception)
    return -1;
  return roast_rt_table_find(t, kind, ROAST_ELEM_VALUE, key, hash);
}

bool roast_rt_dict_set_value(RoastDict *d, RoastValue key, RoastValue value,
                             const RoastWhere *at) {
  uint32_t kk = roast_rt_dict_key_kind(d), vk = roast_rt_dict_value_kind(d);
  uint64_t k = 0, v = 0;
  /* The key is hashed first, as CPython: {}[[1]] = x is "unhashable". */
  hash_at(key, at);
  if (!roast_rt_exception)
    k = roast_rt_slot_convert_owned(key, ROAST_ELEM_VALUE, kk, at);
  if (!roast_rt_exception)
    v = roast_rt_slot_convert_owned(value, ROAST_ELEM_VALUE, vk, at);
  if (!roast_rt_exception)
    roast_rt_dict_set(d, k, v);
  roast_rt_slot_release(kk, k);
  roast_rt_slot_release(vk, v);
  return !roast_rt_exception;
}

bool roast_rt_set_add_value(RoastSet *s, RoastValue item, const RoastWhere *at) {
  uint32_t kind = roast_rt_set_kind(s);
  uint64_t slot = 0;
  hash_at(item, at);
  if (!roast_rt_exception)
    slot = roast_rt_slot_convert_owned(item, ROAST_ELEM_VALUE, kind, at);
  if (!roast_rt_exception)
    roast_rt_set_add(s, slot);
  roast_rt_slot_release(kind, slot);
  return !roast_rt_exception;
}

/* l += iterable, in place: each item converted to l's kind (TypeError
 * when a typed list cannot hold it). */
bool roast_rt_list_extend_value(RoastList *l, RoastValue iterable, const RoastWhere *at) {
  RoastList *items = roast_rt_value_to_list(iterable, at);
  if (!items)
    return false;
  uint32_t kind = roast_rt_list_kind(l);
  for (int64_t i = 0; i < items->length && !roast_rt_exception; ++i) {
    uint64_t slot = roast_rt_slot_convert_owned(roast_rt_list_slots(items)[i], ROAST_ELEM_VALUE,
                                                kind, at);
    if (roast_rt_exception)
      break;
    roast_rt_list_append(l, slot);
    roast_rt_slot_release(kind, slot);
  }
  roast_rt_release(&items->header);
  return !roast_rt_exception;
}
