# With the u flag, invalid UTF-8 in the subject raises a value error; without it, bytes are matched.
try { re.compile("a", "u").search("\xff a") } catch e { print(e.message.starts_with("regex: invalid UTF-8 in the subject"), e.kind) }
print(re.search("\xff", "a\xffb").start())
try { re.compile("a", "u").search("é a", 1) } catch e { print(e.message) }
# the message names where the bad byte is (it named a garbage offset before)
try { re.compile("a", "u").search("ab\xff a") } catch e { print(e.message.ends_with("at offset 2")) }
# expect: true value
# expect: 1
# expect: regex: start 1 is inside a UTF-8 character
# expect: true
