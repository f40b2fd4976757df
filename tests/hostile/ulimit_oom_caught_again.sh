# A program that catches `out of memory` and tries again: the second
# failure of an allocation made outside the VM heap (here a fiber stack's
# mmap, with 2 GiB of address space) is the catchable `out of memory` too.
# It used to abort ("fatal: out of memory", exit 134): the first error had
# used up the reserve, and nothing had taken it back yet.
. "$(dirname "$0")/hostile_lib.bash"
ulimit_skip
hostile_setup
cat >"$HDIR/again.gs" <<'GS'
print("before")
let fs = []
for round in 0..3 {
  try {
    while true { fs.push(spawn { }) }
  } catch e {
    print(e.message)
  }
}
print(len(fs) > 100)
GS
(ulimit -v 2097152 && exec timeout -k 5 "$HTIMEOUT" "$GS" "$HDIR/again.gs") >"$HDIR/again.out" 2>"$HDIR/again.err" </dev/null
rc=$?
out=$(cat "$HDIR/again.out")
err=$(head -c 2000 "$HDIR/again.err")
expect_ok "out of memory caught three times" "before
out of memory
out of memory
out of memory
true"
hostile_done
