if x:
pass
else:
    pass
while y:
