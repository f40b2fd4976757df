# string_ops: concatenation, interpolation, split, find, replace, upper,
# join, contains, slicing — the everyday string methods.
let N = 500000
if len(os.args) > 0 { N = int(os.args[0]) }

let total = 0
let acc = []
for i in 0..N {
  let line = "alpha,beta," + str(i) + ",gamma,delta"
  let parts = line.split(",")
  total += len(parts)
  let up = line.upper()
  total += up.find("GAMMA")
  let r = line.replace("a", "4")
  total += len(r)
  if r.contains("4lph4") { total += 1 }
  let j = "-".join(parts)
  total += len(j)
  let sub = j[6:10]
  if sub == "beta" { total += 2 }
  acc.push(parts[2])
  if len(acc) == 100 {
    total += len("".join(acc))
    acc = []
  }
}
print(total)
