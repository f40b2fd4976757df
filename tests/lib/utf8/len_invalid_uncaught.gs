# An uncaught utf8 error ends the script with status 1 and the message on stderr.
print(utf8.len("ok"))
utf8.len("\xff")
print("not reached")
# expect: 2
# expect error: len_invalid_uncaught.gs:3:1: utf8.len: invalid UTF-8 at byte 0
