# Exact int/float comparison near the int limits and with infinities.
let inf = 1e308 * 10
print(9223372036854775807 < 9223372036854775808.0)
print(9223372036854775807 == 9223372036854775808.0)
print(inf > 9223372036854775807, -inf < -9223372036854775807 - 1)
# expect: true
# expect: false
# expect: true true
