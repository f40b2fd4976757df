# Destructuring anything but a list raises an error.
for [k, v] in {"a": 1} { print(k) }
# expect error: destructure_not_a_list.gs:2:5: cannot unpack string (expected a list)
