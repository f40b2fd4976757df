# io.exists: true for files and directories, false for a missing path or a
# path through a file.
let d = (os.env("TMPDIR") or "/tmp") + "/gs_exists_${os.pid()}"
io.remove_all(d)
print(io.exists(d))
io.mkdir(d)
io.write_file("${d}/f", "")
print(io.exists(d), io.exists("${d}/f"), io.exists("${d}/g"), io.exists("${d}/f/x"))
io.remove_all(d)
print(io.exists(d))
try { io.exists() } catch e { print(e.message) }
# expect: false
# expect: true true false false
# expect: false
# expect: io.exists() expects 1 argument, got 0
