# A catch type that is not a class raises an error when it is tested.
try { throw "x" } catch e is 42 { print("no") }
# expect error: catch_typed_non_class.gs:2:30: 'is' expects a class, not int
