/* ValueBuiltins.c - the built-in functions (abs, int, sorted, sum, round ...) applied to dynamic arguments. */
#include "HashTableInternal.h"

#include <math.h>
#include <stdlib.h>

typedef RoastValue (*BuiltinFn)(int64_t argc, const RoastValue *argv, const RoastWhere *at);

static RoastValue object_value(void *o) { return o ? roast_rt_value_take_object(o) : 0; }

static const RoastStr *str_of(RoastValue v) {
  return roast_rt_value_type_id(v) == ROAST_TYPE_STR ? (const RoastStr *)roast_rt_value_object(v)
                                                     : NULL;
}

/* ---- Numbers ------------------------------------------------------------------------------ */

static RoastValue builtin_abs(int64_t argc, const RoastValue *argv, const RoastWhere *at) {
  (void)argc;
  int64_t i = 0;
  double d = 0;
  switch (roast_rt_value_number(argv[0], &i, &d)) {
  case ROAST_ELEM_FLOAT: return roast_rt_value_from_double(fabs(d));
  case ROAST_ELEM_INT:
  case ROAST_ELEM_BOOL:
    if (i != INT64_MIN)
      return roast_rt_value_from_int(i < 0 ? -i : i);
    roast_rt_raisef(ROAST_ERR_OVERFLOW, at, "integer overflow");
    return 0;
  default: break;
  }
  RoastValue r;
  if (roast_rt_value_try_method(argv[0], "__abs__", 0, NULL, &r, at))
    return r;
  roast_rt_raisef(ROAST_ERR_TYPE, at, "bad operand type for abs(): '%s'",
                  roast_rt_value_type_name(argv[0]));
  return 0;
}

/* int(s, base) for any base CPython takes: whitespace, a sign, a prefix
 * (0x, 0o, 0b) that matches the base (or picks it for base 0), digits with
 * single underscores between them (and after a prefix: "0x_1f"). */
enum ParseResult { PARSE_OK, PARSE_INVALID, PARSE_OVERFLOW };

static bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

/* The base a prefix at p selects (0: none that applies); skips it. */
static int take_prefix(const char **p, const char *end, int base) {
  if (end - *p < 2 || (*p)[0] != '0')
    return 0;
  char x = (char)((*p)[1] | 0x20);
  int prefix_base = x == 'x' ? 16 : x == 'o' ? 8 : x == 'b' ? 2 : 0;
  if (!prefix_base || (base != 0 && base != prefix_base))
    return 0;
  *p += 2;
  return prefix_base;
}

static int digit_value(char c) {
  char lower = (char)(c | 0x20);
  return c >= '0' && c <= '9' ? c - '0' : lower >= 'a' && lower <= 'z' ? lower - 'a' + 10 : 99;
}

static enum ParseResult parse_int(const RoastStr *s, int base, int64_t *out) {
  const char *p = s->data, *end = s->data + s->length;
  while (p < end && is_space(*p))
    ++p;
  while (end > p && is_space(end[-1]))
    --end;
  bool negative = p < end && *p == '-';
  if (p < end && (*p == '-' || *p == '+'))
    ++p;
  int prefix_base = take_prefix(&p, end, base);
  bool zero_only = base == 0 && !prefix_base; /* base 0: "010" is no literal */
  base = prefix_base ? prefix_base : base == 0 ? 10 : base;
  uint64_t magnitude = 0, limit = negative ? UINT64_C(1) << 63 : INT64_MAX;
  bool digits = false, underscore_ok = prefix_base != 0, overflow = false, leading_zero = false;
  for (; p < end; ++p) {
    if (*p == '_') {
      if (!underscore_ok)
        return PARSE_INVALID;
      underscore_ok = false;
      continue;
    }
    int d = digit_value(*p);
    if (d >= base || (zero_only && leading_zero && d != 0))
      return PARSE_INVALID;
    leading_zero = leading_zero || (!digits && d == 0);
    if (magnitude > (limit - (uint64_t)d) / (uint64_t)base)
      overflow = true;
    else
      magnitude = magnitude * (uint64_t)base + (uint64_t)d;
    digits = underscore_ok = true;
  }
  if (!digits || !underscore_ok)
    return PARSE_INVALID;
  *out = negative ? (int64_t)(0 - magnitude) : (int64_t)magnitude;
  return overflow ? PARSE_OVERFLOW : PARSE_OK;
}

/* int(v, base): the base is checked first, as CPython does. */
static RoastValue int_from_str_base(RoastValue value, RoastValue base_value,
                                    const RoastWhere *at) {
  int64_t base, v = 0;
  if (!roast_rt_value_int_arg(base_value, &base, at))
    return 0;
  if (base != 0 && (base < 2 || base > 36)) {
    roast_rt_raisef(ROAST_ERR_VALUE, at, "int() base must be >= 2 and <= 36, or 0");
    return 0;
  }
  const RoastStr *s = str_of(value);
  if (!s) {
    roast_rt_raisef(ROAST_ERR_TYPE, at, "int() can't convert non-string with explicit base");
    return 0;
  }
  switch (parse_int(s, (int)base, &v)) {
  case PARSE_OK: return roast_rt_value_from_int(v);
  case PARSE_OVERFLOW: /* Roast's ints stop at 64 bits */
    roast_rt_raisef(ROAST_ERR_OVERFLOW, at, "integer overflow");
    return 0;
  default: {
    RoastStr *r = roast_rt_str_repr(s);
    roast_rt_raisef(ROAST_ERR_VALUE, at, "invalid literal for int() with base %d: %.*s", (int)base,
                    (int)(r->length > 400 ? 400 : r->length), r->data);
    roast_rt_release(&r->header);
    return 0;
  }
  }
}

static RoastValue builtin_int(int64_t argc, const RoastValue *argv, const RoastWhere *at) {
  if (argc == 0)
    return roast_rt_value_from_int(0);
  const RoastStr *s = str_of(argv[0]);
  if (argc == 2)
    return int_from_str_base(argv[0], argv[1], at);
  int64_t i = 0;
  double d = 0;
  switch (roast_rt_value_number(argv[0], &i, &d)) {
  case ROAST_ELEM_INT:
  case ROAST_ELEM_BOOL: return roast_rt_value_from_int(i);
  case ROAST_ELEM_FLOAT: i = roast_rt_float_to_int(d, at->file, at->line, at->fn); break;
  default:
    if (!s) {
      roast_rt_raisef(ROAST_ERR_TYPE, at,
                      "int() argument must be a string, a bytes-like object or a real number, "
                      "not '%s'",
                      roast_rt_value_type_name(argv[0]));
      return 0;
    }
    i = roast_rt_str_to_int(s, at->file, at->line, at->fn);
    break;
  }
  return roast_rt_exception ? 0 : roast_rt_value_from_int(i);
}

static RoastValue builtin_float(int64_t argc, const RoastValue *argv, const RoastWhere *at) {
  if (argc == 0)
    return roast_rt_value_from_double(0.0);
  int64_t i = 0;
  double d = 0;
  switch (roast_rt_value_number(argv[0], &i, &d)) {
  case ROAST_ELEM_FLOAT: return roast_rt_value_from_double(d);
  case ROAST_ELEM_INT:
  case ROAST_ELEM_BOOL: return roast_rt_value_from_double((double)i);
  default: break;
  }
  const RoastStr *s = str_of(argv[0]);
  if (!s) {
    roast_rt_raisef(ROAST_ERR_TYPE, at, "float() argument must be a string or a real number, not '%s'",
                    roast_rt_value_type_name(argv[0]));
    return 0;
  }
  d = roast_rt_str_to_float(s, at->file, at->line, at->fn);
  return roast_rt_exception ? 0 : roast_rt_value_from_double(d);
}

static RoastValue builtin_bool(int64_t argc, const RoastValue *argv, const RoastWhere *at) {
  if (argc == 0)
    return ROAST_VALUE_FALSE;
  int32_t truth = roast_rt_value_truth(argv[0], at->file, at->line, at->fn);
  return truth < 0 ? 0 : roast_rt_value_from_bool(truth);
}

/* round(int, ndigits < 0): to a multiple of 10^-ndigits, halves to even. */
static RoastValue round_int(int64_t x, int64_t ndigits, const RoastWhere *at) {
  if (ndigits >= 0)
    return roast_rt_value_from_int(x);
  if (ndigits < -18)
    return roast_rt_value_from_int(0);
  int64_t p = 1;
  for (int64_t k = 0; k < -ndigits; ++k)
    p *= 10;
  int64_t q = x / p, r = x % p;
  if (r < 0)
    r += p, --q;
  if (2 * r > p || (2 * r == p && (q & 1)))
    ++q;
  int64_t result;
  if (__builtin_mul_overflow(q, p, &result)) {
    roast_rt_raisef(ROAST_ERR_OVERFLOW, at, "integer overflow");
    return 0;
  }
  return roast_rt_value_from_int(result);
}

static RoastValue builtin_round(int64_t argc, const RoastValue *argv, const RoastWhere *at) {
  int64_t i = 0, ndigits = 0;
  double d = 0;
  uint32_t kind = roast_rt_value_number(argv[0], &i, &d);
  bool has_digits = argc > 1 && !roast_rt_value_is_none(argv[1]);
  if (kind && has_digits && !roast_rt_value_int_arg(argv[1], &ndigits, at))
    return 0;
  switch (kind) {
  case ROAST_ELEM_INT:
  case ROAST_ELEM_BOOL: return round_int(i, has_digits ? ndigits : 0, at);
  case ROAST_ELEM_FLOAT:
    if (has_digits)
      return roast_rt_value_from_double(roast_rt_float_round_digits(d, ndigits));
    i = roast_rt_float_round(d, at->file, at->line, at->fn);
    return roast_rt_exception ? 0 : roast_rt_value_from_int(i);
  default:
    roast_rt_raisef(ROAST_ERR_TYPE, at, "type %s doesn't define __round__ method",
                    roast_rt_value_type_name(argv[0]));
    return 0;
  }
}

/* ---- Strings -------------------------------------------------------------------------------- */

static RoastValue builtin_len(int64_t argc, const RoastValue *argv, const RoastWhere *at) {
  (void)argc;
  int64_t n = roast_rt_value_len(argv[0], at->file, at->line, at->fn);
  return n < 0 ? 0 : roast_rt_value_from_int(n);
}

static RoastValue builtin_str(int64_t argc, const RoastValue *argv, const RoastWhere *at) {
  (void)at;
  return object_value(argc == 0 ? roast_rt_str_empty() : roast_rt_value_str(argv[0]));
}

static RoastValue builtin_repr(int64_t argc, const RoastValue *argv, const RoastWhere *at) {
  (void)argc, (void)at;
  return object_value(roast_rt_value_repr(argv[0]));
}

static RoastValue builtin_ord(int64_t argc, const RoastValue *argv, const RoastWhere *at) {
  (void)argc;
  const RoastStr *s = str_of(argv[0]);
  if (!s) {
    roast_rt_raisef(ROAST_ERR_TYPE, at, "ord() expected string of length 1, but %s found",
                    roast_rt_value_type_name(argv[0]));
    return 0;
  }
  int64_t cp = roast_rt_str_ord(s, at->file, at->line, at->fn);
  return roast_rt_exception ? 0 : roast_rt_value_from_int(cp);
}

static RoastValue builtin_chr(int64_t argc, const RoastValue *argv, const RoastWhere *at) {
  (void)argc;
  int64_t cp;
  if (!roast_rt_value_int_arg(argv[0], &cp, at))
    return 0;
  return object_value(roast_rt_str_chr(cp, at->file, at->line, at->fn));
}

static RoastValue builtin_hash(int64_t argc, const RoastValue *argv, const RoastWhere *at) {
  (void)argc;
  int64_t h = roast_rt_value_hash(argv[0], at->file, at->line, at->fn);
  return roast_rt_exception ? 0 : roast_rt_value_from_int(h);
}

static RoastValue builtin_type(int64_t argc, const RoastValue *argv, const RoastWhere *at) {
  (void)argc, (void)at;
  return roast_rt_value_type_object(argv[0]);
}

/* ---- Containers ------------------------------------------------------------------------------- */

static RoastValue builtin_list(int64_t argc, const RoastValue *argv, const RoastWhere *at) {
  if (argc == 0)
    return object_value(roast_rt_list_new(0, ROAST_ELEM_VALUE));
  return object_value(roast_rt_value_to_list(argv[0], at));
}

static RoastValue builtin_tuple(int64_t argc, const RoastValue *argv, const RoastWhere *at) {
  RoastList *items = argc ? roast_rt_value_to_list(argv[0], at) : roast_rt_list_new(0, ROAST_ELEM_VALUE);
  if (!items)
    return 0;
  uint8_t *kinds = roast_rt_malloc((size_t)items->length + 1);
  memset(kinds, ROAST_ELEM_VALUE, (size_t)items->length);
  RoastTuple *t = roast_rt_tuple_new(items->length, kinds);
  free(kinds);
  /* The tuple takes over the list's references; the list is then freed empty. */
  memcpy(t->items, items->items, (size_t)items->length * sizeof(uint64_t));
  items->length = 0;
  roast_rt_release(&items->header);
  return roast_rt_value_take_object(t);
}

static RoastValue builtin_set(int64_t argc, const RoastValue *argv, const RoastWhere *at) {
  RoastSet *s = roast_rt_set_new(ROAST_ELEM_VALUE);
  if (argc == 0)
    return roast_rt_value_take_object(s);
  RoastList *items = roast_rt_value_to_list(argv[0], at);
  for (int64_t i = 0; items && i < items->length && !roast_rt_exception; ++i)
    roast_rt_set_add_value(s, roast_rt_list_slots(items)[i], at);
  if (items)
    roast_rt_release(&items->header);
  if (!roast_rt_exception)
    return roast_rt_value_take_object(s);
  roast_rt_release(&s->header);
  return 0;
}

static RoastValue builtin_dict(int64_t argc, const RoastValue *argv, const RoastWhere *at) {
  RoastValue d = roast_rt_value_take_object(roast_rt_dict_new(ROAST_ELEM_VALUE, ROAST_ELEM_VALUE));
  if (argc == 0)
    return d;
  RoastValue r = roast_rt_value_call_method(d, "update", 1, argv, at->file, at->line, at->fn);
  roast_rt_value_release(r);
  if (!roast_rt_exception)
    return d;
  roast_rt_value_release(d);
  return 0;
}

static RoastValue builtin_sorted(int64_t argc, const RoastValue *argv, const RoastWhere *at) {
  (void)argc;
  RoastList *l = roast_rt_value_to_list(argv[0], at);
  if (l)
    roast_rt_list_sort(l, 0, at->file, at->line, at->fn);
  if (l && roast_rt_exception) {
    roast_rt_release(&l->header);
    return 0;
  }
  return object_value(l);
}

/* min / max of one iterable, or of two or more arguments. */
static RoastValue extreme(int64_t argc, const RoastValue *argv, int32_t want_max,
                          const RoastWhere *at) {
  RoastList *items;
  if (argc == 1) {
    items = roast_rt_value_to_list(argv[0], at);
    if (!items)
      return 0;
  } else {
    items = roast_rt_list_new(argc, ROAST_ELEM_VALUE);
    for (int64_t i = 0; i < argc; ++i)
      roast_rt_list_append(items, argv[i]);
  }
  RoastValue best = roast_rt_list_extreme(items, want_max, at->file, at->line, at->fn);
  if (!roast_rt_exception)
    roast_rt_value_retain(best);
  roast_rt_release(&items->header);
  return roast_rt_exception ? 0 : best;
}
static RoastValue builtin_min(int64_t argc, const RoastValue *argv, const RoastWhere *at) {
  return extreme(argc, argv, 0, at);
}
static RoastValue builtin_max(int64_t argc, const RoastValue *argv, const RoastWhere *at) {
  return extreme(argc, argv, 1, at);
}

static RoastValue builtin_sum(int64_t argc, const RoastValue *argv, const RoastWhere *at) {
  RoastValue start = argc > 1 ? argv[1] : roast_rt_value_from_int(0);
  RoastList *items = roast_rt_value_to_list(argv[0], at);
  if (!items)
    return 0;
  if (roast_rt_value_type_id(start) == ROAST_TYPE_STR) {
    roast_rt_raisef(ROAST_ERR_TYPE, at, "sum() can't sum strings [use ''.join(seq) instead]");
    roast_rt_release(&items->header);
    return 0;
  }
  RoastValue r = roast_rt_sum_values(items, start, at);
  roast_rt_release(&items->header);
  return r;
}

/* ---- Dispatch ------------------------------------------------------------------------------------ */

/* How CPython words a wrong argument count for each built-in. */
enum { ONE, EXPECTED, TAKES, SPECIAL };

typedef struct BuiltinDef {
  const char *name;
  int8_t min_args, max_args, style;
  BuiltinFn fn;
} BuiltinDef;

static const BuiltinDef defs[ROAST_BUILTIN_COUNT] = {
    [ROAST_BUILTIN_ABS] = {"abs", 1, 1, ONE, builtin_abs},
    [ROAST_BUILTIN_LEN] = {"len", 1, 1, ONE, builtin_len},
    [ROAST_BUILTIN_STR] = {"str", 0, 1, TAKES, builtin_str},
    [ROAST_BUILTIN_REPR] = {"repr", 1, 1, ONE, builtin_repr},
    [ROAST_BUILTIN_INT] = {"int", 0, 2, TAKES, builtin_int},
    [ROAST_BUILTIN_FLOAT] = {"float", 0, 1, EXPECTED, builtin_float},
    [ROAST_BUILTIN_BOOL] = {"bool", 0, 1, EXPECTED, builtin_bool},
    [ROAST_BUILTIN_LIST] = {"list", 0, 1, EXPECTED, builtin_list},
    [ROAST_BUILTIN_TUPLE] = {"tuple", 0, 1, EXPECTED, builtin_tuple},
    [ROAST_BUILTIN_SET] = {"set", 0, 1, EXPECTED, builtin_set},
    [ROAST_BUILTIN_DICT] = {"dict", 0, 1, EXPECTED, builtin_dict},
    [ROAST_BUILTIN_SORTED] = {"sorted", 1, 1, EXPECTED, builtin_sorted},
    [ROAST_BUILTIN_MIN] = {"min", 1, -1, EXPECTED, builtin_min},
    [ROAST_BUILTIN_MAX] = {"max", 1, -1, EXPECTED, builtin_max},
    [ROAST_BUILTIN_SUM] = {"sum", 1, 2, SPECIAL, builtin_sum},
    [ROAST_BUILTIN_ORD] = {"ord", 1, 1, ONE, builtin_ord},
    [ROAST_BUILTIN_CHR] = {"chr", 1, 1, ONE, builtin_chr},
    [ROAST_BUILTIN_HASH] = {"hash", 1, 1, ONE, builtin_hash},
    [ROAST_BUILTIN_TYPE] = {"type", 1, 1, SPECIAL, builtin_type},
    [ROAST_BUILTIN_ROUND] = {"round", 1, 2, SPECIAL, builtin_round},
};

static void raise_arity(const BuiltinDef *b, int64_t argc, const RoastWhere *at) {
  bool few = argc < b->min_args;
  int bound = few ? b->min_args : b->max_args;
  const char *s = bound == 1 ? "" : "s", *side = few ? "least" : "most";
  long long given = (long long)argc;
  if (b->style == ONE)
    roast_rt_raisef(ROAST_ERR_TYPE, at, "%s() takes exactly one argument (%lld given)", b->name, given);
  else if (b->style == TAKES || (b->style == SPECIAL && !few && b->fn != builtin_type))
    roast_rt_raisef(ROAST_ERR_TYPE, at, "%s() takes at %s %d argument%s (%lld given)", b->name, side,
                    bound, s, given);
  else if (b->fn == builtin_sum)
    roast_rt_raisef(ROAST_ERR_TYPE, at, "sum() takes at least 1 positional argument (0 given)");
  else if (b->fn == builtin_round)
    roast_rt_raisef(ROAST_ERR_TYPE, at, "round() missing required argument 'number' (pos 1)");
  else if (b->fn == builtin_type)
    roast_rt_raisef(ROAST_ERR_TYPE, at, "type() takes 1 or 3 arguments");
  else if (b->min_args == b->max_args)
    roast_rt_raisef(ROAST_ERR_TYPE, at, "%s expected %d argument%s, got %lld", b->name, bound, s, given);
  else
    roast_rt_raisef(ROAST_ERR_TYPE, at, "%s expected at %s %d argument%s, got %lld", b->name, side,
                    bound, s, given);
}

RoastValue roast_rt_builtin_call(int32_t which, int64_t argc, const RoastValue *argv,
                                 const char *file, int32_t line, const char *fn) {
  const RoastWhere *at = ROAST_WHERE(file, line, fn);
  if (which < 0 || which >= ROAST_BUILTIN_COUNT) {
    roast_rt_raisef(ROAST_ERR_TYPE, at, "unknown built-in %d", (int)which); /* a compiler bug */
    return 0;
  }
  const BuiltinDef *b = &defs[which];
  if (argc < b->min_args || (b->max_args >= 0 && argc > b->max_args)) {
    raise_arity(b, argc, at);
    return 0;
  }
  return b->fn(argc, argv, at);
}
