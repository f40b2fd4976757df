# An uncaught division by zero reports file:LINE: message and exits 1.
print("before")
let z = 0
print(10 // z)
print("after")
# expect: before
# expect error: int_division_by_zero_uncaught.gs:4:7: division by zero
