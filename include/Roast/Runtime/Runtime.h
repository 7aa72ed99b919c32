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
 *              for list (see "Lists" below):
 *                int64_t   length    number of elements
 *                int64_t   capacity  number of elements allocated at items
 *                uint64_t *items     the elements: one 8-byte slot each, but
 *                                    one byte each for a list of bools
 *              for tuple, dict and set: int64_t length, then as their
 *              sections below say.  Every sized object has its length at
 *              offset 16, so truth testing and len() read it there.
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

enum { /* RoastObject.type_id values */
  ROAST_TYPE_STR = 1,
  ROAST_TYPE_LIST = 2,
  ROAST_TYPE_TUPLE = 3, /* a tuple boxed to live in a slot (Tuples below) */
  ROAST_TYPE_DICT = 4,
  ROAST_TYPE_SET = 5,
  ROAST_TYPE_INSTANCE = 6, /* an instance of a class (Classes below) */
  ROAST_TYPE_FILE = 7,     /* a text file (Files below) */
  ROAST_TYPE_BOX = 8,      /* a number of an optional in a slot (Optionals below) */
  ROAST_TYPE_ITERATOR = 9, /* iter() of a dynamic value (Dynamic values below) */
  ROAST_TYPE_BUILTIN = 10, /* a built-in function or type used as a value (abs, str) */
  ROAST_TYPE_BOUND_METHOD = 11 /* obj.method read as a dynamic value */
};

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
/* input(prompt) (prompt NULL: input()): writes the prompt, flushes stdout, and
 * returns the next line of stdin without its "\n", decoded as CPython
 * decodes stdin (UTF-8, surrogateescape); EOFError "EOF when reading a line"
 * at the end of input. */
RoastStr *roast_rt_input(const RoastStr *prompt, const char *file, int32_t line, const char *fn);

/* ---- Exceptions (docs/rationale/exceptions.md) -------------------------- */
/* Raising never unwinds the C stack: it sets roast_rt_exception and
 * returns, and compiled code tests roast_rt_exception after every call that
 * may raise, branching to the enclosing handler or returning from its own
 * function.  A runtime function that raises returns at once (any result is
 * then meaningless), and runtime code that calls one checks
 * roast_rt_exception before going on. */

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
  ROAST_ERR_MEMORY = 10,       /* MemoryError */
  ROAST_ERR_EOF = 11,          /* EOFError */
  ROAST_ERR_OS = 12,           /* OSError, and its subclasses below */
  ROAST_ERR_FILE_NOT_FOUND = 13,
  ROAST_ERR_PERMISSION = 14,
  ROAST_ERR_IS_A_DIRECTORY = 15,
  ROAST_ERR_NOT_A_DIRECTORY = 16,
  ROAST_ERR_FILE_EXISTS = 17,
  ROAST_ERR_UNSUPPORTED_OPERATION = 18, /* io.UnsupportedOperation */
  ROAST_ERR_ATTRIBUTE = 19,     /* AttributeError */
  ROAST_ERR_STOP_ITERATION = 20 /* StopIteration */
};

struct RoastInstance;
/* The exception being raised (owned), or NULL. */
extern struct RoastInstance *roast_rt_exception;
/* The status of the last sys.exit(): the exit status if its SystemExit
 * is not caught. */
extern int64_t roast_rt_exit_status;

/* Raise a new built-in exception of `kind` with `message` (NULL for none)
 * at (file, line, function); file NULL adds no traceback frame. */
void roast_rt_raise(int32_t kind, const char *message, const char *file, int32_t line, const char *function) __attribute__((cold));
/* Raise `exception`, taking the caller's reference; its traceback starts
 * at (file, line, function). */
void roast_rt_raise_object(struct RoastInstance *exception, const char *file, int32_t line, const char *function) __attribute__((cold));
/* Raise again an exception a handler caught (taking the reference),
 * continuing its traceback. */
void roast_rt_reraise(struct RoastInstance *exception) __attribute__((cold));
/* Record that the pending exception left a call at (file, line, function). */
void roast_rt_traceback_push(const char *file, int32_t line, const char *function) __attribute__((cold));
/* Take the pending exception (owned): a handler has caught it.  Its
 * traceback stays until the next new raise, for a handler that re-raises. */
struct RoastInstance *roast_rt_catch(void);
/* If an exception is pending, print its traceback and `Type: message` to
 * stderr, as CPython does, and exit 1. */
void roast_rt_report_uncaught(void);
/* Errors that cannot be exceptions (out of memory): print and exit 1. */
ROAST_RT_NORETURN void roast_rt_fatal(int32_t kind, const char *message) __attribute__((cold));

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
/* round(v): nearest int, halves to even; OverflowError/ValueError as int(). */
int64_t roast_rt_float_round(double v, const char *file, int32_t line, const char *fn);
/* round(v, ndigits): correctly rounded to 10^-ndigits, as CPython. */
double roast_rt_float_round_digits(double v, int64_t ndigits);

/* ---- The time module ------------------------------------------------------ */
double roast_rt_time_perf_counter(void); /* seconds on a monotonic clock */
double roast_rt_time_time(void);         /* seconds since the epoch */
/* time.sleep(seconds); ValueError "sleep length must be non-negative". */
void roast_rt_time_sleep(double seconds, const char *file, int32_t line, const char *fn);

/* ---- The random module ---------------------------------------------------- */
/* CPython 3.12's stream exactly: MT19937 seeded as random.seed(int) seeds it
 * (init_by_array over the absolute value's 32-bit words), random() from two
 * words (53 bits), and ints by _randbelow_with_getrandbits.  Unseeded, the
 * generator seeds itself from the OS on first use.  Errors are CPython's
 * ValueError / IndexError messages. */
void roast_rt_random_seed(int64_t n);
void roast_rt_random_seed_os(void); /* random.seed() / seed(None) */
double roast_rt_random_random(void);
double roast_rt_random_uniform(double a, double b); /* a + (b - a) * random() */
/* getrandbits(k); k > 63 is OverflowError "integer overflow" (Roast-specific). */
int64_t roast_rt_random_getrandbits(int64_t k, const char *file, int32_t line, const char *fn);
/* randrange(start) when !has_stop (stop and step are then ignored), else
 * randrange(start, stop, step); randint(a, b) is randrange(a, b + 1). */
int64_t roast_rt_random_randrange(int64_t start, int64_t stop, int64_t step, int32_t has_stop, const char *file, int32_t line, const char *fn);
int64_t roast_rt_random_randint(int64_t a, int64_t b, const char *file, int32_t line, const char *fn);

/* ---- The math module ------------------------------------------------------ */
/* The math functions that can raise, numbered as the roast dialect's
 * MathFunction: sqrt exp log log_base log2 log10 pow sin cos tan asin acos
 * atan atan2 hypot take doubles (y is log's base, pow's exponent, atan2's x,
 * hypot's second side); gcd isqrt factorial take int64s.  Errors are
 * CPython's: ValueError "math domain error", OverflowError "math range
 * error", "isqrt() argument must be nonnegative", "factorial() not defined
 * for negative values"; a factorial beyond int64 is OverflowError "integer
 * overflow" (Roast-specific). */
double roast_rt_math_float(int32_t function, double x, double y, const char *file, int32_t line, const char *fn);
int64_t roast_rt_math_int(int32_t function, int64_t a, int64_t b, const char *file, int32_t line, const char *fn);

/* ---- Recursion guard and program entry ---------------------------------- */

/* Lowest safe stack address: recursive functions compare their frame address against it on entry (NULL = no check). */
extern char *roast_rt_stack_limit;
/* Raise RecursionError "maximum recursion depth exceeded" (called when the frame address is below roast_rt_stack_limit). */
void roast_rt_raise_recursion(const char *file, int32_t line, const char *fn) __attribute__((cold));
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
  ROAST_STR_HASHED = 1u << 2,    /* flags >> ROAST_STR_HASH_SHIFT holds hash(s) */
};

/* Free an object whose refcount reached zero (after releasing its children). */
void roast_rt_dealloc(RoastObject *obj);
/* Out-of-line retain/release for runtime code: NULL-safe, immortal-safe. */
void roast_rt_retain(RoastObject *obj);
void roast_rt_release(RoastObject *obj);

/* A fresh str (refcount exactly 1) holding a copy of data[0..length). */
RoastStr *roast_rt_str_new(const char *data, int64_t length);

RoastStr *roast_rt_str_concat(const RoastStr *a, const RoastStr *b); /* a + b */
/* a + b taking over the caller's reference to a (`s += t`): when that is
 * the only reference, a grows in place (CPython's unicode_concatenate). */
RoastStr *roast_rt_str_append(RoastStr *a, const RoastStr *b);
/* s * n; n <= 0 gives ""; OverflowError "repeated string is too long" if the size overflows int64. */
RoastStr *roast_rt_str_repeat(const RoastStr *s, int64_t n, const char *file, int32_t line, const char *fn);
int64_t roast_rt_str_compare(const RoastStr *a, const RoastStr *b); /* -1, 0, 1 in code point order */
bool roast_rt_str_eq(const RoastStr *a, const RoastStr *b);         /* a == b */
int64_t roast_rt_str_len(const RoastStr *s);                        /* len(s), in code points */
/* Equal strs hash equal; the hash is 29 bits (never -1), cached in the
 * flags of a mortal str (ROAST_STR_HASHED), so a dict lookup and the store
 * that follows it hash a key once. */
int64_t roast_rt_str_hash(const RoastStr *s);
enum { ROAST_STR_HASH_SHIFT = 3 };

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
/* s.find(sub, start[, end]) / s.count(sub, start[, end]): within s[start:end] (bits 0/1 of
 * `which` say start/end were given, as for slices); find's result indexes s itself, and a
 * start beyond len(s) finds nothing, not even "". */
int64_t roast_rt_str_find_range(const RoastStr *s, const RoastStr *sub, int64_t start, int64_t end, int32_t which);
int64_t roast_rt_str_count_range(const RoastStr *s, const RoastStr *sub, int64_t start, int64_t end, int32_t which);
int64_t roast_rt_str_count(const RoastStr *s, const RoastStr *sub); /* non-overlapping; "" counts len(s) + 1 */
/* s.replace(old, new), all occurrences; OverflowError "replace string is too long" (no location). */
RoastStr *roast_rt_str_replace(const RoastStr *s, const RoastStr *old_sub, const RoastStr *new_sub);
bool roast_rt_str_isdigit(const RoastStr *s); /* non-empty and all '0'..'9' */
bool roast_rt_str_isalpha(const RoastStr *s); /* non-empty and all ASCII letters */

/* ---- Lists -------------------------------------------------------------- */
/*
 * list[T] is homogeneous: the compiler tells the runtime the element kind
 * when it creates a list, and every element passes to and from the runtime
 * as one 8-byte slot:
 *   ROAST_ELEM_INT     an int64_t
 *   ROAST_ELEM_FLOAT   the IEEE-754 bits of a double
 *   ROAST_ELEM_BOOL    0 or 1
 *   ROAST_ELEM_OBJECT  a RoastObject * (str, list, tuple, dict, set), or NULL for None
 *   ROAST_ELEM_VALUE   a RoastValue (Dynamic values below), owning its object
 * In memory, items holds capacity slots of 8 bytes for INT, FLOAT and
 * OBJECT lists, but capacity BYTES (each 0 or 1) for a BOOL list: element i
 * of a list[bool] is the uint8_t at (uint8_t *)items + i, of any other list
 * the slot items[i].  Only the storage is packed; every function below
 * still takes and returns bool items as 0/1 slots.  The compiler reads and
 * writes number elements inline (l[i], l[i] = v) by that layout.
 * The kind is header.flags & ROAST_LIST_KIND_MASK and never changes; the
 * other flag bits are the runtime's own.  Lists are always heap objects,
 * never immortal.
 *
 * Ownership follows the str section: results are new references, arguments
 * are borrowed.  A list owns one reference to each OBJECT element: storing
 * one retains it, removing or overwriting one releases it, and freeing the
 * list releases them all.  A list that (indirectly) contains itself is never
 * freed: there is no cycle collector (refcounting.md).
 *
 * An item argument (uint64_t item) must already be a slot of the list's
 * kind: the compiler converts an int to a float slot.  A whole list argument
 * (extend, concat, slice assignment) may hold a narrower number kind, as
 * typing allows list[int] where Iterable[float] is expected; its elements
 * are converted (bool -> int, bool/int -> float).  Comparisons are
 * CPython's, kind-aware (1 == 1.0 == True), except that unboxed floats have
 * no identity: CPython finds `x in [x]` and `[x] == [x]` true for the same
 * NaN object x, Roast compares the values and finds them false.  A list
 * compared with itself (the same object) is equal to itself, as in CPython.
 */

enum RoastElemKind { /* RoastList element kinds (header.flags & ROAST_LIST_KIND_MASK) */
  ROAST_ELEM_INT = 1,
  ROAST_ELEM_FLOAT = 2,
  ROAST_ELEM_BOOL = 3,
  ROAST_ELEM_OBJECT = 4,
  ROAST_ELEM_VALUE = 5 /* a RoastValue: a NaN-boxed dynamic value (Dynamic values below) */
};
enum { ROAST_LIST_KIND_MASK = 0xff };

typedef struct RoastList {
  RoastObject header; /* type_id == ROAST_TYPE_LIST; flags: the RoastElemKind */
  int64_t length;     /* number of elements; the compiler reads it inline (offset 16) */
  int64_t capacity;   /* elements allocated at items (offset 24) */
  uint64_t *items;    /* the elements (offset 32): 8-byte slots, or bytes for a list of bools;
                         NULL when capacity is 0 */
} RoastList;

/* Comparison operators, numbered as CPython's Py_LT .. Py_GE. */
enum RoastCompareOp {
  ROAST_CMP_LT = 0, ROAST_CMP_LE = 1, ROAST_CMP_EQ = 2,
  ROAST_CMP_NE = 3, ROAST_CMP_GT = 4, ROAST_CMP_GE = 5
};

/* An empty list of the given kind with room for capacity elements (< 0 means 0); refcount exactly 1. */
RoastList *roast_rt_list_new(int64_t capacity, uint32_t kind);
/* l.append(item); the list grows by half its size when full.  MemoryError if it cannot. */
void roast_rt_list_append(RoastList *l, uint64_t item);
/* l.insert(index, item), with Python's clamping of index to [-len, len]. */
void roast_rt_list_insert(RoastList *l, int64_t index, uint64_t item);
/* l.extend(other); other may be l itself. */
void roast_rt_list_extend(RoastList *l, const RoastList *other);
void roast_rt_list_clear(RoastList *l);           /* l.clear(); releases the storage too */
void roast_rt_list_reverse(RoastList *l);         /* l.reverse() */
RoastList *roast_rt_list_copy(const RoastList *l); /* l.copy(), == l[:]: a new list */
/* a + b: a new list of the wider kind (float > int > bool) when a number kind differs. */
RoastList *roast_rt_list_concat(const RoastList *a, const RoastList *b);
/* l * n; n <= 0 gives []; MemoryError (no location) if the size overflows. */
RoastList *roast_rt_list_repeat(const RoastList *l, int64_t n);

/* l[index], negative indices counting from the end; the slot is BORROWED (retain to keep an
 * object).  IndexError "list index out of range". */
uint64_t roast_rt_list_get(const RoastList *l, int64_t index, const char *file, int32_t line, const char *fn);
/* l[index] = item; IndexError "list assignment index out of range". */
void roast_rt_list_set(RoastList *l, int64_t index, uint64_t item, const char *file, int32_t line, const char *fn);
/* l.pop() (has_index == 0) or l.pop(index); the result is OWNED (the list's reference passes to the
 * caller).  IndexError "pop from empty list" / "pop index out of range". */
uint64_t roast_rt_list_pop(RoastList *l, int64_t index, int32_t has_index, const char *file, int32_t line, const char *fn);
/* del l[index]; IndexError "list assignment index out of range". */
void roast_rt_list_del_item(RoastList *l, int64_t index, const char *file, int32_t line, const char *fn);
/* l[start:stop:step], a new list; `which` as for roast_rt_str_slice; step 0 is a ValueError. */
RoastList *roast_rt_list_slice(const RoastList *l, int64_t start, int64_t stop, int64_t step, int32_t which,
                               const char *file, int32_t line, const char *fn);
/* l[start:stop:step] = values (values may be l).  Step 1 replaces the range, whatever the sizes;
 * other steps need len(values) == the slice's length, else ValueError "attempt to assign sequence
 * of size N to extended slice of size M". */
void roast_rt_list_slice_assign(RoastList *l, int64_t start, int64_t stop, int64_t step, int32_t which,
                                const RoastList *values, const char *file, int32_t line, const char *fn);

bool roast_rt_list_contains(const RoastList *l, uint64_t item);       /* item in l */
int64_t roast_rt_list_count(const RoastList *l, uint64_t item);       /* l.count(item) */
/* l.index(item); ValueError "<repr(item)> is not in list". */
int64_t roast_rt_list_index(const RoastList *l, uint64_t item, const char *file, int32_t line, const char *fn);
/* l.remove(item): the first equal element; ValueError "list.remove(x): x not in list". */
void roast_rt_list_remove(RoastList *l, uint64_t item, const char *file, int32_t line, const char *fn);
bool roast_rt_list_eq(const RoastList *a, const RoastList *b); /* a == b (never raises) */
/* a OP b for any RoastCompareOp, exactly as CPython: lexicographic, the first unequal elements
 * decide with OP itself (so a NaN there makes <, <=, > and >= all false); TypeError "'<' not
 * supported between instances of 'NoneType' and 'str'" (with OP's symbol) if they cannot be
 * ordered.  Prefer it to roast_rt_list_compare. */
bool roast_rt_list_richcompare(const RoastList *a, const RoastList *b, int32_t op, const char *file,
                               int32_t line, const char *fn);
/* Three-way a <=> b (-1, 0, 1) for lowering < <= > >= as (result OP 0).  Cannot be exact: a NaN at
 * the first unequal elements gives 0 (< and > right, <= and >= wrong), and elements that cannot be
 * ordered raise the TypeError with '<' and no location. */
int64_t roast_rt_list_compare(const RoastList *a, const RoastList *b);
/* l.sort() / l.sort(reverse=True): CPython 3.12's timsort, making the same comparisons in the same
 * order, so results (NaN placement included) and TypeErrors (None) are CPython's. */
void roast_rt_list_sort(RoastList *l, int32_t reverse, const char *file, int32_t line, const char *fn);
/* The last step of sort(key=): `pairs` holds the (key, index) tuples a
 * keyed sort has sorted; element i of `l` becomes the one at index
 * pairs[i][1] (negated when `reverse`). Elements only move, so no count
 * changes. ValueError "list modified during sort" if the key function
 * changed the list's length. */
void roast_rt_list_reorder(RoastList *l, const RoastList *pairs, int32_t reverse, const char *file,
                           int32_t line, const char *fn);
/* sort(key=) with int keys, first step: a new list of the indices of `keys`
 * in the order a stable sort (reverse or not, as Python's) gives them. */
RoastList *roast_rt_list_argsort(const RoastList *keys, int32_t reverse);
/* ...and the last: element i of `l` becomes the one at index indices[i].
 * Elements only move; ValueError "list modified during sort" if the key
 * function changed the list's length. */
/* A new list whose element i is l[indices[i]] (indices: a permutation of
 * l's, from roast_rt_list_argsort); ValueError "list modified during sort"
 * (and NULL) if l's length changed since. */
RoastList *roast_rt_list_permuted(const RoastList *l, const RoastList *indices, const char *file,
                                  int32_t line, const char *fn);
/* Room for `extra` more elements, which a loop is about to append (at most
 * 2^24 of them: a loop that raises early must not have allocated for all). */
void roast_rt_list_reserve_hint(RoastList *l, int64_t extra);
void roast_rt_list_permute(RoastList *l, const RoastList *indices, const char *file, int32_t line,
                           const char *fn);

/* repr(l) as CPython writes it: [1, 2.5, True, 'a', None, [3]]; a list inside itself is [...]. */
RoastStr *roast_rt_list_repr(const RoastList *l);
void roast_rt_print_list(const RoastList *l); /* print(l): the same text */
/* sum(l) of a list of ints or bools (OverflowError "integer overflow"). */
int64_t roast_rt_list_sum_int(const RoastList *l, const char *file, int32_t line, const char *fn);
/* sum(l) of a list of floats, with CPython 3.12's compensated summation. */
double roast_rt_list_sum_float(const RoastList *l);
/* min(l) / max(l): the first extreme element's slot, BORROWED; ValueError
 * "min() arg is an empty sequence" on an empty list. */
uint64_t roast_rt_list_extreme(const RoastList *l, int32_t want_max, const char *file, int32_t line, const char *fn);
bool roast_rt_list_any(const RoastList *l); /* any(l) */
bool roast_rt_list_all(const RoastList *l); /* all(l) */
/* random.choice(l): a random element's slot, BORROWED, drawn as CPython draws it; IndexError
 * "Cannot choose from an empty sequence".  random.shuffle(l): in place, CPython's swaps. */
uint64_t roast_rt_random_choice(const RoastList *l, const char *file, int32_t line, const char *fn);
void roast_rt_random_shuffle(RoastList *l);
/* s.split() (sep NULL: runs of whitespace) or s.split(sep) (ValueError
 * "empty separator"), splitting at most maxsplit times (< 0: no limit; the
 * rest is the last piece): a new list of new strs. */
RoastList *roast_rt_str_split(const RoastStr *s, const RoastStr *sep, int64_t maxsplit, const char *file, int32_t line, const char *fn);
/* sep.join(items) for a list of strs: a new str. */
RoastStr *roast_rt_str_join(const RoastStr *sep, const RoastList *items, const char *file, int32_t line, const char *fn);
/* The repr of any object: NULL is None, then by type_id (the one switch later types extend). */
void roast_rt_print_object_repr(const RoastObject *o);

/* ---- Classes (docs/rationale/classes.md) ---------------------------------- */
/* An instance is the header, its class, then its fields, laid out as the C
 * struct of their types would be.  The compiler emits one RoastClass per
 * class; the built-in exception classes are the runtime's
 * (roast_rt_class_<Name>).  Every exception's first field, at offset 24,
 * is its message (a str, or NULL for none). */

struct RoastMember;
struct RoastCallable;

typedef struct RoastClass {
  const char *name;               /* the class's Python name */
  const struct RoastClass *base;  /* null for a root class */
  int64_t size;                   /* bytes of an instance, header included */
  int64_t num_refs;               /* references an instance owns... */
  const int64_t *ref_offsets;     /* ...at these byte offsets */
  /* Method table slots of __str__, __repr__, __eq__, __lt__, __gt__ and
   * __hash__ (-1: none), which the runtime calls for print, containers,
   * sorting and hashing. */
  int32_t str_slot, repr_slot, eq_slot, lt_slot, gt_slot, hash_slot;
  int64_t num_value_refs;         /* RoastValue fields an instance owns... */
  const int64_t *value_ref_offsets; /* ...at these byte offsets */
  /* What dynamic code may look up by name (Dynamic values below): fields,
   * methods and class attributes, the class's own first, then its bases'. */
  int64_t num_members;
  const struct RoastMember *members;
  /* Calling an instance as a function (closures, classes with __call__),
   * or NULL when instances are not callable. */
  const struct RoastCallable *call;
  int64_t num_methods;
  void *methods[];                /* the method table */
} RoastClass;

typedef struct RoastInstance {
  RoastObject header;       /* type_id == ROAST_TYPE_INSTANCE */
  const RoastClass *cls;
  /* fields follow */
} RoastInstance;

#define ROAST_EXCEPTION_MESSAGE_OFFSET 24

RoastInstance *roast_rt_object_new(const RoastClass *cls);  /* fields zeroed */
void roast_rt_instance_free(RoastInstance *o);               /* releases the fields */
bool roast_rt_isinstance(const RoastInstance *o, const RoastClass *cls);
RoastStr *roast_rt_instance_str(const RoastInstance *o);     /* str(o) */
RoastStr *roast_rt_instance_repr(const RoastInstance *o);    /* repr(o) */
void roast_rt_print_instance(const RoastInstance *o);         /* print(o) */
/* hash(o): __hash__, or one derived from identity without one. */
int64_t roast_rt_instance_hash(const RoastInstance *o);
/* a == b: __eq__, or identity without one. */
bool roast_rt_instance_eq(const RoastInstance *a, const RoastInstance *b);
/* a < b (op ROAST_CMP_LT) or a > b (ROAST_CMP_GT) through __lt__/__gt__ or
 * the reflected method; -1 (TypeError raised) when neither exists. */
int roast_rt_instance_less(const RoastInstance *a, const RoastInstance *b, int32_t op,
                           const char *file, int32_t line, const char *fn);

#define ROAST_EXCEPTION_CLASS(Name, Base) extern const RoastClass roast_rt_class_##Name;
#include "Roast/Runtime/ExceptionClasses.def"
#undef ROAST_EXCEPTION_CLASS

/* ---- Boxed tuples ------------------------------------------------------- */
/*
 * In registers and locals a tuple is a by-value struct.  Where it must live
 * in one 8-byte slot (a list element, a dict key or value, a set element, a
 * tuple inside a boxed tuple) the compiler boxes it into a heap RoastTuple:
 *
 *   offset 16  int64_t  length
 *   offset 24  uint64_t items[length]     one slot per field
 *   then       uint8_t  kinds[length]     the RoastElemKind of each field
 *
 * roast_rt_tuple_new copies the kinds (a constant array the compiler emits
 * per tuple type) and leaves the items zeroed; the compiler then stores each
 * field at offset 24 + 8 * i, passing ownership of object fields to the
 * tuple.  Unboxing loads the items and retains object fields.  Boxed tuples
 * are immutable; they compare, hash, print and free like CPython's tuples
 * (lexicographic order, (1,) for one element, hash as CPython 3.12's
 * xxHash-based tuplehash).
 */
typedef struct RoastTuple {
  RoastObject header; /* type_id == ROAST_TYPE_TUPLE; flags 0 */
  int64_t length;     /* number of fields (offset 16) */
  uint64_t items[];   /* the fields (offset 24), then uint8_t kinds[length] */
} RoastTuple;

/* A fresh tuple of `length` zeroed fields whose kinds are copied from kinds[0..length); refcount 1. */
RoastTuple *roast_rt_tuple_new(int64_t length, const uint8_t *kinds);
RoastStr *roast_rt_tuple_repr(const RoastTuple *t); /* repr(t): (1, 'a'), (1,), () */
/* a OP b for any RoastCompareOp, as CPython compares tuples: lexicographic, the first unequal
 * fields decide with OP itself (a NaN there makes every ordering false), a shorter prefix is
 * smaller; TypeError "'<' not supported between instances of 'int' and 'str'" (OP's symbol)
 * when the deciding fields cannot be ordered. */
bool roast_rt_tuple_richcompare(const RoastTuple *a, const RoastTuple *b, int32_t op,
                                const char *file, int32_t line, const char *fn);

/* ---- Optionals ----------------------------------------------------------- */
/* An `int | None` (float, bool) needs more than the 8 bytes of a slot, so
 * where one must fit a slot (a list element, a dict key or value) the
 * compiler boxes it: None is NULL, any other value a RoastBox holding the
 * number's slot, its RoastElemKind in header.flags (docs/rationale/
 * optionals.md).  Boxes are immutable and transparent: the runtime's
 * generic paths (repr, ==, order, hash) look through them to the number, so
 * a list[int | None] prints, compares and hashes as CPython's. */
typedef struct RoastBox {
  RoastObject header; /* type_id == ROAST_TYPE_BOX; flags: the RoastElemKind */
  uint64_t slot;      /* the number (offset 16) */
} RoastBox;

/* A new box of the number `slot` of kind `kind` (INT, FLOAT or BOOL), or
 * NULL (None) when !present. */
RoastObject *roast_rt_box_optional(bool present, uint32_t kind, uint64_t slot);
/* The number in a box; 0 for NULL (None). */
uint64_t roast_rt_box_slot(const RoastObject *box);

/* ---- Dynamic values (docs/rationale/dynamic-values.md) -------------------- */
/*
 * An unannotated (`Any`) value is a RoastValue: 64 bits, NaN-boxed.
 *   a double            its own IEEE-754 bits; every NaN is stored as the
 *                       canonical 0x7FF8000000000000, so the top 16 bits of
 *                       a double are never 0xFFF9 or above
 *   an int              0xFFF9 << 48 | its low 48 bits, when it is in
 *                       [-2^47, 2^47); any other int is an object: a RoastBox
 *                       of kind ROAST_ELEM_INT (Optionals above)
 *   a bool              0xFFFA << 48 | 0 or 1
 *   None                0xFFFB << 48
 *   an object           0xFFFC << 48 | its address (user space: 47 bits)
 * A RoastValue owns a reference to its object, like a slot of kind OBJECT.
 * Lists, dict keys and values, set elements and tuple fields of kind
 * ROAST_ELEM_VALUE hold RoastValues; every generic path of the runtime
 * (repr, ==, order, hash, retain/release, freeing) decodes them into a
 * (kind, slot) pair first, so a list[Any] prints, compares and sorts as
 * CPython's list.
 *
 * Operations on dynamic values follow Python's semantics with CPython's
 * messages ("unsupported operand type(s) for +: 'int' and 'str'", "'int'
 * object has no attribute 'upper'", "can only concatenate str (not \"int\")
 * to str").  Int arithmetic is 64-bit and raises OverflowError like typed
 * code.  Those that may raise take the usual (file, line, fn) and return 0
 * with roast_rt_exception set; the caller tests roast_rt_exception.  As
 * everywhere, arguments are borrowed and results are new references.
 *
 * Dynamic code storing into a typed container (append, insert, x[i] = v,
 * d[k] = v, s.add(v), +=) converts the value to the container's kind as
 * roast_rt_value_to_slot does: a str appended to a list of kind INT is a
 * TypeError "int object expected; got str" and leaves the list unchanged.
 * Lookups (in, index, count, remove, d[k]) compare instead of converting.
 * The runtime's own objects for dynamic code are iterators
 * (ROAST_TYPE_ITERATOR), bound methods (ROAST_TYPE_BOUND_METHOD: the
 * receiver and a member or built-in method name) and built-in functions and
 * types (ROAST_TYPE_BUILTIN, immortal).  AttributeError and StopIteration
 * are ROAST_ERR_ATTRIBUTE and ROAST_ERR_STOP_ITERATION.
 *
 * Tracebacks: when a compiled function the runtime calls (a RoastCallable's
 * entry: methods, closures, operator methods) raises, the runtime adds the
 * frame of the (file, line, fn) it was given, the dynamic call site, so the
 * compiled caller must not push its own frame for these runtime calls.
 */
typedef uint64_t RoastValue;

#define ROAST_VALUE_TAG_SHIFT 48
#define ROAST_VALUE_TAG_INT UINT64_C(0xFFF9)
#define ROAST_VALUE_TAG_BOOL UINT64_C(0xFFFA)
#define ROAST_VALUE_TAG_NONE UINT64_C(0xFFFB)
#define ROAST_VALUE_TAG_OBJECT UINT64_C(0xFFFC)
#define ROAST_VALUE_NONE (ROAST_VALUE_TAG_NONE << ROAST_VALUE_TAG_SHIFT)
#define ROAST_VALUE_FALSE (ROAST_VALUE_TAG_BOOL << ROAST_VALUE_TAG_SHIFT)
#define ROAST_VALUE_TRUE (ROAST_VALUE_FALSE | 1)
#define ROAST_VALUE_PAYLOAD_MASK ((UINT64_C(1) << ROAST_VALUE_TAG_SHIFT) - 1)

/* A member of a class that dynamic code finds by name (RoastClass.members). */
enum RoastMemberKind {
  ROAST_MEMBER_FIELD = 1,  /* an instance field: get/set below */
  ROAST_MEMBER_METHOD = 2, /* a method: call below (its first argument is the instance) */
  ROAST_MEMBER_STATIC = 3, /* a static method: call below (no instance) */
  ROAST_MEMBER_PROPERTY = 4, /* a @property: get (the getter) */
  ROAST_MEMBER_CONSTANT = 5  /* a class attribute: get (instance ignored) */
};

/* A function called with dynamic arguments.  The runtime checks argc
 * against [min_args, max_args] first (TypeError "f() takes 2 positional
 * arguments but 3 were given", "f() takes from 1 to 2 positional arguments
 * but 3 were given", "f() missing 1 required positional argument" as
 * CPython words them, where f is name, but without the missing parameters'
 * names, which the callable does not have); the entry fills in the
 * defaults of the missing trailing arguments, converts each argument to its
 * parameter's type (TypeError when it cannot, as roast_rt_value_unbox_*
 * below) and boxes the result.  For a method, the first argument is the
 * instance.  The entry is a compiled function taking exactly max_args
 * values after argc:
 *     RoastValue entry(RoastInstance *closure, int64_t argc,
 *                      RoastValue a0, ..., RoastValue a<max_args - 1>)
 * (arguments past argc are None and stand for the missing ones), which
 * keeps it a plain function in the roast dialect; max_args is at most
 * ROAST_MAX_DYNAMIC_ARGS. */
#define ROAST_MAX_DYNAMIC_ARGS 8
typedef void *RoastDynamicEntry;
typedef struct RoastCallable {
  const char *name;     /* as CPython names it in messages: "add", "Robot.sound" */
  int32_t min_args, max_args; /* counting the instance of a method */
  RoastDynamicEntry entry; /* closure: the called instance for closures and __call__, else NULL */
} RoastCallable;

typedef struct RoastMember {
  const char *name;
  int32_t kind;      /* RoastMemberKind */
  int32_t slot_kind; /* FIELD: the RoastElemKind of the field when it is one 8-byte slot
                        (INT, FLOAT, OBJECT, VALUE) or a bool byte (BOOL), else 0 */
  int64_t offset;    /* FIELD: its byte offset in the instance (inline caches load there) */
  /* FIELD, PROPERTY, CONSTANT: the value, boxed (new reference) */
  RoastValue (*get)(const struct RoastInstance *self);
  /* FIELD: stores a value converted to the field's type; false (TypeError raised) when it cannot */
  bool (*set)(struct RoastInstance *self, RoastValue value);
  const RoastCallable *call; /* METHOD, STATIC */
} RoastMember;

/* Boxing: a value from a slot of the given RoastElemKind (OBJECT NULL is None); new reference. */
RoastValue roast_rt_value_from_slot(uint32_t kind, uint64_t slot);
/* A value as a slot of `kind` (INT, FLOAT, BOOL, OBJECT or VALUE) for a store into a typed
 * container: FLOAT accepts ints and bools (converted), INT accepts bools, OBJECT any object or
 * None (a big int as its box); anything else raises TypeError "int object expected; got str"
 * (mypyc's wording; "object expected; got int" for OBJECT) and returns false with *out 0.
 * *out is a new reference. */
bool roast_rt_value_to_slot(RoastValue v, uint32_t kind, uint64_t *out, const char *file,
                            int32_t line, const char *fn);
RoastValue roast_rt_value_from_int(int64_t v);          /* inline when in 48 bits, else a box */
void roast_rt_value_retain(RoastValue v);
void roast_rt_value_release(RoastValue v);

/* Checked unboxing (a dynamic value meeting a declared type).  TypeError "int object
 * expected; got str" (mypyc's wording) on a mismatch. */
int64_t roast_rt_value_unbox_int(RoastValue v, const char *file, int32_t line, const char *fn);    /* int, bool */
double roast_rt_value_unbox_float(RoastValue v, const char *file, int32_t line, const char *fn);   /* float, int, bool */
bool roast_rt_value_unbox_bool(RoastValue v, const char *file, int32_t line, const char *fn);      /* bool only */
/* An object of type_id (STR, LIST, DICT, SET, TUPLE, FILE), or None when none_ok; a new
 * reference.  For LIST, DICT and SET, elem_kind (dict: key kind | value kind << 8) must match
 * the object's kind, except that a container of kind VALUE is converted into a new one of
 * the wanted kind when every element converts (Roast-specific: the typed code then works on
 * a copy). */
RoastObject *roast_rt_value_unbox_object(RoastValue v, uint32_t type_id, uint32_t elem_kind,
                                         bool none_ok, const char *file, int32_t line,
                                         const char *fn);
/* A tuple of `length` fields of the given kinds (or None when none_ok); a new reference: the
 * tuple itself when its field kinds are those, else a converted copy (TypeError as
 * roast_rt_value_to_slot when a field does not fit, TypeError "tuple of length 2 expected;
 * got length 3" when the length differs). */
RoastTuple *roast_rt_value_unbox_tuple(RoastValue v, int64_t length, const uint8_t *kinds,
                                       bool none_ok, const char *file, int32_t line,
                                       const char *fn);
/* An instance of cls or of a subclass (or None when none_ok); a new reference. */
struct RoastInstance *roast_rt_value_unbox_instance(RoastValue v, const struct RoastClass *cls,
                                                    bool none_ok, const char *file, int32_t line,
                                                    const char *fn);

/* Operators.  op numbers: */
enum RoastBinaryOp {
  ROAST_BINOP_ADD = 0, ROAST_BINOP_SUB, ROAST_BINOP_MUL, ROAST_BINOP_TRUEDIV,
  ROAST_BINOP_FLOORDIV, ROAST_BINOP_MOD, ROAST_BINOP_POW, ROAST_BINOP_LSHIFT,
  ROAST_BINOP_RSHIFT, ROAST_BINOP_AND, ROAST_BINOP_OR, ROAST_BINOP_XOR
};
enum RoastUnaryOp { ROAST_UNOP_NEG = 0, ROAST_UNOP_POS, ROAST_UNOP_INVERT };
/* a OP b: numbers (bool < int < float, as Python widens them), str/list/tuple + and * (by an
 * int), set | & - ^, dict |, and the operator methods of instances (__add__, then the
 * reflected __radd__ of b).  inplace: a OP= b, which tries __iadd__ first and extends a
 * list in place (a += b). */
RoastValue roast_rt_value_binary(int32_t op, RoastValue a, RoastValue b, bool inplace,
                                 const char *file, int32_t line, const char *fn);
RoastValue roast_rt_value_unary(int32_t op, RoastValue a, const char *file, int32_t line, const char *fn);
/* a OP b for a RoastCompareOp: True/False, or what __eq__/__lt__... return.  == and != never
 * fail on mismatched types; ordering them raises TypeError "'<' not supported between
 * instances of 'int' and 'str'". */
RoastValue roast_rt_value_compare(int32_t op, RoastValue a, RoastValue b, const char *file,
                                  int32_t line, const char *fn);
/* bool(v): __bool__, then __len__, for instances; -1 when that raised. */
int32_t roast_rt_value_truth(RoastValue v, const char *file, int32_t line, const char *fn);
/* item in container (str, list, tuple, dict, set, instance with __contains__); -1 on error. */
int32_t roast_rt_value_contains(RoastValue container, RoastValue item, const char *file,
                                int32_t line, const char *fn);
/* len(v); -1 on error (TypeError "object of type 'int' has no len()"). */
int64_t roast_rt_value_len(RoastValue v, const char *file, int32_t line, const char *fn);
/* v[key], v[key] = item, del v[key] (str, list, tuple, dict, instance with __getitem__...). */
RoastValue roast_rt_value_getitem(RoastValue v, RoastValue key, const char *file, int32_t line, const char *fn);
bool roast_rt_value_setitem(RoastValue v, RoastValue key, RoastValue item, const char *file, int32_t line, const char *fn);
bool roast_rt_value_delitem(RoastValue v, RoastValue key, const char *file, int32_t line, const char *fn);
/* v[start:stop:step]; each bound None when absent. */
RoastValue roast_rt_value_getslice(RoastValue v, RoastValue start, RoastValue stop, RoastValue step,
                                   const char *file, int32_t line, const char *fn);

/* Iteration: iter(v) gives an iterator object (ROAST_TYPE_ITERATOR) over a str, list, tuple,
 * dict (keys), set, file, or an instance's __iter__ (its result walked by __next__ until
 * StopIteration, which the runtime catches); iter() of an iterator is itself; TypeError
 * "'int' object is not iterable".  A list is read live (items appended during the loop are
 * visited); a dict or set changing size raises RuntimeError "dictionary changed size during
 * iteration" as CPython. */
RoastValue roast_rt_value_iter(RoastValue v, const char *file, int32_t line, const char *fn);
/* The next item of an iterator from roast_rt_value_iter into *out (new reference): true, or
 * false at the end and on error (roast_rt_exception tells them apart). */
bool roast_rt_value_next(RoastValue iterator, RoastValue *out, const char *file, int32_t line,
                         const char *fn);
/* The list a `for` over v walks by index (a new reference): v itself when it is a list of
 * dynamic values, so that the loop sees the changes its body makes as CPython's list iterator
 * does; else list(v), a snapshot of any iterable (TypeError as roast_rt_value_iter). */
RoastList *roast_rt_value_iter_list(RoastValue v, const char *file, int32_t line, const char *fn);

/* Attributes: fields, properties, class constants and methods of instances (members), and
 * the methods of built-in types; a method read without a call is a bound method value.
 * AttributeError "'int' object has no attribute 'upper'". */
/* A method read without a call is a bound method, an object of type_id ROAST_TYPE_BOUND_METHOD. */
RoastValue roast_rt_value_getattr(RoastValue v, const char *name, const char *file, int32_t line, const char *fn);
bool roast_rt_value_setattr(RoastValue v, const char *name, RoastValue item, const char *file, int32_t line, const char *fn);
/* v.name(*argv): a method of an instance (members) or of a built-in type, as CPython's, on
 * containers of any kind: str upper lower strip lstrip rstrip split join startswith endswith
 * find index count replace isdigit isalpha; list append pop insert extend remove index count
 * sort (no key=) reverse copy clear; dict get keys values items (lists, not views) pop
 * setdefault update copy clear; set add remove discard pop clear copy union intersection
 * difference; tuple index count.  Instances' fields and properties holding callables are
 * called too. */
RoastValue roast_rt_value_call_method(RoastValue v, const char *name, int64_t argc, const RoastValue *argv,
                                      const char *file, int32_t line, const char *fn);
/* Inline caches (docs/rationale/dynamic-values.md, "Inline caches"): each attribute or
 * method site that roast-inline-cache rewrites owns one, zeroed at start.  Compiled code
 * compares an instance receiver's class with the entries' and, on a match, uses `data`
 * directly: for a field cache the byte offset of a VALUE field (loaded and retained, or
 * stored into with the old value released) or, at a read site only, the byte offset of a
 * FLOAT field or'ed with ROAST_INLINE_CACHE_FLOAT_FIELD (its double is the value, once a NaN
 * is made the canonical one), for a method cache the RoastCallable entry of a
 * method that takes exactly the site's argc + 1 values (called with a NULL closure).  Any
 * other receiver calls the _ic function, which does what the uncached function does (same
 * results, references and errors) and then records the receiver's class when its member is
 * cacheable: the newest class goes first, the older first entry moves second. */
#define ROAST_INLINE_CACHE_ENTRIES 2
#define ROAST_INLINE_CACHE_FLOAT_FIELD ((intptr_t)1 << 32) /* offsets fit in the low 32 bits */
typedef struct RoastInlineCacheEntry {
  const struct RoastClass *cls; /* NULL: empty (no instance has a NULL class) */
  intptr_t data;                /* a field's byte offset, or a method's entry */
} RoastInlineCacheEntry;
typedef struct RoastInlineCache {
  RoastInlineCacheEntry entries[ROAST_INLINE_CACHE_ENTRIES];
} RoastInlineCache;
RoastValue roast_rt_value_getattr_ic(RoastValue v, const char *name, RoastInlineCache *cache,
                                     const char *file, int32_t line, const char *fn);
bool roast_rt_value_setattr_ic(RoastValue v, const char *name, RoastValue item,
                               RoastInlineCache *cache, const char *file, int32_t line,
                               const char *fn);
RoastValue roast_rt_value_call_method_ic(RoastValue v, const char *name, int64_t argc,
                                         const RoastValue *argv, RoastInlineCache *cache,
                                         const char *file, int32_t line, const char *fn);
/* f(*argv) for a callable value: a closure or an instance whose class has `call`, a bound
 * method, a built-in (ROAST_TYPE_BUILTIN); TypeError "'int' object is not callable". */
RoastValue roast_rt_value_call(RoastValue f, int64_t argc, const RoastValue *argv, const char *file,
                               int32_t line, const char *fn);

/* Built-ins used as values (key=len, map(str, xs), [abs, float]): immortal objects of
 * type_id ROAST_TYPE_BUILTIN that print as CPython's (<built-in function abs>,
 * <class 'str'>) and call the built-in on dynamic arguments. */
enum RoastBuiltin {
  ROAST_BUILTIN_ABS = 0, ROAST_BUILTIN_LEN, ROAST_BUILTIN_STR, ROAST_BUILTIN_REPR,
  ROAST_BUILTIN_INT, ROAST_BUILTIN_FLOAT, ROAST_BUILTIN_BOOL, ROAST_BUILTIN_LIST,
  ROAST_BUILTIN_TUPLE, ROAST_BUILTIN_SET, ROAST_BUILTIN_DICT, ROAST_BUILTIN_SORTED,
  ROAST_BUILTIN_MIN, ROAST_BUILTIN_MAX, ROAST_BUILTIN_SUM, ROAST_BUILTIN_ORD,
  ROAST_BUILTIN_CHR, ROAST_BUILTIN_HASH, ROAST_BUILTIN_TYPE, ROAST_BUILTIN_ROUND,
  ROAST_BUILTIN_COUNT
};
RoastValue roast_rt_builtin_value(int32_t which); /* borrowed (immortal) */
/* which(*argv) for a RoastBuiltin, as calling roast_rt_builtin_value(which) does, without
 * the value: CPython's semantics and messages on dynamic arguments (int("ff", 16),
 * round(2.5), sorted(xs), min(a, b) ...).  Positional arguments only (no key=, reverse=). */
RoastValue roast_rt_builtin_call(int32_t which, int64_t argc, const RoastValue *argv,
                                 const char *file, int32_t line, const char *fn);
/* sum(l) of a list of any kind holding dynamic values (ROAST_ELEM_VALUE): Python's + from
 * the int 0, exact for ints and compensated for floats as CPython 3.12's sum(). */
RoastValue roast_rt_list_sum_value(const RoastList *l, const char *file, int32_t line,
                                   const char *fn);

/* Type tests: isinstance(v, t) for a built-in type t (a RoastBuiltin: INT is true for
 * bools, as in Python; BOOL, FLOAT, STR, LIST, TUPLE, DICT, SET), for None (which =
 * -1), and for a class (and its subclasses). */
bool roast_rt_value_isinstance_builtin(RoastValue v, int32_t which);
bool roast_rt_value_isinstance_class(RoastValue v, const struct RoastClass *cls);
/* type(v).__name__: "int", "str", "NoneType", "Robot", "function" (closures), "method",
 * "builtin_function_or_method", "list_iterator"... */
const char *roast_rt_value_type_name(RoastValue v);
/* callable(v) and hasattr(v, name). */
bool roast_rt_value_callable(RoastValue v);
bool roast_rt_value_hasattr(RoastValue v, const char *name);

/* Conversions and printing. */
RoastStr *roast_rt_value_str(RoastValue v);      /* str(v); NULL when __str__ raised */
RoastStr *roast_rt_value_repr(RoastValue v);     /* repr(v); NULL when __repr__ raised */
void roast_rt_print_value(RoastValue v);         /* print's text for v (str(v)) */
/* format(v, spec) / f"{v:spec}" (as roast_rt_format_* for the value's type). */
RoastStr *roast_rt_value_format(RoastValue v, const RoastStr *spec, const char *file, int32_t line, const char *fn);
/* hash(v) and v == w for dict keys and sets (CPython's numbers: hash(1) == hash(1.0) == hash(True)). */
int64_t roast_rt_value_hash(RoastValue v, const char *file, int32_t line, const char *fn);

/* ---- Hashing ------------------------------------------------------------- */
/* hash(v) of a slot of the given kind, equal to CPython 3.12's for int,
 * bool, float, None (a constant since 3.12) and tuples of those (str hashes
 * differ: CPython randomizes them).  Never -1.  A NaN hashes to 0 (CPython
 * hashes a NaN by its object's address; unboxed floats have none, and a NaN
 * key is never found again anyway).  Lists, dicts and sets are unhashable:
 * the compiler rejects them as keys, and the runtime raises TypeError
 * "unhashable type: 'list'" (no location) for one inside a tuple. */
int64_t roast_rt_slot_hash(uint32_t kind, uint64_t slot);

/* ---- Dicts ----------------------------------------------------------------- */
/*
 * dict[K, V]: an insertion-ordered hash table (CPython's compact layout: a
 * dense entry array in insertion order plus a sparse index table).  The key
 * kind is flags & 0xff and the value kind (flags >> 8) & 0xff, both
 * RoastElemKind; keys and values are slots as in lists, and the compiler
 * converts an int key or value to a float slot where K or V is float.
 * Key equality is CPython's (1 == 1.0 == True); a NaN key is never found
 * again, since unboxed floats have no identity.
 *
 * Ownership as everywhere: arguments borrowed, results new references
 * unless a function says BORROWED; the dict owns a reference to each object
 * key and value.  Overwriting a key's value keeps the key's position and
 * the original key object.  len(d) is read inline at offset 16.
 * A KeyError's message is repr(key), as CPython prints it.  Dicts are always
 * heap objects, never immortal; the runtime owns their flag bits above 16.
 * A dict inside itself prints as {...}.
 */
typedef struct RoastDict RoastDict; /* offset 16: int64_t length (live entries) */

/* An empty dict; refcount exactly 1. */
RoastDict *roast_rt_dict_new(uint32_t key_kind, uint32_t value_kind);
/* d[key] = value. */
void roast_rt_dict_set(RoastDict *d, uint64_t key, uint64_t value);
/* d[key]: the value slot, BORROWED; KeyError repr(key) when missing. */
uint64_t roast_rt_dict_get(const RoastDict *d, uint64_t key, const char *file, int32_t line, const char *fn);
/* Whether key is in d; if so and value_out is not NULL, *value_out = its value slot, BORROWED
 * (d.get(key, default) and `key in d`). */
bool roast_rt_dict_lookup(const RoastDict *d, uint64_t key, uint64_t *value_out);
/* del d[key]; KeyError repr(key) when missing. */
void roast_rt_dict_del(RoastDict *d, uint64_t key, const char *file, int32_t line, const char *fn);
/* d.pop(key): the value, OWNED (the dict's reference passes to the caller); KeyError when missing. */
uint64_t roast_rt_dict_pop(RoastDict *d, uint64_t key, const char *file, int32_t line, const char *fn);
/* d.pop(key, default): the value OWNED, or default retained when missing. */
uint64_t roast_rt_dict_pop_default(RoastDict *d, uint64_t key, uint64_t default_value);
/* d.setdefault(key, default): inserts default if missing; the value now in d, BORROWED. */
uint64_t roast_rt_dict_setdefault(RoastDict *d, uint64_t key, uint64_t default_value);
/* d.update(other): other's entries in its order (other may be d); number kinds are widened to d's. */
void roast_rt_dict_update(RoastDict *d, const RoastDict *other);
void roast_rt_dict_clear(RoastDict *d);               /* d.clear() */
RoastDict *roast_rt_dict_copy(const RoastDict *d);    /* d.copy(), dict(d) */
/* Snapshots in insertion order, as new lists: list(d) / d.keys(), d.values(), and d.items()
 * (a list of boxed 2-tuples whose field kinds are the key and value kinds). */
RoastList *roast_rt_dict_keys(const RoastDict *d);
RoastList *roast_rt_dict_values(const RoastDict *d);
RoastList *roast_rt_dict_items(const RoastDict *d);
/* a == b: same keys, equal values (never raises but RecursionError).  Dicts have no order:
 * comparing them with < inside lists raises TypeError "'<' not supported between instances of
 * 'dict' and 'dict'". */
bool roast_rt_dict_eq(const RoastDict *a, const RoastDict *b);
RoastStr *roast_rt_dict_repr(const RoastDict *d);              /* {'a': 1, 2: [3]}, {} */

/* ---- Sets ------------------------------------------------------------------ */
/*
 * set[T]: the same hash table without values; the element kind is
 * flags & 0xff.  Roast sets iterate in insertion order (CPython's order
 * depends on hashes; programs must not rely on either).  len(s) is read
 * inline at offset 16.  Binary operations return new sets whose elements
 * come in the order of the left operand, then the right one's; a | b and
 * a ^ b have the wider number kind of the two (set[_T | _S]), a & b and
 * a - b the left one's (set[_T]).  Membership compares across number kinds,
 * and elements stored into a set are widened to its kind.  Sets are never
 * immortal.
 */
typedef struct RoastSet RoastSet; /* offset 16: int64_t length */

RoastSet *roast_rt_set_new(uint32_t kind);                  /* set(); refcount exactly 1 */
RoastSet *roast_rt_set_from_list(const RoastList *l, uint32_t kind); /* set(l); number kinds converted to kind */
void roast_rt_set_add(RoastSet *s, uint64_t item);          /* s.add(item) */
bool roast_rt_set_contains(const RoastSet *s, uint64_t item); /* item in s */
/* s.remove(item); KeyError repr(item) when missing. */
void roast_rt_set_remove(RoastSet *s, uint64_t item, const char *file, int32_t line, const char *fn);
void roast_rt_set_discard(RoastSet *s, uint64_t item);      /* s.discard(item) */
/* s.pop(): the first element in iteration order, OWNED; KeyError 'pop from an empty set' (quoted, as CPython prints it). */
uint64_t roast_rt_set_pop(RoastSet *s, const char *file, int32_t line, const char *fn);
void roast_rt_set_clear(RoastSet *s);                       /* s.clear() */
RoastSet *roast_rt_set_copy(const RoastSet *s);             /* s.copy(), set(s) */
RoastSet *roast_rt_set_union(const RoastSet *a, const RoastSet *b);        /* a | b */
RoastSet *roast_rt_set_intersection(const RoastSet *a, const RoastSet *b); /* a & b */
RoastSet *roast_rt_set_difference(const RoastSet *a, const RoastSet *b);   /* a - b */
RoastSet *roast_rt_set_symmetric_difference(const RoastSet *a, const RoastSet *b); /* a ^ b */
void roast_rt_set_update(RoastSet *s, const RoastSet *other);                  /* s |= other */
void roast_rt_set_intersection_update(RoastSet *s, const RoastSet *other);     /* s &= other */
void roast_rt_set_difference_update(RoastSet *s, const RoastSet *other);       /* s -= other */
void roast_rt_set_update_list(RoastSet *s, const RoastList *l);               /* s.update(l) */
bool roast_rt_set_eq(const RoastSet *a, const RoastSet *b);          /* a == b */
/* a <= b.  a < b is issubset && !eq; > and >= swap the operands.  Sets inside lists and
 * tuples compare by inclusion the same way (roast_rt_list_richcompare). */
bool roast_rt_set_issubset(const RoastSet *a, const RoastSet *b);
RoastList *roast_rt_set_to_list(const RoastSet *s);  /* list(s), in iteration order */
RoastStr *roast_rt_set_repr(const RoastSet *s);      /* {1, 2}, set() */

/* ---- The sys module ------------------------------------------------------- */
/* sys.exit(status): flush stdout and end the process with status. */
void roast_rt_exit(int64_t status);
/* sys.argv: a new reference to the one list of the program's arguments (argv[0] first). */
RoastList *roast_rt_sys_argv(void);

/* ---- Text files (docs/rationale/files.md) --------------------------------- */
/* open(path, mode) for the text modes r, w, a and x (a 't' may follow):
 * a new reference to a file object (type_id ROAST_TYPE_FILE) over a stdio
 * stream.  Releasing the last reference closes the file.  Errors are
 * CPython's: ValueError "invalid mode: 'q'", FileNotFoundError "[Errno 2]
 * No such file or directory: 'x.txt'", PermissionError, IsADirectoryError,
 * NotADirectoryError, FileExistsError, and OSError for any other errno;
 * binary and '+' modes are ValueErrors (Roast-specific: not supported yet).
 * Text is UTF-8; reading decodes it as input() does (surrogateescape, where
 * CPython's files would raise UnicodeDecodeError) and translates "\r\n"
 * and "\r" to "\n" (universal newlines).  Every operation on a closed file
 * raises ValueError "I/O operation on closed file."; reading a file opened
 * for writing, or the reverse, io.UnsupportedOperation "not readable" /
 * "not writable". */
typedef struct RoastFile RoastFile;
RoastFile *roast_rt_file_open(const RoastStr *path, const RoastStr *mode, const char *file, int32_t line, const char *fn);
RoastStr *roast_rt_file_read(RoastFile *f, const char *file, int32_t line, const char *fn);     /* f.read() */
RoastStr *roast_rt_file_readline(RoastFile *f, const char *file, int32_t line, const char *fn); /* f.readline(); "" at the end */
RoastList *roast_rt_file_readlines(RoastFile *f, const char *file, int32_t line, const char *fn); /* f.readlines() */
/* f.write(s): the number of code points written. */
int64_t roast_rt_file_write(RoastFile *f, const RoastStr *s, const char *file, int32_t line, const char *fn);
/* f.close(): flushes and closes; closing twice does nothing. */
void roast_rt_file_close(RoastFile *f);
/* sys.stdout (which 1) and sys.stderr (which 2): immortal file objects.
 * stdout writes go through print's buffer; stderr writes flush it first, so
 * the two streams interleave in program order. */
RoastFile *roast_rt_std_stream(int32_t which);
/* print(..., file=f): output goes to f (ValueError if f is closed) until
 * roast_rt_print_end(). */
void roast_rt_print_begin(RoastFile *f, const char *file, int32_t line, const char *fn);
void roast_rt_print_end(void);

/* ---- Formatting (f-strings and format()) -------------------------------- */
/* format(v, spec), and f"{v:spec}", with Python's format-spec mini-language
 *     [[fill]align][sign][z][#][0][width][grouping][.precision][type]
 * exactly as CPython 3.12 applies it to each type (formatter_unicode.c):
 *   int:   b c d o x X n, and e E f F g G % (formatting float(v)); default d
 *   float: e E f F g G n %, and none (repr, or with a precision 'g' keeping a ".0")
 *   str:   s (precision truncates; width and precision count code points)
 *   bool:  an empty spec gives "True"/"False"; any other formats it as the int 1 or 0
 * An empty spec gives str(v).  spec is borrowed; the result is a new reference.
 * Malformed or unsupported specs raise ValueError with CPython's messages, e.g.
 * "Unknown format code 'f' for object of type 'str'", "Invalid format specifier
 * '.2fx' for object of type 'int'", "Cannot specify ',' with 's'."; 'c' of a value
 * outside range(0x110000) is OverflowError "%c arg not in range(0x110000)".
 * Roast-specific: width and precision take ASCII digits only (CPython also accepts
 * other Unicode decimal digits), 'n' uses the C locale (no grouping, '.'), which is
 * also CPython's unless the program calls locale.setlocale, and a message quoting a
 * spec that contains a NUL ends at the NUL. */
RoastStr *roast_rt_format_int_spec(int64_t v, const RoastStr *spec, const char *file, int32_t line, const char *fn);
RoastStr *roast_rt_format_float_spec(double v, const RoastStr *spec, const char *file, int32_t line, const char *fn);
RoastStr *roast_rt_format_str_spec(const RoastStr *s, const RoastStr *spec, const char *file, int32_t line, const char *fn);
RoastStr *roast_rt_format_bool_spec(bool v, const RoastStr *spec, const char *file, int32_t line, const char *fn);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* ROAST_RUNTIME_RUNTIME_H */
