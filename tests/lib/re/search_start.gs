# rx.search(s, start) begins at byte start; positions stay positions in s; a negative start counts from the end.
let rx = re.compile("a.")
let m = rx.search("abacad", 1)
print(m.text, m.start(), m.end())
print(rx.search("abacad", -2).text, rx.search("abacad", 99))
print(re.compile("^a").search("ba", 1))
# expect: ac 2 4
# expect: ad nil
# expect: nil
