# lines(): a final line break ends the last line (no empty element after it), like Python's splitlines; "" has no lines.
print("a\nb\n".lines(), "a\r\n".lines(), "\n".lines(), "".lines(), "a\n\n".lines())
# expect: ["a", "b"] ["a"] [""] [] ["a", ""]
