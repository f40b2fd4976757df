# A channel's buffer takes memory as it fills, not when it is made: a
# chan(4000000) (64 MB of buffer slots) holding one value must not make
# the process 64 MB bigger (the default allocator maps big new blocks in
# bulk, but not a channel's buffer).
fn rss_kib() {
  for line in io.read_file("/proc/self/status").split("\n") {
    if line.starts_with("VmRSS:") { return int(line.split(":")[1].trim().split(" ")[0]) }
  }
  return 0
}
let before = rss_kib()
let c = chan(4000000)
c.send("one")
let grew = rss_kib() - before
print(grew < 16384)   # expect: true
print(c.recv())       # expect: one
