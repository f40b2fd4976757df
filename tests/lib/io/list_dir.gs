# io.list_dir gives the names in a directory sorted by bytes, without . and
# ..; a missing path raises not_found and a file not_directory, each naming
# the path.
let d = (os.env("TMPDIR") or "/tmp") + "/gs_list_dir_${os.pid()}"
io.remove_all(d)
io.mkdir(d)
for name in ["b", "a", "C", ".hidden", "é"] { io.write_file("${d}/${name}", name) }
io.mkdir("${d}/sub")
print(io.list_dir(d))
print(io.list_dir("${d}/sub"))
fn t(f) { try { f() } catch e { print(e.kind, e.errno > 0, e.message.replace(d, "D")) } }
t(fn() => io.list_dir("${d}/missing"))
t(fn() => io.list_dir("${d}/a"))
io.remove_all(d)
# expect: [".hidden", "C", "a", "b", "sub", "é"]
# expect: []
# expect: not_found true cannot list directory 'D/missing': No such file or directory
# expect: not_directory true cannot list directory 'D/a': Not a directory
