# os.parse_date: what the format does not give is taken from 1970-01-01 00:00:00.
print(os.parse_date("12:30", "%H:%M", true), os.parse_date("1971", "%Y", true), os.parse_date("", "", true))
# expect: 45000 31536000 0
