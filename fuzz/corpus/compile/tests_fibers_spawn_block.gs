# spawn BLOCK runs the block in a new fiber; the block sees enclosing variables.
let name = "block"
let f = spawn {
  print("hello from", name)
  name = "changed"
}
print(type(f))
f.join()
print(name)
# expect: fiber
# expect: hello from block
# expect: changed
