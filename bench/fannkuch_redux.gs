# fannkuch_redux: the Benchmarks Game fannkuch-redux (small int lists,
# indexing, swaps). Prints the checksum and the maximum number of flips.
let N = 9
if len(os.args) > 0 { N = int(os.args[0]) }
let REPS = 6   # fannkuch(10) alone is too long for one run on lua5.4

fn fannkuch(n) {
  let perm = []
  let perm1 = []
  let count = []
  for i in 0..n { perm.push(0); perm1.push(i); count.push(0) }
  let max_flips = 0
  let checksum = 0
  let perm_count = 0
  let r = n
  while true {
    while r != 1 {
      count[r - 1] = r
      r -= 1
    }
    for i in 0..n { perm[i] = perm1[i] }
    let flips = 0
    let k = perm[0]
    while k != 0 {
      let i = 0
      let j = k
      while i < j {
        let t = perm[i]
        perm[i] = perm[j]
        perm[j] = t
        i += 1
        j -= 1
      }
      flips += 1
      k = perm[0]
    }
    if flips > max_flips { max_flips = flips }
    if perm_count % 2 == 0 { checksum += flips } else { checksum -= flips }
    # next permutation
    while true {
      if r == n {
        return [checksum, max_flips]
      }
      let perm0 = perm1[0]
      for i in 0..r { perm1[i] = perm1[i + 1] }
      perm1[r] = perm0
      count[r] -= 1
      if count[r] > 0 { break }
      r += 1
    }
    perm_count += 1
  }
}

let res = fannkuch(N)
for rep in 1..REPS { res = fannkuch(N) }
print(res[0])
print("Pfannkuchen(${N}) = ${res[1]}")
