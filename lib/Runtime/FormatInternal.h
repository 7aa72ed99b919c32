/* FormatInternal.h - the parsed format spec and helpers shared by Format*.c (not compiler ABI). */
#ifndef ROAST_RUNTIME_FORMAT_INTERNAL_H
#define ROAST_RUNTIME_FORMAT_INTERNAL_H

#include "StrInternal.h"

/* Where a format() call is in the source, for the traceback of its errors. */
typedef struct RoastFormatSite {
  const char *file;
  int32_t line;
  const char *fn;
} RoastFormatSite;

/* [[fill]align][sign][z][#][0][width][grouping][.precision][type], parsed the
 * way CPython's parse_internal_render_format_spec does (Python/formatter_unicode.c),
 * including its defaults, so the formatting code can follow CPython's step by step. */
typedef struct RoastFormatSpec {
  char fill[4];      /* UTF-8 of the fill code point; " " by default */
  int fill_len;      /* 1..4 bytes */
  bool fill_is_zero; /* fill == "0": with '=' the zeros go between the digit groups */
  char align;        /* '<', '>', '^' or '='; the type's default when absent */
  char sign;         /* '+', '-', ' ', or 0 when absent */
  bool no_neg_0;     /* 'z' */
  bool alternate;    /* '#' */
  int64_t width;     /* -1 when absent */
  char separator;    /* ',' or '_' between digit groups, or 0 */
  int group;         /* digits per group: 3, or 4 for '_' with b, o, x, X */
  int64_t precision; /* -1 when absent */
  uint32_t type;     /* a code point: the type's default when absent (0 for float) */
} RoastFormatSpec;

/* Parse spec (non-empty) into *out, raising CPython's ValueError for malformed
 * specs; type_name ("int", "float", ...) goes into the messages.  Returns false
 * if it raised (raising returns, Runtime.h).  FormatSpec.c. */
bool roast_rt_format_parse(const RoastStr *spec, uint32_t default_type, char default_align,
                           const char *type_name, RoastFormatSpec *out,
                           const RoastFormatSite *site);

/* The two raise and then return NULL, the result for the formatting
 * function to return: `return roast_rt_format_error(...);`.  FormatSpec.c. */
/* Raise ValueError "Unknown format code 'X' for object of type 'T'". */
RoastStr *roast_rt_format_unknown_type(uint32_t type, const char *type_name,
                                       const RoastFormatSite *site) __attribute__((cold));
/* Raise ValueError with a fixed message at site. */
RoastStr *roast_rt_format_error(const char *message, const RoastFormatSite *site)
    __attribute__((cold));

/* A number already converted to text, split the way CPython's fill_number
 * lays it out:  <sign><prefix><digits, grouped>[.]<remainder>.  FormatNumber.c
 * adds the requested sign, padding and digit grouping. */
typedef struct RoastFormatNumber {
  bool negative;            /* a '-' sign */
  const char *prefix;       /* "0x" etc. (ASCII), or NULL */
  int64_t prefix_len;
  const char *digits;       /* the integer digits, ASCII; the only part that is grouped */
  int64_t n_digits;         /* 0 for inf, nan and 'c' */
  bool has_decimal;         /* a '.' after the digits */
  const char *remainder;    /* fraction, exponent, '%', or the 'c' character (UTF-8) */
  int64_t remainder_len;    /* in bytes */
  int64_t remainder_chars;  /* in code points */
} RoastFormatNumber;

/* The formatted str of number under spec (sign, width, alignment, fill,
 * grouping).  FormatNumber.c. */
RoastStr *roast_rt_format_number(const RoastFormatNumber *number, const RoastFormatSpec *spec);

/* float formatting of v under an already parsed spec whose type is a float
 * presentation type (or 0): shared by float and by int with e, f, g, %.  FormatFloat.c. */
RoastStr *roast_rt_format_float_parsed(double v, const RoastFormatSpec *spec,
                                       const RoastFormatSite *site);

/* int64 arithmetic that saturates at INT64_MAX instead of overflowing: a
 * saturated size then fails in roast_rt_str_alloc as a MemoryError, as an
 * absurd width does in CPython. */
static inline int64_t roast_rt_format_add(int64_t a, int64_t b) {
  return a > INT64_MAX - b ? INT64_MAX : a + b;
}
static inline int64_t roast_rt_format_mul(int64_t a, int64_t b) {
  return b != 0 && a > INT64_MAX / b ? INT64_MAX : a * b;
}

/* The spec's fill repeated count times at p; returns the end.  FormatNumber.c. */
char *roast_rt_format_fill(char *p, const RoastFormatSpec *spec, int64_t count);

/* The finished result s (refcount 1, all bytes written): flagged, and
 * swapped for the immortal constant when it is "" or one ASCII character,
 * as the other str constructors return.  FormatNumber.c. */
RoastStr *roast_rt_format_finish(RoastStr *s, bool ascii);

#endif /* ROAST_RUNTIME_FORMAT_INTERNAL_H */
