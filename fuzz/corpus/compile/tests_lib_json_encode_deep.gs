# encode nests up to 1000 levels; deeper raises (it never overflows the C stack).
# slow
fn nest(n) {
  let v = []
  for i in 0..n { v = [v] }
  return v
}
print(len(json.encode(nest(999))))
try { json.encode(nest(1000)) } catch e { print(e) }
try { json.encode(nest(100000)) } catch e { print(e) }
# expect: 2000
# expect: json.encode: nesting too deep (more than 1000 levels)
# expect: json.encode: nesting too deep (more than 1000 levels)
