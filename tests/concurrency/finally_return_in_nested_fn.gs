# A function defined inside finally may return: the rule is about leaving the finally block.
try { print("body") } finally {
  let f = fn() { return "inner return" }
  print(f())
}
# expect: body
# expect: inner return
