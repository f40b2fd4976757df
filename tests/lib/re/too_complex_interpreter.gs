# The match limit also holds without the JIT (anchored matches run in PCRE2's interpreter).
let s = "a".repeat(28) + "!"
try { re.compile("(a+)+$").match(s); print("matched?") } catch e { print(e.message.starts_with("regex too complex")) }
# expect: true
