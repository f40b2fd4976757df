#!/usr/bin/env bash
# tests/api/coverage.sh — every function declared in include/gs.h is called
# by at least one C test in tests/api/ (so a new API function needs a test).
set -u
cd "$(dirname "${BASH_SOURCE[0]}")/../.." || exit 2
funcs=$(grep -oE '\bgs_[a-z_]+\(' include/gs.h | tr -d '(' | sort -u)
[ -n "$funcs" ] || { echo "not ok 1 - no functions found in include/gs.h"; exit 1; }
missing=""
count=0
for f in $funcs; do
  count=$((count + 1))
  grep -qE "\\b$f\\(" tests/api/test_api_*.c || missing="$missing $f"
done
if [ -z "$missing" ]; then
  echo "ok 1 - all $count functions of include/gs.h are called by tests/api/test_api_*.c"
  exit 0
fi
echo "not ok 1 - not called by any tests/api/test_api_*.c:$missing"
exit 1
