# is_space() is true for a non-empty string of ASCII whitespace only (space, \t \n \r \v \f).
print(" \t\n\r\x0b\x0c".is_space(), "".is_space(), " a ".is_space(), "\u{a0}".is_space())
# expect: true false false false
