/* ValueMethods.c - finding and calling the methods of built-in types (str.upper, list.append ...) on dynamic receivers. */
#include "ListInternal.h"

#include <string.h>

static const RoastMethodDef *table_of(uint32_t type_id) {
  switch (type_id) {
  case ROAST_TYPE_STR: return roast_rt_str_methods;
  case ROAST_TYPE_LIST: return roast_rt_list_methods;
  case ROAST_TYPE_DICT: return roast_rt_dict_methods;
  case ROAST_TYPE_SET: return roast_rt_set_methods;
  case ROAST_TYPE_TUPLE: return roast_rt_tuple_methods;
  default: return NULL;
  }
}

static const RoastMethodDef *find_method(uint32_t type_id, const char *name) {
  const RoastMethodDef *m = table_of(type_id);
  for (; m && m->name; ++m)
    if (strcmp(m->name, name) == 0)
      return m;
  return NULL;
}

const char *roast_rt_builtin_method_name(uint32_t type_id, const char *name) {
  const RoastMethodDef *m = find_method(type_id, name);
  return m ? m->name : NULL;
}

/* TypeError for a wrong argument count, worded as CPython words it for this method. */
static void raise_arity(const RoastMethodDef *m, const char *type, int64_t argc,
                        const RoastWhere *at) {
  long long given = (long long)argc;
  bool few = argc < m->min_args;
  int bound = few ? m->min_args : m->max_args;
  const char *plural = bound == 1 ? "" : "s";
  switch (m->style) {
  case ROAST_ARITY_NOARGS:
    roast_rt_raisef(ROAST_ERR_TYPE, at, "%s.%s() takes no arguments (%lld given)", type, m->name,
                    given);
    return;
  case ROAST_ARITY_ONE:
    roast_rt_raisef(ROAST_ERR_TYPE, at, "%s.%s() takes exactly one argument (%lld given)", type,
                    m->name, given);
    return;
  case ROAST_ARITY_TAKES:
    roast_rt_raisef(ROAST_ERR_TYPE, at, "%s() takes at %s %d argument%s (%lld given)", m->name,
                    few ? "least" : "most", bound, plural, given);
    return;
  case ROAST_ARITY_NO_POSITIONAL:
    roast_rt_raisef(ROAST_ERR_TYPE, at, "%s() takes no positional arguments", m->name);
    return;
  default:
    if (m->min_args == m->max_args)
      roast_rt_raisef(ROAST_ERR_TYPE, at, "%s expected %d argument%s, got %lld", m->name, bound,
                      plural, given);
    else
      roast_rt_raisef(ROAST_ERR_TYPE, at, "%s expected at %s %d argument%s, got %lld", m->name,
                      few ? "least" : "most", bound, plural, given);
    return;
  }
}

RoastValue roast_rt_builtin_method_call(RoastValue self, const char *name, int64_t argc,
                                        const RoastValue *argv, const RoastWhere *at) {
  const RoastMethodDef *m = find_method(roast_rt_value_type_id(self), name);
  if (!m) { /* a bound method outliving nothing: cannot happen, but never crash */
    roast_rt_raisef(ROAST_ERR_ATTRIBUTE, at, "'%s' object has no attribute '%s'",
                    roast_rt_value_type_name(self), name);
    return 0;
  }
  if (argc < m->min_args || (m->max_args >= 0 && argc > m->max_args)) {
    raise_arity(m, roast_rt_value_type_name(self), argc, at);
    return 0;
  }
  return m->fn(roast_rt_value_object(self), argc, argv, at);
}
