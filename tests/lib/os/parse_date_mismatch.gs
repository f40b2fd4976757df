# os.parse_date raises a value error naming the string and the format when they do not match: wrong text, a field out of range, a day the month lacks, text left over.
for s in ["yesterday", "2024-13-01", "2023-02-29", "2024-04-31", "2024-01-01 junk"] {
  try { os.parse_date(s, "%Y-%m-%d") } catch e { print(e.kind, e.message) }
}
# expect: value os.parse_date: "yesterday" does not match the format "%Y-%m-%d"
# expect: value os.parse_date: "2024-13-01" does not match the format "%Y-%m-%d"
# expect: value os.parse_date: "2023-02-29" does not match the format "%Y-%m-%d"
# expect: value os.parse_date: "2024-04-31" does not match the format "%Y-%m-%d"
# expect: value os.parse_date: "2024-01-01 junk" does not match the format "%Y-%m-%d"
