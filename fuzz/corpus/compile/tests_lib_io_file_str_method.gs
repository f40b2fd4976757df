# A file's str() method shows its path and whether it is closed.
let f = io.open("tests/lib/io/file_str_method.gs")
print(f.str())
f.close()
print(f.str(), io.stdout.str(), io.stdin.str())
# expect: <file 'tests/lib/io/file_str_method.gs'>
# expect: <file 'tests/lib/io/file_str_method.gs' (closed)> <file stdout> <file stdin>
