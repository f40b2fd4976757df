# Int keys in regular patterns (consecutive, multiples of powers of two,
# huge strides, negatives) all hash well: 100 000 keys of each pattern are
# stored, found, removed and found missing quickly (a pattern that piled up
# in one part of the index would make this quadratic and time out).
for step in [1, 7, 64, 1024, 65536, 1048576, 4294967296, -7, -4096] {
  let m = {}
  for i in 0..100000 { m[i * step] = i }
  let s = 0
  for i in 0..100000 { s += m[i * step] }
  let i = 0
  while i < 100000 { m.remove(i * step); i += 2 }
  let present = 0
  for i in 0..100000 { if m.has(i * step) { present += 1 } }
  print(step, s, m.len(), present)
}
# expect: 1 4999950000 50000 50000
# expect: 7 4999950000 50000 50000
# expect: 64 4999950000 50000 50000
# expect: 1024 4999950000 50000 50000
# expect: 65536 4999950000 50000 50000
# expect: 1048576 4999950000 50000 50000
# expect: 4294967296 4999950000 50000 50000
# expect: -7 4999950000 50000 50000
# expect: -4096 4999950000 50000 50000
