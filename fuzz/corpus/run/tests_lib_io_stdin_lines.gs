# io.stdin.lines() iterates over standard input; read() takes the rest.
let first = io.stdin.read_line()
let n = 0
for l in io.stdin.lines() { n += 1; if n == 2 { break } }
print(first, n)
print(io.stdin.read().replace("\n", "|"))
print(io.stdin.read(1))
# stdin: a
# stdin: b
# stdin: c
# stdin: d
# stdin: e
# expect: a 2
# expect: d|e|
# expect: nil
