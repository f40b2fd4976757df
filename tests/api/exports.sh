#!/usr/bin/env bash
# tests/api/exports.sh — $BUILD/libgs.a defines, as global symbols, exactly
# the functions declared in include/gs.h: every internal name is local, so
# it cannot clash with a host's own (test_api_namespace.c links one that
# does), and every declared function exists.
set -u
cd "$(dirname "${BASH_SOURCE[0]}")/../.." || exit 2
lib=${BUILD:-build}/libgs.a
[ -f "$lib" ] || { echo "not ok 1 - $lib not built"; exit 1; }
declared=$(grep -oE '\bgs_[a-z0-9_]+\(' include/gs.h | tr -d '(' | sort -u)
exported=$(nm -g --defined-only "$lib" | awk 'NF == 3 { print $3 }' | sort -u)
extra=$(comm -13 <(echo "$declared") <(echo "$exported"))
missing=$(comm -23 <(echo "$declared") <(echo "$exported"))
status=0
if [ -z "$extra" ]; then
  echo "ok 1 - $lib exports no symbol that include/gs.h does not declare"
else
  echo "not ok 1 - $lib exports symbols outside the API:" $extra
  status=1
fi
if [ -z "$missing" ]; then
  echo "ok 2 - every function of include/gs.h is exported ($(echo "$declared" | wc -l))"
else
  echo "not ok 2 - declared in include/gs.h but not exported:" $missing
  status=1
fi
exit $status
