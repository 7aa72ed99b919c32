/* ValueInlineCache.c - the miss paths of inline caches: the uncached operation, then a refill. */
#include "ListInternal.h"

/* The class of an instance value, or NULL for any other value. */
static const RoastClass *class_of(RoastValue v) {
  if (roast_rt_value_type_id(v) != ROAST_TYPE_INSTANCE)
    return NULL;
  return ((const RoastInstance *)roast_rt_value_object(v))->cls;
}

/* Records that instances of cls find the site's member through `data`.
 * The newest class goes first and the older first entry moves second, so
 * a site alternating between two classes keeps both and a site whose
 * class changed for good keeps the new one first (docs/rationale/
 * dynamic-values.md, "Inline caches"). */
static void remember(RoastInlineCache *cache, const RoastClass *cls, intptr_t data) {
  for (int i = 0; i < ROAST_INLINE_CACHE_ENTRIES; ++i)
    if (cache->entries[i].cls == cls) { /* compiled code missed it: a stale copy */
      cache->entries[i].data = data;
      return;
    }
  for (int i = ROAST_INLINE_CACHE_ENTRIES - 1; i > 0; --i)
    cache->entries[i] = cache->entries[i - 1];
  cache->entries[0] = (RoastInlineCacheEntry){cls, data};
}

/* A field compiled code reads and writes inline: a RoastValue slot, which
 * its get and set helpers only load (retained) and store (the old value
 * released); at a read site also a float slot, whose double is the value
 * as its get helper boxes it. Other typed fields box ints and convert
 * stores, which stays in the runtime. */
static void remember_field(RoastInlineCache *cache, RoastValue v, const RoastMember *m,
                           bool read) {
  if (!m || m->kind != ROAST_MEMBER_FIELD)
    return;
  if (m->slot_kind == ROAST_ELEM_VALUE)
    remember(cache, class_of(v), (intptr_t)m->offset);
  else if (read && m->slot_kind == ROAST_ELEM_FLOAT)
    remember(cache, class_of(v), (intptr_t)m->offset | ROAST_INLINE_CACHE_FLOAT_FIELD);
}

RoastValue roast_rt_value_getattr_ic(RoastValue v, const char *name, RoastInlineCache *cache,
                                     const char *file, int32_t line, const char *fn) {
  const RoastMember *m = roast_rt_value_instance_member(v, name);
  remember_field(cache, v, m, true);
  return roast_rt_value_getattr_member(v, m, name, ROAST_WHERE(file, line, fn));
}

bool roast_rt_value_setattr_ic(RoastValue v, const char *name, RoastValue item,
                               RoastInlineCache *cache, const char *file, int32_t line,
                               const char *fn) {
  const RoastMember *m = roast_rt_value_instance_member(v, name);
  remember_field(cache, v, m, false);
  return roast_rt_value_setattr_member(v, m, name, item, ROAST_WHERE(file, line, fn));
}

RoastValue roast_rt_value_call_method_ic(RoastValue v, const char *name, int64_t argc,
                                         const RoastValue *argv, RoastInlineCache *cache,
                                         const char *file, int32_t line, const char *fn) {
  const RoastMember *m = roast_rt_value_instance_member(v, name);
  /* Compiled code calls the entry with the site's arguments and no
   * padding, so only a method taking exactly those (no default used, no
   * arity error to raise) is cached. */
  if (m && m->kind == ROAST_MEMBER_METHOD && m->call && m->call->min_args <= argc + 1 &&
      m->call->max_args == argc + 1)
    remember(cache, class_of(v), (intptr_t)m->call->entry);
  return roast_rt_value_call_method_member(v, m, name, argc, argv, ROAST_WHERE(file, line, fn));
}
