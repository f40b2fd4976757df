# Hostile input: lists and maps that contain themselves (directly, through
# each other, or through an instance's fields) print `[...]` / `{...}` at the
# cycle (LANGUAGE.md, Printing), in print, str(), interpolation and join;
# json.encode raises instead of recursing forever.
let l = [1]
l.push(l)
print(l)
let m = {"a": 1}
m["self"] = m
print(m)
let a = []
let b = [a]
a.push(b)
print(a)
m["l"] = l
l.push(m)
print(l)
print(str(m) == "${m}")
print(len([l, l].join(",")) > 0)
class Box { fn init() { self.items = [self] } }
let bx = Box()
bx.items.push(bx.items)
print(bx.items)
try { json.encode(l) } catch e { print("json: error") }
try { json.encode(m) } catch e { print("json: error") }
# a str() method that prints a container holding its own instance recurses
# through script: a catchable stack overflow, not a crash
class Node {
  fn init() { self.kids = [self] }
  fn str() { return "N" + str(self.kids) }
}
let n = Node()
try { print(n) } catch e { print("str: error") }
try { print("${n}") } catch e { print("interpolation: error") }
# many references to the same list are not cycles
let shared = [0]
print([shared, shared, [shared]])
# expect: [1, [...]]
# expect: {"a": 1, "self": {...}}
# expect: [[[...]]]
# expect: [1, [...], {"a": 1, "self": {...}, "l": [...]}]
# expect: true
# expect: true
# expect: [<Box instance>, [...]]
# expect: json: error
# expect: json: error
# expect: str: error
# expect: interpolation: error
# expect: [[0], [0], [[0]]]
# slow
