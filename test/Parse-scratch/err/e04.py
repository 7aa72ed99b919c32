s = "abc
t = 1
print("abc)
u = 2
