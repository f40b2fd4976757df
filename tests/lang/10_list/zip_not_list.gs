# zip() needs a list.
try { [1, 2].zip(0..2) } catch e { print(e.message, e.kind) }
# expect: zip() argument 1 must be a list, not range type
