# Runtime errors of all kinds are catchable.
class P {}
let nothing = nil
let tests = [
  fn() => [1][2],
  fn() => 1 // 0,
  fn() => P().missing,
  fn() => "a" + 1,
  fn() => nothing.x,
]
for t in tests {
  try {
    t()
    print("no error")
  } catch e {
    print(type(e), type(e.message))
  }
}
# expect: instance string
# expect: instance string
# expect: instance string
# expect: instance string
# expect: instance string
