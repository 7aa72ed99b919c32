/* HashTable.c - the insertion-ordered hash table behind dicts and sets (CPython's compact dict). */
#include "HashTableInternal.h"

#include <stdlib.h>
#include <string.h>

/*
 * As in CPython's Objects/dictobject.c:
 *  - the index table has 2^k slots (k >= 3), each EMPTY, DUMMY (a deleted
 *    entry was there) or an entry index; slots are 1 byte wide up to 2^7
 *    slots, 2 up to 2^15, 4 up to 2^31, else 8, so that small tables stay
 *    small;
 *  - at most two thirds of the slots are ever used (live or DUMMY), which
 *    keeps probe sequences short and guarantees an EMPTY slot ends each;
 *  - probing is i = 5i + 1 + perturb, perturb starting as the hash and
 *    shifted right 5 bits each step, so that all bits of the hash take part
 *    and every slot is eventually visited;
 *  - a full table is rebuilt for 3 * len entries (GROWTH_RATE), which also
 *    compacts away deleted entries, and may shrink after many deletions.
 */

enum { IX_EMPTY = -1, IX_DUMMY = -2, PERTURB_SHIFT = 5, LOG2_MINSIZE = 3 };
/* Beyond this the block's size would not fit 64 bits (a fatal MemoryError). */
enum { LOG2_MAXSIZE = 56 };

/* Entries that fit a table of `size` index slots. */
static int64_t usable_fraction(int64_t size) { return (size << 1) / 3; }

/* log2 of the bytes per index: int8 below 2^8 slots, int16, int32, int64. */
static unsigned index_shift(uint8_t log2_size) {
  return log2_size < 8 ? 0 : log2_size < 16 ? 1 : log2_size < 32 ? 2 : 3;
}

static int64_t get_index(const RoastHashTable *t, size_t i) {
  switch (index_shift(t->log2_size)) {
  case 0: return ((const int8_t *)t->indices)[i];
  case 1: return ((const int16_t *)t->indices)[i];
  case 2: return ((const int32_t *)t->indices)[i];
  default: return ((const int64_t *)t->indices)[i];
  }
}

static void set_index(RoastHashTable *t, size_t i, int64_t ix) {
  switch (index_shift(t->log2_size)) {
  case 0: ((int8_t *)t->indices)[i] = (int8_t)ix; return;
  case 1: ((int16_t *)t->indices)[i] = (int16_t)ix; return;
  case 2: ((int32_t *)t->indices)[i] = (int32_t)ix; return;
  default: ((int64_t *)t->indices)[i] = ix; return;
  }
}

static size_t mask_of(const RoastHashTable *t) { return ((size_t)1 << t->log2_size) - 1; }

/* The next slot of a probe sequence. */
static size_t probe_next(size_t i, size_t *perturb, size_t mask) {
  *perturb >>= PERTURB_SHIFT;
  return (i * 5 + *perturb + 1) & mask;
}

void roast_rt_table_init(RoastHashTable *t, uint8_t width) {
  memset(t, 0, sizeof *t);
  t->width = width;
}

/* The first EMPTY or DUMMY slot on hash's probe sequence (there is one:
 * fewer than two thirds of the slots are in use). */
static size_t find_free_slot(const RoastHashTable *t, int64_t hash) {
  size_t mask = mask_of(t), perturb = (size_t)hash, i = (size_t)hash & mask;
  while (get_index(t, i) >= 0)
    i = probe_next(i, &perturb, mask);
  return i;
}

/* The smallest log2 size with at least minsize slots (and at least 8). */
static uint8_t log2_for(int64_t minsize) {
  uint8_t log2 = LOG2_MINSIZE;
  while (((int64_t)1 << log2) < minsize)
    if (++log2 > LOG2_MAXSIZE)
      roast_rt_fatal(ROAST_ERR_MEMORY, "out of memory");
  return log2;
}

/* Rebuild the table with at least minsize index slots: the live entries are
 * copied in order into a fresh block, dropping deleted ones. */
static void resize(RoastHashTable *t, int64_t minsize) {
  uint8_t log2 = log2_for(minsize);
  int64_t size = (int64_t)1 << log2, capacity = usable_fraction(size);
  /* A multiple of 8 (size >= 8), so the entries that follow are aligned. */
  size_t index_bytes = (size_t)size << index_shift(log2);
  char *block = roast_rt_malloc(index_bytes + (size_t)capacity * t->width * sizeof(uint64_t));
  memset(block, 0xff, index_bytes); /* IX_EMPTY in every width */
  uint64_t *entries = (uint64_t *)(void *)(block + index_bytes);
  size_t entry_bytes = t->width * sizeof(uint64_t);
  int64_t n = 0;
  for (int64_t i = 0; i < t->nentries; ++i) {
    const uint64_t *e = roast_rt_table_entry(t, i);
    if (roast_rt_entry_live(e))
      memcpy(entries + n++ * t->width, e, entry_bytes);
  }
  free(t->indices);
  t->indices = block;
  t->entries = entries;
  t->log2_size = log2;
  t->nentries = n;
  t->usable = capacity - n;
  t->finger = 0;
  /* The new index table has no DUMMY slots and no keys to compare: each
   * entry goes in the first EMPTY slot of its probe sequence. */
  for (int64_t i = 0; i < n; ++i)
    set_index(t, find_free_slot(t, (int64_t)roast_rt_table_entry(t, i)[0]), i);
}

/* Key equality, with str keys (the common case: word counts, names)
 * compared here rather than through the general element comparison. */
static inline bool keys_equal(uint32_t table_kind, uint64_t a, uint32_t key_kind, uint64_t b) {
  if (table_kind == ROAST_ELEM_OBJECT && key_kind == ROAST_ELEM_OBJECT) {
    const RoastObject *x = roast_rt_slot_object(a), *y = roast_rt_slot_object(b);
    if (x && y && x->type_id == ROAST_TYPE_STR && y->type_id == ROAST_TYPE_STR) {
      const RoastStr *s = (const RoastStr *)x, *t = (const RoastStr *)y;
      return s->length == t->length && roast_rt_bytes_equal(s->data, t->data, (size_t)s->length);
    }
  }
  return roast_rt_slot_eq(table_kind, a, key_kind, b, NULL, 0, NULL);
}

/* The lookup hint is a cache, not part of the table's value: lookups of a
 * const table may update it (tables are never immortal, always writable). */
static int64_t remember_hit(const RoastHashTable *t, int64_t ix) {
  ((RoastHashTable *)(uintptr_t)t)->last_hit = ix;
  return ix;
}

/* The lookup of a str key in a table of objects (dict[str, V], set[str]):
 * the common case, worth its own loop, with the index width chosen once
 * and no calls but memcmp on a hash match.  Identical objects are equal
 * keys, so only other strs need comparing; equal strs never raise. */
static inline __attribute__((always_inline)) int64_t
find_str_with(const RoastHashTable *t, const RoastStr *k, uint64_t key, int64_t hash,
              unsigned shift) {
  size_t mask = mask_of(t), perturb = (size_t)hash, i = (size_t)hash & mask;
  for (;;) {
    int64_t ix = shift == 0   ? ((const int8_t *)t->indices)[i]
                 : shift == 1 ? ((const int16_t *)t->indices)[i]
                 : shift == 2 ? ((const int32_t *)t->indices)[i]
                              : ((const int64_t *)t->indices)[i];
    if (ix == IX_EMPTY)
      return -1;
    if (ix >= 0) {
      const uint64_t *e = roast_rt_table_entry(t, ix);
      if (e[1] == key)
        return remember_hit(t, ix);
      if (e[0] == (uint64_t)hash) {
        const RoastObject *o = roast_rt_slot_object(e[1]);
        const RoastStr *s = (const RoastStr *)o;
        if (o && o->type_id == ROAST_TYPE_STR && s->length == k->length &&
            roast_rt_bytes_equal(s->data, k->data, (size_t)k->length))
          return remember_hit(t, ix);
      }
    }
    i = probe_next(i, &perturb, mask);
  }
}

static int64_t find_str(const RoastHashTable *t, const RoastStr *k, uint64_t key,
                        int64_t hash) {
  switch (index_shift(t->log2_size)) {
  case 0: return find_str_with(t, k, key, hash, 0);
  case 1: return find_str_with(t, k, key, hash, 1);
  case 2: return find_str_with(t, k, key, hash, 2);
  default: return find_str_with(t, k, key, hash, 3);
  }
}

int64_t roast_rt_table_find(const RoastHashTable *t, uint32_t table_kind, uint32_t key_kind,
                            uint64_t key, int64_t hash) {
  if (!t->indices)
    return -1;
  if (table_kind == ROAST_ELEM_OBJECT && key_kind == ROAST_ELEM_OBJECT) {
    const RoastObject *o = roast_rt_slot_object(key);
    if (o && o->type_id == ROAST_TYPE_STR)
      return find_str(t, (const RoastStr *)o, key, hash);
  }
  /* Equal slots are equal keys for ints and bools of one kind (and the same
   * object for objects, PyObject_RichCompareBool's shortcut); for those ints
   * and bools, unequal slots are also unequal keys. */
  bool same_kind = table_kind == key_kind && table_kind != ROAST_ELEM_FLOAT;
  bool bits_decide = same_kind && !roast_rt_kind_owns(table_kind);
  /* `d[k] = d.get(k, 0) + 1`, `d[k] += 1` and `if k in d: d[k]...` look
   * the same key up twice in a row: try the entry the last lookup found
   * first.  The hint needs no invalidation: an identical slot in a live
   * entry is the key's entry, whatever happened to the table since (keys
   * are unique, and the table's reference keeps an object key alive). */
  if (same_kind && t->last_hit < t->nentries) {
    const uint64_t *e = roast_rt_table_entry(t, t->last_hit);
    if (e[1] == key && roast_rt_entry_live(e))
      return t->last_hit;
  }
  size_t mask = mask_of(t), perturb = (size_t)hash, i = (size_t)hash & mask;
  for (;;) {
    int64_t ix = get_index(t, i);
    if (ix == IX_EMPTY)
      return -1;
    if (ix >= 0) {
      const uint64_t *e = roast_rt_table_entry(t, ix);
      if (same_kind && e[1] == key)
        return remember_hit(t, ix);
      if (!bits_decide && e[0] == (uint64_t)hash) {
        if (keys_equal(table_kind, e[1], key_kind, key))
          return remember_hit(t, ix);
        if (roast_rt_exception)
          return -1; /* comparing tuple keys raised RecursionError: stop probing */
      }
    }
    i = probe_next(i, &perturb, mask);
  }
}

int64_t roast_rt_table_append(RoastHashTable *t, uint64_t key, int64_t hash) {
  if (t->usable <= 0)
    resize(t, t->length * 3); /* CPython's GROWTH_RATE */
  /* A DUMMY slot can be reused: the key is not in the table, so no probe
   * for it needs to continue past this slot. */
  int64_t ix = t->nentries++;
  set_index(t, find_free_slot(t, hash), ix);
  uint64_t *e = roast_rt_table_entry(t, ix);
  e[0] = (uint64_t)hash;
  e[1] = key;
  if (t->width > 2)
    e[2] = 0;
  t->last_hit = ix; /* as a lookup would find it next */
  --t->usable;
  ++t->length;
  return ix;
}

void roast_rt_table_remove(RoastHashTable *t, int64_t ix) {
  uint64_t *e = roast_rt_table_entry(t, ix);
  /* The slot holding ix is on the probe sequence of the entry's hash. */
  size_t mask = mask_of(t), perturb = (size_t)e[0], i = (size_t)e[0] & mask;
  while (get_index(t, i) != ix)
    i = probe_next(i, &perturb, mask);
  /* DUMMY, not EMPTY: probes for keys stored after this one pass over it.
   * The entry is not reusable either (usable stays down) until a resize. */
  set_index(t, i, IX_DUMMY);
  e[0] = ROAST_HASH_DELETED;
  --t->length;
}

void roast_rt_table_reserve(RoastHashTable *t, int64_t total) {
  if (total - t->length <= t->usable)
    return;
  /* CPython's estimate_log2_keysize: 1.5 slots per entry leaves room for
   * `total` entries within the two-thirds fill limit. */
  if (total > (INT64_C(1) << LOG2_MAXSIZE))
    roast_rt_fatal(ROAST_ERR_MEMORY, "out of memory");
  resize(t, (total * 3 + 1) / 2);
}

void roast_rt_table_release(RoastHashTable *t, uint32_t key_kind, uint32_t value_kind) {
  bool keys = roast_rt_kind_owns(key_kind);
  bool values = t->width > 2 && roast_rt_kind_owns(value_kind);
  /* Detach the storage first: the table is consistent (empty) whatever
   * the releases free. */
  RoastHashTable old = *t;
  roast_rt_table_init(t, old.width);
  if (keys || values) {
    for (int64_t i = 0; i < old.nentries; ++i) {
      const uint64_t *e = roast_rt_table_entry(&old, i);
      if (!roast_rt_entry_live(e))
        continue;
      if (keys)
        roast_rt_slot_release(key_kind, e[1]);
      if (values)
        roast_rt_slot_release(value_kind, e[2]);
    }
  }
  free(old.indices);
}

void roast_rt_raise_key_error(uint32_t kind, uint64_t key, const char *file, int32_t line,
                              const char *fn) {
  RoastBuffer message = {NULL, 0, 0};
  roast_rt_buffer_write_slot_repr(&message, kind, key);
  if (!roast_rt_exception) { /* else the repr raised (RecursionError): that error instead */
    roast_rt_buffer_write(&message, "", 1); /* the NUL */
    roast_rt_raise(ROAST_ERR_KEY, message.data, file, line, fn); /* copies the message */
  }
  free(message.data);
}
