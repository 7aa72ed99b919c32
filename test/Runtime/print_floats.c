/* print_floats.c - test helper: prints roast_rt_print_float of each hex bit pattern read from stdin. */
#include "Roast/Runtime/Runtime.h"

#include <stdio.h>
#include <string.h>

/* Input: one IEEE-754 double per line as 16 hex digits of its bit pattern
 * (e.g. 3fb999999999999a for 0.1), so no decimal parsing is involved on
 * the way in.  Output: one repr per line. */
int main(void) {
  unsigned long long bits;
  while (scanf("%llx", &bits) == 1) {
    double v;
    memcpy(&v, &bits, sizeof v);
    roast_rt_print_float(v);
    roast_rt_print_cstr("\n");
  }
  roast_rt_flush();
  return 0;
}
