# A range's length is end - start computed without overflow: MIN..MAX holds
# 2^64 - 1 ints, more than an int can count. len() of such a range raises,
# list() refuses it as too large (it used to crash or return a few elements),
# indexing and iteration stay exact at both ends.
let MAX = 9223372036854775807
let MIN = -MAX - 1
print(len(range(0, MAX)))
print((MIN..MAX)[0], (MIN..MAX)[-1], (MIN..MAX)[MAX])
print((-1..MAX)[-1], (0..3)[-3], (5..9)[-1])
try { print(len(range(MIN, MAX))) } catch e { print(e.message) }
try { print(len(range(-1, MAX))) } catch e { print(e.message) }
try { print(range(-1, MAX).list()) } catch e { print(e.message) }
try { print(range(-5, MAX).list()) } catch e { print(e.message) }
try { print((0..3)[3]) } catch e { print(e.message) }
try { print((MIN..MAX)[MIN]) } catch e { print(e.message) }
for i, v in MIN..MIN + 2 { print(i, v) }
let n = 0
for v in MAX - 3..MAX { n += 1 }
print(n)
# expect: 9223372036854775807
# expect: -9223372036854775808 9223372036854775806 -1
# expect: 9223372036854775806 0 8
# expect: len() of -9223372036854775808..9223372036854775807: too many elements for an int
# expect: len() of -1..9223372036854775807: too many elements for an int
# expect: range too large for a list
# expect: range too large for a list
# expect: index out of range
# expect: -1
# expect: 0 -9223372036854775808
# expect: 1 -9223372036854775807
# expect: 3
