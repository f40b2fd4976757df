# io.stdout writes through the same path as print, so the order is kept.
print("one")
io.stdout.write("two ", 2, "\n")
print("three")
io.stdout.write("fo")
io.stdout.write("ur\n")
io.stdout.flush()
print("five")
# expect: one
# expect: two 2
# expect: three
# expect: four
# expect: five
