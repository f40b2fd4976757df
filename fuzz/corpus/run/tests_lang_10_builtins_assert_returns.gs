# assert passes truthy values (0 and "" included).
assert(0)
assert("")
assert([])
print("passed")
# expect: passed
