# Any value can be thrown; catch binds it.
try {
  throw "boom"
} catch e {
  print(e)
}
# expect: boom
