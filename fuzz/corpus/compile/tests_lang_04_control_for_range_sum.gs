# A long range loop.
let s = 0
for i in 0..100000 { s += i }
print(s)
# expect: 4999950000
