# upper() and lower() return new strings.
let s = "Hello World 42"
print(s.upper(), s.lower(), s)
# expect: HELLO WORLD 42 hello world 42 Hello World 42
