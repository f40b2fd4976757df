# utf8.len(s) counts UTF-8 characters, where len(s) counts bytes.
print(utf8.len("héllo"), len("héllo"), utf8.len(""), utf8.len("€"), utf8.len("😀!"), utf8.len("\0"))
# expect: 5 6 0 1 2 1
