# A catch clause without a type catches everything, so it must come last.
class A : Error {}
try { print(1) } catch e { print(2) } catch e is A { print(3) }
# expect no output
# expect error: catch_untyped_must_be_last.gs:3:
