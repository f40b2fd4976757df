# tests/repl/lib.bash — shared setup for the REPL tests (sourced by the
# tests/repl/*.sh scripts; the runner only runs *.sh, so this is not a test).
#
# Builds pty_driver.c into a temporary directory and gives the scripts:
#   $T           a temporary directory (removed at exit); $T/home is HOME
#   drive ARGS   run `$GS ARGS` on a pseudo-terminal with HOME=$T/home and
#                TERM=xterm, reading the driver script from standard input
#                (see pty_driver.c for its commands); fails the test when a
#                line of the script fails. The cleaned transcript is left in
#                $T/transcript.
#
# Debugging: KEEP_T=file copies the last cleaned transcript there at exit;
# DRIVE_RAW=file saves the raw bytes (escapes and all) of each session;
# DRIVE_TIMEOUT=seconds per expect (default 15). For example
#   KEEP_T=/tmp/t.txt GS=build/gs bash tests/repl/fibers.sh; cat /tmp/t.txt
set -u
REPL_TESTS=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
GS=${GS:-$REPL_TESTS/../../build/gs}
T=$(mktemp -d "${TMPDIR:-/tmp}/gs-repl.XXXXXX") || exit 2
trap '[ -n "${KEEP_T:-}" ] && cp "$T/transcript" "$KEEP_T" 2>/dev/null; rm -rf "$T"' EXIT
mkdir -p "$T/home"

if ! ${CC:-cc} -std=gnu11 -O1 -o "$T/pty_driver" "$REPL_TESTS/pty_driver.c"; then
  echo "cannot build tests/repl/pty_driver.c"
  exit 1
fi

# A sanitizer or valgrind build is slower: give each `expect` more time.
DRIVE_TIMEOUT=${DRIVE_TIMEOUT:-15}

drive() {
  local rc
  env -u GS_HISTORY HOME="$T/home" TERM=xterm "$T/pty_driver" -t "$DRIVE_TIMEOUT" \
    -o "$T/transcript" ${DRIVE_RAW:+-r "$DRIVE_RAW"} -- "$GS" "$@"
  rc=$?
  if [ $rc = 77 ]; then
    echo "no pseudo-terminals available: REPL test not run"
    exit 0
  fi
  if [ $rc != 0 ]; then
    echo "FAILED: ${BASH_SOURCE[1]##*/}, line ${BASH_LINENO[0]}"
    exit 1
  fi
}
