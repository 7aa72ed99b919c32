try:
    pass
x = 1
class C
    pass
