# Catastrophic backtracking raises "regex too complex" (PCRE2's match limit)
# instead of running for ages; too_complex_quickly.gs checks how soon.
let s = "a".repeat(30) + "!"
try {
  re.search("(a+)+$", s)
  print("matched?")
} catch e {
  print(e.message.starts_with("regex too complex"), e.kind)
}
# the same pattern on an input it can settle quickly still works
print(re.search("(a+)+$", "aaa").text)
# expect: true value
# expect: aaa
