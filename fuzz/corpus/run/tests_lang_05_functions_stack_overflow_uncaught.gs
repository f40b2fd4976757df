# Uncaught stack overflow: an error message and exit 1, never a crash.
fn down(n) { return down(n + 1) + 1 }
down(0)
# expect error: stack overflow
