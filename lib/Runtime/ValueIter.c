/* ValueIter.c - iter() and next() over dynamic values, and list(v) of any iterable. */
#include "HashTableInternal.h"

static RoastValue new_iterator(RoastValue source, uint32_t kind, int64_t expected) {
  RoastIterator *it = roast_rt_object_alloc(sizeof(RoastIterator));
  it->header.refcount = 1;
  it->header.type_id = ROAST_TYPE_ITERATOR;
  it->header.flags = kind;
  it->source = source; /* the caller's reference */
  it->position = 0;
  it->expected = expected;
  return roast_rt_value_take_object(it);
}

static RoastValue raise_not_iterable(RoastValue v, const RoastWhere *at) {
  roast_rt_raisef(ROAST_ERR_TYPE, at, "'%s' object is not iterable", roast_rt_value_type_name(v));
  return 0;
}

/* iter(instance): its __iter__'s result, walked by __next__. */
static RoastValue instance_iter(RoastValue v, const RoastWhere *at) {
  RoastValue r;
  if (!roast_rt_value_try_method(v, "__iter__", 0, NULL, &r, at))
    return raise_not_iterable(v, at);
  if (roast_rt_exception || roast_rt_value_type_id(r) == ROAST_TYPE_ITERATOR)
    return r;
  if (!roast_rt_value_hasattr(r, "__next__")) {
    roast_rt_raisef(ROAST_ERR_TYPE, at, "iter() returned non-iterator of type '%s'",
                    roast_rt_value_type_name(r));
    roast_rt_value_release(r);
    return 0;
  }
  return new_iterator(r, ROAST_ITER_INSTANCE, 0);
}

RoastValue roast_rt_value_iter(RoastValue v, const char *file, int32_t line, const char *fn) {
  const RoastWhere *at = ROAST_WHERE(file, line, fn);
  uint32_t kind;
  switch (roast_rt_value_type_id(v)) {
  case ROAST_TYPE_ITERATOR: roast_rt_value_retain(v); return v;
  case ROAST_TYPE_STR: kind = ROAST_ITER_STR; break;
  case ROAST_TYPE_LIST: kind = ROAST_ITER_LIST; break;
  case ROAST_TYPE_TUPLE: kind = ROAST_ITER_TUPLE; break;
  case ROAST_TYPE_DICT: kind = ROAST_ITER_DICT; break;
  case ROAST_TYPE_SET: kind = ROAST_ITER_SET; break;
  case ROAST_TYPE_FILE: kind = ROAST_ITER_FILE; break;
  case ROAST_TYPE_INSTANCE: return instance_iter(v, at);
  default: return raise_not_iterable(v, at);
  }
  roast_rt_value_retain(v);
  /* Every sized object has its length at offset 16 (a dict's or set's
   * change during iteration is an error). */
  int64_t length = kind == ROAST_ITER_FILE ? 0 : ((const RoastList *)roast_rt_value_object(v))->length;
  return new_iterator(v, kind, length);
}

/* ---- Steps ------------------------------------------------------------------------------ */

static bool next_str(RoastIterator *it, RoastValue *out) {
  const RoastStr *s = (const RoastStr *)roast_rt_value_object(it->source);
  size_t i = (size_t)it->position, n = (size_t)s->length;
  if (i >= n)
    return false;
  size_t end = roast_rt_utf8_next(s->data, n, i);
  RoastStr *c = end - i == 1 ? roast_rt_str_ascii_char(s->data[i])
                             : roast_rt_str_from_bytes(s->data + i, (int64_t)(end - i), false);
  it->position = (int64_t)end;
  *out = roast_rt_value_take_object(c);
  return true;
}

/* A list is read live, as CPython's list iterator: items appended while
 * the loop runs are visited too. */
static bool next_list(RoastIterator *it, RoastValue *out) {
  const RoastList *l = (const RoastList *)roast_rt_value_object(it->source);
  if (it->position >= l->length)
    return false;
  *out = roast_rt_value_from_slot(roast_rt_list_kind(l), roast_rt_list_load(l, it->position++));
  return true;
}

static bool next_tuple(RoastIterator *it, RoastValue *out) {
  const RoastTuple *t = (const RoastTuple *)roast_rt_value_object(it->source);
  if (it->position >= t->length)
    return false;
  int64_t i = it->position++;
  *out = roast_rt_value_from_slot(roast_rt_tuple_kinds(t)[i], t->items[i]);
  return true;
}

/* Dict keys and set elements in insertion order; a size change is
 * CPython's RuntimeError.  (Dict and set share the table's place and the
 * key kind's bits.) */
static bool next_table(RoastIterator *it, RoastValue *out, const RoastWhere *at) {
  const RoastSet *s = (const RoastSet *)roast_rt_value_object(it->source);
  if (s->table.length != it->expected) {
    it->expected = -1; /* keeps failing, as CPython's iterator does */
    roast_rt_raisef(ROAST_ERR_RUNTIME, at, "%s changed size during iteration",
                    it->header.flags == ROAST_ITER_DICT ? "dictionary" : "Set");
    return false;
  }
  while (it->position < s->table.nentries) {
    const uint64_t *e = roast_rt_table_entry(&s->table, it->position++);
    if (roast_rt_entry_live(e)) {
      *out = roast_rt_value_from_slot(roast_rt_set_kind(s), e[1]);
      return true;
    }
  }
  return false;
}

static bool next_line(RoastIterator *it, RoastValue *out, const RoastWhere *at) {
  RoastStr *line = roast_rt_file_readline((RoastFile *)roast_rt_value_object(it->source), at->file,
                                          at->line, at->fn);
  if (!line || roast_rt_exception)
    return false;
  if (line->length == 0) {
    roast_rt_release(&line->header);
    return false;
  }
  *out = roast_rt_value_take_object(line);
  return true;
}

/* source.__next__(): StopIteration ends the loop (caught here). */
static bool next_instance(RoastIterator *it, RoastValue *out, const RoastWhere *at) {
  RoastValue r = roast_rt_value_call_method(it->source, "__next__", 0, NULL, at->file, at->line,
                                            at->fn);
  if (!roast_rt_exception) {
    *out = r;
    return true;
  }
  if (roast_rt_isinstance(roast_rt_exception, &roast_rt_class_StopIteration))
    roast_rt_release(&roast_rt_catch()->header);
  return false;
}

bool roast_rt_value_next(RoastValue iterator, RoastValue *out, const char *file, int32_t line,
                         const char *fn) {
  const RoastWhere *at = ROAST_WHERE(file, line, fn);
  *out = ROAST_VALUE_NONE;
  if (roast_rt_value_type_id(iterator) != ROAST_TYPE_ITERATOR) {
    roast_rt_raisef(ROAST_ERR_TYPE, at, "'%s' object is not an iterator",
                    roast_rt_value_type_name(iterator));
    return false;
  }
  RoastIterator *it = (RoastIterator *)roast_rt_value_object(iterator);
  bool more;
  switch (it->header.flags) {
  case ROAST_ITER_STR: more = next_str(it, out); break;
  case ROAST_ITER_LIST: more = next_list(it, out); break;
  case ROAST_ITER_TUPLE: more = next_tuple(it, out); break;
  case ROAST_ITER_DICT:
  case ROAST_ITER_SET: more = next_table(it, out, at); break;
  case ROAST_ITER_FILE: more = next_line(it, out, at); break;
  case ROAST_ITER_INSTANCE: more = next_instance(it, out, at); break;
  default: return false; /* exhausted */
  }
  if (!more && !roast_rt_exception) {
    /* Exhausted for good: drop the source now, as CPython does. */
    RoastValue source = it->source;
    it->source = ROAST_VALUE_NONE;
    it->header.flags = ROAST_ITER_DONE;
    roast_rt_value_release(source);
  }
  return more;
}

/* ---- list(v) ------------------------------------------------------------------------------- */

RoastList *roast_rt_value_to_list(RoastValue v, const RoastWhere *at) {
  RoastValue it = roast_rt_value_iter(v, at->file, at->line, at->fn), x;
  if (roast_rt_exception)
    return NULL;
  RoastList *l = roast_rt_list_new(0, ROAST_ELEM_VALUE);
  while (roast_rt_value_next(it, &x, at->file, at->line, at->fn)) {
    roast_rt_list_append(l, x);
    roast_rt_value_release(x);
  }
  roast_rt_value_release(it);
  if (!roast_rt_exception)
    return l;
  roast_rt_release(&l->header);
  return NULL;
}

RoastList *roast_rt_value_iter_list(RoastValue v, const char *file, int32_t line, const char *fn) {
  if (roast_rt_value_type_id(v) == ROAST_TYPE_LIST) {
    RoastList *l = (RoastList *)roast_rt_value_object(v);
    if (roast_rt_list_kind(l) == ROAST_ELEM_VALUE) {
      roast_rt_retain(&l->header);
      return l;
    }
  }
  return roast_rt_value_to_list(v, ROAST_WHERE(file, line, fn));
}
