# A class without init (and no superclass) takes no arguments.
class Empty {}
let e = Empty()
print(e, type(e))
e.x = 1
print(e.x)
# expect: <Empty instance> instance
# expect: 1
