# Integer % 0 raises "division by zero" as well.
let z = 0
print(10 % z)
# expect error: modulo_by_zero_uncaught.gs:3:7: division by zero
