# os.signal accepts INT, TERM, HUP, USR1, USR2, WINCH and CHLD only.
try { os.signal("KILL") } catch e { print(e.message) }
try { os.signal() } catch e { print(e.message) }
try { os.signal("INT", "INT") } catch e { print(e.message) }
try { os.signal(3) } catch e { print(e.message) }
# expect: os.signal(): cannot watch 'KILL' (INT, TERM, HUP, USR1, USR2, WINCH or CHLD)
# expect: os.signal() expects at least 1 argument, got 0
# expect: os.signal(): 'INT' given twice
# expect: os.signal() argument 2 must be a string, not int
