x = $y
a = 1 ? 2
b = `x`
c = 3
