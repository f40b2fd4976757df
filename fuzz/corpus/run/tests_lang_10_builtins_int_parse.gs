# int(string) parses a decimal integer.
print(int("42"), int("-7"), int("0"), type(int("42")))
print(int("9223372036854775807"))
# expect: 42 -7 0 int
# expect: 9223372036854775807
