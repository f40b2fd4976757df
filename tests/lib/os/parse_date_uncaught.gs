# An uncaught os.parse_date error ends the script with status 1 and names the position.
let t = os.parse_date("soon", "%H:%M")
print("not reached")
# expect error: parse_date_uncaught.gs:2:9: os.parse_date: "soon" does not match the format "%H:%M"
