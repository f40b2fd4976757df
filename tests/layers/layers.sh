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
# symbol -> folder, for every global function or variable the library defines
for d in "${LAYERS[@]}"; do
  for src in "$d"/*.c "$d"/*.S; do
    [ -f "$src" ] || continue
    o="$BUILD/${src%.*}.o"
    [ -f "$o" ] || { echo "not ok 1 - $o is not built (run make first)"; exit 1; }
    nm --defined-only -g "$o" | awk -v d="$d" 'NF == 3 { print $3, d }'
  done
done | sort -u > "$tmp/defs"
# header -> folder
for d in "${LAYERS[@]}"; do for h in "$d"/*.h; do [ -f "$h" ] && echo "${h##*/} $d"; done; done > "$tmp/headers"

for d in "${LAYERS[@]}"; do
  for src in "$d"/*.c "$d"/*.h "$d"/*.re "$d"/*.y; do
    [ -f "$src" ] || continue
    grep -oE '^#include "[^"]+"' "$src" | sed 's/.*"\(.*\)"/\1/' | while read -r h; do
      to=$(awk -v h="${h##*/}" '$1 == h { print $2 }' "$tmp/headers")
      [ -n "$to" ] && [ "$to" != "$d" ] && echo "$d $to $src includes $h"
    done
    case $src in *.c) ;; *) continue ;; esac
    o="$BUILD/${src%.*}.o"
    [ -f "$o" ] || continue
    nm -u "$o" | awk '{ print $2 }' | sort -u | join - "$tmp/defs" | while read -r sym to; do
      [ "$to" != "$d" ] && echo "$d $to $src calls $sym"
    done
  done
done | sort -u > "$tmp/edges"

if [ "${1:-}" = --graph ]; then
  echo "folder -> folders it uses (lowest layer first)"
  for d in "${LAYERS[@]}"; do
    uses=$(awk -v d="$d" '$1 == d { print $2 }' "$tmp/edges" | sort -u | tr '\n' ' ')
    printf '  %-9s -> %s\n' "$d" "${uses:-(nothing)}"
  done
  exit 0
fi

bad=0
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
