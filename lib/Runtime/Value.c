/* Value.c - dynamic values: boxing, checked unboxing, retain/release, and conversions between slot kinds. */
#include "HashTableInternal.h"

#include <stdarg.h>
#include <stdio.h>

void roast_rt_raisef(int32_t kind, const RoastWhere *at, const char *format, ...) {
  char message[512];
  va_list args;
  va_start(args, format);
  vsnprintf(message, sizeof message, format, args);
  va_end(args);
  roast_rt_raise(kind, message, at->file, at->line, at->fn);
}

/* ---- Boxing -------------------------------------------------------------------- */

RoastValue roast_rt_value_from_int(int64_t v) {
  if (roast_rt_value_int_fits_inline(v))
    return roast_rt_value_inline_int(v);
  /* Never wrapped: an int beyond 48 bits keeps all its 64 in a box. */
  return roast_rt_value_take_object(roast_rt_box_optional(true, ROAST_ELEM_INT, (uint64_t)v));
}

RoastValue roast_rt_value_from_slot(uint32_t kind, uint64_t slot) {
  switch (kind) {
  case ROAST_ELEM_INT: return roast_rt_value_from_int((int64_t)slot);
  case ROAST_ELEM_FLOAT: return roast_rt_value_from_double(roast_rt_slot_double(slot));
  case ROAST_ELEM_BOOL: return roast_rt_value_from_bool(slot != 0);
  case ROAST_ELEM_VALUE: roast_rt_value_retain(slot); return slot;
  default: break;
  }
  RoastObject *o = roast_rt_slot_object(slot);
  if (o && o->type_id == ROAST_TYPE_BOX) {
    /* An optional's number: the value is the number itself.  A box of a
     * big int is already what a value holds, so it is shared. */
    uint64_t number = ((const RoastBox *)o)->slot;
    if (o->flags != ROAST_ELEM_INT || roast_rt_value_int_fits_inline((int64_t)number))
      return roast_rt_value_from_slot(o->flags, number);
  }
  roast_rt_retain(o);
  return roast_rt_value_take_object(o);
}

void roast_rt_value_retain(RoastValue v) { roast_rt_retain(roast_rt_value_owned(v)); }
void roast_rt_value_release(RoastValue v) { roast_rt_release(roast_rt_value_owned(v)); }

/* ---- Unboxing ------------------------------------------------------------------- */

/* TypeError "int object expected; got str": mypyc's wording. */
static void raise_expected(const char *wanted, RoastValue v, const RoastWhere *at) {
  roast_rt_raisef(ROAST_ERR_TYPE, at, "%s%sobject expected; got %s", wanted ? wanted : "",
                  wanted ? " " : "", roast_rt_value_type_name(v));
}

static const char *kind_name(uint32_t kind) {
  switch (kind) {
  case ROAST_ELEM_INT: return "int";
  case ROAST_ELEM_FLOAT: return "float";
  case ROAST_ELEM_BOOL: return "bool";
  default: return NULL; /* "object expected" */
  }
}

bool roast_rt_value_to_slot(RoastValue v, uint32_t kind, uint64_t *out, const char *file,
                            int32_t line, const char *fn) {
  const RoastWhere *at = ROAST_WHERE(file, line, fn);
  int64_t i = 0;
  double d = 0;
  uint32_t number = roast_rt_value_number(v, &i, &d);
  *out = 0;
  switch (kind) {
  case ROAST_ELEM_VALUE: roast_rt_value_retain(v); *out = v; return true;
  case ROAST_ELEM_INT:
    if (number != ROAST_ELEM_INT && number != ROAST_ELEM_BOOL)
      break;
    *out = (uint64_t)i;
    return true;
  case ROAST_ELEM_FLOAT:
    if (!number)
      break;
    *out = roast_rt_double_slot(number == ROAST_ELEM_FLOAT ? d : (double)i);
    return true;
  case ROAST_ELEM_BOOL:
    if (!roast_rt_value_is_bool(v))
      break;
    *out = v & 1;
    return true;
  default: /* OBJECT: any object or None; a big int keeps its box */
    if (roast_rt_value_is_none(v) || roast_rt_value_is_object(v)) {
      RoastObject *o = roast_rt_value_owned(v);
      roast_rt_retain(o);
      *out = (uint64_t)(uintptr_t)o;
      return true;
    }
    break;
  }
  raise_expected(kind_name(kind), v, at);
  return false;
}

int64_t roast_rt_value_unbox_int(RoastValue v, const char *file, int32_t line, const char *fn) {
  int64_t i;
  if (roast_rt_value_int_like(v, &i))
    return i;
  raise_expected("int", v, ROAST_WHERE(file, line, fn));
  return 0;
}

double roast_rt_value_unbox_float(RoastValue v, const char *file, int32_t line, const char *fn) {
  int64_t i = 0;
  double d = 0;
  switch (roast_rt_value_number(v, &i, &d)) {
  case ROAST_ELEM_FLOAT: return d;
  case ROAST_ELEM_INT:
  case ROAST_ELEM_BOOL: return (double)i;
  default: raise_expected("float", v, ROAST_WHERE(file, line, fn)); return 0;
  }
}

bool roast_rt_value_unbox_bool(RoastValue v, const char *file, int32_t line, const char *fn) {
  if (roast_rt_value_is_bool(v))
    return (v & 1) != 0;
  raise_expected("bool", v, ROAST_WHERE(file, line, fn));
  return false;
}

static const char *type_id_name(uint32_t type_id) {
  switch (type_id) {
  case ROAST_TYPE_STR: return "str";
  case ROAST_TYPE_LIST: return "list";
  case ROAST_TYPE_TUPLE: return "tuple";
  case ROAST_TYPE_DICT: return "dict";
  case ROAST_TYPE_SET: return "set";
  case ROAST_TYPE_FILE: return "file";
  default: return "object";
  }
}

/* A list of kind `kind` holding l's elements converted, or NULL (TypeError). */
static RoastList *list_as(const RoastList *l, uint32_t kind, const RoastWhere *at) {
  RoastList *r = roast_rt_list_new(l->length, kind);
  uint32_t from = roast_rt_list_kind(l);
  for (int64_t i = 0; i < l->length; ++i) {
    uint64_t slot = roast_rt_slot_convert_owned(roast_rt_list_load(l, i), from, kind, at);
    if (roast_rt_exception) {
      roast_rt_release(&r->header);
      return NULL;
    }
    roast_rt_list_store(r, r->length++, slot);
  }
  return r;
}

static RoastDict *dict_as(const RoastDict *d, uint32_t kinds, const RoastWhere *at) {
  RoastDict *r = roast_rt_dict_new(kinds & 0xff, kinds >> 8 & 0xff);
  uint32_t kk = roast_rt_dict_key_kind(d), vk = roast_rt_dict_value_kind(d);
  for (int64_t i = 0; i < d->table.nentries && !roast_rt_exception; ++i) {
    const uint64_t *e = roast_rt_table_entry(&d->table, i);
    if (!roast_rt_entry_live(e))
      continue;
    uint64_t key = roast_rt_slot_convert_owned(e[1], kk, kinds & 0xff, at);
    uint64_t value = roast_rt_exception ? 0 : roast_rt_slot_convert_owned(e[2], vk, kinds >> 8 & 0xff, at);
    if (!roast_rt_exception)
      roast_rt_dict_set(r, key, value);
    roast_rt_slot_release(kinds & 0xff, key);
    roast_rt_slot_release(kinds >> 8 & 0xff, value);
  }
  if (!roast_rt_exception)
    return r;
  roast_rt_release(&r->header);
  return NULL;
}

static RoastSet *set_as(const RoastSet *s, uint32_t kind, const RoastWhere *at) {
  RoastSet *r = roast_rt_set_new(kind);
  uint32_t from = roast_rt_set_kind(s);
  for (int64_t i = 0; i < s->table.nentries && !roast_rt_exception; ++i) {
    const uint64_t *e = roast_rt_table_entry(&s->table, i);
    if (!roast_rt_entry_live(e))
      continue;
    uint64_t item = roast_rt_slot_convert_owned(e[1], from, kind, at);
    if (!roast_rt_exception)
      roast_rt_set_add(r, item);
    roast_rt_slot_release(kind, item);
  }
  if (!roast_rt_exception)
    return r;
  roast_rt_release(&r->header);
  return NULL;
}

/* o as a container of the wanted element kind(s): itself when they match,
 * else a converted copy (Roast-specific: typed code then works on the copy). */
static RoastObject *container_as(RoastObject *o, uint32_t elem_kind, const RoastWhere *at) {
  switch (o->type_id) {
  case ROAST_TYPE_LIST:
    if (roast_rt_list_kind((RoastList *)o) == elem_kind)
      break;
    return (RoastObject *)list_as((RoastList *)o, elem_kind, at);
  case ROAST_TYPE_DICT:
    if ((o->flags & 0xffff) == elem_kind)
      break;
    return (RoastObject *)dict_as((RoastDict *)o, elem_kind, at);
  case ROAST_TYPE_SET:
    if (roast_rt_set_kind((RoastSet *)o) == elem_kind)
      break;
    return (RoastObject *)set_as((RoastSet *)o, elem_kind, at);
  default: break;
  }
  roast_rt_retain(o);
  return o;
}

RoastObject *roast_rt_value_unbox_object(RoastValue v, uint32_t type_id, uint32_t elem_kind,
                                         bool none_ok, const char *file, int32_t line,
                                         const char *fn) {
  const RoastWhere *at = ROAST_WHERE(file, line, fn);
  if (roast_rt_value_is_none(v) && none_ok)
    return NULL;
  if (roast_rt_value_type_id(v) != type_id) {
    raise_expected(type_id_name(type_id), v, at);
    return NULL;
  }
  return container_as(roast_rt_value_object(v), elem_kind, at);
}

RoastTuple *roast_rt_value_unbox_tuple(RoastValue v, int64_t length, const uint8_t *kinds,
                                       bool none_ok, const char *file, int32_t line,
                                       const char *fn) {
  const RoastWhere *at = ROAST_WHERE(file, line, fn);
  if (roast_rt_value_is_none(v) && none_ok)
    return NULL;
  if (roast_rt_value_type_id(v) != ROAST_TYPE_TUPLE) {
    raise_expected("tuple", v, at);
    return NULL;
  }
  RoastTuple *t = (RoastTuple *)roast_rt_value_object(v);
  if (t->length != length) {
    roast_rt_raisef(ROAST_ERR_TYPE, at, "tuple of length %lld expected; got length %lld",
                    (long long)length, (long long)t->length);
    return NULL;
  }
  const uint8_t *have = roast_rt_tuple_kinds(t);
  if (length == 0 || memcmp(have, kinds, (size_t)length) == 0) {
    roast_rt_retain(&t->header);
    return t;
  }
  RoastTuple *r = roast_rt_tuple_new(length, kinds);
  for (int64_t i = 0; i < length && !roast_rt_exception; ++i)
    r->items[i] = roast_rt_slot_convert_owned(t->items[i], have[i], kinds[i], at);
  if (!roast_rt_exception)
    return r;
  roast_rt_release(&r->header); /* zeroed or converted fields: all safe to release */
  return NULL;
}

RoastInstance *roast_rt_value_unbox_instance(RoastValue v, const RoastClass *cls, bool none_ok,
                                             const char *file, int32_t line, const char *fn) {
  if (roast_rt_value_is_none(v) && none_ok)
    return NULL;
  if (roast_rt_value_type_id(v) == ROAST_TYPE_INSTANCE) {
    RoastInstance *o = (RoastInstance *)roast_rt_value_object(v);
    if (roast_rt_isinstance(o, cls)) {
      roast_rt_retain(&o->header);
      return o;
    }
  }
  raise_expected(cls->name, v, ROAST_WHERE(file, line, fn));
  return NULL;
}

/* ---- Conversions between slot kinds --------------------------------------------- */

uint64_t roast_rt_slot_convert_owned(uint64_t slot, uint32_t from, uint32_t to,
                                     const RoastWhere *at) {
  if (from == to) {
    roast_rt_slot_retain(to, slot);
    return slot;
  }
  if (to == ROAST_ELEM_VALUE)
    return roast_rt_value_from_slot(from, slot);
  uint64_t out;
  if (from == ROAST_ELEM_VALUE) {
    roast_rt_value_to_slot(slot, to, &out, at->file, at->line, at->fn);
    return out;
  }
  bool widening = (to == ROAST_ELEM_FLOAT && (from == ROAST_ELEM_INT || from == ROAST_ELEM_BOOL)) ||
                  (to == ROAST_ELEM_INT && from == ROAST_ELEM_BOOL);
  if (widening)
    return roast_rt_slot_convert(slot, from, to);
  /* Anything else (an optional's box into an int slot, an object into a
   * number) is checked as the dynamic value it is. */
  RoastValue v = roast_rt_value_from_slot(from, slot);
  roast_rt_value_to_slot(v, to, &out, at->file, at->line, at->fn);
  roast_rt_value_release(v);
  return out;
}

/* ---- Freeing -------------------------------------------------------------------- */

void roast_rt_value_object_free(RoastObject *o) {
  if (o->type_id == ROAST_TYPE_ITERATOR) {
    roast_rt_value_release(((RoastIterator *)o)->source);
    roast_rt_object_free(o, sizeof(RoastIterator));
    return;
  }
  roast_rt_value_release(((RoastBoundMethod *)o)->self);
  roast_rt_object_free(o, sizeof(RoastBoundMethod));
}
