/* StrInternal.h - helpers shared by the runtime's str, list and print files (not compiler ABI). */
#ifndef ROAST_RUNTIME_STR_INTERNAL_H
#define ROAST_RUNTIME_STR_INTERNAL_H

#include "Roast/Runtime/Runtime.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* A str constant with its text inline, laid out exactly like RoastStr (the
 * flexible array member cannot be initialized statically).  Runtime
 * constants are immortal and, unlike the compiler's, carry their flag. */
#define ROAST_STATIC_STR(name, text)                                                           \
  static const struct {                                                                        \
    RoastObject header;                                                                        \
    int64_t length;                                                                            \
    char data[sizeof(text)];                                                                   \
  } name = {{ROAST_REFCOUNT_IMMORTAL, ROAST_TYPE_STR, ROAST_STR_ASCII}, sizeof(text) - 1, text}

/* A str pointer without const, for returning an object as a new reference.
 * Sound because only mortal objects (heap-allocated, writable) are ever
 * written through it; immortal ones, which may be read-only, never are.
 * (Through uintptr_t, as this is the one place const is meant to go.) */
static inline RoastStr *roast_rt_str_unconst(const void *p) { return (RoastStr *)(uintptr_t)p; }

/* A new reference to an immortal runtime constant. */
#define ROAST_STATIC_STR_REF(name) roast_rt_str_unconst(&(name))

/* malloc and realloc that end the program with MemoryError (roast_rt_fatal) instead of
 * returning NULL (Object.c). */
void *roast_rt_malloc(size_t size);
/* Every object's memory (Alloc.c): small sizes come from free lists; the
 * free must pass the size the object was allocated with. */
void *roast_rt_object_alloc(size_t size);
void roast_rt_object_free(void *p, size_t size);
/* Resize an object allocated with old_size bytes to new_size, keeping its
 * first bytes; it may move. */
void *roast_rt_object_resize(void *p, size_t old_size, size_t new_size);
/* The allocation size of a str of `length` bytes. */
static inline size_t roast_rt_str_size(int64_t length) {
  return sizeof(RoastStr) + (size_t)length + 1;
}
void *roast_rt_realloc(void *p, size_t size);
/* Asks for transparent huge pages under the 2 MiB-aligned interior of a
 * large block not yet touched (Alloc.c); small blocks are left alone. */
void roast_rt_advise_huge_pages(void *p, size_t size);

/* Append size bytes to the stdout buffer (Print.c). */
void roast_rt_print_bytes(const char *data, size_t size);

/* s[start:stop:step] bounds as CPython's PySlice_Unpack + PySlice_AdjustIndices (Slice.c): fills
 * in omitted parts (`which`), raises ValueError "slice step cannot be zero" (returning 0: callers
 * check roast_rt_exception), clamps start and stop into a sequence of the given length and
 * returns the number of items selected. */
int64_t roast_rt_slice_indices(int64_t length, int64_t *start, int64_t *stop, int64_t *step,
                               int32_t which, const char *file, int32_t line, const char *fn);

/* A str of length bytes with refcount 1, data[length] = NUL and flags 0: the
 * caller fills data and then sets the flags (roast_rt_str_seal).  Str.c. */
RoastStr *roast_rt_str_alloc(int64_t length);
/* Set a freshly built str's ASCII flag by scanning it; returns s. */
RoastStr *roast_rt_str_seal(RoastStr *s);
/* Set a freshly built str's ASCII flag to a known value; returns s. */
static inline RoastStr *roast_rt_str_seal_as(RoastStr *s, bool ascii) {
  s->header.flags = ascii ? ROAST_STR_ASCII : ROAST_STR_NON_ASCII;
  return s;
}
/* A new str from bytes known to be ASCII (or not): no scan. */
RoastStr *roast_rt_str_from_bytes(const char *data, int64_t length, bool ascii);
/* A new str from bytes read from the OS (stdin): UTF-8, with each byte
 * outside a valid sequence as a lone surrogate, as CPython's surrogateescape
 * (StrDecode.c). */
RoastStr *roast_rt_str_from_os_bytes(const char *data, size_t n);
/* Write repr(s) to out and return its length in bytes; with out == NULL only measure
 * (StrRepr.c; containers write their elements' reprs with it). */
size_t roast_rt_str_write_repr(const RoastStr *s, char *out);
/* A new reference to s itself. */
RoastStr *roast_rt_str_share(const RoastStr *s);
RoastStr *roast_rt_str_empty(void);         /* the immortal "" */
RoastStr *roast_rt_str_ascii_char(char c);  /* the immortal one-character str, c < 0x80 */

/* ---- UTF-8 (Utf8.c) ----------------------------------------------------- */
/* Strs hold valid UTF-8 (surrogates from chr() encoded like any other code
 * point), so a byte search only ever matches at code point boundaries. */

bool roast_rt_utf8_is_ascii(const char *data, size_t n);
/* Number of code points in data[0..n). */
int64_t roast_rt_utf8_count(const char *data, size_t n);
/* Byte offset of code point number index (0 <= index <= count; n if past the end). */
size_t roast_rt_utf8_offset(const char *data, size_t n, int64_t index);
/* Decode the code point at data[*i], advancing *i; a stray byte decodes as itself. */
uint32_t roast_rt_utf8_decode(const char *data, size_t n, size_t *i);
/* Encode cp (< 0x110000) into out, returning the number of bytes (1..4). */
size_t roast_rt_utf8_encode(uint32_t cp, char *out);
/* Python's str.isspace() for one code point. */
bool roast_rt_unicode_isspace(uint32_t cp);

static inline bool roast_rt_utf8_is_continuation(char c) { return ((unsigned char)c & 0xc0) == 0x80; }
/* Start of the code point that ends just before byte offset i (i > 0). */
static inline size_t roast_rt_utf8_prev(const char *data, size_t i) {
  do
    --i;
  while (i > 0 && roast_rt_utf8_is_continuation(data[i]));
  return i;
}
/* End of the code point that starts at byte offset i (i < n). */
static inline size_t roast_rt_utf8_next(const char *data, size_t n, size_t i) {
  do
    ++i;
  while (i < n && roast_rt_utf8_is_continuation(data[i]));
  return i;
}

/* Whether the n bytes at a and b are equal.  Short strs (words, names: the
 * usual dict keys) are compared with at most four overlapping loads rather
 * than a call to memcmp. */
static inline bool roast_rt_bytes_equal(const char *a, const char *b, size_t n) {
  if (n >= 8 && n <= 16) {
    uint64_t a0, a1, b0, b1;
    memcpy(&a0, a, 8), memcpy(&a1, a + n - 8, 8);
    memcpy(&b0, b, 8), memcpy(&b1, b + n - 8, 8);
    return ((a0 ^ b0) | (a1 ^ b1)) == 0;
  }
  if (n >= 4 && n < 8) {
    uint32_t a0, a1, b0, b1;
    memcpy(&a0, a, 4), memcpy(&a1, a + n - 4, 4);
    memcpy(&b0, b, 4), memcpy(&b1, b + n - 4, 4);
    return ((a0 ^ b0) | (a1 ^ b1)) == 0;
  }
  if (n < 4)
    return n == 0 || (a[0] == b[0] && a[n >> 1] == b[n >> 1] && a[n - 1] == b[n - 1]);
  return memcmp(a, b, n) == 0;
}

/* Whether s is all ASCII: from its flags when known, else by scanning. */
static inline bool roast_rt_str_is_ascii(const RoastStr *s) {
  if (s->header.flags & ROAST_STR_ASCII)
    return true;
  if (s->header.flags & ROAST_STR_NON_ASCII)
    return false;
  return roast_rt_utf8_is_ascii(s->data, (size_t)s->length);
}

#endif /* ROAST_RUNTIME_STR_INTERNAL_H */
