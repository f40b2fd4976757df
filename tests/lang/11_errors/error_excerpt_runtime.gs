# An uncaught runtime error shows its line with a caret under the column.
let name = "n"
let count = 3
fn total() {
  let t = name + count
  return t
}
total()
# expect error: error_excerpt_runtime.gs:5:11: cannot add string and int
# expect error:     5 |   let t = name + count
# expect error:       |           ^
