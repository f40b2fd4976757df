# input() reads one line from standard input, without its newline.
let line = input()
print(line, len(line))
let second = input()
print(second)
# stdin: hello world
# stdin: second line
# expect: hello world 11
# expect: second line
