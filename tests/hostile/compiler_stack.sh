# The compiler runs on the C stack of the fiber that imports: its recursion
# and vm_import's path buffers used to overflow it (fatal, exit 134). Now a
# function costs a few hundred bytes of C stack per nesting level, the path
# buffers live on the heap, and a nesting the stack cannot take is the
# compile error `nesting too deep`: 1000 nested `fn() =>` compile on the
# main stack, 25 in a module imported from a spawned fiber, any import works
# in a fiber with a 16 KiB or 32 KiB stack, and 1500 levels in a 64 KiB
# fiber stop cleanly.
. "$(dirname "$0")/hostile_lib.bash"
hostile_setup
nest() {  # n: a module whose `f` nests n function literals
  printf 'let f = '
  for _ in $(seq 1 "$1"); do printf 'fn() => '; done
  printf '1\nlet ok = "ok"\n'
}
sanitized=false
case "$GS" in *asan*) sanitized=true ;; esac   # instrumented frames are several times larger

nest 1000 >"$HDIR/nest1000.gs"; printf 'print("ok")\n' >>"$HDIR/nest1000.gs"
hostile_run nest1000 "$HDIR/nest1000.gs"; expect_ok "1000 nested fn() => on the main stack" ok

nest 25 >"$HDIR/m25.gs"
printf 'let f = spawn { import "m25"; print(m25.ok) }\nf.join()\n' >"$HDIR/fiber25.gs"
hostile_run fiber25 "$HDIR/fiber25.gs"; expect_ok "25 nested in a module imported by a fiber" ok

printf 'let ok = "ok"\n' >"$HDIR/small.gs"
printf 'let f = spawn { import "small"; print(small.ok) }\nf.join()\n' >"$HDIR/fiber_small.gs"
for size in 32k 16k; do
  timeout -k 5 "$HTIMEOUT" "$GS" --stack-size=$size "$HDIR/fiber_small.gs" >"$HDIR/s.out" 2>"$HDIR/s.err" </dev/null
  rc=$?; out=$(cat "$HDIR/s.out"); err=$(head -c 20000 "$HDIR/s.err")
  if $sanitized; then expect_ok_or_error "import in a fiber, --stack-size=$size" ok 'nesting too deep|stack overflow'
  else expect_ok "import in a fiber, --stack-size=$size" ok; fi
done

nest 1500 >"$HDIR/m1500.gs"
printf 'let f = spawn { import "m1500"; print(m1500.ok) }\nf.join()\n' >"$HDIR/fiber1500.gs"
timeout -k 5 "$HTIMEOUT" "$GS" --stack-size=64k "$HDIR/fiber1500.gs" >"$HDIR/d.out" 2>"$HDIR/d.err" </dev/null
rc=$?; out=$(cat "$HDIR/d.out"); err=$(head -c 20000 "$HDIR/d.err")
expect_clean_error "1500 nested in a 64 KiB fiber" 'm1500\.gs:1:[0-9]+: nesting too deep'

hostile_done
