# A throw unwinds through function calls to the nearest try.
fn a() { b(); print("not reached") }
fn b() { c(); print("not reached") }
fn c() { throw "from c" }
try {
  a()
} catch e {
  print("caught", e)
}
print("continues")
# expect: caught from c
# expect: continues
