# os.env sees the environment the interpreter was started with.
set -e
out=$(GS_TEST_VAR='hello world' "$GS" -e 'print(os.env("GS_TEST_VAR"))')
[ "$out" = "hello world" ] || { echo "got: $out"; exit 1; }
out=$(GS_TEST_VAR= "$GS" -e 'print(os.env("GS_TEST_VAR") == "")')
[ "$out" = true ] || { echo "empty: $out"; exit 1; }
