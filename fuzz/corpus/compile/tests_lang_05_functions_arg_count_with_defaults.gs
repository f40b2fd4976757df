# With defaults, too few (for the required ones) or too many still raise.
fn greet(name, greeting = "hello") { return greeting + name }
try {
  greet()
  print("no error")
} catch e {
  print(e.message.contains("greet() expects"), e.message.contains("got 0"))
}
try {
  greet("a", "b", "c")
  print("no error")
} catch e {
  print(e.message.contains("greet() expects"), e.message.contains("got 3"))
}
# expect: true true
# expect: true true
