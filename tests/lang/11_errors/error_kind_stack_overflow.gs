# Stack overflow and too-large results have their own kinds.
fn down(n) { return down(n + 1) + 1 }
try { down(0) } catch e { print(e.kind, e.message) }
try { "ab".repeat(1 << 62) } catch e { print(e.kind) }
# expect: stack stack overflow
# expect: overflow
