# Values that are not instances are never `is` a class.
class P {}
print(1 is P, nil is P, "s" is P, [P()] is P, P is P)
# expect: false false false false false
