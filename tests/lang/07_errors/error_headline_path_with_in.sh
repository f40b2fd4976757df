# The first line of an error report says where the error happened even when
# the script's path holds " in ": it comes from the error's own position, not
# from the traceback's "file:line in name" read back. Both for an Error and
# for a thrown string.
set -e
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gs-errors.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/my in dir"
printf 'let x = 1\nprint(x + nil)\n' > "$tmp/my in dir/add.gs"
printf 'fn f() {\n  throw "boom"\n}\nf()\n' > "$tmp/my in dir/throw.gs"
cd "$tmp"
check() {   # script, expected first two lines of the report
  if "$GS" "$1" 2>err >/dev/null; then echo "$1 did not fail"; exit 1; fi
  got=$(head -2 err)
  [ "$got" = "$2" ] || { echo "$1:"; cat err; exit 1; }
}
check "my in dir/add.gs" "my in dir/add.gs:2:7: cannot add int and nil
    2 | print(x + nil)"
check "my in dir/throw.gs" "my in dir/throw.gs:2:3: boom
    2 |   throw \"boom\""
