# Interpolation converts values like str().
print("${nil} ${true} ${1.0} ${[1, "a"]} ${0.1 + 0.2}")
# expect: nil true 1.0 [1, "a"] 0.3
