/* StrIndex.c - s[i] and s[start:stop:step], counting code points. */
#include "StrInternal.h"

#include <stdlib.h>
#include <string.h>

RoastStr *roast_rt_str_getitem(const RoastStr *s, int64_t index, const char *file, int32_t line,
                               const char *fn) {
  bool ascii = roast_rt_str_is_ascii(s);
  int64_t n = ascii ? s->length : roast_rt_utf8_count(s->data, (size_t)s->length);
  if (index < 0)
    index += n; /* cannot overflow: n >= 0 */
  if (index < 0 || index >= n) {
    roast_rt_raise(ROAST_ERR_INDEX, "string index out of range", file, line, fn);
    return NULL;
  }
  if (ascii)
    return roast_rt_str_ascii_char(s->data[index]);
  size_t start = roast_rt_utf8_offset(s->data, (size_t)s->length, index);
  size_t end = roast_rt_utf8_next(s->data, (size_t)s->length, start);
  return roast_rt_str_from_bytes(s->data + start, (int64_t)(end - start), end - start == 1);
}

/* The slice of a non-ASCII str with a step other than 1: walk the code
 * points from start, |step| at a time (backwards for a negative step; UTF-8
 * can be walked either way), copying one code point per item.  Every byte
 * is visited at most once, so this is linear in the length. */
static RoastStr *slice_stepped(const RoastStr *s, int64_t start, int64_t step, int64_t count) {
  const char *data = s->data;
  size_t n = (size_t)s->length;
  /* Each item takes at most 4 bytes, and no byte of s is taken twice. */
  int64_t capacity = count <= s->length / 4 ? count * 4 : s->length;
  RoastStr *r = roast_rt_str_alloc(capacity);
  char *out = r->data;
  size_t pos = roast_rt_utf8_offset(data, n, start);
  for (int64_t k = 0;;) {
    size_t end = roast_rt_utf8_next(data, n, pos);
    memcpy(out, data + pos, end - pos);
    out += end - pos;
    if (++k == count)
      break;
    if (step > 0) {
      pos += roast_rt_utf8_offset(data + pos, n - pos, step);
    } else {
      for (int64_t back = step; back < 0; ++back)
        pos = roast_rt_utf8_prev(data, pos);
    }
  }
  int64_t used = out - r->data;
  if (used < capacity) {
    /* Give back what the 4-bytes-per-item estimate overshot. */
    RoastStr *shrunk = roast_rt_str_alloc(used);
    memcpy(shrunk->data, r->data, (size_t)used);
    roast_rt_object_free(r, roast_rt_str_size(r->length));
    r = shrunk;
  }
  return roast_rt_str_seal(r); /* the picked code points may all be ASCII */
}

RoastStr *roast_rt_str_slice(const RoastStr *s, int64_t start, int64_t stop, int64_t step,
                             int32_t which, const char *file, int32_t line, const char *fn) {
  bool ascii = roast_rt_str_is_ascii(s);
  int64_t length = ascii ? s->length : roast_rt_utf8_count(s->data, (size_t)s->length);
  int64_t count = roast_rt_slice_indices(length, &start, &stop, &step, which, file, line, fn);
  if (roast_rt_exception)
    return NULL;
  if (count <= 0)
    return roast_rt_str_empty();
  if (step == 1 && count == length)
    return roast_rt_str_share(s); /* s[:] is s, as in CPython */
  if (ascii) {
    if (step == 1)
      return roast_rt_str_from_bytes(s->data + start, count, true);
    if (count == 1)
      return roast_rt_str_ascii_char(s->data[start]);
    RoastStr *r = roast_rt_str_alloc(count);
    for (int64_t k = 0, i = start; k < count; ++k, i += step)
      r->data[k] = s->data[i];
    return roast_rt_str_seal_as(r, true);
  }
  if (step == 1) {
    size_t n = (size_t)s->length;
    size_t begin = roast_rt_utf8_offset(s->data, n, start);
    size_t end = begin + roast_rt_utf8_offset(s->data + begin, n - begin, count);
    RoastStr *r = roast_rt_str_alloc((int64_t)(end - begin));
    memcpy(r->data, s->data + begin, end - begin);
    return roast_rt_str_seal(r);
  }
  return slice_stepped(s, start, step, count);
}
