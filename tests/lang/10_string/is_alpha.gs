# is_alpha() is true for a non-empty string of ASCII letters only.
print("abcXYZ".is_alpha(), "".is_alpha(), "ab1".is_alpha(), "a b".is_alpha(), "é".is_alpha())
# expect: true false false false false
