# Without indent the output has no whitespace; map keys keep insertion order.
print(json.encode([1, "two", 3.5, nil, true, [], {}]))
print(json.encode({"b": 1, "a": [1, {"z": nil}], "c": {}}))
let m = {"x": 1, "y": 2, "z": 3}
m.remove("y")
m["w"] = 4
m["y"] = 5
print(json.encode(m))
print(json.encode({"a": 1}, nil))
# expect: [1,"two",3.5,null,true,[],{}]
# expect: {"b":1,"a":[1,{"z":null}],"c":{}}
# expect: {"x":1,"z":3,"w":4,"y":5}
# expect: {"a":1}
