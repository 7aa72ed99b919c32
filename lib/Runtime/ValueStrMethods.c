/* ValueStrMethods.c - the str methods dynamic code calls, on the typed runtime's str functions. */
#include "ListInternal.h"

#define SELF ((const RoastStr *)self)
#define UNUSED_ARGS (void)argc, (void)argv, (void)at

static RoastValue str_value(RoastStr *s) { return s ? roast_rt_value_take_object(s) : 0; }

/* argv[i] as a str, or NULL when it is not one. */
static const RoastStr *str_arg(RoastValue v) {
  return roast_rt_value_type_id(v) == ROAST_TYPE_STR ? (const RoastStr *)roast_rt_value_object(v)
                                                     : NULL;
}


/* The optional start and end arguments at argv[first], argv[first + 1]
 * (None or absent: not given) as `which` bits. */
static bool range_args(int64_t argc, const RoastValue *argv, int first, int64_t *start,
                       int64_t *end, int32_t *which, const RoastWhere *at) {
  *which = 0;
  for (int k = 0; k < 2 && first + k < argc; ++k) {
    RoastValue v = argv[first + k];
    if (roast_rt_value_is_none(v))
      continue;
    if (!roast_rt_value_int_like(v, k == 0 ? start : end)) {
      roast_rt_raisef(ROAST_ERR_TYPE, at,
                      "slice indices must be integers or None or have an __index__ method");
      return false;
    }
    *which |= k == 0 ? ROAST_SLICE_START : ROAST_SLICE_STOP;
  }
  return true;
}

static RoastValue str_upper(RoastObject *self, int64_t argc, const RoastValue *argv, const RoastWhere *at) {
  UNUSED_ARGS;
  return str_value(roast_rt_str_upper(SELF));
}
static RoastValue str_lower(RoastObject *self, int64_t argc, const RoastValue *argv, const RoastWhere *at) {
  UNUSED_ARGS;
  return str_value(roast_rt_str_lower(SELF));
}

/* strip / lstrip / rstrip with an optional chars argument (None: whitespace). */
static RoastValue strip_any(RoastObject *self, int64_t argc, const RoastValue *argv,
                            const RoastWhere *at, const char *name,
                            RoastStr *(*plain)(const RoastStr *),
                            RoastStr *(*chars)(const RoastStr *, const RoastStr *)) {
  if (argc == 0 || roast_rt_value_is_none(argv[0]))
    return str_value(plain(SELF));
  const RoastStr *c = str_arg(argv[0]);
  if (!c) {
    roast_rt_raisef(ROAST_ERR_TYPE, at, "%s arg must be None or str", name);
    return 0;
  }
  return str_value(chars(SELF, c));
}
static RoastValue str_strip(RoastObject *self, int64_t argc, const RoastValue *argv, const RoastWhere *at) {
  return strip_any(self, argc, argv, at, "strip", roast_rt_str_strip, roast_rt_str_strip_chars);
}
static RoastValue str_lstrip(RoastObject *self, int64_t argc, const RoastValue *argv, const RoastWhere *at) {
  return strip_any(self, argc, argv, at, "lstrip", roast_rt_str_lstrip, roast_rt_str_lstrip_chars);
}
static RoastValue str_rstrip(RoastObject *self, int64_t argc, const RoastValue *argv, const RoastWhere *at) {
  return strip_any(self, argc, argv, at, "rstrip", roast_rt_str_rstrip, roast_rt_str_rstrip_chars);
}

static RoastValue str_split(RoastObject *self, int64_t argc, const RoastValue *argv, const RoastWhere *at) {
  const RoastStr *sep = NULL;
  int64_t maxsplit = -1;
  if (argc > 0 && !roast_rt_value_is_none(argv[0]) && !(sep = str_arg(argv[0]))) {
    roast_rt_raisef(ROAST_ERR_TYPE, at, "must be str or None, not %s",
                    roast_rt_value_type_name(argv[0]));
    return 0;
  }
  if (argc > 1 && !roast_rt_value_int_arg(argv[1], &maxsplit, at))
    return 0;
  RoastList *l = roast_rt_str_split(SELF, sep, maxsplit, at->file, at->line, at->fn);
  return roast_rt_exception ? 0 : roast_rt_value_take_object(l);
}

/* sep.join(iterable): every item must be a str. */
static RoastValue str_join(RoastObject *self, int64_t argc, const RoastValue *argv, const RoastWhere *at) {
  (void)argc;
  RoastList *items = roast_rt_value_to_list(argv[0], at);
  if (!items)
    return 0;
  RoastList *strs = roast_rt_list_new(items->length, ROAST_ELEM_OBJECT);
  for (int64_t i = 0; i < items->length; ++i) {
    RoastValue item = roast_rt_list_slots(items)[i];
    const RoastStr *s = str_arg(item);
    if (!s) {
      roast_rt_raisef(ROAST_ERR_TYPE, at, "sequence item %lld: expected str instance, %s found",
                      (long long)i, roast_rt_value_type_name(item));
      break;
    }
    roast_rt_list_append(strs, (uint64_t)(uintptr_t)s);
  }
  RoastStr *r = roast_rt_exception ? NULL : roast_rt_str_join(SELF, strs, at->file, at->line, at->fn);
  roast_rt_release(&strs->header);
  roast_rt_release(&items->header);
  return str_value(r);
}

/* startswith / endswith: a str or a tuple of strs, within s[start:end]. */
static RoastValue affix(RoastObject *self, int64_t argc, const RoastValue *argv,
                        const RoastWhere *at, const char *name,
                        bool (*test)(const RoastStr *, const RoastStr *)) {
  int64_t start = 0, end = 0;
  int32_t which;
  if (!range_args(argc, argv, 1, &start, &end, &which, at))
    return 0;
  RoastStr *s = roast_rt_str_slice(SELF, start, end, 1, which, at->file, at->line, at->fn);
  bool found = false, ok = true;
  if (roast_rt_value_type_id(argv[0]) == ROAST_TYPE_TUPLE) {
    const RoastTuple *t = (const RoastTuple *)roast_rt_value_object(argv[0]);
    for (int64_t i = 0; i < t->length && ok && !found; ++i) {
      RoastValue item = roast_rt_value_from_slot(roast_rt_tuple_kinds(t)[i], t->items[i]);
      const RoastStr *p = str_arg(item);
      ok = p != NULL;
      found = ok && test(s, p);
      if (!ok)
        roast_rt_raisef(ROAST_ERR_TYPE, at, "tuple for %s must only contain str, not %s", name,
                        roast_rt_value_type_name(item));
      roast_rt_value_release(item);
    }
  } else if (str_arg(argv[0])) {
    found = test(s, str_arg(argv[0]));
  } else {
    ok = false;
    roast_rt_raisef(ROAST_ERR_TYPE, at, "%s first arg must be str or a tuple of str, not %s", name,
                    roast_rt_value_type_name(argv[0]));
  }
  roast_rt_release(&s->header);
  return ok ? roast_rt_value_from_bool(found) : 0;
}
static RoastValue str_startswith(RoastObject *self, int64_t argc, const RoastValue *argv, const RoastWhere *at) {
  return affix(self, argc, argv, at, "startswith", roast_rt_str_startswith);
}
static RoastValue str_endswith(RoastObject *self, int64_t argc, const RoastValue *argv, const RoastWhere *at) {
  return affix(self, argc, argv, at, "endswith", roast_rt_str_endswith);
}

/* find / index / count: sub within s[start:end]. */
static bool search_args(int64_t argc, const RoastValue *argv, const RoastStr **sub, int64_t *start,
                        int64_t *end, int32_t *which, const RoastWhere *at) {
  if (!(*sub = str_arg(argv[0]))) {
    roast_rt_raisef(ROAST_ERR_TYPE, at, "must be str, not %s", roast_rt_value_type_name(argv[0]));
    return false;
  }
  return range_args(argc, argv, 1, start, end, which, at);
}
static RoastValue str_find(RoastObject *self, int64_t argc, const RoastValue *argv, const RoastWhere *at) {
  const RoastStr *sub;
  int64_t start = 0, end = 0;
  int32_t which;
  if (!search_args(argc, argv, &sub, &start, &end, &which, at))
    return 0;
  return roast_rt_value_from_int(roast_rt_str_find_range(SELF, sub, start, end, which));
}
static RoastValue str_index(RoastObject *self, int64_t argc, const RoastValue *argv, const RoastWhere *at) {
  RoastValue r = str_find(self, argc, argv, at);
  if (roast_rt_exception || roast_rt_value_small_int(r) >= 0)
    return r;
  roast_rt_raisef(ROAST_ERR_VALUE, at, "substring not found");
  return 0;
}
static RoastValue str_count(RoastObject *self, int64_t argc, const RoastValue *argv, const RoastWhere *at) {
  const RoastStr *sub;
  int64_t start = 0, end = 0;
  int32_t which;
  if (!search_args(argc, argv, &sub, &start, &end, &which, at))
    return 0;
  return roast_rt_value_from_int(roast_rt_str_count_range(SELF, sub, start, end, which));
}

/* s.replace(old, new[, count]): a count is new.join(s.split(old, count)),
 * which is the same for a non-empty old. */
static RoastValue str_replace(RoastObject *self, int64_t argc, const RoastValue *argv, const RoastWhere *at) {
  const RoastStr *old = str_arg(argv[0]), *new_sub = str_arg(argv[1]);
  int64_t n = -1;
  if (!old || !new_sub) {
    roast_rt_raisef(ROAST_ERR_TYPE, at, "replace() argument %d must be str, not %s", old ? 2 : 1,
                    roast_rt_value_type_name(argv[old ? 1 : 0]));
    return 0;
  }
  if (argc > 2 && !roast_rt_value_int_arg(argv[2], &n, at))
    return 0;
  if (n < 0 || old->length == 0)
    return str_value(roast_rt_str_replace(SELF, old, new_sub));
  RoastList *pieces = roast_rt_str_split(SELF, old, n, at->file, at->line, at->fn);
  RoastStr *r = roast_rt_str_join(new_sub, pieces, at->file, at->line, at->fn);
  roast_rt_release(&pieces->header);
  return str_value(r);
}

static RoastValue str_isdigit(RoastObject *self, int64_t argc, const RoastValue *argv, const RoastWhere *at) {
  UNUSED_ARGS;
  return roast_rt_value_from_bool(roast_rt_str_isdigit(SELF));
}
static RoastValue str_isalpha(RoastObject *self, int64_t argc, const RoastValue *argv, const RoastWhere *at) {
  UNUSED_ARGS;
  return roast_rt_value_from_bool(roast_rt_str_isalpha(SELF));
}

const RoastMethodDef roast_rt_str_methods[] = {
    {"upper", 0, 0, ROAST_ARITY_NOARGS, str_upper},
    {"lower", 0, 0, ROAST_ARITY_NOARGS, str_lower},
    {"strip", 0, 1, ROAST_ARITY_TAKES, str_strip},
    {"lstrip", 0, 1, ROAST_ARITY_TAKES, str_lstrip},
    {"rstrip", 0, 1, ROAST_ARITY_TAKES, str_rstrip},
    {"split", 0, 2, ROAST_ARITY_TAKES, str_split},
    {"join", 1, 1, ROAST_ARITY_ONE, str_join},
    {"startswith", 1, 3, ROAST_ARITY_TAKES, str_startswith},
    {"endswith", 1, 3, ROAST_ARITY_TAKES, str_endswith},
    {"find", 1, 3, ROAST_ARITY_TAKES, str_find},
    {"index", 1, 3, ROAST_ARITY_TAKES, str_index},
    {"count", 1, 3, ROAST_ARITY_TAKES, str_count},
    {"replace", 2, 3, ROAST_ARITY_EXPECTED, str_replace},
    {"isdigit", 0, 0, ROAST_ARITY_NOARGS, str_isdigit},
    {"isalpha", 0, 0, ROAST_ARITY_NOARGS, str_isalpha},
    {NULL, 0, 0, 0, NULL},
};
