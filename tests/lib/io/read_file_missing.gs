# A missing file raises with the OS reason.
let x = 1
io.read_file("tests/lib/io/no_such_file.txt")
# expect error: read_file_missing.gs:3:1: cannot open 'tests/lib/io/no_such_file.txt': No such file or directory
