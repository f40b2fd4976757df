# An uncaught stack overflow in main is an ordinary uncaught error: message, exit status 1.
fn deep(n) { return deep(n + 1) + 1 }
deep(0)
# expect error: overflow_uncaught_main.gs:2:21: stack overflow
# expect exit: 1
