# The position is where the error was raised, in the innermost function.
fn get(l, i) {
  return l[i]
}
try { get([1], 9) } catch e { print(e.line, e.column) }
try { [1, 2].pop().foo() } catch e { print(e.line, e.column) }
# expect: 3 10
# expect: 6 7
