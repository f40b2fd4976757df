# Assignments made in try before the error remain; execution continues.
let x = 0
try {
  x = 1
  throw "stop"
  x = 2
} catch e {
  x += 10
}
print(x)
# expect: 11
