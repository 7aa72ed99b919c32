x = f"abc{x
y = 2
z = 3
