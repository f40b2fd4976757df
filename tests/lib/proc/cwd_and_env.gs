# cwd sets the child's directory; env replaces its environment, yet the program is still found in the parent's PATH.
print(proc.run(["pwd"], {"cwd": "/"}).stdout)
let r = proc.run(["env"], {"env": {"GS_A": "1", "GS_B": "two words"}})
print(r.stdout)
let inherited = proc.run(["sh", "-c", "test -n \"\$PATH\" && echo has path"]).stdout
print(inherited)
try { proc.run(["pwd"], {"cwd": "/no/such/dir"}) } catch e { print(e.kind, e.message) }
try { proc.run(["pwd"], {"cwd": "/etc/hostname"}) } catch e { print(e.kind, e.message) }
try { proc.run(["env"], {"env": {"A": 1}}) } catch e { print(e.message) }
try { proc.run(["env"], {"bogus": 1}) } catch e { print(e.message) }
# expect: /
# expect:
# expect: GS_A=1
# expect: GS_B=two words
# expect:
# expect: has path
# expect:
# expect: not_found run pwd: cwd /no/such/dir: no such file or directory
# expect: not_directory run pwd: cwd /etc/hostname: not a directory
# expect: proc.run(): env value of 'A' must be a string
# expect: proc.run(): unknown option 'bogus'
