# ord raises a value error for "" and for a string that starts with invalid UTF-8, a type error for a non-string.
try { ord("") } catch e { print(e.message, e.kind) }
try { ord("\xffa") } catch e { print(e.message, e.kind) }
try { ord("\xe2\x82") } catch e { print(e.message, e.kind) }
try { ord(65) } catch e { print(e.message, e.kind) }
# expect: ord() of an empty string value
# expect: ord() of invalid UTF-8 (byte 0xff) value
# expect: ord() of invalid UTF-8 (byte 0xe2) value
# expect: ord() argument 1 must be a string, not int type
