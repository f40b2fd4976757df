# A while loop: its condition runs before every pass and once more at the end; continue goes to the test, break past it; closures made in the body keep their pass's variables.
let n = 0
let tests = 0
fn below(limit) { tests += 1; return n < limit }
let made = []
while below(6) {
  n += 1
  let v = n
  made.push(fn() => v)
  if n == 2 { continue }
  if n == 5 { break }
}
print(n, tests, made[0](), made[1](), made[4]())
let m = 3
while not (m <= 0) { m -= 1 }
print(m)
let never = 0
while false { never += 1 }
print(never)
let s = "x"
try { while s < 3 { s = 1 } } catch e { print(e) }
# expect: 5 5 1 2 5
# expect: 0
# expect: 0
# expect: cannot compare string and int
