# sum() of elements that cannot be added raises the error of +.
try { [1, "a"].sum() } catch e { print(e.message, e.kind) }
try { [nil, nil].sum() } catch e { print(e.message, e.kind) }
# expect: cannot add int and string type
# expect: cannot add nil and nil type
