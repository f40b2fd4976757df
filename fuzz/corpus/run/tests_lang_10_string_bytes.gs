# bytes() is the list of byte values 0-255.
print("AB".bytes(), "\u{e9}".bytes(), "".bytes())
# expect: [65, 66] [195, 169] []
