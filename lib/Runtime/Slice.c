/* Slice.c - slice bounds as CPython computes them, shared by str and list slicing. */
#include "StrInternal.h"

int64_t roast_rt_slice_indices(int64_t length, int64_t *start, int64_t *stop, int64_t *step,
                               int32_t which, const char *file, int32_t line, const char *fn) {
  /* PySlice_Unpack: defaults for omitted parts depend on the step's sign;
   * the step is clamped so that -step cannot overflow. */
  if (!(which & ROAST_SLICE_STEP))
    *step = 1;
  if (*step == 0) {
    roast_rt_raise(ROAST_ERR_VALUE, "slice step cannot be zero", file, line, fn);
    return 0; /* callers check roast_rt_exception; the count below would divide by 0 */
  }
  if (*step < -INT64_MAX)
    *step = -INT64_MAX;
  if (!(which & ROAST_SLICE_START))
    *start = *step < 0 ? INT64_MAX : 0;
  if (!(which & ROAST_SLICE_STOP))
    *stop = *step < 0 ? INT64_MIN : INT64_MAX;

  /* PySlice_AdjustIndices: clamp start and stop into the sequence and count
   * the items selected. */
  if (*start < 0) {
    *start += length;
    if (*start < 0)
      *start = *step < 0 ? -1 : 0;
  } else if (*start >= length) {
    *start = *step < 0 ? length - 1 : length;
  }
  if (*stop < 0) {
    *stop += length;
    if (*stop < 0)
      *stop = *step < 0 ? -1 : 0;
  } else if (*stop >= length) {
    *stop = *step < 0 ? length - 1 : length;
  }
  if (*step < 0)
    return *stop < *start ? (*start - *stop - 1) / -*step + 1 : 0;
  return *start < *stop ? (*stop - *start - 1) / *step + 1 : 0;
}
