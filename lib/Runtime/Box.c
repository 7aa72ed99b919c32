/* Box.c - boxed optional numbers: `int | None` and friends in a slot. */
#include "ListInternal.h"

RoastObject *roast_rt_box_optional(bool present, uint32_t kind, uint64_t slot) {
  if (!present)
    return NULL;
  RoastBox *box = roast_rt_object_alloc(sizeof(RoastBox));
  box->header.refcount = 1;
  box->header.type_id = ROAST_TYPE_BOX;
  box->header.flags = kind;
  box->slot = slot;
  return &box->header;
}

uint64_t roast_rt_box_slot(const RoastObject *box) {
  return box ? ((const RoastBox *)box)->slot : 0;
}
