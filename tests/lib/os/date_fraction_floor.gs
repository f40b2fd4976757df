# os.date takes a float time and uses its whole seconds, toward the past (os.time() has a fraction).
print(os.date("%H:%M:%S", 59.9, true), os.date("%Y-%m-%d %H:%M:%S", -0.5, true))
# expect: 00:00:59 1969-12-31 23:59:59
