# Ints, lists, maps, nil and floats can be thrown and caught unchanged.
for v in [42, [1, 2], {"code": 7}, nil, 1.5, true] {
  try {
    throw v
  } catch e {
    print(e, e == v)
  }
}
# expect: 42 true
# expect: [1, 2] true
# expect: {"code": 7} true
# expect: nil true
# expect: 1.5 true
# expect: true true
