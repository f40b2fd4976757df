# lines(): a "\r" not followed by "\n" is an ordinary character, as in io.lines.
let parts = "a\rb\r".lines()
print(len(parts), len(parts[0]))
# expect: 1 4
