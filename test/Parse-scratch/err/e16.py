x = 1 if y
print "hello"
else:
    pass
