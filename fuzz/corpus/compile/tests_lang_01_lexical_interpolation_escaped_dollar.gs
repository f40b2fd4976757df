# \$ is a literal dollar sign.
let x = 5
print("cost: \${x}")
print("\$${x}")
# expect: cost: ${x}
# expect: $5
