# There is no implicit string/number coercion.
try {
  let r = "a" + 1
} catch e {
  print(e.message)
}
# expect: cannot add string and int
