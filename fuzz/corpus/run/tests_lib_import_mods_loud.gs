# skip: helper module
# Prints when its top level runs: a test counts how often that happens.
print("loading loud")
let loads = 1
