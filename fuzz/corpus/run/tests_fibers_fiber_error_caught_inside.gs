# An error caught inside the fiber is not reported; the exit status stays 0.
let f = spawn {
  try { error("inner") } catch e { print("fiber caught", e.message) }
  return "fine"
}
print(f.join())
# expect: fiber caught inner
# expect: fine
# expect exit: 0
