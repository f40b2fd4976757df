# String methods chain and never modify the receiver.
let s = "  Hi "
print(s.trim().lower().repeat(2), "[" + s + "]")
# expect: hihi [  Hi ]
