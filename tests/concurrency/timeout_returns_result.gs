# timeout(secs, fn) returns what fn returns when it finishes in time.
print(timeout(1, fn() { return 42 }))
print(timeout(0.5, fn() { sleep(0.001); return "late enough" }))
# expect: 42
# expect: late enough
