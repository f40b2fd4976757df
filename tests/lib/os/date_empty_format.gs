# os.date("") is "" (strftime's 0 for an empty result is not taken for an overflow); long results work too.
print("[" + os.date("", 0, true) + "]", len(os.date("%Y".repeat(5000), 0, true)))
# expect: [] 20000
