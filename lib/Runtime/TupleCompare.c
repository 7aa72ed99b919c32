/* TupleCompare.c - a OP b for two boxed tuples (the compiler boxes by-value tuples for it). */
#include "ListInternal.h"

bool roast_rt_tuple_richcompare(const RoastTuple *a, const RoastTuple *b, int32_t op,
                                const char *file, int32_t line, const char *fn) {
  int order = roast_rt_slot_order(ROAST_ELEM_OBJECT, (uint64_t)(uintptr_t)a, ROAST_ELEM_OBJECT,
                                  (uint64_t)(uintptr_t)b, op, file, line, fn);
  return roast_rt_order_holds(order, op);
}
