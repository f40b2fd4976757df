# Asking a match for a group that does not exist raises.
let m = re.search("(a)(?<b>b)", "ab")
try { m.group(3) } catch e { print(e.message, e.kind) }
try { m.group("nope") } catch e { print(e.message, e.kind) }
try { m.start(-1) } catch e { print(e.message) }
# expect: group(): no group 3 (the pattern has 2) index
# expect: group(): no group named 'nope' key
# expect: start(): no group -1 (the pattern has 2)
