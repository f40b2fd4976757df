# An inner catch handles its error; the outer catch sees later ones.
try {
  try {
    throw "inner"
  } catch e {
    print("inner caught", e)
  }
  print("after inner")
  throw "outer"
} catch e {
  print("outer caught", e)
}
# expect: inner caught inner
# expect: after inner
# expect: outer caught outer
