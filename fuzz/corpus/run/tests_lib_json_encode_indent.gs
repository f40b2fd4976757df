# encode(v, n) pretty-prints with n spaces per level; empty containers stay [] / {}.
print(json.encode({"name": "gs", "tags": ["a", "b"], "meta": {}, "list": []}, 2))
print(json.encode([1, [2, [3]]], 4))
print(json.encode([1, {"a": 2}], 0))
print(json.encode("scalar", 2), json.encode([], 2), json.encode({}, 2))
# expect: {
# expect:   "name": "gs",
# expect:   "tags": [
# expect:     "a",
# expect:     "b"
# expect:   ],
# expect:   "meta": {},
# expect:   "list": []
# expect: }
# expect: [
# expect:     1,
# expect:     [
# expect:         2,
# expect:         [
# expect:             3
# expect:         ]
# expect:     ]
# expect: ]
# expect: [
# expect: 1,
# expect: {
# expect: "a": 2
# expect: }
# expect: ]
# expect: "scalar" [] {}
