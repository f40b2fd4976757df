# Digits are required after the dot, so 0..3 is a range, not a float.
print(0..3)
print(type(0..3))
for i in 0..3 { print(i) }
# expect: 0..3
# expect: range
# expect: 0
# expect: 1
# expect: 2
