/* Set.c - set objects: creation, freeing, membership, the set methods and operators, == and <=. */
#include "HashTableInternal.h"

#include <stdlib.h>

/* Sets are dicts without values (HashTableInternal.h), so they iterate in
 * insertion order; binary operations keep the left operand's elements
 * first, in its order.  Operands may hold different number kinds (typing
 * allows set[int] & set[float]): lookups compare across kinds, and
 * elements stored into a set are widened to its kind. */

RoastSet *roast_rt_set_new(uint32_t kind) {
  RoastSet *s = roast_rt_object_alloc(sizeof(RoastSet));
  s->header.refcount = 1;
  s->header.type_id = ROAST_TYPE_SET;
  s->header.flags = kind & 0xff;
  roast_rt_table_init(&s->table, 2);
  return s;
}

void roast_rt_set_free(RoastSet *s) {
  roast_rt_table_release(&s->table, roast_rt_set_kind(s), 0);
  roast_rt_object_free(s, sizeof(RoastSet));
}

static uint64_t *entry(const RoastSet *s, int64_t ix) { return roast_rt_table_entry(&s->table, ix); }

/* The entry of item, a slot of kind `kind` with hash `hash`, or -1. */
static int64_t find(const RoastSet *s, uint32_t kind, uint64_t item, int64_t hash) {
  return roast_rt_table_find(&s->table, roast_rt_set_kind(s), kind, item, hash);
}

/* Add item, already of s's kind, with its hash. */
static void add(RoastSet *s, uint64_t item, int64_t hash) {
  uint32_t kind = roast_rt_set_kind(s);
  if (find(s, kind, item, hash) >= 0)
    return;
  if (kind == ROAST_ELEM_OBJECT)
    roast_rt_retain(roast_rt_slot_object(item));
  roast_rt_table_append(&s->table, item, hash);
}

/* Add an element of kind `from`, hashed as `hash`: widened to s's kind,
 * and hashed again if that changed it. */
static void add_converted(RoastSet *s, uint64_t item, uint32_t from, int64_t hash) {
  uint32_t kind = roast_rt_set_kind(s);
  if (from != kind) {
    item = roast_rt_slot_convert(item, from, kind);
    hash = roast_rt_slot_hash(kind, item);
  }
  add(s, item, hash);
}

/* Remove entry ix, releasing the element. */
static void drop(RoastSet *s, int64_t ix) {
  uint64_t item = entry(s, ix)[1];
  roast_rt_table_remove(&s->table, ix);
  if (roast_rt_set_kind(s) == ROAST_ELEM_OBJECT)
    roast_rt_release(roast_rt_slot_object(item));
}

/* Whether b holds the element of entry e of a set of kind `kind`. */
static bool holds(const RoastSet *b, uint32_t kind, const uint64_t *e) {
  return find(b, kind, e[1], (int64_t)e[0]) >= 0;
}

/* for each live entry e of set S (a loop over the dense array) */
#define FOR_EACH_ENTRY(e, S)                                                                       \
  for (int64_t i_ = 0; i_ < (S)->table.nentries; ++i_)                                            \
    for (const uint64_t *e = entry((S), i_); e && roast_rt_entry_live(e); e = NULL)

/* ---- Elements --------------------------------------------------------------------- */

void roast_rt_set_add(RoastSet *s, uint64_t item) {
  add(s, item, roast_rt_slot_hash(roast_rt_set_kind(s), item));
}

void roast_rt_set_update_list(RoastSet *s, const RoastList *l) {
  uint32_t from = roast_rt_list_kind(l);
  for (int64_t i = 0; i < l->length; ++i) {
    uint64_t item = roast_rt_list_load(l, i);
    add_converted(s, item, from, roast_rt_slot_hash(from, item));
  }
}

RoastSet *roast_rt_set_from_list(const RoastList *l, uint32_t kind) {
  RoastSet *s = roast_rt_set_new(kind);
  roast_rt_set_update_list(s, l);
  return s;
}

bool roast_rt_set_contains(const RoastSet *s, uint64_t item) {
  uint32_t kind = roast_rt_set_kind(s);
  return find(s, kind, item, roast_rt_slot_hash(kind, item)) >= 0;
}

void roast_rt_set_remove(RoastSet *s, uint64_t item, const char *file, int32_t line,
                         const char *fn) {
  uint32_t kind = roast_rt_set_kind(s);
  int64_t ix = find(s, kind, item, roast_rt_slot_hash(kind, item));
  if (ix < 0)
    roast_rt_raise_key_error(kind, item, file, line, fn);
  drop(s, ix);
}

void roast_rt_set_discard(RoastSet *s, uint64_t item) {
  uint32_t kind = roast_rt_set_kind(s);
  int64_t ix = find(s, kind, item, roast_rt_slot_hash(kind, item));
  if (ix >= 0)
    drop(s, ix);
}

/* The first element in iteration order, as CPython's set.pop takes the
 * first it finds.  The finger skips the entries earlier pops deleted, so
 * that emptying a set by pops is O(n) rather than O(n^2). */
uint64_t roast_rt_set_pop(RoastSet *s, const char *file, int32_t line, const char *fn) {
  if (s->table.length == 0)
    roast_rt_raise(ROAST_ERR_KEY, "'pop from an empty set'", file, line, fn);
  int64_t ix = s->table.finger;
  while (!roast_rt_entry_live(entry(s, ix)))
    ++ix;
  uint64_t item = entry(s, ix)[1];
  roast_rt_table_remove(&s->table, ix);
  s->table.finger = ix + 1;
  return item; /* the set's reference passes to the caller */
}

void roast_rt_set_clear(RoastSet *s) { roast_rt_table_release(&s->table, roast_rt_set_kind(s), 0); }

/* A copy of s as a set of kind `kind` (s's own, or a wider number kind). */
static RoastSet *copy_as(const RoastSet *s, uint32_t kind) {
  RoastSet *r = roast_rt_set_new(kind);
  uint32_t from = roast_rt_set_kind(s);
  roast_rt_table_reserve(&r->table, s->table.length);
  FOR_EACH_ENTRY(e, s) {
    if (from != kind) {
      add_converted(r, e[1], from, (int64_t)e[0]);
      continue;
    }
    /* Distinct elements with known hashes: append without lookups. */
    if (kind == ROAST_ELEM_OBJECT)
      roast_rt_retain(roast_rt_slot_object(e[1]));
    roast_rt_table_append(&r->table, e[1], (int64_t)e[0]);
  }
  return r;
}

RoastSet *roast_rt_set_copy(const RoastSet *s) { return copy_as(s, roast_rt_set_kind(s)); }

RoastList *roast_rt_set_to_list(const RoastSet *s) {
  uint32_t kind = roast_rt_set_kind(s);
  RoastList *l = roast_rt_list_new(s->table.length, kind);
  FOR_EACH_ENTRY(e, s) {
    if (kind == ROAST_ELEM_OBJECT)
      roast_rt_retain(roast_rt_slot_object(e[1]));
    roast_rt_list_store(l, l->length++, e[1]);
  }
  return l;
}

/* ---- Operators ------------------------------------------------------------------------ */

/* The kind of a | b and a ^ b (set[_T | _S]): the wider number kind, as for
 * list concatenation; otherwise a's. */
static uint32_t wider_kind(uint32_t a, uint32_t b) {
  if (a == b || a == ROAST_ELEM_OBJECT || b == ROAST_ELEM_OBJECT)
    return a;
  return a == ROAST_ELEM_FLOAT || b == ROAST_ELEM_FLOAT ? ROAST_ELEM_FLOAT : ROAST_ELEM_INT;
}

void roast_rt_set_update(RoastSet *s, const RoastSet *other) {
  if (s == other)
    return;
  uint32_t from = roast_rt_set_kind(other);
  FOR_EACH_ENTRY(e, other)
    add_converted(s, e[1], from, (int64_t)e[0]);
}

RoastSet *roast_rt_set_union(const RoastSet *a, const RoastSet *b) {
  RoastSet *r = copy_as(a, wider_kind(roast_rt_set_kind(a), roast_rt_set_kind(b)));
  roast_rt_set_update(r, b);
  return r;
}

/* The elements of a that are (keep) or are not (!keep) in b, as a new set
 * of a's kind (a & b and a - b are set[_T]). */
static RoastSet *filter(const RoastSet *a, const RoastSet *b, bool keep) {
  uint32_t kind = roast_rt_set_kind(a);
  RoastSet *r = roast_rt_set_new(kind);
  FOR_EACH_ENTRY(e, a)
    if (holds(b, kind, e) == keep)
      add(r, e[1], (int64_t)e[0]);
  return r;
}

RoastSet *roast_rt_set_intersection(const RoastSet *a, const RoastSet *b) {
  return filter(a, b, true);
}

RoastSet *roast_rt_set_difference(const RoastSet *a, const RoastSet *b) {
  return filter(a, b, false);
}

RoastSet *roast_rt_set_symmetric_difference(const RoastSet *a, const RoastSet *b) {
  uint32_t ka = roast_rt_set_kind(a), kb = roast_rt_set_kind(b);
  RoastSet *r = roast_rt_set_new(wider_kind(ka, kb));
  FOR_EACH_ENTRY(e, a)
    if (!holds(b, ka, e))
      add_converted(r, e[1], ka, (int64_t)e[0]);
  FOR_EACH_ENTRY(e, b)
    if (!holds(a, kb, e))
      add_converted(r, e[1], kb, (int64_t)e[0]);
  return r;
}

/* Deleting entries while walking the dense array is safe: deletion only
 * marks them, and nothing is appended, so the table is not rebuilt. */
void roast_rt_set_intersection_update(RoastSet *s, const RoastSet *other) {
  if (s == other)
    return;
  uint32_t kind = roast_rt_set_kind(s);
  for (int64_t i = 0; i < s->table.nentries; ++i)
    if (roast_rt_entry_live(entry(s, i)) && !holds(other, kind, entry(s, i)))
      drop(s, i);
}

void roast_rt_set_difference_update(RoastSet *s, const RoastSet *other) {
  if (s == other) {
    roast_rt_set_clear(s);
    return;
  }
  uint32_t from = roast_rt_set_kind(other);
  FOR_EACH_ENTRY(e, other) {
    int64_t ix = find(s, from, e[1], (int64_t)e[0]);
    if (ix >= 0)
      drop(s, ix);
  }
}

/* ---- Comparison -------------------------------------------------------------------------- */

/* Elements are hashable (numbers, strs, tuples of those), so comparing them
 * cannot recurse deeply: no location is needed. */
bool roast_rt_set_issubset(const RoastSet *a, const RoastSet *b) {
  if (a == b)
    return true;
  if (a->table.length > b->table.length)
    return false;
  uint32_t kind = roast_rt_set_kind(a);
  FOR_EACH_ENTRY(e, a)
    if (!holds(b, kind, e))
      return false;
  return true;
}

bool roast_rt_set_eq(const RoastSet *a, const RoastSet *b) {
  return a == b || (a->table.length == b->table.length && roast_rt_set_issubset(a, b));
}
