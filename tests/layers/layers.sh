#!/usr/bin/env bash
# tests/layers/layers.sh — the library's folders form layers: a folder uses
# (includes a header of, or calls a function defined in) only folders below
# it in LAYERS, so the folder graph has no cycle. Edges are read from the
# sources' #include "..." lines and from the built objects ($BUILD/FOLDER/*.o:
# each undefined symbol is charged to the folder that defines it).
#
#   tests/layers/layers.sh          check (exit 1 on an edge that runs up)
#   tests/layers/layers.sh --graph  print the folder graph (make layers)
set -u
cd "$(dirname "${BASH_SOURCE[0]}")/../.." || exit 2
BUILD=${BUILD:-build}
# lowest first; include/ is the public header, usable by all
LAYERS=(include coro vm compiler builtins api stdlib embed cli)
rank() { local i; for i in "${!LAYERS[@]}"; do [ "${LAYERS[$i]}" = "$1" ] && { echo "$i"; return; }; done; echo -1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
declare -A header_dir
objs=()
for d in "${LAYERS[@]}"; do
  for h in "$d"/*.h; do [ -f "$h" ] && header_dir[${h##*/}]=$d; done
  for src in "$d"/*.c "$d"/*.S; do
    [ -f "$src" ] || continue
    o="$BUILD/${src%.*}.o"
    [ -f "$o" ] || { echo "not ok 1 - $o is not built (run make first)"; exit 1; }
    objs+=("$o")
  done
done
{
  for d in "${LAYERS[@]}"; do
    for src in "$d"/*.c "$d"/*.h "$d"/*.re "$d"/*.y; do
      [ -f "$src" ] || continue
      for h in $(sed -n 's/^#include "\([^"]*\)".*/\1/p' "$src"); do
        to=${header_dir[${h##*/}]:-}
        [ -n "$to" ] && [ "$to" != "$d" ] && echo "$d $to $src includes $h"
      done
    done
  done
  # one nm for all objects: "OBJ: [VALUE] TYPE SYMBOL"; a folder is the
  # object's path under $BUILD up to the first slash
  nm -A -g "${objs[@]}" | awk -v b="$BUILD/" '
    { obj = $1; sub(/:$/, "", obj); sub("^" b, "", obj); dir = obj; sub(/\/.*/, "", dir)
      sym = $NF; type = $(NF - 1) }
    type == "U" { uses[++n] = dir " " sym " " obj; next }
    { def[sym] = dir }
    END { for (i = 1; i <= n; i++) { split(uses[i], u, " ")
            if ((u[2] in def) && def[u[2]] != u[1]) print u[1], def[u[2]], u[3], "calls", u[2] } }'
} | sort -u > "$tmp/edges"

if [ "${1:-}" = --graph ]; then
  echo "folder -> folders it uses (lowest layer first)"
  for d in "${LAYERS[@]}"; do
    uses=$(awk -v d="$d" '$1 == d { print $2 }' "$tmp/edges" | sort -u | tr '\n' ' ')
    printf '  %-9s -> %s\n' "$d" "${uses:-(nothing)}"
  done
  exit 0
fi

bad=0
# the optional libraries and the gs command use the public API alone (the
# Makefile compiles them with -Iinclude only: PUBLIC_ONLY)
for src in stdlib/*.[ch] cli/*.[ch]; do
  for h in $(sed -n 's/^#include "\([^"]*\)".*/\1/p' "$src"); do
    if [ "$h" != gs.h ] && [ ! -f "$(dirname "$src")/$h" ]; then
      echo "# $src includes $h: only gs.h and headers of its own folder"
      bad=$((bad + 1))
    fi
  done
done
while read -r from to why; do
  if [ "$(rank "$to")" -ge "$(rank "$from")" ]; then
    echo "# $from -> $to runs up: $why"
    bad=$((bad + 1))
  fi
done < "$tmp/edges"
if [ $bad = 0 ]; then
  echo "ok 1 - every folder uses only folders below it (${LAYERS[*]}): no cycle"
  exit 0
fi
echo "not ok 1 - $bad uses run up the layers"
exit 1
