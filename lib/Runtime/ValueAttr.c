/* ValueAttr.c - v.name, v.name = x and v.name(...) on dynamic values: class member tables and built-in methods. */
#include "ListInternal.h"

#include <stdlib.h>
#include <string.h>

/* ---- Member tables ---------------------------------------------------------------- */

/* The class's own members first, then its bases': the first match wins, so
 * a table that already lists the bases' members (after the class's own)
 * gives the same answer. */
const RoastMember *roast_rt_class_member(const RoastClass *cls, const char *name) {
  for (const RoastClass *c = cls; c; c = c->base)
    for (int64_t i = 0; i < c->num_members; ++i)
      if (strcmp(c->members[i].name, name) == 0)
        return &c->members[i];
  return NULL;
}

const RoastMember *roast_rt_value_instance_member(RoastValue v, const char *name) {
  if (roast_rt_value_type_id(v) != ROAST_TYPE_INSTANCE)
    return NULL;
  return roast_rt_class_member(((const RoastInstance *)roast_rt_value_object(v))->cls, name);
}

static RoastInstance *instance_of(RoastValue v) { return (RoastInstance *)roast_rt_value_object(v); }

/* A field read without a getter: from its slot at `offset`. */
static RoastValue load_field(const RoastInstance *self, const RoastMember *m) {
  const char *p = (const char *)self + m->offset;
  if (m->slot_kind == ROAST_ELEM_BOOL)
    return roast_rt_value_from_bool(*(const uint8_t *)p != 0);
  uint64_t slot;
  memcpy(&slot, p, sizeof slot);
  return roast_rt_value_from_slot((uint32_t)m->slot_kind, slot);
}

/* A field written without a setter: converted to its slot kind. */
static bool store_field(RoastInstance *self, const RoastMember *m, RoastValue item,
                        const RoastWhere *at) {
  uint64_t slot, old;
  uint32_t kind = (uint32_t)m->slot_kind;
  if (!roast_rt_value_to_slot(item, kind, &slot, at->file, at->line, at->fn))
    return false;
  char *p = (char *)self + m->offset;
  if (kind == ROAST_ELEM_BOOL) {
    *(uint8_t *)p = (uint8_t)(slot != 0);
    return true;
  }
  memcpy(&old, p, sizeof old);
  memcpy(p, &slot, sizeof slot);
  roast_rt_slot_release(kind, old);
  return true;
}

/* The value of a field, property or class constant. */
static RoastValue member_value(RoastInstance *self, const RoastMember *m) {
  if (m->get)
    return m->get(self);
  if (m->kind == ROAST_MEMBER_FIELD && m->slot_kind)
    return load_field(self, m);
  return ROAST_VALUE_NONE; /* a compiler bug: a member without a getter */
}

/* ---- Calls ---------------------------------------------------------------------------- */

/* TypeError in CPython's words for a call with the wrong number of
 * positional arguments.  The parameters' names are not in the callable,
 * so "missing 1 required positional argument" ends without them. */
static bool check_arity(const RoastCallable *c, int64_t argc, const RoastWhere *at) {
  int64_t lo = c->min_args, hi = c->max_args;
  if (argc < lo) {
    int64_t missing = lo - argc;
    roast_rt_raisef(ROAST_ERR_TYPE, at, "%s() missing %lld required positional argument%s", c->name,
                    (long long)missing, missing == 1 ? "" : "s");
    return false;
  }
  if (argc <= hi)
    return true;
  const char *verb = argc == 1 ? "was" : "were";
  if (lo == hi)
    roast_rt_raisef(ROAST_ERR_TYPE, at, "%s() takes %lld positional argument%s but %lld %s given",
                    c->name, (long long)hi, hi == 1 ? "" : "s", (long long)argc, verb);
  else
    roast_rt_raisef(ROAST_ERR_TYPE, at,
                    "%s() takes from %lld to %lld positional arguments but %lld %s given", c->name,
                    (long long)lo, (long long)hi, (long long)argc, verb);
  return false;
}

/* Calls the entry with exactly max_args values (RoastCallable in Runtime.h). */
static RoastValue call_entry(const RoastCallable *c, RoastInstance *closure, int64_t argc,
                             const RoastValue *argv) {
  RoastValue a[ROAST_MAX_DYNAMIC_ARGS];
  for (int32_t i = 0; i < ROAST_MAX_DYNAMIC_ARGS; ++i)
    a[i] = i < argc ? argv[i] : ROAST_VALUE_NONE;
  typedef RoastInstance *C;
  typedef RoastValue V;
  void *e = c->entry;
  switch (c->max_args) {
  case 0: return ((V(*)(C, int64_t))e)(closure, argc);
  case 1: return ((V(*)(C, int64_t, V))e)(closure, argc, a[0]);
  case 2: return ((V(*)(C, int64_t, V, V))e)(closure, argc, a[0], a[1]);
  case 3: return ((V(*)(C, int64_t, V, V, V))e)(closure, argc, a[0], a[1], a[2]);
  case 4: return ((V(*)(C, int64_t, V, V, V, V))e)(closure, argc, a[0], a[1], a[2], a[3]);
  case 5:
    return ((V(*)(C, int64_t, V, V, V, V, V))e)(closure, argc, a[0], a[1], a[2], a[3], a[4]);
  case 6:
    return ((V(*)(C, int64_t, V, V, V, V, V, V))e)(closure, argc, a[0], a[1], a[2], a[3], a[4],
                                                   a[5]);
  case 7:
    return ((V(*)(C, int64_t, V, V, V, V, V, V, V))e)(closure, argc, a[0], a[1], a[2], a[3],
                                                      a[4], a[5], a[6]);
  case 8:
    return ((V(*)(C, int64_t, V, V, V, V, V, V, V, V))e)(closure, argc, a[0], a[1], a[2], a[3],
                                                         a[4], a[5], a[6], a[7]);
  default:
    roast_rt_raise(ROAST_ERR_TYPE, "too many parameters for a dynamic call", NULL, 0, NULL);
    return 0;
  }
}

RoastValue roast_rt_callable_invoke(const RoastCallable *c, RoastInstance *closure, int64_t argc,
                                    const RoastValue *argv, const RoastWhere *at) {
  if (!check_arity(c, argc, at))
    return 0;
  RoastValue r = call_entry(c, closure, argc, argv);
  /* The compiled function's frames are in the traceback; the call site's
   * is this location, which only the runtime knows to be a call. */
  if (roast_rt_exception)
    roast_rt_traceback_push(at->file, at->line, at->fn);
  return r;
}

/* self.method(*argv): the callable called with self prepended. */
static RoastValue invoke_with_self(const RoastCallable *c, RoastValue self, int64_t argc,
                                   const RoastValue *argv, const RoastWhere *at) {
  RoastValue small[8];
  RoastValue *args = argc < 8 ? small : roast_rt_malloc((size_t)(argc + 1) * sizeof *args);
  args[0] = self;
  if (argc > 0)
    memcpy(args + 1, argv, (size_t)argc * sizeof *args);
  RoastValue r = roast_rt_callable_invoke(c, NULL, argc + 1, args, at);
  if (args != small)
    free(args);
  return r;
}

/* Call member m of instance value self (a method, or a field holding a callable). */
static RoastValue call_member(const RoastMember *m, RoastValue self, int64_t argc,
                              const RoastValue *argv, const RoastWhere *at) {
  if (m->kind == ROAST_MEMBER_METHOD && m->call)
    return invoke_with_self(m->call, self, argc, argv, at);
  if (m->kind == ROAST_MEMBER_STATIC && m->call)
    return roast_rt_callable_invoke(m->call, NULL, argc, argv, at);
  RoastValue f = member_value(instance_of(self), m);
  if (roast_rt_exception)
    return 0;
  RoastValue r = roast_rt_value_call(f, argc, argv, at->file, at->line, at->fn);
  roast_rt_value_release(f);
  return r;
}

bool roast_rt_value_try_method(RoastValue v, const char *name, int64_t argc,
                               const RoastValue *argv, RoastValue *result, const RoastWhere *at) {
  const RoastMember *m = roast_rt_value_instance_member(v, name);
  if (!m)
    return false;
  *result = call_member(m, v, argc, argv, at);
  return true;
}

/* ---- Bound methods ------------------------------------------------------------------- */

static RoastValue bind(RoastValue self, const RoastMember *member, const char *name) {
  RoastBoundMethod *b = roast_rt_object_alloc(sizeof(RoastBoundMethod));
  b->header.refcount = 1;
  b->header.type_id = ROAST_TYPE_BOUND_METHOD;
  b->header.flags = 0;
  roast_rt_value_retain(self);
  b->self = self;
  b->member = member;
  b->name = name;
  return roast_rt_value_take_object(b);
}

RoastValue roast_rt_bound_method_call(RoastValue f, int64_t argc, const RoastValue *argv,
                                      const RoastWhere *at) {
  const RoastBoundMethod *b = (const RoastBoundMethod *)roast_rt_value_object(f);
  if (b->member)
    return call_member(b->member, b->self, argc, argv, at);
  return roast_rt_value_call_method(b->self, b->name, argc, argv, at->file, at->line, at->fn);
}

/* ---- getattr / setattr / hasattr ----------------------------------------------------------- */

static RoastValue raise_no_attribute(RoastValue v, const char *name, const RoastWhere *at) {
  roast_rt_raisef(ROAST_ERR_ATTRIBUTE, at, "'%s' object has no attribute '%s'",
                  roast_rt_value_type_name(v), name);
  return 0;
}

RoastValue roast_rt_value_getattr(RoastValue v, const char *name, const char *file, int32_t line,
                                  const char *fn) {
  return roast_rt_value_getattr_member(v, roast_rt_value_instance_member(v, name), name,
                                       ROAST_WHERE(file, line, fn));
}

RoastValue roast_rt_value_getattr_member(RoastValue v, const RoastMember *m, const char *name,
                                         const RoastWhere *at) {
  if (m) {
    if (m->kind == ROAST_MEMBER_METHOD || m->kind == ROAST_MEMBER_STATIC)
      return bind(v, m, NULL);
    return member_value(instance_of(v), m);
  }
  const char *method = roast_rt_builtin_method_name(roast_rt_value_type_id(v), name);
  if (method)
    return bind(v, NULL, method);
  return raise_no_attribute(v, name, at);
}

bool roast_rt_value_setattr(RoastValue v, const char *name, RoastValue item, const char *file,
                            int32_t line, const char *fn) {
  return roast_rt_value_setattr_member(v, roast_rt_value_instance_member(v, name), name, item,
                                       ROAST_WHERE(file, line, fn));
}

bool roast_rt_value_setattr_member(RoastValue v, const RoastMember *m, const char *name,
                                   RoastValue item, const RoastWhere *at) {
  if (m && m->kind == ROAST_MEMBER_FIELD) {
    if (m->set)
      return m->set(instance_of(v), item);
    if (m->slot_kind)
      return store_field(instance_of(v), m, item, at);
  }
  if (m && m->kind == ROAST_MEMBER_PROPERTY)
    roast_rt_raisef(ROAST_ERR_ATTRIBUTE, at, "property '%s' of '%s' object has no setter", name,
                    roast_rt_value_type_name(v));
  else if (m || roast_rt_builtin_method_name(roast_rt_value_type_id(v), name))
    roast_rt_raisef(ROAST_ERR_ATTRIBUTE, at, "'%s' object attribute '%s' is read-only",
                    roast_rt_value_type_name(v), name);
  else
    raise_no_attribute(v, name, at); /* Roast-specific: no attributes added at run time */
  return false;
}

bool roast_rt_value_hasattr(RoastValue v, const char *name) {
  return roast_rt_value_instance_member(v, name) ||
         roast_rt_builtin_method_name(roast_rt_value_type_id(v), name) != NULL;
}

RoastValue roast_rt_value_call_method(RoastValue v, const char *name, int64_t argc,
                                      const RoastValue *argv, const char *file, int32_t line,
                                      const char *fn) {
  return roast_rt_value_call_method_member(v, roast_rt_value_instance_member(v, name), name,
                                           argc, argv, ROAST_WHERE(file, line, fn));
}

RoastValue roast_rt_value_call_method_member(RoastValue v, const RoastMember *m, const char *name,
                                             int64_t argc, const RoastValue *argv,
                                             const RoastWhere *at) {
  if (m)
    return call_member(m, v, argc, argv, at);
  const char *method = roast_rt_builtin_method_name(roast_rt_value_type_id(v), name);
  if (!method)
    return raise_no_attribute(v, name, at);
  return roast_rt_builtin_method_call(v, method, argc, argv, at);
}
