# \xHH is one byte with that hex value.
print("\x41\x62\x7a")
print("\xff".bytes())
print("\x00\x7F".len())
# expect: Abz
# expect: [255]
# expect: 2
