# lines() splits on "\n" and "\r\n" and drops the line breaks.
print("one\ntwo\r\nthree".lines())
print("a\n\nb".lines())
# expect: ["one", "two", "three"]
# expect: ["a", "", "b"]
