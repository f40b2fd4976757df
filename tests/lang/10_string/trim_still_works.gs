# trim, ltrim and rtrim stay as whitespace-only names for strip, lstrip and rstrip.
print("[" + " a ".trim() + "]", "[" + " a ".ltrim() + "]", "[" + " a ".rtrim() + "]")
try { " a ".trim("a") } catch e { print(e.message) }
# expect: [a] [a ] [ a]
# expect: trim() expects 0 arguments, got 1
