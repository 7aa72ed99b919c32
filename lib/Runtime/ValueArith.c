/* ValueArith.c - a OP b and unary operators on dynamic values: numbers, sequences, sets, dicts, operator methods. */
#include "HashTableInternal.h"

#include <math.h>
#include <stdlib.h>

static const char *const op_symbols[] = {"+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^"};
static const char *const op_methods[] = {"__add__", "__sub__", "__mul__", "__truediv__",
                                         "__floordiv__", "__mod__", "__pow__", "__lshift__",
                                         "__rshift__", "__and__", "__or__", "__xor__"};
static const char *const op_reflected[] = {"__radd__", "__rsub__", "__rmul__", "__rtruediv__",
                                           "__rfloordiv__", "__rmod__", "__rpow__", "__rlshift__",
                                           "__rrshift__", "__rand__", "__ror__", "__rxor__"};
static const char *const op_inplace[] = {"__iadd__", "__isub__", "__imul__", "__itruediv__",
                                         "__ifloordiv__", "__imod__", "__ipow__", "__ilshift__",
                                         "__irshift__", "__iand__", "__ior__", "__ixor__"};

static bool valid_op(int32_t op) { return op >= ROAST_BINOP_ADD && op <= ROAST_BINOP_XOR; }

static RoastValue raise_unsupported(int32_t op, RoastValue a, RoastValue b, bool inplace,
                                    const RoastWhere *at) {
  const char *symbol = valid_op(op) ? op_symbols[op] : "?";
  if (op == ROAST_BINOP_POW && !inplace)
    symbol = "** or pow()";
  roast_rt_raisef(ROAST_ERR_TYPE, at, "unsupported operand type(s) for %s%s: '%s' and '%s'",
                  symbol, inplace ? "=" : "", roast_rt_value_type_name(a),
                  roast_rt_value_type_name(b));
  return 0;
}

static RoastValue raise_overflow(const RoastWhere *at) {
  roast_rt_raisef(ROAST_ERR_OVERFLOW, at, "integer overflow");
  return 0;
}

/* ---- Numbers ------------------------------------------------------------------------ */

/* Python's floor division and modulo of int64s (b != 0, no overflow). */
static int64_t floor_div(int64_t a, int64_t b) {
  int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}
static int64_t floor_mod(int64_t a, int64_t b) {
  int64_t r = a % b;
  return (r != 0 && (r < 0) != (b < 0)) ? r + b : r;
}

static RoastValue int_shift(int32_t op, int64_t a, int64_t b, const RoastWhere *at) {
  if (b < 0) {
    roast_rt_raisef(ROAST_ERR_VALUE, at, "negative shift count");
    return 0;
  }
  if (op == ROAST_BINOP_RSHIFT)
    return roast_rt_value_from_int(b >= 63 ? (a < 0 ? -1 : 0) : a >> b);
  if (a == 0)
    return roast_rt_value_from_int(0);
  /* CPython's int grows; Roast's stops where 64 bits end. */
  if (b >= 63 || (a << b) >> b != a)
    return raise_overflow(at);
  return roast_rt_value_from_int((int64_t)((uint64_t)a << b));
}

static RoastValue int_binary(int32_t op, int64_t a, int64_t b, const RoastWhere *at) {
  int64_t r;
  switch (op) {
  case ROAST_BINOP_ADD:
    return __builtin_add_overflow(a, b, &r) ? raise_overflow(at) : roast_rt_value_from_int(r);
  case ROAST_BINOP_SUB:
    return __builtin_sub_overflow(a, b, &r) ? raise_overflow(at) : roast_rt_value_from_int(r);
  case ROAST_BINOP_MUL:
    return __builtin_mul_overflow(a, b, &r) ? raise_overflow(at) : roast_rt_value_from_int(r);
  case ROAST_BINOP_TRUEDIV:
    if (b == 0)
      break;
    /* As typed code divides ints (exact for magnitudes up to 2^53). */
    return roast_rt_value_from_double((double)a / (double)b);
  case ROAST_BINOP_FLOORDIV:
  case ROAST_BINOP_MOD:
    if (b == 0)
      break;
    if (b == -1) /* INT64_MIN // -1 overflows; x % -1 is 0 */
      return op == ROAST_BINOP_MOD ? roast_rt_value_from_int(0) : int_binary(ROAST_BINOP_SUB, 0, a, at);
    return roast_rt_value_from_int(op == ROAST_BINOP_MOD ? floor_mod(a, b) : floor_div(a, b));
  case ROAST_BINOP_POW:
    if (b >= 0)
      return roast_rt_value_from_int(roast_rt_int_pow(a, b, at->file, at->line, at->fn));
    /* A negative exponent gives a float, as in Python (typed Roast code
     * rejects it instead). */
    if (a == 0)
      break;
    return roast_rt_value_from_double(roast_rt_float_pow((double)a, (double)b, at->file, at->line, at->fn));
  case ROAST_BINOP_LSHIFT:
  case ROAST_BINOP_RSHIFT: return int_shift(op, a, b, at);
  case ROAST_BINOP_AND: return roast_rt_value_from_int(a & b);
  case ROAST_BINOP_OR: return roast_rt_value_from_int(a | b);
  default: return roast_rt_value_from_int(a ^ b);
  }
  roast_rt_raisef(ROAST_ERR_ZERO_DIVISION, at, "%s",
                  op == ROAST_BINOP_TRUEDIV  ? "division by zero"
                  : op == ROAST_BINOP_MOD    ? "integer modulo by zero"
                  : op == ROAST_BINOP_POW    ? "0.0 cannot be raised to a negative power"
                                             : "integer division or modulo by zero");
  return 0;
}

/* Float arithmetic (the bit operators were turned away before). */
static RoastValue float_binary(int32_t op, double a, double b, const RoastWhere *at) {
  double r;
  switch (op) {
  case ROAST_BINOP_ADD: r = a + b; break;
  case ROAST_BINOP_SUB: r = a - b; break;
  case ROAST_BINOP_MUL: r = a * b; break;
  case ROAST_BINOP_TRUEDIV:
    if (b == 0) {
      roast_rt_raisef(ROAST_ERR_ZERO_DIVISION, at, "float division by zero");
      return 0;
    }
    r = a / b;
    break;
  case ROAST_BINOP_FLOORDIV: r = roast_rt_float_floordiv(a, b, at->file, at->line, at->fn); break;
  case ROAST_BINOP_MOD: r = roast_rt_float_mod(a, b, at->file, at->line, at->fn); break;
  default: r = roast_rt_float_pow(a, b, at->file, at->line, at->fn); break;
  }
  return roast_rt_exception ? 0 : roast_rt_value_from_double(r);
}

/* a OP b when both are numbers; false when the operator does not apply
 * (a bit operator on a float). */
static bool number_binary(int32_t op, RoastValue a, RoastValue b, RoastValue *result,
                          const RoastWhere *at) {
  int64_t ia = 0, ib = 0;
  double da = 0, db = 0;
  uint32_t ka = roast_rt_value_number(a, &ia, &da), kb = roast_rt_value_number(b, &ib, &db);
  bool bits = op >= ROAST_BINOP_LSHIFT;
  if (ka == ROAST_ELEM_FLOAT || kb == ROAST_ELEM_FLOAT) {
    if (bits)
      return false;
    *result = float_binary(op, ka == ROAST_ELEM_FLOAT ? da : (double)ia,
                           kb == ROAST_ELEM_FLOAT ? db : (double)ib, at);
    return true;
  }
  /* bool & | ^ bool stays a bool, as in Python. */
  if (ka == ROAST_ELEM_BOOL && kb == ROAST_ELEM_BOOL && op >= ROAST_BINOP_AND) {
    int64_t r = op == ROAST_BINOP_AND ? ia & ib : op == ROAST_BINOP_OR ? ia | ib : ia ^ ib;
    *result = roast_rt_value_from_bool(r != 0);
    return true;
  }
  *result = int_binary(op, ia, ib, at);
  return true;
}

/* ---- Sequences ------------------------------------------------------------------------ */

static bool is_number(RoastValue v) {
  int64_t i;
  double d;
  return roast_rt_value_number(v, &i, &d) != 0;
}

/* A list as one of dynamic values (a new reference; itself if it already is). */
static RoastList *as_value_list(RoastList *l) {
  if (roast_rt_list_kind(l) == ROAST_ELEM_VALUE) {
    roast_rt_retain(&l->header);
    return l;
  }
  RoastList *r = roast_rt_list_new(l->length, ROAST_ELEM_VALUE);
  roast_rt_list_copy_in(r, 0, l, 0, l->length);
  r->length = l->length;
  return r;
}

static bool number_kind(uint32_t kind) { return kind == ROAST_ELEM_INT || kind == ROAST_ELEM_FLOAT || kind == ROAST_ELEM_BOOL; }

/* a + b for lists of any kinds: typed concatenation where the kinds mix
 * (same kind, numbers, or dynamic values), else a list of dynamic values
 * ([1] + ['a'] in dynamic code). */
static RoastList *list_concat(RoastList *a, RoastList *b) {
  uint32_t ka = roast_rt_list_kind(a), kb = roast_rt_list_kind(b);
  if (ka == kb || (number_kind(ka) && number_kind(kb)) || ka == ROAST_ELEM_VALUE ||
      kb == ROAST_ELEM_VALUE)
    return roast_rt_list_concat(a, b);
  RoastList *va = as_value_list(a);
  RoastList *r = roast_rt_list_concat(va, b);
  roast_rt_release(&va->header);
  return r;
}

static RoastTuple *tuple_concat(const RoastTuple *a, const RoastTuple *b) {
  int64_t n = a->length + b->length;
  uint8_t *kinds = roast_rt_malloc((size_t)n + 1);
  memcpy(kinds, roast_rt_tuple_kinds(a), (size_t)a->length);
  memcpy(kinds + a->length, roast_rt_tuple_kinds(b), (size_t)b->length);
  RoastTuple *r = roast_rt_tuple_new(n, kinds);
  for (int64_t i = 0; i < n; ++i) {
    r->items[i] = i < a->length ? a->items[i] : b->items[i - a->length];
    roast_rt_slot_retain(kinds[i], r->items[i]);
  }
  free(kinds);
  return r;
}

static RoastTuple *tuple_repeat(const RoastTuple *t, int64_t n) {
  if (n <= 0 || t->length == 0)
    return roast_rt_tuple_new(0, NULL);
  if (n > INT64_MAX / 16 / t->length)
    roast_rt_fatal(ROAST_ERR_MEMORY, "out of memory");
  int64_t total = t->length * n;
  uint8_t *kinds = roast_rt_malloc((size_t)total);
  for (int64_t i = 0; i < total; ++i)
    kinds[i] = roast_rt_tuple_kinds(t)[i % t->length];
  RoastTuple *r = roast_rt_tuple_new(total, kinds);
  for (int64_t i = 0; i < total; ++i) {
    r->items[i] = t->items[i % t->length];
    roast_rt_slot_retain(kinds[i], r->items[i]);
  }
  free(kinds);
  return r;
}

/* seq * n for a str, list or tuple (the object), or 0 with nothing raised
 * when `seq` is not a sequence. */
static RoastValue sequence_repeat(RoastValue seq, RoastValue count, bool inplace,
                                  const RoastWhere *at) {
  uint32_t type = roast_rt_value_type_id(seq);
  if (type != ROAST_TYPE_STR && type != ROAST_TYPE_LIST && type != ROAST_TYPE_TUPLE)
    return 0;
  int64_t n;
  if (!roast_rt_value_int_like(count, &n)) {
    roast_rt_raisef(ROAST_ERR_TYPE, at, "can't multiply sequence by non-int of type '%s'",
                    roast_rt_value_type_name(count));
    return 0;
  }
  RoastObject *o = roast_rt_value_object(seq);
  if (type == ROAST_TYPE_STR) {
    RoastStr *s = roast_rt_str_repeat((RoastStr *)o, n, at->file, at->line, at->fn);
    return roast_rt_exception ? 0 : roast_rt_value_take_object(s);
  }
  if (type == ROAST_TYPE_TUPLE)
    return roast_rt_value_take_object(tuple_repeat((RoastTuple *)o, n));
  RoastList *r = roast_rt_list_repeat((RoastList *)o, n);
  if (!inplace)
    return roast_rt_value_take_object(r);
  /* l *= n changes l itself (others may hold it). */
  RoastList *l = (RoastList *)o;
  roast_rt_list_clear(l);
  roast_rt_list_extend(l, r);
  roast_rt_release(&r->header);
  roast_rt_value_retain(seq);
  return seq;
}

/* The error of a + b when a is a str, list or tuple and b is not the same. */
static RoastValue raise_concat(RoastValue a, RoastValue b, const RoastWhere *at) {
  roast_rt_raisef(ROAST_ERR_TYPE, at, "can only concatenate %s (not \"%s\") to %s",
                  roast_rt_value_type_name(a), roast_rt_value_type_name(b),
                  roast_rt_value_type_name(a));
  return 0;
}

/* a + b for sequences; 0 with nothing raised when neither applies. */
static RoastValue sequence_add(RoastValue a, RoastValue b, bool inplace, const RoastWhere *at) {
  uint32_t ta = roast_rt_value_type_id(a), tb = roast_rt_value_type_id(b);
  RoastObject *x = roast_rt_value_owned(a), *y = roast_rt_value_owned(b);
  if (ta == ROAST_TYPE_LIST && inplace)
    return roast_rt_list_extend_value((RoastList *)x, b, at) ? (roast_rt_value_retain(a), a) : 0;
  if (ta != ROAST_TYPE_STR && ta != ROAST_TYPE_LIST && ta != ROAST_TYPE_TUPLE)
    return 0;
  if (ta != tb) /* instances may still take it through __radd__ */
    return tb == ROAST_TYPE_INSTANCE ? 0 : raise_concat(a, b, at);
  switch (ta) {
  case ROAST_TYPE_STR:
    return roast_rt_value_take_object(roast_rt_str_concat((RoastStr *)x, (RoastStr *)y));
  case ROAST_TYPE_LIST:
    return roast_rt_value_take_object(list_concat((RoastList *)x, (RoastList *)y));
  default: return roast_rt_value_take_object(tuple_concat((RoastTuple *)x, (RoastTuple *)y));
  }
}

/* Whether CPython's type for v has sequence methods (tp_as_sequence). */
static bool is_container(RoastValue v) {
  uint32_t type = roast_rt_value_type_id(v);
  return type == ROAST_TYPE_STR || type == ROAST_TYPE_LIST || type == ROAST_TYPE_TUPLE ||
         type == ROAST_TYPE_DICT || type == ROAST_TYPE_SET;
}

/* ---- Sets and dicts ------------------------------------------------------------------ */

/* A set as one of dynamic values, for operations between sets whose
 * element kinds do not mix (set[str] | set[int] in dynamic code). */
static RoastSet *as_value_set(const RoastSet *s) {
  RoastSet *r = roast_rt_set_new(ROAST_ELEM_VALUE);
  roast_rt_set_update(r, s);
  return r;
}

static RoastValue set_binary(int32_t op, RoastSet *a, RoastSet *b, bool inplace) {
  uint32_t ka = roast_rt_set_kind(a), kb = roast_rt_set_kind(b);
  bool mixes = ka == kb || (number_kind(ka) && number_kind(kb)) || ka == ROAST_ELEM_VALUE;
  if (inplace && mixes) {
    switch (op) {
    case ROAST_BINOP_OR: roast_rt_set_update(a, b); break;
    case ROAST_BINOP_AND: roast_rt_set_intersection_update(a, b); break;
    case ROAST_BINOP_SUB: roast_rt_set_difference_update(a, b); break;
    default: {
      RoastSet *r = roast_rt_set_symmetric_difference(a, b);
      roast_rt_set_clear(a);
      roast_rt_set_update(a, r);
      roast_rt_release(&r->header);
      break;
    }
    }
    roast_rt_retain(&a->header);
    return roast_rt_value_take_object(a);
  }
  RoastSet *va = mixes ? a : as_value_set(a);
  RoastSet *r;
  switch (op) {
  case ROAST_BINOP_OR: r = roast_rt_set_union(va, b); break;
  case ROAST_BINOP_AND: r = roast_rt_set_intersection(va, b); break;
  case ROAST_BINOP_SUB: r = roast_rt_set_difference(va, b); break;
  default: r = roast_rt_set_symmetric_difference(va, b); break;
  }
  if (va != a)
    roast_rt_release(&va->header);
  return roast_rt_value_take_object(r);
}

/* a | b of dicts: a copy of a updated with b (a itself for |=). */
static RoastValue dict_or(RoastDict *a, RoastDict *b, bool inplace) {
  uint32_t ka = a->header.flags & 0xffff, kb = b->header.flags & 0xffff;
  RoastDict *r;
  if (inplace) {
    r = a;
    roast_rt_retain(&a->header);
  } else if (ka == kb) {
    r = roast_rt_dict_copy(a);
  } else {
    r = roast_rt_dict_new(ROAST_ELEM_VALUE, ROAST_ELEM_VALUE);
    roast_rt_dict_update(r, a);
  }
  roast_rt_dict_update(r, b);
  return roast_rt_value_take_object(r);
}

/* a OP b for sets and dicts; 0 with nothing raised when it does not apply. */
static RoastValue collection_binary(int32_t op, RoastValue a, RoastValue b, bool inplace,
                                    const RoastWhere *at) {
  uint32_t ta = roast_rt_value_type_id(a), tb = roast_rt_value_type_id(b);
  if (ta == ROAST_TYPE_DICT && op == ROAST_BINOP_OR && inplace) {
    /* d |= x takes what d.update(x) takes: pairs too. */
    RoastValue r = roast_rt_value_call_method(a, "update", 1, &b, at->file, at->line, at->fn);
    roast_rt_value_release(r);
    return roast_rt_exception ? 0 : (roast_rt_value_retain(a), a);
  }
  if (ta != tb)
    return 0;
  RoastObject *x = roast_rt_value_object(a), *y = roast_rt_value_object(b);
  bool set_op = op == ROAST_BINOP_OR || op == ROAST_BINOP_AND || op == ROAST_BINOP_SUB ||
                op == ROAST_BINOP_XOR;
  if (ta == ROAST_TYPE_SET && set_op)
    return set_binary(op, (RoastSet *)x, (RoastSet *)y, inplace);
  if (ta == ROAST_TYPE_DICT && op == ROAST_BINOP_OR)
    return dict_or((RoastDict *)x, (RoastDict *)y, inplace);
  return 0;
}

/* ---- Operator methods ------------------------------------------------------------------ */

/* a.__iadd__(b), a.__add__(b), then b.__radd__(a), as far as they exist. */
static bool instance_binary(int32_t op, RoastValue a, RoastValue b, bool inplace,
                            RoastValue *result, const RoastWhere *at) {
  if (inplace && roast_rt_value_try_method(a, op_inplace[op], 1, &b, result, at))
    return true;
  if (roast_rt_value_try_method(a, op_methods[op], 1, &b, result, at))
    return true;
  return roast_rt_value_try_method(b, op_reflected[op], 1, &a, result, at);
}

RoastValue roast_rt_value_binary(int32_t op, RoastValue a, RoastValue b, bool inplace,
                                 const char *file, int32_t line, const char *fn) {
  const RoastWhere *at = ROAST_WHERE(file, line, fn);
  RoastValue r = 0;
  if (!valid_op(op))
    return raise_unsupported(op, a, b, inplace, at);
  if (is_number(a) && is_number(b))
    return number_binary(op, a, b, &r, at) ? r : raise_unsupported(op, a, b, inplace, at);
  if (instance_binary(op, a, b, inplace, &r, at))
    return r;
  /* The helpers below return objects, never 0 (+0.0), when they apply. */
  if (op == ROAST_BINOP_ADD) {
    r = sequence_add(a, b, inplace, at);
  } else if (op == ROAST_BINOP_MUL) {
    r = sequence_repeat(a, b, inplace, at);
    /* 3 * [0]; but x *= [0] only when x is no container at all (CPython
     * looks at the right operand's repeat only without a left sequence). */
    if (!r && !roast_rt_exception && !(inplace && is_container(a)))
      r = sequence_repeat(b, a, false, at);
  } else {
    r = collection_binary(op, a, b, inplace, at);
  }
  if (r || roast_rt_exception)
    return r;
  return raise_unsupported(op, a, b, inplace, at);
}

/* ---- Unary operators ------------------------------------------------------------------- */

static const char *const unary_symbols[] = {"-", "+", "~"};
static const char *const unary_methods[] = {"__neg__", "__pos__", "__invert__"};

RoastValue roast_rt_value_unary(int32_t op, RoastValue a, const char *file, int32_t line,
                                const char *fn) {
  const RoastWhere *at = ROAST_WHERE(file, line, fn);
  int64_t i = 0;
  double d = 0;
  uint32_t kind = roast_rt_value_number(a, &i, &d);
  if (op < ROAST_UNOP_NEG || op > ROAST_UNOP_INVERT)
    op = ROAST_UNOP_NEG;
  if (kind == ROAST_ELEM_FLOAT && op != ROAST_UNOP_INVERT)
    return roast_rt_value_from_double(op == ROAST_UNOP_NEG ? -d : d);
  if (kind == ROAST_ELEM_INT || kind == ROAST_ELEM_BOOL) {
    if (op == ROAST_UNOP_POS)
      return roast_rt_value_from_int(i);
    if (op == ROAST_UNOP_INVERT)
      return roast_rt_value_from_int(~i);
    return i == INT64_MIN ? raise_overflow(at) : roast_rt_value_from_int(-i);
  }
  RoastValue r;
  if (roast_rt_value_try_method(a, unary_methods[op], 0, NULL, &r, at))
    return r;
  roast_rt_raisef(ROAST_ERR_TYPE, at, "bad operand type for unary %s: '%s'", unary_symbols[op],
                  roast_rt_value_type_name(a));
  return 0;
}
