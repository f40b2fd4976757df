# An empty or reversed range has no elements.
for i in 5..2 { print(i) }
for i in 3..3 { print(i) }
print("done")
# expect: done
