from __future__ import annotations
x = -2**2
y = 2**-1
z = a ** b ** c
w = -x ** -y
t = not a == b
u = a if b else c if d else e
v = lambda: 0
q = lambda x, y=1: x + y
r = a < b <= c != d is not e not in f in g is h
s = a | b ^ c & d << e >> f + g - h * i / j // k % l @ m
n = ~a + -b * +c
xs[1:2:3], xs[::2], xs[:], xs[1:], xs[:2], xs[::], xs[a, b], xs[1:2, ::3], xs[i,]
d[i] = 1; d[i, j] = 2
a, b = b, a
a, = b
(a, b), c = x
[a, b] = c
a = b = c = 1
a.b.c = d[e].f
x: int = 5
y: list[int | None]
self.z: dict[str, int] = {}
x += 1; x -= 1; x *= 2; x /= 2; x //= 2; x %= 3; x **= 2; x @= m
x &= 1; x |= 2; x ^= 3; x <<= 4; x >>= 5
print(a, b, sep=", ", end="")
print(*args, **kwargs)
f(x for x in y)
f(a)(b)(c)[d].e
s = "abc" 'def' """ghi""" '''jkl'''
s = ("multi"
     "line"
     'concat')
s = r"raw\n\d" R'\''
s = "\n\t\r\\\'\"\a\b\f\v\0\101\x41\u00e9\U0001F600"
s = "é€日本 \
continued"
s = 'it''s'
i = 0x_FF + 0o17 + 0b1010 + 1_000_000 + 0 + 00 + 0_0 + 18446744073709551615 + 9223372036854775808
fl = 1.5 + 1e9 + .5 + 1. + 1_000.5 + 2.5e+2 + 1E-3 + 0.0 + 1e400 + 3.14159265358979
cplx = 1j + 2.5J
e = ...
t = ()
t = (1,)
t = (1, 2,)
t = 1,
l = []
l = [1, 2, 3,]
l = [*a, *b]
st = {1, 2}
st = {*a}
dc = {}
dc = {1: 2, 'a': b,}
dc = {**a, 'b': 1, **c}
lc = [x * 2 for x in range(10) if x % 2 if x > 3 for y in z]
sc = {x for x in y}
dcomp = {k: v for k, v in d.items()}
g = (x for x in y)
w = (y := 10)
f(y := 3)
x = yield
x = yield a, b
def gen():
    yield 1
    yield from g
    x = yield
    await z
for k, v in d.items():
    pass
else:
    pass
for x, in y: pass
for (a, b) in c: pass
for x in 1, 2, 3: pass
while True:
    break
else:
    continue
if a:
    pass
elif b:
    pass
elif c: pass
else:
    pass
if x: y = 1; z = 2;
def f(a, b: int, c: int = 3, d=4) -> list[int]:
    """Docstring."""
    global g1, g2
    nonlocal n1
    return a, b
def g(): return
@staticmethod
@a.b.c
@functools.lru_cache(maxsize=None)
def h(): ...
class C(Base, metaclass=M):
    x: int = 0
    def m(self): pass
class D[T]: pass
@dataclass
class E: pass
try:
    pass
except ValueError as e:
    pass
except (A, B):
    pass
except:
    pass
else:
    pass
finally:
    pass
try:
    pass
finally:
    pass
try:
    pass
except* Err:
    pass
with open(f) as fh, open(g) as gh:
    pass
with (open(f) as fh, open(g)):
    pass
with (open(f)) as fh: pass
with a: pass
import os, sys as system, a.b.c as d
from . import x
from .. a import (b as c, d,)
from a.b import *
raise
raise ValueError("x") from e
assert x, "msg"
assert y
del a, b[0], c.d
del (a, b)
async def co():
    async for x in y: pass
    async with a as b: pass
match x:
    case 1:
        pass
    case {"a": b, **rest} if b > 0:
        pass
    case [a, *rest]:
        pass
    case _:
        pass
match(x)
match = 3
type = 5
type X = int
type Y[T] = list[T]
print(match, type, case, _)
x = a if b else lambda: c
x = [lambda: 1, lambda x: x]
x = not not a
x = a and b and c or d and e or f
x = (a
     + b)
x = 1 if True else 2
x = a[1][2](3).b
x = f"{x!r:>{width}} {y}" + "plain"
x = f'{"nested"}' f"{x:{'>'}10}"
x = f"""{
  a + b
}"""
x = rf"\d{x}"
print(f"{'a' if x else 'b'}")
x = 1if y else 2
x = [1for x in y]
x = 0xffor 1
