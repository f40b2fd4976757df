# os.parse_date(s, format, true) reads s with strptime's conversions as UTC and gives the seconds since the epoch, an int.
print(os.parse_date("1970-01-02", "%Y-%m-%d", true), os.parse_date("2001-09-09 01:46:40", "%Y-%m-%d %H:%M:%S", true))
print(os.parse_date("29 Feb 2024", "%d %b %Y", true), type(os.parse_date("2000", "%Y", true)))
# expect: 86400 1000000000
# expect: 1709164800 int
