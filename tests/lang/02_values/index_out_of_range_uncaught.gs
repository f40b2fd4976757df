# Uncaught: file:LINE: index out of range.
let l = [1, 2, 3]
let i = 7
print(l[i])
# expect error: index_out_of_range_uncaught.gs:4:7: index out of range
