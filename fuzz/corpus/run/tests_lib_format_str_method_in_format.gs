# %s uses a class's str(), which may even yield inside a generator.
class P { fn str() { yield "paused"; return "P!" } }
let g = fiber(fn() => "<%s>".format(P()))
print(g.resume())
print(g.resume())
# expect: paused
# expect: <P!>
