# Blank lines and comment lines are ignored, also inside multi-line literals.


let m = {
  # the first entry
  "a": 1,

  # the second entry
  "b": 2
}

print(m)
let l = [
  1,   # one
  # nothing here

  2
]
print(l)
# expect: {"a": 1, "b": 2}
# expect: [1, 2]
