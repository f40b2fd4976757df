# Nesting is limited to 1000 levels; a million '[' fail fast with an error.
let ok = json.decode("[".repeat(1000) + "]".repeat(1000))
let depth = 0
let v = ok
while type(v) == "list" and len(v) > 0 { v = v[0]; depth += 1 }
print(depth)
print(len(json.decode('{"a":'.repeat(1000) + "1" + "}".repeat(1000))))
fn t(s) { try { json.decode(s) } catch e { print(e) } }
t("[".repeat(1001) + "]".repeat(1001))
t('{"a":'.repeat(1001) + "1" + "}".repeat(1001))
t("[".repeat(1000000))
t("[{\"a\":".repeat(600000))
# expect: 999
# expect: 1
# expect: json.decode: nesting too deep (more than 1000 levels) at position 1000
# expect: json.decode: nesting too deep (more than 1000 levels) at position 5000
# expect: json.decode: nesting too deep (more than 1000 levels) at position 1000
# expect: json.decode: nesting too deep (more than 1000 levels) at position 3000
