# Running a script from another directory still finds its imports.
set -e
here=$(cd "$(dirname "$0")" && pwd)
out=$(cd / && "$GS" "$here/relative.gs")
[ "$out" = "$(printf '42 util\ntrue')" ] || { echo "got: $out"; exit 1; }
out=$(cd "$here/mods" && "$GS" ../relative.gs)
[ "$out" = "$(printf '42 util\ntrue')" ] || { echo "got: $out"; exit 1; }
