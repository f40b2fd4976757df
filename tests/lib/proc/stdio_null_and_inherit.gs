# "null" gives the child an empty input and discards its output; "inherit" (the default) shares ours.
let p = proc.start(["sh", "-c", "cat; echo lost"], {"stdout": "null"})
print(p.wait())
let q = proc.start(["sh", "-c", "echo inherited"])
q.wait()
let r = proc.run(["cat"])
print(r.stdout == "", r.code)
# expect: 0
# expect: inherited
# expect: true 0
