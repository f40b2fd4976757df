# os.env(name) returns the variable's value, or nil when it is unset.
print(type(os.env("PATH")), os.env("PATH") == nil)
print(os.env("GS_SURELY_UNSET_VARIABLE_4242"))
print(os.env("a\x00b"))
try { os.env(1) } catch e { print(e) }
try { os.env() } catch e { print(e) }
# expect: string false
# expect: nil
# expect: nil
# expect: os.env() argument 1 must be a string, not int
# expect: os.env() expects 1 argument, got 0
