/* ValueCall.c - calling dynamic values, and the built-in function and type objects (abs, str, type(x)). */
#include "ListInternal.h"

#include <stdlib.h>
#include <string.h>

/* ---- Built-in objects ------------------------------------------------------------------ */

#define BUILTIN(which, name) {{ROAST_REFCOUNT_IMMORTAL, ROAST_TYPE_BUILTIN, which}, name, NULL}

static const RoastBuiltinObject builtins[] = {
    BUILTIN(ROAST_BUILTIN_ABS, "abs"),       BUILTIN(ROAST_BUILTIN_LEN, "len"),
    BUILTIN(ROAST_BUILTIN_STR, "str"),       BUILTIN(ROAST_BUILTIN_REPR, "repr"),
    BUILTIN(ROAST_BUILTIN_INT, "int"),       BUILTIN(ROAST_BUILTIN_FLOAT, "float"),
    BUILTIN(ROAST_BUILTIN_BOOL, "bool"),     BUILTIN(ROAST_BUILTIN_LIST, "list"),
    BUILTIN(ROAST_BUILTIN_TUPLE, "tuple"),   BUILTIN(ROAST_BUILTIN_SET, "set"),
    BUILTIN(ROAST_BUILTIN_DICT, "dict"),     BUILTIN(ROAST_BUILTIN_SORTED, "sorted"),
    BUILTIN(ROAST_BUILTIN_MIN, "min"),       BUILTIN(ROAST_BUILTIN_MAX, "max"),
    BUILTIN(ROAST_BUILTIN_SUM, "sum"),       BUILTIN(ROAST_BUILTIN_ORD, "ord"),
    BUILTIN(ROAST_BUILTIN_CHR, "chr"),       BUILTIN(ROAST_BUILTIN_HASH, "hash"),
    BUILTIN(ROAST_BUILTIN_TYPE, "type"),     BUILTIN(ROAST_BUILTIN_ROUND, "round"),
};
_Static_assert(sizeof builtins / sizeof builtins[0] == ROAST_BUILTIN_COUNT, "a built-in is missing");

static const RoastBuiltinObject none_type = BUILTIN(ROAST_BUILTIN_TYPE_NONE, "NoneType");

RoastValue roast_rt_builtin_value(int32_t which) {
  if (which < 0 || which >= ROAST_BUILTIN_COUNT)
    which = ROAST_BUILTIN_TYPE; /* a compiler bug; still a valid object */
  return roast_rt_value_take_object(&builtins[which]);
}

/* Type objects of classes and of the runtime's other types, made on first
 * use and kept (immortal) so that type(a) == type(b) is identity.  A list:
 * programs have few types. */
typedef struct TypeObject {
  RoastBuiltinObject object;
  struct TypeObject *next;
} TypeObject;
static TypeObject *type_objects;

static RoastValue type_object(const RoastClass *cls, const char *name) {
  for (TypeObject *t = type_objects; t; t = t->next)
    if (cls ? t->object.cls == cls : (!t->object.cls && strcmp(t->object.name, name) == 0))
      return roast_rt_value_take_object(&t->object);
  TypeObject *t = roast_rt_malloc(sizeof *t);
  t->object.header.refcount = ROAST_REFCOUNT_IMMORTAL;
  t->object.header.type_id = ROAST_TYPE_BUILTIN;
  t->object.header.flags = cls ? ROAST_BUILTIN_TYPE_CLASS : ROAST_BUILTIN_TYPE_OTHER;
  t->object.name = cls ? cls->name : name; /* type names are static strings */
  t->object.cls = cls;
  t->next = type_objects;
  type_objects = t;
  return roast_rt_value_take_object(&t->object);
}

RoastValue roast_rt_value_type_object(RoastValue v) {
  int64_t i;
  double d;
  switch (roast_rt_value_number(v, &i, &d)) {
  case ROAST_ELEM_INT: return roast_rt_builtin_value(ROAST_BUILTIN_INT);
  case ROAST_ELEM_FLOAT: return roast_rt_builtin_value(ROAST_BUILTIN_FLOAT);
  case ROAST_ELEM_BOOL: return roast_rt_builtin_value(ROAST_BUILTIN_BOOL);
  default: break;
  }
  switch (roast_rt_value_type_id(v)) {
  case 0: return roast_rt_value_take_object(&none_type);
  case ROAST_TYPE_STR: return roast_rt_builtin_value(ROAST_BUILTIN_STR);
  case ROAST_TYPE_LIST: return roast_rt_builtin_value(ROAST_BUILTIN_LIST);
  case ROAST_TYPE_TUPLE: return roast_rt_builtin_value(ROAST_BUILTIN_TUPLE);
  case ROAST_TYPE_DICT: return roast_rt_builtin_value(ROAST_BUILTIN_DICT);
  case ROAST_TYPE_SET: return roast_rt_builtin_value(ROAST_BUILTIN_SET);
  case ROAST_TYPE_INSTANCE: {
    const RoastInstance *o = (const RoastInstance *)roast_rt_value_object(v);
    if (!roast_rt_instance_is_function(o))
      return type_object(o->cls, NULL);
    break;
  }
  default: break;
  }
  return type_object(NULL, roast_rt_value_type_name(v));
}

/* ---- Calls --------------------------------------------------------------------------------- */

static RoastValue call_instance(RoastValue f, int64_t argc, const RoastValue *argv,
                                const RoastWhere *at) {
  RoastInstance *o = (RoastInstance *)roast_rt_value_object(f);
  if (o->cls->call)
    return roast_rt_callable_invoke(o->cls->call, o, argc, argv, at);
  RoastValue r;
  if (roast_rt_value_try_method(f, "__call__", argc, argv, &r, at))
    return r;
  roast_rt_raisef(ROAST_ERR_TYPE, at, "'%s' object is not callable", roast_rt_value_type_name(f));
  return 0;
}

static RoastValue call_type_object(const RoastBuiltinObject *b, int64_t argc,
                                   const RoastWhere *at) {
  /* NoneType() is None; classes are built by compiled code, not here. */
  if (b->header.flags == ROAST_BUILTIN_TYPE_NONE && argc == 0)
    return ROAST_VALUE_NONE;
  roast_rt_raisef(ROAST_ERR_TYPE, at, "cannot create '%s' instances", b->name);
  return 0;
}

RoastValue roast_rt_value_call(RoastValue f, int64_t argc, const RoastValue *argv, const char *file,
                               int32_t line, const char *fn) {
  const RoastWhere *at = ROAST_WHERE(file, line, fn);
  switch (roast_rt_value_type_id(f)) {
  case ROAST_TYPE_INSTANCE: return call_instance(f, argc, argv, at);
  case ROAST_TYPE_BOUND_METHOD: return roast_rt_bound_method_call(f, argc, argv, at);
  case ROAST_TYPE_BUILTIN: {
    const RoastBuiltinObject *b = (const RoastBuiltinObject *)roast_rt_value_object(f);
    if (b->header.flags >= ROAST_BUILTIN_COUNT)
      return call_type_object(b, argc, at);
    return roast_rt_builtin_call((int32_t)b->header.flags, argc, argv, file, line, fn);
  }
  default:
    roast_rt_raisef(ROAST_ERR_TYPE, at, "'%s' object is not callable",
                    roast_rt_value_type_name(f));
    return 0;
  }
}
