# 'and' / 'or' return one of their operands.
print(nil or 5)
print(false or nil)
print(1 and 2)
print(nil and 1)
print(0 or 5)
print(false and 1)
print("a" or "b")
print([] and "x")
# expect: 5
# expect: nil
# expect: 2
# expect: nil
# expect: 0
# expect: false
# expect: a
# expect: x
