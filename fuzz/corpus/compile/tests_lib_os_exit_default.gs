# os.exit() without a code exits with status 0, even with fibers pending.
spawn fn() { print("never runs") }()
print("bye")
os.exit()
# expect: bye
