# Back-pressure: writing 32 MiB to a reader that takes its time keeps the
# writer at most a few socket buffers ahead of the reader, and the process's
# resident memory (VmRSS, read from /proc/self/status) grows by far less
# than what went through. Under ASan, freed memory would sit in its
# quarantine and count as resident: the quarantine is turned off here.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=0"
out=$("$GS" -e '
fn rss_kib() {
  for line in io.read_file("/proc/self/status").split("\n") {
    if line.starts_with("VmRSS:") { return int(line.split(":")[1].trim().split(" ")[0]) }
  }
}
let srv = net.listen("127.0.0.1:0")
let c = net.connect(srv.addr)
let s = srv.accept()
let chunk = "x".repeat(65536)
let total = 512 * 65536
let sent = 0
s.set_timeout(30)                              # bounded: a stuck wait fails the test
c.set_timeout(30)
let writer = spawn {
  for i in 0..512 { s.write(chunk); sent += 65536 }
  s.close()
}
let start = rss_kib()
let peak = start
let got = 0
let ahead = 0
let reads = 0
try {
  timeout(60, fn() {
    while true {
      let data = c.read(65536)
      if data == nil { break }
      got += data.len()
      ahead = math.max(ahead, sent - got)
      reads += 1
      if reads % 16 == 0 {
        sleep(0.001)                           # the slow part
        peak = math.max(peak, rss_kib())
      }
    }
    writer.join()
  })
} catch e { print("stuck after ${got} bytes read, ${sent} sent: ${e.kind} ${e.message}") }
print(got == total)
print(ahead < 16 * 1048576, (peak - start) < 16 * 1024)
if ahead >= 16 * 1048576 or peak - start >= 16 * 1024 { print(ahead, start, peak) }
')
[ "$out" = "$(printf 'true\ntrue true')" ] || { echo "got: $out"; exit 1; }
