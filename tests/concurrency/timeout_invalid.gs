# timeout with NaN seconds raises "invalid timeout".
try { timeout(0 / 0, fn() { return 1 }) } catch e { print(e.message) }
# expect: invalid timeout
