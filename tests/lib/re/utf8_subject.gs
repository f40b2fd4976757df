# With the u flag, invalid UTF-8 in the subject raises a value error; without it, bytes are matched.
try { re.compile("a", "u").search("\xff a") } catch e { print(e.message.starts_with("regex: invalid UTF-8 in the subject"), e.kind) }
print(re.search("\xff", "a\xffb").start())
try { re.compile("a", "u").search("é a", 1) } catch e { print(e.message) }
# expect: true value
# expect: 1
# expect: regex: start 1 is inside a UTF-8 character
