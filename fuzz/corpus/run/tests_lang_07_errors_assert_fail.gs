# A failing assert raises an error: uncaught, it exits 1 with the location.
print("before")
assert(1 == 2)
print("after")
# expect: before
# expect error: assert_fail.gs:3:
