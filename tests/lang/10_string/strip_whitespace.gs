# strip() without an argument removes leading and trailing ASCII whitespace; lstrip and rstrip one side.
print("[" + " \t hi there \r\n".strip() + "]")
print("[" + "  a  ".lstrip() + "]", "[" + "  a  ".rstrip() + "]")
print("[" + "   ".strip() + "]", "[" + "".strip() + "]", "[" + "x".strip(nil) + "]")
# expect: [hi there]
# expect: [a  ] [  a]
# expect: [] [] [x]
