# Floats encode with enough digits to round-trip, always as floats (. or e).
print(json.encode([1.0, -2.0, 0.5, 0.1, 0.1 + 0.2, 1 / 3, -0.0]))
print(json.encode([1e100, 1e-7, 123456789.125, 2.0 ** 60, 1.7976931348623157e308, 5e-324]))
let xs = [0.1, 0.1 + 0.2, 1 / 3, 2.0 ** 60, 1e-300, 123.456e10, -7.25]
let ok = true
for x in xs {
  let y = json.decode(json.encode(x))
  if type(y) != "float" or y != x { ok = false; print("bad", x, y) }
}
print(ok)
# expect: [1.0,-2.0,0.5,0.1,0.30000000000000004,0.3333333333333333,-0.0]
# expect: [1e+100,1e-07,123456789.125,1.152921504606847e+18,1.7976931348623157e+308,4.94065645841247e-324]
# expect: true
