# io.mkdir makes one directory: an existing path raises exists, a missing
# parent not_found. With {"parents": true} it makes the missing parents and
# accepts a directory that exists, but not a file.
let d = (os.env("TMPDIR") or "/tmp") + "/gs_mkdir_${os.pid()}"
io.remove_all(d)
fn t(f) { try { f(); print("ok") } catch e { print(e.kind, e.message.replace(d, "D")) } }
t(fn() => io.mkdir(d))
print(io.stat(d).is_dir)
t(fn() => io.mkdir(d))
t(fn() => io.mkdir("${d}/a/b"))
t(fn() => io.mkdir("${d}/a/b/c", {"parents": true}))
print(io.stat("${d}/a/b/c").is_dir)
t(fn() => io.mkdir("${d}/a/b", {"parents": true}))
io.write_file("${d}/file", "x")
t(fn() => io.mkdir("${d}/file", {"parents": true}))
t(fn() => io.mkdir("${d}/file/sub", {"parents": true}))
t(fn() => io.mkdir("${d}/x", {"parents": false}))
t(fn() => io.mkdir(d, 1))
io.remove_all(d)
# expect: ok
# expect: true
# expect: exists cannot create directory 'D': File exists
# expect: not_found cannot create directory 'D/a/b': No such file or directory
# expect: ok
# expect: true
# expect: ok
# expect: exists cannot create directory 'D/file': File exists
# expect: not_directory cannot create directory 'D/file/sub': Not a directory
# expect: ok
# expect: type io.mkdir() argument 2 must be a map of options, not int
