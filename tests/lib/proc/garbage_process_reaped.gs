# Children whose process objects become garbage are still reaped (no zombies) and not killed by the collector.
let marker = "/tmp/gs_proc_garbage_${os.pid()}"
for i in 0..10 { proc.start(["true"]) }
proc.start(["sh", "-c", "sleep 0.2; echo survived > ${marker}"])
for i in 0..200000 { let garbage = "g${i}" }   # collections meanwhile
sleep(0.5)
let zombies = proc.run(["sh", "-c", "grep -l '^State:.*Z' /proc/[0-9]*/status 2>/dev/null | while read f; do grep -q \"^PPid:.*\\b${os.pid()}\\b\" $f && echo $f; done | wc -l"])
print(zombies.stdout.trim())
print(io.read_file(marker).trim())
os.remove(marker)
# expect: 0
# expect: survived
