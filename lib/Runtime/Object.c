/* Object.c - object lifetime: allocation (MemoryError), retain, release and dealloc. */
#include "ListInternal.h"

#include <stdlib.h>

void *roast_rt_malloc(size_t size) {
  void *p = malloc(size);
  /* No location: allocation failure can happen anywhere, and the traceback
   * header alone still reads as CPython's "MemoryError". */
  if (!p)
    roast_rt_raise(ROAST_ERR_MEMORY, NULL, NULL, 0, NULL);
  return p;
}

void *roast_rt_realloc(void *p, size_t size) {
  void *q = realloc(p, size);
  if (!q && size > 0)
    roast_rt_raise(ROAST_ERR_MEMORY, NULL, NULL, 0, NULL);
  return q;
}

/* Every object comes from roast_rt_malloc.  Containers release their
 * children before the object itself is freed. */
void roast_rt_dealloc(RoastObject *obj) {
  switch (obj->type_id) {
  case ROAST_TYPE_LIST:
    roast_rt_list_free((RoastList *)obj);
    return;
  case ROAST_TYPE_STR: /* no children */
  default:             /* unknown type: a compiler bug; freeing is all we can do */
    free(obj);
    return;
  }
}

/* The same tests the compiler inlines: an immortal object, which may be in
 * read-only memory, is never written. */
void roast_rt_retain(RoastObject *obj) {
  if (obj && obj->refcount < ROAST_REFCOUNT_IMMORTAL)
    ++obj->refcount;
}

void roast_rt_release(RoastObject *obj) {
  if (obj && obj->refcount < ROAST_REFCOUNT_IMMORTAL && --obj->refcount == 0)
    roast_rt_dealloc(obj);
}
