def f(*args, **kw, ): pass
def g(a, /, b, *, c): pass
def h(a=1, b): pass
def k[T](x: T) -> T: return x
