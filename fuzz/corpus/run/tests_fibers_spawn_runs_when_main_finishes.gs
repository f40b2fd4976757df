# Fibers still queued when the main script ends run afterwards, in spawn order.
spawn { print("one") }
spawn { print("two") }
spawn { print("three") }
print("end of main script")
# expect: end of main script
# expect: one
# expect: two
# expect: three
