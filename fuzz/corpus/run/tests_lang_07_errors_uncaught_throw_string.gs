# An uncaught thrown string is reported with its location; exit 1.
print("start")
throw "boom"
# expect: start
# expect error: uncaught_throw_string.gs:3:
# expect error: boom
