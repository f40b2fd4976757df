# format: %f has six decimals by default; %5.2f sets width and precision.
print("%f".format(1.5))
print("[" + "%5.2f".format(3.14159) + "]")
print("[" + "%5.2f".format(123.456) + "]")
# expect: 1.500000
# expect: [ 3.14]
# expect: [123.46]
