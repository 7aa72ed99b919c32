/* ValueInternal.h - decoding NaN-boxed dynamic values, and the dynamic object layouts (not compiler ABI). */
#ifndef ROAST_RUNTIME_VALUE_INTERNAL_H
#define ROAST_RUNTIME_VALUE_INTERNAL_H

#include "StrInternal.h"

#include <string.h>

/*
 * A RoastValue's top 16 bits say what it is (Runtime.h): below 0xFFF9 a
 * double (every NaN is canonical, so no double reaches the tags), then the
 * int, bool, None and object tags.  These helpers are inline because every
 * dynamic operation starts by decoding its operands.
 */

static inline uint64_t roast_rt_value_tag(RoastValue v) { return v >> ROAST_VALUE_TAG_SHIFT; }
static inline bool roast_rt_value_is_double(RoastValue v) {
  return roast_rt_value_tag(v) < ROAST_VALUE_TAG_INT;
}
static inline bool roast_rt_value_is_small_int(RoastValue v) {
  return roast_rt_value_tag(v) == ROAST_VALUE_TAG_INT;
}
static inline bool roast_rt_value_is_bool(RoastValue v) {
  return roast_rt_value_tag(v) == ROAST_VALUE_TAG_BOOL;
}
static inline bool roast_rt_value_is_none(RoastValue v) { return v == ROAST_VALUE_NONE; }
static inline bool roast_rt_value_is_object(RoastValue v) {
  return roast_rt_value_tag(v) == ROAST_VALUE_TAG_OBJECT;
}

/* The 48-bit payload of an inline int, sign-extended. */
static inline int64_t roast_rt_value_small_int(RoastValue v) { return (int64_t)(v << 16) >> 16; }
static inline bool roast_rt_value_int_fits_inline(int64_t i) {
  return i >= -(INT64_C(1) << 47) && i < (INT64_C(1) << 47);
}
static inline RoastValue roast_rt_value_inline_int(int64_t i) {
  return ROAST_VALUE_TAG_INT << ROAST_VALUE_TAG_SHIFT | ((uint64_t)i & ROAST_VALUE_PAYLOAD_MASK);
}

static inline double roast_rt_value_double(RoastValue v) {
  double d;
  memcpy(&d, &v, sizeof d);
  return d;
}
/* Every NaN becomes the canonical one: a NaN with the sign bit set would
 * otherwise read as a tag. */
static inline RoastValue roast_rt_value_from_double(double d) {
  if (d != d)
    return UINT64_C(0x7FF8000000000000);
  RoastValue v;
  memcpy(&v, &d, sizeof v);
  return v;
}
static inline RoastValue roast_rt_value_from_bool(bool b) {
  return b ? ROAST_VALUE_TRUE : ROAST_VALUE_FALSE;
}

static inline RoastObject *roast_rt_value_object(RoastValue v) {
  return (RoastObject *)(uintptr_t)(v & ROAST_VALUE_PAYLOAD_MASK);
}
/* The object a value owns a reference to, or NULL. */
static inline RoastObject *roast_rt_value_owned(RoastValue v) {
  return roast_rt_value_is_object(v) ? roast_rt_value_object(v) : NULL;
}
/* A value holding o, taking over a reference the caller owns (NULL: None). */
static inline RoastValue roast_rt_value_take_object(const void *o) {
  if (!o)
    return ROAST_VALUE_NONE;
  return ROAST_VALUE_TAG_OBJECT << ROAST_VALUE_TAG_SHIFT | (uint64_t)(uintptr_t)o;
}
/* The type_id of an object value, or 0 for any other value. */
static inline uint32_t roast_rt_value_type_id(RoastValue v) {
  return roast_rt_value_is_object(v) ? roast_rt_value_object(v)->type_id : 0;
}

/* A value as the (kind, slot) pair the typed runtime works on: INT, FLOAT,
 * BOOL, or OBJECT (NULL for None).  A big int stays its box, an OBJECT
 * slot that roast_rt_slot_unbox looks through. */
static inline void roast_rt_value_decode(RoastValue v, uint32_t *kind, uint64_t *slot) {
  switch (roast_rt_value_tag(v)) {
  case ROAST_VALUE_TAG_INT: *kind = ROAST_ELEM_INT, *slot = (uint64_t)roast_rt_value_small_int(v); return;
  case ROAST_VALUE_TAG_BOOL: *kind = ROAST_ELEM_BOOL, *slot = v & 1; return;
  case ROAST_VALUE_TAG_NONE: *kind = ROAST_ELEM_OBJECT, *slot = 0; return;
  case ROAST_VALUE_TAG_OBJECT:
    *kind = ROAST_ELEM_OBJECT, *slot = (uint64_t)(uintptr_t)roast_rt_value_object(v);
    return;
  default: *kind = ROAST_ELEM_FLOAT, *slot = v; return;
  }
}

/* A number value as its kind (INT, FLOAT or BOOL) and its int or double;
 * 0 for any other value.  Big ints (boxes) are INT. */
static inline uint32_t roast_rt_value_number(RoastValue v, int64_t *i, double *d) {
  if (roast_rt_value_is_small_int(v)) {
    *i = roast_rt_value_small_int(v);
    return ROAST_ELEM_INT;
  }
  if (roast_rt_value_is_double(v)) {
    *d = roast_rt_value_double(v);
    return ROAST_ELEM_FLOAT;
  }
  if (roast_rt_value_is_bool(v)) {
    *i = (int64_t)(v & 1);
    return ROAST_ELEM_BOOL;
  }
  const RoastObject *o = roast_rt_value_owned(v);
  if (!o || o->type_id != ROAST_TYPE_BOX)
    return 0;
  uint64_t slot = ((const RoastBox *)o)->slot;
  if (o->flags == ROAST_ELEM_FLOAT)
    memcpy(d, &slot, sizeof *d);
  else
    *i = (int64_t)slot;
  return o->flags;
}

/* Whether v is an int or a bool (Python's int, bool being its subclass); *i its value. */
static inline bool roast_rt_value_int_like(RoastValue v, int64_t *i) {
  double d;
  uint32_t kind = roast_rt_value_number(v, i, &d);
  return kind == ROAST_ELEM_INT || kind == ROAST_ELEM_BOOL;
}

/* ---- Dynamic objects ----------------------------------------------------------- */

/* What an iterator walks (RoastObject.flags of a ROAST_TYPE_ITERATOR). */
enum RoastIterKind {
  ROAST_ITER_STR = 1,      /* position: a byte offset */
  ROAST_ITER_LIST = 2,     /* position: an index into the live list */
  ROAST_ITER_TUPLE = 3,
  ROAST_ITER_DICT = 4,     /* position: an entry index; expected: the length it had */
  ROAST_ITER_SET = 5,
  ROAST_ITER_FILE = 6,     /* lines */
  ROAST_ITER_INSTANCE = 7, /* source's __next__, until StopIteration */
  ROAST_ITER_DONE = 8      /* exhausted: source released, stays exhausted */
};

typedef struct RoastIterator {
  RoastObject header; /* type_id == ROAST_TYPE_ITERATOR; flags: RoastIterKind */
  RoastValue source;  /* owned */
  int64_t position;
  int64_t expected;
} RoastIterator;

/* Built-in functions and types as values: the RoastBuiltin ones, then type
 * objects that only type() makes. */
enum {
  ROAST_BUILTIN_TYPE_NONE = ROAST_BUILTIN_COUNT, /* <class 'NoneType'> */
  ROAST_BUILTIN_TYPE_CLASS,                      /* a user class: cls below */
  ROAST_BUILTIN_TYPE_OTHER                       /* <class 'function'>, ...: name below */
};

/* Whether a built-in is a type (str, int, ...) rather than a function (abs, len, ...). */
static inline bool roast_rt_builtin_is_type(uint32_t which) {
  switch (which) {
  case ROAST_BUILTIN_STR: case ROAST_BUILTIN_INT: case ROAST_BUILTIN_FLOAT:
  case ROAST_BUILTIN_BOOL: case ROAST_BUILTIN_LIST: case ROAST_BUILTIN_TUPLE:
  case ROAST_BUILTIN_SET: case ROAST_BUILTIN_DICT: case ROAST_BUILTIN_TYPE: return true;
  default: return which >= ROAST_BUILTIN_COUNT;
  }
}

typedef struct RoastBuiltinObject {
  RoastObject header;     /* immortal; type_id == ROAST_TYPE_BUILTIN; flags: which */
  const char *name;       /* "abs", "str", "NoneType", a class's name */
  const RoastClass *cls;  /* ROAST_BUILTIN_TYPE_CLASS */
} RoastBuiltinObject;

typedef struct RoastBoundMethod {
  RoastObject header;         /* type_id == ROAST_TYPE_BOUND_METHOD */
  RoastValue self;            /* owned: the receiver */
  const RoastMember *member;  /* a user METHOD or STATIC member, or NULL... */
  const char *name;           /* ...for a built-in type's method: its name (static) */
} RoastBoundMethod;

/* Where an operation was asked for, for the errors it raises. */
typedef struct RoastWhere {
  const char *file;
  int32_t line;
  const char *fn;
} RoastWhere;

#define ROAST_WHERE(file, line, fn) (&(const RoastWhere){(file), (line), (fn)})

/* ---- Value.c ------------------------------------------------------------------- */

/* Raise `kind` with a printf-formatted message at `at`. */
void roast_rt_raisef(int32_t kind, const RoastWhere *at, const char *format, ...)
    __attribute__((cold, format(printf, 3, 4)));

/* An int argument (an int or a bool) into *out; TypeError as CPython's
 * __index__ conversion words it. */
static inline bool roast_rt_value_int_arg(RoastValue v, int64_t *out, const RoastWhere *at) {
  if (roast_rt_value_int_like(v, out))
    return true;
  roast_rt_raisef(ROAST_ERR_TYPE, at, "'%s' object cannot be interpreted as an integer",
                  roast_rt_value_type_name(v));
  return false;
}
/* The slot of kind `from` as a slot of kind `to`, as a new reference: the
 * number widenings, boxing into VALUE, and unboxing a VALUE (TypeError at
 * `at` when it does not fit; the slot is then 0). */
uint64_t roast_rt_slot_convert_owned(uint64_t slot, uint32_t from, uint32_t to, const RoastWhere *at);
/* Free an iterator or bound method (roast_rt_dealloc's cases). */
void roast_rt_value_object_free(RoastObject *o);

/* ---- ValueRepr.c ---------------------------------------------------------------- */

/* Whether an instance is a closure (its class is a function's). */
bool roast_rt_instance_is_function(const RoastInstance *o);
/* The type name of a (kind, slot) pair, for messages. */
const char *roast_rt_slot_type_name(uint32_t kind, uint64_t slot);

/* ---- ValueAttr.c ---------------------------------------------------------------- */

/* The first member of cls (or of a base) named `name`, or NULL. */
const RoastMember *roast_rt_class_member(const RoastClass *cls, const char *name);
/* The member `name` of v's class when v is an instance, else NULL. */
const RoastMember *roast_rt_value_instance_member(RoastValue v, const char *name);
/* v.name, v.name = item and v.name(*argv) given m, v's member `name` as
 * roast_rt_value_instance_member finds it (the inline caches' miss paths
 * look it up once for the operation and the refill). */
RoastValue roast_rt_value_getattr_member(RoastValue v, const RoastMember *m, const char *name,
                                         const RoastWhere *at);
bool roast_rt_value_setattr_member(RoastValue v, const RoastMember *m, const char *name,
                                   RoastValue item, const RoastWhere *at);
RoastValue roast_rt_value_call_method_member(RoastValue v, const RoastMember *m, const char *name,
                                             int64_t argc, const RoastValue *argv,
                                             const RoastWhere *at);
/* The instance method `name` of v called with argv, when v is an instance
 * whose class has it: true, with *result set (0 if it raised).  False
 * when there is no such method. */
bool roast_rt_value_try_method(RoastValue v, const char *name, int64_t argc, const RoastValue *argv,
                               RoastValue *result, const RoastWhere *at);
/* Call a RoastCallable after checking argc against its arity. */
RoastValue roast_rt_callable_invoke(const RoastCallable *c, RoastInstance *closure, int64_t argc,
                                    const RoastValue *argv, const RoastWhere *at);

/* Call a bound method object (ROAST_TYPE_BOUND_METHOD). */
RoastValue roast_rt_bound_method_call(RoastValue f, int64_t argc, const RoastValue *argv,
                                      const RoastWhere *at);

/* ---- ValueMethods.c ------------------------------------------------------------- */

/* A built-in type's method: self is the receiver object, argv its
 * arguments (already checked against min_args..max_args). */
typedef RoastValue (*RoastMethodFn)(RoastObject *self, int64_t argc, const RoastValue *argv,
                                    const RoastWhere *at);
/* How CPython words a wrong argument count for the method (they differ:
 * METH_NOARGS, METH_O, and Argument Clinic's two styles). */
enum RoastArityStyle {
  ROAST_ARITY_NOARGS,       /* "str.upper() takes no arguments (1 given)" */
  ROAST_ARITY_ONE,          /* "list.append() takes exactly one argument (0 given)" */
  ROAST_ARITY_TAKES,        /* "split() takes at most 2 arguments (3 given)" */
  ROAST_ARITY_EXPECTED,     /* "pop expected at most 1 argument, got 2" */
  ROAST_ARITY_NO_POSITIONAL /* "sort() takes no positional arguments" */
};
typedef struct RoastMethodDef {
  const char *name;
  int8_t min_args, max_args; /* max_args -1: any number */
  uint8_t style;             /* RoastArityStyle */
  RoastMethodFn fn;
} RoastMethodDef;
/* The method tables, each ended by a NULL name (ValueStrMethods.c, ValueContainerMethods.c). */
extern const RoastMethodDef roast_rt_str_methods[], roast_rt_list_methods[],
    roast_rt_dict_methods[], roast_rt_set_methods[], roast_rt_tuple_methods[];

/* The static name of a built-in method of objects of type_id (STR, LIST, ...)
 * or NULL if there is none. */
const char *roast_rt_builtin_method_name(uint32_t type_id, const char *name);
/* self.name(*argv) for a built-in method name that roast_rt_builtin_method_name found. */
RoastValue roast_rt_builtin_method_call(RoastValue self, const char *name, int64_t argc,
                                        const RoastValue *argv, const RoastWhere *at);

/* ---- ValueLookup.c -------------------------------------------------------------- */
/* Containers of any kind searched and filled with dynamic values: items are
 * compared as values (1 == 1.0 == True), and stored converted to the
 * container's kind (TypeError when a typed container cannot hold them). */

/* The first index in [start, stop) of an element equal to item, or -1 (also on error). */
int64_t roast_rt_list_find_value(const RoastList *l, RoastValue item, int64_t start, int64_t stop,
                                 const RoastWhere *at);
/* The entry of key in a dict or set's table of keys of kind `kind`, or -1
 * (also on error: TypeError "unhashable type: 'list'"). */
struct RoastHashTable;
int64_t roast_rt_table_find_value(const struct RoastHashTable *t, uint32_t kind, RoastValue key,
                                  const RoastWhere *at);
bool roast_rt_dict_set_value(RoastDict *d, RoastValue key, RoastValue value, const RoastWhere *at);
/* l += iterable / l.extend(iterable), in place. */
bool roast_rt_list_extend_value(RoastList *l, RoastValue iterable, const RoastWhere *at);
bool roast_rt_set_add_value(RoastSet *s, RoastValue item, const RoastWhere *at);

/* ---- ValueIter.c ---------------------------------------------------------------- */

/* A new VALUE list of the items of any iterable (list(v)). */
RoastList *roast_rt_value_to_list(RoastValue v, const RoastWhere *at);

/* ---- ListReduce.c --------------------------------------------------------------- */

/* sum(l, start) with CPython's semantics, for a list of any kind. */
RoastValue roast_rt_sum_values(const RoastList *l, RoastValue start, const RoastWhere *at);

/* ---- ValueCall.c ---------------------------------------------------------------- */

/* The type object of v (type(v)); a new (immortal) reference. */
RoastValue roast_rt_value_type_object(RoastValue v);

#endif /* ROAST_RUNTIME_VALUE_INTERNAL_H */
