# os.parse_date undoes os.date with the same format, in local time as in UTC.
let fmt = "%Y-%m-%d %H:%M:%S"
for t in [0, 1000000000, 1700000000, -86400] {
  print(os.parse_date(os.date(fmt, t), fmt) == t, os.parse_date(os.date(fmt, t, true), fmt, true) == t)
}
# expect: true true
# expect: true true
# expect: true true
# expect: true true
