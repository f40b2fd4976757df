# Accepting when the process is out of descriptors raises kind too_many_files
# (out of a for over the listener too) instead of spinning, and accepting works
# again once some are closed. Clients connect from this shell.
command -v prlimit >/dev/null || { echo "prlimit is missing"; exit 77; }
cd "$(dirname "$0")" || exit 2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gs-emfile.XXXXXX") || exit 2
trap '[ $BASHPID = $$ ] && rm -rf "$tmp"' EXIT   # not in the watchdog subshell when it is killed
prlimit --nofile=40:40 "$GS" accept_out_of_files.gs "$tmp/port" >"$tmp/out" 2>&1 &
gs=$!
for i in $(seq 1 100); do [ -s "$tmp/port" ] && break; sleep 0.05; done
port=$(cat "$tmp/port" 2>/dev/null)
[ -n "$port" ] || { echo "no port"; kill $gs; exit 1; }
fds=()
for i in $(seq 1 60); do
  exec {fd}<>"/dev/tcp/127.0.0.1/$port" || break
  fds+=("$fd")
done
( sleep 20; kill $gs 2>/dev/null ) & watchdog=$!
wait $gs
rc=$?
kill $watchdog 2>/dev/null
want="too_many_files true
true
accepting again after closing some"
[ $rc = 0 ] && [ "$(cat "$tmp/out")" = "$want" ] || { echo "exit $rc:"; cat "$tmp/out"; exit 1; }
