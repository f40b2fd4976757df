# The deadline is removed when fn returns: later waits outside timeout are not interrupted.
timeout(0.01, fn() { return 1 })
sleep(0.03)
print("slept")
# expect: slept
