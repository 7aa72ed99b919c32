def f(:
    x = (
    y = 2
