def f(x)
    return x

def g(:
    pass
h = 1
