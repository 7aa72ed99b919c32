/* ObjectRepr.c - repr of lists, tuples, dicts, sets and of any object (the one type_id switch). */
#include "HashTableInternal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Buffer ---------------------------------------------------------------------- */

/* Room for n more bytes, doubling so a repr is built in O(length). */
static char *buffer_reserve(RoastBuffer *b, size_t n) {
  if (n > b->capacity - b->length) {
    if (n > SIZE_MAX / 2 - b->length)
      roast_rt_fatal(ROAST_ERR_MEMORY, "out of memory");
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

/* Containers nest without bound (a dict of dicts built in a loop): deep
 * enough, CPython raises RecursionError rather than crash, and so do we.
 * Returns whether it raised.  Raising returns (Runtime.h), so after an
 * element's repr raised, the writers stop writing (still clearing their
 * in-repr marks) and the entry points drop the partial text. */
static bool check_depth(void) {
  if (!roast_rt_stack_exhausted())
    return false;
  roast_rt_raise(ROAST_ERR_RECURSION,
                 "maximum recursion depth exceeded while getting the repr of an object", NULL, 0,
                 NULL);
  return true;
}

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
  if (check_depth())
    return;
  RoastList *marked = roast_rt_list_unconst(l);
  marked->header.flags |= ROAST_LIST_IN_REPR;
  uint32_t kind = roast_rt_list_kind(l);
  WRITE_LITERAL(b, "[");
  for (int64_t i = 0; i < l->length && !roast_rt_exception; ++i) {
    if (i > 0)
      WRITE_LITERAL(b, ", ");
    roast_rt_buffer_write_slot_repr(b, kind, roast_rt_list_load(l, i));
  }
  WRITE_LITERAL(b, "]");
  marked->header.flags &= ~(uint32_t)ROAST_LIST_IN_REPR;
}

/* (1, 'a'), with CPython's trailing comma in (1,).  Tuples are immutable,
 * so one cannot contain itself and needs no marker. */
static void write_tuple_repr(RoastBuffer *b, const RoastTuple *t) {
  if (check_depth())
    return;
  const uint8_t *kinds = roast_rt_tuple_kinds(t);
  WRITE_LITERAL(b, "(");
  for (int64_t i = 0; i < t->length && !roast_rt_exception; ++i) {
    if (i > 0)
      WRITE_LITERAL(b, ", ");
    roast_rt_buffer_write_slot_repr(b, kinds[i], t->items[i]);
  }
  if (t->length == 1)
    WRITE_LITERAL(b, ",");
  WRITE_LITERAL(b, ")");
}

/* {'a': 1, 2: [3]} in insertion order; a dict met again inside itself (as
 * a value, directly or through a list) is {...}, as Py_ReprEnter makes it. */
static void write_dict_repr(RoastBuffer *b, const RoastDict *d) {
  if (d->table.length == 0) {
    WRITE_LITERAL(b, "{}");
    return;
  }
  if (d->header.flags & ROAST_DICT_IN_REPR) {
    WRITE_LITERAL(b, "{...}");
    return;
  }
  if (check_depth())
    return;
  RoastDict *marked = (RoastDict *)(uintptr_t)d; /* dicts are never immortal */
  marked->header.flags |= ROAST_DICT_IN_REPR;
  uint32_t kk = roast_rt_dict_key_kind(d), vk = roast_rt_dict_value_kind(d);
  bool first = true;
  WRITE_LITERAL(b, "{");
  for (int64_t i = 0; i < d->table.nentries && !roast_rt_exception; ++i) {
    const uint64_t *e = roast_rt_table_entry(&d->table, i);
    if (!roast_rt_entry_live(e))
      continue;
    if (!first)
      WRITE_LITERAL(b, ", ");
    first = false;
    roast_rt_buffer_write_slot_repr(b, kk, e[1]);
    WRITE_LITERAL(b, ": ");
    roast_rt_buffer_write_slot_repr(b, vk, e[2]);
  }
  WRITE_LITERAL(b, "}");
  marked->header.flags &= ~(uint32_t)ROAST_DICT_IN_REPR;
}

/* {1, 2}, or set() when empty ({} is a dict).  Elements are hashable, so a
 * set never contains itself. */
static void write_set_repr(RoastBuffer *b, const RoastSet *s) {
  if (s->table.length == 0) {
    WRITE_LITERAL(b, "set()");
    return;
  }
  uint32_t kind = roast_rt_set_kind(s);
  bool first = true;
  WRITE_LITERAL(b, "{");
  for (int64_t i = 0; i < s->table.nentries && !roast_rt_exception; ++i) {
    const uint64_t *e = roast_rt_table_entry(&s->table, i);
    if (!roast_rt_entry_live(e))
      continue;
    if (!first)
      WRITE_LITERAL(b, ", ");
    first = false;
    roast_rt_buffer_write_slot_repr(b, kind, e[1]);
  }
  WRITE_LITERAL(b, "}");
}

/* The one place that knows every object type's repr: classes add their
 * case here. */
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
  case ROAST_TYPE_TUPLE: write_tuple_repr(b, (const RoastTuple *)o); return;
  case ROAST_TYPE_DICT: write_dict_repr(b, (const RoastDict *)o); return;
  case ROAST_TYPE_SET: write_set_repr(b, (const RoastSet *)o); return;
  case ROAST_TYPE_BOX:
    roast_rt_buffer_write_slot_repr(b, o->flags, ((const RoastBox *)o)->slot);
    return;
  case ROAST_TYPE_INSTANCE:
  case ROAST_TYPE_ITERATOR:
  case ROAST_TYPE_BUILTIN:
  case ROAST_TYPE_BOUND_METHOD:
  case ROAST_TYPE_FILE: {
    /* Their reprs are ValueRepr.c's (instances: __repr__, closures). */
    RoastStr *s = roast_rt_value_repr(roast_rt_value_take_object(o));
    if (roast_rt_exception)
      return; /* __repr__ raised: s is meaningless */
    roast_rt_buffer_write(b, s->data, (size_t)s->length);
    roast_rt_release(&s->header);
    return;
  }
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
  case ROAST_ELEM_VALUE:
    roast_rt_value_decode(slot, &kind, &slot);
    roast_rt_buffer_write_slot_repr(b, kind, slot);
    return;
  default: write_object_repr(b, roast_rt_slot_object(slot)); return;
  }
}

/* ---- Entry points ----------------------------------------------------------------- */

/* repr(o) as a new str, or NULL if it raised. */
static RoastStr *object_repr(const RoastObject *o) {
  RoastBuffer b = {NULL, 0, 0};
  write_object_repr(&b, o);
  if (roast_rt_exception) {
    free(b.data);
    return NULL;
  }
  RoastStr *s = roast_rt_str_alloc((int64_t)b.length);
  memcpy(s->data, b.data, b.length);
  free(b.data);
  return roast_rt_str_seal(s); /* strs inside may be non-ASCII */
}

RoastStr *roast_rt_list_repr(const RoastList *l) { return object_repr(&l->header); }
RoastStr *roast_rt_tuple_repr(const RoastTuple *t) { return object_repr(&t->header); }
RoastStr *roast_rt_dict_repr(const RoastDict *d) { return object_repr(&d->header); }
RoastStr *roast_rt_set_repr(const RoastSet *s) { return object_repr(&s->header); }

/* Nothing is printed if the repr raised, as print() raises before writing. */
void roast_rt_print_list(const RoastList *l) {
  RoastBuffer b = {NULL, 0, 0};
  write_list_repr(&b, l);
  if (!roast_rt_exception)
    roast_rt_print_bytes(b.data, b.length);
  free(b.data);
}

void roast_rt_print_object_repr(const RoastObject *o) {
  RoastBuffer b = {NULL, 0, 0};
  write_object_repr(&b, o);
  if (!roast_rt_exception)
    roast_rt_print_bytes(b.data, b.length);
  free(b.data);
}
