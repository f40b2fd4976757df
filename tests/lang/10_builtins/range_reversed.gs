# r.reversed() holds the same ints, last first; reversing twice gives them back in order.
print((0..5).reversed().list())
print(range(0, 10, 3).reversed().list())
print((0..5).reversed().reversed().list())
print((3..3).reversed().list())
for i in (1..4).reversed() { print(i) }
# expect: [4, 3, 2, 1, 0]
# expect: [9, 6, 3, 0]
# expect: [0, 1, 2, 3, 4]
# expect: []
# expect: 3
# expect: 2
# expect: 1
