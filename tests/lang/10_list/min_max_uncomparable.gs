# min() and max() of elements < cannot compare raise the error of <.
try { [1, "a"].min() } catch e { print(e.message) }
try { [nil, 2].max() } catch e { print(e.message) }
# expect: cannot compare string and int
# expect: cannot compare nil and int
