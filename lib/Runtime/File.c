/* File.c - text files: open(), read/readline/readlines/write/close, sys.stdout and sys.stderr. */
/* read, fileno and fstat are POSIX, not C11. */
#define _POSIX_C_SOURCE 200809L

#include "FileInternal.h"
#include "ListInternal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- Errors --------------------------------------------------------------------- */

/* The OSError subclass CPython raises for errno (PyErr_SetFromErrnoWithFilename). */
static int32_t errno_kind(int error) {
  switch (error) {
  case ENOENT: return ROAST_ERR_FILE_NOT_FOUND;
  case EACCES:
  case EPERM: return ROAST_ERR_PERMISSION;
  case EISDIR: return ROAST_ERR_IS_A_DIRECTORY;
  case ENOTDIR: return ROAST_ERR_NOT_A_DIRECTORY;
  case EEXIST: return ROAST_ERR_FILE_EXISTS;
  default: return ROAST_ERR_OS;
  }
}

/* Raise "[Errno N] strerror(N): 'path'" as CPython does. */
static void raise_errno(int error, const RoastStr *path, const char *file, int32_t line,
                        const char *fn) {
  char head[128];
  int n = snprintf(head, sizeof head, "[Errno %d] %s: ", error, strerror(error));
  size_t quoted = roast_rt_str_write_repr(path, NULL);
  char *message = roast_rt_malloc((size_t)n + quoted + 1);
  memcpy(message, head, (size_t)n);
  roast_rt_str_write_repr(path, message + n);
  message[(size_t)n + quoted] = '\0';
  roast_rt_raise(errno_kind(error), message, file, line, fn);
  free(message);
}

/* Whether f may be used for reading (or writing); raises if not. */
static bool check_usable(const RoastFile *f, bool write, const char *file, int32_t line,
                         const char *fn) {
  if (f->closed) {
    roast_rt_raise(ROAST_ERR_VALUE, "I/O operation on closed file.", file, line, fn);
    return false;
  }
  if (write ? !f->writable : !f->readable) {
    roast_rt_raise(ROAST_ERR_UNSUPPORTED_OPERATION, write ? "not writable" : "not readable", file,
                   line, fn);
    return false;
  }
  return true;
}

/* ---- open() ----------------------------------------------------------------------- */

/* Checks mode as CPython's io.open does; returns the fopen mode ("r", "w",
 * "a", "wx"), or NULL after raising. */
static const char *parse_mode(const RoastStr *mode, const char *file, int32_t line,
                              const char *fn) {
  bool seen[256] = {false};
  int primary = 0;
  char which = 0;
  for (int64_t i = 0; i < mode->length; ++i) {
    unsigned char c = (unsigned char)mode->data[i];
    if (!strchr("rwaxbt+", c) || c == '\0' || seen[c]) {
      size_t quoted = roast_rt_str_write_repr(mode, NULL);
      char *message = roast_rt_malloc(quoted + 16);
      memcpy(message, "invalid mode: ", 14);
      roast_rt_str_write_repr(mode, message + 14);
      message[14 + quoted] = '\0';
      roast_rt_raise(ROAST_ERR_VALUE, message, file, line, fn);
      free(message);
      return NULL;
    }
    seen[c] = true;
    if (strchr("rwax", c)) {
      ++primary;
      which = (char)c;
    }
  }
  if (seen['t'] && seen['b']) {
    roast_rt_raise(ROAST_ERR_VALUE, "can't have text and binary mode at once", file, line, fn);
    return NULL;
  }
  if (primary != 1) { /* none: the message of CPython's FileIO */
    roast_rt_raise(ROAST_ERR_VALUE,
                   primary ? "must have exactly one of create/read/write/append mode"
                           : "Must have exactly one of create/read/write/append mode and at "
                             "most one plus",
                   file, line, fn);
    return NULL;
  }
  if (seen['b'] || seen['+']) { /* Roast-specific: text files only, one direction */
    roast_rt_raise(ROAST_ERR_VALUE, "binary and '+' file modes are not supported yet", file,
                   line, fn);
    return NULL;
  }
  switch (which) {
  case 'r': return "r";
  case 'w': return "w";
  case 'a': return "a";
  default: return "wx";
  }
}

RoastFile *roast_rt_file_open(const RoastStr *path, const RoastStr *mode, const char *file,
                              int32_t line, const char *fn) {
  const char *fmode = parse_mode(mode, file, line, fn);
  if (!fmode)
    return NULL;
  if (memchr(path->data, '\0', (size_t)path->length)) {
    roast_rt_raise(ROAST_ERR_VALUE, "embedded null byte", file, line, fn);
    return NULL;
  }
  FILE *stream = fopen(path->data, fmode);
  if (!stream) {
    raise_errno(errno, path, file, line, fn);
    return NULL;
  }
  /* fopen opens a directory for reading; CPython refuses it up front. */
  struct stat info;
  if (fstat(fileno(stream), &info) == 0 && S_ISDIR(info.st_mode)) {
    fclose(stream);
    raise_errno(EISDIR, path, file, line, fn);
    return NULL;
  }
  RoastFile *f = roast_rt_object_alloc(sizeof(RoastFile));
  f->header = (RoastObject){1, ROAST_TYPE_FILE, 0};
  f->stream = stream;
  f->name = path;
  roast_rt_retain(&roast_rt_str_unconst(path)->header);
  f->kind = ROAST_FILE_DISK;
  f->closed = false;
  f->readable = fmode[0] == 'r';
  f->writable = !f->readable;
  size_t n = (size_t)mode->length < sizeof f->mode ? (size_t)mode->length : sizeof f->mode - 1;
  memcpy(f->mode, mode->data, n);
  f->mode[n] = '\0';
  f->buffer = NULL;
  f->buffer_pos = f->buffer_end = 0;
  return f;
}

/* ---- Reading ---------------------------------------------------------------------- */

/* Bytes are read in blocks of this size: a line is then found with memchr
 * and copied in one go, rather than read one getc at a time. */
enum { READ_BLOCK = 64 * 1024 };

/* Refill f's buffer from the file; false at the end (or on a read error,
 * which ends the data as getc's EOF did).  read(2), not fread: on a pipe or
 * a terminal it returns what is there instead of waiting for a whole block,
 * so a line can be used as soon as it arrives. */
static bool fill(RoastFile *f) {
  if (!f->buffer)
    f->buffer = roast_rt_malloc(READ_BLOCK);
  f->buffer_pos = f->buffer_end = 0;
  ssize_t n;
  do
    n = read(fileno(f->stream), f->buffer, READ_BLOCK);
  while (n < 0 && errno == EINTR);
  if (n <= 0)
    return false;
  f->buffer_end = (size_t)n;
  return true;
}

/* A growable byte buffer for one read. */
typedef struct Bytes {
  char *data;
  size_t length, capacity;
} Bytes;

static void bytes_append(Bytes *b, const char *data, size_t n) {
  if (b->capacity - b->length < n + 1) {
    size_t capacity = b->capacity ? b->capacity : 128;
    while (capacity - b->length < n + 1)
      capacity *= 2;
    b->data = roast_rt_realloc(b->data, capacity);
    b->capacity = capacity;
  }
  memcpy(b->data + b->length, data, n);
  b->length += n;
}

/* Appends the next line (universal newlines: "\r\n" and "\r" end a line as
 * "\n") to b; returns false at the end of the file with nothing read. */
static bool read_line(RoastFile *f, Bytes *b) {
  size_t start = b->length;
  for (;;) {
    if (f->buffer_pos == f->buffer_end && !fill(f))
      return b->length > start;
    const char *p = f->buffer + f->buffer_pos;
    size_t n = f->buffer_end - f->buffer_pos;
    const char *nl = memchr(p, '\n', n);
    size_t text = nl ? (size_t)(nl - p) : n;
    const char *cr = memchr(p, '\r', text);
    if (cr)
      text = (size_t)(cr - p);
    bytes_append(b, p, text);
    f->buffer_pos += text;
    if (!nl && !cr)
      continue; /* the line goes on in the next block */
    bytes_append(b, "\n", 1);
    ++f->buffer_pos;
    /* "\r\n" is one line end, even when the "\n" is in the next block. */
    if (cr && (f->buffer_pos < f->buffer_end || fill(f)) && f->buffer[f->buffer_pos] == '\n')
      ++f->buffer_pos;
    return true;
  }
}

static RoastStr *bytes_to_str(Bytes *b) {
  RoastStr *s = roast_rt_str_from_os_bytes(b->data ? b->data : "", b->length);
  free(b->data);
  return s;
}

/* The next line as a str, NULL at the end of the file. */
static RoastStr *next_line(RoastFile *f) {
  /* The common case: the whole line, ending in "\n" (no "\r" to
   * translate), is in the buffer and becomes a str with a single copy. */
  if (f->buffer_pos < f->buffer_end) {
    const char *p = f->buffer + f->buffer_pos;
    const char *nl = memchr(p, '\n', f->buffer_end - f->buffer_pos);
    if (nl && !memchr(p, '\r', (size_t)(nl - p))) {
      size_t n = (size_t)(nl - p) + 1;
      f->buffer_pos += n;
      return roast_rt_str_from_os_bytes(p, n);
    }
  }
  Bytes b = {NULL, 0, 0};
  if (!read_line(f, &b)) {
    free(b.data);
    return NULL;
  }
  return bytes_to_str(&b);
}

RoastStr *roast_rt_file_readline(RoastFile *f, const char *file, int32_t line, const char *fn) {
  if (!check_usable(f, false, file, line, fn))
    return NULL;
  RoastStr *s = next_line(f);
  return s ? s : roast_rt_str_empty();
}

RoastStr *roast_rt_file_read(RoastFile *f, const char *file, int32_t line, const char *fn) {
  if (!check_usable(f, false, file, line, fn))
    return NULL;
  Bytes b = {NULL, 0, 0};
  while (read_line(f, &b)) {
  }
  return bytes_to_str(&b);
}

RoastList *roast_rt_file_readlines(RoastFile *f, const char *file, int32_t line,
                                   const char *fn) {
  if (!check_usable(f, false, file, line, fn))
    return NULL;
  RoastList *lines = roast_rt_list_new(0, ROAST_ELEM_OBJECT);
  for (RoastStr *s; (s = next_line(f));) {
    if (lines->length == lines->capacity)
      roast_rt_list_reserve(lines, lines->length + 1);
    roast_rt_list_store(lines, lines->length++, (uint64_t)(uintptr_t)s); /* the list's reference */
  }
  return lines;
}

/* ---- Writing ---------------------------------------------------------------------- */

void roast_rt_file_write_bytes(RoastFile *f, const char *data, size_t size) {
  switch (f->kind) {
  case ROAST_FILE_STDOUT:
    roast_rt_print_bytes(data, size);
    return;
  case ROAST_FILE_STDERR:
    roast_rt_flush(); /* what was printed before comes first */
    fwrite(data, 1, size, stderr);
    return;
  default:
    fwrite(data, 1, size, f->stream);
    return;
  }
}

int64_t roast_rt_file_write(RoastFile *f, const RoastStr *s, const char *file, int32_t line,
                            const char *fn) {
  if (!check_usable(f, true, file, line, fn))
    return 0;
  roast_rt_file_write_bytes(f, s->data, (size_t)s->length);
  return roast_rt_str_len(s);
}

/* ---- Closing ---------------------------------------------------------------------- */

void roast_rt_file_close(RoastFile *f) {
  if (f->closed)
    return;
  if (f->kind == ROAST_FILE_STDOUT)
    roast_rt_flush();
  if (f->stream)
    fclose(f->stream);
  f->stream = NULL;
  free(f->buffer);
  f->buffer = NULL;
  f->buffer_pos = f->buffer_end = 0;
  /* The standard streams are immortal, in writable memory (their closed
   * flag is the one field the runtime changes). */
  f->closed = true;
}

void roast_rt_file_free(RoastFile *f) {
  roast_rt_file_close(f);
  roast_rt_release(&roast_rt_str_unconst(f->name)->header);
  roast_rt_object_free(f, sizeof(RoastFile));
}

/* ---- sys.stdout and sys.stderr ---------------------------------------------------- */

ROAST_STATIC_STR(stdout_name, "<stdout>");
ROAST_STATIC_STR(stderr_name, "<stderr>");

static RoastFile std_streams[2] = {
    {{ROAST_REFCOUNT_IMMORTAL, ROAST_TYPE_FILE, 0}, NULL, (const RoastStr *)&stdout_name,
     ROAST_FILE_STDOUT, false, false, true, "w", NULL, 0, 0},
    {{ROAST_REFCOUNT_IMMORTAL, ROAST_TYPE_FILE, 0}, NULL, (const RoastStr *)&stderr_name,
     ROAST_FILE_STDERR, false, false, true, "w", NULL, 0, 0},
};

RoastFile *roast_rt_std_stream(int32_t which) {
  return &std_streams[which == 2 ? 1 : 0];
}
