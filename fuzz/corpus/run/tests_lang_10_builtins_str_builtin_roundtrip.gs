# str() of numbers can be parsed back.
print(int(str(12345)) + 1, float(str(2.5)) * 2)
# expect: 12346 5.0
