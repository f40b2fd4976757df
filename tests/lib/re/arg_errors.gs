# Wrong argument types and counts raise with the function's name.
try { re.compile(5) } catch e { print(e.message) }
try { re.search("a") } catch e { print(e.message) }
try { re.compile("a").search(1) } catch e { print(e.message) }
try { re.compile("a").search("a", "b") } catch e { print(e.message) }
try { re.compile("a").match() } catch e { print(e.message) }
# expect: re.compile() argument 1 must be a string, not int
# expect: re.search() expects 2 arguments, got 1
# expect: search() argument 1 must be a string, not int
# expect: search() argument 2 must be an int, not string
# expect: match() expects 1 argument, got 0
