# trim() removes leading and trailing whitespace.
print("[" + "  hi there \n\t".trim() + "]")
print("[" + "x".trim() + "]", "[" + "   ".trim() + "]")
# expect: [hi there]
# expect: [x] []
