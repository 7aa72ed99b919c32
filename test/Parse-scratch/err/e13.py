x = "\N{DASH}"
y = "\x4"
z = b"bytes"
w = "\ud800"
