# A runtime error in a joined fiber comes out of join as an Error with its message.
let f = spawn { return [1, 2][5] }
try { f.join() } catch e { print(e.message) }
# expect: index out of range
