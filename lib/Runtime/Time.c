/* Time.c - the time module: clocks and sleep. */
#define _POSIX_C_SOURCE 200809L
#include "Roast/Runtime/Runtime.h"

#include <errno.h>
#include <math.h>
#include <time.h>

static double seconds_of(clockid_t clock) {
  struct timespec ts;
  clock_gettime(clock, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

double roast_rt_time_perf_counter(void) { return seconds_of(CLOCK_MONOTONIC); }

double roast_rt_time_time(void) { return seconds_of(CLOCK_REALTIME); }

void roast_rt_time_sleep(double seconds, const char *file, int32_t line, const char *fn) {
  if (seconds < 0) {
    roast_rt_raise(ROAST_ERR_VALUE, "sleep length must be non-negative", file, line, fn);
    return;
  }
  if (!(seconds > 0)) /* 0 and NaN: nothing to wait for */
    return;
  roast_rt_flush(); /* output before a pause shows before it, as at a terminal */
  struct timespec ts = {(time_t)seconds, (long)((seconds - floor(seconds)) * 1e9)};
  while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
  }
}
