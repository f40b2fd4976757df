# Strings built at run time (concatenation, format, join, case changes) are
# the same map keys as equal literals and sliced strings, in small maps and
# big ones, as keys stored and as keys looked up; and equal to them by `==`.
let small = {}
let big = {}
for i in 0..40 { big["k" + str(i)] = i }
small["ab" + "cd"] = 1
small["%s-%d".format("x", 7)] = 2
small["-".join(["p", "q"])] = 3
small["LOUD".lower()] = 4
print(small["abcd"], small["x-7"], small["p-q"], small["loud"])
print(small["abcdef"[:4]], small.has("ab" + "cd"), small.has("ab" + "c"), small.get("a" + "bcd", 0))
print(big["k17"], big["k" + "39"], big.has("k40"), len(big))
big["k" + "17"] = 170
print(big["k17"], len(big))
for k, v in small { if k == "x-" + str(7) { print("found", k, v) } }
print("ab" + "cd" == "abcd", "abcd" == "a" + "bcd", "ab" + "cd" != "abce")
let long = "a".repeat(50) + "b"
let m = {}
m[long] = "long"
print(m["a".repeat(50) + "b"])
# expect: 1 2 3 4
# expect: 1 true false 1
# expect: 17 39 false 40
# expect: 170 40
# expect: found x-7 2
# expect: true true true
# expect: long
