# format: %x is lowercase hexadecimal.
print("%x".format(255), "%x".format(0), "%x".format(4096))
# expect: ff 0 1000
