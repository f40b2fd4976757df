# decode(encode(v)) gives back an equal structure, compact or indented.
let v = {"name": "GreenScript", "version": [0, 1], "pi": 3.14159, "ok": true,
         "none": nil, "nested": {"list": [1, [2, [3, {"deep": "yes"}]]], "empty": {}},
         "text": "line1\nline2 \"quoted\" \u{1F600} tab\t", "neg": -9223372036854775807}
let a = json.encode(v)
let b = json.encode(v, 2)
print(str(json.decode(a)) == str(v), str(json.decode(b)) == str(v))
print(json.encode(json.decode(a)) == a)
# expect: true true
# expect: true
