# os.exit(code) ends the program with that status; output so far is flushed.
print("before")
io.stdout.write("partial")
os.exit(3)
print("after")
# expect: before
# expect: partial
# expect exit: 3
