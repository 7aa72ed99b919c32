/* HashTableInternal.h - the hash table shared by dicts and sets, and their layouts (not compiler ABI). */
#ifndef ROAST_RUNTIME_HASH_TABLE_INTERNAL_H
#define ROAST_RUNTIME_HASH_TABLE_INTERNAL_H

#include "ListInternal.h"

/*
 * CPython's compact dict (Objects/dictobject.c): entries are appended to a
 * dense array in insertion order, and a sparse table of 2^k indices into it,
 * probed by open addressing, finds them by hash.  Each entry is `width`
 * slots: hash, key, and for dicts the value.  Deleting an entry leaves
 * tombstones (a DUMMY index, and ROAST_HASH_DELETED in the entry's hash)
 * until the next resize compacts the entries.  Sets use the same table, so
 * they too iterate in insertion order.
 *
 * Key equality is roast_rt_slot_eq; hashes are roast_rt_slot_hash, which is
 * never -1, so -1 is free to mark a deleted entry.
 */
typedef struct RoastHashTable {
  int64_t length;    /* live entries: len(d), at offset 16 of the dict or set */
  int64_t nentries;  /* entries appended so far, live or deleted: the bound of iteration */
  int64_t usable;    /* entries that can still be appended before the table must grow */
  int64_t finger;    /* no live entry below this index (where set.pop starts looking) */
  void *indices;     /* 2^log2_size indices of 1, 2, 4 or 8 bytes, then the entries, in one
                        block; NULL until the first insertion */
  uint64_t *entries; /* inside the indices' block */
  int64_t last_hit;  /* the entry the last successful lookup found (a hint, checked before use) */
  uint8_t log2_size; /* of the index table */
  uint8_t width;     /* slots per entry: 3 for dicts (hash, key, value), 2 for sets */
} RoastHashTable;

#define ROAST_HASH_DELETED UINT64_MAX /* an entry's hash slot once it is deleted (hash -1) */

struct RoastDict {
  RoastObject header; /* flags: key kind | value kind << 8 | ROAST_DICT_IN_REPR */
  RoastHashTable table;
};

struct RoastSet {
  RoastObject header; /* flags: the element kind */
  RoastHashTable table;
};

/* The compiler reads len(d) and len(s) inline at offset 16 (Runtime.h). */
_Static_assert(offsetof(struct RoastDict, table.length) == 16, "dict length must be at offset 16");
_Static_assert(offsetof(struct RoastSet, table.length) == 16, "set length must be at offset 16");

/* A dict whose repr is being written, so that meeting it again inside
 * itself prints {...} (as ROAST_LIST_IN_REPR for lists).  Dicts are never
 * immortal, so the bit can always be written. */
enum { ROAST_DICT_IN_REPR = 1u << 16 };

static inline uint32_t roast_rt_dict_key_kind(const RoastDict *d) { return d->header.flags & 0xff; }
static inline uint32_t roast_rt_dict_value_kind(const RoastDict *d) {
  return (d->header.flags >> 8) & 0xff;
}
static inline uint32_t roast_rt_set_kind(const RoastSet *s) { return s->header.flags & 0xff; }

/* Entry i: slot 0 its hash, 1 its key, 2 its value (dicts). */
static inline uint64_t *roast_rt_table_entry(const RoastHashTable *t, int64_t i) {
  return t->entries + i * t->width;
}
static inline bool roast_rt_entry_live(const uint64_t *entry) {
  return entry[0] != ROAST_HASH_DELETED;
}

/* ---- HashTable.c ------------------------------------------------------------ */

/* An empty table, without storage, of entries `width` slots wide. */
void roast_rt_table_init(RoastHashTable *t, uint8_t width);
/* The index of the live entry whose key equals key (a slot of kind key_kind,
 * with hash `hash`) in a table whose keys are of kind table_kind; -1 if none,
 * or if comparing tuple keys raised RecursionError (callers check
 * roast_rt_exception wherever the keys are objects). */
int64_t roast_rt_table_find(const RoastHashTable *t, uint32_t table_kind, uint32_t key_kind,
                            uint64_t key, int64_t hash);
/* Append an entry for a key known to be absent, growing the table if it is
 * full; returns its index.  The caller retains the key and fills in a value. */
int64_t roast_rt_table_append(RoastHashTable *t, uint64_t key, int64_t hash);
/* Delete live entry i.  The caller has read its key and value and releases
 * them afterwards (the table holds no reference of its own). */
void roast_rt_table_remove(RoastHashTable *t, int64_t i);
/* Make room for `total` live entries in all without growing again (one
 * resize before copying many entries in, as CPython's dict_merge). */
void roast_rt_table_reserve(RoastHashTable *t, int64_t total);
/* Release the live keys (and values, for width 3) of the given kinds and
 * free the storage; the table is left without storage. */
void roast_rt_table_release(RoastHashTable *t, uint32_t key_kind, uint32_t value_kind);
/* Raise KeyError with repr(key) as the message, as CPython does (and
 * return, as roast_rt_raise does). */
void roast_rt_raise_key_error(uint32_t kind, uint64_t key, const char *file, int32_t line,
                              const char *fn) __attribute__((cold));

/* ---- Dict.c and Set.c ------------------------------------------------------- */

/* Free a dict or set whose refcount reached zero (roast_rt_dealloc's cases). */
void roast_rt_dict_free(RoastDict *d);
void roast_rt_set_free(RoastSet *s);
/* a == b, reporting a RecursionError (deeply nested values) at the location. */
bool roast_rt_dict_eq_at(const RoastDict *a, const RoastDict *b, const char *file, int32_t line,
                         const char *fn);

#endif /* ROAST_RUNTIME_HASH_TABLE_INTERNAL_H */
