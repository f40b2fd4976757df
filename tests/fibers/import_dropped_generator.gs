# A generator dropped while suspended in a module's top level abandons that
# load: like a top level that failed, the module is not kept, and the next
# import runs it again (it used to stay "loading" for ever: this import
# waited for a loader that no longer existed, a deadlock).
fn first_value() {
  let g = fiber(fn() {
    import "mods/yield_top"
    return "not reached"
  })
  return g.resume()
}
fn load() {
  import "mods/yield_top"
  return yield_top.value
}
print(first_value())
print(load())
# expect: yield_top: start
# expect: in yield_top
# expect: yield_top: start
# expect: yield_top: done
# expect: 42
