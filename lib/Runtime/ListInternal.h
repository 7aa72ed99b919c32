/* ListInternal.h - helpers shared by the runtime's list files (not part of the compiler ABI). */
#ifndef ROAST_RUNTIME_LIST_INTERNAL_H
#define ROAST_RUNTIME_LIST_INTERNAL_H

#include "StrInternal.h"
#include "ValueInternal.h"

#include <stddef.h>
#include <string.h>

/* A flag bit of a list whose repr is being written, so that the list met
 * again inside itself prints as [...] (ObjectRepr.c).  A bit in the object
 * instead of CPython's list of objects in progress: no search per list. */
enum { ROAST_LIST_IN_REPR = 1u << 8 }; /* above ROAST_LIST_KIND_MASK */

/* The most elements a list can have: their byte size as 8-byte slots must
 * fit int64 and size_t (the same bound for packed bool lists, so that any
 * list converts to a slot array, as sort and list + list need). */
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

/* Whether slots of a kind own references: OBJECT slots (a pointer, NULL
 * for None) and VALUE slots holding an object. */
static inline bool roast_rt_kind_owns(uint32_t kind) {
  return kind == ROAST_ELEM_OBJECT || kind == ROAST_ELEM_VALUE;
}
/* The object a slot of the given kind owns, or NULL. */
static inline RoastObject *roast_rt_slot_owned(uint32_t kind, uint64_t slot) {
  if (kind == ROAST_ELEM_OBJECT)
    return roast_rt_slot_object(slot);
  if (kind == ROAST_ELEM_VALUE)
    return roast_rt_value_owned(slot);
  return NULL;
}
/* Adds n references to the object in a slot, if it holds a counted one:
 * roast_rt_retain's tests, inline, for the loops over elements. */
static inline void roast_rt_slot_retain_n(uint32_t kind, uint64_t slot, int64_t n) {
  RoastObject *o = roast_rt_slot_owned(kind, slot);
  if (o && o->refcount < ROAST_REFCOUNT_IMMORTAL)
    o->refcount += n;
}
static inline void roast_rt_slot_retain(uint32_t kind, uint64_t slot) {
  roast_rt_slot_retain_n(kind, slot, 1);
}
static inline void roast_rt_slot_release(uint32_t kind, uint64_t slot) {
  roast_rt_release(roast_rt_slot_owned(kind, slot));
}

/* A slot as the number or object it stands for: a VALUE is decoded, and a
 * boxed number (an optional's, or a big int of a VALUE) becomes the number
 * itself.  The generic paths (repr, ==, order, hash) call this first, so
 * boxes and dynamic values compare, hash and print as what they hold; the
 * kind is then INT, FLOAT, BOOL or OBJECT. */
static inline void roast_rt_slot_unbox(uint32_t *kind, uint64_t *slot) {
  if (*kind == ROAST_ELEM_VALUE)
    roast_rt_value_decode(*slot, kind, slot);
  if (*kind != ROAST_ELEM_OBJECT)
    return;
  const RoastObject *o = roast_rt_slot_object(*slot);
  if (o && o->type_id == ROAST_TYPE_BOX) {
    *kind = o->flags;
    *slot = ((const RoastBox *)o)->slot;
  }
}

/* Retain or release the objects in n slots of the given kind (no-ops for
 * number kinds). */
static inline void roast_rt_slots_retain(uint32_t kind, const uint64_t *slots, int64_t n) {
  if (roast_rt_kind_owns(kind))
    for (int64_t i = 0; i < n; ++i)
      roast_rt_slot_retain(kind, slots[i]);
}
static inline void roast_rt_slots_release(uint32_t kind, const uint64_t *slots, int64_t n) {
  if (roast_rt_kind_owns(kind))
    for (int64_t i = 0; i < n; ++i)
      roast_rt_slot_release(kind, slots[i]);
}

/* ---- Element storage ------------------------------------------------------ */
/*
 * A list's items array holds `capacity` elements of roast_rt_elem_size(kind)
 * bytes: one byte (0 or 1) for ROAST_ELEM_BOOL, an 8-byte slot for every
 * other kind.  Only the storage is packed: every function still takes and
 * returns elements as 8-byte slots.  Reach the array through these helpers
 * only (l->items is a uint64_t * for the 8-byte kinds' sake), so that each
 * path stays right for both widths; the kind of a list never changes.
 */

static inline size_t roast_rt_elem_size(uint32_t kind) {
  return kind == ROAST_ELEM_BOOL ? 1 : sizeof(uint64_t);
}
static inline size_t roast_rt_list_elem_size(const RoastList *l) {
  return roast_rt_elem_size(roast_rt_list_kind(l));
}
/* The bytes of the items array, as unsigned char for any element kind. */
static inline unsigned char *roast_rt_list_bytes(const RoastList *l) {
  return (unsigned char *)l->items;
}

/* The items of a list whose kind is known not to be bool, as a slot array
 * (for loops specialized by kind; kinds other than bool are 8 bytes). */
static inline uint64_t *roast_rt_list_slots(const RoastList *l) {
  return l->items;
}

/* Element i of l as a slot (for a bool list, 0 or 1). */
static inline uint64_t roast_rt_list_load(const RoastList *l, int64_t i) {
  if (roast_rt_list_kind(l) == ROAST_ELEM_BOOL)
    return roast_rt_list_bytes(l)[i];
  return roast_rt_list_slots(l)[i];
}
/* Element i of l = slot (already of l's kind; no retain or release). */
static inline void roast_rt_list_store(RoastList *l, int64_t i, uint64_t slot) {
  if (roast_rt_list_kind(l) == ROAST_ELEM_BOOL)
    roast_rt_list_bytes(l)[i] = (unsigned char)(slot != 0);
  else
    roast_rt_list_slots(l)[i] = slot;
}
/* Move n elements of l from position src to dst (the ranges may overlap). */
static inline void roast_rt_list_move(RoastList *l, int64_t dst, int64_t src, int64_t n) {
  if (n <= 0)
    return;
  size_t size = roast_rt_list_elem_size(l);
  memmove(roast_rt_list_bytes(l) + (size_t)dst * size, roast_rt_list_bytes(l) + (size_t)src * size,
          (size_t)n * size);
}
/* Copy n elements of src from position si to dst at di, as they are: the
 * lists have the same kind, and no object is retained. */
static inline void roast_rt_list_copy_raw(RoastList *dst, int64_t di, const RoastList *src,
                                          int64_t si, int64_t n) {
  if (n <= 0)
    return;
  size_t size = roast_rt_list_elem_size(dst);
  memcpy(roast_rt_list_bytes(dst) + (size_t)di * size, roast_rt_list_bytes(src) + (size_t)si * size,
         (size_t)n * size);
}
/* Copy n elements of l from position i to the slot array out. */
static inline void roast_rt_list_to_slots(const RoastList *l, int64_t i, int64_t n, uint64_t *out) {
  if (roast_rt_list_kind(l) == ROAST_ELEM_BOOL) {
    const unsigned char *bytes = roast_rt_list_bytes(l) + i;
    for (int64_t k = 0; k < n; ++k)
      out[k] = bytes[k];
  } else if (n > 0) {
    memcpy(out, roast_rt_list_slots(l) + i, (size_t)n * sizeof(uint64_t));
  }
}
/* Retain the objects among n elements of l from position i (none unless
 * l holds objects). */
static inline void roast_rt_list_retain_range(const RoastList *l, int64_t i, int64_t n) {
  roast_rt_slots_retain(roast_rt_list_kind(l), roast_rt_list_slots(l) + i, n);
}

/* ---- List.c --------------------------------------------------------------- */

/* Make room for at least `needed` elements, growing by half again so that
 * appends are amortized O(1); MemoryError beyond ROAST_LIST_MAX_SLOTS. */
void roast_rt_list_reserve(RoastList *l, int64_t needed);
/* Give back storage after removals once three quarters of it are unused. */
void roast_rt_list_shrink(RoastList *l);
/* Copy n elements of src from position si into dst at di, converting them
 * to dst's kind (bool -> int -> float) and retaining objects.  dst may be
 * src if the ranges do not overlap. */
void roast_rt_list_copy_in(RoastList *dst, int64_t di, const RoastList *src, int64_t si,
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
 * (an object equals itself); lists compare lexicographically.  After a
 * TypeError or RecursionError the answer is meaningless: callers check
 * roast_rt_exception. */
int roast_rt_slot_order(uint32_t ka, uint64_t a, uint32_t kb, uint64_t b, int32_t op,
                        const char *file, int32_t line, const char *fn);
/* a == b for slots of kinds ka and kb, as PyObject_RichCompareBool(a, b,
 * Py_EQ): numbers by value across kinds (1 == 1.0 == True, a NaN equal to
 * nothing), strs by content, containers element by element, an object
 * equal to itself.  Raises only RecursionError, at the given location, and
 * then answers false (callers check roast_rt_exception). */
bool roast_rt_slot_eq(uint32_t ka, uint64_t a, uint32_t kb, uint64_t b, const char *file,
                      int32_t line, const char *fn);

/* ---- ObjectRepr.c ------------------------------------------------------------ */

/* A growable byte buffer for building reprs. */
typedef struct RoastBuffer {
  char *data;
  size_t length, capacity;
} RoastBuffer;

void roast_rt_buffer_write(RoastBuffer *b, const char *data, size_t n);
/* Append repr of a slot of the given kind (objects dispatch on type_id).
 * May raise (RecursionError, or an error in a class's __repr__): the
 * buffer then holds a partial repr, and the caller checks
 * roast_rt_exception. */
void roast_rt_buffer_write_slot_repr(RoastBuffer *b, uint32_t kind, uint64_t slot);

/* ---- Recursion -------------------------------------------------------------- */

/* Whether the current frame is below roast_rt_stack_limit: the recursive
 * walks over nested lists (repr, ==, <) raise RecursionError there, as
 * CPython does at its recursion limit, instead of overflowing the stack. */
static inline bool roast_rt_stack_exhausted(void) {
  return roast_rt_stack_limit && (char *)__builtin_frame_address(0) < roast_rt_stack_limit;
}

#endif /* ROAST_RUNTIME_LIST_INTERNAL_H */
