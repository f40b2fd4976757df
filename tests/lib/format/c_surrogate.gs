# format's %c refuses a surrogate code point (UTF-8 cannot encode it), like chr; the code points around them work.
try { "%c".format(0xD800) } catch e { print(e.kind, e.message) }
try { "%c".format(0xDFFF) } catch e { print(e.kind, e.message) }
print("%c%c".format(0xD7FF, 0xE000) == chr(0xD7FF) + chr(0xE000))
# expect: value format: %c code point 0xD800 is a surrogate
# expect: value format: %c code point 0xDFFF is a surrogate
# expect: true
