# Source files are UTF-8; strings are byte sequences.
print("héllo wörld")
print("日本".len())
# expect: héllo wörld
# expect: 6
