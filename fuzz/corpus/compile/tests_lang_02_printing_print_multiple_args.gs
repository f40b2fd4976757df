# print writes str() of each argument separated by one space.
print(1, "two", 3.0, [4], nil)
print("a", "", "b")
# expect: 1 two 3.0 [4] nil
# expect: a  b
