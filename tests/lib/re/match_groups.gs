# A match: text, group(i or name), groups() from 1 (nil when a group did not take part), named(), start/end of groups.
let m = re.search("(?<year>\\d{4})-(?<month>\\d\\d)(-(\\d\\d))?", "on 2024-05 at")
print(m.text, m.group(), m.group(0), m.group(1), m.group("month"))
print(m.groups())
print(m.named())
print(m.start(1), m.end("month"), m.start(3), m.end(4))
print(m)
# expect: 2024-05 2024-05 2024-05 2024 05
# expect: ["2024", "05", nil, nil]
# expect: {"year": "2024", "month": "05"}
# expect: 3 10 -1 -1
# expect: <match "2024-05" at 3..10>
