/* Input.c - input([prompt]): one line of standard input as a str. */
/* getline is POSIX, not C11. */
#define _POSIX_C_SOURCE 200809L

#include "StrInternal.h"

#include <stdio.h>
#include <sys/types.h>

RoastStr *roast_rt_input(const RoastStr *prompt, const char *file, int32_t line,
                         const char *fn) {
  if (prompt)
    roast_rt_print_bytes(prompt->data, (size_t)prompt->length);
  /* Our stdout is buffered apart from stdio: flush it so the prompt, and
   * whatever was printed before, shows before the program waits. */
  roast_rt_flush();
  /* One buffer for the whole run: reading many lines allocates once. */
  static char *buffer;
  static size_t capacity;
  ssize_t n = getline(&buffer, &capacity, stdin);
  if (n < 0) { /* end of input (or a read error) before any character */
    roast_rt_raise(ROAST_ERR_EOF, "EOF when reading a line", file, line, fn);
    return NULL;
  }
  if (n > 0 && buffer[n - 1] == '\n') /* only "\n": CPython keeps a "\r" */
    --n;
  return roast_rt_str_from_os_bytes(buffer, (size_t)n);
}
