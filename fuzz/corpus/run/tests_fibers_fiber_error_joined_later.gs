# A fiber that fails before anyone joins it, but is joined later, hands its error to the joiner:
# it is not reported as an unjoined fiber error and the exit status stays 0.
let bad = spawn { error("early failure") }
let good = spawn { return "good" }
print(good.join())
try { bad.join() } catch e { print("caught", e.message) }
# expect: good
# expect: caught early failure
# expect exit: 0
