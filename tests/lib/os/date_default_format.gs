# os.date without a format (or with nil) uses "%c", like Lua's os.date.
print(os.date(nil, 0, true))
print(os.date(nil, 0, true) == os.date("%c", 0, true))
# expect: Thu Jan  1 00:00:00 1970
# expect: true
