# Only nil and false are false; 0, 0.0, "", [] and {} are true.
for v in [0, 0.0, "", [], {}, false, nil, true] {
  if v { print("true") } else { print("false") }
}
# expect: true
# expect: true
# expect: true
# expect: true
# expect: true
# expect: false
# expect: false
# expect: true
