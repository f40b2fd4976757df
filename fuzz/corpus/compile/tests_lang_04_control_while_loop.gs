# while repeats while the condition is true.
let i = 1
let sum = 0
while i <= 10 {
  sum += i
  i += 1
}
print(sum)
while false { print("never") }
# expect: 55
