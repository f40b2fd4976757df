# Arithmetic mixing an int and a float in variables (not folded constants),
# in both orders, with a register or a constant operand, gives the float of
# the int combined with the float: also for ints too big for a double.
fn mix(i, f) {
  return [i + f, f + i, i - f, f - i, i * f, f * i, i + 0.5, 0.5 + i, i * 0.5, i - 0.25, f + 2, f * 3, f - 1]
}
print(mix(3, 1.5))
print(mix(-7, 0.25))
let big = 9007199254740993   # 2^53 + 1: not a double
print(big + 0.0 == 9007199254740992.0, 0.0 + big, big * 1.0)
let max = 9223372036854775807
print(max + 1.0, max * 2.0, 1.0 - max)
let s = 0
for x in [0.5, 0.25, 1] { s += x }
print(s, type(s))
let t = 0
for i in 0..3 { t = t + i * 0.5 }
print(t, type(t))
# expect: [4.5, 4.5, 1.5, -1.5, 4.5, 4.5, 3.5, 3.5, 1.5, 2.75, 3.5, 4.5, 0.5]
# expect: [-6.75, -6.75, -7.25, 7.25, -1.75, -1.75, -6.5, -6.5, -3.5, -7.25, 2.25, 0.75, -0.75]
# expect: true 9.007199254741e+15 9.007199254741e+15
# expect: 9.2233720368548e+18 1.844674407371e+19 -9.2233720368548e+18
# expect: 1.75 float
# expect: 1.5 float
