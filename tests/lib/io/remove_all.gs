# io.remove_all removes a file, or a directory with everything in it; a
# missing path is not an error.
let d = (os.env("TMPDIR") or "/tmp") + "/gs_remove_all_${os.pid()}"
io.mkdir("${d}/a/b/c", {"parents": true})
for p in ["${d}/top", "${d}/a/x", "${d}/a/b/c/deep"] { io.write_file(p, p) }
io.remove_all("${d}/top")
print(io.list_dir(d))
print(io.remove_all(d), io.exists(d))
print(io.remove_all(d))
# expect: ["a"]
# expect: nil false
# expect: nil
