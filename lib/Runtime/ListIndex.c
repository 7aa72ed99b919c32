/* ListIndex.c - l[i], l[i] = x, del l[i], pop, l[start:stop:step] and slice assignment. */
#include "ListInternal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* index as a position in l (negative counts from the end), or -1 if out of
 * range.  Cannot overflow: length >= 0. */
static int64_t position(const RoastList *l, int64_t index) {
  if (index < 0)
    index += l->length;
  return index >= 0 && index < l->length ? index : -1;
}

uint64_t roast_rt_list_get(const RoastList *l, int64_t index, const char *file, int32_t line,
                           const char *fn) {
  int64_t i = position(l, index);
  if (i < 0) {
    roast_rt_raise(ROAST_ERR_INDEX, "list index out of range", file, line, fn);
    return 0;
  }
  return roast_rt_list_load(l, i);
}

void roast_rt_list_set(RoastList *l, int64_t index, uint64_t item, const char *file, int32_t line,
                       const char *fn) {
  int64_t i = position(l, index);
  if (i < 0) {
    roast_rt_raise(ROAST_ERR_INDEX, "list assignment index out of range", file, line, fn);
    return;
  }
  uint64_t old = roast_rt_list_load(l, i);
  roast_rt_list_store(l, i, item);
  /* Retain before releasing: item may be the very object it replaces. */
  roast_rt_slot_retain(roast_rt_list_kind(l), item);
  roast_rt_slot_release(roast_rt_list_kind(l), old);
}

/* Remove the slot at position i, returning it with the list's reference. */
static uint64_t take(RoastList *l, int64_t i) {
  uint64_t item = roast_rt_list_load(l, i);
  roast_rt_list_move(l, i, i + 1, l->length - i - 1);
  --l->length;
  roast_rt_list_shrink(l);
  return item;
}

uint64_t roast_rt_list_pop(RoastList *l, int64_t index, int32_t has_index, const char *file,
                           int32_t line, const char *fn) {
  /* CPython reports an empty list first, whatever the index. */
  if (l->length == 0) {
    roast_rt_raise(ROAST_ERR_INDEX, "pop from empty list", file, line, fn);
    return 0;
  }
  int64_t i = has_index ? position(l, index) : l->length - 1;
  if (i < 0) {
    roast_rt_raise(ROAST_ERR_INDEX, "pop index out of range", file, line, fn);
    return 0;
  }
  return take(l, i);
}

void roast_rt_list_del_item(RoastList *l, int64_t index, const char *file, int32_t line,
                            const char *fn) {
  int64_t i = position(l, index);
  if (i < 0) {
    roast_rt_raise(ROAST_ERR_INDEX, "list assignment index out of range", file, line, fn);
    return;
  }
  uint64_t item = take(l, i);
  /* Released once the list is consistent again. */
  roast_rt_slot_release(roast_rt_list_kind(l), item);
}

/* ---- Slices ---------------------------------------------------------------------- */

RoastList *roast_rt_list_slice(const RoastList *l, int64_t start, int64_t stop, int64_t step,
                               int32_t which, const char *file, int32_t line, const char *fn) {
  int64_t count = roast_rt_slice_indices(l->length, &start, &stop, &step, which, file, line, fn);
  if (roast_rt_exception)
    return NULL;
  uint32_t kind = roast_rt_list_kind(l);
  /* Always a new list, even for l[:]: lists are mutable, unlike strs. */
  RoastList *r = roast_rt_list_new(count, kind);
  if (count <= 0)
    return r;
  if (step == 1) {
    roast_rt_list_copy_raw(r, 0, l, start, count);
  } else {
    /* start + k * step, not a running sum: that would overflow past the
     * last item for huge steps. */
    for (int64_t k = 0; k < count; ++k)
      roast_rt_list_store(r, k, roast_rt_list_load(l, start + k * step));
  }
  roast_rt_list_retain_range(r, 0, count);
  r->length = count;
  return r;
}

/* l[start:stop] = values (step 1): the range is replaced whatever the two
 * sizes (CPython's list_ass_slice).  The replaced slots go to garbage, if
 * given. */
static void assign_range(RoastList *l, int64_t start, int64_t stop, const RoastList *values,
                         uint64_t *garbage) {
  if (stop < start)
    stop = start; /* l[5:2] = v inserts at 5 */
  int64_t removed = stop - start, added = values->length, tail = l->length - stop;
  if (garbage)
    roast_rt_list_to_slots(l, start, removed, garbage);
  if (added > removed)
    roast_rt_list_reserve(l, l->length - removed + added);
  roast_rt_list_move(l, start + added, stop, tail);
  roast_rt_list_copy_in(l, start, values, 0, added);
  l->length += added - removed;
  if (added < removed)
    roast_rt_list_shrink(l);
}

void roast_rt_list_slice_assign(RoastList *l, int64_t start, int64_t stop, int64_t step,
                                int32_t which, const RoastList *values, const char *file,
                                int32_t line, const char *fn) {
  int64_t count = roast_rt_slice_indices(l->length, &start, &stop, &step, which, file, line, fn);
  if (roast_rt_exception)
    return;
  if (step != 1 && values->length != count) {
    char message[128];
    snprintf(message, sizeof message,
             "attempt to assign sequence of size %lld to extended slice of size %lld",
             (long long)values->length, (long long)count);
    roast_rt_raise(ROAST_ERR_VALUE, message, file, line, fn);
    return; /* l is untouched */
  }
  /* l[::-1] = l and l[1:2] = l read l while writing it: assign from a
   * snapshot instead, as CPython does. */
  RoastList *snapshot = values == l ? roast_rt_list_copy(l) : NULL;
  if (snapshot)
    values = snapshot;
  uint32_t kind = roast_rt_list_kind(l);
  /* The replaced objects are released only once the list is consistent
   * again; numbers need no such list. */
  int64_t replaced = step == 1 ? (stop > start ? stop - start : 0) : count;
  uint64_t small[16], *garbage = NULL;
  if (roast_rt_kind_owns(kind))
    garbage = replaced <= 16 ? small : roast_rt_malloc((size_t)replaced * sizeof(uint64_t));
  if (step == 1) {
    assign_range(l, start, stop, values, garbage);
  } else {
    uint32_t from = roast_rt_list_kind(values);
    for (int64_t k = 0; k < count; ++k) {
      int64_t i = start + k * step; /* no running sum: see roast_rt_list_slice */
      uint64_t item = roast_rt_slot_convert_owned(roast_rt_list_load(values, k), from, kind,
                                                  ROAST_WHERE(file, line, fn));
      if (garbage)
        garbage[k] = roast_rt_list_load(l, i);
      roast_rt_list_store(l, i, item);
    }
  }
  if (garbage) {
    roast_rt_slots_release(kind, garbage, replaced);
    if (garbage != small)
      free(garbage);
  }
  if (snapshot)
    roast_rt_release(&snapshot->header);
}
