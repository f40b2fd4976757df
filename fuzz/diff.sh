#!/usr/bin/env bash
# diff.sh — the differential fuzzer: runs generated programs under every build and mode, reports disagreements with a minimised reproducer.
#
#   fuzz/diff.sh [-n N] [-s SEED] [-j JOBS]     (what `make fuzz-diff N=… SEED=…` runs)
#
# For each seed in SEED .. SEED+N-1, build/fuzz-diff/gen_program writes a
# program (main.gs and its modules) and it runs under:
#   rel    the release build                  the reference
#   asan   the ASan+UBSan build (build/asan)  same stdout and exit status, no report
#   gc     the release build, GS_GC_STRESS=1  same stdout and exit status
#   vg     valgrind on the release build      same, no valgrind error (every
#                                            VALGRIND_EVERY-th seed; 0 = never)
#   heap   release, --heap-limit=(200k|1m|4m, by seed)     only a clean end:
#   stack  release, --stack-size=(32k|64k|128k, by seed)   exit 0, or exit 1
#          with a message on stderr; no signal, abort, sanitizer report, hang
# Anything else is a finding: the first of each kind (mode and message) is
# reduced line by line (blocks first, then ever smaller runs of lines) while
# the same mode keeps failing the same way; each is written to
# $OUT/findings/seed-S-MODE/ (main.gs + modules,
# report.txt with the command, the failure and the reduced run's stderr).
# $OUT/findings/index.txt gets one line per finding. Exit status 1 when
# anything was found.
#
# Environment: OUT (build/fuzz-diff), GS_REL (build/gs), GS_ASAN
# (build/asan/gs), GEN (build/fuzz-diff/gen_program), VALGRIND_EVERY (20),
# MODES (all of the above), MINIMIZE_SECONDS (180 per finding; 0 = do not
# reduce), KEEP=1 (keep the work directories of clean seeds too),
# WALL_FACTOR (10: a run's wall-clock limit is this many times its CPU-time
# limit — 30 s, ASan 60 s, GC stress 120 s, valgrind 300 s).
set -u
cd "$(dirname "$0")/.." || exit 2
ROOT=$PWD
: "${OUT:=build/fuzz-diff}" "${GS_REL:=build/gs}" "${GS_ASAN:=build/asan/gs}"
: "${GEN:=build/fuzz-diff/gen_program}" "${VALGRIND_EVERY:=20}"
: "${MODES:=rel asan gc vg heap stack}" "${MINIMIZE_SECONDS:=180}" "${KEEP:=0}"
: "${WALL_FACTOR:=10}"
case $OUT in /*) ;; *) OUT=$ROOT/$OUT ;; esac
case $GS_REL in /*) ;; *) GS_REL=$ROOT/$GS_REL ;; esac
case $GS_ASAN in /*) ;; *) GS_ASAN=$ROOT/$GS_ASAN ;; esac
case $GEN in /*) ;; *) GEN=$ROOT/$GEN ;; esac
export OUT GS_REL GS_ASAN GEN VALGRIND_EVERY MODES MINIMIZE_SECONDS KEEP ROOT WALL_FACTOR

HEAP_LIMITS=(200k 1m 4m)
STACK_SIZES=(32k 64k 128k)

# The command line of MODE for SEED, one word a line (run in the program's
# directory, on main.gs).
mode_cmd() {
  local mode=$1 seed=$2
  case $mode in
    rel|gc) printf '%s\n' "$GS_REL" ;;
    asan)   printf '%s\n' "$GS_ASAN" ;;
    vg)     printf '%s\n' valgrind -q --error-exitcode=99 --leak-check=full \
              --errors-for-leak-kinds=definite "$GS_REL" ;;
    heap)   printf '%s\n' "$GS_REL" "--heap-limit=${HEAP_LIMITS[seed % 3]}" ;;
    stack)  printf '%s\n' "$GS_REL" "--stack-size=${STACK_SIZES[seed % 3]}" ;;
  esac
  printf '%s\n' main.gs
}

mode_timeout() {
  case $1 in rel|heap|stack) echo 30 ;; asan) echo 60 ;; gc) echo 120 ;; vg) echo 300 ;; esac
}

# Runs MODE in DIR; leaves DIR/MODE.out, DIR/MODE.err, DIR/MODE.rc.
run_mode() {
  local mode=$1 dir=$2 seed=$3 cmd
  mapfile -t cmd < <(mode_cmd "$mode" "$seed")
  local env=(env ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
             LSAN_OPTIONS=suppressions=$ROOT/tests/lsan.supp)
  [ "$mode" = gc ] && env+=(GS_GC_STRESS=1)
  # The limit is CPU time (ulimit -t: SIGXCPU), so a loaded machine does not
  # turn slow runs into findings; a run that waits without computing is
  # still stopped by the wall clock at WALL_FACTOR times the limit.
  local cpu; cpu=$(mode_timeout "$mode")
  ( cd "$dir" && ulimit -t "$cpu" && "${env[@]}" timeout -k 5 "$((cpu * WALL_FACTOR))" "${cmd[@]}" \
      </dev/null >"$mode.out" 2>"$mode.err"; echo $? >"$mode.rc" ) 2>/dev/null
}

# What is wrong with MODE's run in DIR, as one short line; empty when nothing.
# The compared modes need DIR/rel.* first.
verdict() {
  local mode=$1 dir=$2 rc err=$2/$1.err
  rc=$(cat "$dir/$mode.rc")
  local san
  san=$(grep -m1 -oE 'ERROR: (AddressSanitizer|LeakSanitizer): [a-z-]+|runtime error: .{0,60}|fatal: .{0,40}' "$err")
  if [ -n "$san" ]; then echo "$mode: $san"; return; fi
  case $rc in
    124|137|152) echo "$mode: timed out"; return ;;
    99) [ "$mode" = vg ] && { echo "$mode: valgrind error: $(grep -m1 -E '^==[0-9]+== [A-Z]' "$err" | sed 's/^==[0-9]*== //' | cut -c1-60)"; return; } ;;
  esac
  if [ "$rc" -gt 128 ]; then echo "$mode: killed by signal $((rc - 128))"; return; fi
  case $mode in
    rel)
      [ "$rc" -le 1 ] || echo "$mode: exit status $rc" ;;
    heap|stack)
      if [ "$rc" -gt 1 ]; then echo "$mode: exit status $rc"
      elif [ "$rc" = 1 ] && ! [ -s "$err" ]; then echo "$mode: exit 1 without a message"; fi ;;
    *)
      local rrc; rrc=$(cat "$dir/rel.rc")
      if [ "$rc" != "$rrc" ]; then echo "$mode: exit status $rc, release $rrc"
      elif ! cmp -s "$dir/$mode.out" "$dir/rel.out"; then echo "$mode: stdout differs from release"; fi ;;
  esac
}

# Runs MODE (and the release build when MODE is compared with it) on DIR and
# prints the verdict.
check() {
  local mode=$1 dir=$2 seed=$3
  case $mode in rel|heap|stack) ;; *) run_mode rel "$dir" "$seed" ;; esac
  run_mode "$mode" "$dir" "$seed"
  verdict "$mode" "$dir"
}

# reduce DIR FILE MODE SEED WANT DEADLINE: deletes lines of DIR/FILE while
# `check MODE` still says WANT. Blocks (a line opening more braces than it
# closes, to its matching line) first, then runs of lines of halving length.
reduce_file() {
  local dir=$1 file=$2 mode=$3 seed=$4 want=$5 deadline=$6
  local -a lines keep
  mapfile -t lines <"$dir/prog/$file"
  local n=${#lines[@]} i
  for ((i = 0; i < n; i++)); do keep[i]=1; done
  local cand=$dir/cand
  rm -rf "$cand"; cp -r "$dir/prog" "$cand"
  try_without() {  # FROM TO (inclusive): 0 when the failure stays without them
    local from=$1 to=$2 j
    : >"$cand/$file"
    for ((j = 0; j < n; j++)); do
      if [ "${keep[j]}" = 1 ] && { [ "$j" -lt "$from" ] || [ "$j" -gt "$to" ]; }; then
        printf '%s\n' "${lines[j]}" >>"$cand/$file"
      fi
    done
    [ "$(check "$mode" "$cand" "$seed")" = "$want" ]
  }
  local progress=1 size
  while [ "$progress" = 1 ] && [ "$(date +%s)" -lt "$deadline" ]; do
    progress=0
    for ((i = 0; i < n; i++)); do                               # blocks
      [ "${keep[i]}" = 1 ] || continue
      [ "$(date +%s)" -lt "$deadline" ] || break
      local open=${lines[i]//[^\{]/} close=${lines[i]//[^\}]/}
      local depth=$(( ${#open} - ${#close} ))
      [ "$depth" -gt 0 ] || continue
      local j=$i
      while [ "$depth" -gt 0 ] && [ $((j + 1)) -lt "$n" ]; do
        j=$((j + 1))
        [ "${keep[j]}" = 1 ] || continue
        open=${lines[j]//[^\{]/}; close=${lines[j]//[^\}]/}
        depth=$((depth + ${#open} - ${#close}))
      done
      if try_without "$i" "$j"; then
        local k; for ((k = i; k <= j; k++)); do keep[k]=0; done; progress=1
      fi
    done
    for ((size = n / 2; size >= 1; size /= 2)); do              # runs of lines
      for ((i = 0; i < n; i += size)); do
        [ "$(date +%s)" -lt "$deadline" ] || break
        local any=0 k
        for ((k = i; k < i + size && k < n; k++)); do [ "${keep[k]}" = 1 ] && any=1; done
        [ "$any" = 1 ] || continue
        if try_without "$i" $((i + size - 1)); then
          for ((k = i; k < i + size && k < n; k++)); do keep[k]=0; done; progress=1
        fi
      done
    done
  done
  : >"$dir/prog/$file"
  for ((i = 0; i < n; i++)); do
    [ "${keep[i]}" = 1 ] && printf '%s\n' "${lines[i]}" >>"$dir/prog/$file"
  done
  rm -rf "$cand"
}

# Writes the finding of SEED (its work directory DIR, failing MODE, verdict
# WANT) to $OUT/findings/seed-SEED-MODE/.
report() {
  local seed=$1 dir=$2 mode=$3 want=$4
  local fdir=$OUT/findings/seed-$seed-$mode
  rm -rf "$fdir"; mkdir -p "$fdir/original"
  cp "$dir"/prog/*.gs "$fdir/original/"
  # the first finding of each kind is reduced; the others are kept as found
  local kind=${want//[^A-Za-z0-9]/_} first=0
  mkdir -p "$OUT/findings/.reduced"
  mkdir "$OUT/findings/.reduced/$kind" 2>/dev/null && first=1
  if [ "$MINIMIZE_SECONDS" -gt 0 ] && [ "$first" = 1 ]; then
    local deadline=$(( $(date +%s) + MINIMIZE_SECONDS )) f
    reduce_file "$dir" main.gs "$mode" "$seed" "$want" "$deadline"
    for f in "$dir"/prog/m[0-9]*.gs; do
      [ -e "$f" ] || continue
      if grep -q "\"$(basename "$f" .gs)\"" "$dir"/prog/*.gs; then
        reduce_file "$dir" "$(basename "$f")" "$mode" "$seed" "$want" "$deadline"
      fi
    done
    for f in "$dir"/prog/m[0-9]*.gs; do   # modules nothing imports any more
      [ -e "$f" ] && ! grep -q "\"$(basename "$f" .gs)\"" "$dir"/prog/*.gs && rm -f "$f"
    done
  fi
  cp "$dir"/prog/*.gs "$fdir/"
  local now; now=$(check "$mode" "$dir/prog" "$seed")
  {
    echo "seed $seed: $want"
    [ "$now" = "$want" ] || echo "(the reduced program now says: ${now:-nothing wrong}; original/ has the full one)"
    echo "command (in this directory): $(mode_cmd "$mode" "$seed" | tr '\n' ' ')"
    [ "$mode" = gc ] && echo "environment: GS_GC_STRESS=1"
    echo "exit status: $(cat "$dir/prog/$mode.rc")"
    echo "--- stderr (first 40 lines)"; head -n 40 "$dir/prog/$mode.err"
    case $mode in rel|heap|stack) ;; *)
      echo "--- stdout vs release (diff, first 20 lines)"
      diff "$dir/prog/rel.out" "$dir/prog/$mode.out" | head -n 20 ;;
    esac
  } >"$fdir/report.txt"
  echo "seed-$seed-$mode: $want ($(grep -c '' "$fdir/main.gs") lines$([ "$first" = 1 ] || echo ", not reduced: same kind as an earlier one"))" >>"$OUT/findings/index.txt"
}

# One seed: generate, run every mode, report what fails. Prints one line.
one_seed() {
  local seed=$1 dir=$OUT/work/$1 found=() mode v
  rm -rf "$dir"; mkdir -p "$dir/prog"
  "$GEN" "$seed" "$dir/prog" || { echo "seed $seed: generator failed"; return 1; }
  run_mode rel "$dir/prog" "$seed"
  for mode in $MODES; do
    case $mode in
      vg) { [ "$VALGRIND_EVERY" -gt 0 ] && [ $((seed % VALGRIND_EVERY)) = 0 ] && command -v valgrind >/dev/null; } || continue ;;
    esac
    [ "$mode" = rel ] || run_mode "$mode" "$dir/prog" "$seed"
    v=$(verdict "$mode" "$dir/prog")
    if [ -n "$v" ] && [[ $v == *"timed out"* ]]; then   # a loaded machine: once more, alone
      run_mode "$mode" "$dir/prog" "$seed"; v=$(verdict "$mode" "$dir/prog")
    fi
    [ -n "$v" ] && found+=("$mode" "$v")
  done
  if [ ${#found[@]} = 0 ]; then
    echo "seed $seed: ok"
    [ "$KEEP" = 1 ] || rm -rf "$dir"
    return 0
  fi
  local i
  for ((i = 0; i < ${#found[@]}; i += 2)); do
    echo "seed $seed: ${found[i+1]}"
    report "$seed" "$dir" "${found[i]}" "${found[i+1]}"
  done
  return 1
}

if [ "${1:-}" = --one ]; then one_seed "$2"; exit; fi

N=100 SEED=1 JOBS=1
while getopts n:s:j: o; do
  case $o in n) N=$OPTARG ;; s) SEED=$OPTARG ;; j) JOBS=$OPTARG ;; *) exit 2 ;; esac
done
for f in "$GS_REL" "$GS_ASAN" "$GEN"; do
  [ -x "$f" ] || { echo "fuzz/diff.sh: $f is missing (make fuzz-diff builds it)" >&2; exit 2; }
done
mkdir -p "$OUT/findings" "$OUT/bin"
# run copies, so that a rebuild during a long run changes nothing under it
cp "$GS_REL" "$OUT/bin/gs" && cp "$GS_ASAN" "$OUT/bin/gs-asan" && cp "$GEN" "$OUT/bin/gen_program" || exit 2
export GS_REL=$OUT/bin/gs GS_ASAN=$OUT/bin/gs-asan GEN=$OUT/bin/gen_program
log=$OUT/run-$SEED-$((SEED + N - 1)).log
start=$(date +%s)
seq "$SEED" $((SEED + N - 1)) | xargs -P "$JOBS" -n 1 "$0" --one >"$log"
bad=$(grep -vc ': ok$' "$log")
ok=$(grep -c ': ok$' "$log")
grep -v ': ok$' "$log" | sort -t' ' -k2n
where=""; [ "$bad" = 0 ] || where=", findings in $OUT/findings/"
echo "fuzz-diff: $((ok + bad)) programs (seeds $SEED..$((SEED + N - 1))), $bad with findings, $(( $(date +%s) - start )) s; log $log$where"
[ "$bad" = 0 ]
