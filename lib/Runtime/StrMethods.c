/* StrMethods.c - str methods that map or trim characters: upper, lower, strip family, isdigit, isalpha. */
#include "StrInternal.h"

#include <stdlib.h>
#include <string.h>

/* ---- Case mapping (ASCII letters only; other code points are copied) ----- */

/* UTF-8 leaves ASCII bytes meaning ASCII characters even inside non-ASCII
 * text (multi-byte sequences use only bytes >= 0x80), so mapping bytes is
 * safe for any str. */
static RoastStr *map_case(const RoastStr *s, char from_lo, char from_hi) {
  int64_t n = s->length, first = 0;
  while (first < n && !(s->data[first] >= from_lo && s->data[first] <= from_hi))
    ++first;
  if (first == n)
    return roast_rt_str_share(s); /* nothing to change */
  RoastStr *r = roast_rt_str_alloc(n);
  memcpy(r->data, s->data, (size_t)first);
  for (int64_t i = first; i < n; ++i) {
    char c = s->data[i];
    r->data[i] = (c >= from_lo && c <= from_hi) ? (char)(c ^ 0x20) : c;
  }
  return roast_rt_str_seal_as(r, roast_rt_str_is_ascii(s));
}

RoastStr *roast_rt_str_upper(const RoastStr *s) { return map_case(s, 'a', 'z'); }
RoastStr *roast_rt_str_lower(const RoastStr *s) { return map_case(s, 'A', 'Z'); }

/* ---- Stripping ------------------------------------------------------------ */

enum { STRIP_LEFT = 1, STRIP_RIGHT = 2, STRIP_BOTH = 3 };

/* The set of code points to strip: whitespace, or the code points of a
 * chars argument (an ASCII bitmap plus a list of the others). */
typedef struct StripSet {
  bool whitespace;
  bool ascii[128];
  uint32_t *others;
  size_t num_others;
} StripSet;

static bool in_set(const StripSet *set, uint32_t cp) {
  if (set->whitespace)
    return roast_rt_unicode_isspace(cp);
  if (cp < 128)
    return set->ascii[cp];
  for (size_t k = 0; k < set->num_others; ++k)
    if (set->others[k] == cp)
      return true;
  return false;
}

/* s[left:right] (byte offsets) after trimming; s itself if nothing went. */
static RoastStr *strip(const RoastStr *s, const StripSet *set, int sides) {
  const char *data = s->data;
  size_t n = (size_t)s->length, left = 0, right = n;
  /* An ASCII str against an ASCII-only set: a byte is a code point. */
  if (!set->whitespace && set->num_others == 0 && roast_rt_str_is_ascii(s)) {
    if (sides & STRIP_LEFT)
      while (left < n && set->ascii[(unsigned char)data[left]])
        ++left;
    if (sides & STRIP_RIGHT)
      while (right > left && set->ascii[(unsigned char)data[right - 1]])
        --right;
    if (left == 0 && right == n)
      return roast_rt_str_share(s);
    return roast_rt_str_from_bytes(data + left, (int64_t)(right - left), true);
  }
  if (sides & STRIP_LEFT) {
    while (left < n) {
      size_t next = left;
      if (!in_set(set, roast_rt_utf8_decode(data, n, &next)))
        break;
      left = next;
    }
  }
  if (sides & STRIP_RIGHT) {
    while (right > left) {
      size_t prev = roast_rt_utf8_prev(data, right), at = prev;
      if (!in_set(set, roast_rt_utf8_decode(data, n, &at)))
        break;
      right = prev;
    }
  }
  if (left == 0 && right == n)
    return roast_rt_str_share(s);
  int64_t length = (int64_t)(right - left);
  if (roast_rt_str_is_ascii(s))
    return roast_rt_str_from_bytes(data + left, length, true);
  RoastStr *r = roast_rt_str_alloc(length);
  memcpy(r->data, data + left, (size_t)length);
  return roast_rt_str_seal(r); /* the non-ASCII part may have been stripped */
}

static RoastStr *strip_whitespace(const RoastStr *s, int sides) {
  StripSet set = {.whitespace = true};
  return strip(s, &set, sides);
}

static RoastStr *strip_chars(const RoastStr *s, const RoastStr *chars, int sides) {
  StripSet set = {.whitespace = false};
  size_t n = (size_t)chars->length;
  if (roast_rt_str_is_ascii(chars)) {
    /* Bytes are code points: no decoding (s.strip(PUNCTUATION) per word). */
    for (size_t i = 0; i < n; ++i)
      set.ascii[(unsigned char)chars->data[i]] = true;
    return strip(s, &set, sides);
  }
  set.others = roast_rt_malloc(n * sizeof *set.others); /* at most one per byte */
  for (size_t i = 0; i < n;) {
    uint32_t cp = roast_rt_utf8_decode(chars->data, n, &i);
    if (cp < 128)
      set.ascii[cp] = true;
    else
      set.others[set.num_others++] = cp;
  }
  RoastStr *r = strip(s, &set, sides);
  free(set.others);
  return r;
}

RoastStr *roast_rt_str_strip(const RoastStr *s) { return strip_whitespace(s, STRIP_BOTH); }
RoastStr *roast_rt_str_lstrip(const RoastStr *s) { return strip_whitespace(s, STRIP_LEFT); }
RoastStr *roast_rt_str_rstrip(const RoastStr *s) { return strip_whitespace(s, STRIP_RIGHT); }

RoastStr *roast_rt_str_strip_chars(const RoastStr *s, const RoastStr *chars) {
  return strip_chars(s, chars, STRIP_BOTH);
}
RoastStr *roast_rt_str_lstrip_chars(const RoastStr *s, const RoastStr *chars) {
  return strip_chars(s, chars, STRIP_LEFT);
}
RoastStr *roast_rt_str_rstrip_chars(const RoastStr *s, const RoastStr *chars) {
  return strip_chars(s, chars, STRIP_RIGHT);
}

/* ---- Character classes (ASCII rules; "" is neither) ---------------------- */

bool roast_rt_str_isdigit(const RoastStr *s) {
  if (s->length == 0)
    return false;
  for (int64_t i = 0; i < s->length; ++i)
    if (!(s->data[i] >= '0' && s->data[i] <= '9'))
      return false;
  return true;
}

bool roast_rt_str_isalpha(const RoastStr *s) {
  if (s->length == 0)
    return false;
  for (int64_t i = 0; i < s->length; ++i) {
    char lower = (char)(s->data[i] | 0x20); /* 'A'..'Z' -> 'a'..'z'; no other byte lands there */
    if (!(lower >= 'a' && lower <= 'z'))
      return false;
  }
  return true;
}
