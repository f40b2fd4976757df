# Too many values without `...rest` raise an error.
let [a, b] = [1, 2, 3]
# expect error: destructure_too_many_values.gs:2:5: cannot unpack 3 values into 2 names
