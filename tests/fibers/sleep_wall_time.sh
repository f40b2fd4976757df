# sleep(s) blocks for at least s seconds of wall-clock time, and fibers sleep
# concurrently: four fibers sleeping 0.5 s each take about 0.5 s, not 2 s.
set -u
dir=$(mktemp -d "${TMPDIR:-/tmp}/gs-sleep-wall.XXXXXX")
trap 'rm -rf "$dir"' EXIT
cat >"$dir/s.gs" <<'GS'
let fs = []
for i in 0..4 { fs.push(spawn { sleep(0.5) }) }
for f in fs { f.join() }
sleep(0)
print("ok")
GS
t0=$(date +%s%N)
out=$("$GS" "$dir/s.gs")
rc=$?
t1=$(date +%s%N)
ms=$(( (t1 - t0) / 1000000 ))
echo "elapsed ${ms} ms"
[ "$rc" = 0 ] || { echo "exit status $rc"; exit 1; }
[ "$out" = ok ] || { echo "stdout: $out"; exit 1; }
[ "$ms" -ge 500 ] || { echo "slept too little"; exit 1; }
[ "$ms" -lt 1500 ] || { echo "fibers did not sleep concurrently"; exit 1; }
exit 0
