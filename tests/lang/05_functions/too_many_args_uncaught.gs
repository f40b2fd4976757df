# Uncaught argument-count error: file:LINE: message, exit 1.
fn add(a, b) { return a + b }
print(add(1, 2, 3))
# expect error: too_many_args_uncaught.gs:3:7: add() expects 2 arguments, got 3
