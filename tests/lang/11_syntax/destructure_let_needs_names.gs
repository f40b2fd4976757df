# A `let` pattern holds names only: a compile error otherwise.
print("never runs")
let [a, 1] = [1, 2]
# expect no output
# expect error: destructure_let_needs_names.gs:3:9: expected a name in a destructuring pattern
