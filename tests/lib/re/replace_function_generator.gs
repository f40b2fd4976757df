# A replacement function inside a generator yields each match to the resumer, which answers with the replacement.
let gen = fiber(fn(s) {
  return re.replace("[a-z]+", s, fn(m) => yield m.text)
})
print(gen.resume("ab 12 cd"))
print(gen.resume("AB"))
print(gen.resume("CD"))
print(gen.done())
# expect: ab
# expect: cd
# expect: AB 12 CD
# expect: true
