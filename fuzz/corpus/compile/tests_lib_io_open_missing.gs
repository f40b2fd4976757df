# io.open of a missing file raises "cannot open 'PATH': REASON" (catchable).
try { io.open("nope.txt") } catch e { print(e) }
try { io.open("nope.txt", "r+") } catch e { print(e.message) }
try { io.lines("nope.txt") } catch e { print(e) }
try { io.write_file("/no_such_dir_gs/x.txt", "x") } catch e { print(e) }
try { io.append_file("/no_such_dir_gs/x.txt", "x") } catch e { print(e) }
try { io.open("/no_such_dir_gs/x.txt", "w") } catch e { print(e) }
# expect: cannot open 'nope.txt': No such file or directory
# expect: cannot open 'nope.txt': No such file or directory
# expect: cannot open 'nope.txt': No such file or directory
# expect: cannot open '/no_such_dir_gs/x.txt': No such file or directory
# expect: cannot open '/no_such_dir_gs/x.txt': No such file or directory
# expect: cannot open '/no_such_dir_gs/x.txt': No such file or directory
