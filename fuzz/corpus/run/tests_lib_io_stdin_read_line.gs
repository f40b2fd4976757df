# io.stdin.read_line reads standard input one line at a time.
print(io.stdin.read_line())
print(io.stdin.read_line())
print(io.stdin.read_line())
# stdin: hello
# stdin: world
# expect: hello
# expect: world
# expect: nil
