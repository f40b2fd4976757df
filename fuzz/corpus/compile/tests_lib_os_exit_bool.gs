# os.exit(false) exits with status 1, os.exit(true) with 0 (as in Lua).
print("x")
os.exit(false)
# expect: x
# expect exit: 1
