/* Dict.c - dict objects: creation, freeing, d[k], del, the dict methods, ==, and snapshots as lists. */
#include "HashTableInternal.h"

#include <stdlib.h>

/* Ownership (Runtime.h): the dict holds one reference to each object key and
 * value.  Values are retained before the value they replace is released, as
 * it may be the same object.
 *
 * Hashing a tuple key with a list inside raises TypeError, and comparing
 * tuple keys may raise RecursionError (on an exhausted stack).  Raising
 * returns (Runtime.h), so every lookup checks roast_rt_exception before
 * using its answer: an operation that raised changed nothing (but update()
 * keeps the entries it stored before, as CPython's does). */

static void retain_slot(uint32_t kind, uint64_t slot) { roast_rt_slot_retain(kind, slot); }

static void release_slot(uint32_t kind, uint64_t slot) { roast_rt_slot_release(kind, slot); }

RoastDict *roast_rt_dict_new(uint32_t key_kind, uint32_t value_kind) {
  RoastDict *d = roast_rt_object_alloc(sizeof(RoastDict));
  d->header.refcount = 1;
  d->header.type_id = ROAST_TYPE_DICT;
  d->header.flags = (key_kind & 0xff) | (value_kind & 0xff) << 8;
  /* No storage until the first key: {} is common and often stays empty. */
  roast_rt_table_init(&d->table, 3);
  return d;
}

void roast_rt_dict_free(RoastDict *d) {
  roast_rt_table_release(&d->table, roast_rt_dict_key_kind(d), roast_rt_dict_value_kind(d));
  roast_rt_object_free(d, sizeof(RoastDict));
}

static int64_t find(const RoastDict *d, uint64_t key, int64_t hash) {
  uint32_t kind = roast_rt_dict_key_kind(d);
  return roast_rt_table_find(&d->table, kind, kind, key, hash);
}

static uint64_t *entry(const RoastDict *d, int64_t ix) { return roast_rt_table_entry(&d->table, ix); }

/* The entry of key, hashing it; -1 if it is missing or if hashing or
 * comparing raised. */
static int64_t find_hashing(const RoastDict *d, uint64_t key) {
  int64_t hash = roast_rt_slot_hash(roast_rt_dict_key_kind(d), key);
  return roast_rt_exception ? -1 : find(d, key, hash);
}

/* The entry of key, or -1 after raising KeyError repr(key) (or the error
 * that hashing or comparing raised). */
static int64_t find_or_raise(const RoastDict *d, uint64_t key, const char *file, int32_t line,
                             const char *fn) {
  int64_t ix = find_hashing(d, key);
  if (ix < 0 && !roast_rt_exception)
    roast_rt_raise_key_error(roast_rt_dict_key_kind(d), key, file, line, fn);
  return ix;
}

/* d[key] = value with key's hash known; value is already retained (and
 * released again if the lookup raises). */
static void store(RoastDict *d, uint64_t key, int64_t hash, uint64_t value) {
  int64_t ix = find(d, key, hash);
  if (roast_rt_exception) {
    release_slot(roast_rt_dict_value_kind(d), value);
    return;
  }
  if (ix >= 0) {
    /* The key keeps its position and its original object, as in CPython. */
    uint64_t old = entry(d, ix)[2];
    entry(d, ix)[2] = value;
    release_slot(roast_rt_dict_value_kind(d), old);
    return;
  }
  retain_slot(roast_rt_dict_key_kind(d), key);
  ix = roast_rt_table_append(&d->table, key, hash);
  entry(d, ix)[2] = value;
}

void roast_rt_dict_set(RoastDict *d, uint64_t key, uint64_t value) {
  int64_t hash = roast_rt_slot_hash(roast_rt_dict_key_kind(d), key);
  if (roast_rt_exception)
    return;
  retain_slot(roast_rt_dict_value_kind(d), value);
  store(d, key, hash, value);
}

uint64_t roast_rt_dict_get(const RoastDict *d, uint64_t key, const char *file, int32_t line,
                           const char *fn) {
  int64_t ix = find_or_raise(d, key, file, line, fn);
  return ix < 0 ? 0 : entry(d, ix)[2];
}

bool roast_rt_dict_lookup(const RoastDict *d, uint64_t key, uint64_t *value_out) {
  int64_t ix = find_hashing(d, key);
  if (ix < 0)
    return false;
  if (value_out)
    *value_out = entry(d, ix)[2];
  return true;
}

/* Remove entry ix, releasing its key, and return its value with the dict's
 * reference. */
static uint64_t take(RoastDict *d, int64_t ix) {
  uint64_t key = entry(d, ix)[1], value = entry(d, ix)[2];
  roast_rt_table_remove(&d->table, ix);
  release_slot(roast_rt_dict_key_kind(d), key);
  return value;
}

void roast_rt_dict_del(RoastDict *d, uint64_t key, const char *file, int32_t line,
                       const char *fn) {
  int64_t ix = find_or_raise(d, key, file, line, fn);
  if (ix >= 0)
    release_slot(roast_rt_dict_value_kind(d), take(d, ix));
}

uint64_t roast_rt_dict_pop(RoastDict *d, uint64_t key, const char *file, int32_t line,
                           const char *fn) {
  int64_t ix = find_or_raise(d, key, file, line, fn);
  return ix < 0 ? 0 : take(d, ix);
}

uint64_t roast_rt_dict_pop_default(RoastDict *d, uint64_t key, uint64_t default_value) {
  int64_t ix = find_hashing(d, key);
  if (ix >= 0)
    return take(d, ix);
  if (roast_rt_exception)
    return 0;
  retain_slot(roast_rt_dict_value_kind(d), default_value);
  return default_value;
}

uint64_t roast_rt_dict_setdefault(RoastDict *d, uint64_t key, uint64_t default_value) {
  uint32_t kind = roast_rt_dict_key_kind(d);
  int64_t hash = roast_rt_slot_hash(kind, key);
  if (roast_rt_exception)
    return 0;
  int64_t ix = find(d, key, hash);
  if (ix >= 0)
    return entry(d, ix)[2];
  if (roast_rt_exception)
    return 0;
  retain_slot(kind, key);
  retain_slot(roast_rt_dict_value_kind(d), default_value);
  ix = roast_rt_table_append(&d->table, key, hash);
  entry(d, ix)[2] = default_value;
  return default_value;
}

void roast_rt_dict_update(RoastDict *d, const RoastDict *other) {
  if (d == other)
    return; /* every key is already there with that very value */
  uint32_t kk = roast_rt_dict_key_kind(d), vk = roast_rt_dict_value_kind(d);
  uint32_t other_kk = roast_rt_dict_key_kind(other), other_vk = roast_rt_dict_value_kind(other);
  /* One resize up front rather than several on the way, as dict_merge. */
  roast_rt_table_reserve(&d->table, d->table.length + other->table.length);
  for (int64_t i = 0; i < other->table.nentries; ++i) {
    const uint64_t *e = entry(other, i);
    if (!roast_rt_entry_live(e))
      continue;
    /* Number kinds are widened to d's (and boxed into dynamic values); a
     * converted key is hashed again (two ints can become the same float),
     * an unconverted one keeps its hash.  The conversions are new
     * references: store() takes the value's, and retains the key itself. */
    uint64_t key = roast_rt_slot_convert_owned(e[1], other_kk, kk, ROAST_WHERE(NULL, 0, NULL));
    int64_t hash = other_kk == kk ? (int64_t)e[0] : roast_rt_slot_hash(kk, key);
    uint64_t value = roast_rt_slot_convert_owned(e[2], other_vk, vk, ROAST_WHERE(NULL, 0, NULL));
    if (!roast_rt_exception)
      store(d, key, hash, value);
    else
      release_slot(vk, value);
    release_slot(kk, key);
    if (roast_rt_exception)
      return; /* the entries before stay stored, as in CPython */
  }
}

void roast_rt_dict_clear(RoastDict *d) {
  roast_rt_table_release(&d->table, roast_rt_dict_key_kind(d), roast_rt_dict_value_kind(d));
}

RoastDict *roast_rt_dict_copy(const RoastDict *d) {
  uint32_t kk = roast_rt_dict_key_kind(d), vk = roast_rt_dict_value_kind(d);
  RoastDict *r = roast_rt_dict_new(kk, vk);
  roast_rt_table_reserve(&r->table, d->table.length);
  /* The keys are distinct and their hashes known: append without lookups. */
  for (int64_t i = 0; i < d->table.nentries; ++i) {
    const uint64_t *e = entry(d, i);
    if (!roast_rt_entry_live(e))
      continue;
    retain_slot(kk, e[1]);
    retain_slot(vk, e[2]);
    entry(r, roast_rt_table_append(&r->table, e[1], (int64_t)e[0]))[2] = e[2];
  }
  return r;
}

/* ---- Snapshots ----------------------------------------------------------------- */

/* A list of slot `which` (1 key, 2 value) of each entry, of the given kind. */
static RoastList *column(const RoastDict *d, int which, uint32_t kind) {
  RoastList *l = roast_rt_list_new(d->table.length, kind);
  for (int64_t i = 0; i < d->table.nentries; ++i) {
    const uint64_t *e = entry(d, i);
    if (roast_rt_entry_live(e)) {
      retain_slot(kind, e[which]);
      roast_rt_list_store(l, l->length++, e[which]); /* of l's kind: maybe a packed bool */
    }
  }
  return l;
}

RoastList *roast_rt_dict_keys(const RoastDict *d) {
  return column(d, 1, roast_rt_dict_key_kind(d));
}

RoastList *roast_rt_dict_values(const RoastDict *d) {
  return column(d, 2, roast_rt_dict_value_kind(d));
}

RoastList *roast_rt_dict_items(const RoastDict *d) {
  uint8_t kinds[2] = {(uint8_t)roast_rt_dict_key_kind(d), (uint8_t)roast_rt_dict_value_kind(d)};
  RoastList *l = roast_rt_list_new(d->table.length, ROAST_ELEM_OBJECT);
  for (int64_t i = 0; i < d->table.nentries; ++i) {
    const uint64_t *e = entry(d, i);
    if (!roast_rt_entry_live(e))
      continue;
    RoastTuple *t = roast_rt_tuple_new(2, kinds); /* the list takes this reference */
    t->items[0] = e[1];
    t->items[1] = e[2];
    retain_slot(kinds[0], e[1]);
    retain_slot(kinds[1], e[2]);
    roast_rt_list_store(l, l->length++, (uint64_t)(uintptr_t)t);
  }
  return l;
}

/* ---- Equality -------------------------------------------------------------------- */

/* CPython's dict_equal: the same number of keys, and each key of a found in
 * b with an equal value.  Keys may be of different (number) kinds. */
bool roast_rt_dict_eq_at(const RoastDict *a, const RoastDict *b, const char *file, int32_t line,
                         const char *fn) {
  if (a == b)
    return true;
  if (a->table.length != b->table.length)
    return false;
  uint32_t akk = roast_rt_dict_key_kind(a), avk = roast_rt_dict_value_kind(a);
  uint32_t bkk = roast_rt_dict_key_kind(b), bvk = roast_rt_dict_value_kind(b);
  for (int64_t i = 0; i < a->table.nentries; ++i) {
    const uint64_t *e = entry(a, i);
    if (!roast_rt_entry_live(e))
      continue;
    int64_t ix = roast_rt_table_find(&b->table, bkk, akk, e[1], (int64_t)e[0]);
    if (ix < 0 || !roast_rt_slot_eq(avk, e[2], bvk, entry(b, ix)[2], file, line, fn))
      return false;
  }
  return true;
}

bool roast_rt_dict_eq(const RoastDict *a, const RoastDict *b) {
  return roast_rt_dict_eq_at(a, b, NULL, 0, NULL);
}
