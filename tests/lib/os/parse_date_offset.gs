# os.parse_date: a %z offset in the text decides the time zone, whatever utc says.
let t = os.parse_date("2001-09-09T03:46:40+0200", "%Y-%m-%dT%H:%M:%S%z")
print(t, t == os.parse_date("2001-09-08T20:46:40-0500", "%Y-%m-%dT%H:%M:%S%z", true))
# expect: 1000000000 true
