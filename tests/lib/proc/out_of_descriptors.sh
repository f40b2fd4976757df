# Out of descriptors, proc.start raises too_many_files (after a collection and a retry) instead of crashing, and works again once some are freed.
command -v prlimit >/dev/null || { echo "skip: no prlimit"; exit 0; }
out=$(timeout 30 prlimit --nofile=40 "$GS" -e 'let kept = []
let kind = nil
try {
  for i in 0..100 { kept.push(proc.start(["sleep", "5"], {"stdin": "pipe", "stdout": "pipe", "stderr": "pipe"})) }
} catch e { kind = e.kind }
print(kind, kept.len() > 0)
for p in kept { p.kill("KILL"); p.wait(); p.stdin.close(); p.stdout.close(); p.stderr.close() }
print(proc.run(["echo", "recovered"]).stdout.trim())' 2>&1)
[ "$out" = "too_many_files true
recovered" ] || { echo "output: $out"; exit 1; }
echo ok
