# str(), interpolation and print of lists and maps nested 250 deep, in a fiber
# with a small C stack: the text or a catchable `stack overflow`, never the
# guard page (`fatal: C stack overflow`, exit 134). Found by the differential
# fuzzer (make fuzz-diff, --stack-size=32k).
. "$(dirname "$0")/hostile_lib.bash"
hostile_setup
for build in 'd = [i, d]' 'd = {"k": d}'; do
  for use in 'let s = str(d)' 'let s = "${d}"' 'print(d)'; do
    cat >"$HDIR/p.gs" <<GS
let f = spawn {
  let d = [0]
  for i in 0..250 { $build }
  try { $use } catch e { return e.message }
  return "done"
}
print(f.join())
GS
    for size in 16k 32k 64k; do
      hostile_run p "$HDIR/p.gs" --stack-size="$size"
      out=$(printf '%s\n' "$out" | tail -n 1)   # print(d) may have written d first
      case $out in
        done|"stack overflow") expect_ok "$build; $use (--stack-size=$size)" "$out" ;;
        *) expect_ok "$build; $use (--stack-size=$size)" "done or stack overflow" ;;
      esac
    done
  done
done
hostile_done
