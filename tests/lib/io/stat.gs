# io.stat gives size, mtime (float seconds), is_dir, is_file and the
# permission bits; a missing path raises not_found with its errno.
let d = (os.env("TMPDIR") or "/tmp") + "/gs_stat_${os.pid()}"
io.remove_all(d)
io.mkdir(d)
io.write_file("${d}/f", "hello")
let s = io.stat("${d}/f")
print(s.size, s.is_file, s.is_dir, type(s.mtime), math.abs(s.mtime - os.time()) < 60)
print(type(s.mode), s.mode >= 0 and s.mode <= 4095, s.mode & 384)
let sd = io.stat(d)
print(sd.is_dir, sd.is_file, sd.keys().sort())
try { io.stat("${d}/nope") } catch e { print(e.kind, e.errno, e.message.replace(d, "D")) }
try { io.stat("${d}/f/x") } catch e { print(e.kind) }
io.remove_all(d)
# expect: 5 true false float true
# expect: int true 384
# expect: true false ["is_dir", "is_file", "mode", "mtime", "size"]
# expect: not_found 2 cannot stat 'D/nope': No such file or directory
# expect: not_directory
