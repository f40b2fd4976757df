# '+' concatenates two lists into a new list.
let a = [1, 2]
let b = a + [3]
print(b, a)
print([] + [], [1] + ["x", nil])
# expect: [1, 2, 3] [1, 2]
# expect: [] [1, "x", nil]
