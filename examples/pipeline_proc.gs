# pipeline_proc.gs — a shell pipeline built from child processes, with a
# fiber pumping each pipe: words | sort | uniq -c | sort -k1,1nr -k2 | head -3.
# Every wait (a read, a write, a child's exit) parks only its own fiber.

let text = "the quick brown fox jumps over the lazy dog the fox"
let stages = [["sort"], ["uniq", "-c"], ["sort", "-k1,1nr", "-k2"], ["head", "-3"]]

let procs = []
for argv in stages {
  procs.push(proc.start(argv, {"stdin": "pipe", "stdout": "pipe"}))
}

# Copy everything from one stage's output to the next one's input. A stage
# that stops reading early (head) makes the write raise "reset": that is
# the end of its input, not an error.
fn pump(from, to) {
  try {
    for chunk in from.stdout.lines() { to.stdin.write(chunk + "\n") }
  } catch e {
    if e.kind != "reset" { throw e }
  }
  to.stdin.close()
}

spawn {
  procs[0].stdin.write(text.split(" ").join("\n") + "\n")
  procs[0].stdin.close()
}
for i in 0..procs.len() - 1 {
  let from = procs[i]
  let to = procs[i + 1]
  spawn { pump(from, to) }
}

for line in procs[-1].stdout.lines() { print(line.trim()) }
print(procs.map(fn(p) { return p.wait() }))

# The same count in one call, through a shell, with a time limit:
let r = proc.run(["sh", "-c", "tr ' ' '\\n' | sort | uniq -c | sort -k1,1nr -k2 | head -1"],
                 {"stdin": text, "timeout": 10})
print(r.code, r.stdout.trim())

# expect: 3 the
# expect: 2 fox
# expect: 1 brown
# expect: [0, 0, 0, 0]
# expect: 0 3 the
