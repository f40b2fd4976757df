# The exact stderr format of an unjoined fiber's error and of an uncaught error
# in main: "error in fiber ID: FILE:LINE: message", the source line and a
# caret under the column, "traceback:", then "  FILE:LINE in NAME" lines,
# innermost first.
set -u
dir=$(mktemp -d "${TMPDIR:-/tmp}/gs-fiber-error-format.XXXXXX")
trap 'rm -rf "$dir"' EXIT
cd "$dir"
cat >errfmt.gs <<'GS'
fn inner() {
  error("kaboom")
}
fn outer() {
  inner()
}
spawn outer()
spawn { print("other fiber") }
GS
"$GS" errfmt.gs >out.txt 2>err.txt
rc=$?
fail=0
[ "$rc" = 1 ] || { echo "exit status $rc, expected 1"; fail=1; }
[ "$(cat out.txt)" = "other fiber" ] || { echo "stdout:"; cat out.txt; fail=1; }
expected='error in fiber 1: errfmt.gs:2:3: kaboom
    2 |   error("kaboom")
      |   ^
traceback:
  errfmt.gs:2 in inner
  errfmt.gs:5 in outer'
actual=$(head -n 6 err.txt)
if [ "$actual" != "$expected" ]; then
  echo "stderr differs:"; diff <(echo "$expected") <(echo "$actual"); fail=1
fi

cat >mainerr.gs <<'GS'
fn f() {
  error("in main")
}
f()
GS
"$GS" mainerr.gs >out.txt 2>err.txt
rc=$?
[ "$rc" = 1 ] || { echo "main: exit status $rc, expected 1"; fail=1; }
expected='mainerr.gs:2:3: in main
    2 |   error("in main")
      |   ^
traceback:
  mainerr.gs:2 in f'
actual=$(head -n 5 err.txt)
if [ "$actual" != "$expected" ]; then
  echo "main stderr differs:"; diff <(echo "$expected") <(echo "$actual"); fail=1
fi
exit $fail
