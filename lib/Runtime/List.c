/* List.c - list objects: creation, storage, freeing, and the methods that add or copy elements. */
#include "ListInternal.h"

#include <stdlib.h>
#include <string.h>

/* ---- Storage ----------------------------------------------------------------- */

RoastList *roast_rt_list_new(int64_t capacity, uint32_t kind) {
  if (capacity < 0)
    capacity = 0;
  if (capacity > ROAST_LIST_MAX_SLOTS)
    roast_rt_fatal(ROAST_ERR_MEMORY, "out of memory");
  RoastList *l = roast_rt_object_alloc(sizeof(RoastList));
  l->header.refcount = 1;
  l->header.type_id = ROAST_TYPE_LIST;
  l->header.flags = kind & ROAST_LIST_KIND_MASK;
  l->length = 0;
  l->capacity = capacity;
  /* No array at all for an empty list: [] is common and often stays empty.
   * A bool list packs one byte per element (ListInternal.h). */
  l->items = capacity > 0 ? roast_rt_malloc((size_t)capacity * roast_rt_elem_size(kind)) : NULL;
  return l;
}

void roast_rt_list_reserve(RoastList *l, int64_t needed) {
  if (needed <= l->capacity)
    return;
  if (needed > ROAST_LIST_MAX_SLOTS)
    roast_rt_fatal(ROAST_ERR_MEMORY, "out of memory");
  /* Half again as much: appends then copy each element O(1) times on
   * average, and at most a third of the array is ever unused. */
  int64_t grown = l->capacity + (l->capacity >> 1) + 4;
  if (grown > ROAST_LIST_MAX_SLOTS)
    grown = ROAST_LIST_MAX_SLOTS;
  int64_t capacity = needed > grown ? needed : grown;
  l->items = roast_rt_realloc(l->items, (size_t)capacity * roast_rt_list_elem_size(l));
  l->capacity = capacity;
}

void roast_rt_list_reserve_hint(RoastList *l, int64_t extra) {
  enum { MAX_HINT = 1 << 24 };
  if (extra > 0)
    roast_rt_list_reserve(l, l->length + (extra < MAX_HINT ? extra : MAX_HINT));
}

void roast_rt_list_shrink(RoastList *l) {
  /* Only below a quarter, and then to twice the length: a list that
   * alternates between growing and shrinking does not reallocate each time. */
  if (l->capacity <= 16 || l->length >= l->capacity / 4)
    return;
  int64_t capacity = l->length * 2 > 8 ? l->length * 2 : 8;
  uint64_t *items = realloc(l->items, (size_t)capacity * roast_rt_list_elem_size(l));
  if (items) { /* a failed shrink just keeps the bigger array */
    l->items = items;
    l->capacity = capacity;
  }
}

void roast_rt_list_copy_in(RoastList *dst, int64_t di, const RoastList *src, int64_t si,
                           int64_t n) {
  if (n <= 0)
    return;
  uint32_t to = roast_rt_list_kind(dst), from = roast_rt_list_kind(src);
  if (to == from) {
    roast_rt_list_copy_raw(dst, di, src, si, n);
    roast_rt_list_retain_range(dst, di, n);
    return;
  }
  /* A widening of numbers (into int or float slots, so only the source
   * may be a packed bool list), or boxing into dynamic values.  Unboxing
   * a VALUE list into a typed one is the compiler's to avoid
   * (roast_rt_value_unbox_object converts it first): done anyway, an
   * element that does not fit leaves a TypeError pending. */
  for (int64_t k = 0; k < n; ++k)
    roast_rt_list_store(dst, di + k,
                        roast_rt_slot_convert_owned(roast_rt_list_load(src, si + k), from, to,
                                                    ROAST_WHERE(NULL, 0, NULL)));
}

/* Iterative, so that dropping a deeply nested list ([[[...]]], built in a
 * loop) cannot overflow the C stack, as CPython's "trashcan" ensures: a list
 * whose count reaches zero while its container is being freed is queued,
 * not freed recursively. */
enum { kFreePrefetchDistance = 16 };

void roast_rt_list_free(RoastList *l) {
  RoastList *queued = NULL;
  for (;;) {
    uint32_t kind = roast_rt_list_kind(l);
    if (roast_rt_kind_owns(kind)) {
      for (int64_t i = 0; i < l->length; ++i) {
        /* A sorted list's objects lie all over the heap: fetch a few
         * counts ahead so that their cache misses overlap. */
        if (i + kFreePrefetchDistance < l->length)
          __builtin_prefetch(roast_rt_slot_owned(
                                 kind, roast_rt_list_load(l, i + kFreePrefetchDistance)),
                             1);
        RoastObject *o = roast_rt_slot_owned(kind, roast_rt_list_load(l, i));
        if (!o || o->refcount >= ROAST_REFCOUNT_IMMORTAL || --o->refcount != 0)
          continue;
        if (o->type_id == ROAST_TYPE_STR) {
          /* No children, so nothing to queue: the common case (split()
           * results, lists of words) skips roast_rt_dealloc. */
          roast_rt_object_free(o, roast_rt_str_size(((RoastStr *)o)->length));
        } else if (o->type_id == ROAST_TYPE_LIST) {
          /* A dead list's capacity is no longer needed: it links the queue. */
          RoastList *child = (RoastList *)o;
          child->capacity = (int64_t)(intptr_t)queued;
          queued = child;
        } else {
          roast_rt_dealloc(o);
        }
      }
    }
    free(l->items);
    roast_rt_object_free(l, sizeof(RoastList));
    if (!queued)
      return;
    l = queued;
    queued = (RoastList *)(intptr_t)l->capacity;
  }
}

/* ---- Adding elements ---------------------------------------------------------- */

void roast_rt_list_append(RoastList *l, uint64_t item) {
  if (l->length == l->capacity)
    roast_rt_list_reserve(l, l->length + 1);
  roast_rt_slot_retain(roast_rt_list_kind(l), item);
  roast_rt_list_store(l, l->length++, item);
}

void roast_rt_list_insert(RoastList *l, int64_t index, uint64_t item) {
  int64_t n = l->length;
  /* Python clamps instead of raising: insert(-100, x) prepends. */
  if (index < 0) {
    index += n;
    if (index < 0)
      index = 0;
  } else if (index > n) {
    index = n;
  }
  roast_rt_list_reserve(l, n + 1);
  roast_rt_list_move(l, index + 1, index, n - index);
  roast_rt_slot_retain(roast_rt_list_kind(l), item);
  roast_rt_list_store(l, index, item);
  l->length = n + 1;
}

void roast_rt_list_extend(RoastList *l, const RoastList *other) {
  int64_t n = other->length;
  if (n == 0)
    return;
  /* Read other's items only after growing: when other is l, the array may
   * move.  The copy then reads [0, n) and writes [n, 2n), which are apart. */
  roast_rt_list_reserve(l, l->length + n);
  roast_rt_list_copy_in(l, l->length, other, 0, n);
  l->length += n;
}

/* ---- Whole-list operations ----------------------------------------------------- */

void roast_rt_list_clear(RoastList *l) {
  uint64_t *items = l->items; /* 8-byte slots if they hold objects */
  int64_t n = l->length;
  /* Empty the list first, then release: the list is consistent whatever
   * the releases free. */
  l->items = NULL;
  l->length = 0;
  l->capacity = 0;
  roast_rt_slots_release(roast_rt_list_kind(l), items, n);
  free(items);
}

void roast_rt_list_reverse(RoastList *l) {
  for (int64_t i = 0, j = l->length - 1; i < j; ++i, --j) {
    uint64_t t = roast_rt_list_load(l, i);
    roast_rt_list_store(l, i, roast_rt_list_load(l, j));
    roast_rt_list_store(l, j, t);
  }
}

RoastList *roast_rt_list_copy(const RoastList *l) {
  uint32_t kind = roast_rt_list_kind(l);
  RoastList *r = roast_rt_list_new(l->length, kind);
  roast_rt_list_copy_in(r, 0, l, 0, l->length);
  r->length = l->length;
  return r;
}

/* The kind of a + b: the wider number kind when they differ (as typing
 * makes list[int] + list[float] a list of floats), dynamic values when
 * either holds them; otherwise a's. */
static uint32_t wider_kind(uint32_t a, uint32_t b) {
  if (a != b && (a == ROAST_ELEM_VALUE || b == ROAST_ELEM_VALUE))
    return ROAST_ELEM_VALUE;
  if (a == b || a == ROAST_ELEM_OBJECT || b == ROAST_ELEM_OBJECT)
    return a;
  if (a == ROAST_ELEM_FLOAT || b == ROAST_ELEM_FLOAT)
    return ROAST_ELEM_FLOAT;
  return ROAST_ELEM_INT; /* int and bool */
}

RoastList *roast_rt_list_concat(const RoastList *a, const RoastList *b) {
  uint32_t kind = wider_kind(roast_rt_list_kind(a), roast_rt_list_kind(b));
  /* Cannot overflow: each length is at most ROAST_LIST_MAX_SLOTS < 2^61. */
  RoastList *r = roast_rt_list_new(a->length + b->length, kind);
  roast_rt_list_copy_in(r, 0, a, 0, a->length);
  roast_rt_list_copy_in(r, a->length, b, 0, b->length);
  r->length = a->length + b->length;
  return r;
}

RoastList *roast_rt_list_repeat(const RoastList *l, int64_t n) {
  uint32_t kind = roast_rt_list_kind(l);
  int64_t length = l->length;
  if (n <= 0 || length == 0)
    return roast_rt_list_new(0, kind);
  /* CPython raises a bare MemoryError for sizes that cannot exist; Roast's
   * MemoryError is fatal, as for any allocation that fails. */
  if (length > ROAST_LIST_MAX_SLOTS / n)
    roast_rt_fatal(ROAST_ERR_MEMORY, "out of memory");
  int64_t total = length * n;
  RoastList *r = roast_rt_list_new(total, kind);
  /* Copy once, then keep doubling what is already there: O(log n) memcpys. */
  roast_rt_list_copy_raw(r, 0, l, 0, length);
  for (int64_t done = length; done < total;) {
    int64_t chunk = done <= total - done ? done : total - done;
    roast_rt_list_copy_raw(r, done, r, 0, chunk);
    done += chunk;
  }
  r->length = total;
  /* Each object is now held n more times: add n at once rather than
   * retaining each of the n * length slots. */
  if (roast_rt_kind_owns(kind))
    for (int64_t i = 0; i < length; ++i)
      roast_rt_slot_retain_n(kind, roast_rt_list_load(l, i), n);
  return r;
}
