# help("name") looks the name up (dots follow module members and fields) and
# help("list") lists the methods of a built-in type; nothing runs.
help("math.sqrt")
help("range")
help("no.such")
# expect: math.sqrt(x)
# expect:   The square root of x, a float.
# expect: range methods:
# expect:   range.len() — The number of ints in the range.
# expect:   range.contains(n) — Whether the int n lies in the range.
# expect:   range.list() — A list of the range's ints.
# expect:   range.step(k) — Every k-th int of the range (k < 0: from the last int backwards).
# expect:   range.reversed() — The same ints, last first.
# expect: no help for "no.such" (help("string") lists the string methods)
