/* Tuple.c - boxed tuples: creation and freeing (repr in ObjectRepr.c, order in ListCompare.c). */
#include "ListInternal.h"

#include <stdlib.h>
#include <string.h>

/* The most fields a tuple can have: its byte size (9 per field, plus the
 * header) must fit size_t and int64. */
#define ROAST_TUPLE_MAX_FIELDS ((int64_t)((SIZE_MAX < (uint64_t)INT64_MAX ? SIZE_MAX : (uint64_t)INT64_MAX) / 16))

RoastTuple *roast_rt_tuple_new(int64_t length, const uint8_t *kinds) {
  if (length < 0 || length > ROAST_TUPLE_MAX_FIELDS)
    roast_rt_fatal(ROAST_ERR_MEMORY, "out of memory");
  /* One block: the fields, then one kind byte each (Runtime.h's layout). */
  size_t n = (size_t)length;
  RoastTuple *t = roast_rt_object_alloc(sizeof(RoastTuple) + n * sizeof(uint64_t) + n);
  t->header.refcount = 1;
  t->header.type_id = ROAST_TYPE_TUPLE;
  t->header.flags = 0;
  t->length = length;
  /* Zeroed fields are valid ones (0, 0.0, False, None) until the compiler
   * stores the real ones, so freeing a half-built tuple is safe. */
  memset(t->items, 0, n * sizeof(uint64_t));
  if (n > 0)
    memcpy(t->items + n, kinds, n);
  return t;
}

/* Tuples nest only as deep as their static types, so releasing the fields
 * recursively cannot exhaust the stack; deeper chains through lists, dicts
 * and sets are queued by roast_rt_dealloc. */
void roast_rt_tuple_free(RoastTuple *t) {
  const uint8_t *kinds = roast_rt_tuple_kinds(t);
  for (int64_t i = 0; i < t->length; ++i)
    roast_rt_slot_release(kinds[i], t->items[i]);
  size_t n = (size_t)t->length;
  roast_rt_object_free(t, sizeof(RoastTuple) + n * sizeof(uint64_t) + n);
}
