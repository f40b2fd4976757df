# 1000 concurrent connections with every byte checked (needs about 2100 descriptors).
cd "$(dirname "$0")" || exit 2
ulimit -n 4096 2>/dev/null || { echo "cannot raise the descriptor limit to 4096"; exit 77; }
out=$(timeout 60 "$GS" thousand_connections.gs 2>&1)
rc=$?
[ $rc = 0 ] && [ "$out" = "1000 of 1000 connections echoed every byte" ] || { echo "exit $rc: $out"; exit 1; }
