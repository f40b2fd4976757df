# chr raises a value error outside 0..0x10FFFF and for surrogates (0xD800..0xDFFF), a type error for a non-int.
try { chr(-1) } catch e { print(e.message, e.kind) }
try { chr(0x110000) } catch e { print(e.message, e.kind) }
try { chr(0xD800) } catch e { print(e.message, e.kind) }
try { chr(0xDFFF) } catch e { print(e.message, e.kind) }
try { chr("A") } catch e { print(e.message, e.kind) }
try { chr(1.5) } catch e { print(e.message, e.kind) }
# expect: chr() code point -1 is outside 0 to 0x10FFFF value
# expect: chr() code point 1114112 is outside 0 to 0x10FFFF value
# expect: chr() code point 0xD800 is a surrogate value
# expect: chr() code point 0xDFFF is a surrogate value
# expect: chr() argument 1 must be an int, not string type
# expect: chr() argument 1 must be an int, not float type
