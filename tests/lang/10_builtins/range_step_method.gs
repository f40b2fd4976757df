# r.step(k) takes every k-th int of r: from the first with k > 0, from the last backwards with k < 0.
print((0..10).step(3).list())
print((0..10).step(-3).list())
print((0..10).step(2).step(2).list())
print(range(10, 0, -1).step(4).list())
print((5..5).step(2).list(), (5..5).step(-2).list())
# expect: [0, 3, 6, 9]
# expect: [9, 6, 3, 0]
# expect: [0, 4, 8]
# expect: [10, 6, 2]
# expect: [] []
