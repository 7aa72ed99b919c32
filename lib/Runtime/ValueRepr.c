/* ValueRepr.c - type names, str(), repr(), print, format(), hash() and isinstance() of dynamic values. */
#include "FileInternal.h"
#include "HashTableInternal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Type names -------------------------------------------------------------------- */

/* Closure classes are named after their function, "<qualname>.<closure>"
 * (CodeGen), so a closure instance is a function to Python code. */
static const char closure_suffix[] = ".<closure>";

bool roast_rt_instance_is_function(const RoastInstance *o) {
  size_t n = strlen(o->cls->name), k = sizeof closure_suffix - 1;
  return n >= k && strcmp(o->cls->name + n - k, closure_suffix) == 0;
}

static const char *iterator_type_name(const RoastIterator *it) {
  switch (it->header.flags) {
  case ROAST_ITER_STR: {
    const RoastStr *s = (const RoastStr *)roast_rt_value_object(it->source);
    return roast_rt_str_is_ascii(s) ? "str_ascii_iterator" : "str_iterator";
  }
  case ROAST_ITER_LIST: return "list_iterator";
  case ROAST_ITER_TUPLE: return "tuple_iterator";
  case ROAST_ITER_DICT: return "dict_keyiterator";
  case ROAST_ITER_SET: return "set_iterator";
  case ROAST_ITER_FILE: return "_io.TextIOWrapper";
  default: return "iterator";
  }
}

static const char *object_type_name(const RoastObject *o) {
  switch (o->type_id) {
  case ROAST_TYPE_STR: return "str";
  case ROAST_TYPE_LIST: return "list";
  case ROAST_TYPE_TUPLE: return "tuple";
  case ROAST_TYPE_DICT: return "dict";
  case ROAST_TYPE_SET: return "set";
  case ROAST_TYPE_FILE: return "_io.TextIOWrapper";
  case ROAST_TYPE_INSTANCE: {
    const RoastInstance *i = (const RoastInstance *)o;
    return roast_rt_instance_is_function(i) ? "function" : i->cls->name;
  }
  case ROAST_TYPE_ITERATOR: return iterator_type_name((const RoastIterator *)o);
  case ROAST_TYPE_BUILTIN:
    return roast_rt_builtin_is_type(o->flags) ? "type" : "builtin_function_or_method";
  case ROAST_TYPE_BOUND_METHOD: {
    const RoastMember *m = ((const RoastBoundMethod *)o)->member;
    if (!m)
      return "builtin_function_or_method";
    return m->kind == ROAST_MEMBER_STATIC ? "function" : "method";
  }
  default: return "object";
  }
}

const char *roast_rt_slot_type_name(uint32_t kind, uint64_t slot) {
  roast_rt_slot_unbox(&kind, &slot);
  switch (kind) {
  case ROAST_ELEM_INT: return "int";
  case ROAST_ELEM_FLOAT: return "float";
  case ROAST_ELEM_BOOL: return "bool";
  default: break;
  }
  const RoastObject *o = roast_rt_slot_object(slot);
  return o ? object_type_name(o) : "NoneType";
}

const char *roast_rt_value_type_name(RoastValue v) {
  return roast_rt_slot_type_name(ROAST_ELEM_VALUE, v);
}

/* ---- repr() ---------------------------------------------------------------------------- */

static RoastStr *printf_str(const char *format, ...) __attribute__((format(printf, 1, 2)));
static RoastStr *printf_str(const char *format, ...) {
  char text[512];
  va_list args;
  va_start(args, format);
  int n = vsnprintf(text, sizeof text, format, args);
  va_end(args);
  if (n >= (int)sizeof text)
    n = (int)sizeof text - 1;
  return roast_rt_str_new(text, n);
}

/* A function's qualified name from its closure class's: "outer.<locals>.inner"
 * without ".<closure>" and CodeGen's "#N" disambiguators. */
static RoastStr *function_repr(const RoastInstance *o) {
  const char *name = o->cls->name;
  size_t n = strlen(name) - (sizeof closure_suffix - 1);
  char qualname[256];
  size_t k = 0;
  for (size_t i = 0; i < n && k + 1 < sizeof qualname; ++i) {
    if (name[i] == '#') {
      while (i + 1 < n && name[i + 1] >= '0' && name[i + 1] <= '9')
        ++i;
      continue;
    }
    qualname[k++] = name[i];
  }
  qualname[k] = '\0';
  return printf_str("<function %s at %p>", qualname, (const void *)o);
}

static RoastStr *builtin_repr(const RoastBuiltinObject *b) {
  uint32_t which = b->header.flags;
  if (which == ROAST_BUILTIN_TYPE_CLASS)
    return printf_str("<class '__main__.%s'>", b->name);
  if (roast_rt_builtin_is_type(which))
    return printf_str("<class '%s'>", b->name);
  return printf_str("<built-in function %s>", b->name);
}

static RoastStr *bound_method_repr(const RoastBoundMethod *m) {
  if (!m->member)
    return printf_str("<built-in method %s of %s object at %p>", m->name,
                      roast_rt_value_type_name(m->self),
                      (const void *)roast_rt_value_owned(m->self));
  const char *qualname = m->member->call ? m->member->call->name : m->member->name;
  if (m->member->kind == ROAST_MEMBER_STATIC)
    return printf_str("<function %s at %p>", qualname, (const void *)m->member);
  RoastStr *self = roast_rt_value_repr(m->self);
  if (!self)
    return NULL;
  RoastStr *r = printf_str("<bound method %s of %.*s>", qualname, (int)self->length, self->data);
  roast_rt_release(&self->header);
  return r;
}

static RoastStr *file_repr(const RoastFile *f) {
  RoastStr *name = roast_rt_str_repr(f->name);
  RoastStr *r = printf_str("<_io.TextIOWrapper name=%.*s mode='%s' encoding='UTF-8'>",
                           (int)name->length, name->data, f->mode);
  roast_rt_release(&name->header);
  return r;
}

static RoastStr *object_repr(const RoastObject *o) {
  switch (o->type_id) {
  case ROAST_TYPE_STR: return roast_rt_str_repr((const RoastStr *)o);
  case ROAST_TYPE_LIST: return roast_rt_list_repr((const RoastList *)o);
  case ROAST_TYPE_TUPLE: return roast_rt_tuple_repr((const RoastTuple *)o);
  case ROAST_TYPE_DICT: return roast_rt_dict_repr((const RoastDict *)o);
  case ROAST_TYPE_SET: return roast_rt_set_repr((const RoastSet *)o);
  case ROAST_TYPE_FILE: return file_repr((const RoastFile *)o);
  case ROAST_TYPE_INSTANCE: {
    const RoastInstance *i = (const RoastInstance *)o;
    return roast_rt_instance_is_function(i) ? function_repr(i) : roast_rt_instance_repr(i);
  }
  case ROAST_TYPE_ITERATOR:
    return printf_str("<%s object at %p>", iterator_type_name((const RoastIterator *)o),
                      (const void *)o);
  case ROAST_TYPE_BUILTIN: return builtin_repr((const RoastBuiltinObject *)o);
  case ROAST_TYPE_BOUND_METHOD: return bound_method_repr((const RoastBoundMethod *)o);
  default: return printf_str("<object of type %u at %p>", (unsigned)o->type_id, (const void *)o);
  }
}

/* str() and repr() of the numbers and None, which are the same. */
static RoastStr *scalar_str(uint32_t kind, uint64_t slot) {
  switch (kind) {
  case ROAST_ELEM_INT: return roast_rt_str_from_int((int64_t)slot);
  case ROAST_ELEM_FLOAT: return roast_rt_str_from_float(roast_rt_slot_double(slot));
  case ROAST_ELEM_BOOL: return roast_rt_str_from_bool(slot != 0);
  default: return roast_rt_str_none();
  }
}

RoastStr *roast_rt_value_repr(RoastValue v) {
  uint32_t kind;
  uint64_t slot;
  roast_rt_value_decode(v, &kind, &slot);
  roast_rt_slot_unbox(&kind, &slot);
  if (kind != ROAST_ELEM_OBJECT || !slot)
    return scalar_str(kind, slot);
  return object_repr(roast_rt_slot_object(slot));
}

/* ---- str() and print ------------------------------------------------------------------ */

RoastStr *roast_rt_value_str(RoastValue v) {
  switch (roast_rt_value_type_id(v)) {
  case ROAST_TYPE_STR: return roast_rt_str_share((const RoastStr *)roast_rt_value_object(v));
  case ROAST_TYPE_INSTANCE: {
    const RoastInstance *o = (const RoastInstance *)roast_rt_value_object(v);
    if (!roast_rt_instance_is_function(o))
      return roast_rt_instance_str(o); /* __str__, else __repr__ */
    break;
  }
  default: break;
  }
  return roast_rt_value_repr(v);
}

void roast_rt_print_value(RoastValue v) {
  RoastStr *s = roast_rt_value_str(v);
  if (!s)
    return; /* __str__ raised: the caller tests roast_rt_exception */
  roast_rt_print_str(s);
  roast_rt_release(&s->header);
}

/* ---- format() ------------------------------------------------------------------------- */

RoastStr *roast_rt_value_format(RoastValue v, const RoastStr *spec, const char *file,
                                int32_t line, const char *fn) {
  int64_t i = 0;
  double d = 0;
  switch (roast_rt_value_number(v, &i, &d)) {
  case ROAST_ELEM_INT: return roast_rt_format_int_spec(i, spec, file, line, fn);
  case ROAST_ELEM_FLOAT: return roast_rt_format_float_spec(d, spec, file, line, fn);
  case ROAST_ELEM_BOOL: return roast_rt_format_bool_spec(i != 0, spec, file, line, fn);
  default: break;
  }
  if (roast_rt_value_type_id(v) == ROAST_TYPE_STR)
    return roast_rt_format_str_spec((const RoastStr *)roast_rt_value_object(v), spec, file, line,
                                    fn);
  /* object.__format__: str(v) for an empty spec, else a TypeError. */
  if (spec->length == 0)
    return roast_rt_value_str(v);
  roast_rt_raisef(ROAST_ERR_TYPE, ROAST_WHERE(file, line, fn),
                  "unsupported format string passed to %s.__format__",
                  roast_rt_value_type_name(v));
  return NULL;
}

/* ---- hash() ------------------------------------------------------------------------------ */

int64_t roast_rt_value_hash(RoastValue v, const char *file, int32_t line, const char *fn) {
  int64_t h = roast_rt_slot_hash(ROAST_ELEM_VALUE, v);
  /* slot_hash raises "unhashable type" without a location: this call is it. */
  if (roast_rt_exception)
    roast_rt_traceback_push(file, line, fn);
  return h;
}

/* ---- isinstance() and callable() ---------------------------------------------------------- */

bool roast_rt_value_isinstance_builtin(RoastValue v, int32_t which) {
  int64_t i;
  double d;
  uint32_t number = roast_rt_value_number(v, &i, &d);
  switch (which) {
  case -1: return roast_rt_value_is_none(v);
  case ROAST_BUILTIN_INT: return number == ROAST_ELEM_INT || number == ROAST_ELEM_BOOL;
  case ROAST_BUILTIN_BOOL: return number == ROAST_ELEM_BOOL;
  case ROAST_BUILTIN_FLOAT: return number == ROAST_ELEM_FLOAT;
  case ROAST_BUILTIN_STR: return roast_rt_value_type_id(v) == ROAST_TYPE_STR;
  case ROAST_BUILTIN_LIST: return roast_rt_value_type_id(v) == ROAST_TYPE_LIST;
  case ROAST_BUILTIN_TUPLE: return roast_rt_value_type_id(v) == ROAST_TYPE_TUPLE;
  case ROAST_BUILTIN_DICT: return roast_rt_value_type_id(v) == ROAST_TYPE_DICT;
  case ROAST_BUILTIN_SET: return roast_rt_value_type_id(v) == ROAST_TYPE_SET;
  default: return false;
  }
}

bool roast_rt_value_isinstance_class(RoastValue v, const RoastClass *cls) {
  return roast_rt_value_type_id(v) == ROAST_TYPE_INSTANCE &&
         roast_rt_isinstance((const RoastInstance *)roast_rt_value_object(v), cls);
}

bool roast_rt_value_callable(RoastValue v) {
  switch (roast_rt_value_type_id(v)) {
  case ROAST_TYPE_BUILTIN:
  case ROAST_TYPE_BOUND_METHOD: return true;
  case ROAST_TYPE_INSTANCE: {
    const RoastInstance *o = (const RoastInstance *)roast_rt_value_object(v);
    return o->cls->call != NULL || roast_rt_class_member(o->cls, "__call__") != NULL;
  }
  default: return false;
  }
}
