# Many caught errors in a loop do not exhaust anything.
let sum = 0
for i in 0..20000 {
  try {
    if i % 2 == 0 { throw i }
    let x = [][i]
  } catch e {
    if type(e) == "int" { sum += e } else { sum += 1 }
  }
}
print(sum)
# expect: 100000000
