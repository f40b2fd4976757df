# The builtin input() and io.stdin share standard input.
print(input())
print(io.stdin.read_line())
print(input())
# stdin: 1
# stdin: 2
# stdin: 3
# expect: 1
# expect: 2
# expect: 3
