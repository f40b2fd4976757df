# A bad pattern raises kind "value" with PCRE2's message and the offset in the pattern.
try { re.compile("(ab") } catch e { print(e.message); print(e.kind) }
try { re.search("a{2,1}", "aa") } catch e { print(e.message) }
try { re.compile("x)") } catch e { print(e.message.starts_with("invalid regex: ")) }
# expect: invalid regex: missing closing parenthesis at offset 3
# expect: value
# expect: invalid regex: numbers out of order in {} quantifier at offset 5
# expect: true
