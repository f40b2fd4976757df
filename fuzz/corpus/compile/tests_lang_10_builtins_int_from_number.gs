# int(float) truncates; int(int) is the same int.
print(int(3.9), int(3.0), int(5), type(int(3.9)))
# expect: 3 3 5 int
