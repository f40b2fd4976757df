# With other fibers alive, file work goes to the worker pool: every io
# function gives the same results, errors included, and the other fibers
# run meanwhile.
let d = (os.env("TMPDIR") or "/tmp") + "/gs_io_pool_${os.pid()}"
let ticks = 0
let stop = false
let ticker = spawn { while not stop { ticks += 1; sleep(0.001) } }
io.remove_all(d)
io.mkdir("${d}/x/y", {"parents": true})
io.write_file("${d}/f.txt", "one\r\ntwo\nthree")
io.append_file("${d}/f.txt", "\nfour\n")
print(io.read_file("${d}/f.txt").len(), io.list_dir(d), io.exists("${d}/x/y"), io.stat("${d}/f.txt").size)
let lines = []
for l in io.lines("${d}/f.txt") { lines.push(l) }
print(lines)
let f = io.open("${d}/f.txt")
print(f.read(2), f.read_line(), f.read_line(), f.read(3), f.read(), f.read(1))
f.close()
let w = io.open("${d}/w.txt", "w+")
for i in 0..2000 { w.write("line ${i}\n") }
w.flush()
w.close()
print(io.read_file("${d}/w.txt").len())
try { io.read_file("${d}/nope") } catch e { print(e.kind, e.message.replace(d, "D")) }
try { io.mkdir(d) } catch e { print(e.kind) }
let reader = spawn io.read_file("${d}/w.txt")
let gone = spawn { sleep(1); return "never" }
gone.cancel()
print(reader.join().len(), gone.status())
io.remove_all(d)
print(io.exists(d))
stop = true
ticker.join()
print(ticks > 0)
# expect: 20 ["f.txt", "x"] true 20
# expect: ["one", "two", "three", "four"]
# expect: on e two thr ee
# expect: four
# expect:  nil
# expect: 18890
# expect: not_found cannot open 'D/nope': No such file or directory
# expect: exists
# expect: 18890 done
# expect: false
# expect: true
