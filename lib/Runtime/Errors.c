/* Errors.c - raising, catching and reporting exceptions (docs/rationale/exceptions.md). */
#include "StrInternal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

RoastInstance *roast_rt_exception = NULL;
int64_t roast_rt_exit_status = 0;

/* The frames the pending exception has passed through, innermost first:
 * each raise or propagating call site adds one. */
typedef struct Frame {
  const char *file;
  const char *function;
  int32_t line;
  int64_t repeats; /* the same frame this many more times (deep recursion) */
} Frame;

static Frame *frames;
static size_t frame_count, frame_capacity;

void roast_rt_traceback_push(const char *file, int32_t line, const char *function) {
  if (!file)
    return;
  /* Runaway recursion passes millions of identical frames: keep a count,
   * as CPython prints "[Previous line repeated N more times]". */
  if (frame_count) {
    Frame *last = &frames[frame_count - 1];
    if (last->line == line && last->file == file && last->function == function) {
      ++last->repeats;
      return;
    }
  }
  if (frame_count == frame_capacity) {
    size_t capacity = frame_capacity ? 2 * frame_capacity : 64;
    Frame *grown = realloc(frames, capacity * sizeof *frames);
    if (!grown)
      return; /* a shorter traceback rather than a second error */
    frames = grown;
    frame_capacity = capacity;
  }
  frames[frame_count++] = (Frame){file, function, line, 0};
}

/* The built-in class of each ROAST_ERR_ kind. */
static const RoastClass *error_class(int32_t kind) {
  switch (kind) {
  case ROAST_ERR_ZERO_DIVISION: return &roast_rt_class_ZeroDivisionError;
  case ROAST_ERR_OVERFLOW: return &roast_rt_class_OverflowError;
  case ROAST_ERR_VALUE: return &roast_rt_class_ValueError;
  case ROAST_ERR_RECURSION: return &roast_rt_class_RecursionError;
  case ROAST_ERR_TYPE: return &roast_rt_class_TypeError;
  case ROAST_ERR_INDEX: return &roast_rt_class_IndexError;
  case ROAST_ERR_KEY: return &roast_rt_class_KeyError;
  case ROAST_ERR_RUNTIME: return &roast_rt_class_RuntimeError;
  case ROAST_ERR_ASSERTION: return &roast_rt_class_AssertionError;
  case ROAST_ERR_MEMORY: return &roast_rt_class_MemoryError;
  case ROAST_ERR_EOF: return &roast_rt_class_EOFError;
  case ROAST_ERR_OS: return &roast_rt_class_OSError;
  case ROAST_ERR_FILE_NOT_FOUND: return &roast_rt_class_FileNotFoundError;
  case ROAST_ERR_PERMISSION: return &roast_rt_class_PermissionError;
  case ROAST_ERR_IS_A_DIRECTORY: return &roast_rt_class_IsADirectoryError;
  case ROAST_ERR_NOT_A_DIRECTORY: return &roast_rt_class_NotADirectoryError;
  case ROAST_ERR_FILE_EXISTS: return &roast_rt_class_FileExistsError;
  case ROAST_ERR_UNSUPPORTED_OPERATION: return &roast_rt_class_UnsupportedOperation;
  case ROAST_ERR_ATTRIBUTE: return &roast_rt_class_AttributeError;
  case ROAST_ERR_STOP_ITERATION: return &roast_rt_class_StopIteration;
  default: return &roast_rt_class_RuntimeError; /* a compiler bug; still raise something */
  }
}

void roast_rt_reraise(RoastInstance *exception) {
  /* A raise while another is pending replaces it (the runtime never raises
   * twice on one path; this keeps the invariant simple). */
  if (roast_rt_exception)
    roast_rt_release(&roast_rt_exception->header);
  roast_rt_exception = exception;
}

void roast_rt_raise_object(RoastInstance *exception, const char *file, int32_t line,
                           const char *function) {
  /* A new exception: the traceback starts here. */
  frame_count = 0;
  roast_rt_reraise(exception);
  roast_rt_traceback_push(file, line, function);
}

void roast_rt_raise(int32_t kind, const char *message, const char *file, int32_t line,
                    const char *function) {
  RoastInstance *exception = roast_rt_object_new(error_class(kind));
  RoastStr *text = roast_rt_str_new(message ? message : "", message ? (int64_t)strlen(message) : 0);
  *(RoastStr **)((char *)exception + ROAST_EXCEPTION_MESSAGE_OFFSET) = text;
  roast_rt_raise_object(exception, file, line, function);
}

void roast_rt_raise_recursion(const char *file, int32_t line, const char *fn) {
  roast_rt_raise(ROAST_ERR_RECURSION, "maximum recursion depth exceeded", file, line, fn);
}

RoastInstance *roast_rt_catch(void) {
  /* The frames stay: a handler that re-raises continues the traceback,
   * and the next new raise starts a fresh one. */
  RoastInstance *exception = roast_rt_exception;
  roast_rt_exception = NULL;
  /* A print(..., file=f) that raised half way writes to stdout again. */
  roast_rt_print_end();
  return exception;
}

void roast_rt_fatal(int32_t kind, const char *message) {
  roast_rt_flush();
  fprintf(stderr, "%s: %s\n", error_class(kind)->name, message);
  exit(1);
}

void roast_rt_report_uncaught(void) {
  RoastInstance *exception = roast_rt_exception;
  if (!exception)
    return;
  if (roast_rt_isinstance(exception, &roast_rt_class_SystemExit)) {
    roast_rt_flush(); /* sys.exit(): no traceback */
    exit((int)roast_rt_exit_status);
  }
  /* Flush first so stdout and stderr interleave as in CPython when both go
   * to the same terminal or file. */
  roast_rt_flush();
  fputs("Traceback (most recent call last):\n", stderr);
  for (size_t i = frame_count; i-- > 0;) {
    const Frame *f = &frames[i];
    /* CPython prints a repeated line 3 times, then how many more. */
    int64_t shown = f->repeats < 2 ? f->repeats + 1 : 3;
    for (int64_t k = 0; k < shown; ++k)
      fprintf(stderr, "  File \"%s\", line %d, in %s\n", f->file, (int)f->line,
              f->function ? f->function : "<module>");
    if (f->repeats + 1 > shown)
      fprintf(stderr, "  [Previous line repeated %lld more times]\n",
              (long long)(f->repeats + 1 - shown));
  }
  /* Its __str__ runs with no exception pending. */
  roast_rt_exception = NULL;
  RoastStr *text = roast_rt_instance_str(exception);
  if (!text) { /* __str__ itself raised */
    roast_rt_exception = NULL;
    text = roast_rt_str_from_bytes("", 0, true);
  }
  if (text->length)
    fprintf(stderr, "%s: %.*s\n", exception->cls->name, (int)text->length, text->data);
  else
    fprintf(stderr, "%s\n", exception->cls->name);
  fflush(stderr);
  exit(1);
}
