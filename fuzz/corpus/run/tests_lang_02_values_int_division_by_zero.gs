# Integer // 0 and % 0 raise "division by zero".
try {
  let x = 1 // 0
} catch e {
  print(e.message)
}
try {
  let y = 1 % 0
} catch e {
  print(e.message)
}
# expect: division by zero
# expect: division by zero
