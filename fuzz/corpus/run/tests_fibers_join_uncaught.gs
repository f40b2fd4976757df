# An error rethrown by join and not caught stops the program like any uncaught error.
let f = spawn {
  error("from fiber")
}
print("joining")
f.join()
print("not reached")
# expect: joining
# expect error: from fiber
# expect error: traceback:
