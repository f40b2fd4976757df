# decode: objects become maps (document order), arrays lists, null nil.
let v = json.decode('{"z": 1, "a": [true, false, null], "m": {"k": "v"}, "e": [], "o": {}}')
print(v)
print(type(v), type(v["a"]), v.keys())
print(json.decode("null"), json.decode("true"), json.decode(' "s" '))
# expect: {"z": 1, "a": [true, false, nil], "m": {"k": "v"}, "e": [], "o": {}}
# expect: map list ["z", "a", "m", "e", "o"]
# expect: nil true s
