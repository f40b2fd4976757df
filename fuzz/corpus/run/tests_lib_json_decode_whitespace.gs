# Space, tab, newline and carriage return are allowed between tokens.
print(json.decode(" \t\r\n{ \"a\" :\n[ 1 ,\t2 ] } \n"))
try { json.decode("[1,\x0b2]") } catch e { print(e) }
# expect: {"a": [1, 2]}
# expect: json.decode: unexpected byte '\x0B' at position 3
