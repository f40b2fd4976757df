# os.exit checks its argument.
try { os.exit("1") } catch e { print(e) }
try { os.exit(1.5) } catch e { print(e) }
try { os.exit(1, 2) } catch e { print(e) }
print("still here")
# expect: os.exit() argument 1 must be an int, not string
# expect: os.exit() argument 1 must be an int, not float
# expect: os.exit() expects 0 or 1 arguments, got 2
# expect: still here
