# Index errors have kind "index"; a missing field or a bad map key, "key".
try { [1][3] } catch e { print(e.kind) }
try { "ab"[-5] } catch e { print(e.kind) }
class P {}
try { P().q } catch e { print(e.kind) }
try { nil.foo() } catch e { print(e.kind) }
try { let m = {}; m[nil] = 1 } catch e { print(e.kind) }
# expect: index
# expect: index
# expect: key
# expect: key
# expect: key
