/* Object.c - object lifetime: allocation (MemoryError), retain, release and dealloc. */
#include "FileInternal.h"
#include "HashTableInternal.h"

#include <stdlib.h>

void *roast_rt_malloc(size_t size) {
  void *p = malloc(size);
  /* No location: allocation failure can happen anywhere, and the traceback
   * header alone still reads as CPython's "MemoryError". */
  if (!p)
    roast_rt_fatal(ROAST_ERR_MEMORY, "out of memory");
  roast_rt_advise_huge_pages(p, size);
  return p;
}

void *roast_rt_realloc(void *p, size_t size) {
  void *q = realloc(p, size);
  if (!q && size > 0)
    roast_rt_fatal(ROAST_ERR_MEMORY, "out of memory");
  roast_rt_advise_huge_pages(q, size);
  return q;
}

/* Free one object, after releasing its children. */
static void free_object(RoastObject *obj) {
  switch (obj->type_id) {
  case ROAST_TYPE_LIST: roast_rt_list_free((RoastList *)obj); return;
  case ROAST_TYPE_TUPLE: roast_rt_tuple_free((RoastTuple *)obj); return;
  case ROAST_TYPE_DICT: roast_rt_dict_free((RoastDict *)obj); return;
  case ROAST_TYPE_SET: roast_rt_set_free((RoastSet *)obj); return;
  case ROAST_TYPE_INSTANCE: roast_rt_instance_free((RoastInstance *)obj); return;
  case ROAST_TYPE_FILE: roast_rt_file_free((RoastFile *)obj); return;
  case ROAST_TYPE_BOX: roast_rt_object_free(obj, sizeof(RoastBox)); return;
  case ROAST_TYPE_ITERATOR:
  case ROAST_TYPE_BOUND_METHOD: roast_rt_value_object_free(obj); return;
  case ROAST_TYPE_BUILTIN: return; /* immortal: never reaches here */
  case ROAST_TYPE_STR: /* no children */
  default:             /* unknown type: a compiler bug; freeing is all we can do */
    roast_rt_object_free(obj, roast_rt_str_size(((RoastStr *)obj)->length));
    return;
  }
}

/* Objects whose count reached zero while another was being freed, waiting
 * their turn: freeing is iterative, so dropping a deeply nested structure
 * (a dict of dicts of ... built in a loop) cannot overflow the C stack, as
 * CPython's "trashcan" ensures.  A dead object's refcount field is free, so
 * it links the queue.  Plain statics, not _Thread_local: Roast programs
 * run on one thread, and `roastc run`'s JIT cannot link thread-local
 * storage (R_X86_64_TLSLD). */
static RoastObject *pending;
static bool freeing;

/* Every object comes from roast_rt_malloc.  Containers release their
 * children before the object itself is freed. */
void roast_rt_dealloc(RoastObject *obj) {
  if (freeing) {
    obj->refcount = (int64_t)(intptr_t)pending;
    pending = obj;
    return;
  }
  freeing = true;
  for (;;) {
    free_object(obj);
    if (!pending)
      break;
    obj = pending;
    pending = (RoastObject *)(intptr_t)obj->refcount;
  }
  freeing = false;
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
