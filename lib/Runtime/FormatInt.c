/* FormatInt.c - format() of int and bool: b c d o x X n, and the float types by conversion. */
#include "FormatInternal.h"

/* CPython's format_long_internal. */
static RoastStr *format_integer(int64_t v, const RoastFormatSpec *spec,
                                const RoastFormatSite *site) {
  if (spec->precision >= 0)
    return roast_rt_format_error("Precision not allowed in integer format specifier", site);
  if (spec->no_neg_0)
    return roast_rt_format_error(
        "Negative zero coercion (z) not allowed in integer format specifier", site);

  if (spec->type == 'c') {
    if (spec->sign)
      return roast_rt_format_error("Sign not allowed with integer format specifier 'c'", site);
    if (spec->alternate)
      return roast_rt_format_error(
          "Alternate form (#) not allowed with integer format specifier 'c'", site);
    if (v < 0 || v > 0x10ffff) {
      roast_rt_raise(ROAST_ERR_OVERFLOW, "%c arg not in range(0x110000)", site->file, site->line,
                     site->fn);
      return NULL;
    }
    /* The character is laid out as a number with no digits, only a
     * "remainder", so it is padded but never grouped or zero-filled. */
    char ch[4];
    size_t len = roast_rt_utf8_encode((uint32_t)v, ch);
    RoastFormatNumber number = {false, NULL, 0, NULL, 0, false, ch, (int64_t)len, 1};
    return roast_rt_format_number(&number, spec);
  }

  unsigned base = 10;
  const char *prefix = NULL;
  switch (spec->type) {
  case 'b': base = 2, prefix = "0b"; break;
  case 'o': base = 8, prefix = "0o"; break;
  case 'x': base = 16, prefix = "0x"; break;
  case 'X': base = 16, prefix = "0X"; break;
  default: break; /* 'd' and 'n' (the C locale's 'n' is 'd') */
  }
  const char *digit_chars = spec->type == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
  char digits[64]; /* INT64_MIN in binary has 64 digits */
  char *end = digits + sizeof digits, *p = end;
  /* The magnitude as unsigned, so INT64_MIN does not overflow. */
  uint64_t magnitude = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
  do {
    *--p = digit_chars[magnitude % base];
    magnitude /= base;
  } while (magnitude != 0);
  RoastFormatNumber number = {v < 0, prefix, spec->alternate && prefix ? 2 : 0, p, end - p,
                              false, NULL, 0, 0};
  return roast_rt_format_number(&number, spec);
}

/* int.__format__ for a non-empty spec; bool shares it with its own type name. */
static RoastStr *format_int(int64_t v, const RoastStr *spec, const char *type_name,
                            const RoastFormatSite *site) {
  RoastFormatSpec parsed;
  if (!roast_rt_format_parse(spec, 'd', '>', type_name, &parsed, site))
    return NULL;
  switch (parsed.type) {
  case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
    return format_integer(v, &parsed, site);
  case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
    /* float(v), rounded to nearest like CPython's int-to-float conversion. */
    return roast_rt_format_float_parsed((double)v, &parsed, site);
  default:
    return roast_rt_format_unknown_type(parsed.type, type_name, site);
  }
}

RoastStr *roast_rt_format_int_spec(int64_t v, const RoastStr *spec, const char *file, int32_t line,
                                   const char *fn) {
  if (spec->length == 0)
    return roast_rt_str_from_int(v);
  RoastFormatSite site = {file, line, fn};
  return format_int(v, spec, "int", &site);
}

/* bool is an int subclass without its own __format__: an empty spec gives
 * str(b), "True"/"False", and any other formats it as 1 or 0. */
RoastStr *roast_rt_format_bool_spec(bool v, const RoastStr *spec, const char *file, int32_t line,
                                    const char *fn) {
  if (spec->length == 0)
    return roast_rt_str_from_bool(v);
  RoastFormatSite site = {file, line, fn};
  return format_int(v ? 1 : 0, spec, "bool", &site);
}
