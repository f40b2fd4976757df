# The right side of `is` must be a class.
let x = 3
print(x is "int")
# expect error: is_non_class_error.gs:3:7: 'is' expects a class, not string
