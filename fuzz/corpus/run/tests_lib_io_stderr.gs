# io.stderr.write goes to standard error.
io.stderr.write("to stderr ", 1, "\n")
print("to stdout")
# expect: to stdout
# expect error: to stderr 1
# expect exit: 0
