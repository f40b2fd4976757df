# Strings compare bytewise.
print("abc" < "abd", "Z" < "a", "ab" < "abc", "" < "a")
print("b" > "abc", "abc" <= "abc", "abc" >= "abd", "a" < "a")
# expect: true true true true
# expect: true true false false
