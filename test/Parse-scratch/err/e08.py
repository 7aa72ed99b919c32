f() = 1
1 = x
a + b = c
for f() in x: pass
x, f() = 1, 2
(a, b) += 1
[a]: int
x.y: int = 1
del f()
True = 1
