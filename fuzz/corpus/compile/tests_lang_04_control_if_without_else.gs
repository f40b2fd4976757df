# An if without else does nothing when the condition is false.
if false { print("no") }
if nil { print("no") }
if 0 { print("zero is true") }
if "" { print("empty string is true") }
# expect: zero is true
# expect: empty string is true
