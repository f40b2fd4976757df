# str() of a file object shows its path and whether it is closed.
let f = io.open("tests/lib/io/file_str.gs")
print(f)
f.close()
print(f, io.stdout)
# expect: <file 'tests/lib/io/file_str.gs'>
# expect: <file 'tests/lib/io/file_str.gs' (closed)> <file stdout>
