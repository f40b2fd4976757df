# Cancel and timeouts during p.wait() and proc.run: the blocked call raises, other fibers run, the process object stays usable.
let p = proc.start(["sleep", "30"])
let waiter = spawn { p.wait() }
sleep(0.05)
waiter.cancel()
try { waiter.join() } catch e { print("wait:", e.kind) }
print(p.done())
try { timeout(0.05, fn() { p.wait() }) } catch e { print("timeout():", e.kind) }
try { p.wait(0.05) } catch e { print("wait(0.05):", e.kind, e.message) }
p.kill("KILL")
print(p.wait())
# cancelling proc.run kills its child
let pidfile = "/tmp/gs_proc_cancel_${os.pid()}"
let runner = spawn { proc.run(["sh", "-c", "echo $$ > ${pidfile}; exec sleep 30"]) }
# cancel once the child is running (it wrote its pid), however loaded the machine
for i in 0..500 {
  if io.exists(pidfile) and io.read_file(pidfile).trim() != "" { break }
  sleep(0.02)
}
runner.cancel()
try { runner.join() } catch e { print("run:", e.kind) }
let pid = io.read_file(pidfile).trim()
os.remove(pidfile)
sleep(0.05)
print(proc.run(["sh", "-c", "kill -0 ${pid} 2>/dev/null"]).code != 0)
# expect: wait: cancelled
# expect: false
# expect: timeout(): timeout
# expect: wait(0.05): timeout wait sleep: timed out after 0.05 s
# expect: 137
# expect: run: cancelled
# expect: true
