# A missing program raises not_found naming the operation and the program; a file that is not executable raises permission.
try { proc.run(["no-such-program-xyz", "a"]) } catch e { print(e.kind, e.errno, e.message) }
try { proc.start(["no-such-program-xyz"]) } catch e { print(e.kind, e.message) }
try { proc.run(["/no/such/dir/prog"]) } catch e { print(e.kind, e.message) }
let plain = "/tmp/gs_proc_noexec_${os.pid()}"
io.write_file(plain, "echo hi\n")
try { proc.run([plain]) } catch e { print(e.kind, e.errno, e.message == "run ${plain}: permission denied") }
os.remove(plain)
# expect: not_found 2 run no-such-program-xyz: program not found
# expect: not_found start no-such-program-xyz: program not found
# expect: not_found run /no/such/dir/prog: no such file or directory
# expect: permission 13 true
