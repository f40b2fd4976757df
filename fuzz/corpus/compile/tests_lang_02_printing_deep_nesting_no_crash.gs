# Printing (and freeing) very deeply nested lists must not crash; a
# "stack overflow" error is acceptable.
let l = []
for i in 0..100000 { l = [l] }
try {
  let s = str(l)
  print(len(s) > 0)
} catch e {
  print(e.message.contains("stack overflow"))
}
l = nil
print("ok")
# expect: true
# expect: ok
# slow
