/* FormatStr.c - format() of str: padding and precision truncation, in code points. */
#include "FormatInternal.h"

#include <string.h>

/* CPython's format_string_internal. */
RoastStr *roast_rt_format_str_spec(const RoastStr *s, const RoastStr *spec, const char *file,
                                   int32_t line, const char *fn) {
  if (spec->length == 0)
    return roast_rt_str_share(s);
  RoastFormatSite site = {file, line, fn};
  RoastFormatSpec parsed;
  if (!roast_rt_format_parse(spec, 's', '<', "str", &parsed, &site))
    return NULL;
  if (parsed.type != 's')
    return roast_rt_format_unknown_type(parsed.type, "str", &site);
  if (parsed.sign == ' ')
    return roast_rt_format_error("Space not allowed in string format specifier", &site);
  if (parsed.sign)
    return roast_rt_format_error("Sign not allowed in string format specifier", &site);
  if (parsed.no_neg_0)
    return roast_rt_format_error(
        "Negative zero coercion (z) not allowed in string format specifier", &site);
  if (parsed.alternate)
    return roast_rt_format_error("Alternate form (#) not allowed in string format specifier",
                                 &site);
  if (parsed.align == '=')
    return roast_rt_format_error("'=' alignment not allowed in string format specifier", &site);

  bool ascii = roast_rt_str_is_ascii(s);
  int64_t chars = ascii ? s->length : roast_rt_utf8_count(s->data, (size_t)s->length);
  /* Nothing to pad or cut: s itself, as in CPython. */
  if (parsed.width <= chars && (parsed.precision < 0 || parsed.precision >= chars))
    return roast_rt_str_share(s);

  int64_t bytes = s->length;
  if (parsed.precision >= 0 && parsed.precision < chars) {
    chars = parsed.precision;
    bytes = ascii ? chars : (int64_t)roast_rt_utf8_offset(s->data, (size_t)s->length, chars);
  }
  int64_t padding = parsed.width > chars ? parsed.width - chars : 0;
  int64_t left = parsed.align == '>' ? padding : parsed.align == '^' ? padding / 2 : 0;
  int64_t length = roast_rt_format_add(roast_rt_format_mul(padding, parsed.fill_len), bytes);
  RoastStr *r = roast_rt_str_alloc(length);
  char *p = roast_rt_format_fill(r->data, &parsed, left);
  memcpy(p, s->data, (size_t)bytes);
  roast_rt_format_fill(p + bytes, &parsed, padding - left);
  /* The truncated text of a non-ASCII str may still be all ASCII. */
  bool text_ascii = ascii || roast_rt_utf8_is_ascii(s->data, (size_t)bytes);
  return roast_rt_format_finish(r, text_ascii && (padding == 0 || parsed.fill_len == 1));
}
