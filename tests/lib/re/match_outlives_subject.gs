# A match keeps its text after the subject string is gone, and after the regex matched again.
let rx = re.compile("(\\w+) (\\w+)")
let m = rx.search("hello " + "world".upper() + " again")
let other = rx.search("x y")
for i in 0..2000 { let junk = "garbage ${i}" }
print(m.text, m.groups(), other.text)
# expect: hello WORLD ["hello", "WORLD"] x y
