# Functions print as <fn NAME>.
fn add(a, b) { return a + b }
print(add)
print([add])
print(str(add))
# expect: <fn add>
# expect: [<fn add>]
# expect: <fn add>
