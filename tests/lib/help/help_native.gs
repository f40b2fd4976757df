# help(f) of a builtin, a module function and a method prints the signature
# and the one-line description it was registered with.
help(len)
help(math.floor)
help([1, 2].map)
help("".split)
# expect: len(v)
# expect:   Bytes of a string, elements of a list, map or range.
# expect: math.floor(x)
# expect:   The largest int not greater than x.
# expect: list.map(fn)
# expect:   A new list of fn(element) for each element.
# expect: string.split(sep?)
# expect:   The pieces between occurrences of sep (default: runs of whitespace).
