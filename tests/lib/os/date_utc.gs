# os.date(format, t, true) formats t (seconds since the epoch) in UTC with strftime's conversions.
print(os.date("%Y-%m-%d %H:%M:%S", 0, true))
print(os.date("%Y-%m-%dT%H:%M:%SZ", 1000000000, true), os.date("%a %A %b %B %j %%", 1000000000, true))
# expect: 1970-01-01 00:00:00
# expect: 2001-09-09T01:46:40Z Sun Sunday Sep September 252 %
