# split() without an argument splits on runs of whitespace and ignores it at both ends.
print("  a  b\t\tc\n d  ".split(), "".split(), "   ".split(), "one".split())
# expect: ["a", "b", "c", "d"] [] [] ["one"]
