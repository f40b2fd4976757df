#!/usr/bin/env bash
# The repr of a long string ("%q") whose buffer cannot grow (the allocator
# refuses blocks over 8 MiB): the catchable `out of memory`, and the part of
# the buffer already built is freed (it was leaked: LeakSanitizer). Only the
# ASan build can make malloc refuse a size; elsewhere this is skipped.
set -u
if ! nm "$GS" 2>/dev/null | grep -q __asan_init; then echo "skipped: needs the ASan build (make test-asan)"; exit 77; fi
err=$(mktemp)
trap 'rm -f "$err"' EXIT
out=$(ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}allocator_may_return_null=1:max_allocation_size_mb=8" "$GS" -e '
let s = "\x01".repeat(3000000)
for round in 0..3 {
  try { print(len("%q".format(s))) } catch e { print(e.message) }
}
print("%q".format("ok\x01"))' 2>"$err")
rc=$?
[ "$rc" = 0 ] && [ "$out" = 'out of memory
out of memory
out of memory
"ok\x01"' ] || { echo "exit $rc, unexpected output: $out"; grep -v WARNING "$err" | head -20; exit 1; }
