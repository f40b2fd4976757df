# With -e and with a script on standard input, the remaining words are os.args.
set -e
out=$("$GS" -e 'print(os.args)' a 'b c')
[ "$out" = '["a", "b c"]' ] || { echo "-e: $out"; exit 1; }
out=$(echo 'print(os.args)' | "$GS" - x)
[ "$out" = '["x"]' ] || { echo "stdin: $out"; exit 1; }
