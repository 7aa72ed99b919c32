/* ListInternal.h - helpers shared by the runtime's list files (not part of the compiler ABI). */
#ifndef ROAST_RUNTIME_LIST_INTERNAL_H
#define ROAST_RUNTIME_LIST_INTERNAL_H

#include "StrInternal.h"

#include <stddef.h>
#include <string.h>

/* A flag bit of a list whose repr is being written, so that the list met
 * again inside itself prints as [...] (ObjectRepr.c).  A bit in the object
 * instead of CPython's list of objects in progress: no search per list. */
enum { ROAST_LIST_IN_REPR = 1u << 8 }; /* above ROAST_LIST_KIND_MASK */

/* The most slots a list can have: their byte size must fit int64 and size_t. */
#define ROAST_LIST_MAX_SLOTS                                                                       \
  ((int64_t)((SIZE_MAX < (uint64_t)INT64_MAX ? SIZE_MAX : (uint64_t)INT64_MAX) / sizeof(uint64_t)))

static inline uint32_t roast_rt_list_kind(const RoastList *l) {
  return l->header.flags & ROAST_LIST_KIND_MASK;
}

/* A list pointer without const, for the repr marker and for returning an
 * argument.  Lists are never immortal (Runtime.h), so writing is safe. */
static inline RoastList *roast_rt_list_unconst(const RoastList *l) {
  return (RoastList *)(uintptr_t)l;
}

/* ---- Slots ---------------------------------------------------------------- */

static inline RoastObject *roast_rt_slot_object(uint64_t slot) {
  return (RoastObject *)(uintptr_t)slot;
}
static inline double roast_rt_slot_double(uint64_t slot) {
  double d;
  memcpy(&d, &slot, sizeof d);
  return d;
}
static inline uint64_t roast_rt_double_slot(double d) {
  uint64_t slot;
  memcpy(&slot, &d, sizeof slot);
  return slot;
}

/* The slot v of kind `from` as an element of kind `to`: the widenings typing
 * allows (bool -> int keeps the bits 0/1; bool and int -> float convert).
 * Any other pair is the same kind, and the slot is unchanged. */
static inline uint64_t roast_rt_slot_convert(uint64_t v, uint32_t from, uint32_t to) {
  if (to == ROAST_ELEM_FLOAT && from == ROAST_ELEM_INT)
    return roast_rt_double_slot((double)(int64_t)v);
  if (to == ROAST_ELEM_FLOAT && from == ROAST_ELEM_BOOL)
    return roast_rt_double_slot(v ? 1.0 : 0.0);
  return v;
}

/* Retain or release the objects in n slots of the given kind (no-ops for
 * number kinds). */
static inline void roast_rt_slots_retain(uint32_t kind, const uint64_t *slots, int64_t n) {
  if (kind == ROAST_ELEM_OBJECT)
    for (int64_t i = 0; i < n; ++i)
      roast_rt_retain(roast_rt_slot_object(slots[i]));
}
static inline void roast_rt_slots_release(uint32_t kind, const uint64_t *slots, int64_t n) {
  if (kind == ROAST_ELEM_OBJECT)
    for (int64_t i = 0; i < n; ++i)
      roast_rt_release(roast_rt_slot_object(slots[i]));
}

/* ---- List.c --------------------------------------------------------------- */

/* Make room for at least `needed` elements, growing by half again so that
 * appends are amortized O(1); MemoryError beyond ROAST_LIST_MAX_SLOTS. */
void roast_rt_list_reserve(RoastList *l, int64_t needed);
/* Give back storage after removals once three quarters of it are unused. */
void roast_rt_list_shrink(RoastList *l);
/* Copy n slots of kind `from` to dst as kind `to`, retaining objects. */
void roast_rt_slots_copy_in(uint64_t *dst, uint32_t to, const uint64_t *src, uint32_t from,
                            int64_t n);
/* Free a list whose refcount reached zero, releasing its elements
 * (roast_rt_dealloc's case for lists). */
void roast_rt_list_free(RoastList *l);

/* ---- Tuple.c -------------------------------------------------------------------- */

/* The field kinds of a boxed tuple: uint8_t each, right after its items. */
static inline const uint8_t *roast_rt_tuple_kinds(const RoastTuple *t) {
  return (const uint8_t *)(t->items + t->length);
}
/* Free a tuple whose refcount reached zero, releasing its object fields. */
void roast_rt_tuple_free(RoastTuple *t);

/* ---- ListCompare.c ---------------------------------------------------------- */

/* The order of two values: CPython's comparisons reduced to one answer,
 * with UNORDERED when no ordering holds (a NaN). */
enum { ROAST_ORDER_LESS = -1, ROAST_ORDER_EQUAL = 0, ROAST_ORDER_GREATER = 1,
       ROAST_ORDER_UNORDERED = 2 };

/* Whether `a OP b` holds for two values in the given order. */
static inline bool roast_rt_order_holds(int order, int32_t op) {
  switch (op) {
  case ROAST_CMP_LT: return order == ROAST_ORDER_LESS;
  case ROAST_CMP_LE: return order == ROAST_ORDER_LESS || order == ROAST_ORDER_EQUAL;
  case ROAST_CMP_EQ: return order == ROAST_ORDER_EQUAL;
  case ROAST_CMP_NE: return order != ROAST_ORDER_EQUAL;
  case ROAST_CMP_GT: return order == ROAST_ORDER_GREATER;
  case ROAST_CMP_GE: return order == ROAST_ORDER_GREATER || order == ROAST_ORDER_EQUAL;
  default: return false; /* a compiler bug */
  }
}

/* The order of slots a and b (of kinds ka and kb) for the operator op,
 * which with the location only shapes the TypeError when they cannot be
 * ordered (None and a str, say).  Equality is PyObject_RichCompareBool's
 * (an object equals itself); lists compare lexicographically. */
int roast_rt_slot_order(uint32_t ka, uint64_t a, uint32_t kb, uint64_t b, int32_t op,
                        const char *file, int32_t line, const char *fn);
/* a == b for slots of kinds ka and kb, as PyObject_RichCompareBool(a, b,
 * Py_EQ): numbers by value across kinds (1 == 1.0 == True, a NaN equal to
 * nothing), strs by content, containers element by element, an object
 * equal to itself.  Raises only RecursionError, at the given location. */
bool roast_rt_slot_eq(uint32_t ka, uint64_t a, uint32_t kb, uint64_t b, const char *file,
                      int32_t line, const char *fn);

/* ---- ObjectRepr.c ------------------------------------------------------------ */

/* A growable byte buffer for building reprs. */
typedef struct RoastBuffer {
  char *data;
  size_t length, capacity;
} RoastBuffer;

void roast_rt_buffer_write(RoastBuffer *b, const char *data, size_t n);
/* Append repr of a slot of the given kind (objects dispatch on type_id). */
void roast_rt_buffer_write_slot_repr(RoastBuffer *b, uint32_t kind, uint64_t slot);

/* ---- Recursion -------------------------------------------------------------- */

/* Whether the current frame is below roast_rt_stack_limit: the recursive
 * walks over nested lists (repr, ==, <) raise RecursionError there, as
 * CPython does at its recursion limit, instead of overflowing the stack. */
static inline bool roast_rt_stack_exhausted(void) {
  return roast_rt_stack_limit && (char *)__builtin_frame_address(0) < roast_rt_stack_limit;
}

#endif /* ROAST_RUNTIME_LIST_INTERNAL_H */
