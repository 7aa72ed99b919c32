/* StrSplitJoin.c - str.split() and str.join(): between strs and lists. */
#include "ListInternal.h"

/* Appends data[begin, end) as a new str to `out` (the list takes it); the
 * pieces of an ASCII str are ASCII, which spares scanning them again. */
static void append_piece(RoastList *out, const char *data, size_t begin, size_t end,
                         bool ascii) {
  RoastStr *piece = ascii ? roast_rt_str_from_bytes(data + begin, (int64_t)(end - begin), true)
                          : roast_rt_str_new(data + begin, (int64_t)(end - begin));
  if (out->length == out->capacity)
    roast_rt_list_reserve(out, out->length + 1);
  roast_rt_list_store(out, out->length++, (uint64_t)(uintptr_t)piece); /* the list's reference */
}

/* Whether the code point at data[*i] is whitespace, advancing *i past it.
 * ASCII takes a fast path (Python's isspace: \t-\r, \x1c-\x1f, space). */
static bool space_at(const char *data, size_t n, size_t *i) {
  unsigned char c = (unsigned char)data[*i];
  if (c < 0x80) {
    ++*i;
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
  }
  return roast_rt_unicode_isspace(roast_rt_utf8_decode(data, n, i));
}

/* s.split(): runs of Unicode whitespace separate, and none at either end
 * makes an empty piece. */
static void split_whitespace(const RoastStr *s, int64_t maxsplit, RoastList *out) {
  const char *data = s->data;
  bool ascii = roast_rt_str_is_ascii(s);
  size_t n = (size_t)s->length, i = 0;
  while (i < n) {
    size_t at = i;
    while (i < n) { /* skip whitespace */
      size_t next = i;
      if (!space_at(data, n, &next))
        break;
      i = next;
    }
    if (i == n)
      break;
    at = i;
    if (maxsplit >= 0 && out->length == maxsplit) { /* the rest, as it is */
      append_piece(out, data, at, n, ascii);
      return;
    }
    while (i < n) { /* the word */
      size_t next = i;
      if (space_at(data, n, &next))
        break;
      i = next;
    }
    append_piece(out, data, at, i, ascii);
  }
}

RoastList *roast_rt_str_split(const RoastStr *s, const RoastStr *sep, int64_t maxsplit,
                              const char *file, int32_t line, const char *fn) {
  RoastList *out = roast_rt_list_new(0, ROAST_ELEM_OBJECT);
  if (!sep) {
    split_whitespace(s, maxsplit, out);
    return out;
  }
  if (sep->length == 0) {
    roast_rt_release(&out->header);
    roast_rt_raise(ROAST_ERR_VALUE, "empty separator", file, line, fn);
    return NULL;
  }
  const char *data = s->data;
  bool ascii = roast_rt_str_is_ascii(s);
  size_t n = (size_t)s->length, m = (size_t)sep->length, start = 0;
  for (size_t i = 0; i + m <= n && (maxsplit < 0 || out->length < maxsplit);) {
    if (memcmp(data + i, sep->data, m) == 0) {
      append_piece(out, data, start, i, ascii);
      i += m;
      start = i;
    } else {
      ++i;
    }
  }
  append_piece(out, data, start, n, ascii);
  return out;
}

RoastStr *roast_rt_str_join(const RoastStr *sep, const RoastList *items, const char *file,
                            int32_t line, const char *fn) {
  if (roast_rt_list_kind(items) != ROAST_ELEM_OBJECT) {
    /* A list of dynamic values: str.join's checks and TypeError per item. */
    RoastValue list = roast_rt_value_take_object(items);
    RoastValue r = roast_rt_value_call_method(roast_rt_value_take_object(sep), "join", 1, &list,
                                              file, line, fn);
    return roast_rt_exception ? NULL : (RoastStr *)roast_rt_value_object(r);
  }
  int64_t total = 0;
  bool ascii = roast_rt_str_is_ascii(sep);
  for (int64_t i = 0; i < items->length; ++i) {
    const RoastStr *piece = (const RoastStr *)roast_rt_slot_object(items->items[i]);
    total += piece->length + (i ? sep->length : 0);
    ascii = ascii && roast_rt_str_is_ascii(piece);
  }
  RoastStr *out = roast_rt_str_alloc(total);
  char *p = out->data;
  for (int64_t i = 0; i < items->length; ++i) {
    const RoastStr *piece = (const RoastStr *)roast_rt_slot_object(items->items[i]);
    if (i) {
      memcpy(p, sep->data, (size_t)sep->length);
      p += sep->length;
    }
    memcpy(p, piece->data, (size_t)piece->length);
    p += piece->length;
  }
  /* ASCII pieces make an ASCII str: the flags, known already for most
   * pieces, spare scanning the result. */
  return roast_rt_str_seal_as(out, ascii);
}
