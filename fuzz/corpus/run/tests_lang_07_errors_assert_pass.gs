# assert with a true value does nothing.
assert(true)
assert(1 == 1)
assert(0)
assert("")
print("ok")
# expect: ok
