# flat() splices the elements of the elements that are lists, one level deep.
print([[1, 2], [3], [], 4].flat())
print([[[1]], [2, [3]]].flat())
print(["ab", 0..2, {"k": 1}].flat())
print([].flat())
# expect: [1, 2, 3, 4]
# expect: [[1], 2, [3]]
# expect: ["ab", 0..2, {"k": 1}]
# expect: []
