/* FileInternal.h - the file object's layout, shared by File.c, Print.c and Object.c (not compiler ABI). */
#ifndef ROAST_RUNTIME_FILE_INTERNAL_H
#define ROAST_RUNTIME_FILE_INTERNAL_H

#include "StrInternal.h"

#include <stdio.h>

enum RoastFileKind {
  ROAST_FILE_DISK = 0,   /* a file open() opened: a stdio stream */
  ROAST_FILE_STDOUT = 1, /* sys.stdout: print's buffer */
  ROAST_FILE_STDERR = 2  /* sys.stderr: fd 2, after flushing stdout */
};

struct RoastFile {
  RoastObject header; /* type_id == ROAST_TYPE_FILE */
  FILE *stream;       /* NULL for the standard streams */
  const RoastStr *name; /* the path open() was given (owned) */
  int32_t kind;       /* RoastFileKind */
  bool closed, readable, writable;
  char mode[4];       /* as given, for repr: "r", "wt", ... */
  /* Reading: bytes read from the file but not yet returned are
   * buffer[buffer_pos, buffer_end); every read method takes from here
   * first, so they mix freely (NULL until the first read). */
  char *buffer;
  size_t buffer_pos, buffer_end;
};

/* Free a file whose last reference went away, closing it first. */
void roast_rt_file_free(RoastFile *f);
/* Write raw bytes to f, which is open and writable (print(..., file=f)). */
void roast_rt_file_write_bytes(RoastFile *f, const char *data, size_t size);

#endif /* ROAST_RUNTIME_FILE_INTERNAL_H */
