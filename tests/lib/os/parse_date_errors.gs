# os.parse_date needs two strings (and an optional utc flag).
try { os.parse_date("2024") } catch e { print(e.kind, e.message) }
try { os.parse_date(2024, "%Y") } catch e { print(e.kind, e.message) }
try { os.parse_date("2024", nil) } catch e { print(e.kind, e.message) }
# expect: arity os.parse_date() expects 2 or 3 arguments, got 1
# expect: type os.parse_date() argument 1 must be a string, not int
# expect: type os.parse_date() argument 2 must be a string, not nil
