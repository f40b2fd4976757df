# An error in a replacement function propagates unchanged; a wrong repl raises a type error.
try { re.replace("a", "aa", fn(m) { throw "stop" }) } catch e { print(e) }
try { re.replace("a", "aa", 5) } catch e { print(e.message) }
# expect: stop
# expect: re.replace() argument 3 must be a string or a function, not int
