# re.compile gives a regex; rx.search finds the first match anywhere, or nil.
let rx = re.compile("[0-9]+")
let m = rx.search("abc 123 def 45")
print(m.text, m.start(), m.end())
print(rx.search("no digits"))
print(type(rx), rx.pattern)
# expect: 123 4 7
# expect: nil
# expect: userdata [0-9]+
