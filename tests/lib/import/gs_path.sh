# GS_PATH (colon-separated) adds search directories after the importing file's
# own directory; missing-module errors list every path tried.
set -e
d=${TMPDIR:-/tmp}/gs_import_path_$$
trap 'rm -rf "$d"' EXIT
mkdir -p "$d/main" "$d/lib1" "$d/lib2/pkg"
echo 'let where = "lib2"' >"$d/lib2/pkg/thing.gs"
echo 'let where = "lib1"' >"$d/lib1/both.gs"
echo 'let where = "lib2"' >"$d/lib2/both.gs"
echo 'let where = "local"' >"$d/main/near.gs"
echo 'let where = "lib1"' >"$d/lib1/near.gs"
cat >"$d/main/app.gs" <<'GS'
import "pkg/thing"
import "both"
import "near"
print(thing.where, both.where, near.where)
GS
out=$(GS_PATH="$d/nowhere::$d/lib1:$d/lib2" "$GS" "$d/main/app.gs")
[ "$out" = "lib2 lib1 local" ] || { echo "got: $out"; exit 1; }
echo 'import "absent"' >"$d/main/miss.gs"
err=$(GS_PATH="$d/lib1:$d/lib2" "$GS" "$d/main/miss.gs" 2>&1 || true)
case $err in
  *"cannot find module 'absent' (tried $d/main/absent.gs, $d/lib1/absent.gs, $d/lib2/absent.gs)"*) ;;
  *) echo "error was: $err"; exit 1 ;;
esac
err=$("$GS" "$d/main/app.gs" 2>&1 || true)
case $err in *"cannot find module 'pkg/thing'"*) ;; *) echo "without GS_PATH: $err"; exit 1 ;; esac
