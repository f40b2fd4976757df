# os.date raises a value error for a conversion C99 does not define, a time out of range or NaN, and a type error for bad arguments.
try { os.date("%Q") } catch e { print(e.kind, e.message) }
try { os.date("100%") } catch e { print(e.kind, e.message) }
try { os.date("%Ea") } catch e { print(e.kind, e.message) }
try { os.date("%Y", 1e300) } catch e { print(e.kind, e.message) }
try { os.date("%Y", 0 / 0.0) } catch e { print(e.kind, e.message) }
try { os.date("%Y", "now") } catch e { print(e.kind, e.message) }
try { os.date(1) } catch e { print(e.kind, e.message) }
try { os.date("%Y", 0, true, 1) } catch e { print(e.kind, e.message) }
# expect: value os.date: invalid conversion '%Q' in the format
# expect: value os.date: invalid conversion '%' in the format
# expect: value os.date: invalid conversion '%Ea' in the format
# expect: value os.date: time 1e+300 is out of range (-1e17 to 1e17 seconds)
# expect: value os.date: time nan is out of range (-1e17 to 1e17 seconds)
# expect: type os.date() argument 2 must be a number, not string
# expect: type os.date() argument 1 must be a string, not int
# expect: arity os.date() expects 0 to 3 arguments, got 4
