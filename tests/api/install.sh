#!/usr/bin/env bash
# `make install` into a temporary prefix (and a DESTDIR staging root), then a
# host built with `cc $(pkg-config --cflags --libs gs)` against it, linked
# statically and dynamically, runs; `make uninstall` removes every file.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD:-build}   # as make knows it (relative to the root): the same targets
case $build in /*) build_abs=$build ;; *) build_abs=$root/$build ;; esac
if nm "$build_abs/libgs.a" 2>/dev/null | grep -q "__asan_"; then
  echo "skipped: a sanitizer build cannot be linked into a plain host (the plain build is checked by make test)"; exit 77
fi
command -v pkg-config >/dev/null || { echo "pkg-config is missing"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "not ok - $*"; exit 1; }
# Installs what is built and builds nothing (a test must not rebuild the tree
# other tests are running from): the build has to be up to date.
make -q -C "$root" BUILD="$build" all shared || fail "the build is not up to date: run make all shared (make test does)"
mk() { make -s --no-print-directory -C "$root" BUILD="$build" -o all -o shared "$@" >"$tmp/make.log" 2>&1 || { cat "$tmp/make.log"; fail "make $*"; }; }

files="bin/gs include/gs.h lib/libgs.a lib/libgs.so lib/libgs.so.0 lib/pkgconfig/gs.pc share/man/man1/gs.1"

# DESTDIR: everything lands under the staging root, gs.pc names the real prefix
mk install PREFIX=/opt/gs-test DESTDIR="$tmp/stage"
for f in $files; do [ -e "$tmp/stage/opt/gs-test/$f" ] || fail "DESTDIR install lacks $f"; done
grep -q '^prefix=/opt/gs-test$' "$tmp/stage/opt/gs-test/lib/pkgconfig/gs.pc" || fail "gs.pc does not name the prefix"
mk uninstall PREFIX=/opt/gs-test DESTDIR="$tmp/stage"
left=$(find "$tmp/stage" -type f -o -type l)
[ -z "$left" ] || fail "uninstall left: $left"
echo "ok - install and uninstall with DESTDIR"

# a real prefix, used by a host
p=$tmp/prefix
mk install PREFIX="$p"
soname=$(readelf -d "$p/lib/libgs.so" | sed -n 's/.*SONAME.*\[\(.*\)\]/\1/p')
[ "$soname" = libgs.so.0 ] || fail "soname is '$soname'"
[ "$(readlink "$p/lib/libgs.so")" = libgs.so.0 ] || fail "libgs.so does not point at the soname"
# exported: exactly the functions gs.h declares
exported=$(nm -D --defined-only "$p/lib/libgs.so" | awk '$2 != "A" {sub(/@.*/, "", $3); print $3}' | sort -u)
declared=$(grep -oE '\bgs_[a-z0-9_]+\(' "$root/include/gs.h" | tr -d '(' | sort -u)
[ "$exported" = "$declared" ] || fail "exports differ from gs.h: $(diff <(echo "$exported") <(echo "$declared") | head -c 400)"
"$p/bin/gs" -e 'print("installed gs runs")' | grep -q "installed gs runs" || fail "installed gs does not run"
MANWIDTH=80 man -l "$p/share/man/man1/gs.1" 2>/dev/null | grep -q "EXIT STATUS" || \
  grep -q '^\.SH EXIT STATUS' "$p/share/man/man1/gs.1" || fail "man page has no EXIT STATUS"
echo "ok - install into a prefix: soname libgs.so.0, only gs_* exported"

cat >"$tmp/host.c" <<'C'
#include <stdio.h>
#include <string.h>
#include <gs.h>
static void twice(gs_vm *vm, int argc) { (void)argc; gs_return_int(vm, 2 * gs_get_int(vm, 0)); }
int main(void) {
  gs_vm *vm = gs_new(NULL);
  gs_register(vm, "twice", twice, 1);
  const char *src = "let f = spawn { yield; return twice(21) }\nprint(f.join())\n";
  gs_status st = gs_run_string(vm, "host.gs", src, strlen(src));
  if (st != GS_OK) { fprintf(stderr, "%s\n", gs_error_message(vm)); return 1; }
  gs_free(vm);
  return 0;
}
C
export PKG_CONFIG_PATH="$p/lib/pkgconfig"
cc -o "$tmp/host_shared" "$tmp/host.c" $(pkg-config --cflags --libs gs) 2>"$tmp/cc.log" || { cat "$tmp/cc.log"; fail "shared host does not build"; }
ldd "$tmp/host_shared" | grep -q "libgs.so.0 => $p/lib/libgs.so.0" || LD_LIBRARY_PATH="$p/lib" ldd "$tmp/host_shared" | grep -q "libgs.so.0 => $p/lib" \
  || fail "shared host is not linked to libgs.so.0"
out=$(LD_LIBRARY_PATH="$p/lib" "$tmp/host_shared" 2>"$tmp/host.err") || fail "shared host failed (exit $?): $(cat "$tmp/host.err")"
[ "$out" = 42 ] || fail "shared host printed '$out'"
echo "ok - a host linked with pkg-config against libgs.so runs"

# static: the same flags, with the archive picked over the shared library
cc -o "$tmp/host_static" "$tmp/host.c" $(pkg-config --cflags --libs --static gs | sed 's/-lgs\b/-l:libgs.a/') 2>"$tmp/cc.log" \
  || { cat "$tmp/cc.log"; fail "static host does not build"; }
ldd "$tmp/host_static" | grep -q libgs && fail "static host still needs libgs.so"
out=$("$tmp/host_static" 2>"$tmp/host.err") || fail "static host failed (exit $?): $(cat "$tmp/host.err")"
[ "$out" = 42 ] || fail "static host printed '$out'"
echo "ok - a host linked with pkg-config against libgs.a runs"

mk uninstall PREFIX="$p"
left=$(find "$p" -type f -o -type l)
[ -z "$left" ] || fail "uninstall left: $left"
echo "ok - uninstall removes every file"
exit 0
