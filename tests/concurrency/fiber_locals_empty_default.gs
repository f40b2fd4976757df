# A fiber whose creator never used locals starts with an empty map.
let f = spawn {}
print(f.locals, current_fiber().locals)
# expect: {} {}
