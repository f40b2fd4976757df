# `?:` binds looser than `or`: `a or b ? x : y` is `(a or b) ? x : y`.
print(nil or false ? "yes" : "no")
print(false or 1 ? "yes" : "no")
let v = 1 + 1 == 2 ? 10 : 20
print(v)
# expect: no
# expect: yes
# expect: 10
