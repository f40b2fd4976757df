# min() and max() of an empty list raise a value error.
try { [].min() } catch e { print(e.message, e.kind) }
try { [].max() } catch e { print(e.message, e.kind) }
# expect: min() of an empty list value
# expect: max() of an empty list value
