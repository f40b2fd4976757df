# After a caught stack overflow the interpreter works normally, again and again.
fn down(n) { return down(n + 1) + 1 }
fn depth(n) {
  if n == 0 { return 0 }
  return 1 + depth(n - 1)
}
for round in 0..3 {
  try {
    down(0)
  } catch e {
    print(round, e.message.contains("stack overflow"), depth(1000))
  }
}
# expect: 0 true 1000
# expect: 1 true 1000
# expect: 2 true 1000
