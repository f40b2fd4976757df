# nil, bools and ints print as themselves.
print(nil, true, false, 42, -7, 0)
# expect: nil true false 42 -7 0
