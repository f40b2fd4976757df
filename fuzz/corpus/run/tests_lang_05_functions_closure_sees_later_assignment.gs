# A closure sees assignments made after it was created.
fn f() {
  let x = 1
  let g = fn() => x
  x = 5
  return g()
}
print(f())
let y = 1
let h = fn() => y
y = 2
print(h())
# expect: 5
# expect: 2
