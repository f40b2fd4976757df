# is_digit() is true for a non-empty string of ASCII digits only.
print("0123456789".is_digit(), "".is_digit(), "12a".is_digit(), "-1".is_digit(), "1.5".is_digit(), " 1".is_digit(), "٣".is_digit())
# expect: true false false false false false false
