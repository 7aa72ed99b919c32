/* Runtime.h - the C ABI between Roast-compiled code and the Roast runtime. */
/*
 * Everything the compiler emits calls to is declared here; every public
 * symbol is prefixed roast_rt_.  The runtime is plain C11 and is built into
 * the static library RoastRuntime.  Programs must be linked with
 *
 *     <program objects> libRoastRuntime.a -lpthread -lm
 *
 * The library also provides `main` (EntryMain.c), which calls
 * roast_rt_main(argc, argv, roast_module_init); the compiled module must
 * therefore define `void roast_module_init(void)`.
 *
 * Heap object layout (the compiler emits static constants with exactly this
 * layout, so it must not change without changing the code generator):
 *
 *   offset 0   int64_t  refcount   ROAST_REFCOUNT_IMMORTAL for static constants
 *   offset 8   uint32_t type_id    ROAST_TYPE_*
 *   offset 12  uint32_t flags      per-type bits (ROAST_STR_*); 0 in compiler constants
 *   offset 16  type-specific payload; for str:
 *                int64_t length    number of bytes of UTF-8 (not code points)
 *                char    data[]    length bytes followed by a NUL terminator
 */
#ifndef ROAST_RUNTIME_RUNTIME_H
#define ROAST_RUNTIME_RUNTIME_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#define ROAST_RT_NORETURN [[noreturn]]
#else
#define ROAST_RT_NORETURN _Noreturn
#endif

/* ---- Object layout ------------------------------------------------------ */

typedef struct RoastObject {
  int64_t refcount; /* number of owners; immortal objects are never freed */
  uint32_t type_id; /* ROAST_TYPE_* */
  uint32_t flags;   /* per-type bits, e.g. ROAST_STR_ASCII; 0 = unknown */
} RoastObject;      /* every heap object starts with this header */

typedef struct RoastStr {
  RoastObject header; /* type_id == ROAST_TYPE_STR */
  int64_t length;     /* bytes of UTF-8, excluding the NUL terminator */
  char data[];        /* UTF-8 bytes, NUL-terminated */
} RoastStr;

/* Refcount of static constants; retain/release never touch such objects. */
#define ROAST_REFCOUNT_IMMORTAL (INT64_C(1) << 62)

enum { ROAST_TYPE_STR = 1 }; /* RoastObject.type_id values */

/* ---- Printing (buffered stdout) ----------------------------------------- */
/* Output goes through a 64 KiB buffer that is flushed by roast_rt_flush, at
 * exit, and before any error message is written to stderr. */

void roast_rt_print_int(int64_t v);                /* decimal, like str(int) */
void roast_rt_print_float(double v);               /* exactly CPython repr(float) */
void roast_rt_format_float(double v, char *buf);   /* repr(float) into buf (>= 32 bytes), NUL-terminated */
void roast_rt_print_bool(bool v);                  /* True / False */
void roast_rt_print_none(void);                    /* None */
void roast_rt_print_str(const RoastStr *s);        /* the raw bytes of s (print, not repr) */
void roast_rt_print_str_repr(const RoastStr *s);   /* repr(s): quoted and escaped as CPython does */
void roast_rt_print_cstr(const char *s);           /* a NUL-terminated C string (separators, newlines) */
void roast_rt_flush(void);                         /* write buffered output to stdout */

/* ---- Run-time errors ---------------------------------------------------- */
/* No exception handling yet: raising prints a CPython-shaped traceback to
 * stderr and exits with status 1.  Later this becomes real exceptions, so
 * every error goes through roast_rt_raise. */

enum RoastErrorKind {
  ROAST_ERR_ZERO_DIVISION = 1, /* ZeroDivisionError */
  ROAST_ERR_OVERFLOW = 2,      /* OverflowError */
  ROAST_ERR_VALUE = 3,         /* ValueError */
  ROAST_ERR_RECURSION = 4,     /* RecursionError */
  ROAST_ERR_TYPE = 5,          /* TypeError */
  ROAST_ERR_INDEX = 6,         /* IndexError */
  ROAST_ERR_KEY = 7,           /* KeyError */
  ROAST_ERR_RUNTIME = 8,       /* RuntimeError */
  ROAST_ERR_ASSERTION = 9,     /* AssertionError */
  ROAST_ERR_MEMORY = 10        /* MemoryError */
};

/* Flush stdout, print "Traceback...\n  File "FILE", line LINE, in FN\nType: message" (no File line if file is NULL, no ": message" if message is NULL or empty), exit(1). */
ROAST_RT_NORETURN void roast_rt_raise(int32_t kind, const char *message, const char *file, int32_t line, const char *function) __attribute__((cold));

/* ---- Checked arithmetic (out of line; errors raise with CPython's messages) */
/* The trailing (file, line, fn) arguments are the source location reported
 * if the operation raises. */

/* base ** exp; OverflowError "integer overflow" outside int64; exp < 0 is a ValueError (Roast-specific: int ** negative int is an error, not a float). */
int64_t roast_rt_int_pow(int64_t base, int64_t exp, const char *file, int32_t line, const char *fn);
/* pow(base, exp, mod) with Python semantics (result has the sign of mod; exp < 0 uses the modular inverse); mod == 0 is a ValueError. */
int64_t roast_rt_int_pow_mod(int64_t base, int64_t exp, int64_t mod, const char *file, int32_t line, const char *fn);
/* base ** exp as CPython float_pow; negative base ** non-integer is ValueError "math domain error" (Roast-specific: CPython returns a complex). */
double roast_rt_float_pow(double base, double exp, const char *file, int32_t line, const char *fn);
/* a // b exactly as CPython float_floor_div; b == 0 is a ZeroDivisionError. */
double roast_rt_float_floordiv(double a, double b, const char *file, int32_t line, const char *fn);
/* a % b exactly as CPython float_rem (sign of b); b == 0 is a ZeroDivisionError. */
double roast_rt_float_mod(double a, double b, const char *file, int32_t line, const char *fn);
/* int(v): truncation; NaN is ValueError, +-inf and values outside int64 are OverflowError. */
int64_t roast_rt_float_to_int(double v, const char *file, int32_t line, const char *fn);

/* ---- Recursion guard and program entry ---------------------------------- */

/* Lowest safe stack address: recursive functions compare their frame address against it on entry (NULL = no check). */
extern char *roast_rt_stack_limit;
/* Raise RecursionError "maximum recursion depth exceeded" (called when the frame address is below roast_rt_stack_limit). */
ROAST_RT_NORETURN void roast_rt_raise_recursion(const char *file, int32_t line, const char *fn) __attribute__((cold));
/* Save argc/argv, run module_init on a thread with a 512 MiB stack, flush stdout, return 0. */
int roast_rt_main(int argc, char **argv, void (*module_init)(void));

/* ---- Reference counting and str ----------------------------------------- */
/*
 * Ownership convention, for every roast_rt_ function that takes or returns
 * objects:
 *   - A returned object is a NEW reference: the caller owns one count and
 *     must release it.  It may be shared (one of the arguments, retained, or
 *     an immortal runtime constant such as "" or a one-character ASCII str),
 *     so callers must not assume refcount == 1 unless a function says so.
 *   - Object arguments are BORROWED: the callee never releases them, and
 *     retains whatever it keeps.
 *   - An object whose refcount is >= ROAST_REFCOUNT_IMMORTAL is never written,
 *     neither its refcount nor its flags: static constants live in read-only
 *     memory.
 * The compiler inlines retain and release as
 *     retain:  if (rc < ROAST_REFCOUNT_IMMORTAL) ++rc;
 *     release: if (rc < ROAST_REFCOUNT_IMMORTAL && --rc == 0) roast_rt_dealloc(obj);
 * Running out of memory prints MemoryError (ROAST_ERR_MEMORY) and exits 1.
 *
 * str values are UTF-8.  len, indexing, slicing, find and ord count code
 * points; the ASCII flag below lets them use byte offsets directly.
 */

/* RoastObject.flags bits of a str.  Strs the runtime creates carry exactly
 * one of the two; flags == 0 (compiler-emitted constants) means "unknown":
 * functions then scan the bytes, and never store the answer back. */
enum {
  ROAST_STR_ASCII = 1u << 0,     /* every byte < 0x80: code point index == byte index */
  ROAST_STR_NON_ASCII = 1u << 1, /* some byte >= 0x80 */
};

/* Free an object whose refcount reached zero (after releasing its children). */
void roast_rt_dealloc(RoastObject *obj);
/* Out-of-line retain/release for runtime code: NULL-safe, immortal-safe. */
void roast_rt_retain(RoastObject *obj);
void roast_rt_release(RoastObject *obj);

/* A fresh str (refcount exactly 1) holding a copy of data[0..length). */
RoastStr *roast_rt_str_new(const char *data, int64_t length);

RoastStr *roast_rt_str_concat(const RoastStr *a, const RoastStr *b); /* a + b */
/* s * n; n <= 0 gives ""; OverflowError "repeated string is too long" if the size overflows int64. */
RoastStr *roast_rt_str_repeat(const RoastStr *s, int64_t n, const char *file, int32_t line, const char *fn);
int64_t roast_rt_str_compare(const RoastStr *a, const RoastStr *b); /* -1, 0, 1 in code point order */
bool roast_rt_str_eq(const RoastStr *a, const RoastStr *b);         /* a == b */
int64_t roast_rt_str_len(const RoastStr *s);                        /* len(s), in code points */
int64_t roast_rt_str_hash(const RoastStr *s);                       /* equal strs hash equal; never -1 */

/* s[index]; negative indices count from the end; IndexError "string index out of range". */
RoastStr *roast_rt_str_getitem(const RoastStr *s, int64_t index, const char *file, int32_t line, const char *fn);
/* s[start:stop:step] with slice.indices semantics; bits 0/1/2 of `which` say start/stop/step were given (else None); step 0 is a ValueError. */
RoastStr *roast_rt_str_slice(const RoastStr *s, int64_t start, int64_t stop, int64_t step, int32_t which, const char *file, int32_t line, const char *fn);
enum { ROAST_SLICE_START = 1, ROAST_SLICE_STOP = 2, ROAST_SLICE_STEP = 4 }; /* `which` bits */

/* Conversions to str. */
RoastStr *roast_rt_str_from_int(int64_t v);   /* str(int) */
RoastStr *roast_rt_str_from_float(double v);  /* str(float), == repr(float) */
RoastStr *roast_rt_str_from_bool(bool v);     /* "True" / "False" */
RoastStr *roast_rt_str_none(void);            /* "None" */
RoastStr *roast_rt_str_repr(const RoastStr *s); /* repr(s), as roast_rt_print_str_repr prints it */

/* int(s): surrounding whitespace, a sign, ASCII digits with single underscores between them.
 * ValueError "invalid literal for int() with base 10: <repr(s)>"; values outside int64 are
 * OverflowError "integer overflow" (Roast-specific: CPython's int is unbounded). */
int64_t roast_rt_str_to_int(const RoastStr *s, const char *file, int32_t line, const char *fn);
/* float(s): decimal or inf/infinity/nan (any case, signed), underscores between digits, surrounding
 * whitespace; ValueError "could not convert string to float: <repr(s)>". */
double roast_rt_str_to_float(const RoastStr *s, const char *file, int32_t line, const char *fn);
/* ord(s); TypeError "ord() expected a character, but string of length N found". */
int64_t roast_rt_str_ord(const RoastStr *s, const char *file, int32_t line, const char *fn);
/* chr(cp); ValueError "chr() arg not in range(0x110000)" (OverflowError "Python int too large to convert to C int" outside int32, as in CPython). */
RoastStr *roast_rt_str_chr(int64_t cp, const char *file, int32_t line, const char *fn);

/* str methods.  Case mapping and isdigit/isalpha follow ASCII rules (other code points are left
 * alone / are not digits or letters); strip() with no argument strips Unicode whitespace. */
RoastStr *roast_rt_str_upper(const RoastStr *s);
RoastStr *roast_rt_str_lower(const RoastStr *s);
RoastStr *roast_rt_str_strip(const RoastStr *s);
RoastStr *roast_rt_str_lstrip(const RoastStr *s);
RoastStr *roast_rt_str_rstrip(const RoastStr *s);
RoastStr *roast_rt_str_strip_chars(const RoastStr *s, const RoastStr *chars);  /* s.strip(chars) */
RoastStr *roast_rt_str_lstrip_chars(const RoastStr *s, const RoastStr *chars); /* s.lstrip(chars) */
RoastStr *roast_rt_str_rstrip_chars(const RoastStr *s, const RoastStr *chars); /* s.rstrip(chars) */
bool roast_rt_str_contains(const RoastStr *haystack, const RoastStr *needle);  /* needle in haystack */
bool roast_rt_str_startswith(const RoastStr *s, const RoastStr *prefix);
bool roast_rt_str_endswith(const RoastStr *s, const RoastStr *suffix);
int64_t roast_rt_str_find(const RoastStr *s, const RoastStr *sub);  /* code point index, or -1 */
int64_t roast_rt_str_count(const RoastStr *s, const RoastStr *sub); /* non-overlapping; "" counts len(s) + 1 */
/* s.replace(old, new), all occurrences; OverflowError "replace string is too long" (no location). */
RoastStr *roast_rt_str_replace(const RoastStr *s, const RoastStr *old_sub, const RoastStr *new_sub);
bool roast_rt_str_isdigit(const RoastStr *s); /* non-empty and all '0'..'9' */
bool roast_rt_str_isalpha(const RoastStr *s); /* non-empty and all ASCII letters */

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* ROAST_RUNTIME_RUNTIME_H */
