# rx.match is anchored at the start of s; rx.full_match must cover all of s.
let rx = re.compile("[a-z]+")
print(rx.match("abc123").text, rx.match("1abc"))
print(rx.full_match("abc"), rx.full_match("abc1"))
print(re.compile("a|ab").full_match("ab").text)
# expect: abc nil
# expect: <match "abc" at 0..3> nil
# expect: ab
