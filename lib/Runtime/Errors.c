/* Errors.c - the single exit point for run-time errors (CPython-shaped traceback, exit 1). */
#include "Roast/Runtime/Runtime.h"

#include <stdio.h>
#include <stdlib.h>

static const char *error_type_name(int32_t kind) {
  switch (kind) {
  case ROAST_ERR_ZERO_DIVISION: return "ZeroDivisionError";
  case ROAST_ERR_OVERFLOW: return "OverflowError";
  case ROAST_ERR_VALUE: return "ValueError";
  case ROAST_ERR_RECURSION: return "RecursionError";
  case ROAST_ERR_TYPE: return "TypeError";
  case ROAST_ERR_INDEX: return "IndexError";
  case ROAST_ERR_KEY: return "KeyError";
  case ROAST_ERR_RUNTIME: return "RuntimeError";
  case ROAST_ERR_ASSERTION: return "AssertionError";
  case ROAST_ERR_MEMORY: return "MemoryError";
  case ROAST_ERR_EOF: return "EOFError";
  default: return "SystemError"; /* a compiler bug; still report something */
  }
}

/* Until Roast has exceptions every error is uncaught, so this is where a
 * future unwinder will hook in; keep all raising paths funnelled here. */
void roast_rt_raise(int32_t kind, const char *message, const char *file, int32_t line,
                    const char *function) {
  /* Flush first so stdout and stderr interleave as in CPython when both go
   * to the same terminal or file. */
  roast_rt_flush();
  fputs("Traceback (most recent call last):\n", stderr);
  if (file)
    fprintf(stderr, "  File \"%s\", line %d, in %s\n", file, (int)line,
            function ? function : "<module>");
  if (message && *message)
    fprintf(stderr, "%s: %s\n", error_type_name(kind), message);
  else
    fprintf(stderr, "%s\n", error_type_name(kind));
  fflush(stderr);
  exit(1);
}

void roast_rt_raise_recursion(const char *file, int32_t line, const char *fn) {
  roast_rt_raise(ROAST_ERR_RECURSION, "maximum recursion depth exceeded", file, line, fn);
}
