/* Print.c - buffered stdout and the print primitives for builtin values. */
/* write(2) and ssize_t are POSIX, not C11. */
#define _POSIX_C_SOURCE 200809L

#include "FileInternal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Our own buffer instead of stdio: print-heavy programs then cost one
 * write(2) per 64 KiB, with no locking or format parsing per call. */
enum { BUFFER_SIZE = 64 * 1024 };
static char buffer[BUFFER_SIZE];
static size_t buffered;
static bool flush_registered;

/* Write all of [data, data+size) to fd 1, retrying short writes.  On a hard
 * error the output is dropped: there is nowhere left to report it. */
static void write_all(const char *data, size_t size) {
  while (size > 0) {
    ssize_t n = write(STDOUT_FILENO, data, size);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      return;
    }
    data += n;
    size -= (size_t)n;
  }
}

void roast_rt_flush(void) {
  size_t size = buffered;
  buffered = 0; /* reset first so a failing write cannot loop via atexit */
  write_all(buffer, size);
}

/* The file print(..., file=f) writes to, while it runs; NULL: stdout. */
static RoastFile *redirect;

void roast_rt_print_begin(RoastFile *f, const char *file, int32_t line, const char *fn) {
  if (f->closed) {
    roast_rt_raise(ROAST_ERR_VALUE, "I/O operation on closed file.", file, line, fn);
    return;
  }
  if (!f->writable) {
    roast_rt_raise(ROAST_ERR_UNSUPPORTED_OPERATION, "not writable", file, line, fn);
    return;
  }
  if (f->kind != ROAST_FILE_STDOUT)
    redirect = f;
}

void roast_rt_print_end(void) { redirect = NULL; }

static void append(const char *data, size_t size) {
  if (redirect) {
    roast_rt_file_write_bytes(redirect, data, size);
    return;
  }
  /* Registered lazily so any program that printed anything (including the
   * unit tests, which do not go through roast_rt_main) is flushed at exit. */
  if (!flush_registered) {
    flush_registered = true;
    atexit(roast_rt_flush);
  }
  if (size > BUFFER_SIZE - buffered) {
    roast_rt_flush();
    if (size >= BUFFER_SIZE) { /* too big to be worth copying */
      write_all(data, size);
      return;
    }
  }
  memcpy(buffer + buffered, data, size);
  buffered += size;
}

void roast_rt_print_int(int64_t v) {
  char digits[24];
  char *p = digits + sizeof digits;
  /* Work on the magnitude as unsigned so INT64_MIN does not overflow. */
  uint64_t magnitude = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
  do {
    *--p = (char)('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude != 0);
  if (v < 0)
    *--p = '-';
  append(p, (size_t)(digits + sizeof digits - p));
}

void roast_rt_print_float(double v) {
  char text[32];
  roast_rt_format_float(v, text);
  append(text, strlen(text));
}

void roast_rt_print_bool(bool v) {
  if (v)
    append("True", 4);
  else
    append("False", 5);
}

void roast_rt_print_none(void) { append("None", 4); }

/* Uses the stored length, not the NUL: str values may contain "\0". */
void roast_rt_print_str(const RoastStr *s) { append(s->data, (size_t)s->length); }

void roast_rt_print_cstr(const char *s) { append(s, strlen(s)); }

void roast_rt_print_bytes(const char *data, size_t size) { append(data, size); }
