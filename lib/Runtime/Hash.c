/* Hash.c - hash() of slots: CPython 3.12's values for int, bool, float, None and tuples. */
#include "ListInternal.h"

#include <math.h>
#include <stdio.h>

/* CPython's numeric hash (Python/pyhash.c, "Numeric types" in the stdtypes
 * docs): a number's value reduced modulo the prime P = 2^61 - 1, with the
 * sign of the number.  Reducing the exact value is what makes
 * hash(1) == hash(1.0) == hash(True), as equal keys need. */
enum { HASH_BITS = 61 };
#define HASH_MODULUS ((UINT64_C(1) << HASH_BITS) - 1)
#define HASH_INF INT64_C(314159)
/* hash(None) is a constant since CPython 3.12 (_Py_HashPointer before). */
#define HASH_NONE INT64_C(0xFCA86420)

/* -1 is the error return of CPython's hash functions: never a hash. */
static int64_t not_minus_one(int64_t h) { return h == -1 ? -2 : h; }

static int64_t hash_int(int64_t v) {
  /* The magnitude as unsigned, so that INT64_MIN does not overflow. */
  uint64_t magnitude = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
  int64_t h = (int64_t)(magnitude % HASH_MODULUS);
  return not_minus_one(v < 0 ? -h : h);
}

/* _Py_HashDouble: the exact value m * 2^e of a finite double reduced modulo
 * P, 28 bits of the mantissa at a time; since 2^61 == 1 (mod P),
 * multiplying by 2^e is a rotation by e mod 61 bits.  NaN: CPython 3.10+
 * hashes a NaN by its object's address, which unboxed floats do not have;
 * 0 (what CPython used before) serves, as a NaN key is never found again
 * anyway (Runtime.h). */
static int64_t hash_double(double v) {
  if (!isfinite(v))
    return isnan(v) ? 0 : v > 0 ? HASH_INF : -HASH_INF;
  int e;
  double m = frexp(v, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  uint64_t x = 0;
  while (m != 0.0) {
    x = ((x << 28) & HASH_MODULUS) | x >> (HASH_BITS - 28);
    m *= 268435456.0; /* 2^28 */
    e -= 28;
    uint64_t y = (uint64_t)m; /* the next 28 bits */
    m -= (double)y;
    x += y;
    if (x >= HASH_MODULUS)
      x -= HASH_MODULUS;
  }
  e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
  x = ((x << e) & HASH_MODULUS) | x >> (HASH_BITS - e);
  x *= (uint64_t)(int64_t)sign;
  return not_minus_one((int64_t)x);
}

/* CPython 3.12's tuplehash (Objects/tupleobject.c): xxHash's round over the
 * field hashes, then the length, mangled to keep the historical hash(()). */
#define XXPRIME_1 UINT64_C(11400714785074694791)
#define XXPRIME_2 UINT64_C(14029467366897019727)
#define XXPRIME_5 UINT64_C(2870177450012600261)

static int64_t hash_tuple(const RoastTuple *t) {
  const uint8_t *kinds = roast_rt_tuple_kinds(t);
  uint64_t acc = XXPRIME_5;
  for (int64_t i = 0; i < t->length; ++i) {
    uint64_t lane = (uint64_t)roast_rt_slot_hash(kinds[i], t->items[i]);
    if (roast_rt_exception)
      return -1; /* an unhashable field */
    acc += lane * XXPRIME_2;
    acc = acc << 31 | acc >> 33;
    acc *= XXPRIME_1;
  }
  acc += (uint64_t)t->length ^ (XXPRIME_5 ^ UINT64_C(3527539));
  return acc == UINT64_MAX ? INT64_C(1546275796) : (int64_t)acc;
}

int64_t roast_rt_slot_hash(uint32_t kind, uint64_t slot) {
  roast_rt_slot_unbox(&kind, &slot);
  switch (kind) {
  case ROAST_ELEM_INT: return hash_int((int64_t)slot);
  case ROAST_ELEM_BOOL: return slot ? 1 : 0;
  case ROAST_ELEM_FLOAT: return hash_double(roast_rt_slot_double(slot));
  default: break;
  }
  const RoastObject *o = roast_rt_slot_object(slot);
  if (!o)
    return HASH_NONE;
  const char *name;
  switch (o->type_id) {
  case ROAST_TYPE_STR: return roast_rt_str_hash((const RoastStr *)o);
  case ROAST_TYPE_TUPLE: return hash_tuple((const RoastTuple *)o);
  case ROAST_TYPE_INSTANCE: return roast_rt_instance_hash((const RoastInstance *)o);
  case ROAST_TYPE_ITERATOR:
  case ROAST_TYPE_BUILTIN:
  case ROAST_TYPE_FILE:
  case ROAST_TYPE_BOUND_METHOD: {
    /* By identity, as CPython's default hash: the address, rotated so that
     * alignment zeros do not crowd the low bits. */
    uintptr_t p = (uintptr_t)o;
    return not_minus_one((int64_t)((p >> 4) | (p << (8 * sizeof p - 4))));
  }
  case ROAST_TYPE_LIST: name = "list"; break;
  case ROAST_TYPE_DICT: name = "dict"; break;
  case ROAST_TYPE_SET: name = "set"; break;
  default: name = "object"; break; /* a compiler bug */
  }
  /* Mutable containers: their hash would change as they do.  The compiler
   * rejects them as keys; one inside a tuple key ends up here. */
  char message[64];
  snprintf(message, sizeof message, "unhashable type: '%s'", name);
  roast_rt_raise(ROAST_ERR_TYPE, message, NULL, 0, NULL);
  return -1; /* CPython's error return; callers check roast_rt_exception */
}
