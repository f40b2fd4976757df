# Reading a directory fails with the OS reason.
try { io.read_file("tests") } catch e { print(e) }
try { io.open("tests").read() } catch e { print(e) }
# expect: cannot read 'tests': Is a directory
# expect: cannot read 'tests': Is a directory
