# os.remove and os.rename (extras) work on files and report the OS reason.
let d = os.env("TMPDIR") or "/tmp"
let a = d + "/gs_os_a_${os.pid()}"
let b = d + "/gs_os_b_${os.pid()}"
io.write_file(a, "x")
os.rename(a, b)
print(io.read_file(b))
print(os.remove(b))
fn t(f) { try { f() } catch e { print(e.message.replace(d, "D").replace(str(os.pid()), "PID")) } }
t(fn() => os.remove(b))
t(fn() => os.rename(a, b))
t(fn() => os.remove(1))
# expect: x
# expect: nil
# expect: cannot remove 'D/gs_os_b_PID': No such file or directory
# expect: cannot rename 'D/gs_os_a_PID' to 'D/gs_os_b_PID': No such file or directory
# expect: os.remove() argument 1 must be a string, not int
