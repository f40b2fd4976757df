# Unencodable values raise: functions, fibers, channels, classes, instances,
# ranges, modules, NaN and infinities, and maps with non-string keys.
class P {}
fn t(v) { try { print(json.encode(v)) } catch e { print(e) } }
t(print)
t(fn() => 1)
t(fiber(fn() => 1))
t(chan())
t(P)
t(P())
t(0..3)
t(math)
t(io.stdout)
t(math.nan)
t(math.inf)
t([1, [-math.inf]])
t({1: "a"})
t({"a": {true: 1}})
# expect: json.encode: cannot encode function
# expect: json.encode: cannot encode function
# expect: json.encode: cannot encode fiber
# expect: json.encode: cannot encode channel
# expect: json.encode: cannot encode class
# expect: json.encode: cannot encode instance
# expect: json.encode: cannot encode range
# expect: json.encode: cannot encode module
# expect: json.encode: cannot encode userdata
# expect: json.encode: cannot encode nan
# expect: json.encode: cannot encode inf
# expect: json.encode: cannot encode -inf
# expect: json.encode: map keys must be strings, not int
# expect: json.encode: map keys must be strings, not bool
