# proc.run's timeout option kills the child with SIGKILL and raises timeout.
let pidfile = "/tmp/gs_proc_timeout_${os.pid()}"
let t0 = os.clock()
let started = os.time()
try {
  proc.run(["sh", "-c", "echo $$ > ${pidfile}; exec sleep 30"], {"timeout": 0.3})
} catch e { print(e.kind, e.errno > 0, e.message) }
print(os.time() - started < 5)
let pid = io.read_file(pidfile).trim()
os.remove(pidfile)
sleep(0.05)
# kill -0 fails once the child is gone (killed and reaped)
print(proc.run(["sh", "-c", "kill -0 ${pid} 2>/dev/null"]).code != 0)
# expect: timeout true run sh: timed out after 0.3 s (killed)
# expect: true
# expect: true
