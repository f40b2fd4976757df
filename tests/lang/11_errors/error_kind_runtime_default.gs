# error() and Error() make kind "runtime"; a subclass may set its own.
try { error("boom") } catch e { print(e.kind, e.message) }
print(Error("x").kind)
class Parse : Error {
  fn init(m) { super.init(m); self.kind = "parse" }
}
try { throw Parse("bad") } catch e { print(e.kind) }
# expect: runtime boom
# expect: runtime
# expect: parse
