/* ListCompare.c - equality and order of elements, lists and tuples: ==, <, in, count, index, remove. */
#include "HashTableInternal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Elements ------------------------------------------------------------------ */

static const char *const op_symbols[] = {"<", "<=", "==", "!=", ">", ">="};

/* The Python type name of a slot, for TypeError messages. */
static const char *type_name(uint32_t kind, uint64_t slot) {
  return roast_rt_slot_type_name(kind, slot);
}

static int order_of(int64_t a, int64_t b) {
  return a < b ? ROAST_ORDER_LESS : a > b ? ROAST_ORDER_GREATER : ROAST_ORDER_EQUAL;
}

static int order_of_doubles(double a, double b) {
  if (a < b)
    return ROAST_ORDER_LESS;
  if (a > b)
    return ROAST_ORDER_GREATER;
  return a == b ? ROAST_ORDER_EQUAL : ROAST_ORDER_UNORDERED;
}

/* int against float exactly, as CPython's float_richcompare: converting
 * the int to double may round, but rounding is monotonic, so a strict
 * difference after rounding is a true one; a tie means d is a whole number
 * within int64 range (or 2^63), which can be compared as an integer. */
static int order_int_double(int64_t i, double d) {
  if (isnan(d))
    return ROAST_ORDER_UNORDERED;
  int order = order_of_doubles((double)i, d);
  if (order != ROAST_ORDER_EQUAL)
    return order;
  if (d >= 0x1p63)
    return ROAST_ORDER_LESS;
  return order_of(i, (int64_t)d);
}

/* The order of two numbers of any number kinds (bools are the ints 0 and 1). */
static int order_numbers(uint32_t ka, uint64_t a, uint32_t kb, uint64_t b) {
  bool a_float = ka == ROAST_ELEM_FLOAT, b_float = kb == ROAST_ELEM_FLOAT;
  if (a_float && b_float)
    return order_of_doubles(roast_rt_slot_double(a), roast_rt_slot_double(b));
  if (a_float) {
    int order = order_int_double((int64_t)b, roast_rt_slot_double(a));
    return order == ROAST_ORDER_UNORDERED ? order : -order;
  }
  if (b_float)
    return order_int_double((int64_t)a, roast_rt_slot_double(b));
  return order_of((int64_t)a, (int64_t)b);
}

static bool is_number_kind(uint32_t kind) { return kind != ROAST_ELEM_OBJECT; }

/* Where the comparison was asked for: the location a RecursionError or
 * TypeError deep inside reports (none for the entry points without one). */
typedef struct Where {
  const char *file;
  int32_t line;
  const char *fn;
} Where;

static const Where nowhere = {NULL, 0, NULL};

/* Raising returns (Runtime.h): after any comparison below that may raise,
 * the callers check roast_rt_exception and stop comparing, so that the
 * first error is the one reported and no result built on a meaningless
 * answer is used. */

/* Whether the stack is too deep to compare further: RecursionError raised. */
static bool check_depth(const Where *at) {
  if (!roast_rt_stack_exhausted())
    return false;
  roast_rt_raise(ROAST_ERR_RECURSION, "maximum recursion depth exceeded in comparison", at->file,
                 at->line, at->fn);
  return true;
}

static bool lists_eq(const RoastList *a, const RoastList *b, const Where *at);
static bool tuples_eq(const RoastTuple *a, const RoastTuple *b, const Where *at);

static bool objects_eq(const RoastObject *a, const RoastObject *b, const Where *at) {
  if (a == b)
    return true; /* identity implies equality, as in PyObject_RichCompareBool */
  if (!a || !b || a->type_id != b->type_id)
    return false;
  switch (a->type_id) {
  case ROAST_TYPE_STR: return roast_rt_str_eq((const RoastStr *)a, (const RoastStr *)b);
  case ROAST_TYPE_LIST: return lists_eq((const RoastList *)a, (const RoastList *)b, at);
  case ROAST_TYPE_TUPLE: return tuples_eq((const RoastTuple *)a, (const RoastTuple *)b, at);
  case ROAST_TYPE_DICT:
    /* Dicts of dicts nest without bound; their values compare through here. */
    if (check_depth(at))
      return false;
    return roast_rt_dict_eq_at((const RoastDict *)a, (const RoastDict *)b, at->file, at->line,
                               at->fn);
  case ROAST_TYPE_SET: return roast_rt_set_eq((const RoastSet *)a, (const RoastSet *)b);
  case ROAST_TYPE_INSTANCE:
    return roast_rt_instance_eq((const RoastInstance *)a, (const RoastInstance *)b);
  default: return false; /* types without == compare by identity */
  }
}

/* a == b for slots of kinds ka and kb, as PyObject_RichCompareBool(a, b,
 * Py_EQ); raises only RecursionError, and then returns false. */
static bool slot_eq(uint32_t ka, uint64_t a, uint32_t kb, uint64_t b, const Where *at) {
  roast_rt_slot_unbox(&ka, &a);
  roast_rt_slot_unbox(&kb, &b);
  bool a_number = is_number_kind(ka), b_number = is_number_kind(kb);
  if (a_number && b_number)
    return order_numbers(ka, a, kb, b) == ROAST_ORDER_EQUAL;
  if (a_number || b_number)
    return false; /* a number is never equal to None, a str or a list */
  return objects_eq(roast_rt_slot_object(a), roast_rt_slot_object(b), at);
}

bool roast_rt_slot_eq(uint32_t ka, uint64_t a, uint32_t kb, uint64_t b, const char *file,
                      int32_t line, const char *fn) {
  Where at = {file, line, fn};
  return slot_eq(ka, a, kb, b, &at);
}

/* The index of the first elements of a and b that are not equal, or the
 * shorter length if there is none (CPython's list_richcompare loop).  After
 * a RecursionError the index is meaningless, but never the length, so that
 * lists_eq answers "not equal" and its callers stop comparing (the loops
 * below stop at a raising comparison, which answers "not equal" too). */
static int64_t first_difference(const RoastList *a, const RoastList *b, const Where *at) {
  int64_t n = a->length < b->length ? a->length : b->length;
  if (a == b)
    return n; /* every element is itself */
  if (check_depth(at))
    return -1;
  uint32_t ka = roast_rt_list_kind(a), kb = roast_rt_list_kind(b);
  int64_t i = 0;
  if (ka == kb && ka == ROAST_ELEM_BOOL) {
    /* Packed bytes: equal bytes are equal bools. */
    const unsigned char *x = roast_rt_list_bytes(a), *y = roast_rt_list_bytes(b);
    while (i < n && x[i] == y[i])
      ++i;
    return i;
  }
  if (ka == kb && ka != ROAST_ELEM_FLOAT) {
    /* Equal slots are equal elements (identical objects, or the same
     * int; for dynamic values also the same NaN, as CPython finds the same
     * NaN object equal to itself); only unequal object or value slots
     * need a closer look. */
    const uint64_t *x = roast_rt_list_slots(a), *y = roast_rt_list_slots(b);
    for (; i < n; ++i)
      if (x[i] != y[i] && (!roast_rt_kind_owns(ka) || !slot_eq(ka, x[i], kb, y[i], at)))
        break;
    return i;
  }
  while (i < n &&
         slot_eq(ka, roast_rt_list_load(a, i), kb, roast_rt_list_load(b, i), at))
    ++i;
  return i;
}

static bool lists_eq(const RoastList *a, const RoastList *b, const Where *at) {
  return a == b || (a->length == b->length && first_difference(a, b, at) == a->length);
}

static int order_lists(const RoastList *a, const RoastList *b, int32_t op, const Where *at);
static int order_tuples(const RoastTuple *a, const RoastTuple *b, int32_t op, const Where *at);

/* Sets are ordered by inclusion (CPython's set_richcompare: < is a proper
 * subset): a partial order, where sets neither of which includes the other
 * are unordered, so <, <=, > and >= are all false for them. */
static int order_sets(const RoastSet *a, const RoastSet *b) {
  int64_t na = a->table.length, nb = b->table.length;
  if (na == nb)
    return roast_rt_set_eq(a, b) ? ROAST_ORDER_EQUAL : ROAST_ORDER_UNORDERED;
  if (na < nb)
    return roast_rt_set_issubset(a, b) ? ROAST_ORDER_LESS : ROAST_ORDER_UNORDERED;
  return roast_rt_set_issubset(b, a) ? ROAST_ORDER_GREATER : ROAST_ORDER_UNORDERED;
}

static int slot_order(uint32_t ka, uint64_t a, uint32_t kb, uint64_t b, int32_t op,
                      const Where *at) {
  roast_rt_slot_unbox(&ka, &a);
  roast_rt_slot_unbox(&kb, &b);
  bool a_number = is_number_kind(ka), b_number = is_number_kind(kb);
  if (a_number && b_number)
    return order_numbers(ka, a, kb, b);
  if (!a_number && !b_number) {
    const RoastObject *x = roast_rt_slot_object(a), *y = roast_rt_slot_object(b);
    if (x && y && x->type_id == y->type_id) {
      switch (x->type_id) {
      case ROAST_TYPE_STR:
        return (int)roast_rt_str_compare((const RoastStr *)x, (const RoastStr *)y);
      case ROAST_TYPE_LIST: return order_lists((const RoastList *)x, (const RoastList *)y, op, at);
      case ROAST_TYPE_TUPLE:
        return order_tuples((const RoastTuple *)x, (const RoastTuple *)y, op, at);
      case ROAST_TYPE_SET: return order_sets((const RoastSet *)x, (const RoastSet *)y);
      default: break; /* dicts have == only */
      }
    }
    /* Instances order through __lt__ / __gt__ (CPython's sort and min use
     * <, max uses >). */
    if (x && y && x->type_id == ROAST_TYPE_INSTANCE && y->type_id == ROAST_TYPE_INSTANCE &&
        (op == ROAST_CMP_LT || op == ROAST_CMP_GT)) {
      int holds = roast_rt_instance_less((const RoastInstance *)x, (const RoastInstance *)y, op,
                                         at->file, at->line, at->fn);
      if (holds < 0)
        return ROAST_ORDER_UNORDERED;
      if (op == ROAST_CMP_LT)
        return holds ? ROAST_ORDER_LESS : ROAST_ORDER_UNORDERED;
      return holds ? ROAST_ORDER_GREATER : ROAST_ORDER_UNORDERED;
    }
  }
  /* Unorderable: None, dicts, or different types.  Equality still has an answer
   * (CPython falls back to identity for == and !=). */
  if (op == ROAST_CMP_EQ || op == ROAST_CMP_NE)
    return slot_eq(ka, a, kb, b, at) ? ROAST_ORDER_EQUAL : ROAST_ORDER_UNORDERED;
  char message[96];
  snprintf(message, sizeof message, "'%s' not supported between instances of '%s' and '%s'",
           op >= ROAST_CMP_LT && op <= ROAST_CMP_GE ? op_symbols[op] : "?", type_name(ka, a),
           type_name(kb, b));
  roast_rt_raise(ROAST_ERR_TYPE, message, at->file, at->line, at->fn);
  return ROAST_ORDER_UNORDERED;
}

int roast_rt_slot_order(uint32_t ka, uint64_t a, uint32_t kb, uint64_t b, int32_t op,
                        const char *file, int32_t line, const char *fn) {
  Where at = {file, line, fn};
  return slot_order(ka, a, kb, b, op, &at);
}

/* ---- Lists ---------------------------------------------------------------------- */

static int order_lists(const RoastList *a, const RoastList *b, int32_t op, const Where *at) {
  int64_t i = first_difference(a, b, at);
  if (roast_rt_exception)
    return ROAST_ORDER_UNORDERED; /* i is meaningless: compare no further */
  if (i == a->length || i == b->length)
    return order_of(a->length, b->length);
  /* The first unequal elements decide, compared with op itself: for
   * floats, a NaN there leaves the lists unordered. */
  return slot_order(roast_rt_list_kind(a), roast_rt_list_load(a, i), roast_rt_list_kind(b),
                    roast_rt_list_load(b, i), op, at);
}

bool roast_rt_list_eq(const RoastList *a, const RoastList *b) { return lists_eq(a, b, &nowhere); }

/* ---- Tuples -------------------------------------------------------------------- */

/* As lists (CPython's tuplerichcompare is list_richcompare's twin), but
 * each field has its own kind. */
static int64_t tuple_first_difference(const RoastTuple *a, const RoastTuple *b,
                                      const Where *at) {
  int64_t n = a->length < b->length ? a->length : b->length;
  if (a == b)
    return n;
  if (check_depth(at))
    return -1; /* as in first_difference */
  const uint8_t *ka = roast_rt_tuple_kinds(a), *kb = roast_rt_tuple_kinds(b);
  int64_t i = 0;
  while (i < n && slot_eq(ka[i], a->items[i], kb[i], b->items[i], at))
    ++i;
  return i;
}

static bool tuples_eq(const RoastTuple *a, const RoastTuple *b, const Where *at) {
  return a == b || (a->length == b->length && tuple_first_difference(a, b, at) == a->length);
}

static int order_tuples(const RoastTuple *a, const RoastTuple *b, int32_t op, const Where *at) {
  int64_t i = tuple_first_difference(a, b, at);
  if (roast_rt_exception)
    return ROAST_ORDER_UNORDERED;
  if (i == a->length || i == b->length)
    return order_of(a->length, b->length);
  return slot_order(roast_rt_tuple_kinds(a)[i], a->items[i], roast_rt_tuple_kinds(b)[i],
                    b->items[i], op, at);
}

bool roast_rt_list_richcompare(const RoastList *a, const RoastList *b, int32_t op,
                               const char *file, int32_t line, const char *fn) {
  Where at = {file, line, fn};
  if (op == ROAST_CMP_EQ || op == ROAST_CMP_NE)
    return lists_eq(a, b, &at) == (op == ROAST_CMP_EQ);
  return roast_rt_order_holds(order_lists(a, b, op, &at), op);
}

int64_t roast_rt_list_compare(const RoastList *a, const RoastList *b) {
  int order = order_lists(a, b, ROAST_CMP_LT, &nowhere);
  return order == ROAST_ORDER_UNORDERED ? 0 : order;
}

/* ---- Searching ------------------------------------------------------------------- */

/* The first position of an element equal to item (a slot of l's kind), or
 * -1 (also when a comparison raised). */
static int64_t find(const RoastList *l, uint64_t item, const Where *at) {
  uint32_t kind = roast_rt_list_kind(l);
  if (kind == ROAST_ELEM_BOOL) {
    if (l->length == 0)
      return -1;
    const unsigned char *bytes = roast_rt_list_bytes(l);
    const unsigned char *hit = memchr(bytes, item != 0, (size_t)l->length);
    return hit ? hit - bytes : -1;
  }
  const uint64_t *slots = roast_rt_list_slots(l);
  if (kind == ROAST_ELEM_INT) {
    for (int64_t i = 0; i < l->length; ++i)
      if (slots[i] == item)
        return i;
    return -1;
  }
  for (int64_t i = 0; i < l->length; ++i) {
    if (slot_eq(kind, slots[i], kind, item, at))
      return i;
    if (roast_rt_exception)
      return -1;
  }
  return -1;
}

bool roast_rt_list_contains(const RoastList *l, uint64_t item) {
  return find(l, item, &nowhere) >= 0;
}

int64_t roast_rt_list_count(const RoastList *l, uint64_t item) {
  uint32_t kind = roast_rt_list_kind(l);
  int64_t count = 0;
  if (kind == ROAST_ELEM_BOOL) {
    const unsigned char *bytes = roast_rt_list_bytes(l);
    unsigned char want = item != 0;
    for (int64_t i = 0; i < l->length; ++i)
      count += bytes[i] == want;
    return count;
  }
  const uint64_t *slots = roast_rt_list_slots(l);
  for (int64_t i = 0; i < l->length; ++i) {
    count += slot_eq(kind, slots[i], kind, item, &nowhere);
    if (roast_rt_exception)
      return 0;
  }
  return count;
}

int64_t roast_rt_list_index(const RoastList *l, uint64_t item, const char *file, int32_t line,
                            const char *fn) {
  Where at = {file, line, fn};
  int64_t i = find(l, item, &at);
  if (i >= 0 || roast_rt_exception)
    return i;
  /* "%R is not in list": the whole repr, however long, as CPython. */
  RoastBuffer message = {NULL, 0, 0};
  roast_rt_buffer_write_slot_repr(&message, roast_rt_list_kind(l), item);
  if (!roast_rt_exception) { /* else the repr raised (RecursionError): that error instead */
    roast_rt_buffer_write(&message, " is not in list", sizeof " is not in list");
    roast_rt_raise(ROAST_ERR_VALUE, message.data, file, line, fn); /* copies the message */
  }
  free(message.data);
  return -1;
}

void roast_rt_list_remove(RoastList *l, uint64_t item, const char *file, int32_t line,
                          const char *fn) {
  Where at = {file, line, fn};
  int64_t i = find(l, item, &at);
  if (roast_rt_exception)
    return;
  if (i < 0) {
    roast_rt_raise(ROAST_ERR_VALUE, "list.remove(x): x not in list", file, line, fn);
    return;
  }
  roast_rt_list_del_item(l, i, file, line, fn);
}
