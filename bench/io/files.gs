# files.gs — what a file call costs: io.read_file and open + read_line +
# close of a small file, 20 000 times each, and io.lines over 200 000 lines,
# alone (calls run inline) or with `busy` as argument (another fiber is
# alive, so each call goes to the worker pool). docs/io.md has the figures.
#   gs bench/io/files.gs [busy]
let dir = (os.env("TMPDIR") or "/tmp") + "/gs_bench_files_${os.pid()}"
io.mkdir(dir, {"parents": true})
let small = dir + "/small.txt"
let big = dir + "/big.txt"
io.write_file(small, "hello world\nsecond line\n")
let f = io.open(big, "w")
for i in 0..200000 { f.write("line number ${i} of the big file\n") }
f.close()
let ticker = nil
if os.args.len() > 0 and os.args[0] == "busy" { ticker = spawn { while true { sleep(10) } } }
let t0 = os.time()
for i in 0..20000 { io.read_file(small) }
let t1 = os.time()
for i in 0..20000 { let g = io.open(small); g.read_line(); g.close() }
let t2 = os.time()
let n = 0
for l in io.lines(big) { n += 1 }
let t3 = os.time()
if ticker != nil { ticker.cancel() }
io.remove_all(dir)
print("read_file: ${math.round((t1 - t0) * 1e6 / 20000, 2)} us")
print("open + read_line + close: ${math.round((t2 - t1) * 1e6 / 20000, 2)} us")
print("lines, ${n}: ${math.round((t3 - t2) * 1000, 1)} ms")
