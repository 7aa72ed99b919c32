/* Class.c - instances of classes: allocation, freeing, isinstance, str and repr. */
#include "StrInternal.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

RoastInstance *roast_rt_object_new(const RoastClass *cls) {
  RoastInstance *o = roast_rt_object_alloc((size_t)cls->size);
  memset(o, 0, (size_t)cls->size);
  o->header.refcount = 1;
  o->header.type_id = ROAST_TYPE_INSTANCE;
  o->cls = cls;
  return o;
}

void roast_rt_instance_free(RoastInstance *o) {
  const RoastClass *cls = o->cls;
  for (int64_t i = 0; i < cls->num_refs; ++i)
    roast_rt_release(*(RoastObject **)((char *)o + cls->ref_offsets[i]));
  for (int64_t i = 0; i < cls->num_value_refs; ++i)
    roast_rt_value_release(*(RoastValue *)((char *)o + cls->value_ref_offsets[i]));
  roast_rt_object_free(o, (size_t)cls->size);
}

bool roast_rt_isinstance(const RoastInstance *o, const RoastClass *cls) {
  for (const RoastClass *c = o->cls; c; c = c->base)
    if (c == cls)
      return true;
  return false;
}

static bool is_exception(const RoastClass *cls) {
  while (cls->base)
    cls = cls->base;
  return cls == &roast_rt_class_BaseException;
}

static RoastStr *exception_message(const RoastInstance *o) {
  return *(RoastStr *const *)((const char *)o + ROAST_EXCEPTION_MESSAGE_OFFSET);
}

typedef RoastStr *(*StrMethod)(const RoastInstance *);

static RoastStr *call_str_method(const RoastInstance *o, int32_t slot) {
  return ((StrMethod)o->cls->methods[slot])(o);
}

RoastStr *roast_rt_instance_repr(const RoastInstance *o) {
  if (o->cls->repr_slot >= 0)
    return call_str_method(o, o->cls->repr_slot);
  char text[256];
  if (is_exception(o->cls)) {
    /* ValueError('message'), or ValueError() without one. */
    RoastStr *message = exception_message(o);
    RoastStr *quoted = NULL;
    if (message && message->length) {
      /* A KeyError's message is already the repr of its key. */
      if (roast_rt_isinstance(o, &roast_rt_class_KeyError)) {
        roast_rt_retain(&message->header);
        quoted = message;
      } else {
        quoted = roast_rt_str_repr(message);
      }
    }
    int n = snprintf(text, sizeof text, "%s(", o->cls->name);
    RoastStr *head = roast_rt_str_from_bytes(text, n, false);
    RoastStr *tail = roast_rt_str_from_bytes(")", 1, true);
    RoastStr *result = head;
    if (quoted) {
      result = roast_rt_str_concat(head, quoted);
      roast_rt_release(&head->header);
      roast_rt_release(&quoted->header);
    }
    RoastStr *full = roast_rt_str_concat(result, tail);
    roast_rt_release(&result->header);
    roast_rt_release(&tail->header);
    return full;
  }
  int n = snprintf(text, sizeof text, "<__main__.%s object at %p>", o->cls->name,
                   (const void *)o);
  return roast_rt_str_from_bytes(text, n, false);
}

RoastStr *roast_rt_instance_str(const RoastInstance *o) {
  if (o->cls->str_slot >= 0)
    return call_str_method(o, o->cls->str_slot);
  if (is_exception(o->cls) && o->cls->repr_slot < 0) {
    RoastStr *message = exception_message(o);
    if (!message)
      return roast_rt_str_from_bytes("", 0, true);
    roast_rt_retain(&message->header);
    return message;
  }
  return roast_rt_instance_repr(o);
}

/* Compiled comparison methods return an i1: only bit 0 is meaningful. */
typedef uint8_t (*CompareMethod)(const RoastInstance *, const RoastInstance *);

static bool call_compare(const RoastInstance *self, int32_t slot, const RoastInstance *other) {
  return (((CompareMethod)self->cls->methods[slot])(self, other) & 1) != 0;
}

typedef int64_t (*HashMethod)(const RoastInstance *);

int64_t roast_rt_instance_hash(const RoastInstance *o) {
  if (o->cls->hash_slot >= 0) {
    int64_t h = ((HashMethod)o->cls->methods[o->cls->hash_slot])(o);
    return h == -1 ? -2 : h; /* -1 is the error value, as in CPython */
  }
  /* CPython's default: the address, rotated so that alignment zeros do
   * not crowd the low bits the table uses. */
  uintptr_t p = (uintptr_t)o;
  return (int64_t)((p >> 4) | (p << (8 * sizeof p - 4)));
}

bool roast_rt_instance_eq(const RoastInstance *a, const RoastInstance *b) {
  if (a->cls->eq_slot >= 0)
    return call_compare(a, a->cls->eq_slot, b);
  return a == b;
}

int roast_rt_instance_less(const RoastInstance *a, const RoastInstance *b, int32_t op,
                           const char *file, int32_t line, const char *fn) {
  /* a < b is a.__lt__(b), else b.__gt__(a); a > b the mirror image. */
  bool greater = op == ROAST_CMP_GT;
  int32_t own = greater ? a->cls->gt_slot : a->cls->lt_slot;
  if (own >= 0)
    return call_compare(a, own, b);
  int32_t mirror = greater ? b->cls->lt_slot : b->cls->gt_slot;
  if (mirror >= 0)
    return call_compare(b, mirror, a);
  char message[160];
  snprintf(message, sizeof message, "'%s' not supported between instances of '%s' and '%s'",
           greater ? ">" : "<", a->cls->name, b->cls->name);
  roast_rt_raise(ROAST_ERR_TYPE, message, file, line, fn);
  return -1;
}

void roast_rt_print_instance(const RoastInstance *o) {
  RoastStr *s = roast_rt_instance_str(o);
  if (!s)
    return; /* __str__ raised: the caller tests roast_rt_exception */
  roast_rt_print_str(s);
  roast_rt_release(&s->header);
}

/* ---- The built-in exception classes ---------------------------------------------- */

static const int64_t message_offset[] = {ROAST_EXCEPTION_MESSAGE_OFFSET};

#define ROAST_EXCEPTION_CLASS_QUALIFIED(Name, Base, Printed)                           \
  const RoastClass roast_rt_class_##Name = {                                           \
      Printed, Base, ROAST_EXCEPTION_MESSAGE_OFFSET + 8, 1, message_offset, -1, -1, -1, -1, -1, -1,   \
      0, NULL, 0, NULL, NULL, 0};
#define ROAST_EXCEPTION_CLASS(Name, Base) ROAST_EXCEPTION_CLASS_QUALIFIED(Name, Base, #Name)
#include "Roast/Runtime/ExceptionClasses.def"

/* The compiler loads method table entries at this offset (ClassPatterns.cpp). */
_Static_assert(offsetof(RoastClass, methods) == 112, "RoastClass.methods moved");
