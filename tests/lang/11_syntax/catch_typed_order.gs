# Catch clauses are tried in order; the first whose type matches runs.
class ParseError : Error {}
class BadNumber : ParseError {}
fn attempt(f) {
  try { f() }
  catch e is BadNumber { print("bad number:", e.message) }
  catch e is ParseError { print("parse:", e.message) }
  catch e { print("other:", e) }
}
attempt(fn() { throw BadNumber("x1") })
attempt(fn() { throw ParseError("eof") })
attempt(fn() { throw "text" })
# expect: bad number: x1
# expect: parse: eof
# expect: other: text
