/* Set.c - set objects: creation, freeing, membership, the set methods and operators, == and <=. */
#include "HashTableInternal.h"

#include <stdlib.h>

/* Sets are dicts without values (HashTableInternal.h), so they iterate in
 * insertion order; binary operations keep the left operand's elements
 * first, in its order.  Operands may hold different number kinds (typing
 * allows set[int] & set[float]): lookups compare across kinds, and
 * elements stored into a set are widened to its kind.
 *
 * As in Dict.c, hashing a tuple with a list inside raises TypeError and
 * comparing tuples may raise RecursionError; raising returns (Runtime.h),
 * so lookups check roast_rt_exception and stop: a new set being built is
 * released (the result is then NULL), a set updated in place keeps the
 * elements added or removed before the error, as in CPython. */

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
  if (find(s, kind, item, hash) >= 0 || roast_rt_exception)
    return;
  roast_rt_slot_retain(kind, item);
  roast_rt_table_append(&s->table, item, hash);
}

/* Add an element of kind `from`, hashed as `hash`: widened to s's kind,
 * and hashed again if that changed it. */
static void add_converted(RoastSet *s, uint64_t item, uint32_t from, int64_t hash) {
  uint32_t kind = roast_rt_set_kind(s);
  if (from == kind) {
    add(s, item, hash);
    return;
  }
  /* A new reference (a dynamic value may box a big int): add() retains
   * what it keeps. */
  item = roast_rt_slot_convert_owned(item, from, kind, ROAST_WHERE(NULL, 0, NULL));
  hash = roast_rt_exception ? 0 : roast_rt_slot_hash(kind, item);
  if (!roast_rt_exception)
    add(s, item, hash);
  roast_rt_slot_release(kind, item);
}

/* Remove entry ix, releasing the element. */
static void drop(RoastSet *s, int64_t ix) {
  uint64_t item = entry(s, ix)[1];
  roast_rt_table_remove(&s->table, ix);
  roast_rt_slot_release(roast_rt_set_kind(s), item);
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

/* The entry of item, a slot of s's kind, hashing it; -1 if it is missing
 * or if hashing or comparing raised. */
static int64_t find_hashing(const RoastSet *s, uint64_t item) {
  uint32_t kind = roast_rt_set_kind(s);
  int64_t hash = roast_rt_slot_hash(kind, item);
  return roast_rt_exception ? -1 : find(s, kind, item, hash);
}

void roast_rt_set_add(RoastSet *s, uint64_t item) {
  int64_t hash = roast_rt_slot_hash(roast_rt_set_kind(s), item);
  if (!roast_rt_exception)
    add(s, item, hash);
}

void roast_rt_set_update_list(RoastSet *s, const RoastList *l) {
  uint32_t from = roast_rt_list_kind(l);
  for (int64_t i = 0; i < l->length; ++i) {
    uint64_t item = roast_rt_list_load(l, i);
    int64_t hash = roast_rt_slot_hash(from, item);
    if (roast_rt_exception)
      return;
    add_converted(s, item, from, hash);
    if (roast_rt_exception)
      return;
  }
}

RoastSet *roast_rt_set_from_list(const RoastList *l, uint32_t kind) {
  RoastSet *s = roast_rt_set_new(kind);
  roast_rt_set_update_list(s, l);
  if (roast_rt_exception) {
    roast_rt_release(&s->header);
    return NULL;
  }
  return s;
}

bool roast_rt_set_contains(const RoastSet *s, uint64_t item) {
  return find_hashing(s, item) >= 0;
}

void roast_rt_set_remove(RoastSet *s, uint64_t item, const char *file, int32_t line,
                         const char *fn) {
  int64_t ix = find_hashing(s, item);
  if (roast_rt_exception)
    return;
  if (ix < 0) {
    roast_rt_raise_key_error(roast_rt_set_kind(s), item, file, line, fn);
    return;
  }
  drop(s, ix);
}

void roast_rt_set_discard(RoastSet *s, uint64_t item) {
  int64_t ix = find_hashing(s, item);
  if (ix >= 0)
    drop(s, ix);
}

/* The first element in iteration order, as CPython's set.pop takes the
 * first it finds.  The finger skips the entries earlier pops deleted, so
 * that emptying a set by pops is O(n) rather than O(n^2). */
uint64_t roast_rt_set_pop(RoastSet *s, const char *file, int32_t line, const char *fn) {
  if (s->table.length == 0) {
    roast_rt_raise(ROAST_ERR_KEY, "'pop from an empty set'", file, line, fn);
    return 0;
  }
  int64_t ix = s->table.finger;
  while (!roast_rt_entry_live(entry(s, ix)))
    ++ix;
  uint64_t item = entry(s, ix)[1];
  roast_rt_table_remove(&s->table, ix);
  s->table.finger = ix + 1;
  return item; /* the set's reference passes to the caller */
}

void roast_rt_set_clear(RoastSet *s) { roast_rt_table_release(&s->table, roast_rt_set_kind(s), 0); }

/* A copy of s as a set of kind `kind` (s's own, or a wider number kind).
 * Cannot raise: the elements are distinct, and only numbers are converted
 * (and so hashed and compared again). */
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
    roast_rt_slot_retain(kind, e[1]);
    roast_rt_table_append(&r->table, e[1], (int64_t)e[0]);
  }
  return r;
}

RoastSet *roast_rt_set_copy(const RoastSet *s) { return copy_as(s, roast_rt_set_kind(s)); }

RoastList *roast_rt_set_to_list(const RoastSet *s) {
  uint32_t kind = roast_rt_set_kind(s);
  RoastList *l = roast_rt_list_new(s->table.length, kind);
  FOR_EACH_ENTRY(e, s) {
    roast_rt_slot_retain(kind, e[1]);
    roast_rt_list_store(l, l->length++, e[1]);
  }
  return l;
}

/* ---- Operators ------------------------------------------------------------------------ */

/* The kind of a | b and a ^ b (set[_T | _S]): the wider number kind, as for
 * list concatenation; otherwise a's. */
static uint32_t wider_kind(uint32_t a, uint32_t b) {
  if (a != b && (a == ROAST_ELEM_VALUE || b == ROAST_ELEM_VALUE))
    return ROAST_ELEM_VALUE;
  if (a == b || a == ROAST_ELEM_OBJECT || b == ROAST_ELEM_OBJECT)
    return a;
  return a == ROAST_ELEM_FLOAT || b == ROAST_ELEM_FLOAT ? ROAST_ELEM_FLOAT : ROAST_ELEM_INT;
}

void roast_rt_set_update(RoastSet *s, const RoastSet *other) {
  if (s == other)
    return;
  uint32_t from = roast_rt_set_kind(other);
  FOR_EACH_ENTRY(e, other) {
    add_converted(s, e[1], from, (int64_t)e[0]);
    if (roast_rt_exception)
      return;
  }
}

/* r, or NULL after releasing it if building it raised. */
static RoastSet *built(RoastSet *r) {
  if (!roast_rt_exception)
    return r;
  roast_rt_release(&r->header);
  return NULL;
}

RoastSet *roast_rt_set_union(const RoastSet *a, const RoastSet *b) {
  RoastSet *r = copy_as(a, wider_kind(roast_rt_set_kind(a), roast_rt_set_kind(b)));
  roast_rt_set_update(r, b);
  return built(r);
}

/* The elements of a that are (keep) or are not (!keep) in b, as a new set
 * of a's kind (a & b and a - b are set[_T]). */
static RoastSet *filter(const RoastSet *a, const RoastSet *b, bool keep) {
  uint32_t kind = roast_rt_set_kind(a);
  RoastSet *r = roast_rt_set_new(kind);
  FOR_EACH_ENTRY(e, a) {
    if (holds(b, kind, e) == keep && !roast_rt_exception)
      add(r, e[1], (int64_t)e[0]);
    if (roast_rt_exception)
      return built(r);
  }
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
  FOR_EACH_ENTRY(e, a) {
    if (!holds(b, ka, e) && !roast_rt_exception)
      add_converted(r, e[1], ka, (int64_t)e[0]);
    if (roast_rt_exception)
      return built(r);
  }
  FOR_EACH_ENTRY(e, b) {
    if (!holds(a, kb, e) && !roast_rt_exception)
      add_converted(r, e[1], kb, (int64_t)e[0]);
    if (roast_rt_exception)
      return built(r);
  }
  return r;
}

/* Deleting entries while walking the dense array is safe: deletion only
 * marks them, and nothing is appended, so the table is not rebuilt. */
void roast_rt_set_intersection_update(RoastSet *s, const RoastSet *other) {
  if (s == other)
    return;
  uint32_t kind = roast_rt_set_kind(s);
  for (int64_t i = 0; i < s->table.nentries; ++i) {
    if (roast_rt_entry_live(entry(s, i)) && !holds(other, kind, entry(s, i))) {
      if (roast_rt_exception)
        return; /* not known to be missing */
      drop(s, i);
    }
  }
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
    else if (roast_rt_exception)
      return;
  }
}

/* ---- Comparison -------------------------------------------------------------------------- */

/* Elements are hashable (numbers, strs, tuples of those), so comparing them
 * cannot recurse deeply: no location is needed.  (On an already exhausted
 * stack comparing tuples raises RecursionError: holds() then answers false,
 * which ends the loop.) */
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
