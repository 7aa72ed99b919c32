#!/usr/bin/env python3
"""Differential test: roast_rt_print_float against CPython's repr(float).

Usage: python3 test/Runtime/float_repr_diff.py <print_floats helper> [count [seed]]

The helper (built from test/Runtime/print_floats.c) reads doubles as hex bit
patterns from stdin and prints one repr per line.  repr(float) has been the
same shortest-round-trip algorithm since CPython 3.1, so any python3 works
as the oracle.  Exits 0 when every value matches.
"""
import math
import random
import struct
import subprocess
import sys


def bits_of(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def from_bits(b):
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def interesting_values():
    """Hand-picked values around every formatting and rounding boundary."""
    vals = [0.0, -0.0, math.inf, -math.inf, math.nan, 0.1, 0.1 + 0.2, 1 / 3,
            2 ** 0.5, 4.35 * 100, -123.456e-10, 1e-4, 1e-5, 1e15, 1e16, 1e22,
            1e23, 123456789.0, 9007199254740993.0, 99999999999999999.0,
            1.7976931348623157e308, 5e-324, 2.2250738585072014e-308,
            2.225073858507201e-308, 1234567890123456.0, 1.2345678901234568e+16,
            2.5e-07, 0.0001, 0.00012345, 9.999999999999999e-05, 1e-05]
    for e in range(-330, 310):  # powers of ten and their neighbours
        for m in (1.0, 1.5, 2.5, 9.5, 9.999999999999999, 1.0000000000000002):
            vals.append(float(f"{m}e{e}"))
    for e in range(-1074, 1024):  # every power of two (lopsided intervals)
        p = math.ldexp(1.0, e)
        vals += [p, math.nextafter(p, 0.0), math.nextafter(p, math.inf)]
    for e in range(-60, 80):  # small odd multiples: decimal ties are likely
        for m in range(1, 64, 2):
            vals.append(math.ldexp(float(m), e))
    for n in range(0, 2000):  # integers, and the area around 2**53
        vals.append(float(n))
        vals.append(float(2 ** 53 - 1000 + n))
    return vals


def random_values(rng, count):
    vals = []
    for _ in range(count):
        kind = rng.randrange(4)
        if kind == 0:  # any bit pattern: uniform over exponents
            vals.append(from_bits(rng.getrandbits(64)))
        elif kind == 1:  # "human" decimals such as 12.345 or 6.02e23
            digits = rng.randrange(1, 18)
            mant = rng.randrange(10 ** (digits - 1), 10 ** digits)
            vals.append(float(f"{mant}e{rng.randrange(-30, 30)}"))
        elif kind == 2:  # results of arithmetic
            a, b = rng.uniform(-1e6, 1e6), rng.uniform(-1e3, 1e3)
            vals.append(rng.choice([a + b, a * b, a / (b or 1.0), a - b]))
        else:  # near the fixed/scientific switch points
            vals.append(rng.uniform(0.5, 2.0) * 10.0 ** rng.choice([-5, -4, -3, 15, 16, 17]))
    return vals


def main():
    if len(sys.argv) not in (2, 3, 4):
        sys.exit(__doc__)
    helper = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) >= 3 else 200000
    seed = int(sys.argv[3]) if len(sys.argv) == 4 else 20240601  # fixed: reproducible
    values = interesting_values() + random_values(random.Random(seed), count)
    stdin = "".join(f"{bits_of(v):016x}\n" for v in values)
    out = subprocess.run([helper], input=stdin, capture_output=True, text=True, check=True)
    got = out.stdout.splitlines()
    if len(got) != len(values):
        print(f"FAIL: helper printed {len(got)} lines for {len(values)} values")
        return 1
    failures = [(v, g) for v, g in zip(values, got) if g != repr(v)]
    for v, g in failures[:20]:
        print(f"MISMATCH bits={bits_of(v):016x} expected {repr(v)!r} got {g!r}")
    print(f"{len(values) - len(failures)}/{len(values)} values match CPython repr")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
