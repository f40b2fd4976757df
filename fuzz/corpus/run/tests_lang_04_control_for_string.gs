# for over a string gives one-byte strings.
for ch in "abc" { print(ch, type(ch)) }
let n = 0
for ch in "\u{e9}x" { n += 1 }
print(n)
# expect: a string
# expect: b string
# expect: c string
# expect: 3
