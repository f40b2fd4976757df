# Hostile input meets Ctrl-C: one SIGINT stops `gs script.gs` within a few
# seconds with exit status 1 and `interrupted` on stderr, whatever the script
# is doing — spinning, spinning inside a `try` that swallows every error,
# sleeping, waiting for a spawned fiber that sleeps (this used to wait out
# the whole sleep: the scheduler only gave up on an interrupt when the main
# fiber was the one sleeping), resuming a generator that sleeps, passing
# messages, re-entering script from a native, or stuck in a native that
# builds a huge string.
. "$(dirname "$0")/hostile_lib.bash"
hostile_setup
# the timing (a reply within seconds of SIGINT) does not hold when every allocation collects
if [ -n "${GS_GC_STRESS:-}" ] && [ "$GS_GC_STRESS" != 0 ]; then echo "skipped under GS_GC_STRESS"; exit 0; fi
HTIMEOUT=5   # seconds allowed after the SIGINT
n=0
stop() {  # program
  n=$((n + 1))
  local f="$HDIR/int$n.gs" pid i
  printf '%s\n' "$1" >"$f"
  "$GS" "$f" >"$HDIR/int$n.out" 2>"$HDIR/int$n.err" </dev/null &
  pid=$!
  sleep 0.5
  kill -INT "$pid" 2>/dev/null
  for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
    rc=124; out=""; err="(still running 5 s after SIGINT)"
  else
    wait "$pid"; rc=$?
    out=$(head -c 2000 "$HDIR/int$n.out"); err=$(head -c 2000 "$HDIR/int$n.err")
  fi
  expect_clean_error "$1" 'interrupted'
}

stop 'while true {}'
stop 'while true { try { while true {} } catch e {} }'
stop 'fn f() { while true { try { f() } catch e {} } }; f()'
stop 'sleep(100)'
stop 'let f = spawn sleep(100); f.join()'
stop 'spawn { sleep(100) }'
stop 'let g = fiber(fn() { sleep(100) }); g.resume()'
stop 'let c = chan(); spawn { while true { c.send(1) } }; while true { c.recv() }'
stop 'let l = [3, 1, 2]; while true { l.sort(fn(a, b) => a < b) }'
stop 'fn f() { while true {} }; [1].map(fn(x) => f())'
# long-running natives: str() / json.encode() of a 40-level DAG of shared
# lists (2^40 leaves, terabytes of text; no --heap-limit here) must notice
# the interrupt too (F7: the C loop building the text used not to check it)
stop 'let l = [1]; for i in 0..40 { l = [l, l] }; print(len(str(l)))'
stop 'let l = [1]; for i in 0..40 { l = [l, l] }; print(len(json.encode(l)))'
stop 'let l = [1]; for i in 0..40 { l = [l, l] }; print(l)'

hostile_done
