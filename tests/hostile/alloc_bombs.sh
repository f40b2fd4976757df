# Hostile input under `gs --heap-limit=64m --max-fibers=10000`: allocation
# bombs (growing lists, strings, maps, split/bytes/chars of big strings,
# doubling concatenation, a fiber per iteration) stop with a clear `out of
# memory` / `too many fibers` error, quickly. So must str() and json.encode()
# of a small value that expands to terabytes of text (a list holding the same
# list twice, 40 levels deep: 2^40 leaves), under a 16 MB limit: they used to
# build their text in a malloc'ed buffer that the heap limit did not see, and
# ran until killed.
. "$(dirname "$0")/hostile_lib.bash"
hostile_setup
# every allocation collects under GS_GC_STRESS: these bombs allocate millions
if [ -n "${GS_GC_STRESS:-}" ] && [ "$GS_GC_STRESS" != 0 ]; then echo "skipped under GS_GC_STRESS"; exit 0; fi
HTIMEOUT=10
case "$GS" in *asan*) HTIMEOUT=60 ;; esac   # instrumented builds are several times slower
n=0
LIMIT=64m
bomb() {  # expected-error-regex program
  n=$((n + 1))
  printf '%s\n' "$2" >"$HDIR/bomb$n.gs"
  timeout -k 5 "$HTIMEOUT" "$GS" --heap-limit=$LIMIT --max-fibers=10000 "$HDIR/bomb$n.gs" \
    >"$HDIR/bomb$n.out" 2>"$HDIR/bomb$n.err" </dev/null
  rc=$?
  out=$(head -c 2000 "$HDIR/bomb$n.out")
  err=$(head -c 2000 "$HDIR/bomb$n.err")
  expect_clean_error "$2" "bomb$n\.gs:1:[0-9]+: $1"
}

bomb 'out of memory' 'let l = []; while true { l.push([1, 2, 3]) }'
bomb 'out of memory' 'let s = "x"; while true { s = s + s }'
bomb 'out of memory' 'let m = {}; let i = 0; while true { m[i] = "v${i}"; i += 1 }'
bomb 'out of memory' 'let s = "ab".repeat(20000000); print(len(s.split("")))'
bomb 'out of memory' 'let s = "ab".repeat(10000000); print(len(s.bytes()))'
bomb 'out of memory' 'let s = "ab".repeat(10000000); print(len(s.chars()))'
bomb 'out of memory' 'let l = [0]; while true { l = l + l }'
bomb 'out of memory' 'let l = [1]; while true { l = [l, l, l] }'
bomb 'out of memory' 'let s = "[" + "1,".repeat(20000000) + "1]"; print(len(json.decode(s)))'
bomb 'out of memory' 'let s = "x".repeat(30000000); print(len(s.upper() + s.lower() + s))'
bomb 'too many fibers' 'let c = chan(); while true { spawn c.recv() }'
bomb 'too many fibers' 'let l = []; while true { let g = fiber(fn() { yield 1 }); g.resume(); l.push(g) }'
# 16 MB is enough here, and keeps sanitizer builds within the time limit
LIMIT=16m
bomb '(out of memory|too large|too long)' 'let l = [1]; for i in 0..40 { l = [l, l] }; print(len(str(l)))'
bomb '(out of memory|too large|too long)' 'let l = [1]; for i in 0..40 { l = [l, l] }; print(len(json.encode(l)))'
bomb '(out of memory|too large|too long)' 'let m = {"k": 1}; for i in 0..40 { m = {"a": m, "b": m} }; print(len("${m}"))'

hostile_done
