# Built-in modules are globals: no import needed; they can be passed around.
fn floor_with(m) { return m.floor(2.5) }
print(type(math), type(io), type(os), type(json), floor_with(math))
# expect: module module module module 2
