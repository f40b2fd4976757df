# Parameters may have default values.
fn greet(name, greeting = "hello") { print("${greeting}, ${name}") }
greet("bob")
greet("amy", "hi")
# expect: hello, bob
# expect: hi, amy
