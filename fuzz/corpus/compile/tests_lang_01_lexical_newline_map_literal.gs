# Map literals may span lines although newlines count inside { }.
let m = {
  "a": 1,
  "b": 2
}
print(m)
# expect: {"a": 1, "b": 2}
