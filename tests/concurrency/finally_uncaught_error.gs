# An uncaught error still runs finally blocks before the program stops.
try { error("boom") } finally { print("cleanup ran") }
# expect: cleanup ran
# expect error: finally_uncaught_error.gs:2:7: boom
