# Catastrophic backtracking raises "regex too complex" instead of running for ages.
let start = os.time()
let s = "a".repeat(30) + "!"
try {
  re.search("(a+)+$", s)
  print("matched?")
} catch e {
  print(e.message.starts_with("regex too complex"), e.kind)
}
print(os.time() - start < 15)
# the same pattern on an input it can settle quickly still works
print(re.search("(a+)+$", "aaa").text)
# expect: true value
# expect: true
# expect: aaa
