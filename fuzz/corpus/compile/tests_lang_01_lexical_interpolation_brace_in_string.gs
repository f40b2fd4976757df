# Braces inside a string inside an interpolation do not end it.
print("a${"}"}b")
print("${"{" + "}"}")
# expect: a}b
# expect: {}
