# os.date and os.parse_date use local time (TZ) unless utc is true: in a zone 5 hours west of UTC without DST.
set -e
out=$(TZ=XYZ+5 "$GS" -e 'print(os.date("%Y-%m-%d %H:%M %Z", 0), os.date("%H:%M", 0, true), os.date("%H:%M", 0, false))')
[ "$out" = "1969-12-31 19:00 XYZ 00:00 19:00" ] || { echo "os.date: $out"; exit 1; }
out=$(TZ=XYZ+5 "$GS" -e 'print(os.parse_date("1970-01-01 00:00", "%Y-%m-%d %H:%M"), os.parse_date("1970-01-01 00:00", "%Y-%m-%d %H:%M", true))')
[ "$out" = "18000 0" ] || { echo "os.parse_date: $out"; exit 1; }
