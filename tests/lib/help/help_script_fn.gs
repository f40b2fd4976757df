# help(f) of a script function: its name, parameters (defaults, rest) and the
# `#` comment lines directly above `fn`; a blank line ends the comment.
# This line is not part of the doc (a blank line follows).

# Greet someone,
#   politely.
fn greet(name, greeting = "hello", times = 2, ...rest) {
  return greeting
}
fn bare(a) { return a }
help(greet)
help(bare)
help(fn(x, y) => x)
# expect: fn greet(name, greeting = "hello", times = 2, ...rest)
# expect:   Greet someone,
# expect:     politely.
# expect: fn bare(a)
# expect: fn anonymous(x, y)
