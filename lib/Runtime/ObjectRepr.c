/* ObjectRepr.c - repr of lists and of any object (the type_id switch later types extend). */
#include "ListInternal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Buffer ---------------------------------------------------------------------- */

/* Room for n more bytes, doubling so a repr is built in O(length). */
static char *buffer_reserve(RoastBuffer *b, size_t n) {
  if (n > b->capacity - b->length) {
    if (n > SIZE_MAX / 2 - b->length)
      roast_rt_raise(ROAST_ERR_MEMORY, NULL, NULL, 0, NULL);
    size_t capacity = b->capacity ? b->capacity : 64;
    while (capacity - b->length < n)
      capacity *= 2;
    b->data = roast_rt_realloc(b->data, capacity);
    b->capacity = capacity;
  }
  return b->data + b->length;
}

void roast_rt_buffer_write(RoastBuffer *b, const char *data, size_t n) {
  memcpy(buffer_reserve(b, n), data, n);
  b->length += n;
}

#define WRITE_LITERAL(b, text) roast_rt_buffer_write((b), (text), sizeof(text) - 1)

/* ---- Reprs ------------------------------------------------------------------------ */

static void write_object_repr(RoastBuffer *b, const RoastObject *o);

static void write_list_repr(RoastBuffer *b, const RoastList *l) {
  if (l->length == 0) {
    WRITE_LITERAL(b, "[]");
    return;
  }
  /* A list already being written is an ancestor of itself: CPython's
   * Py_ReprEnter prints it as [...]. */
  if (l->header.flags & ROAST_LIST_IN_REPR) {
    WRITE_LITERAL(b, "[...]");
    return;
  }
  if (roast_rt_stack_exhausted())
    roast_rt_raise(ROAST_ERR_RECURSION,
                   "maximum recursion depth exceeded while getting the repr of an object", NULL,
                   0, NULL);
  RoastList *marked = roast_rt_list_unconst(l);
  marked->header.flags |= ROAST_LIST_IN_REPR;
  uint32_t kind = roast_rt_list_kind(l);
  WRITE_LITERAL(b, "[");
  for (int64_t i = 0; i < l->length; ++i) {
    if (i > 0)
      WRITE_LITERAL(b, ", ");
    roast_rt_buffer_write_slot_repr(b, kind, l->items[i]);
  }
  WRITE_LITERAL(b, "]");
  marked->header.flags &= ~(uint32_t)ROAST_LIST_IN_REPR;
}

/* The one place that knows every object type's repr: dicts, sets and
 * classes add their case here. */
static void write_object_repr(RoastBuffer *b, const RoastObject *o) {
  if (!o) {
    WRITE_LITERAL(b, "None");
    return;
  }
  switch (o->type_id) {
  case ROAST_TYPE_STR: {
    const RoastStr *s = (const RoastStr *)o;
    size_t n = roast_rt_str_write_repr(s, NULL);
    roast_rt_str_write_repr(s, buffer_reserve(b, n));
    b->length += n;
    return;
  }
  case ROAST_TYPE_LIST: write_list_repr(b, (const RoastList *)o); return;
  default: { /* a compiler bug; still print something recognisable */
    char text[64];
    int n = snprintf(text, sizeof text, "<object of type %u at %p>", (unsigned)o->type_id,
                     (const void *)o);
    roast_rt_buffer_write(b, text, (size_t)n);
    return;
  }
  }
}

void roast_rt_buffer_write_slot_repr(RoastBuffer *b, uint32_t kind, uint64_t slot) {
  char text[32];
  switch (kind) {
  case ROAST_ELEM_INT: {
    char *p = text + sizeof text;
    /* The magnitude as unsigned, so INT64_MIN does not overflow. */
    uint64_t magnitude = (int64_t)slot < 0 ? 0 - slot : slot;
    do {
      *--p = (char)('0' + magnitude % 10);
      magnitude /= 10;
    } while (magnitude != 0);
    if ((int64_t)slot < 0)
      *--p = '-';
    roast_rt_buffer_write(b, p, (size_t)(text + sizeof text - p));
    return;
  }
  case ROAST_ELEM_FLOAT:
    roast_rt_format_float(roast_rt_slot_double(slot), text);
    roast_rt_buffer_write(b, text, strlen(text));
    return;
  case ROAST_ELEM_BOOL:
    if (slot)
      WRITE_LITERAL(b, "True");
    else
      WRITE_LITERAL(b, "False");
    return;
  default: write_object_repr(b, roast_rt_slot_object(slot)); return;
  }
}

/* ---- Entry points ----------------------------------------------------------------- */

RoastStr *roast_rt_list_repr(const RoastList *l) {
  RoastBuffer b = {NULL, 0, 0};
  write_list_repr(&b, l);
  RoastStr *s = roast_rt_str_alloc((int64_t)b.length);
  memcpy(s->data, b.data, b.length);
  free(b.data);
  return roast_rt_str_seal(s); /* strs inside may be non-ASCII */
}

void roast_rt_print_list(const RoastList *l) {
  RoastBuffer b = {NULL, 0, 0};
  write_list_repr(&b, l);
  roast_rt_print_bytes(b.data, b.length);
  free(b.data);
}

void roast_rt_print_object_repr(const RoastObject *o) {
  RoastBuffer b = {NULL, 0, 0};
  write_object_repr(&b, o);
  roast_rt_print_bytes(b.data, b.length);
  free(b.data);
}
