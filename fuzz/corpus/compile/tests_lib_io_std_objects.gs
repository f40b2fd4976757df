# io.stdin, io.stdout and io.stderr are file objects (userdata).
print(type(io.stdin), type(io.stdout), type(io.stderr))
io.stdout.close()
try { io.stdout.write("x") } catch e { print("closed:", e) }
print("print still works")
# expect: userdata userdata userdata
# expect: closed: write() on closed file 'stdout'
# expect: print still works
